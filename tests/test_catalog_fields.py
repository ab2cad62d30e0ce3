"""Catalog field validation (qa7 L3, L11): booleans are booleans, no surface links everywhere, and
``context`` gates plain entries as well as ambiguous ones."""

from __future__ import annotations

import pytest

from relwork.core.errors import CatalogError
from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog


def _catalog_file(tmp_path, line: str):
    path = tmp_path / "mycat.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "line, message",
    [
        # qa7 L3: the string "no" was read as true and made the entry exact-case
        ('{"name": "Transformer", "ambiguous": "no"}',
         r"mycat.jsonl:1: Transformer: 'ambiguous' must be true or false, got 'no'$"),
        ('{"name": "Transformer", "ambiguous": "false"}', r"'ambiguous' must be true or false, got 'false'"),
        ('{"name": "Transformer", "ambiguous": 0}', r"'ambiguous' must be true or false, got 0"),
        # qa7 L11: 'the' linked 300 times in 36 papers
        ('{"name": "the"}', r"mycat.jsonl:1: the: name or alias 'the' is an English function word"),
        ('{"name": "Sockeye", "aliases": ["With"]}', r"mycat.jsonl:1: Sockeye: name or alias 'With' is an English"),
        ('{"name": "her", "ambiguous": true}', r"name or alias 'her' is an English function word"),
        ('{"name": "A", "context": ["x"]}', r"mycat.jsonl:1: A: name or alias 'A' is shorter than 2 characters"),
        ('{"name": "OpenNMT", "aliases": [" Z "]}', r"name or alias 'Z' is shorter than 2 characters"),
    ],
)
def test_catalog_refuses_non_boolean_ambiguous_and_everywhere_surfaces(tmp_path, line, message):
    with pytest.raises(CatalogError, match=message) as caught:
        load_catalog(_catalog_file(tmp_path, line))
    assert caught.value.exit_code == 3


@pytest.mark.parametrize(
    "line, name, ambiguous",
    [('{"name": "Transformer", "ambiguous": false}', "Transformer", False),
     ('{"name": "IT", "ambiguous": true}', "IT", True), ('{"name": "OpenNMT"}', "OpenNMT", False)],
)
def test_catalog_accepts_boolean_ambiguous_and_capitalised_exact_case_function_words(tmp_path, line, name, ambiguous):
    assert load_catalog(_catalog_file(tmp_path, line)).get(name).ambiguous is ambiguous


def test_builtin_function_word_entry_is_exact_case_capitals(catalog):
    """The rule keeps the built-in catalog valid: its one function-word surface is HER, ambiguous."""
    her = catalog.get("HER")
    assert her.ambiguous and "HER" in her.surfaces


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We build on GER for this task.", set()),
        ("We build on GER to correct the errors of the ASR system.", {"GER"}),
    ],
)
def test_catalog_context_gates_a_plain_entry(catalog, sentence, expected):
    """GER (Generative Error Correction) is not ambiguous and has context words: it links only with one."""
    assert not catalog.get("GER").ambiguous and catalog.get("GER").context
    linked = Linker(catalog).link(Paper(id="x", title="A study", abstract=sentence))
    assert {link.method for link in linked.links} == expected
