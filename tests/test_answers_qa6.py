"""Answers on the seed corpus from the sixth user test (qa6 K1-K4, K8): catalog methods the linker treats as
generic acronyms still resolve, a plain question says what its catalog derivatives would add, family answers
are one row per paper, papers' own methods named after a family member count in the family, and the HTML
page's search, legend and details panel (browser tests: CI=true with chromium)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.core.errors import GraphError
from relwork.graph import schema
from relwork.graph.build import add_named_after
from relwork.graph.io import save_graph
from relwork.graph.queries import (
    bridge,
    derivatives_only,
    family_members,
    method_families,
    method_report,
    papers_for_method,
    resolve_method,
    resolve_methods,
)
from relwork.graph.schema import method_node

from test_html import browser, open_page  # noqa: F401 - the headless Chromium fixture

runner = CliRunner()

# catalog names that are also in the linker's GENERIC acronyms (its introduced-name filter)
CATALOG_AND_GENERIC = ["DPO", "RAG", "SGD", "PPO", "RLHF", "CoT", "Transformer"]


@pytest.fixture(scope="module")
def seed_path(seed_graph, tmp_path_factory):
    return save_graph(seed_graph, tmp_path_factory.mktemp("qa6") / "seed.json")


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


# ---------------------------------------------------------------------------------------------------
# K1: a catalog method is never "a generic concept"


@pytest.mark.parametrize("name", CATALOG_AND_GENERIC + [n.lower() + "s" for n in CATALOG_AND_GENERIC[:3]])
def test_catalog_methods_in_the_generic_acronyms_resolve_or_say_the_catalog_knows_them(seed_graph, name):
    try:
        node = resolve_method(seed_graph, name)
    except GraphError as err:
        assert "generic concept" not in str(err)
        assert re.search(r"the catalog knows \S+ \(method, [a-z-]+, \d{4}\), but no paper in this graph links to it", str(err))
    else:
        assert seed_graph.nodes[node].get("catalogued")


@pytest.mark.parametrize("name", ["LLMs", "knowledge distillation", "GNN"])
def test_names_the_catalog_does_not_know_are_still_refused_as_generic(seed_graph, name):
    with pytest.raises(GraphError, match="is a generic concept"):
        resolve_methods(seed_graph, name)


def test_cli_method_dpo_says_the_catalog_knows_it(seed_path):
    done = run("method", "DPO", "-g", seed_path)
    assert done.exit_code == 4
    assert "the catalog knows DPO (method, alignment, 2023), but no paper in this graph links to it" in done.output
    assert "generic concept" not in done.output


# ---------------------------------------------------------------------------------------------------
# K2: a plain answer says what --family would add


@pytest.mark.parametrize("name, relation", [("FlashAttention", "compares_to"), ("LLaMA", "builds_on"),
                                            ("GPT-4", "compares_to"), ("BERT", "builds_on"), ("Mamba", None)])
def test_derivatives_only_counts_what_the_family_answer_adds(seed_graph, name, relation):
    plain = {r["node"] for r in papers_for_method(seed_graph, name, relation)}
    wider = {r["node"] for r in papers_for_method(seed_graph, name, relation, family=True)}
    extra = derivatives_only(seed_graph, name, relation)
    assert extra["papers"] == len(wider - plain)
    for m in extra["methods"]:
        linked = {r["node"] for r in papers_for_method(seed_graph, m["name"], relation)}
        assert m["papers"] == len(linked - plain) > 0


def test_flashattention_comparisons_point_at_its_derivative(seed_graph, seed_path):
    """The README's headline question: no paper compares to FlashAttention itself; Lean Attention compares to
    FlashAttention-2."""
    assert derivatives_only(seed_graph, "FlashAttention", "compares_to") == {
        "papers": 1, "methods": [{"name": "FlashAttention-2", "papers": 1}]}
    done = run("method", "FlashAttention", "-r", "compares_to", "-g", seed_path)
    assert done.exit_code == 0
    assert "No paper in the graph has a compares_to link to FlashAttention; " in " ".join(done.stdout.split())
    assert "; 1 paper has one to its derivative FlashAttention-2: add --family." in " ".join(done.stdout.split())
    done = run("method", "FlashAttention", "-r", "compares_to", "-g", seed_path, "--json")
    assert json.loads(done.stdout) == [] and "FlashAttention-2: add --family" in " ".join(done.stderr.split())


def test_a_family_name_or_the_family_flag_has_no_derivatives_hint(seed_graph, seed_path):
    assert derivatives_only(seed_graph, "state-space models") is None
    assert method_report(seed_graph, "LLaMA", family=True)["with_derivatives"] is None
    assert method_report(seed_graph, "LLaMA")["with_derivatives"]["papers"] >= 1
    done = run("method", "LLaMA", "-r", "builds_on", "--family", "-g", seed_path)
    assert done.exit_code == 0 and "add --family" not in done.stdout


def test_empty_bridge_says_how_many_papers_the_family_flag_finds(seed_graph, seed_path):
    plain = bridge(seed_graph, "ViT", "CLIP")
    assert plain["papers"] == [] and plain["with_derivatives"] == len(bridge(seed_graph, "ViT", "CLIP", family=True)["papers"]) > 0
    assert "with_derivatives" not in bridge(seed_graph, "Transformer", "Mamba")  # answered: nothing to add
    done = run("bridge", "ViT", "CLIP", "-g", seed_path, "--paths", "1")
    assert done.exit_code == 0
    assert (f"No paper links both ViT and CLIP ({plain['with_derivatives']} do with --family, counting their catalog "
            "derivatives); shortest connections") in " ".join(done.stdout.split())


# ---------------------------------------------------------------------------------------------------
# K4: one row per paper in family answers


@pytest.mark.parametrize("name, relation, family", [("LLaMA", "builds_on", True), ("LLaMA", None, True),
                                                    ("state-space models", None, False), ("SSMs", "builds_on", False),
                                                    ("CNNs", None, False), ("Transformer", "compares_to", True)])
def test_family_answers_list_each_paper_once_with_all_its_methods(seed_graph, name, relation, family):
    rows = papers_for_method(seed_graph, name, relation, family=family)
    assert rows and len({r["node"] for r in rows}) == len(rows)
    members = {seed_graph.nodes[n]["name"] for n in resolve_methods(seed_graph, name, family=family).nodes}
    for row in rows:
        assert row["methods"][0] == row["method"] and set(row["methods"]) <= members
        linked = {m for m in members if any(seed_graph.has_edge(row["node"], method_node(m), t)
                                            for t in ([relation.upper()] if relation else ["BUILDS_ON", "COMPARES_TO", "MENTIONS"]))}
        assert set(row["methods"]) == linked


def test_a2sf_is_one_builds_on_llama_row_naming_llama_2_and_llama(seed_graph, seed_path):
    rows = papers_for_method(seed_graph, "LLaMA", "builds_on", family=True)
    a2sf = [r for r in rows if r["title"].startswith("A2SF")]
    assert len(a2sf) == 1 and sorted(a2sf[0]["methods"]) == ["LLaMA", "Llama-2"]
    report = method_report(seed_graph, "LLaMA", family=True)
    assert len({r["node"] for r in report["papers"]}) == len(report["papers"])
    done = run("method", "LLaMA", "-r", "builds_on", "--family", "-g", seed_path, "--json")
    relevance = papers_for_method(seed_graph, "LLaMA", "builds_on", family=True, order="relevance")
    assert [r["node"] for r in json.loads(done.stdout)] == [r["node"] for r in relevance]


# ---------------------------------------------------------------------------------------------------
# K3: methods papers introduce under a member's name


def _family(name):
    return next(f for f in method_families().values() if f.name == name)


def test_papers_own_ssms_named_after_mamba_join_the_family(seed_graph):
    names = {seed_graph.nodes[n]["name"] for n in family_members(seed_graph, _family("state-space models"))}
    assert {"IC-Mamba", "S-Mamba", "Mamba Retriever"} <= names
    assert "Bio-xLSTM" in {seed_graph.nodes[n]["name"] for n in family_members(seed_graph, _family("recurrent neural networks"))}
    rows = papers_for_method(seed_graph, "state-space models", "introduces")
    assert any(r["method"] == "IC-Mamba" for r in rows)


def test_only_a_members_whole_name_as_words_makes_a_member(seed_graph):
    """Same-name methods told apart by their paper's title, other cases, and a name inside a word stay out."""
    G = seed_graph.copy()
    for name in ("Mamba (Another paper's Mamba)", "mamba retrieval", "Mambaformer", "S4WM-X", "Hyena-Mamba Hybrid"):
        G.add_node(method_node(name), label=schema.METHOD, name=name, kind="method", catalogued=False)
    add_named_after(G)  # as the builder does once a paper brings these names
    names = {G.nodes[n]["name"] for n in family_members(G, _family("state-space models"))}
    assert "Hyena-Mamba Hybrid" in names
    assert not names & {"Mamba (Another paper's Mamba)", "mamba retrieval", "Mambaformer", "S4WM-X"}


# ---------------------------------------------------------------------------------------------------
# K8: the HTML page (headless Chromium)


@pytest.fixture(scope="module")
def seed_page(seed_graph, tmp_path_factory):
    from relwork.viz.html import write_html

    return write_html(seed_graph, tmp_path_factory.mktemp("qa6html") / "seed.html")


def _open(browser, page):
    errors, _ = open_page(browser, page, timeout=120)
    assert errors == []


@pytest.mark.browser
def test_page_search_prefers_word_starts_to_matches_inside_words(browser, seed_page):
    """'SSM' finds "Transformers are SSMs" but not "Automatic Assessment ..." (inside 'Assessment') or PlaNet
    (inside its alias 'RSSM'); a query found only inside words still finds them."""
    _open(browser, seed_page)
    found = browser.execute_script("return relwork.search('SSM').map(function (id) { return relwork.info.get(id).name; })")
    assert found and any(name.startswith("Transformers are SSMs") for name in found)
    assert not [name for name in found if re.search(r"(?i)assessment", name) or name == "PlaNet"]
    inside = browser.execute_script("return relwork.search('ssessment').map(function (id) { return relwork.info.get(id).name; })")
    assert inside and all("ssessment" in name.lower() for name in inside)
    camel = browser.execute_script("return relwork.search('attention').map(function (id) { return relwork.info.get(id).name; })")
    assert "FlashAttention" in camel  # a capital after a small letter starts a word


@pytest.mark.browser
def test_page_legend_counts_method_links_and_dashed_paper_links_apart(browser, seed_graph, seed_page):
    """The build summary prints edges BUILDS_ON and citations BUILDS_ON; the legend showed their sum."""
    from selenium.webdriver.common.by import By

    _open(browser, seed_page)
    for relation, label in ((schema.BUILDS_ON, "builds on"), (schema.COMPARES_TO, "compares to")):
        types = [(seed_graph.nodes[v]["label"], t) for _, v, t in seed_graph.edges(data="type") if t == relation]
        to_methods = sum(1 for lab, _ in types if lab == schema.METHOD)
        between = sum(1 for lab, _ in types if lab == schema.PAPER)
        row = browser.find_element(By.XPATH, f"//div[@id='rw-relations']//label[span='{label}']")
        assert row.find_element(By.CLASS_NAME, "rw-count").text == f"{to_methods} \u00B7 {between}"
        assert row.get_attribute("title").startswith(f"{to_methods} {label} links to methods, and {between} dashed")


@pytest.mark.browser
def test_page_panel_lists_the_filtered_relation_first(browser, seed_graph, seed_page):
    """With only 'compares to' ticked, Transformer's panel lists its compares-to papers first; the links the
    filter hides follow, folded under 'N hidden by the filters'."""
    from selenium.webdriver.common.by import By

    _open(browser, seed_page)
    node = method_node("Transformer")
    for relation in (schema.INTRODUCES, schema.BUILDS_ON, schema.MENTIONS, schema.DERIVED_FROM, schema.NAMED_AFTER):
        browser.execute_script("relwork.setRelation(arguments[0], false)", relation)
    browser.execute_script("relwork.selectNode(arguments[0], false)", node)
    incoming = [t for _, _, t in seed_graph.in_edges(node, data="type")]
    compares = incoming.count(schema.COMPARES_TO)
    headings = [h.text for h in browser.find_elements(By.CSS_SELECTOR, "#rw-details h3")]
    assert f"LINKS TO HERE ({compares} SHOWN OF {len(incoming)})" in [h.upper() for h in headings]
    first_list = browser.find_elements(By.CSS_SELECTOR, "#rw-details > ol.rw-links")[-1]
    badges = [b.text for b in first_list.find_elements(By.CSS_SELECTOR, ":scope > li > .rw-rel")]
    assert len(badges) == compares and set(badges) == {"compares to"}
    folds = browser.find_elements(By.CSS_SELECTOR, "#rw-details details.rw-hidden-links summary")
    assert f"{len(incoming) - compares} hidden by the filters" in [f.get_attribute("textContent") for f in folds]
    browser.find_element(By.ID, "rw-reset").click()
