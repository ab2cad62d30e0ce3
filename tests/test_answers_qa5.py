"""Answers at scale (fifth user test, J5/J7/J8) on the seed corpus: GAN / VAE / CNN families and the error for
generic concepts, `relwork method` ranked by relevance with a limit and an id column, and related work that
weighs this paper's own focus and the two texts' topic."""

from __future__ import annotations

import json
import math

import pytest
from typer.testing import CliRunner

from relwork.cli import METHOD_ROWS, app
from relwork.core.errors import GraphError
from relwork.graph.io import save_graph
from relwork.graph.queries import (
    RELATED_WEIGHTS,
    bridge,
    method_report,
    papers_for_method,
    related_papers,
    resolve_method,
    resolve_methods,
)
from relwork.graph.schema import LINK_RANK

runner = CliRunner()


@pytest.fixture(scope="module")
def seed_path(seed_graph, tmp_path_factory):
    return save_graph(seed_graph, tmp_path_factory.mktemp("qa5") / "seed.json")


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


# ---------------------------------------------------------------------------------------------------
# J5: GAN / VAE / CNN families; generic concepts


@pytest.mark.parametrize(
    ("name", "family", "members"),
    [
        ("GAN", "generative adversarial networks", {"VQGAN", "ViT-VQGAN"}),
        ("generative adversarial networks", "generative adversarial networks", {"VQGAN", "ViT-VQGAN"}),
        ("VAEs", "variational autoencoders", {"VQ-VAE"}),
        ("CNNs", "convolutional neural networks", {"ResNet", "Mask R-CNN", "MobileNetV3"}),
    ],
)
def test_generic_model_family_names_answer_through_named_members(seed_graph, name, family, members):
    resolved = resolve_methods(seed_graph, name)
    names = {seed_graph.nodes[n]["name"] for n in resolved.nodes}
    assert resolved.label == family and members <= names
    assert not names & {"Transformer", "ViT", "Mamba"}


def test_gan_family_answers_what_builds_on_gans(seed_graph):
    rows = papers_for_method(seed_graph, "GANs", "builds_on")
    assert [(r["method"], r["id"]) for r in rows] == [("ViT-VQGAN", "2206.10789")]


def test_bridge_gan_and_vae_finds_no_paper_but_a_path(seed_graph):
    """No seed paper links a GAN member and a different VAE member: the answer is a path, not an error."""
    result = bridge(seed_graph, "GAN", "VAE")
    assert result["a"] == "generative adversarial networks" and result["b"] == "variational autoencoders"
    assert result["papers"] == [] and result["paths"]


def test_family_definition_names_twelve_members_then_counts(seed_graph):
    report = method_report(seed_graph, "GAN")
    definition = report["family"]["definition"]
    assert definition.startswith("AC-GAN, AdaGAN, ") and definition.endswith(" more catalog methods")


@pytest.mark.parametrize("name", ["attention", "self-attention", "attention mechanism", "LLMs", "GNN",
                                  "knowledge distillation", "contrastive learning"])
def test_generic_concept_is_said_to_be_left_out_not_matched_to_look_alikes(seed_graph, name):
    with pytest.raises(GraphError, match=f"^{name!r} is a generic concept .* the catalog leaves out on purpose") as err:
        resolve_method(seed_graph, name)
    assert "did you mean" not in str(err.value) and "generative adversarial networks" in str(err.value)


def test_a_method_named_like_a_generic_word_still_resolves(seed_graph):
    """'transformers' is generic in the linker's list, but the graph has the Transformer method: a method wins."""
    assert resolve_method(seed_graph, "transformers") == "method:Transformer"


def test_cli_generic_concept_exit_code_and_message(seed_path):
    result = run("method", "self-attention", "-g", seed_path)
    assert result.exit_code == 4
    assert "'self-attention' is a generic concept" in result.stderr and "did you mean" not in result.stderr


# ---------------------------------------------------------------------------------------------------
# J8: `relwork method` at scale


def _relevance(row):
    return (row["field"] != "title", LINK_RANK[row["type"]], -(row.get("count") or 1), -row["confidence"])


def test_method_rows_by_relevance_title_then_type_then_mentions_then_confidence(seed_graph):
    rows = papers_for_method(seed_graph, "Transformer", order="relevance")
    assert len(rows) > 50
    assert [_relevance(r) for r in rows] == sorted(_relevance(r) for r in rows)
    assert rows[0]["field"] == "title" and rows[-1]["type"] == "MENTIONS"


def test_method_default_order_is_still_oldest_first_as_the_cookbook(seed_graph):
    rows = papers_for_method(seed_graph, "Transformer", "builds_on")
    years = [r["year"] for r in rows if r["year"] is not None]
    assert years == sorted(years)


def test_method_unknown_order_is_an_error(seed_graph):
    with pytest.raises(GraphError, match="^unknown order 'newest' \\(choose from oldest, relevance\\)"):
        papers_for_method(seed_graph, "Transformer", order="newest")


def test_cli_method_limit_id_column_and_count_line(seed_graph, seed_path):
    total = len(papers_for_method(seed_graph, "Transformer", "builds_on"))
    result = run("-v", "method", "Transformer", "-r", "builds_on", "-g", seed_path, "-n", 3)
    assert result.exit_code == 0, result.stderr
    assert "┃ Id " in result.stdout
    assert f"3 of {total} papers shown; -n N shows more, --json all." in result.stdout
    top = papers_for_method(seed_graph, "Transformer", "builds_on", order="relevance")[:3]
    assert all(r["id"][:12] in result.stdout for r in top)
    # without -v an id made from the title is left out (qa9 Q9): these three have no other id, so no Id column
    assert all(r["id"].startswith("title:") for r in top)
    plain = run("method", "Transformer", "-r", "builds_on", "-g", seed_path, "-n", 3)
    assert "title:" not in plain.stdout and "┃ Id " not in plain.stdout


def test_cli_method_table_shows_default_rows_and_json_is_complete(seed_graph, seed_path):
    table = run("method", "Transformer", "-g", seed_path)
    total = len(papers_for_method(seed_graph, "Transformer"))
    assert f"{METHOD_ROWS} of {total} papers shown" in table.stdout
    full = json.loads(run("method", "Transformer", "-g", seed_path, "--json").stdout)
    assert full == json.loads(json.dumps(method_report(seed_graph, "Transformer", order="relevance")))
    assert len(full["papers"]) == total
    cut = json.loads(run("method", "Transformer", "-g", seed_path, "--json", "-n", 5).stdout)
    assert cut["papers"] == full["papers"][:5]


def test_cli_method_order_oldest(seed_graph, seed_path):
    rows = json.loads(run("method", "Transformer", "-r", "builds_on", "-g", seed_path, "--json", "--order", "oldest").stdout)
    assert [r["id"] for r in rows] == [r["id"] for r in papers_for_method(seed_graph, "Transformer", "builds_on")]


# ---------------------------------------------------------------------------------------------------
# J7: related work


def test_related_score_is_method_evidence_times_topic_factor(seed_graph):
    rows = related_papers(seed_graph, "2407.09941", limit=1000)
    assert all(r["score"] == round(r["methods"] * (1 + RELATED_WEIGHTS["topic"] * r["topic"]) + RELATED_WEIGHTS["topic_alone"] * r["topic"], 3) for r in rows)
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    # each match's weight is rounded on its own
    assert all(abs(r["methods"] - sum(w["weight"] for w in r["why"])) <= 0.001 * len(r["why"]) for r in rows)


def test_related_equal_method_evidence_is_ordered_by_topic(seed_graph):
    """Hydra's related work: of the papers that build on Mamba and compare to Transformer (the same method
    evidence), the one whose words are closest to Hydra's comes first."""
    rows = related_papers(seed_graph, "2407.09941", limit=1000)
    same = [r for r in rows if sorted((w["theirs"], w["their_type"]) for w in r["why"])
            == [("Mamba", "BUILDS_ON"), ("Transformer", "COMPARES_TO")]]
    assert len(same) >= 3
    assert [r["topic"] for r in same] == sorted((r["topic"] for r in same), reverse=True)


def test_related_paper_without_abstract_gets_the_mean_topic(seed_graph):
    rows = related_papers(seed_graph, "2407.09941", limit=1000)
    known = [r["topic"] for r in rows if seed_graph.nodes[r["node"]].get("abstract")]
    origin = next(r for r in rows if r["id"] == "2312.00752")  # the Mamba paper, known from the catalog only
    assert not seed_graph.nodes[origin["node"]].get("abstract")
    assert origin["topic"] == round(sum(known) / len(known), 3)


def test_related_method_in_the_title_weighs_double(seed_graph):
    """FlowTransformer names Transformer in its title: each of its Transformer matches carries the title focus."""
    rows = related_papers(seed_graph, "FlowTransformer: A Transformer Framework for Flow-based Network Intrusion Detection Systems", limit=1000)
    idf = math.log(sum(1 for _, d in seed_graph.nodes(data=True) if d["label"] == "Paper")
                   / len({u for u in seed_graph.predecessors("method:Transformer") if seed_graph.nodes[u]["label"] == "Paper"}))
    match = next(w for r in rows for w in r["why"]
                 if w["theirs"] == "Transformer" and w["mine"] == "BUILDS_ON" and w["their_type"] == "BUILDS_ON")
    # Transformer ties far more candidates than RELATED_WEIGHTS["hub"]: they share 10 candidates' weight
    assert match["hub"] > RELATED_WEIGHTS["hub"]
    assert match["weight"] == round(idf * RELATED_WEIGHTS["title"] * RELATED_WEIGHTS["hub"] / match["hub"], 3)
