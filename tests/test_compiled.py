"""The compiled-catalog caches: a cached catalog links exactly like a freshly parsed one, and a missing,
corrupt, unwritable or outdated cache only costs a rebuild, never a stale catalog."""

from __future__ import annotations

import json
import pickle

import pytest

from relwork.linker import Linker, load_catalog
from relwork.linker.catalog import CatalogEntry, alias_key
from relwork.linker.compiled import cache_dir, compiled_catalog
from relwork.linker.matcher import Matcher
from relwork.linker.pipeline import linked_dict
from relwork.linker.used_names import DatasetEditions
from relwork.loaders import iter_papers


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("RELWORK_CACHE", str(folder))
    return folder


@pytest.fixture(scope="module")
def seed_papers(seed_files):
    return list(iter_papers(seed_files[0]))[:25]


def _linked(catalog, papers):
    linker = Linker(catalog)
    return [linked_dict(linker.link(p)) for p in papers]


def test_cached_catalog_links_the_seeds_like_a_freshly_parsed_one(cache, seed_papers):
    fresh = load_catalog(cache=False)
    load_catalog()  # writes the cache
    assert len(list(cache.glob("catalog-*.pickle"))) == 1
    cached = load_catalog()
    assert [e.__dict__ for e in cached] == [e.__dict__ for e in fresh]
    assert _linked(cached, seed_papers) == _linked(fresh, seed_papers)


def test_corrupt_cache_file_is_rebuilt(cache, seed_papers):
    load_catalog()
    (path,) = cache.glob("catalog-*.pickle")
    path.write_bytes(b"not a pickle")
    catalog = load_catalog()
    assert _linked(catalog, seed_papers[:5]) == _linked(load_catalog(cache=False), seed_papers[:5])
    assert pickle.loads(path.read_bytes())[2].entries.keys() == catalog.entries.keys()  # written again


def test_unusable_cache_directory_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("RELWORK_CACHE", str(blocker / "cache"))
    assert "BERT" in load_catalog()


def test_cache_off_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("RELWORK_CACHE", "off")
    assert cache_dir() is None
    assert "BERT" in load_catalog()


def test_edited_user_catalog_is_never_served_from_the_cache(cache, tmp_path):
    user = tmp_path / "mine.jsonl"
    sentence = "ATLAS further improves the long context performance of Titans, achieving +80% accuracy."
    user.write_text(json.dumps({"name": "Titans", "aliases": []}) + "\n", encoding="utf-8")
    assert [m.name for m in Linker(load_catalog(user)).matcher.find(sentence)] == ["Titans"]
    user.write_text(json.dumps({"name": "Titans", "aliases": ["ATLAS"]}) + "\n", encoding="utf-8")
    assert [m.name for m in Linker(load_catalog(user)).matcher.find(sentence)] == ["Titans", "Titans"]
    assert len(list(cache.glob("catalog-*.pickle"))) == 2


def test_catalog_changed_in_place_gets_its_own_compiled_table(cache):
    sentence = "The proposed descriptor is faster than SIFT, BRISK and SURF."
    catalog = load_catalog()
    assert "BRISK" in {m.name for m in Linker(catalog).matcher.find(sentence)}
    del catalog.entries["BRISK"]
    assert "BRISK" not in {m.name for m in Linker(catalog).matcher.find(sentence)}
    assert compiled_catalog(catalog) is compiled_catalog(catalog)


def test_matcher_over_a_base_table_equals_one_built_from_all_entries():
    catalog = load_catalog()
    extra = [CatalogEntry("NeoLATTE", aliases=["Neo-LATTE"], ambiguous=True), CatalogEntry("BERTology"),
             CatalogEntry("Bert", ambiguous=True)]
    whole = Matcher([*catalog, *extra])
    base = compiled_catalog(catalog).table
    before = {key: list(targets) for key, targets in base.items()}
    added = Matcher(extra, base=base)
    # Matcher._table builds its dict on every access (its targets are stored compact): read each table once
    added_table, whole_table = added._table, whole._table
    assert sorted(added_table) == sorted(whole_table)
    assert all(added_table[key] == targets for key, targets in whole_table.items())
    assert base == before  # the shared base is left as it was ('bert' gained a target in the copy only)
    assert len(added_table["bert"]) == len(before["bert"]) + 1


def test_cached_detection_tables_equal_the_ones_built_from_the_catalog(cache):
    from relwork.linker.introduced import catalog_years

    load_catalog()  # writes the cache
    cached = load_catalog()
    compiled = compiled_catalog(cached)
    assert compiled.years == catalog_years(cached)
    fresh: dict[str, list[str]] = {}
    for entry in cached:
        for surface in entry.surfaces:
            fresh.setdefault(alias_key(surface), []).append(entry.name)
    assert compiled.by_surface == fresh
    assert compiled.by_surface["lora"] == ["LoRA"]
    editions = compiled.editions._by_key
    assert editions == DatasetEditions(cached)._by_key and editions[alias_key("PASCAL VOC")].name == "Pascal VOC"


def test_cached_dated_keys_equal_the_ones_sorted_from_the_catalog(cache):
    from relwork.linker.introduced import dated_keys

    load_catalog()  # writes the cache
    cached = load_catalog()
    compiled = compiled_catalog(cached)
    years, keys = compiled.dated
    assert (years, keys) == dated_keys(compiled.keys, compiled.years)
    assert years == sorted(years) and len(keys) == len(set(keys))
    dates, clashes = compiled.years
    assert all(dates[k] == y and k not in clashes for y, k in zip(years, keys))
    assert alias_key("LoRA") in keys  # a dated catalog method (2021)
