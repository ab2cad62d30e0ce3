"""How ``relwork link --workers`` shares the work: the reading process sends byte ranges of a plain JSON
Lines file (the workers read and parse them), each process spools what it parsed to its own file, and the
output, line numbers and skipped-record reports stay those of one process."""

from __future__ import annotations

import gzip
import io
import json
import os
import tempfile
from pathlib import Path

import pytest

from relwork.linker import pipeline
from relwork.loaders import iter_papers

from conftest import SEED_FILES


@pytest.fixture(scope="module")
def seed_lines() -> list[bytes]:
    """The seed papers as JSON Lines records (bytes, no terminator)."""
    papers = [p for path in SEED_FILES for p in iter_papers(path)]
    return [json.dumps({"title": p.title, "abstract": p.abstract, "year": p.year}).encode() for p in papers]


def _ranges_as_lines(path: Path, size: int) -> list[list[bytes]]:
    return [pipeline._read_range(str(path), start, end) for _, start, end in pipeline._line_ranges(path, size)]


def _chunks_of_lines(path: Path, size: int) -> list[list[bytes]]:
    lines = list(path.open("rb"))
    return [lines[i:i + size] for i in range(0, len(lines), size)]


@pytest.mark.parametrize("size", [1, 3, 7, 500])
@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b""])
def test_line_ranges_split_where_reading_line_by_line_splits(tmp_path, seed_lines, size, ending):
    """Byte ranges of ``size`` lines hold the lines iterating over the file yields, ``size`` at a time,
    with their first line numbers: CRLF and bare-CR line ends, a BOM, blank lines, no final newline."""
    lines = [b"\xef\xbb\xbf" + seed_lines[0], seed_lines[1], b"", b"  ", seed_lines[2] + b"\rnot a line end"]
    lines += seed_lines[3:40]
    path = tmp_path / "papers.jsonl"
    path.write_bytes(ending.join(lines) + ending if ending else b"\n".join(lines))
    assert _ranges_as_lines(path, size) == _chunks_of_lines(path, size)
    firsts = [first for first, _, _ in pipeline._line_ranges(path, size)]
    assert firsts == list(range(1, len(list(path.open("rb"))) + 1, size))


def test_line_ranges_across_read_blocks(tmp_path, monkeypatch, seed_lines):
    """A batch's lines may span several blocks of the boundary scan, and a block may hold several batches."""
    path = tmp_path / "papers.jsonl"
    path.write_bytes(b"\n".join(seed_lines) + b"\n")
    for block in (100, 1000, 5000):  # shorter than a line, a few lines, several batches
        monkeypatch.setattr(pipeline, "_BLOCK", block)
        assert _ranges_as_lines(path, 7) == _chunks_of_lines(path, 7)


def _link_text(paths, catalog, **options) -> tuple[str, list[str]]:
    out = io.StringIO()
    summary = pipeline.link_files(paths, out, catalog=catalog, **options)
    return out.getvalue(), [str(p) for p in summary.problems]


def _with_bad_records(seed_lines: list[bytes]) -> bytes:
    lines = list(seed_lines[:60])
    lines[4] = b'{"title": "cut short", "abstract": '
    lines[11] = b'{"title": "caf\xe9", "abstract": "not UTF-8"}'
    lines[30] = json.dumps({"title": "no abstract here"}).encode()
    return b"\n".join(lines) + b"\n"


@pytest.mark.parametrize("compressed", [False, True])
def test_workers_read_their_own_ranges_same_output_and_line_numbers(tmp_path, catalog, seed_lines, compressed):
    """A plain file goes to the workers as byte ranges, a gzipped one as raw lines: both give the records,
    skipped-record reports (file and line) and output of one process reading the file whole."""
    data = _with_bad_records(seed_lines)
    path = tmp_path / ("papers.jsonl.gz" if compressed else "papers.jsonl")
    path.write_bytes(gzip.compress(data) if compressed else data)
    tasks = [task for task, _ in pipeline._first_tasks([path], None, False, 7)]
    assert {task[0] for task in tasks} == ({"lines"} if compressed else {"range"})
    one = _link_text([path], catalog)
    assert one[1] == [f"{path}:5: malformed JSON: Expecting value (column 36)",
                      f"{path}:12: bytes are not valid UTF-8 (byte 0xe9 at column 15)",
                      f"{path}:31: record has no abstract"]
    assert _link_text([path], catalog, workers=2, batch_size=7) == one
    assert _link_text([path], catalog, workers=2, batch_size=7, output_format="json")[0] == \
        _link_text([path], catalog, output_format="json")[0]


def test_first_pass_tasks_mark_each_files_last(tmp_path, seed_lines, catalog):
    """Every file's last task is marked (a file of empty pages is reported once its last chunk is in);
    formats parsed in the reading process go out as papers."""
    first = tmp_path / "a.jsonl"
    first.write_bytes(b"\n".join(seed_lines[:10]) + b"\n")
    second = tmp_path / "b.jsonl"
    second.write_bytes(b"\n".join(seed_lines[10:13]))
    tasks = list(pipeline._first_tasks([first, second, SEED_FILES[0]], None, False, 4))
    assert [(task[0], task[1] if task[0] == "range" else None, last) for task, last in tasks[:5]] == [
        ("range", str(first), False), ("range", str(first), False), ("range", str(first), True),
        ("range", str(second), True), ("papers", None, False)]


def test_each_process_spools_to_its_own_file_and_the_spool_is_removed(tmp_path, monkeypatch, catalog, seed_lines):
    """Pass 1's workers write the batches they parse to their own spool files (the reading process writes
    none of them); the spool directory is gone after the run, and after a run that failed."""
    path = tmp_path / "papers.jsonl"
    path.write_bytes(b"\n".join(seed_lines[:40]) + b"\n")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    os.mkdir(tmp_path / "tmp")
    writers: list[set[str]] = []
    original = pipeline._write_linked

    def spy(batches, *args, **kwargs):
        writers.append({name for _, name, *_ in batches})
        return original(batches, *args, **kwargs)

    monkeypatch.setattr(pipeline, "_write_linked", spy)
    _link_text([path], catalog, workers=2, batch_size=5)
    assert writers[0] and f"{os.getpid()}.spool" not in writers[0]
    assert os.listdir(tmp_path / "tmp") == []

    monkeypatch.setattr(pipeline, "_write_linked", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        _link_text([path], catalog, batch_size=5)
    assert os.listdir(tmp_path / "tmp") == []


def test_the_last_range_is_shared_out_so_the_workers_finish_together(tmp_path, seed_lines):
    """The input's last byte range goes out as one range per worker, of about as many lines each, covering the
    same lines; only the very last is marked as ending its file. Earlier tasks and other kinds pass as they are."""
    path = tmp_path / "papers.jsonl"
    path.write_bytes(b"\n".join(seed_lines[:23]) + b"\n")
    tasks = list(pipeline._first_tasks([path], None, False, 10))  # 10, 10, 3 lines
    split = list(pipeline._split_last(iter(tasks), 2))
    assert split[:2] == tasks[:2]
    assert [(task[3], last) for task, last in split[2:]] == [(21, False), (22, True)]  # lines 21 and 22-23
    lines = [line for task, _ in split for line in pipeline._read_range(task[1], task[4], task[5])]
    assert lines == list(path.open("rb"))
    one_line = tmp_path / "one.jsonl"
    one_line.write_bytes(seed_lines[0])
    assert list(pipeline._split_last(pipeline._first_tasks([one_line], None, False, 10), 2)) == \
        [(("range", str(one_line), "json", 1, 0, len(seed_lines[0])), True)]
    papers = list(pipeline._first_tasks(SEED_FILES[:1], None, False, 500))
    assert list(pipeline._split_last(iter(papers), 2)) == papers
