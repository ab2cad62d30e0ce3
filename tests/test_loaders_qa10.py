"""Loader findings of the qa10 user test (a Zotero library exported five ways): Q4 CSL-JSON and Zotero CSV
years, arXiv ids and item keys; Q7 a stray '}' in a BibTeX abstract; Q8 LaTeX text commands and the merge of
an entity-escaped abstract. Fixtures are the tester's records (tests/fixtures/loaders/qa10-*): Zotero's CSL-JSON
and CSV exports of arXiv papers, plus the tester's hand-made Zotero-shaped items."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relwork.loaders import iter_papers, load_papers
from relwork.loaders.base import parse_year
from relwork.loaders.bibtex import latex_to_text

FIXTURES = Path(__file__).parent / "fixtures" / "loaders"


# Q4: CSL-JSON (Zotero 'Export Library -> CSL JSON') and Zotero CSV


def test_csl_json_year_comes_from_issued_date_parts():
    papers = {p.title: p for p in iter_papers(FIXTURES / "qa10-zotero-csl.json")}
    conformer = papers["Speech recognition with Conformer encoders for low-resource languages"]
    assert (conformer.year, conformer.arxiv_id) == (2021, None)  # no arXiv id to take a year from


@pytest.mark.parametrize(
    ("value", "year"),
    [
        ({"date-parts": [[2021, 3]]}, 2021),
        ({"date-parts": [["2018", "12", "13"]]}, 2018),  # Zotero writes the parts as strings too
        ({"raw": "Spring 2017"}, 2017),
        ({"literal": "n.d."}, None),
        ({"date-parts": [[]]}, None),
    ],
)
def test_parse_year_reads_csl_date_objects(value, year):
    assert parse_year(value) == year


def test_csl_json_number_arxiv_note_gives_the_arxiv_id():
    papers = {p.title: p for p in iter_papers(FIXTURES / "qa10-zotero-csl.json")}
    preprint = papers["A robot paper"]  # "number": "arXiv:1812.05905", no arxiv.org URL
    assert (preprint.id, preprint.arxiv_id, preprint.year) == ("1812.05905", "1812.05905", 2018)


def test_zotero_csv_extra_arxiv_note_gives_the_arxiv_id_and_key_is_the_record_id():
    papers = list(iter_papers(FIXTURES / "qa10-zotero.csv"))
    assert [(p.arxiv_id, p.sources[0].record_id) for p in papers] == [
        ("1906.04689", "K00261"),  # a real Zotero row (Url on arxiv.org, Extra 'arXiv: 1906.04689')
        ("1707.06347", "ABCD1234"),  # Url is the publisher's page: only Extra names the preprint
    ]
    assert papers[1].url == "https://ieeexplore.ieee.org/document/123"


def test_generic_record_note_without_arxiv_prefix_gives_no_arxiv_id(tmp_path):
    path = tmp_path / "report.json"
    path.write_text(json.dumps([{"title": "A tech report", "abstract": "We study X.", "number": "1234.5678"}]))
    [paper] = iter_papers(path)
    assert paper.arxiv_id is None


def test_csl_citation_key_is_the_record_id_before_zotero_item_uri(tmp_path):
    path = tmp_path / "bbt.json"
    item = {"id": "http://zotero.org/users/1/items/AB", "citation-key": "haarnoja2018soft", "type": "article",
            "title": "Soft Actor-Critic", "abstract": "We propose SAC.", "number": "arXiv:1801.01290"}
    path.write_text(json.dumps([item]))
    [paper] = iter_papers(path)
    assert (paper.arxiv_id, paper.sources[0].record_id) == ("1801.01290", "haarnoja2018soft")


def test_csl_json_loads_with_its_format_alias():
    result = load_papers([FIXTURES / "qa10-zotero-csl.json"], format="csl-json")
    assert sorted(p.year for p in result.papers) == [2018, 2019, 2021]


# Q7: a stray '}' in a BibTeX abstract closes the field early; the message says where


def test_bibtex_stray_brace_error_names_its_line_key_and_the_text_after_it():
    result = load_papers([FIXTURES / "qa10-stray-brace.bib"])
    assert [p.title for p in result.papers] == ["LibriTTS: A Corpus Derived from LibriSpeech for Text-to-Speech"]
    [problem] = result.problems
    assert str(problem) == f"{FIXTURES / 'qa10-stray-brace.bib'}:1: " + (
        "malformed BibTeX entry 'pacelli_taskdriven_2019': a '}' at line 10 closes the "
        "field early (text after it: 'to formalize the notion of a \"task-drive ...')"
    )


def test_bibtex_missing_comma_error_names_the_field_line(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text("@article{d,\n title = {No comma}\n abstract = {x}\n}\n")
    with pytest.raises(Exception, match=r"refs.bib:1: malformed BibTeX entry 'd': no ',' after the field that ends at line 2"):
        load_papers([path], strict=True)


def test_bibtex_braces_inside_a_quoted_value_are_no_stray_brace(tmp_path):
    path = tmp_path / "refs.bib"
    path.write_text('@article{q,\n title = "A {BERT} model",\n abstract = {We use {BERT} here.}\n}\n')
    [paper] = iter_papers(path)
    assert (paper.title, paper.abstract) == ("A BERT model", "We use BERT here.")


# Q8: LaTeX text commands decoded; an entity-escaped copy of an abstract does not win the merge


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("A \\textless{} B", "A < B"),
        ("x \\textgreater{} y", "x > y"),
        ("a \\textbar{} b", "a | b"),
        ("snake\\textunderscore{}case", "snake_case"),
        ("\\textquotedbl{}quoted\\textquotedbl{}", '"quoted"'),
        ("2\\textasciicircum{}10", "2^10"),
        ("\\textasciitilde{}30", "~30"),
        ("{\\textbackslash}alpha", "\\alpha"),
        ("wide \\& deep, 5\\% less, a\\_b, \\#1", "wide & deep, 5% less, a_b, #1"),
    ],
)
def test_bibtex_latex_text_commands_are_decoded(value, text):
    assert latex_to_text(value) == text


def test_bibtex_textless_in_the_testers_abstract_keeps_the_less_than_sign():
    papers = {p.title: p for p in iter_papers(FIXTURES / "qa10-merge.bib")}
    abstract = papers["Wide & Deep policies: $<$2ms with \\emph and transform 5% Müller"].abstract
    assert "x $>$ y, A < B, transform and Q-learning. Costs 5% less." in abstract


@pytest.mark.parametrize("order", [("jsonl", "bib"), ("bib", "jsonl")])
@pytest.mark.parametrize(
    ("paper_id", "clean", "noisy"),
    [
        ("1805.03586", "utilizing the wide & deep architecture", "&amp;"),  # BibTeX keeps the JSON source's entity
        ("1905.00628", "coefficients in the $\\ell_1$ minimization", "textbackslash"),  # Zotero's escaped TeX math
    ],
)
def test_merge_keeps_the_clean_copy_of_an_abstract_over_a_longer_escaped_one(order, paper_id, clean, noisy):
    result = load_papers([FIXTURES / f"qa10-merge.{suffix}" for suffix in order])
    [paper] = [p for p in result.papers if p.id == paper_id]
    assert clean in paper.abstract and noisy not in paper.abstract
    assert {s.format for s in paper.sources} == {"json", "bibtex"}


def test_merge_still_keeps_a_longer_abstract_that_has_entities():
    from relwork.core.records import Paper
    from relwork.loaders.dedupe import merge_into

    kept = Paper.create("T", "Short & plain.")
    merge_into(kept, Paper.create("T", "Short &amp; plain, with a second clause."))
    assert kept.abstract == "Short &amp; plain, with a second clause."


def test_bibtex_author_names_with_html_entities_are_decoded():
    papers = {p.arxiv_id: p for p in iter_papers(FIXTURES / "qa10-merge.bib")}
    assert papers["1905.00628"].authors[0] == "Pavel Záviška"  # Zotero wrote 'Z\&\#xe1;vi\&\#x161;ka'


@pytest.mark.parametrize("order", [("jsonl", "bib"), ("bib", "jsonl")])
def test_merge_keeps_decoded_author_names_whatever_the_file_order(order):
    result = load_papers([FIXTURES / f"qa10-merge.{suffix}" for suffix in order])
    [paper] = [p for p in result.papers if p.id == "1905.00628"]
    assert paper.authors[:3] == ["Pavel Záviška", "Pavel Rajmic", "Jíří Schimmel"]
