"""Family questions also find the papers that name the family only in words ("a pre-trained diffusion model",
"SSMs"), typed by the relation typer on the sentence, on the 200 seed papers (graph/family_words.py)."""

from __future__ import annotations

import pytest

from relwork.graph.family_words import family_pattern, papers_naming_family
from relwork.graph.queries import _family_named, method_report


def in_words(G, family: str) -> dict[str, dict]:
    """Title prefix -> row of the papers naming ``family`` in words and linked to none of its members."""
    report = method_report(G, family)
    linked = {r["node"] for r in report["papers"] + report["introduced_by"]}
    rows = papers_naming_family(G, _family_named(family), exclude=linked)
    assert not linked & {r["node"] for r in rows}
    return {r["title"].split(":")[0]: r for r in rows}


def test_ssm_papers_without_a_named_member_are_found_with_their_relation(seed_graph):
    rows = in_words(seed_graph, "state-space models")
    assert rows["UniAnimate"]["type"] == "BUILDS_ON"  # "a temporal modeling architecture based on state space model"
    assert "based on state space model" in rows["UniAnimate"]["evidence"]
    assert rows["LongVQ"]["type"] == "COMPARES_TO"  # "improvements over ... State Space Models"
    assert rows["In-Context Language Learning"]["type"] == "MENTIONS"  # "We evaluate ... state-space models"
    assert all(r["method"] == "state-space models" for r in rows.values())


def test_diffusion_model_builders_in_words(seed_graph):
    rows = in_words(seed_graph, "diffusion models")
    assert rows["LaCon"]["type"] == "BUILDS_ON"
    assert "pre-trained diffusion models" in rows["LaCon"]["evidence"]
    assert rows["OctGPT"]["type"] == "COMPARES_TO"  # "... surpassing ... diffusion models"


def test_of_two_equally_strong_sentences_the_papers_own_is_the_evidence(seed_graph):
    # qa9 Q5: both sentences read builds_on ('pre-trained', 0.8); the first says what earlier studies do
    evidence = in_words(seed_graph, "diffusion models")["LaCon"]["evidence"]
    assert evidence.startswith("In this paper, we present an alternative paradigm, namely Late-Constraint Diffusion")


def test_rows_come_strongest_first(seed_graph):
    rows = list(in_words(seed_graph, "recurrent neural networks").values())
    ranks = [("BUILDS_ON", "COMPARES_TO", "MENTIONS").index(r["type"]) for r in rows]
    assert ranks == sorted(ranks) and len(rows) > 5


def test_a_dataset_or_a_named_hybrid_is_not_the_family(seed_graph):
    rows = in_words(seed_graph, "convolutional neural networks")
    assert "Binary and Ternary Natural Language Generation" not in rows  # only "CNN/DailyMail"
    pattern = family_pattern(("convolutional neural networks", "CNN", "CNNs"))
    assert [bool(pattern.search(t)) for t in ("CNN/DailyMail", "CNN-LSTM", "Bi-CNN", "BiCNN", "a CNN-based model",
                                               "(CNNs)", "deep Convolutional Neural Networks")] == [
        False, False, False, False, True, True, True]


@pytest.mark.parametrize("text", ["a state space model", "State-Space Models", "structured state-space models (SSMs)",
                                  "SSM-like layers"])
def test_phrases_match_in_any_case_and_acronyms_in_their_own(text):
    family = _family_named("state-space models")
    assert family_pattern((family.name, *family.aliases)).search(text)
    assert not family_pattern(("SSM",)).search("the ssm layer")  # an acronym only in its own case
    assert not family_pattern(("SSM",)).search("Assessment of SSMA")


def test_an_acronym_the_paper_defines_as_something_else_is_not_the_family():
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("paper:a", label="Paper", title="Shape instantiation", external=False, year=2019,
               abstract="A 2D Statistical Shape Model (SSM) is learned. The SSM is then regressed to 3D.")
    G.add_node("paper:b", label="Paper", title="Long sequences", external=False, year=2024,
               abstract="Structured state space models (SSMs) scale linearly. We build on SSMs for audio.")
    rows = papers_naming_family(G, _family_named("state-space models"))
    assert [r["node"] for r in rows] == ["paper:b"]


# ---------------------------------------------------------------------------------------------------
# the answers: family_in_words / bridge_in_words and --in-words


def test_family_in_words_filters_by_relation_and_refuses_a_method(seed_graph):
    from relwork.core.errors import GraphError
    from relwork.graph.queries import family_in_words

    builders = {r["title"].split(":")[0] for r in family_in_words(seed_graph, "diffusion models", "builds_on")}
    assert {"LaCon", "UniAnimate"} <= builders
    assert all(r["type"] == "BUILDS_ON" for r in family_in_words(seed_graph, "SSMs", "builds_on"))
    with pytest.raises(GraphError, match="is a method, not a method family"):
        family_in_words(seed_graph, "Mamba")


def test_a_family_whose_words_are_everyday_terms_is_not_searched(seed_graph):
    from relwork.graph.queries import family_in_words

    assert _family_named("optimizers").words == ()
    assert family_in_words(seed_graph, "optimizers") == []


def test_bridge_in_words_finds_the_transformer_and_ssm_papers_a_user_test_missed(seed_graph):
    from relwork.graph.queries import bridge, bridge_in_words

    linked = {r["node"] for r in bridge(seed_graph, "Transformer", "state-space models")["papers"]}
    rows = bridge_in_words(seed_graph, "Transformer", "state-space models")
    titles = {r["title"].split(":")[0] for r in rows}
    # qa6 K3: these five write both Transformers and state-space models, naming no catalogued SSM
    assert {"STree", "LongVQ", "UniAnimate", "In-Context Language Learning"} <= titles
    assert not linked & {r["node"] for r in rows}
    assert all(r["b"]["method"] == "state-space models (in words)" for r in rows)
    assert rows[0]["a"]["type"] == "BUILDS_ON" and rows[0]["b"]["type"] == "BUILDS_ON"  # STree: both in its title


def test_cli_in_words_lists_the_rows_and_without_it_says_how_many(tmp_path, seed_graph):
    import json

    from typer.testing import CliRunner

    from relwork.cli import app
    from relwork.graph.io import save_graph

    path = save_graph(seed_graph, tmp_path / "g.json")
    runner = CliRunner()
    plain = runner.invoke(app, ["method", "diffusion models", "-r", "builds_on", "-g", str(path)], env={"COLUMNS": "200"})
    assert plain.exit_code == 0, plain.output
    assert "more papers name diffusion models only in words (builds on): --in-words lists them." in plain.stdout
    listed = runner.invoke(app, ["method", "diffusion models", "-r", "builds_on", "-g", str(path), "--in-words", "--json"])
    data = json.loads(listed.stdout)
    assert {r["title"].split(":")[0] for r in data["in_words"]} >= {"LaCon", "UniAnimate"}
    assert all(r["type"] == "BUILDS_ON" for r in data["papers"] + data["in_words"])
    refused = runner.invoke(app, ["bridge", "Mamba", "Transformer", "-g", str(path), "--in-words"])
    assert refused.exit_code == 4 and "--in-words needs a method family" in refused.stderr
