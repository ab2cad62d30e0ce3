"""qa10 Q6: "oldest first" orders a year's papers by arXiv id (submission order), not by title. The fixture
holds the 14 real 2019 abstracts of the tester's corpus that build on PPO (all from one year, as in most reading
lists), linked and built here; the cookbook's builds_on query gives the same order in Neo4j (with a server)."""

from __future__ import annotations

from pathlib import Path

import pytest

from relwork.graph.build import build_graph
from relwork.graph.queries import papers_for_method
from relwork.linker import link_corpus, load_catalog
from relwork.loaders import load_papers

from test_neo4j import neo4j, server  # noqa: F401 - the Neo4j server fixtures (skip locally without one)

PPO_2019 = Path(__file__).parent / "fixtures" / "graph" / "qa10-ppo-2019.jsonl"


@pytest.fixture(scope="module")
def ppo_graph():
    catalog = load_catalog()
    return build_graph(link_corpus(load_papers([PPO_2019]).papers, catalog), catalog)


def test_oldest_first_orders_one_years_papers_by_arxiv_id(ppo_graph):
    rows = papers_for_method(ppo_graph, "PPO", "builds_on")
    assert {row["year"] for row in rows} == {2019}
    ids = [row["id"] for row in rows]
    assert ids[:3] == ["1901.08128", "1901.10314", "1903.01344"]
    assert ids == sorted(ids)
    assert [row["title"] for row in rows] != sorted(row["title"] for row in rows)  # no longer by title


def test_oldest_first_puts_a_years_papers_without_arxiv_id_after_those_with_one(ppo_graph):
    G = ppo_graph.copy()
    node = next(n for n, d in G.nodes(data=True) if d.get("arxiv_id") == "1901.08128")
    G.nodes[node]["arxiv_id"] = None  # as a BibTeX record without eprint
    rows = papers_for_method(G, "PPO", "builds_on")
    assert rows[-1]["title"].startswith("Distillation Strategies for Proximal Policy Optimi")
    assert [row["id"] for row in rows[:-1]] == sorted(row["id"] for row in rows[:-1])


def test_cookbook_builds_on_gives_the_same_order_in_neo4j(neo4j, ppo_graph):
    from relwork.graph.neo4j import export_graph, run_cookbook

    export_graph(ppo_graph, neo4j)
    rows = run_cookbook(neo4j, "builds_on", {"method": "PPO"}).rows
    assert [row[0] for row in rows] == [row["id"] for row in papers_for_method(ppo_graph, "PPO", "builds_on")]
