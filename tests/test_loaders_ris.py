"""RIS loader: Zotero / Scopus / EndNote shaped exports of seed papers, malformed records, detection, CLI."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.loaders import detect_format, iter_papers, load_papers
from relwork.loaders.ris import ris_authors

FIX = Path(__file__).resolve().parent / "fixtures" / "ris"
HYDRA = "Hydra: Bidirectional State Space Models Through Generalized Matrix Mixers"
TSF = "Is Mamba Effective for Time Series Forecasting?"
LEAN = "Lean Attention: Hardware-Aware Scalable Attention Mechanism for the Decode-Phase of Transformers"
runner = CliRunner()




def load(tmp_path: Path, body: str | bytes, name: str = "refs.ris"):
    path = tmp_path / name
    path.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    problems: list = []
    papers = list(iter_papers(path, problems=problems))
    return path, papers, [str(p).replace(f"{path}:", "") for p in problems]


def test_ris_zotero_export_fields_with_bom_and_crlf(seed_abstract):
    raw = (FIX / "zotero.ris").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfTY  - JOUR\r\n")
    hydra, tsf = iter_papers(FIX / "zotero.ris")
    assert (hydra.id, hydra.title, hydra.year, hydra.doi, hydra.url) == (
        "2407.09941", HYDRA, 2024, "10.48550/arxiv.2407.09941", "http://arxiv.org/abs/2407.09941"
    )
    assert hydra.authors == ["Sukjun Hwang", "Aakash Lahoti", "Tri Dao", "Albert Gu"]
    assert hydra.abstract == seed_abstract(HYDRA)
    assert (hydra.sources[0].line, hydra.sources[0].format) == (1, "ris")
    # the arXiv id from a versioned arxiv.org URL; T2 'arXiv' (the journal) is not the title
    assert (tsf.id, tsf.title, tsf.doi, tsf.sources[0].line) == ("2403.11144", TSF, None, 23)
    assert tsf.abstract == seed_abstract(TSF)


def test_ris_scopus_export_initials_and_no_arxiv_id(seed_abstract):
    (paper,) = iter_papers(FIX / "scopus.ris")
    assert paper.title == HYDRA and paper.year == 2024 and paper.arxiv_id is None and paper.doi is None
    assert paper.authors == ["S. Hwang", "A. Lahoti", "T. Dao", "A. Gu"]
    assert paper.url.startswith("https://www.scopus.com/inward/record.uri?eid=")
    assert paper.abstract == seed_abstract(HYDRA)


def test_ris_endnote_wrapped_abstract_joins_continuation_lines(seed_abstract):
    lines = (FIX / "endnote.ris").read_text(encoding="utf-8").splitlines()
    assert sum(1 for line in lines if line and line[2:6] != "  - ") > 10  # the abstract is wrapped
    (paper,) = iter_papers(FIX / "endnote.ris")
    assert (paper.id, paper.title, paper.year) == ("2405.10480", LEAN, 2024)  # T1, ID, Y1 '2024///'
    assert paper.abstract == seed_abstract(LEAN)  # N2 and its continuation lines
    assert paper.authors == ["Rya Sanovar", "Srikant Bharadwaj", "Renee St. Amant", "Victor Rühle", "Saravan Rajmohan"]


def test_ris_records_merge_with_the_seed_listing(seed_files):
    ris_files = [FIX / "zotero.ris", FIX / "scopus.ris", FIX / "endnote.ris"]
    result = load_papers([*ris_files, *seed_files])
    assert result.ok and (result.read, len(result.papers), result.merged) == (235, 200, 35)
    by_title = {paper.title: paper for paper in result.papers}
    hydra = by_title[HYDRA]
    # Zotero (arXiv id), Scopus (title only) and two daily listings are one paper with the arXiv id; of two
    # equally long author lists the first one read is kept
    assert hydra.id == "2407.09941" and hydra.authors == ["Sukjun Hwang", "Aakash Lahoti", "Tri Dao", "Albert Gu"]
    assert [s.format for s in hydra.sources] == ["ris", "ris", "hf-daily", "hf-daily"]
    assert by_title[LEAN].id == "2405.10480" and by_title[TSF].id == "2403.11144"


def test_detect_format_ris_by_extension_content_and_gzip(tmp_path):
    assert detect_format(FIX / "scopus.ris") == "ris"
    plain = tmp_path / "download"
    plain.write_bytes((FIX / "zotero.ris").read_bytes())  # BOM + CRLF, no extension
    assert detect_format(plain) == "ris"
    packed = tmp_path / "export.gz"
    packed.write_bytes(gzip.compress((FIX / "endnote.ris").read_bytes()))
    assert detect_format(packed) == "ris"
    assert [p.abstract for p in iter_papers(packed)] == [p.abstract for p in iter_papers(FIX / "endnote.ris")]


GOOD = "TY  - JOUR\nTI  - Good paper\nAB  - A good abstract.\nER  - \n"


@pytest.mark.parametrize(
    "body, titles, problems",
    [
        pytest.param(GOOD + "\nTY  - JOUR\nTI  - Cut off\nAB  - No end.\n", ["Good paper"],
                     ["6: RIS record has no ER line (the file ends inside the record)"], id="no-ER-at-end"),
        pytest.param("TY  - JOUR\nTI  - Open\nAB  - x.\n\n" + GOOD, ["Good paper"],
                     ["1: RIS record has no ER line (the next record starts at line 5)"], id="no-ER-before-next"),
        pytest.param("TY  - JOUR\nTI  - Broken\nAB -An abstract.\nER  - \n" + GOOD, ["Good paper"],
                     ["1: malformed RIS line 3: 'AB -An abstract.' is not 'XX  - value'"], id="broken-tag"),
        pytest.param("TY  - JOUR\nTI  - Only a title\nT2  - Some Journal\nER  -\n" + GOOD, ["Good paper"],
                     ["1: record has no abstract"], id="no-abstract"),
        pytest.param("TY  - JOUR\nT2  - Journal of Things\nAB  - x.\nER  -\n" + GOOD, ["Good paper"],
                     ["1: record has no title"], id="T2-is-not-a-title"),
        pytest.param(GOOD + "TI  - Lost its TY\nAB  - y.\nER  - \n" + GOOD, ["Good paper", "Good paper"],
                     ["5: RIS record has no TY line (it starts with 'TI  - Lost its TY')"], id="no-TY"),
        pytest.param("ty  - jour\nti  - Lower case\nab  - tags.\ner  -\n", ["Lower case"], [], id="lower-case"),
        pytest.param("Provider: Elsevier\nDatabase: ScienceDirect\n\n" + GOOD, ["Good paper"], [], id="header"),
        pytest.param("TY  - JOUR\nTI  - UK-based\nAB  - AI-driven\nID-based methods and AI - led ones.\nER  -\n",
                     ["UK-based"], [], id="prose-is-continuation"),
    ],
)
def test_ris_bad_records_are_skipped_with_exact_message(tmp_path, body, titles, problems):
    _, papers, found = load(tmp_path, body)
    assert [p.title for p in papers] == titles
    assert found == problems


def test_ris_continuation_and_repeated_tags_accumulate(tmp_path):
    body = ("TY  - JOUR\nTI  - A title that\n  goes on\nAU  - Gu, Albert\nAU  - Dao, Tri\nAB  - First half.\n"
            "AB  - Second half.\nKW  - Mamba\nKW  - SSM\nER  - \n")
    _, (paper,), found = load(tmp_path, body)
    assert found == []
    assert (paper.title, paper.abstract, paper.authors) == (
        "A title that goes on", "First half. Second half.", ["Albert Gu", "Tri Dao"]
    )


@pytest.mark.parametrize(
    "tags, year",
    [
        ("PY  - 2019///", 2019),
        ("Y1  - 2019/05/03", 2019),
        ("DA  - 2021/07/13/\nY2  - 2026/11/26/", 2021),  # Y2 is Zotero's access date
        ("Y2  - 2026/11/26/", None),
        ("Y1  - 12-15 May 2019", 2019),  # IEEE Xplore conference dates
        ("DA  - MAY 3\nPY  - 2018", 2018),  # Web of Science month without year
    ],
)
def test_ris_year_forms(tmp_path, tags, year):
    _, (paper,), _ = load(tmp_path, f"TY  - JOUR\nTI  - T\nAB  - A.\n{tags}\nER  - \n")
    assert paper.year == year


@pytest.mark.parametrize(
    "tags, arxiv_id, doi",
    [
        ("UR  - https://arxiv.org/pdf/2205.14135v2", "2205.14135", None),
        ("DO  - 10.48550/arXiv.2205.14135", "2205.14135", "10.48550/arxiv.2205.14135"),
        ("N1  - arXiv:2205.14135 [cs]", "2205.14135", None),
        ("AN  - WOS:000123456700001\nDO  - https://doi.org/10.1145/3600006.3613165", None, "10.1145/3600006.3613165"),
        ("ID  - Dao2022\nAN  - 35123456", None, None),  # a Mendeley key and a PubMed id are not arXiv ids
    ],
)
def test_ris_identifiers(tmp_path, tags, arxiv_id, doi):
    _, (paper,), _ = load(tmp_path, f"TY  - JOUR\nTI  - T\nAB  - A.\n{tags}\nER  - \n")
    assert (paper.arxiv_id, paper.doi) == (arxiv_id, doi)


def test_ris_non_utf8_byte_skips_only_its_record(tmp_path):
    body = b"TY  - JOUR\nTI  - Caf\xe9\nAB  - x.\nER  - \n" + GOOD.encode()
    _, papers, found = load(tmp_path, body)
    assert [p.title for p in papers] == ["Good paper"]
    assert found == ["2: bytes are not valid UTF-8 (byte 0xe9 at column 10)"]


@pytest.mark.parametrize(
    "value, names",
    [
        (["Dao, Tri", "Ré, Christopher"], ["Tri Dao", "Christopher Ré"]),
        (["Gu, Albert, Jr."], ["Albert Gu Jr."]),
        (["Dao T."], ["Dao T."]),  # older Scopus form, no comma: kept as written
        (["OpenAI", "et al."], ["OpenAI"]),
    ],
)
def test_ris_authors_forms(value, names):
    assert ris_authors(value) == names


def test_cli_load_ris_and_seed_listing_merge(seed_files):
    result = runner.invoke(app, ["load", "--json", str(FIX / "zotero.ris"), *map(str, seed_files)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["files"][0]["format"] == "ris"
    assert data["total"] == {"files": 5, "read": 233, "kept": 200, "merged": 33, "skipped": 0, "papers": 200}


def test_cli_load_reports_bad_ris_record_and_exits_2(tmp_path):
    path = tmp_path / "refs.ris"
    path.write_text(GOOD + "TY  - JOUR\nTI  - Cut off\n")
    result = runner.invoke(app, ["load", str(path)])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"skipped {path}:5: RIS record has no ER line (the file ends inside the record)",
        "1 paper from 1 file(s): 2 records read, 0 duplicates merged, 1 skipped",
    ]


def test_cli_link_and_build_run_on_ris(tmp_path):
    linked = tmp_path / "linked.jsonl"
    result = runner.invoke(app, ["link", str(FIX / "zotero.ris"), "-o", str(linked)])
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in linked.read_text().splitlines()]
    assert [r["id"] for r in records] == ["2407.09941", "2403.11144"]
    hydra = records[0]
    assert ("Mamba", "builds_on") in {(link["method"], link["relation"]) for link in hydra["links"]}
    assert "Hydra" in [name["name"] for name in hydra["introduces"]]
    graph = tmp_path / "graph.json"
    result = runner.invoke(app, ["build", str(FIX), "-o", str(graph)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(f"Wrote {graph}: 16 papers")
    assert "0 records skipped" in result.stderr



@pytest.mark.parametrize("order", [("scopus.ris", "zotero.ris"), ("zotero.ris", "scopus.ris")])
def test_merged_paper_keeps_full_author_names_whatever_the_file_order(order):
    # Scopus exports initials ('Hwang, S.'), Zotero full names: the merged Hydra keeps the full names
    result = load_papers([FIX / name for name in order])
    hydra = next(p for p in result.papers if p.title.startswith("Hydra"))
    assert hydra.authors == ["Sukjun Hwang", "Aakash Lahoti", "Tri Dao", "Albert Gu"]
