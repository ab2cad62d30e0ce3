"""Loaders on real-format fixtures and the seed corpus: fields, ids, duplicates, bad input, streaming."""

from __future__ import annotations

import gzip
import json
import shutil
import tracemalloc
from pathlib import Path

import pytest

from relwork.core.errors import InputError
from relwork.core.records import Paper, Source
from relwork.loaders import LOADERS, detect_format, iter_papers, load_papers, merge_papers
from relwork.loaders.base import parse_authors
from relwork.loaders.hf_daily import is_chrome
from relwork.loaders.jsonrecords import write_jsonl

FIX = Path(__file__).resolve().parent / "fixtures" / "loaders"
KAGGLE_HEAD = Path("/work/shared/data/arxiv-kaggle-head200/arxiv-metadata-oai-snapshot.head200.json")
KNOWN = "arxiv, arxiv-atom, bibtex, csv, hf-daily, json, medline, openalex, ris, s2, wos"


def papers_of(path, **kwargs) -> tuple[list[Paper], list]:
    problems: list = []
    papers = list(iter_papers(path, problems=problems, **kwargs))
    return papers, [str(p).replace(str(Path(path).parent) + "/", "") for p in problems]


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


# ---------------------------------------------------------------------------------------------------
# seed corpus (Hugging Face daily-papers listings)


def test_load_papers_seed_corpus_gives_200_papers_31_merged(seed_files):
    result = load_papers(seed_files)
    assert len(seed_files) == 4
    assert len(result.papers) == 200
    assert result.merged == 31
    assert result.read == 231
    assert result.ok and result.problems == []
    assert [(r.format, r.read, r.kept, r.merged) for r in result.files] == [
        ("hf-daily", 22, 22, 0),
        ("hf-daily", 58, 51, 7),
        ("hf-daily", 90, 81, 9),
        ("hf-daily", 61, 46, 15),
    ]
    assert len({p.id for p in result.papers}) == 200


def test_load_papers_seed_repeat_keeps_every_source(seed_files):
    result = load_papers(seed_files)
    paper = next(p for p in result.papers if p.title == "A Practical Survey on Faster and Lighter Transformers")
    assert [(Path(s.file).name, s.line) for s in paper.sources] == [
        ("000_6c8c5462c50091fe.txt", 19),
        ("001_a154086f0eef1da0.txt", 125),
        ("003_4f141a006eb4c184.txt", 71),
    ]
    assert all(s.format == "hf-daily" for s in paper.sources)


@pytest.mark.parametrize(
    "index, first_title, line",
    [
        (0, "LATTE: Improving Latex Recognition for Tables and Formulae with Iterative Refinement", 11),
        (1, "Large-scale Transfer Learning for Low-resource Spoken Language Understanding", 13),
        (2, "Transformer-Based Models Are Not Yet Perfect At Learning to Emulate Structural Recursion", 11),
        (3, "VLMT: Vision-Language Multimodal Transformer for Multimodal Multi-hop Question Answering", 11),
    ],
)
def test_hf_daily_skips_page_chrome(seed_files, index, first_title, line):
    papers, problems = papers_of(seed_files[index])
    assert problems == []
    assert papers[0].title == first_title
    assert papers[0].sources == [Source(str(seed_files[index]), line, "hf-daily")]
    assert papers[0].abstract.startswith(
        ("Portable Document", "End-to-end Spoken", "This paper investigates", "The increasing availability")
    )
    assert not any(is_chrome(p.title) for p in papers)
    assert all(len(p.abstract) > len(p.title) for p in papers)


@pytest.mark.parametrize(
    "line, chrome",
    [
        ("new", True),
        ("Get trending papers in your email inbox!", True),
        ("Subscribe", True),
        ("Daily Papers", True),
        ("byAK and the research community", True),
        ("Mar 11", True),
        ("Jul 29", True),
        ("June 6, 2024", True),
        ("Submit", True),
        ("128", True),
        ("Attention as an RNN", False),
        ("Mamba: Linear-Time Sequence Modeling with Selective State Spaces", False),
        ("May the Force be with Transformers", False),
    ],
)
def test_hf_daily_is_chrome(line, chrome):
    assert is_chrome(line) is chrome


def test_hf_daily_chrome_between_papers_and_missing_title(tmp_path):
    abstract = "We study a thing. " * 30
    text = f"new\n\nDaily Papers\n\nSubmit\n\nMay 8\n\nPaper One\n\n{abstract}\n\nMay 9\n\n{abstract}\n\nPaper Two\n\nShort abstract two.\n\nDangling Title\n"
    papers, problems = papers_of(write(tmp_path, "listing.txt", text))
    assert [(p.title, p.sources[0].line) for p in papers] == [("Paper One", 9), ("Paper Two", 17)]
    assert problems == [
        "listing.txt:15: abstract without a title (539 characters, too long for a title)",
        "listing.txt:21: title without an abstract (end of file)",
    ]


# ---------------------------------------------------------------------------------------------------
# one loader per format, on fixtures in the real format


def test_arxiv_snapshot_fields():
    papers, problems = papers_of(FIX / "arxiv_snapshot.jsonl")
    assert problems == []
    assert [p.id for p in papers] == ["1706.03762", "2111.00396", "cs/9905014"]
    attention, s4, old = papers
    assert attention.title == "Attention Is All You Need"
    assert attention.year == 2017  # first version (v1 2017), not the v7 of 2023
    assert attention.authors[:2] == ["Ashish Vaswani", "Noam Shazeer"] and len(attention.authors) == 8
    assert attention.abstract.startswith("The dominant sequence transduction models")
    assert attention.url == "https://arxiv.org/abs/1706.03762"
    assert s4.authors == ["Albert Gu", "Karan Goel", "Christopher Ré"]
    assert old.title == "An old-style identifier with a wrapped title"
    assert old.year == 1999  # no versions: year from the id's YYMM
    assert old.doi == "10.1000/example.1999"
    assert attention.sources == [Source(str(FIX / "arxiv_snapshot.jsonl"), 1, "arxiv")]


@pytest.mark.skipif(not KAGGLE_HEAD.exists(), reason="the shared Kaggle arXiv sample is not on this machine")
def test_arxiv_snapshot_real_kaggle_head():
    assert detect_format(KAGGLE_HEAD) == "arxiv"
    papers, problems = papers_of(KAGGLE_HEAD)
    assert problems == [] and len(papers) == 200
    first = papers[0]
    assert (first.id, first.year, first.doi) == ("0704.0001", 2007, "10.1103/physrevd.76.013009")
    assert first.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies"
    assert first.authors[0] == "C. Balázs"


def test_arxiv_atom_fields():
    papers, problems = papers_of(FIX / "arxiv_atom.xml")
    assert problems == []
    longformer, s4 = papers
    assert (longformer.id, longformer.arxiv_id, longformer.year) == ("2004.05150", "2004.05150", 2020)
    assert longformer.authors == ["Iz Beltagy", "Matthew E. Peters", "Arman Cohan"]
    assert "sequence length & makes it easy" in longformer.abstract  # entity decoded, whitespace joined
    assert longformer.url == "http://arxiv.org/abs/2004.05150v2"
    assert longformer.sources[0].line == 10
    assert (s4.id, s4.year, s4.doi, s4.sources[0].line) == ("2111.00396", 2021, "10.48550/arxiv.2111.00396", 36)
    assert s4.authors[-1] == "Christopher Ré"


def test_arxiv_atom_error_feed_is_reported():
    papers, problems = papers_of(FIX / "arxiv_error.xml")
    assert papers == []
    assert problems == ["arxiv_error.xml:8: arXiv API error: incorrect id format for 1234.12345"]


def test_s2_page_fields_and_missing_abstract():
    papers, problems = papers_of(FIX / "s2_page.json")
    assert [p.id for p in papers] == ["1706.03762", "1810.04805"]
    bert = papers[1]
    assert bert.doi == "10.18653/v1/n19-1423"
    assert bert.year == 2018  # S2 gives NAACL's 2019; the paper first appeared on arXiv in 2018-10 (qa5 J9)
    assert bert.authors == ["Jacob Devlin", "Ming-Wei Chang", "Kenton Lee", "Kristina Toutanova"]
    assert bert.url == "https://www.semanticscholar.org/paper/df2b0e26d0599ce3e70df8a9da02e51594e0e992"
    assert [p.sources[0].line for p in papers] == [6, 19]
    assert problems == ["s2_page.json:34: record has no abstract"]


def test_s2_json_lines_and_citation_wrappers(tmp_path):
    lines = [
        {"citingPaper": {"paperId": "a1", "title": "Citing Paper", "abstract": "It cites.", "year": 2021,
                         "externalIds": {"ArXiv": "2101.00001"}, "authors": [{"name": "A. Author"}]}},
        {"paperId": "b2", "title": "Plain Paper", "abstract": "Plain.", "publicationDate": "2019-05-01",
         "externalIds": {"DOI": "10.1000/ABC"}, "authors": []},
    ]
    path = write(tmp_path, "s2.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    papers, problems = papers_of(path, format="s2")
    assert problems == []
    assert [(p.id, p.year, p.url) for p in papers] == [
        ("2101.00001", 2021, "https://www.semanticscholar.org/paper/a1"),
        ("doi:10.1000/abc", 2019, "https://www.semanticscholar.org/paper/b2"),
    ]


def test_openalex_rebuilds_abstract_from_inverted_index():
    papers, problems = papers_of(FIX / "openalex_works.jsonl")
    assert problems == []
    longformer, bert = papers
    assert longformer.abstract == (
        "Transformer-based models are unable to process long sequences due to their self-attention operation, "
        "which scales quadratically with the sequence length. To address this limitation, we introduce the "
        "Longformer with an attention mechanism that scales linearly with sequence length, making it easy to "
        "process documents of thousands of tokens or longer."
    )
    # the arXiv DataCite DOI names the preprint: it gives the arXiv id
    assert (longformer.id, longformer.doi) == ("2004.05150", "10.48550/arxiv.2004.05150")
    assert longformer.authors == ["Iz Beltagy", "Matthew E. Peters", "Arman Cohan"]
    assert (bert.id, bert.doi, bert.year) == ("doi:10.18653/v1/n19-1423", "10.18653/v1/n19-1423", 2019)


def test_openalex_api_page_keeps_line_numbers():
    papers, problems = papers_of(FIX / "openalex_page.json")
    assert problems == []
    assert [(p.id, p.sources[0].line) for p in papers] == [("doi:10.18653/v1/n19-1423", 10)]


def test_bibtex_cleans_latex_and_finds_ids():
    papers, problems = papers_of(FIX / "zotero.bib")
    assert problems == []
    s4, german, flash = papers
    assert s4.title == "Efficiently Modeling Long Sequences with Structured State Spaces"
    assert s4.authors == ["Albert Gu", "Karan Goel", "Christopher Ré"]
    assert (s4.id, s4.year) == ("2111.00396", 2021)  # the entry's 2022 is ICLR's; arXiv 2021-11 came first (qa5 J9)
    assert "RNNs, CNNs, and Transformers" in s4.abstract and "$10000$" in s4.abstract
    assert german.title == "Über die Effizienz von Transformer-Modellen für lange Dokumente"
    assert german.authors == ["Jörg Schütze", "María García", "Søren Møller"]
    assert german.abstract.endswith("mit überraschenden Ergebnissen für naïve Ansätze.")
    assert (german.id, german.year) == ("doi:10.1000/zsv.2021.007", 2021)
    assert flash.title == "FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness"
    assert (flash.id, flash.url) == ("2205.14135", "http://arxiv.org/abs/2205.14135")
    assert flash.authors[-1] == "Christopher Ré"
    assert [p.sources[0].line for p in papers] == [5, 16, 25]


def test_csv_alternative_headers_and_quoted_newline():
    papers, problems = papers_of(FIX / "papers.csv")
    assert problems == []
    longformer, reformer = papers
    assert longformer.abstract == (
        "Transformer-based models are unable to process long sequences due to their self-attention operation, "
        "which scales quadratically with the sequence length."
    )
    assert (longformer.id, longformer.year) == ("2004.05150", 2020)  # arXiv id from the arxiv.org URL
    assert longformer.authors == ["Iz Beltagy", "Matthew E. Peters", "Arman Cohan"]
    assert (reformer.id, reformer.sources[0].line) == ("2001.04451", 4)  # a row spanning 2 lines before it


def test_csv_zotero_export():
    assert detect_format(FIX / "zotero.csv") == "csv"
    papers, problems = papers_of(FIX / "zotero.csv")
    assert problems == []
    sparse, linear = papers
    assert (sparse.id, sparse.year, sparse.doi) == ("1904.10509", 2019, "10.48550/arxiv.1904.10509")
    assert sparse.authors == ["Rewon Child", "Scott Gray", "Alec Radford", "Ilya Sutskever"]
    assert linear.title == "Transformers are RNNs: Fast Autoregressive Transformers with Linear Attention"
    assert linear.authors[-1] == "François Fleuret"
    assert (linear.id.startswith("title:"), linear.year, linear.sources[0].line) == (True, 2020, 3)
    assert linear.abstract.startswith("Transformers achieve remarkable performance")


@pytest.mark.parametrize(
    "value, names",
    [
        ("Ashish Vaswani, Noam Shazeer and Niki Parmar", ["Ashish Vaswani", "Noam Shazeer", "Niki Parmar"]),
        ("Vaswani, Ashish and Shazeer, Noam", ["Ashish Vaswani", "Noam Shazeer"]),
        ("Child, Rewon; Gray, Scott", ["Rewon Child", "Scott Gray"]),
        ("Tri Dao; Albert Gu", ["Tri Dao", "Albert Gu"]),
        ("Iz Beltagy, et al.", ["Iz Beltagy"]),
        ([{"name": "A B"}, {"given": "C", "family": "D"}, {"author": {"display_name": "E F"}}], ["A B", "C D", "E F"]),
        ([["Ré", "Christopher", ""], ["Gu", "Albert", "Jr."]], ["Christopher Ré", "Albert Gu Jr."]),
        (None, []),
    ],
)
def test_parse_authors_forms(value, names):
    assert parse_authors(value) == names


def test_json_alternative_field_names():
    papers, problems = papers_of(FIX / "papers.json")
    assert problems == []
    mamba, s4 = papers
    assert (mamba.id, mamba.year, mamba.authors) == ("2312.00752", 2023, ["Albert Gu", "Tri Dao"])
    assert mamba.abstract.startswith("Foundation models, now powering")
    assert s4.id.startswith("title:")
    assert (s4.year, s4.authors) == (2022, ["Albert Gu", "Karan Goel", "Christopher Ré"])
    assert s4.abstract.startswith("A central goal of sequence modeling")
    assert [p.sources[0].line for p in papers] == [2, 9]


@pytest.mark.parametrize(
    "fixture, fmt",
    [
        ("arxiv_snapshot.jsonl", "arxiv"),
        ("arxiv_atom.xml", "arxiv-atom"),
        ("s2_page.json", "s2"),
        ("openalex_works.jsonl", "openalex"),
        ("openalex_page.json", "openalex"),
        ("zotero.bib", "bibtex"),
        ("papers.csv", "csv"),
        ("papers.json", "json"),
    ],
)
def test_detect_format_by_content_and_through_gzip(tmp_path, fixture, fmt):
    assert detect_format(FIX / fixture) == fmt
    # without a telling extension, content alone decides; gzip is looked through by its magic bytes
    plain = tmp_path / "download"
    shutil.copy(FIX / fixture, plain)
    assert detect_format(plain) == fmt
    packed = write(tmp_path, "download.gz", gzip.compress((FIX / fixture).read_bytes()))
    assert detect_format(packed) == fmt
    assert [p.id for p in iter_papers(packed)] == [p.id for p in iter_papers(FIX / fixture)]


def test_hf_daily_crlf_and_gzip_read_the_same(tmp_path, seed_files):
    data = seed_files[0].read_bytes().replace(b"\n", b"\r\n")
    path = write(tmp_path, "listing.txt.gz", gzip.compress(b"\xef\xbb\xbf" + data))
    assert detect_format(path) == "hf-daily"
    expected = [(p.title, p.abstract, p.sources[0].line) for p in iter_papers(seed_files[0])]
    assert [(p.title, p.abstract, p.sources[0].line) for p in iter_papers(path)] == expected
    assert len(expected) == 22


def test_detect_format_hf_listing_without_extension(tmp_path, seed_files):
    plain = tmp_path / "listing"
    shutil.copy(seed_files[0], plain)
    assert detect_format(plain) == "hf-daily"


def test_loaders_registry_names():
    assert ", ".join(sorted(LOADERS)) == KNOWN


@pytest.mark.parametrize("alias, fixture", [("jsonl", "papers.json"), ("bib", "zotero.bib"), ("atom", "arxiv_atom.xml")])
def test_iter_papers_format_aliases(alias, fixture):
    assert [p.id for p in iter_papers(FIX / fixture, format=alias)] == [p.id for p in iter_papers(FIX / fixture)]


def test_bibtex_arxiv_id_from_howpublished_url(tmp_path):
    path = write(tmp_path, "scholar.bib", "@misc{k, title={T}, abstract={A.},\n"
                 " howpublished = {\\url{https://arxiv.org/abs/2101.00001v2}}}\n")
    (paper,) = iter_papers(path)
    assert paper.id == "2101.00001"


# ---------------------------------------------------------------------------------------------------
# identity and duplicates


def test_load_papers_merges_across_formats_and_versions(seed_files):
    files = [
        seed_files[3],  # S4 by title only
        FIX / "arxiv_atom.xml",  # S4 2111.00396v3, Longformer 2004.05150v2
        FIX / "arxiv_snapshot.jsonl",  # S4 by arXiv id
        FIX / "zotero.bib",  # S4 eprint
        FIX / "papers.json",  # S4 by title only
        FIX / "papers.csv",  # Longformer via arxiv.org URL
        FIX / "openalex_works.jsonl",  # Longformer via arXiv DOI, BERT via DOI
        FIX / "s2_page.json",  # BERT via arXiv id + DOI, Attention via arXiv id
    ]
    result = load_papers(files)
    s4 = [p for p in result.papers if p.title == "Efficiently Modeling Long Sequences with Structured State Spaces"]
    assert len(s4) == 1
    s4 = s4[0]
    assert s4.id == "2111.00396"  # the title-keyed HF record took the arXiv id when they met
    assert [s.format for s in s4.sources] == ["hf-daily", "arxiv-atom", "arxiv", "bibtex", "json"]
    assert s4.year == 2021 and s4.authors == ["Albert Gu", "Karan Goel", "Christopher Ré"]
    seed = next(p for p in load_papers([seed_files[3]]).papers if p.title == s4.title)
    assert s4.abstract == seed.abstract  # the longest abstract (the HF one) is kept
    longformer = next(p for p in result.papers if p.id == "2004.05150")
    assert [s.format for s in longformer.sources] == ["arxiv-atom", "csv", "openalex"]
    assert longformer.doi == "10.48550/arxiv.2004.05150"
    bert = [p for p in result.papers if p.doi == "10.18653/v1/n19-1423"]
    assert len(bert) == 1 and bert[0].id == "1810.04805"  # arXiv id (from S2) outranks the DOI
    assert sum(r.merged for r in result.files) == result.merged == result.read - len(result.papers) - 1


@pytest.mark.parametrize(
    "first, second, merged",
    [
        ({"arxiv_id": "2101.00001v1"}, {"arxiv_id": "arXiv:2101.00001v3"}, True),
        ({"doi": "https://doi.org/10.1000/X"}, {"doi": "doi:10.1000/x"}, True),
        ({}, {"arxiv_id": "2101.00001"}, True),
        ({"arxiv_id": "2101.00001"}, {"doi": "10.1000/x"}, True),
        ({"arxiv_id": "2101.00001"}, {"arxiv_id": "2101.00002"}, False),
        ({"doi": "10.1000/x"}, {"doi": "10.1000/y"}, False),
    ],
)
def test_merge_papers_identity_rules(first, second, merged):
    a = Paper.create("Same Title: A Study", "Short.", source=Source("a", 1, "json"), **first)
    b = Paper.create("same title  a study", "A longer abstract.", source=Source("b", 2, "json"), **second)
    papers = merge_papers([a, b])
    assert len(papers) == (1 if merged else 2)


def test_merge_papers_keeps_richest_fields():
    a = Paper.create("T", "Short.", source=Source("a", 1, "hf-daily"))
    b = Paper.create("T", "A much longer abstract.", source=Source("b", 7, "arxiv"), arxiv_id="2101.00001",
                     year=2022, authors=["X", "Y"], url="https://arxiv.org/abs/2101.00001")
    c = Paper.create("T", "Mid abstract.", source=Source("c", 3, "s2"), year=2021, authors=["X"], doi="10.1000/z")
    (paper,) = merge_papers([a, b, c])
    assert (paper.id, paper.arxiv_id, paper.doi) == ("2101.00001", "2101.00001", "10.1000/z")
    assert (paper.abstract, paper.year, paper.authors) == ("A much longer abstract.", 2021, ["X", "Y"])
    assert paper.url == "https://arxiv.org/abs/2101.00001"
    assert [(s.file, s.line) for s in paper.sources] == [("a", 1), ("b", 7), ("c", 3)]


def test_write_jsonl_round_trips_through_json_loader(tmp_path, seed_files):
    result = load_papers(seed_files)
    out = tmp_path / "papers.jsonl"
    assert write_jsonl(result.papers, out) == 200
    again = load_papers([out])
    assert again.ok and len(again.papers) == 200 and again.files[0].format == "json"
    assert [(p.id, p.title, p.abstract) for p in again.papers] == [(p.id, p.title, p.abstract) for p in result.papers]


def test_load_papers_progress_counts_every_record(tmp_path, seed_files):
    bad = write(tmp_path, "mixed.jsonl", '{"title": "A", "abstract": "x"}\nnot json\n{"title": "B"}\n')
    calls = []
    result = load_papers([seed_files[0], bad], progress=lambda n=1: calls.append(n))
    assert sum(calls) == result.read == 22 + 3


# ---------------------------------------------------------------------------------------------------
# bad input: every case with its exact message, the rest still loads


@pytest.mark.parametrize(
    "name, data, titles, problems",
    [
        (
            "records.jsonl",
            '{"title": "A", "abstract": "x"}\n{"title": "B", "abstract": \n{"title": "C"}\n{"abstract": "y"}\n[1]\n'
            '{"title": "F", "abstract": "z"}\n',
            ["A", "F"],
            [
                "records.jsonl:2: malformed JSON: Expecting value (column 28)",
                "records.jsonl:3: record has no abstract",
                "records.jsonl:4: record has no title",
                "records.jsonl:5: record is not a JSON object but int",
            ],
        ),
        (
            "latin1.jsonl",
            b'{"title": "A", "abstract": "x"}\n{"title": "Caf\xe9", "abstract": "y"}\n{"title": "C", "abstract": "z"}\n',
            ["A", "C"],
            ["latin1.jsonl:2: bytes are not valid UTF-8 (byte 0xe9 at column 15)"],
        ),
        (
            "rows.csv",
            'title,abstract\nA,x\nB,y,extra\n"C,unterminated\n',
            ["A"],
            [
                "rows.csv:3: malformed CSV row: expected 2 fields, found 3",
                "rows.csv:4: malformed CSV row: unexpected end of data",
            ],
        ),
        (
            "rows.csv",
            b"title,abstract\nA,x\nB\xff,y\nD,w\n",
            ["A", "D"],
            ["rows.csv:3: bytes are not valid UTF-8 (byte 0xff at column 2)"],
        ),
        (
            "refs.bib",
            "@article{a,\n title={Good one},\n abstract={Fine.}\n}\n\n@article{b,\n title={Broken {one},\n"
            " abstract={never closes}\n\n@article{c,\n title={Third},\n abstract={Still loads.}\n}\n"
            "@article{d,\n title = {No comma}\n abstract = {x}\n}\n@misc{e, title={No abstract}}\n",
            ["Good one", "Third"],
            [
                "refs.bib:6: malformed BibTeX entry: unbalanced braces (the entry is still open at line 10)",
                "refs.bib:14: malformed BibTeX entry 'd': no ',' after the field that ends at line 15",
                "refs.bib:18: record has no abstract",
            ],
        ),
        (
            "tail.bib",
            "@article{a, title={A}, abstract={x}}\n@article{b, title={B}, abstract={unclosed}\n",
            ["A"],
            ["tail.bib:2: malformed BibTeX entry: unbalanced braces (the file ends inside the entry)"],
        ),
        (
            "array.json",
            '[\n {"title": "A", "abstract": "x"},\n {"title": "", "abstract": "y"},\n 7\n]\n',
            ["A"],
            ["array.json:3: record has no title", "array.json:4: record is not a JSON object but int"],
        ),
        (
            "first-line-broken.jsonl",
            'title,abstract\n{"title": "A", "abstract": "x"}\n{"title": "B", "abstract": "y"}\n',
            ["A", "B"],
            ["first-line-broken.jsonl:1: malformed JSON: Expecting value (column 1)"],
        ),
        (
            "only-chrome.txt",
            "new\n\nSubscribe\n\nDaily Papers\n\nMar 11\n",
            [],
            ["only-chrome.txt: no records found (read as hf-daily)"],
        ),
    ],
)
def test_iter_papers_bad_records_are_skipped_with_exact_message(tmp_path, name, data, titles, problems):
    path = write(tmp_path, name, data)
    papers, found = papers_of(path)
    assert [p.title for p in papers] == titles
    assert found == problems
    result = load_papers([path])
    assert [str(p).replace(str(tmp_path) + "/", "") for p in result.files[0].skipped] == problems
    assert result.files[0].read == len(titles) + sum(1 for p in result.files[0].skipped if p.line is not None)
    assert not result.ok


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("missing.json", None, "missing.json: file not found"),
        ("empty.jsonl", "", "empty.jsonl: file is empty"),
        ("blank.txt", "  \n\n\t\n", "blank.txt: file is empty"),
        ("bom.json", b"\xef\xbb\xbf\n", "bom.json: file is empty"),
        ("notes.dat", "just some words\n", f"notes.dat: cannot detect the format (name it: --format NAME, or --input-format NAME for link and evaluate; known formats: {KNOWN})"),
        ("utf16.csv", "title,abstract\nA,x\n".encode("utf-16"), "utf16.csv: text is UTF-16; convert it to UTF-8"),
        ("blob.bin", b"\x00\x01\x02binary", f"blob.bin: cannot detect the format: binary data, not text (known formats: {KNOWN})"),
        ("doc.json", '[\n {"title": "A", "abstract": "x"},\n {"title": "B" "abstract": "y"}\n]\n',
         "doc.json:3: malformed JSON document: Expecting ',' delimiter (column 16)"),
        ("feed.xml", '<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n<entry><title>A</title>\n</feed>\n',
         "feed.xml:4: malformed XML: mismatched tag (column 3)"),
        ("rss.xml", "<rss><channel/></rss>\n", "rss.xml:1: not an Atom feed (root element <rss>)"),
        ("bomb.xml", '<?xml version="1.0"?>\n<!DOCTYPE feed [<!ENTITY a "aaaa">]>\n<feed>&a;</feed>\n',
         "bomb.xml: forbidden XML construct (EntitiesForbidden)"),
        ("broken.jsonl.gz", gzip.compress(b'{"title": "A", "abstract": "x"}\n' * 50, mtime=0)[:-30],
         "broken.jsonl.gz: corrupt gzip data"),
    ],
)
def test_load_papers_file_problems_have_exact_message(tmp_path, name, data, message):
    path = tmp_path / name if data is None else write(tmp_path, name, data)
    good = write(tmp_path, "good.jsonl", '{"title": "Good", "abstract": "Loads anyway."}\n')
    result = load_papers([path, good])
    problems = [str(p).replace(str(tmp_path) + "/", "") for p in result.files[0].skipped]
    assert len(problems) == 1 and problems[0].startswith(message)
    assert [p.title for p in result.papers][-1] == "Good" and result.files[1].ok
    assert not result.ok
    with pytest.raises(InputError, match=message.split(": ", 1)[1][:30].replace("(", r"\(").replace(")", r"\)")):
        load_papers([path], strict=True)


def test_load_papers_strict_raises_at_first_bad_record(tmp_path):
    path = write(tmp_path, "r.jsonl", '{"title": "A", "abstract": "x"}\n{"title": "B"}\nnot json\n')
    with pytest.raises(InputError, match=r"r\.jsonl:2: record has no abstract$") as info:
        load_papers([path], strict=True)
    assert (info.value.path, info.value.line, info.value.reason) == (str(path), 2, "record has no abstract")


def test_load_papers_accepts_a_single_path(seed_files):
    result = load_papers(seed_files[0])
    assert len(result.files) == 1 and len(result.papers) == 22


def test_load_papers_unknown_format_fails_before_reading(tmp_path):
    with pytest.raises(InputError, match=f"^unknown format 'endnote-xml'; known formats: {KNOWN}$"):
        load_papers([tmp_path / "missing.xml"], format="endnote-xml")


def test_load_papers_forced_format_on_wrong_content(tmp_path, seed_files):
    result = load_papers([seed_files[0]], format="json")
    assert result.papers == []
    assert str(result.files[0].skipped[0]).endswith(":1: malformed JSON document: expected a JSON array or object")


def test_iter_papers_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="is a directory, not a file"):
        list(iter_papers(tmp_path))


# ---------------------------------------------------------------------------------------------------
# streaming: a big file is never read whole


def _big_jsonl(path: Path, records: int) -> None:
    abstract = "A long abstract sentence about efficient attention and state space models. " * 12
    with gzip.open(path, "wt", compresslevel=1) as handle:
        for i in range(records):
            handle.write(json.dumps({"title": f"Paper {i}", "abstract": abstract}) + "\n")


def test_iter_papers_first_record_without_reading_whole_file(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    _big_jsonl(path, 40_000)  # ~37 MB of JSON once decompressed
    tracemalloc.start()
    try:
        stream = iter_papers(path)
        first = next(stream)
        _, peak = tracemalloc.get_traced_memory()
        stream.close()
    finally:
        tracemalloc.stop()
    assert first.title == "Paper 0"
    assert peak < 2_000_000


@pytest.mark.parametrize("fmt", ["json", "csv", "hf-daily", "arxiv"])
def test_iter_papers_memory_stays_flat_over_whole_file(tmp_path, fmt):
    abstract = "An abstract line that is long enough to look like one, about transformers and recurrence. " * 8
    path = tmp_path / f"big.{fmt}"
    with open(path, "w") as handle:
        if fmt == "csv":
            handle.write("title,abstract\n")
        for i in range(2_500):  # ~1.9 MB
            if fmt == "csv":
                handle.write(f'"Paper {i}","{abstract}"\n')
            elif fmt == "hf-daily":
                handle.write(f"Paper {i}\n\n{abstract}\n\n")
            elif fmt == "arxiv":
                handle.write(json.dumps({"id": f"2101.{i:05d}", "title": f"Paper {i}", "abstract": abstract,
                                         "versions": [{"version": "v1", "created": "Fri, 1 Jan 2021 00:00:00 GMT"}]}) + "\n")
            else:
                handle.write(json.dumps({"title": f"Paper {i}", "abstract": abstract}) + "\n")
    assert path.stat().st_size > 1_800_000
    count = 0
    tracemalloc.start()
    try:
        for _ in iter_papers(path, format=fmt):
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2_500
    assert peak < 500_000, peak


def test_load_papers_directory_stands_for_its_files(seed_files):
    """A directory loads every file below it, sorted: the example folder gives the same 200 papers."""
    result = load_papers([seed_files[0].parent])
    assert [r.path for r in result.files] == [str(p) for p in seed_files]
    assert (len(result.papers), result.merged) == (200, 31)


def test_load_papers_empty_directory_is_reported(tmp_path):
    (tmp_path / ".hidden").write_text("not an input")
    result = load_papers([tmp_path])
    assert result.papers == [] and "is a directory, not a file" in str(result.problems[0])


def test_detect_format_prose_text_is_not_a_daily_listing(tmp_path):
    """A README saved as .txt used to be read as hundreds of junk title/abstract pairs."""
    path = tmp_path / "notes.txt"
    path.write_text("# relwork\n\nShort intro line.\n\n- a bullet\n- another bullet\n\n## Set-up\n\nRun it.\n")
    with pytest.raises(InputError, match=r"notes.txt: cannot detect the format \(name it: --format NAME"):
        detect_format(path)
