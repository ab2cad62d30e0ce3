"""What a link run holds per corpus name (issue 7: peak memory independent of corpus size): compact records,
packed readings, no per-paper object during the second pass; same names and links as plain records."""

from __future__ import annotations

import gc
import io
import pickle
import re

import pytest

from relwork.core.records import Introduced, Paper
from relwork.linker import Linker
from relwork.linker.catalog import alias_key
from relwork.linker.compiled import compiled_catalog
from relwork.linker.introduced import is_short_form, long_forms_of
from relwork.linker.matcher import Target, context_table, is_acronym
from relwork.linker.pipeline import CorpusName, _CorpusNames, batch_definitions, corpus_names, link_files
from relwork.loaders.jsonrecords import write_jsonl


@pytest.fixture(scope="module")
def seed_names(seeds, catalog):
    """The seed corpus's names, every introducer's (``corpus_names``; ``link_files`` packs its own table:
    tests/test_link_memory.py)."""
    detector = Linker(catalog, compile=False)
    intros = [detector.introduced(p) for p in seeds]
    return corpus_names(zip((p.id for p in seeds), intros), batch_definitions(seeds, intros))


def test_corpus_names_and_matcher_targets_have_no_instance_dict():
    name = CorpusName("ColBERT", "method", ("Contextualized Late Interaction over BERT",), "2004.12832")
    target = Target("ColBERT", "method", "ColBERT", True, True)
    assert not hasattr(name, "__dict__") and not hasattr(target, "__dict__")
    assert pickle.loads(pickle.dumps(name)) == name and pickle.loads(pickle.dumps(target)) == target


def test_collector_hands_its_names_over_and_keeps_nothing(seeds, catalog):
    names = _CorpusNames()
    for paper in seeds[:40]:
        names.add(paper.id, Linker(catalog, compile=False).introduced(paper))
    handed = names.corpus()
    assert handed and all(isinstance(n, CorpusName) for n in handed)
    assert not names.names and not names.seen and not names.definitions


def test_packed_readings_give_every_introducers_long_forms_in_corpus_order(seed_names, catalog):
    linker = Linker(catalog, corpus_names=seed_names)
    keys = compiled_catalog(catalog).keys
    expected: dict[str, list[tuple]] = {}
    for name in seed_names:
        if is_short_form(name.name) and alias_key(name.name) not in keys:
            expected.setdefault(name.name, []).append((name.paper_id, *long_forms_of(name.name, name.aliases)))
    assert expected  # the seeds introduce acronyms spelled out by long forms ('PnP', 'ViT-CoMer', ...)
    assert set(linker._readings) == set(expected)
    assert all(isinstance(blob, bytes) for blob in linker._readings.values())
    from relwork.linker.pipeline import _unpack

    assert {name: list(_unpack(blob)) for name, blob in linker._readings.items()} == expected


def test_every_linkable_seed_name_is_matched_and_known(seed_names, catalog):
    linker = Linker(catalog, corpus_names=seed_names)
    linkable = [n for n in seed_names if n.name in {t.name for ts in linker.matcher._table.values() for t in ts}]
    assert len(linkable) >= 10
    for name in linkable:
        assert alias_key(name.name) in linker.known
        if not re.fullmatch(r"[\w\- ]+", name.name):
            continue  # 'IA-RED^2': a formula-like join is never matched in running text (``_ODD_JOINS``)
        assert name.name in [m.name for m in linker.matcher.find(f"We compare with {name.name} on two tasks.")]


def test_corpus_name_patterns_stay_compact_when_they_match(seed_names, catalog):
    matcher = Linker(catalog, corpus_names=seed_names).matcher
    names = {n.name for n in seed_names}
    compact = {i: t for i, t in enumerate(matcher._targets) if type(t) is not list}
    assert len(compact) >= 10 and all((t if type(t) is str else t[0]) in names for t in compact.values())
    index, name = next((i, t) for i, t in compact.items() if type(t) is str and t.isalnum())
    assert [m.name for m in matcher.find(f"It outperforms {name} by far.")] == [name]
    # the match expands the pattern into the matcher's bounded cache only (``Matcher._hit``)
    assert matcher._targets[index] == name
    assert matcher._expanded[index] == [Target(name, "method", name, True, is_acronym(name), tail="")]


def test_matcher_with_corpus_names_pickles_to_the_same_table(seed_names, catalog):
    matcher = Linker(catalog, corpus_names=seed_names).matcher
    compact = sum(type(t) is not list for t in matcher._targets)
    copy = pickle.loads(pickle.dumps(matcher))
    assert sum(type(t) is not list for t in matcher._targets) == compact > 0  # pickling expands nothing here
    assert copy._keys == matcher._keys
    assert copy._table == matcher._table and len(copy._table) > len(compiled_catalog(catalog).table)
    # with no corpus name the catalog's table is shared, not copied
    assert Linker(catalog).matcher._table is compiled_catalog(catalog).table


def test_second_pass_matcher_derives_only_the_corpus_keys_and_equals_one_derived_in_full(seed_names, catalog):
    # the catalog table's derived parts are built once per catalog content and cached on disk with it, not
    # once per process: corpus names have no context words, so only the keys they add or extend are derived
    compiled = compiled_catalog(catalog)
    matcher = Linker(catalog, corpus_names=seed_names).matcher
    assert len(matcher._keys) > len(compiled.table)
    full = pickle.loads(pickle.dumps(matcher))  # unpickled: compiled from its whole table, nothing shared
    assert context_table(matcher._targets) == compiled.parts.context
    assert full._tailed == matcher._tailed and any(matcher._tailed)
    assert full._surface_context == matcher._surface_context and matcher._surface_context
    context = compiled.parts.context
    assert matcher.context_words("MAESTRO") is context["MAESTRO"] and " piano" in context["MAESTRO"]
    assert [m.name for m in matcher.find("We train on MAESTRO.", context="we train on maestro.")] == []
    assert [m.name for m in matcher.find("MAESTRO piano recordings", context="maestro piano recordings")] == ["MAESTRO"]


def _live(kind: type) -> int:
    return sum(1 for obj in gc.get_objects() if type(obj) is kind)


def test_link_run_holds_no_per_paper_object_in_its_second_pass(tmp_path, seeds, catalog):
    """While pass 2 writes, no parsed paper, introduced name or corpus-name record of earlier batches is
    alive: the corpus names live only in the Linker's compact structures."""
    path = tmp_path / "seeds.jsonl"
    seen: list[tuple[int, int, int]] = []

    def progress(n: int) -> None:
        gc.collect()
        seen.append((_live(Paper), _live(Introduced), _live(CorpusName)))

    write_jsonl(seeds, path)
    gc.collect()
    before = (_live(Paper), _live(Introduced), _live(CorpusName))  # this module's fixtures
    summary = link_files([path], io.StringIO(), catalog=catalog, batch_size=20, progress=progress)
    assert summary.papers == len(seeds) == len(seen) * 20 and summary.corpus_names > 0
    grown = [tuple(now - then for now, then in zip(counts, before)) for counts in seen]
    for papers, introduced, records in grown:
        # at most the batch just linked (here: none, it is written), and the last pass-1 batch's names
        assert papers <= 20 and introduced <= 20 * 3 and records == 0
    assert len(set(grown)) == 1  # the same after every batch: nothing accumulates
