"""Linker faults earlier sessions noticed and left alone, each on the real text it was found on: a comparison's
object is not the subject of the next cue, a capitalised '-er' name is no comparative, a title-case 'X and Y'
name stays whole, a paper's own catalog entry absorbs the other spellings it introduces, a head noun naming the
name beats the name modifying a data noun, and the splitter's abbreviations come from a packaged data file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relwork.core.records import Paper
from relwork.linker.catalog import packaged_json
from relwork.linker.relations import type_relation
from relwork.linker.sentences import ABBREVIATIONS_FILE, split_sentences

# examples/hf-papers, 'Escaping the Big Data Paradigm with Compact Transformers'
COMPACT = ("Our best model can reach 98% accuracy when training from scratch on CIFAR-10 with only 3.7M parameters, "
           "which is a significant improvement in data-efficiency over previous Transformer based models being over "
           "10x smaller than other transformers and is 15% the size of ResNet50 while achieving similar performance.")


def span(sentence: str, name: str) -> tuple[int, int]:
    start = sentence.index(name)
    return start, start + len(name)


def test_object_of_an_earlier_comparison_is_not_the_subject_of_the_next():
    """'previous Transformer based models' is what the paper improves over, not who is 10x smaller."""
    result = type_relation(COMPACT, *span(COMPACT, "other transformers"))
    assert result.relation == "compares_to"


def test_capitalised_er_name_does_not_open_a_comparative():
    """The comparative cue starts at 'over 10x smaller', not at the name 'Transformer' further left."""
    result = type_relation(COMPACT, *span(COMPACT, "other transformers"))
    assert result.cue == "over 10x smaller than"


def test_lower_case_er_comparative_still_compares():
    sentence = "Our model is considerably cheaper and simpler than BERT on every task."
    assert type_relation(sentence, *span(sentence, "BERT")).relation == "compares_to"


def test_earlier_comparison_leaves_a_prior_subject_alone():
    """No comparison before the cue: the prior-work subject still makes the comparison someone else's."""
    sentence = "Previous methods based on CNNs were shown to be more accurate than SVMs."
    assert type_relation(sentence, *span(sentence, "SVMs")).relation == "mentions"


ATTACKERS = Paper(
    id="1901.05431",
    title="Evolutionarily-Curated Curriculum Learning for Deep Reinforcement Learning Agents",
    abstract="We present a case-study in which we prove the efficacy of our new method on a game with a discrete, large "
             "action space we made called Attackers and Defenders. Our results demonstrate that training on an "
             "evolutionarily-curated curriculum (directed sampling) of maps both expedites training.",
)


def test_title_case_name_with_and_stays_whole(linker):
    names = [i.name for i in linker.introduced(ATTACKERS)]
    assert names == ["Attackers and Defenders"]


def test_coordinated_names_with_a_name_like_part_still_split(linker):
    paper = Paper(id="x", title="", abstract="We propose two encoders, called Attentive CNN and Paraformer, for speech.")
    assert {i.name for i in linker.introduced(paper)} >= {"Attentive CNN", "Paraformer"}


AI2THOR = Paper(
    id="1712.05474",
    title="AI2-THOR: An Interactive 3D Environment for Visual AI",
    abstract="We introduce The House Of inteRactions (THOR), a framework for visual AI research, available at this http "
             "URL AI2-THOR consists of near photo-realistic 3D indoor scenes, where AI agents can navigate in the "
             "scenes and interact with objects to perform tasks.",
)


def test_own_catalog_entry_absorbs_its_other_introduced_spelling(linker):
    """THOR is the AI2-THOR environment its own paper introduces: one name, the catalog's kind."""
    introduced = linker.introduced(AI2THOR)
    assert [(i.name, i.kind) for i in introduced] == [("AI2-THOR", "dataset")]
    assert {"THOR", "The House Of inteRactions"} <= set(introduced[0].aliases)


def test_thor_links_to_ai2thor_in_another_paper(linker):
    paper = Paper(id="x", title="", abstract="We train embodied agents in THOR, whose indoor scenes allow interaction.")
    assert [link.method for link in linker.link(paper).links] == ["AI2-THOR"]


def test_introduced_long_form_is_not_the_catalog_name_inside_it(linker):
    """arXiv 1906.05862: 'Hierarchical Proximal Policy Optimization (HiPPO)' is the paper's own name; neither the
    PPO inside its long form nor the catalog's HiPPO (a state-space method) is linked."""
    paper = Paper(id="1906.05862", title="Sub-policy Adaptation for Hierarchical Reinforcement Learning",
                  abstract="We introduce Hierarchical Proximal Policy Optimization (HiPPO), an on-policy method to "
                           "efficiently train all levels of the hierarchy simultaneously.")
    linked = linker.link(paper)
    assert [(i.name, i.aliases) for i in linked.introduces] == [("HiPPO", ["Hierarchical Proximal Policy Optimization"])]
    assert linked.links == []


def test_head_noun_naming_the_name_beats_the_name_before_a_data_noun(seeds, seed_intros):
    """Seed 'ASDF: Assembly State Detection ...': 'our approach ASDF' is a method; 'our ASDF dataset' is its data."""
    (intros,) = [i for p, i in zip(seeds, seed_intros) if p.title.startswith("ASDF:")]
    assert {i.name: i.kind for i in intros}["ASDF"] == "method"


def test_name_before_a_data_noun_alone_stays_a_dataset(linker):
    paper = Paper(id="x", title="SynthText3D: Synthesizing Scene Text Images from 3D Virtual Worlds",
                  abstract="We collect SynthText3D, and experiments on our SynthText3D dataset show gains.")
    assert {i.name: i.kind for i in linker.introduced(paper)}.get("SynthText3D") == "dataset"


def test_splitter_reads_its_abbreviations_from_the_packaged_file():
    words = packaged_json(ABBREVIATIONS_FILE)["words"]
    path = Path(__file__).parents[1] / "linker" / "data" / ABBREVIATIONS_FILE
    assert json.loads(path.read_text(encoding="utf-8"))["words"] == words
    assert {"e.g", "fig", "vs", "al", "feb"} <= set(words)
    for word in words:
        text = f"As shown in {word}. Two more cases follow."
        assert len(split_sentences(text)) == 1, word


@pytest.mark.parametrize("text", ["The gain holds for SR. We also test it.", "It runs at 3 fps. Two more cases follow."])
def test_splitter_still_ends_sentences_outside_the_list(text):
    assert len(split_sentences(text)) == 2


def test_own_words_inside_a_field_subject_do_not_make_it_the_papers():
    """arXiv 1807.09986 (tune6): 'this framework' modifies 'The existing models', who are the ones employing ResNet."""
    sentence = ("The existing models counting on this framework merely employ one kind of CNNs, e.g., ResNet or "
                "Inception-X, which describe image contents from only one specific view point.")
    assert type_relation(sentence, *span(sentence, "ResNet")).relation == "mentions"


def test_own_subject_with_a_prepositional_phrase_still_builds_on():
    sentence = "The proposed model based on this framework employs ResNet as its backbone."
    assert type_relation(sentence, *span(sentence, "ResNet")).relation == "builds_on"
