"""The second pass's matcher holds corpus names compact while it is built and while it links (issue 7):
``build_table(compact=True)`` makes a pattern of one plain name (exact case, no context words, no parents) its
compact form without a Target or a list, and ``Matcher._hit`` expands a matched one into a bounded cache,
not back into the matcher's target list. The table and the links are those of the full targets."""

from __future__ import annotations

import pytest

from relwork.linker import Linker, matcher
from relwork.linker.catalog import CatalogEntry
from relwork.linker.compiled import compiled_catalog
from relwork.linker.matcher import Matcher, Target, build_table
from relwork.linker.pipeline import batch_definitions, corpus_names


@pytest.fixture(scope="module")
def seed_names(seeds, seed_intros):
    return corpus_names(zip((p.id for p in seeds), seed_intros), batch_definitions(seeds, seed_intros))


def _entries(names) -> list[CatalogEntry]:
    """Matcher entries of corpus names, as the Linker makes them (exact case, no context words)."""
    return [CatalogEntry(n.name, n.kind, aliases=list(n.aliases), ambiguous=True) for n in names]


def _linked(linker: Linker, seeds, intros) -> list[dict]:
    return [linker.link(p, found).to_dict() for p, found in zip(seeds, intros)]


def test_compact_table_of_the_seeds_names_expands_to_the_table_of_full_targets(seed_names, catalog):
    entries = _entries(seed_names)
    assert len(entries) > 100
    base = compiled_catalog(catalog).table
    full = build_table(entries, dict(base), shared=base)
    compact = build_table(entries, dict(base), shared=base, compact=True)
    assert list(compact) == list(full)  # same patterns, in the same order
    held = [key for key, targets in compact.items() if targets.__class__ is not list]
    assert len(held) > 100  # most corpus names hold no Target and no list
    assert all(len(full[key]) == 1 for key in held)
    assert {key: matcher._expand(compact[key]) for key in held} == {key: full[key] for key in held}
    assert all(compact[key] == full[key] for key in compact if key not in held)
    assert all(base[key] is targets for key, targets in base.items())  # the shared table is never changed


def test_names_of_one_pattern_keep_both_targets_in_entry_order():
    # two papers' names that differ only in case share the pattern 'colbert x'; a catalog entry with context
    # words is never compact, and a plain name written after it joins its list
    entries = [
        CatalogEntry("ColBERT-X", "method", ambiguous=True),
        CatalogEntry("COLBERT-X", "method", ambiguous=True),
        CatalogEntry("ColBERT-X", "method", ambiguous=True),  # the same name again adds nothing
        CatalogEntry("Mamba", "method", context=["state space"]),
        CatalogEntry("MAMBA", "dataset", ambiguous=True),
    ]
    table = build_table(entries, {}, compact=True)
    assert [(t.name, t.surface) for t in table["colbert x"]] == [("ColBERT-X", "ColBERT-X"), ("COLBERT-X", "COLBERT-X")]
    assert [(t.name, t.kind) for t in table["mamba"]] == [("Mamba", "method"), ("MAMBA", "dataset")]
    assert build_table(entries, {}, compact=False) == table


def test_plain_name_alone_on_its_pattern_is_held_as_its_name_or_name_kind_surface():
    table = build_table([CatalogEntry("ColBERT", "method", aliases=["ColBERTv1"], ambiguous=True),
                         CatalogEntry("WikiHop-X", "dataset", ambiguous=True)], {}, compact=True)
    assert table == {"colbert": "ColBERT", "colbertv1": ("ColBERT", "method", "ColBERTv1"),
                     "wikihop x": ("WikiHop-X", "dataset", "WikiHop-X")}
    assert isinstance(matcher._expand(table["colbertv1"])[0], Target)


def test_matched_corpus_names_stay_compact_in_the_matcher(seeds, seed_intros, seed_names, catalog):
    linker = Linker(catalog, corpus_names=seed_names)
    targets = linker.matcher._targets
    compact_before = [i for i, t in enumerate(targets) if t.__class__ is not list]
    linked = _linked(linker, seeds, seed_intros)
    # the seeds mention their own and each other's names: those patterns matched, and were expanded into the
    # bounded cache only
    assert linker.matcher._expanded
    assert all(targets[i].__class__ is not list for i in compact_before)
    assert linked == _linked(Linker(catalog, corpus_names=seed_names), seeds, seed_intros)


def test_a_small_expansion_cache_links_the_seeds_as_a_large_one(seeds, seed_intros, seed_names, catalog, monkeypatch):
    wide = _linked(Linker(catalog, corpus_names=seed_names), seeds, seed_intros)
    monkeypatch.setattr(matcher, "_EXPANDED_MAX", 2)
    narrow = Linker(catalog, corpus_names=seed_names)
    assert _linked(narrow, seeds, seed_intros) == wide
    assert 0 < len(narrow.matcher._expanded) <= 2


def test_matcher_built_from_plain_entries_pickles_to_the_same_table(seed_names):
    built = Matcher(_entries(seed_names))
    again = Matcher.__new__(Matcher)
    again.__setstate__(built.__getstate__())
    assert again._table == built._table == build_table(_entries(seed_names), {})
