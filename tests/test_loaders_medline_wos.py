"""MEDLINE/PubMed (.nbib) and Web of Science plain-text loaders: exports of seed papers, wrapped fields,
malformed records, detection and the CLI."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.loaders import detect_format, iter_papers

FIX = Path(__file__).resolve().parent / "fixtures"
HYDRA = "Hydra: Bidirectional State Space Models Through Generalized Matrix Mixers"
TSF = "Is Mamba Effective for Time Series Forecasting?"
runner = CliRunner()




def load(tmp_path: Path, body: str, name: str):
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    problems: list = []
    papers = list(iter_papers(path, problems=problems))
    return papers, [str(p).replace(f"{path}:", "") for p in problems]


# ---------------------------------------------------------------------------------------------------- MEDLINE

def test_medline_pubmed_export_fields_and_wrapped_abstract(seed_abstract):
    hydra, tsf = iter_papers(FIX / "medline" / "pubmed.nbib")
    assert (hydra.id, hydra.title, hydra.year, hydra.doi) == ("2407.09941", HYDRA, 2024, "10.48550/arxiv.2407.09941")
    assert hydra.authors == ["Sukjun Hwang", "Aakash Lahoti", "Tri Dao", "Albert Gu"]  # FAU, not the 'Hwang S' AU
    assert hydra.url == "https://pubmed.ncbi.nlm.nih.gov/39012345/"
    assert hydra.abstract == seed_abstract(HYDRA)  # 6-space continuation lines joined
    assert (hydra.sources[0].line, hydra.sources[0].format) == (2, "medline")
    # no FAU: the AU initials as written, the collective author in its place; DOI from the '[doi]' AID
    assert tsf.authors == ["Wang Z", "Kong F", "Time Series Forecasting Consortium"]
    assert (tsf.id, tsf.arxiv_id, tsf.year, tsf.sources[0].line) == ("doi:10.1016/j.neucom.2024.01234", None, 2025, 42)
    assert tsf.abstract == seed_abstract(TSF)


@pytest.mark.parametrize(
    "dates, year",
    [
        ("DP  - 2018 Winter\nDEP - 20170102\n", 2018),
        ("DEP - 20190503\nEDAT- 2020/01/01 06:00\n", 2019),
        ("EDAT- 2020/01/01 06:00\n", 2020),
        ("", None),
    ],
)
def test_medline_year_from_dp_then_electronic_date_then_entry_date(tmp_path, dates, year):
    (paper,) = load(tmp_path, f"PMID- 1\nTI  - A title\nAB  - An abstract.\n{dates}", "x.nbib")[0]
    assert paper.year == year


def test_medline_records_without_blank_line_split_at_pmid_and_bad_ones_are_skipped(tmp_path):
    body = (
        "PMID- 1\nTI  - First title\nAB  - First abstract.\n"
        "PMID- 2\nTI  - Second title\nAB -broken separator\n"
        "\nPMID- 3\nTI  - Third title\n"
        "\nPMID- 4\nTI  - Fourth\n      title\nAB  - Fourth abstract.\n"
    )
    papers, problems = load(tmp_path, body, "refs.nbib")
    assert [p.title for p in papers] == ["First title", "Fourth title"]
    assert problems == [
        "4: malformed MEDLINE line 6: 'AB -broken separator' is not 'TAG - value'",
        "8: record has no abstract",
    ]


def test_medline_arxiv_id_from_typed_identifier(tmp_path):
    body = "PMID- 7\nTI  - T\nAB  - A.\nAID - 2205.14135v2 [arxiv]\nAID - 10.5555/x [doi]\n"
    (paper,) = load(tmp_path, body, "a.nbib")[0]
    assert (paper.id, paper.arxiv_id, paper.doi) == ("2205.14135", "2205.14135", "10.5555/x")


# ---------------------------------------------------------------------------------------------------- Web of Science

def test_wos_export_fields_authors_per_line_and_text_wrapping(seed_abstract):
    hydra, tsf = iter_papers(FIX / "wos" / "savedrecs.txt")
    assert (hydra.id, hydra.title, hydra.year, hydra.arxiv_id) == ("2407.09941", HYDRA, 2024, "2407.09941")
    assert hydra.authors == ["Sukjun Hwang", "Aakash Lahoti", "Tri Dao", "Albert Gu"]  # AF, one per line
    assert hydra.abstract == seed_abstract(HYDRA)  # 3-space continuations of AB are one text
    assert hydra.url == "https://www.webofscience.com/wos/woscc/full-record/WOS:001234567800001"
    assert (hydra.sources[0].line, hydra.sources[0].format) == (3, "wos")
    # no AF: the AU 'Last, I' forms, then the group author; year from the early-access date
    assert tsf.authors == ["Z Wang", "F Kong", "Time Series Forecasting Consortium"]
    assert (tsf.year, tsf.doi) == (2024, "10.1016/j.neucom.2024.01234")
    assert tsf.abstract == seed_abstract(TSF)


def test_wos_bad_records_are_skipped_with_exact_message(tmp_path):
    body = (
        "FN Clarivate Analytics Web of Science\nVR 1.0\n"
        "PT J\nTI Good one\nAB An abstract.\nER\n\n"
        "PT J\nTI Open record\nAB Never closed.\n\n"
        "PT J\nTI Damaged\nan unindented line\nAB Text.\nER\n\n"
        "TI Lost its PT line\nAB Text.\nER\n\n"
        "PT J\nTI Last one\nAB Its abstract.\nER\nEF\n"
    )
    papers, problems = load(tmp_path, body, "savedrecs.txt")
    assert [p.title for p in papers] == ["Good one", "Last one"]
    assert problems == [
        "8: Web of Science record has no ER line (the next record starts at line 12)",
        "12: malformed Web of Science line 14: 'an unindented line' is not 'XX value'",
        "18: Web of Science record has no PT line (it starts with 'TI Lost its PT line')",
    ]


def test_wos_record_cut_off_at_end_of_file(tmp_path):
    papers, problems = load(tmp_path, "PT J\nTI Good\nAB Text.\nER\nPT J\nTI Cut\n", "savedrecs.txt")
    assert [p.title for p in papers] == ["Good"]
    assert problems == ["5: Web of Science record has no ER line (the file ends inside the record)"]


# ---------------------------------------------------------------------------------------------------- detection, CLI

def test_detect_medline_and_wos_by_extension_content_and_gzip(tmp_path):
    nbib = (FIX / "medline" / "pubmed.nbib").read_bytes()
    wos = (FIX / "wos" / "savedrecs.txt").read_bytes()
    for name, body, fmt in [("pubmed.txt", nbib, "medline"), ("x.medline", nbib, "medline"),
                            ("records.txt", wos.removeprefix(b"\xef\xbb\xbf"), "wos"), ("savedrecs.txt", wos, "wos")]:
        path = tmp_path / name
        path.write_bytes(body)
        assert detect_format(path) == fmt
        gz = tmp_path / (name + ".gz")
        gz.write_bytes(gzip.compress(body))
        assert detect_format(gz) == fmt
    # a record without the file header still reads as Web of Science; a listing title 'VR ...' does not
    (tmp_path / "bare.txt").write_text("PT J\nAU Dao, T\nTI T\nAB A.\nER\n")
    assert detect_format(tmp_path / "bare.txt") == "wos"
    (tmp_path / "daily.txt").write_text("VR headsets for robot teleoperation\n\n" + "A long abstract sentence. " * 12 + "\n")
    assert detect_format(tmp_path / "daily.txt") == "hf-daily"


def test_cli_load_merges_medline_wos_and_the_seed_listing(seed_files):
    files = [str(FIX / "medline" / "pubmed.nbib"), str(FIX / "wos" / "savedrecs.txt"), *map(str, seed_files)]
    result = runner.invoke(app, ["load", "--json", *files])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [f["format"] for f in data["files"][:2]] == ["medline", "wos"]
    # the four exported records are seed papers: each merges (by arXiv id, DOI or title) into one
    assert data["total"] == {"files": 6, "read": 235, "kept": 200, "merged": 35, "skipped": 0, "papers": 200}


@pytest.mark.parametrize("path", [FIX / "medline" / "pubmed.nbib", FIX / "wos" / "savedrecs.txt"])
def test_cli_link_runs_on_medline_and_wos(tmp_path, path):
    linked = tmp_path / "linked.jsonl"
    result = runner.invoke(app, ["link", str(path), "-o", str(linked)])
    assert result.exit_code == 0, result.stderr
    hydra, tsf = [json.loads(line) for line in linked.read_text().splitlines()]
    assert ("Mamba", "builds_on") in {(link["method"], link["relation"]) for link in hydra["links"]}
    assert "Hydra" in [name["name"] for name in hydra["introduces"]]
    assert "Mamba" in {link["method"] for link in tsf["links"]}


@pytest.mark.parametrize(
    "name, record",
    [
        ("big.ris", "TY  - JOUR\nTI  - Paper {i}\nAU  - Dao, Tri\nPY  - 2022\nAB  - {abstract}\n{abstract}\nER  - \n\n"),
        ("big.nbib", "PMID- {i}\nTI  - Paper {i}\nFAU - Dao, Tri\nDP  - 2022 May\nAB  - {abstract}\n      {abstract}\n\n"),
        ("savedrecs.txt", "PT J\nAF Dao, Tri\n   Gu, Albert\nTI Paper {i}\nPY 2022\nAB {abstract}\n   {abstract}\nER\n\n"),
    ],
)
def test_tagged_formats_stream_with_flat_memory(tmp_path, name, record):
    import tracemalloc

    abstract = "An abstract line that is long enough to look like one, about transformers and recurrence. " * 4
    path = tmp_path / name
    with open(path, "w") as handle:
        for i in range(2_500):  # ~2.2 MB
            handle.write(record.format(i=i, abstract=abstract))
    tracemalloc.start()
    try:
        count = sum(1 for _ in iter_papers(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2_500
    assert peak < 500_000, peak


def test_wos_tab_delimited_export_reads_as_csv_with_field_codes(seed_abstract):
    path = FIX / "wos" / "savedrecs-tab.txt"
    assert detect_format(path) == "csv"
    (paper,) = iter_papers(path)
    assert (paper.id, paper.title, paper.year, paper.doi) == ("2407.09941", HYDRA, 2024, "10.48550/arxiv.2407.09941")
    assert paper.authors == ["Sukjun Hwang", "Aakash Lahoti", "Tri Dao", "Albert Gu"]  # AF before AU
    assert paper.abstract == seed_abstract(HYDRA)
