"""A catalog edited after loading (an entry added, replaced, or changed in place) or a catalog file edited between
runs gets its own compiled table: the compiled parts are keyed by the catalog's content, never served stale."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.linker import Linker, load_catalog
from relwork.linker.catalog import CatalogEntry
from relwork.linker.compiled import compiled_catalog

SENTENCE = "ATLAS further improves the long context performance of Titans, achieving +80% accuracy."


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("RELWORK_CACHE", str(folder))
    return folder


def test_entry_added_or_replaced_after_a_cached_load_gets_its_own_table(cache):
    load_catalog()
    cached = load_catalog()
    before = compiled_catalog(cached)
    cached.add(CatalogEntry("Titans", aliases=["ATLAS"]))
    assert [m.name for m in Linker(cached).matcher.find(SENTENCE)] == ["Titans", "Titans"]
    assert compiled_catalog(cached) is not before
    cached.entries["Titans"] = CatalogEntry("Titans")  # replaced, same count
    assert [m.name for m in Linker(cached).matcher.find(SENTENCE)] == ["Titans"]


def test_entry_changed_in_place_after_a_cached_load_gets_its_own_table(cache):
    """A notebook user may edit a loaded entry's aliases directly; the next linker must see the new alias."""
    load_catalog()
    cached = load_catalog()  # from the cache file
    assert "BERT" not in [m.name for m in Linker(cached).matcher.find(SENTENCE)]
    cached.entries["BERT"].aliases.append("ATLAS")
    assert "BERT" in [m.name for m in Linker(cached).matcher.find(SENTENCE)]


def test_edited_catalog_file_is_picked_up_by_the_next_link_run(cache, tmp_path):
    """Same size, same run (the in-memory memo too): only the alias differs."""
    user, papers, out = tmp_path / "mine.jsonl", tmp_path / "p.jsonl", tmp_path / "out.jsonl"
    papers.write_text(json.dumps({"title": "Long context", "abstract": SENTENCE}) + "\n", encoding="utf-8")
    linked = []
    for alias in ("ATLAS", "ATLAZ"):
        user.write_text(json.dumps({"name": "Titans", "aliases": [alias]}) + "\n", encoding="utf-8")
        result = CliRunner().invoke(app, ["-q", "link", str(papers), "--catalog", str(user), "-o", str(out)])
        assert result.exit_code == 0, result.output
        linked.append([link["surface"] for link in json.loads(out.read_text(encoding="utf-8"))["links"]])
    assert linked == [["ATLAS", "Titans"], ["Titans"]]
