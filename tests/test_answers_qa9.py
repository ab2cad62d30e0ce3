"""Answers from the ninth user test (qa9: a PhD student asks the README's questions): `--family` takes the
names papers build on a method (Q3: IC-Mamba for Mamba), the method header names every derivative the footer
may name (Q14: YOLOv8 through YOLOv2), a family bridge shows one path per chain (Q8), and empty or "not found"
answers say what there is instead (Q10: other relations, closest titles, the mixture-of-experts family)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.core.errors import GraphError
from relwork.graph.build import build_from_files
from relwork.graph.io import save_graph
from relwork.graph.queries import (
    bridge,
    derivative_rows,
    family_in_words,
    method_family,
    method_report,
    papers_for_method,
    relation_counts,
    resolve_methods,
    resolve_paper,
)
from relwork.graph.schema import method_node

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "300"})  # wide: table cells unwrapped


def said(done) -> str:
    """A command's output with table and line wrapping undone."""
    return " ".join(done.stdout.split())


@pytest.fixture(scope="module")
def seed_path(seed_graph, tmp_path_factory):
    return save_graph(seed_graph, tmp_path_factory.mktemp("qa9") / "seed.json")


def _names(G, nodes) -> list[str]:
    return [G.nodes[n]["name"] for n in nodes]


# ---------------------------------------------------------------------------------------------------
# Q3: "what builds on Mamba --family" finds the papers proposing IC-Mamba, S-Mamba and Mamba Retriever,
# as the family query "state-space models" does

IC_MAMBA_TITLE = "Before It's Too Late: A State Space Model for the Early Prediction of Misinformation"


def test_family_flag_takes_the_names_papers_build_on_the_method(seed_graph):
    family = _names(seed_graph, method_family(seed_graph, "Mamba"))
    assert family[0] == "Mamba" and {"Mamba-2", "Hydra", "IC-Mamba", "S-Mamba", "Mamba Retriever"} <= set(family)
    assert resolve_methods(seed_graph, "Mamba", family=True).nodes == method_family(seed_graph, "Mamba")
    report = method_report(seed_graph, "Mamba", family=True, order="relevance")
    introducers = {(r["method"], r["title"][:len(IC_MAMBA_TITLE)]) for r in report["introduced_by"]}
    assert ("IC-Mamba", IC_MAMBA_TITLE) in introducers  # no link to Mamba at all: only its name says so
    assert report["introduced_by"][0]["method"] == "Mamba"  # the method's own introducer first
    # the family query finds the same papers introducing a Mamba-named method
    ssm = method_report(seed_graph, "state-space models")
    named = {"IC-Mamba", "S-Mamba", "Mamba Retriever"}
    assert ({(r["node"], r["method"]) for r in ssm["introduced_by"] if r["method"] in named}
            == {(r["node"], r["method"]) for r in report["introduced_by"] if r["method"] in named})
    assert method_report(seed_graph, "Mamba")["introduced_by"] == papers_for_method(seed_graph, "Mamba", "introduces")


def test_cli_family_flag_lists_the_paper_introducing_ic_mamba(seed_path):
    done = run("method", "Mamba", "--family", "--json", "-g", seed_path)
    assert done.exit_code == 0
    rows = json.loads(done.stdout)["introduced_by"]
    assert ("IC-Mamba", IC_MAMBA_TITLE) in {(r["method"], r["title"][:len(IC_MAMBA_TITLE)]) for r in rows}
    plain = json.loads(run("method", "Mamba", "--json", "-g", seed_path).stdout)["introduced_by"]
    assert [r["title"][:6] for r in plain] == ["Mamba:"]


AMI_PAPERS = [  # arXiv abstracts (1904.04460, 1905.03500), cut to the sentences that matter
    {"id": "1904.04460", "title": "Attention-based Multi-instance Neural Network for Medical Diagnosis from "
     "Incomplete and Low Quality Data", "year": 2019,
     "abstract": "In this paper, we propose a novel approach, attention based multi-instance neural network (AMI-Net), "
                 "to make the single disease classification only based on the existing and valid information in the "
                 "real-world outpatient records."},
    {"id": "1905.03500", "title": "Analysis of Deep Clustering as Preprocessing for Automatic Speech Recognition of "
     "Sparsely Overlapping Speech", "year": 2019,
     "abstract": "The analysis of applying DPCL to sparsely overlapping speech is an important interim step between the "
                 "fully overlapping datasets like wsj0-2mix and more realistic ASR datasets, such as CHiME-5 or AMI."},
]


def test_a_method_is_never_named_after_a_dataset(tmp_path):
    """AMI-Net, a network, is no derivative of the AMI meeting corpus (qa9's corpus had it so)."""
    path = tmp_path / "ami.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in AMI_PAPERS), encoding="utf-8")
    G = build_from_files([path]).graph
    assert G.nodes[method_node("AMI")]["kind"] == "dataset" and method_node("AMI-Net") in G
    assert G.nodes[method_node("AMI-Net")]["kind"] != "dataset"
    assert method_family(G, "AMI") == [method_node("AMI")]


# ---------------------------------------------------------------------------------------------------
# Q14: the header names the derivatives the footer may name


def test_method_header_names_derivatives_through_their_catalog_child(seed_graph, seed_path):
    rows = {r["name"]: r for r in derivative_rows(seed_graph, method_node("YOLO"))}
    assert "through" not in rows["YOLOv2"] and rows["YOLOv8"]["through"] == "YOLOv2"
    assert {r["name"] for r in method_report(seed_graph, "YOLO")["children"]} == {"YOLOv2"}
    done = said(run("method", "YOLO", "-g", seed_path))
    assert "derivatives: YOLOv2 (and through it YOLOv3, YOLOv4, YOLOv5, YOLOv6, YOLOv7, YOLOv8)" in done
    assert "1 paper has a link to its derivative YOLOv8: add --family." in done
    mamba = said(run("method", "Mamba", "-g", seed_path))
    assert "derivatives: Mamba-2 (and through it Hydra); named after it: IC-Mamba, Mamba Retriever, S-Mamba" in mamba


# ---------------------------------------------------------------------------------------------------
# Q8: a family bridge shows each chain of papers and methods once


def test_family_bridge_paths_are_distinct_chains_naming_the_members_they_reach(seed_graph, seed_path):
    result = bridge(seed_graph, "Longformer", "state-space models", max_paths=5)
    chains = [tuple(row["node"] for row in path["nodes"][1:-1]) for path in result["paths"]]
    assert len(chains) == 5 and len(set(chains)) == 5  # before: paths 2-5 one chain ending at DSS, GSS, HiPPO, Hyena
    survey = next(p for p in result["paths"] if p["nodes"][-2]["title"].startswith("Mamba-360"))
    assert {"DSS", "GSS", "HiPPO", "Hyena", "Mamba", "S4"} <= {row["name"] for row in survey["ends"]}
    assert survey["nodes"][-1]["node"] in {row["node"] for row in survey["ends"]}
    # the best path is the one a single-target search finds, and a one-method bridge is unchanged
    assert result["paths"][0]["nodes"] == bridge(seed_graph, "Longformer", "S4", max_paths=1)["paths"][0]["nodes"]
    plain = bridge(seed_graph, "Longformer", "Mamba", max_paths=3)["paths"]
    assert all(len(p["ends"]) == 1 and len(p["starts"]) == 1 for p in plain)
    done = said(run("bridge", "Longformer", "state-space models", "-g", seed_path))
    assert done.count("Path ") == 5 and "DSS; the same chain reaches GSS, HiPPO, Hyena" in done


# ---------------------------------------------------------------------------------------------------
# Q10: empty and "not found" answers say what there is instead


def test_empty_relation_answer_says_what_other_relations_the_method_has(seed_graph, seed_path):
    counts = relation_counts(seed_graph, "FlashAttention")
    assert "COMPARES_TO" not in counts and counts["BUILDS_ON"] == len(papers_for_method(seed_graph, "FlashAttention", "builds_on"))
    assert list(counts) == [t for t in ("BUILDS_ON", "COMPARES_TO", "MENTIONS") if t in counts]
    done = run("method", "FlashAttention", "-r", "compares_to", "-g", seed_path)
    assert done.exit_code == 0
    n = counts["BUILDS_ON"]
    assert (f"No paper in the graph has a compares_to link to FlashAttention; {n} paper{'s' if n > 1 else ''} "
            f"build{'' if n > 1 else 's'} on it") in said(done)
    assert "drop -r; 1 paper has one to its derivative FlashAttention-2: add --family." in said(done)
    done = run("method", "FlashAttention", "-r", "compares_to", "--json", "-g", seed_path)
    assert json.loads(done.stdout) == [] and f"{n} paper" in done.stderr and ": drop -r" in done.stderr


@pytest.mark.parametrize("ref, title", [
    ("lorax experts in higher layer", "Higher Layers Need More LoRA Experts"),  # words, one misspelt
    ("Mamba retrieval for dense passages", "Mamba Retriever: Utilizing Mamba for Effective and Efficient Dense Retrieval"),
    ("2407.09914", "Hydra: Bidirectional State Space Models Through Generalized Matrix Mixers"),  # two digits swapped
])
def test_paper_not_found_suggests_the_closest_titles(seed_graph, seed_path, ref, title):
    with pytest.raises(GraphError, match="did you mean: " + title.replace("?", r"\?")):
        resolve_paper(seed_graph, ref)
    done = run("paper", ref, "-g", seed_path)
    assert done.exit_code == 4 and f"did you mean: {title}" in " ".join(done.output.split())


@pytest.mark.parametrize("ref", ["A paper that does not exist", "Completely unrelated zebra study"])
def test_paper_not_found_suggests_nothing_for_function_words_or_one_common_word(seed_graph, ref):
    """'not' and 'does' are in many titles and say nothing about the paper asked for; neither does one shared
    'study' (a title must share two of the reference's words)."""
    with pytest.raises(GraphError) as err:
        resolve_paper(seed_graph, ref)
    assert "did you mean" not in str(err.value)


@pytest.mark.parametrize("name", ["MoE", "mixture of experts", "Mixture-of-Experts", "MoEs"])
def test_mixture_of_experts_is_a_family_of_the_catalogs_moe_models(seed_graph, name):
    resolved = resolve_methods(seed_graph, name)
    assert resolved.family is not None and resolved.family.name == "mixture of experts"
    assert {"DeepSeekMoE", "DeepSeek-V2"} <= set(_names(seed_graph, resolved.nodes))


def test_mixture_of_experts_answers_instead_of_refusing(seed_path, seed_graph):
    done = run("method", "MoE", "-g", seed_path)
    assert done.exit_code == 0 and "generic concept" not in said(done)
    assert "mixture of experts (method family:" in said(done) and "DeepSeekMoE" in said(done)
    # "a novel parameter-efficient MoE method": the paper qa9 found missing, named in words only
    rows = family_in_words(seed_graph, "MoE")
    assert "Higher Layers Need More LoRA Experts" in {r["title"] for r in rows}


def test_family_flag_resolves_alike_on_what_neo4j_reads_back(seed_graph):
    """`relwork cypher --name builds_on --family` resolves a name on the database's Method nodes, DERIVED_FROM and
    NAMED_AFTER relationships alone (graph/neo4j.py, _lookup_graph), so the Neo4j answer takes IC-Mamba too."""
    import networkx as nx

    H = nx.MultiDiGraph()
    for node, d in seed_graph.nodes(data=True):
        if d.get("label") == "Method":
            H.add_node(node, **{k: d.get(k) for k in ("label", "name", "aliases", "catalogued", "kind", "area")})
    H.add_edges_from((u, v, k, {"type": k}) for u, v, k in seed_graph.edges(keys=True) if k in ("DERIVED_FROM", "NAMED_AFTER"))
    assert resolve_methods(H, "Mamba", family=True).nodes == method_family(seed_graph, "Mamba")
    assert resolve_methods(H, "MoE").nodes == resolve_methods(seed_graph, "MoE").nodes


@pytest.mark.parametrize(("a", "family"), [("Longformer", "state-space models"), ("BERT", "convolutional neural networks"),
                                          ("GPT", "convolutional neural networks")])
def test_family_bridge_paths_are_the_best_chain_of_all_shortest_paths(seed_graph, a, family):
    """Recomputed by brute force: every shortest path from the method to its nearest family members, scored as
    connecting_paths documents, the best of each chain of nodes in between; the answer is the best five chains."""
    import math

    import networkx as nx

    from path_score import path_graph, path_score

    def score(nodes):
        return path_score(seed_graph, nodes)

    result = bridge(seed_graph, a, family, max_paths=5)
    assert result["papers"] == []
    undirected = path_graph(seed_graph).to_undirected(as_view=True)
    members = set(resolve_methods(seed_graph, family).nodes)
    distance = nx.single_source_shortest_path_length(undirected, method_node(a))
    nearest = min(distance[m] for m in members if m in distance)
    chains: dict[tuple, float] = {}
    for target in (m for m in members if distance.get(m) == nearest):
        for nodes in nx.all_shortest_paths(undirected, method_node(a), target):
            chain = tuple(nodes[1:-1])
            chains[chain] = min(chains.get(chain, math.inf), score(nodes))
    assert [p["score"] for p in result["paths"]] == sorted(chains.values())[:5]
    assert len({tuple(r["node"] for r in p["nodes"][1:-1]) for p in result["paths"]}) == len(result["paths"])
