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
