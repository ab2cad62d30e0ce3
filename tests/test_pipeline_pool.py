"""The worker-pool plumbing of ``iter_corpus``: any batch size and either start method give the
records of one process, in input order."""

import json
import multiprocessing
from pathlib import Path

import pytest

from relwork.linker import iter_corpus, link_corpus
from relwork.linker import pipeline
from relwork.linker.pipeline import linked_dict


@pytest.fixture(scope="module")
def expected(seeds, catalog):
    return [linked_dict(p) for p in link_corpus(seeds, catalog)]


def test_iter_corpus_workers_small_batches_equal_one_process(seeds, catalog, expected):
    """Slices of 7 papers (the last one short) are reassembled in input order around the caller's papers."""
    linked = list(iter_corpus(seeds, catalog, workers=2, batch_size=7))
    assert [linked_dict(p) for p in linked] == expected
    assert all(a.paper is b for a, b in zip(linked, seeds))  # the records wrap this process's own papers


def test_pool_keeps_a_callers_frozen_objects_frozen_and_unfreezes_only_its_own(seeds, catalog, expected):
    """``relwork link`` freezes its start-up objects before linking; a two-worker run must leave them frozen
    (the parent's collector would walk them again, writing to pages the workers share), and a run with
    nothing frozen before it leaves nothing frozen after it."""
    import gc

    assert gc.get_freeze_count() == 0
    assert [linked_dict(p) for p in iter_corpus(seeds, catalog, workers=2)] == expected
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        linked = iter_corpus(seeds, catalog, workers=2, batch_size=50)
        first = next(linked)  # pass 2's pool is working
        assert gc.get_freeze_count() >= frozen
        assert [linked_dict(first)] + [linked_dict(p) for p in linked] == expected
        assert gc.get_freeze_count() >= frozen
    finally:
        gc.unfreeze()


def test_iter_corpus_workers_without_fork_carry_their_papers(monkeypatch, seeds, catalog, expected):
    """Where workers are spawned (no inherited papers) each task carries its slice; same records."""
    monkeypatch.setattr(pipeline, "_pool_context", lambda: multiprocessing.get_context("spawn"))
    sample = seeds[:30]
    linked = list(iter_corpus(sample, catalog, workers=2, batch_size=11))
    assert [linked_dict(p) for p in linked] == [linked_dict(p) for p in link_corpus(sample, catalog)]


def _jsonl_with_bad_records(seeds, path: Path) -> Path:
    """The seed papers as JSON Lines, with a malformed line, a blank line, a line that is not UTF-8, a
    record without an abstract and a page of two records among them."""
    import json

    lines = [json.dumps({"title": p.title, "abstract": p.abstract, "year": p.year}).encode() for p in seeds]
    lines[3] = b'{"title": "cut short", "abstract": '
    lines[9] = b""
    lines[15] = b'{"title": "caf\xe9", "abstract": "not UTF-8"}'
    lines[20] = json.dumps({"title": "no abstract here"}).encode()
    lines[30] = json.dumps({"data": [json.loads(lines[31]), json.loads(lines[32])]}).encode()
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_link_files_parses_json_lines_in_chunks_like_one_read(tmp_path, seeds, catalog, workers):
    """Workers parse a JSON Lines file chunk by chunk (7 lines a chunk here): the same records, line
    numbers and skipped-record reports, in order, as the file parsed whole in one process."""
    import io

    from relwork.loaders import iter_papers

    path = _jsonl_with_bad_records(seeds, tmp_path / "papers.jsonl")
    problems: list = []
    whole = list(iter_papers(path, problems=problems))
    assert [str(p) for p in problems] == [
        f"{path}:4: malformed JSON: Expecting value (column 36)",
        f"{path}:16: bytes are not valid UTF-8 (byte 0xe9 at column 15)",
        f"{path}:21: record has no abstract",
    ]
    expected = [linked_dict(p) for p in link_corpus(whole, catalog)]
    output = io.StringIO()
    summary = pipeline.link_files([path], output, catalog=catalog, workers=workers, batch_size=7)
    records = [json.loads(line) for line in output.getvalue().splitlines()]
    assert records == [json.loads(json.dumps(r)) for r in expected]
    assert [r["sources"][0]["line"] for r in records[25:29]] == [30, 31, 31, 32]  # the page's records share its line
    assert [str(p) for p in summary.problems] == [str(p) for p in problems]


def test_link_files_reports_a_json_lines_file_without_records(tmp_path, catalog):
    """A JSON Lines file of empty pages holds no records: reported after its chunks, as when read whole."""
    import io

    path = tmp_path / "pages.jsonl"
    path.write_text("[]\n" + '{"data": []}\n' * 9, encoding="utf-8")
    summary = pipeline.link_files([path], io.StringIO(), catalog=catalog, workers=2, batch_size=4)
    assert [str(p) for p in summary.problems] == [f"{path}: no records found (read as json)"]
