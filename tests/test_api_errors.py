"""The library API on common argument mistakes: each gives a RelworkError with a clear message (or is
accepted, when its meaning is plain), never a raw Python error from deep inside or a run that never ends.
Runs the real linker on a seed file."""

from __future__ import annotations

import io
import json

import pytest

from relwork.core.errors import InputError
from relwork.linker import link_files, load_catalog, type_relation

from conftest import SEED_FILES

SEED = SEED_FILES[0]
# a seed sentence (examples/hf-papers): "LaTeX" at [0, 5)
SENTENCE = "LaTeX is a popular application for creating PDF documents."


def _linked(**options) -> str:
    out = io.StringIO()
    link_files([SEED], out, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def builtin_output(catalog) -> str:
    return _linked(catalog=catalog)


@pytest.mark.parametrize("option", [{"batch_size": 0}, {"batch_size": -3}, {"workers": 0}, {"batch_size": 2.5}])
def test_link_files_refuses_a_batch_size_or_workers_below_one_before_reading(catalog, option):
    name = next(iter(option))  # the Python argument's name: the library has no command-line flags
    with pytest.raises(InputError, match=f"^{name} must be an integer of at least 1"):
        link_files([SEED], io.StringIO(), catalog=catalog, **option)


def test_link_files_writes_a_path_output_like_a_stream(catalog, builtin_output, tmp_path):
    target = tmp_path / "out" / "linked.jsonl"
    summary = link_files(str(SEED), str(target), catalog=catalog)
    assert target.read_text(encoding="utf-8") == builtin_output
    assert summary.papers == len(builtin_output.splitlines())
    assert [p.name for p in target.parent.iterdir()] == ["linked.jsonl"]  # no partial file left behind


def test_link_files_reads_inputs_given_as_an_iterator_with_a_path_output(catalog, builtin_output, tmp_path):
    """The output-is-an-input check looks at the inputs once, before linking: an iterator is not used up by it."""
    target = tmp_path / "linked.jsonl"
    link_files(iter([SEED]), target, catalog=catalog)
    assert target.read_text(encoding="utf-8") == builtin_output


@pytest.mark.parametrize("corpus", [True, False])
def test_link_files_skips_a_missing_or_unknown_file_as_a_problem_in_both_modes(catalog, builtin_output, corpus, tmp_path):
    """As load_papers does: the other inputs are linked, the file is reported; with strict=True it stops."""
    unknown = tmp_path / "notes.md"
    unknown.write_text("# not papers\n", encoding="utf-8")
    out = io.StringIO()
    summary = link_files([SEED, tmp_path / "absent.jsonl", unknown], out, catalog=catalog, corpus=corpus)
    assert [str(p) for p in summary.problems][0] == f"{tmp_path / 'absent.jsonl'}: file not found"
    assert str(summary.problems[1]).startswith(f"{unknown}: cannot detect the format")
    if corpus:
        assert out.getvalue() == builtin_output
    else:
        assert len(out.getvalue().splitlines()) == len(builtin_output.splitlines())
    with pytest.raises(InputError, match="absent.jsonl: file not found"):
        link_files([SEED, tmp_path / "absent.jsonl"], io.StringIO(), catalog=catalog, corpus=corpus, strict=True)


def test_link_files_refuses_an_output_path_that_is_an_input(catalog, tmp_path):
    copy = tmp_path / "papers.txt"
    copy.write_bytes(SEED.read_bytes())
    with pytest.raises(InputError, match="the output file is also an input"):
        link_files([copy], copy, catalog=catalog)
    assert copy.read_bytes() == SEED.read_bytes()


def test_link_files_refuses_a_binary_output_stream(catalog, tmp_path):
    with open(tmp_path / "out.jsonl", "wb") as binary:
        for output in (io.BytesIO(), binary, 42):
            with pytest.raises(InputError, match="output must be a text stream"):
                link_files([SEED], output, catalog=catalog)


def test_link_files_writes_to_a_text_wrapper_over_a_binary_file(catalog, builtin_output, tmp_path):
    with io.TextIOWrapper(open(tmp_path / "out.jsonl", "wb"), encoding="utf-8") as text:
        link_files([SEED], text, catalog=catalog)
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == builtin_output


def test_link_files_without_a_catalog_uses_the_built_in_one(builtin_output):
    assert _linked(catalog=None) == builtin_output
    assert _linked() == builtin_output


def test_link_files_loads_a_catalog_given_as_a_path_on_top_of_the_built_in_one(tmp_path):
    entry = {"name": "LaTeX", "kind": "method", "aliases": []}
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps(entry) + "\n", encoding="utf-8")
    output = _linked(catalog=str(path))
    assert output == _linked(catalog=load_catalog(path))
    assert any(link["method"] == "LaTeX" for line in output.splitlines() for link in json.loads(line)["links"])


def test_link_files_refuses_a_catalog_of_the_wrong_type():
    with pytest.raises(InputError, match="catalog must be a Catalog"):
        link_files([SEED], io.StringIO(), catalog=["BERT"])


def test_type_relation_takes_no_own_names_as_none_or_one_name_as_a_string():
    plain = type_relation(SENTENCE, 0, 5)
    assert type_relation(SENTENCE, 0, 5, own_names=None) == plain
    assert type_relation("We propose LATTE, which builds on BERT.", 33, 37, own_names="LATTE") == \
        type_relation("We propose LATTE, which builds on BERT.", 33, 37, own_names=["LATTE"])


@pytest.mark.parametrize("others", ["x", [(1, "a")], [(1, 2, 3)], 5])
def test_type_relation_refuses_others_that_are_not_spans(others):
    with pytest.raises(InputError, match=r"others must be a list of \(start, end\) integer pairs"):
        type_relation(SENTENCE, 0, 5, others=others)


@pytest.mark.parametrize("sentence", [None, b"LaTeX is popular", 12345])
def test_type_relation_says_the_sentence_must_be_a_string(sentence):
    with pytest.raises(InputError, match="sentence must be a string"):
        type_relation(sentence, 0, 4)


@pytest.mark.parametrize("command", ["link", "build"])
def test_cli_min_confidence_nan_is_named_not_a_number(command, tmp_path):
    import re

    from typer.testing import CliRunner

    from relwork.cli import app

    result = CliRunner().invoke(app, [command, str(SEED), "--min-confidence", "nan", "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2
    text = re.sub(r"[\s│╭╮╰╯─]+", " ", result.output)  # the error box, unwrapped
    assert "Invalid value for '--min-confidence': nan is not a number: give a value from 0 to 1" in text
    assert not (tmp_path / "out.json").exists()
