"""Related work (qa9 Q1): papers on the same topic that share no method are candidates, a hub method's many users
share a fixed weight, and the judged set that measures both (bench/related/judged.jsonl, bench/eval_related.py)
is well formed on the seed graph."""

from __future__ import annotations

import importlib.util
import json
import math
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.graph.io import save_graph
from relwork.graph.queries import RELATED_WEIGHTS, related_papers, resolve_paper, topic_similarity

BENCH = Path(__file__).resolve().parent.parent / "bench"
TSF = "Is Mamba Effective for Time Series Forecasting?"


def _eval_related():
    spec = importlib.util.spec_from_file_location("eval_related", BENCH / "eval_related.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_related_text_neighbour_sharing_no_method_is_related_work(seed_graph):
    """'Before It's Too Late: A State Space Model for the Early Prediction of Misinformation' links no method the
    Mamba time-series paper links (its IC-Mamba is its own), yet it is a state space model paper: it ranks 11th
    on its text alone, above the S4 paper (which shares S4), with no method match and a score of topic_alone x
    its cosine. Before, a paper sharing no method was never a candidate."""
    rows = related_papers(seed_graph, TSF, limit=15)
    row = next(r for r in rows if r["title"].startswith("Before It's Too Late"))
    assert row["why"] == [] and row["methods"] == 0
    assert row["score"] == round(RELATED_WEIGHTS["topic_alone"] * row["topic"], 3)
    titles = [r["title"] for r in rows]
    assert titles.index(row["title"]) < titles.index("Efficiently Modeling Long Sequences with Structured State Spaces")


def test_related_candidates_include_the_nearest_papers_by_text(seed_graph):
    """The five papers nearest to the Mamba time-series paper by text (exact cosine over every paper) are all
    candidates, whatever methods they link."""
    node = resolve_paper(seed_graph, TSF)
    similarity = topic_similarity(seed_graph)
    others = [n for n, d in seed_graph.nodes(data=True) if d["label"] == "Paper" and d.get("abstract") and n != node]
    nearest = sorted(others, key=lambda n: -similarity(node, n))[:5]
    candidates = {r["node"] for r in related_papers(seed_graph, TSF, limit=10_000)}
    assert set(nearest) <= candidates


def test_related_hub_method_users_share_ten_candidates_weight(seed_graph):
    """Hydra's Transformer link meets many candidates: each such match (citations apart) carries ``hub``, the
    number of candidates it ties (more than 10), and its weight is the unshared one x 10 / hub. The Transformer paper itself (a citation) is not shared."""
    rows = related_papers(seed_graph, "2407.09941", limit=10_000)
    tied = Counter()
    for r in rows:
        tied.update({w["method"] for w in r["why"] if not w["citation"]})
    assert tied["Transformer"] > RELATED_WEIGHTS["hub"]
    papers = sum(1 for _, d in seed_graph.nodes(data=True) if d["label"] == "Paper")
    users = len({u for u in seed_graph.predecessors("method:Transformer") if seed_graph.nodes[u]["label"] == "Paper"})
    both_build = [w for r in rows for w in r["why"] if w["theirs"] == "Transformer" and not w["citation"]
                  and w["mine"] == w["their_type"] == "BUILDS_ON"]
    plain = math.log(papers / users)  # builds on / builds on: both link weights 1, Hydra's title does not name it
    assert both_build and all(w["weight"] == round(plain * RELATED_WEIGHTS["hub"] / w["hub"], 3) for w in both_build)
    shared = [w for r in rows for w in r["why"] if "hub" in w]
    assert all(w["hub"] > RELATED_WEIGHTS["hub"] and not w["citation"] for w in shared)
    assert all("hub" in w for r in rows for w in r["why"] if w["method"] == "Transformer" and not w["citation"])
    origin = next(r for r in rows if r["id"] == "1706.03762")
    assert origin["why"][0]["citation"] and "hub" not in origin["why"][0]


def test_related_paper_without_abstract_is_ranked_by_its_methods(seed_graph):
    """The Mamba paper is known from the catalog by its title only: its related work has no text neighbours, no
    shared hub and no topic_alone term: every row shares a method and scores methods x (1 + 8 x topic)."""
    rows = related_papers(seed_graph, "2312.00752", limit=10_000)
    assert not seed_graph.nodes[resolve_paper(seed_graph, "2312.00752")].get("abstract")
    assert rows and all(r["why"] for r in rows)
    assert not any("hub" in w for r in rows for w in r["why"])
    assert all(r["score"] == round(r["methods"] * (1 + RELATED_WEIGHTS["topic"] * r["topic"]), 3) for r in rows)


def test_related_judged_set_names_seed_papers_and_scores_rankings(seed_graph):
    """Every judged seed paper is a paper of the seed graph, and nearly every paper judged against it too (a catalog
    origin paper leaves the graph when the linker stops linking its method: the CommonsenseQA paper went when
    "commonsense QA benchmarks" stopped naming the dataset); labels are 0/1 with a reason; P@10 and nDCG@10 of a
    ranking follow their definitions (binary gains, ideal over all papers judged relevant)."""
    evaluate = _eval_related()
    lines = [json.loads(line) for line in (BENCH / "related" / "judged.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {row["label"] for row in lines} == {0, 1} and all(row["reason"] for row in lines)
    seeds = [row for row in lines if row["graph"] == "seeds"]
    assert seeds and all(row["paper"] in seed_graph for row in seeds)
    gone = [row["other"] for row in seeds if row["other"] not in seed_graph]
    assert len(gone) <= len(seeds) // 50 and all(not row["label"] for row in seeds if row["other"] in gone), gone
    labels = {"a": 1, "b": 0, "c": 1}
    result = evaluate.score(["b", "a", "x"], labels)
    assert result == {"p10": 0.1, "ndcg10": pytest.approx((1 / math.log2(3)) / (1 + 1 / math.log2(3))),
                      "unjudged": 1, "relevant": 1}


def test_cli_paper_says_which_related_papers_share_no_method_and_which_share_a_hub(seed_graph, tmp_path):
    path = tmp_path / "seeds.json"
    save_graph(seed_graph, path)
    result = CliRunner().invoke(app, ["paper", TSF, "-g", str(path), "-n", "15"], env={"COLUMNS": "250"})
    assert result.exit_code == 0, result.output
    assert "text only (no shared method)" in result.stdout
    hub = next(w["hub"] for r in related_papers(seed_graph, TSF, limit=15) for w in r["why"] if "hub" in w)
    assert f"shared by {hub} papers" in result.stdout  # e.g. the Transformer link of each Transformer user
    said = " ".join(result.stdout.split())  # the score line wraps at the terminal's 250 columns
    assert "x 10 / n when n > 10 candidates share the method" in said
    assert "+ 100 x that cosine (the 50 papers nearest by text are candidates too)" in said
