"""The second pass's automata (issue 7): the catalog's automaton is built once per compiled catalog and shared
by every matcher on its table; the keys a corpus's names add go into automata of at most
``CORPUS_AUTOMATON_SIZE`` patterns, whose matches join the catalog's in the order one automaton over all
keys reports them, so linking is unchanged. ``release_free_memory`` hands the heap such builds freed back;
``bench/bench_link_memory.py --timeline`` shows where a run's memory goes, phase by phase."""

from __future__ import annotations

import ctypes
import pickle
import sys
from pathlib import Path

import pytest

from relwork.core.gctools import release_free_memory
from relwork.linker import Linker, matcher
from relwork.linker.compiled import compiled_catalog
from relwork.linker.matcher import normalize
from relwork.linker.pipeline import batch_definitions, corpus_names

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seed_names(seeds, seed_intros):
    return corpus_names(zip((p.id for p in seeds), seed_intros), batch_definitions(seeds, seed_intros))


def test_catalog_only_matchers_share_the_compiled_catalogs_automaton(catalog):
    compiled = compiled_catalog(catalog)
    first, second = Linker(catalog).matcher, Linker(catalog).matcher
    assert first._automaton is compiled.automaton() is second._automaton
    assert first._more == () and len(first) == len(compiled.table)


def test_corpus_keys_split_across_automata_match_as_one_automaton_over_all_keys(
    seeds, seed_intros, seed_names, catalog, monkeypatch
):
    whole = Linker(catalog, corpus_names=seed_names)
    monkeypatch.setattr(matcher, "CORPUS_AUTOMATON_SIZE", 7)
    split = Linker(catalog, corpus_names=seed_names)
    base = len(compiled_catalog(catalog).table)
    assert split.matcher._automaton is compiled_catalog(catalog).automaton()
    assert len(split.matcher._more) == -(-(len(split.matcher) - base) // 7) > 2
    one = pickle.loads(pickle.dumps(split.matcher))  # unpickled: one automaton over every key, nothing shared
    assert one._more == ()
    corpus_hits = 0
    for paper in seeds:
        for text in (paper.title, paper.abstract):
            padded = " " + normalize(text)
            found = split.matcher._matches(padded)
            assert found == one._automaton.find_matches_as_indexes(padded, overlapping=True)
            corpus_hits += sum(index >= base for index, _, _ in found)
    assert corpus_hits > 20  # the seeds mention each other's names: the corpus automata take part
    assert [split.link(p, f).to_dict() for p, f in zip(seeds, seed_intros)] == [
        whole.link(p, f).to_dict() for p, f in zip(seeds, seed_intros)
    ]


def _resident() -> int:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) * 1024 for line in handle if line.startswith("VmRSS:"))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_release_free_memory_hands_freed_heap_pages_back():
    libc = ctypes.CDLL(None)
    libc.malloc.restype, libc.malloc.argtypes = ctypes.c_void_p, [ctypes.c_size_t]
    libc.free.argtypes = [ctypes.c_void_p]
    blocks = [libc.malloc(16_000) for _ in range(4_000)]  # 64 MB below glibc's mmap threshold: on the heap
    for block in blocks:
        ctypes.memset(block, 1, 16_000)
    pin = libc.malloc(16_000)  # the top of the heap stays in use: free() alone gives nothing back
    for block in blocks:
        libc.free(block)
    before = _resident()
    assert release_free_memory()
    assert before - _resident() > 32_000_000
    libc.free(pin)


def test_timeline_marks_each_phase_of_a_link_run_in_order(tmp_path):
    pytest.importorskip("psutil")
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import bench_link_memory
    finally:
        sys.path.remove(str(ROOT / "bench"))
    phases, samples = bench_link_memory.timeline(ROOT / "examples" / "hf-papers", 0, 1, 0.05)
    labels = [row["phase"] for row in phases]
    order = ["catalog load", "catalog compile", "automaton (catalog compile)", "pass 1", "linker build", "pass 2", "end"]
    assert [label for label in labels if label in order] == order
    assert samples and all(rss > 0 for _, rss, _, _ in samples)
    peak = phases[-1]["VmHWM by its end"]
    assert all(row["RSS at start"] <= peak for row in phases)
    if phases[0]["malloc heap / used / free, mmap at start"] is not None:  # glibc
        heap = phases[-1]["malloc heap / used / free, mmap at start"]
        assert heap["used"] + heap["free"] <= heap["heap"] + heap["mmap"] and heap["pymalloc"] > 0
