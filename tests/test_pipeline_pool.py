"""The worker-pool plumbing of ``iter_corpus``: any batch size and either start method give the
records of one process, in input order."""

import multiprocessing
from pathlib import Path

import pytest

from relwork.linker import iter_corpus, link_corpus, load_catalog
from relwork.linker import pipeline
from relwork.linker.pipeline import linked_dict
from relwork.loaders import load_papers

SEEDS = sorted(Path(__file__).resolve().parent.parent.joinpath("examples", "hf-papers").glob("*.txt"))


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.fixture(scope="module")
def seeds():
    return load_papers(SEEDS).papers


@pytest.fixture(scope="module")
def expected(seeds, catalog):
    return [linked_dict(p) for p in link_corpus(seeds, catalog)]


def test_iter_corpus_workers_small_batches_equal_one_process(seeds, catalog, expected):
    """Slices of 7 papers (the last one short) are reassembled in input order around the caller's papers."""
    linked = list(iter_corpus(seeds, catalog, workers=2, batch_size=7))
    assert [linked_dict(p) for p in linked] == expected
    assert all(a.paper is b for a, b in zip(linked, seeds))  # the records wrap this process's own papers


def test_iter_corpus_workers_without_fork_carry_their_papers(monkeypatch, seeds, catalog, expected):
    """Where workers are spawned (no inherited papers) each task carries its slice; same records."""
    monkeypatch.setattr(pipeline, "_pool_context", lambda: multiprocessing.get_context("spawn"))
    sample = seeds[:30]
    linked = list(iter_corpus(sample, catalog, workers=2, batch_size=11))
    assert [linked_dict(p) for p in linked] == [linked_dict(p) for p in link_corpus(sample, catalog)]
