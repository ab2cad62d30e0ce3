"""``relwork link`` treats records as ``build`` does where its streaming allows: a record without abstract is merged
into the paper it duplicates (its ids, URL, year, authors and source join that paper's one output object), and a
file whose lines read as Windows-1252 gets the same hint (left8 item 3). Real data: the qa7 test library's files
(a BibTeX entry, a RIS record and an OpenAlex work without abstract, each next to a record of the same paper
with one) and real arXiv titles with accents written as Windows-1252."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.linker.pipeline import link_files
from relwork.loaders import load_papers

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent / "fixtures"
LIBRARY = sorted((FIXTURES / "loaders").glob("qa7-noabstract*"))


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _identity(record) -> tuple:
    get = record.get if isinstance(record, dict) else lambda k: getattr(record, k)
    sources = [(s["file"], s["line"]) if isinstance(s, dict) else (s.file, s.line) for s in get("sources")]
    return get("id"), get("arxiv_id"), get("doi"), get("url"), get("year"), list(get("authors")), sources


@pytest.mark.parametrize("workers", [1, 2])
def test_link_merges_records_without_abstract_into_their_paper_as_load_does(tmp_path, workers):
    out = tmp_path / "linked.jsonl"
    summary = link_files(LIBRARY, out, workers=workers)
    loaded = load_papers(LIBRARY)
    records = _records(out)
    assert len(records) == len(loaded.papers) == 3  # one object per paper: the merged records have no line
    assert [_identity(r) for r in records] == [_identity(p) for p in loaded.papers]
    assert summary.merged == 3
    assert [str(p) for p in summary.problems] == [str(p) for p in loaded.problems] == [
        f"{FIXTURES / 'loaders' / 'qa7-noabstract.ris'}:12: record has no abstract"]


def test_link_summary_counts_the_merged_records_and_the_output_keeps_its_links(tmp_path):
    out, alone = tmp_path / "linked.jsonl", tmp_path / "alone.jsonl"
    result = run("link", *LIBRARY, "-o", out)
    assert result.exit_code == 0, result.output
    assert "3 records without abstract merged into their papers; 1 record skipped" in " ".join(result.stderr.split())
    # the papers with an abstract, linked without the abstract-less records: the same links, the merged paper's ids
    with_abstract = [p for p in LIBRARY if not p.name.endswith((".ris", "openalex.jsonl"))]
    assert run("-q", "link", *with_abstract, "-o", alone).exit_code == 0
    merged = {r["title"]: r for r in _records(out)}
    for record in _records(alone):
        assert merged[record["title"]]["links"] == record["links"]
    assert {r["id"] for r in _records(alone)} != {r["id"] for r in merged.values()}  # title ids became arXiv ids


def test_link_with_no_corpus_names_reads_once_and_still_skips_records_without_abstract(tmp_path):
    summary = link_files(LIBRARY, tmp_path / "one.jsonl", corpus=False)
    assert summary.merged == 0 and sum("record has no abstract" in str(p) for p in summary.problems) == 4


def _cp1252_jsonl(tmp_path: Path) -> Path:
    """Real arXiv records with accented titles, written as a legacy Latin-1 export would."""
    lines = (FIXTURES / "qa7-accented-titles.jsonl").read_text(encoding="utf-8").splitlines()[:6]
    path = tmp_path / "latin.jsonl"
    path.write_bytes("\n".join(lines).encode("cp1252") + b"\n")
    return path


@pytest.mark.parametrize("workers", [1, 2])
def test_link_gives_the_windows_1252_hint_of_csv_and_of_json_lines_read_in_chunks(tmp_path, workers):
    csv, jsonl = FIXTURES / "loaders" / "qa7-cp1252.csv", _cp1252_jsonl(tmp_path)
    expected = load_papers([csv, jsonl]).notes
    assert len(expected) == 2 and expected[1].startswith(f"{jsonl}: ")
    summary = link_files([csv, jsonl, *LIBRARY], tmp_path / "out.jsonl", workers=workers, batch_size=2)
    assert summary.notes == expected
    result = run("link", csv, jsonl, "-o", tmp_path / "cli.jsonl")
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if line.startswith("hint ")] == [f"hint {n}" for n in expected]
