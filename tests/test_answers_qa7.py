"""Answers from the seventh user test (qa7: a researcher with their own library): BertSum's origin paper (L8),
`build --update` keeps the graph's own catalog (L4), a paper filter that keeps no paper says so (L5), method
names with a generic head noun (L9), and the HTML page's links and accent-blind search (L15, L16; browser
tests: CI=true with chromium)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.graph.build import build_from_files
from relwork.graph.schema import method_node, paper_node

from test_html import _data_block, browser, open_page  # noqa: F401 - the headless Chromium fixture

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def _write_jsonl(path: Path, *records: dict) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------------
# L8: BERTSUM was coined by 1903.10318; 1908.08345 introduces BertSumExt / BertSumAbs

BERTSUM_PAPERS = [
    {"id": "1903.10318", "title": "Fine-tune BERT for Extractive Summarization", "year": 2019,
     "abstract": "BERT, a pre-trained Transformer model, has achieved ground-breaking performance on multiple NLP "
                 "tasks. In this paper, we describe BERTSUM, a simple variant of BERT, for extractive summarization. "
                 "Our system is the state of the art on the CNN/Dailymail dataset, outperforming the previous "
                 "best-performed system by 1.65 on ROUGE-L. The codes to reproduce our results are available at "
                 "https://github.com/nlpyang/BertSum"},
    # 2004.08795 (MatchSum), abstract's sentence naming its baseline
    {"id": "2004.08795", "title": "Extractive Summarization as Text Matching", "year": 2020,
     "abstract": "We compare our matching framework with BertSumExt and BertSumAbs, and our BERT-based model builds "
                 "on BERTSUM."},
]


def test_bertsum_is_introduced_by_the_paper_that_coined_it(tmp_path, catalog):
    assert catalog.get("BertSum").paper["arxiv"] == "1903.10318"
    assert {catalog.get(n).paper["arxiv"] for n in ("BertSumExt", "BertSumAbs")} == {"1908.08345"}
    assert catalog.get("BertSumExt").parents == catalog.get("BertSumAbs").parents == ["BertSum"]
    G = build_from_files(_write_jsonl(tmp_path / "p.jsonl", *BERTSUM_PAPERS)).graph
    intro = [u for u, _, k in G.in_edges(method_node("BertSum"), keys=True) if k == "INTRODUCES"]
    assert intro == [paper_node("1903.10318")]
    assert not any("BERTSUM" in n for n in G)  # no homonym node of the paper's own name
    later = {u for name in ("BertSumExt", "BertSumAbs")
             for u, _, k in G.in_edges(method_node(name), keys=True) if k == "INTRODUCES"}
    assert later == {paper_node("1908.08345")}


# ---------------------------------------------------------------------------------------------------
# L4: `build --update` links the new papers with the catalog the graph was built with

SOCKEYE = {"name": "Sockeye", "kind": "method", "area": "nlp", "year": 2017,
           "paper": {"arxiv": "1712.05690", "title": "Sockeye: A Toolkit for Neural Machine Translation"}}
# 1804.06609 (arxiv-amds123), its abstract's first and last sentences
CONSTRAINED = {
    "id": "1804.06609", "year": 2018,
    "title": "Fast Lexically Constrained Decoding with Dynamic Beam Allocation for Neural Machine Translation",
    "abstract": "The end-to-end nature of neural machine translation (NMT) removes many ways of manually guiding the "
                "translation process that were available in older paradigms. We present a algorithm for lexically "
                "constrained decoding with a complexity of O(1) in the number of constraints. Our implementation is "
                "available as part of Sockeye."}


@pytest.fixture()
def catalog_graph(tmp_path, seed_files):
    """A graph of three seed papers built with a user catalog holding Sockeye, and the update's records."""
    mycat = _write_jsonl(tmp_path / "mycat.jsonl", SOCKEYE)
    graph = tmp_path / "g.json"
    result = run("-q", "build", *seed_files[:3], "--catalog", mycat, "-o", graph)
    assert result.exit_code == 0, result.output
    return graph, mycat, _write_jsonl(tmp_path / "new.jsonl", CONSTRAINED)


def _links(graph: Path, paper: str) -> set[str]:
    data = json.loads(graph.read_text(encoding="utf-8"))
    return {e["target"] for e in data["edges"] if e["source"] == paper_node(paper) and e["key"] != "INTRODUCES"}


def test_update_reuses_the_catalog_the_graph_was_built_with(catalog_graph):
    graph, mycat, new = catalog_graph
    recorded = json.loads(graph.read_text(encoding="utf-8"))["graph"]["catalogs"]
    assert [c["path"] for c in recorded] == [str(mycat.resolve())] and len(recorded[0]["sha256"]) == 64
    result = run("-q", "build", new, "--update", graph)  # no --catalog
    assert result.exit_code == 0, result.output
    assert method_node("Sockeye") in _links(graph, "1804.06609")


def test_update_after_the_graphs_catalog_changed_or_moved_says_what_to_pass(catalog_graph, tmp_path):
    graph, mycat, new = catalog_graph
    moved = tmp_path / "moved.jsonl"
    shutil.move(mycat, moved)
    result = run("build", new, "--update", graph)
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert f"was built with --catalog {mycat.resolve()} (sha256 " in message and "which is no longer there" in message
    assert "pass --catalog FILE" in message and "or --catalog none for the built-in catalog only" in message
    _write_jsonl(mycat, SOCKEYE, {"name": "Marian NMT"})
    assert "which has changed since" in " ".join(run("build", new, "--update", graph).output.split())
    assert run("-q", "build", new, "--update", graph, "--catalog", moved).exit_code == 0
    assert method_node("Sockeye") in _links(graph, "1804.06609")


def test_update_with_catalog_none_uses_the_builtin_catalog_and_records_it(catalog_graph):
    graph, _, new = catalog_graph
    assert run("-q", "build", new, "--update", graph, "--catalog", "none").exit_code == 0
    assert method_node("Sockeye") not in _links(graph, "1804.06609")
    assert json.loads(graph.read_text(encoding="utf-8"))["graph"]["catalogs"] == []


# ---------------------------------------------------------------------------------------------------
# L5: a paper filter that keeps no paper says so; the arXiv blog's 'arXiv_CL' is the class cs.CL

# 6 real arXiv abstracts of the amds123 corpus that name LSTM: 3 labelled arXiv_CV, 3 arXiv_CL
CATEGORY_CORPUS = Path(__file__).resolve().parent / "fixtures" / "loaders" / "arxiv-categories.jsonl"
CL_LSTM = {"1705.03557", "1801.01641", "1805.04185"}


@pytest.fixture(scope="module")
def blog_graph(tmp_path_factory):
    from relwork.graph.io import save_graph

    return save_graph(build_from_files(CATEGORY_CORPUS).graph, tmp_path_factory.mktemp("qa7") / "blog.json")


def _method_ids(graph: Path, *args) -> set[str]:
    result = run("method", "LSTM", "-g", graph, "--json", *args)
    assert result.exit_code == 0, result.output
    return {r["id"] for r in json.loads(result.stdout)["papers"]}


def test_arxiv_blog_label_is_the_arxiv_class(blog_graph):
    from relwork.graph.queries import in_category

    assert _method_ids(blog_graph, "--category", "cs.CL") == _method_ids(blog_graph, "--category", "arXiv_CL") == CL_LSTM
    assert len(_method_ids(blog_graph, "--category", "cs")) == 6
    assert in_category(["arXiv_CV"], ["CS.cv"]) and in_category(["cs.CV"], ["arxiv_cv"])
    assert not in_category(["arXiv_ML"], ["cs"])  # not a Computer Science class: left as written


@pytest.mark.parametrize(
    "args, message",
    [
        (["--category", "math.CO"],
         "no paper in the graph has category math.CO; the most common categories of its papers are arXiv_CV (3), "
         "arXiv_CL (3)"),
        (["--category", "cs.CL", "--since", "2030"],
         "no paper of the 3 papers in cs.CL is from 2030 on; their years run from 2017 to 2018"),
        (["--until", "1990"], "no paper of the graph's 6 papers is from 1990 or earlier; their years run from 2017 to 2018"),
    ],
)
def test_paper_filter_that_keeps_no_paper_says_so_instead_of_answering(blog_graph, args, message):
    for command in (["method", "LSTM", "-r", "builds_on"], ["stats"], ["bridge", "LSTM", "GloVe"]):
        result = run(*command, "-g", blog_graph, *args)
        assert result.exit_code == 4, result.output
        assert message in " ".join(result.stderr.split())
        assert "has a builds_on link" not in result.output


# ---------------------------------------------------------------------------------------------------
# L9: 'BERT model', 'LSTM networks', 'GloVe vectors' are the method; suggestions put whole-word prefixes first


@pytest.mark.parametrize(
    "name, node",
    [("BERT model", "BERT"), ("LSTM networks", "LSTM"), ("Transformer architecture", "Transformer"),
     ("CLIP models", "CLIP"), ("Mamba-2 models", "Mamba-2"), ("Mamba architecture", "Mamba")],
)
def test_method_name_with_a_generic_head_noun_resolves_to_the_method(seed_graph, name, node):
    from relwork.graph.queries import resolve_method

    assert resolve_method(seed_graph, name) == method_node(node)


def test_head_noun_after_an_arxiv_corpus_name_resolves_on_the_command_line(blog_graph):
    for name in ("GloVe vectors", "GloVe embeddings", "LSTM network"):
        result = run("method", name, "-g", blog_graph, "--json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["method"]["name"] == name.split()[0]


def test_head_noun_after_an_ambiguous_name_needs_its_written_case(seed_graph):
    """CLIP is ambiguous (exact case), as the linker reads it; so is the WORLD vocoder: 'world model' is not it."""
    from relwork.core.errors import GraphError
    from relwork.graph.queries import _exact_or_variant, _catalog_by_key, resolve_method

    with pytest.raises(GraphError, match=r"no method named 'Clip model' in the graph; did you mean: CLIP\?"):
        resolve_method(seed_graph, "Clip model")
    assert _catalog_by_key()["world"].ambiguous
    assert _exact_or_variant("world model", {"world": "WORLD"}) is None
    assert _exact_or_variant("WORLD model", {"world": "WORLD"}) == "world"


@pytest.mark.parametrize("name, first", [("BERT encoder", "BERT"), ("LSTM cells", "LSTM")])
def test_suggestions_rank_a_whole_word_prefix_of_the_query_first(seed_graph, name, first):
    from relwork.core.errors import GraphError
    from relwork.graph.queries import resolve_method

    with pytest.raises(GraphError, match=rf"no method named '{name}' in the graph; did you mean: {first}[,?]"):
        resolve_method(seed_graph, name)


# ---------------------------------------------------------------------------------------------------
# L15: the side panel lists an arXiv / DOI page once; L16: the page's search ignores accents


def _page_nodes(page: str) -> dict:
    return {n["id"]: n["rw"] for n in json.loads(_data_block(page))["nodes"]}


def test_panel_does_not_list_the_records_url_of_the_arxiv_page_it_links(blog_graph):
    from relwork.graph.io import load_graph
    from relwork.viz import generate_html

    G = load_graph(blog_graph)
    assert G.nodes[paper_node("1705.03557")]["url"] == "http://arxiv.org/abs/1705.03557"  # the record's, http
    nodes = _page_nodes(generate_html(G))
    assert nodes[paper_node("1705.03557")]["links"] == [["arXiv:1705.03557", "https://arxiv.org/abs/1705.03557"]]


@pytest.mark.parametrize(
    "attrs, kept",
    [
        ({"arxiv_id": "1810.04805", "url": "https://arxiv.org/pdf/1810.04805v2.pdf"}, False),
        ({"arxiv_id": "1810.04805", "url": "https://doi.org/10.48550/arXiv.1810.04805"}, False),
        ({"doi": "10.18653/v1/N19-1423", "url": "http://dx.doi.org/10.18653/V1/N19-1423"}, False),
        ({"arxiv_id": "1810.04805", "url": "https://arxiv.org/abs/1810.04806"}, True),  # another paper
        ({"doi": "10.18653/v1/N19-1423", "url": "https://aclanthology.org/N19-1423"}, True),  # another page
        ({"url": "http://arxiv.org/abs/1810.04805"}, True),  # no arXiv id: the URL is the only link
    ],
)
def test_panel_compares_urls_without_scheme_version_or_resolver(attrs, kept):
    from relwork.viz.html import _paper_links

    assert (attrs["url"] in [url for _, url in _paper_links(attrs)]) is kept


ACCENTED = Path(__file__).resolve().parent / "fixtures" / "qa7-accented-titles.jsonl"  # 3 real amds123 records


@pytest.fixture(scope="module")
def accented_page(tmp_path_factory):
    from relwork.viz import write_html

    return write_html(build_from_files(ACCENTED).graph, tmp_path_factory.mktemp("qa7html") / "accents.html")


@pytest.mark.browser
@pytest.mark.parametrize(
    "query, paper",
    [("Schrodinger", "1011.1896"), ("frohlich polaron", "1603.04269"), ("Fröhlich", "1603.04269"),
     ("systeme de representation", "cs/0607081"), ("Représentation d'aide", "cs/0607081")],
)
def test_page_search_ignores_accents(browser, accented_page, query, paper):
    errors, _ = open_page(browser, accented_page)
    assert errors == []
    found = browser.execute_script("return relwork.search(arguments[0])", query)
    assert found[:1] == [paper_node(paper)]

