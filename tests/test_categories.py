"""Subject categories: every loader that has them keeps them (arXiv snapshot and Atom, BibTeX ``primaryClass``,
Semantic Scholar fields of study, OpenAlex subfields, Web of Science ``WC``, generic records), duplicates merge
them, the graph and its exports carry them, and the questions can be asked of one category or span of years
(``scoped``; ``--category`` / ``--since`` / ``--until``).

Fixtures: ``qa5-kaggle-arxiv.json`` (Kaggle snapshot lines), ``arxiv_atom.xml``, ``zotero.bib`` and
``arxiv-categories.jsonl`` (6 real arXiv abstracts of the amds123 corpus that name LSTM: 3 arXiv_CV, 3 arXiv_CL).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.graph.build import build_graph
from relwork.graph.io import load_graph, save_graph
from relwork.graph.queries import bridge, graph_stats, in_category, method_report, papers_for_method, scoped
from relwork.linker.catalog import load_catalog
from relwork.linker.pipeline import link_corpus
from relwork.loaders import load_papers
from relwork.loaders.base import parse_categories
from relwork.viz import generate_html

from test_neo4j import neo4j, server  # noqa: F401 - the server fixtures

FIX = Path(__file__).resolve().parent / "fixtures" / "loaders"
CORPUS = FIX / "arxiv-categories.jsonl"
runner = CliRunner()


def papers_of(*paths: Path) -> dict:
    return {p.id: p for p in load_papers([str(path) for path in paths]).papers}


@pytest.fixture(scope="module")
def graph():
    catalog = load_catalog()
    return build_graph(link_corpus(list(papers_of(CORPUS).values()), catalog), catalog)


@pytest.fixture(scope="module")
def graph_file(graph, tmp_path_factory):
    return save_graph(graph, tmp_path_factory.mktemp("categories") / "g.json")


# ---------------------------------------------------------------------------------------------------
# loaders


def test_arxiv_snapshot_categories_are_kept_in_the_snapshots_order():
    papers = papers_of(FIX / "qa5-kaggle-arxiv.json")
    assert papers["0704.0005"].categories == ["math.CA", "math.FA"]
    assert papers["0704.0001"].categories == ["hep-ph"]


def test_atom_entry_lists_its_primary_category_once():
    assert papers_of(FIX / "arxiv_atom.xml")["2004.05150"].categories == ["cs.CL"]


def test_bibtex_primary_class_is_the_category_and_entries_without_one_have_none():
    papers = papers_of(FIX / "zotero.bib")
    assert papers["2111.00396"].categories == ["cs.LG"]
    assert papers["2205.14135"].categories == []


def test_category_strings_split_where_the_source_separates_them():
    assert parse_categories("cs.CL cs.LG cs.CL") == ["cs.CL", "cs.LG"]
    # Web of Science: categories hold commas, ';' separates them
    assert parse_categories("Computer Science, Artificial Intelligence; Engineering, Electrical & Electronic") == [
        "Computer Science, Artificial Intelligence", "Engineering, Electrical & Electronic"]
    assert parse_categories("Computer Science|Medicine") == ["Computer Science", "Medicine"]
    # an entity is decoded before the split, so its ';' never cuts a category
    assert parse_categories("Engineering, Electrical &amp; Electronic; Physics") == [
        "Engineering, Electrical & Electronic", "Physics"]


def test_category_lists_of_s2_and_openalex_objects_give_their_names():
    s2 = [{"category": "Computer Science", "source": "external"}, {"category": "Computer Science", "source": "s2"}]
    assert parse_categories(s2) == ["Computer Science"]
    assert parse_categories([{"display_name": "Artificial Intelligence"}, 7, None, "Signal Processing"]) == [
        "Artificial Intelligence", "Signal Processing"]
    assert parse_categories(3) == []


def test_generic_semantic_scholar_and_openalex_records_keep_their_categories(tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(
        json.dumps({"title": "Longformer", "abstract": "A Transformer for long documents.", "fieldsOfStudy":
                    ["Computer Science"]}) + "\n"
        + json.dumps({"title": "Mamba", "abstract": "Selective state spaces.", "categories": "cs.LG cs.AI"}) + "\n"
    )
    assert sorted(p.categories for p in load_papers([str(records)]).papers) == [["Computer Science"], ["cs.LG", "cs.AI"]]
    work = tmp_path / "works.jsonl"
    work.write_text(json.dumps({
        "id": "https://openalex.org/W1", "title": "Hyena Hierarchy", "abstract_inverted_index": {"Long": [0], "convolutions.": [1]},
        "primary_topic": {"display_name": "Topic", "subfield": {"display_name": "Artificial Intelligence"}},
        "topics": [{"subfield": {"display_name": "Artificial Intelligence"}}, {"subfield": {"display_name": "Signal Processing"}}],
    }) + "\n")
    (paper,) = load_papers([str(work)], format="openalex").papers
    assert paper.categories == ["Artificial Intelligence", "Signal Processing"]


def test_duplicate_records_merge_their_categories(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "2312.00752", "title": "Mamba", "abstract": "Selective SSMs.", "categories": "cs.LG"}) + "\n")
    b.write_text(json.dumps({"id": "2312.00752", "title": "Mamba", "abstract": "Selective SSMs.", "categories": "cs.AI cs.LG"}) + "\n")
    (paper,) = load_papers([str(a), str(b)]).papers
    assert paper.categories == ["cs.LG", "cs.AI"]


# ---------------------------------------------------------------------------------------------------
# graph and exports


def test_graph_papers_carry_their_categories_through_save_and_load(graph, graph_file):
    G = load_graph(graph_file)
    assert G.nodes["paper:1805.04185"]["categories"] == ["arXiv_CL"]
    assert G.nodes["paper:1701.03441"]["categories"] == ["arXiv_CV"]
    assert dict(G.nodes(data="categories")) == dict(graph.nodes(data="categories"))


def test_html_page_data_carries_paper_categories(graph):
    page = generate_html(graph, focus="1805.04185")
    assert '"categories":["arXiv_CL"]' in page  # drawn in the side panel: tests/test_html.py (Chromium)


# ---------------------------------------------------------------------------------------------------
# scoped questions


def test_an_archive_covers_its_classes_and_nothing_else():
    assert in_category(["cs.CL", "stat.ML"], ["cs"])
    assert in_category(["cs.CL"], ["CS.cl"])
    assert not in_category(["cs.CLX"], ["cs.CL"])
    assert not in_category(["physics.comp-ph"], ["cs"])
    assert not in_category([], ["cs"])


def test_method_question_in_one_category_keeps_only_its_papers(graph):
    everyone = {r["id"] for r in method_report(graph, "LSTM")["papers"]}
    cl = {r["id"] for r in method_report(scoped(graph, categories=["arXiv_CL"]), "LSTM")["papers"]}
    cv = {r["id"] for r in method_report(scoped(graph, categories=["arXiv_CV"]), "LSTM")["papers"]}
    assert cl == {"1705.03557", "1801.01641", "1805.04185"}
    assert cv == {"1701.03441", "1702.06700", "1705.06476"}
    assert cl | cv == everyone
    both = {r["id"] for r in method_report(scoped(graph, categories=["arXiv_CL", "arXiv_CV"]), "LSTM")["papers"]}
    assert both == everyone


def test_years_bound_the_papers_and_origin_papers_stay(graph):
    report = method_report(scoped(graph, since=2018), "LSTM")
    assert {r["id"] for r in report["papers"]} == {"1801.01641", "1805.04185"}
    assert [r["title"] for r in report["introduced_by"]] == ["Long Short-Term Memory"]  # the 1997 origin stays
    assert {r["id"] for r in papers_for_method(scoped(graph, until=2017), "LSTM", "builds_on")} == {
        "1701.03441", "1702.06700", "1705.03557", "1705.06476"}


def test_scope_applies_to_bridges_and_stats(graph):
    whole = {r["id"] for r in bridge(graph, "LSTM", "GloVe")["papers"]}
    assert "1705.03557" in whole  # DeepTingle: LSTM networks and the GloVe word embedding
    assert {r["id"] for r in bridge(scoped(graph, categories=["arXiv_CV"]), "LSTM", "GloVe")["papers"]} == whole - {"1705.03557"}
    assert graph_stats(scoped(graph, categories=["arXiv_CL"]))["nodes"]["Paper"] < graph_stats(graph)["nodes"]["Paper"]


def test_stats_of_one_category_count_the_methods_its_papers_link(graph, graph_file):
    catalog = load_catalog()
    linked = link_corpus(list(papers_of(CORPUS).values()), catalog)
    def methods(paper):  # what it links and what it introduces
        return {link.method for link in paper.links} | {name.name for name in paper.introduces}

    cl_methods = set().union(*(methods(paper) for paper in linked if "arXiv_CL" in paper.paper.categories))
    all_methods = set().union(*map(methods, linked))
    assert len(cl_methods) < len(all_methods)
    cl = graph_stats(scoped(graph, categories=["arXiv_CL"]))
    assert cl["linked_methods"] == len(cl_methods)
    assert cl["nodes"]["Method"] == graph_stats(graph)["nodes"]["Method"]  # names still resolve in the view
    assert graph_stats(graph)["linked_methods"] == len(all_methods)
    table = runner.invoke(app, ["stats", "-g", str(graph_file), "--category", "arXiv_CL"], env={"COLUMNS": "200"})
    assert f"methods linked by papers │ {len(cl_methods)}" in table.stdout


def test_no_filter_returns_the_graph_itself(graph):
    assert scoped(graph) is graph
    assert scoped(graph, categories=["", " "]) is graph


def test_cli_category_and_years_filter_the_rows_and_say_so(graph_file):
    result = runner.invoke(app, ["method", "LSTM", "-g", str(graph_file), "--category", "arXiv_CL", "--since", "2018",
                                 "--json"])
    assert result.exit_code == 0, result.output
    assert {r["id"] for r in json.loads(result.stdout)["papers"]} == {"1801.01641", "1805.04185"}
    table = runner.invoke(app, ["method", "LSTM", "-g", str(graph_file), "--category", "arXiv_CV", "-r", "builds_on"],
                          env={"COLUMNS": "200"})
    assert "LSTM: builds_on [papers: arXiv_CV]" in table.stdout
    assert "1805.04185" not in table.stdout and "1701.03441" in table.stdout


def test_cli_years_in_the_wrong_order_are_a_clear_error(graph_file):
    result = runner.invoke(app, ["bridge", "LSTM", "GloVe", "-g", str(graph_file), "--since", "2019", "--until", "2017"])
    assert result.exit_code != 0
    assert "--since 2019 is after --until 2017" in result.stderr
    assert "Traceback" not in result.output


# ---------------------------------------------------------------------------------------------------
# Neo4j (the server fixtures are tests/test_neo4j.py's; under CI=true a missing server fails the suite)


def test_neo4j_category_filter_gives_the_scoped_papers(graph, request):
    from relwork.graph.neo4j import export_graph, run_read_query

    neo4j = request.getfixturevalue("neo4j")
    export_graph(graph, neo4j)
    rows = run_read_query(
        neo4j, "MATCH (p:Paper)-[:BUILDS_ON]->(:Method {name: 'LSTM'}) WHERE 'arXiv_CV' IN p.categories RETURN p.id AS id"
    ).rows
    expected = papers_for_method(scoped(graph, categories=["arXiv_CV"]), "LSTM", "builds_on")
    assert sorted(r[0] for r in rows) == sorted(r["id"] for r in expected) == ["1701.03441", "1702.06700", "1705.06476"]
