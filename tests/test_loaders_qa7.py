"""Loader findings of the qa7 user test (a researcher's own library): L1 a bare '%' in BibTeX, L2 records
without an abstract that duplicate a kept paper, L10 a Windows-1252 file, L13 control and bidi characters,
L14 a file cut inside its last record. Fixtures are real records (arxiv-amds123, the qa7 library files) in
tests/fixtures/loaders/qa7-*."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relwork.loaders import iter_papers, load_papers
from relwork.loaders.bibtex import latex_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "loaders"
PERCENT_TITLE = "Semantic Redundancies in Image-Classification Datasets: The 10% You Don't Need"


# L1: a bare '%' in a BibTeX field value is a literal, not a LaTeX comment


def test_bibtex_bare_percent_in_title_and_abstract_is_kept():
    [paper] = list(iter_papers(FIXTURES / "qa7-percent.bib"))
    assert paper.title == PERCENT_TITLE
    assert "redundancies in CIFAR-10 and ImageNet datasets (at least 10%). Interestingly," in paper.abstract
    assert paper.abstract.endswith("more efficient training or data-collection.")


def test_bibtex_title_with_bare_percent_merges_with_its_arxiv_record():
    result = load_papers([FIXTURES / "qa7-percent.bib", FIXTURES / "qa7-percent-arxiv.jsonl"])
    assert [(p.id, p.title) for p in result.papers] == [("1901.11409", PERCENT_TITLE)]
    assert result.merged == 1


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("The 10% You Don't {Need}", "The 10% You Don't Need"),  # hand-written: bare
        ("The 10\\% You Don't {Need}", "The 10% You Don't Need"),  # Zotero writes it escaped
        ("{M{\\\"u}ller}, 100% {Team}", "Müller, 100% Team"),  # author strings go through the same decoder
    ],
)
def test_latex_to_text_reads_bare_and_escaped_percent_as_a_literal(value, text):
    assert latex_to_text(value) == text


# L2: a record without an abstract that duplicates a kept paper is merged into it, in any file order


@pytest.mark.parametrize("order", [1, -1])
def test_record_without_abstract_gives_its_arxiv_id_to_the_duplicate_that_has_one(order):
    files = [FIXTURES / "qa7-noabstract.ris", FIXTURES / "qa7-noabstract.csv"][::order]
    result = load_papers(files)
    speaker = next(p for p in result.papers if p.title.startswith("Deep Speaker Embedding Learning"))
    assert (speaker.id, speaker.arxiv_id, speaker.url) == (
        "1902.07821", "1902.07821", "https://arxiv.org/abs/1902.07821"
    )
    assert speaker.abstract.startswith("This paper aims to improve the widely used deep speaker embedding x-vector model.")
    assert sorted(s.format for s in speaker.sources) == ["csv", "ris"]
    ris = next(r for r in result.files if r.format == "ris")
    assert (ris.read, ris.kept, ris.merged) == (2, 0, 1)
    # the RIS record that no paper takes is still skipped, and named
    assert [str(p) for p in result.problems] == [f"{FIXTURES / 'qa7-noabstract.ris'}:12: record has no abstract"]


def test_openalex_work_with_null_abstract_merges_by_its_arxiv_doi():
    result = load_papers([FIXTURES / "qa7-noabstract-openalex.jsonl", FIXTURES / "qa7-noabstract.csv"])
    summary = next(p for p in result.papers if p.arxiv_id == "1902.00863")
    assert summary.title == "Neural Extractive Text Summarization with Syntactic Compression"
    assert [s.format for s in summary.sources] == ["csv", "openalex"]
    assert result.files[0].merged == 1 and not result.files[0].skipped


def test_bibtex_entry_without_abstract_before_its_duplicate_in_the_same_file_is_merged():
    result = load_papers([FIXTURES / "qa7-noabstract.bib"])
    [paper] = result.papers
    assert (paper.id, paper.title) == ("1903.07402", "Neutron: An Implementation of the Transformer Translation Model and its Variants")
    assert paper.abstract.startswith("The Transformer translation model is easier to parallelize")
    [report] = result.files
    assert (report.read, report.kept, report.merged, report.skipped) == (2, 1, 1, [])
    assert result.ok


def test_record_without_abstract_and_no_duplicate_is_still_skipped(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "1902.09781", "title": "Recursive Subtree Composition in LSTM-Based Dependency Parsing"}) + "\n")
    result = load_papers([path])
    assert result.papers == [] and [str(p) for p in result.problems] == [f"{path}:1: record has no abstract"]
    assert result.to_dict()["files"][0]["problems"] == [{"path": str(path), "line": 1, "reason": "record has no abstract"}]


# L10: lines that are not UTF-8 but read as Windows-1252 give one hint for the file


def test_windows_1252_csv_gets_one_file_hint_naming_iconv(tmp_path):
    path = FIXTURES / "qa7-cp1252.csv"
    result = load_papers([path])
    assert [str(p) for p in result.problems] == [
        f"{path}:2: bytes are not valid UTF-8 (byte 0xed at column 51)",
        f"{path}:4: bytes are not valid UTF-8 (byte 0xd6 at column 63)",
    ]
    assert result.notes == [
        f"{path}: 2 lines that are not UTF-8 read as Windows-1252 (a legacy Excel or Latin-1 export); convert the "
        f"file to UTF-8 and load it again: iconv -f cp1252 -t utf-8 {path} > {FIXTURES / 'qa7-cp1252-utf8.csv'}"
    ]
    # what the hint's command gives loads every row, accented names intact
    converted = tmp_path / "converted.csv"
    converted.write_bytes(path.read_bytes().decode("cp1252").encode("utf-8"))
    papers = load_papers([converted]).papers
    assert len(papers) == 3 and papers[0].authors[:2] == ["Mercedes García-Martínez", "Loïc Barrault"]


def test_utf8_file_with_one_latin1_line_gets_no_encoding_hint(tmp_path):
    path = tmp_path / "mixed.csv"
    rows = (FIXTURES / "qa7-cp1252.csv").read_bytes().decode("cp1252").splitlines()
    path.write_bytes("\n".join(rows[:3]).encode("utf-8") + b"\n" + rows[3].encode("latin-1") + b"\n")
    result = load_papers([path])
    assert len(result.problems) == 1 and result.notes == []


# L13: control characters and bidi overrides never reach a title, an author or an abstract


def test_control_and_bidi_characters_are_dropped_from_title_authors_and_abstract(tmp_path):
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({
        "id": "1903.07402",
        "title": "Neutron:\ta\u202e Transformer\u0007 Translation Model \u2066 and its\u0085Variants\u009b",
        "authors": ["Hongfei\u0000 Xu", "Qiuhui \u2069Liu\u001b"],
        "abstract": "The Transformer\u202a translation model is easier\u000b to parallelize.\u007f",
    }) + "\n")
    [paper] = list(iter_papers(path))
    assert paper.title == "Neutron: a Transformer Translation Model and its Variants"
    assert paper.authors == ["Hongfei Xu", "Qiuhui Liu"]
    assert paper.abstract == "The Transformer translation model is easier to parallelize."


# L14: a last CSV row or JSON line that the end of the file cuts says so


def test_truncated_last_json_line_says_the_file_ends_inside_the_record(tmp_path):
    data = (FIXTURES / "seed6.jsonl").read_bytes()
    path = tmp_path / "cut.jsonl"
    path.write_bytes(data[: len(data) - 300])
    result = load_papers([path])
    assert len(result.papers) == 5
    [problem] = result.problems
    assert str(problem).startswith(f"{path}:6: malformed JSON: ")
    assert str(problem).endswith(") (the file ends inside the record)")


def test_malformed_json_line_that_is_not_last_does_not_say_the_file_ends(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"title": broken\n' + (FIXTURES / "seed6.jsonl").read_bytes().splitlines()[0])
    assert [str(p) for p in load_papers([path]).problems] == [f"{path}:1: malformed JSON: Expecting value (column 11)"]


@pytest.mark.parametrize(
    ("end", "reason"),
    [
        ("Iz Beltagy; Matthew E. Peters", "unexpected end of data"),  # the file ends inside a quoted field
        ('Arman Cohan",', "expected 6 fields, found 5"),  # ... or before the row's last field
    ],
)
def test_truncated_last_csv_row_says_the_file_ends_inside_the_record(tmp_path, end, reason):
    text = (FIXTURES / "papers.csv").read_text(encoding="utf-8")
    path = tmp_path / "cut.csv"
    path.write_text(text[: text.index(end) + len(end)], encoding="utf-8")
    result = load_papers([path])
    assert [str(p) for p in result.problems] == [f"{path}:2: malformed CSV row: {reason} (the file ends inside the record)"]
