"""Relation typing, fifth relation pass: shapes counted on 18,795 unlabelled arXiv abstracts before they changed.
Methods compared beside the paper's own method, or against a modification of them, are compared, not run among
themselves; 'fuses X with Y' uses X as 'combines X with Y' does; compounds left at mentions after the paper's proposal
describe its system; 'the other' as the second of the paper's own parts speaks of no one else's work; 'out-performs'
is 'outperforms'; a pair of dashes sets off an aside, not a new clause. Sentences are from arXiv abstracts."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import load_catalog
from relwork.linker.pipeline import link_corpus

from relation_span import type_mention as _type

_PSER = ("We compare performance of uniform, PER and PSER sampling techniques in DQN on the Atari 2600 benchmark and "
         "show DQN with PSER substantially outperforms PER and uniform sampling.")


def test_type_relation_compared_beside_own_method_compares_to():
    # 1905.12726: PSER is the paper's; PER is what it is compared with
    result = _type(_PSER, "PER", own=("PSER",))
    assert (result.relation, result.cue) == ("compares_to", "compare")


def test_type_relation_compared_among_themselves_still_builds_on():
    # without the paper's own name among them, the compared methods are the ones the paper runs
    result = _type(_PSER, "PER")
    assert (result.relation, result.cue) == ("builds_on", "compare (among)")


@pytest.mark.parametrize("surface", ["DCGAN", "LAPGAN"])
def test_type_relation_compared_against_modification_compares_to(surface):
    # 1804.04338
    sentence = ("We both quantitatively and qualitatively compare state-of-the-art GAN architectures such as DCGAN and "
                "LAPGAN against a modification of the latter for the task of image generation at a resolution of "
                "256x256px.")
    assert _type(sentence, surface).relation == "compares_to"


def test_type_relation_first_half_of_fusion_builds_on():
    # 1811.08661: 'fuses A with B' uses A as well as B
    sentence = ("In this paper, we propose Retina U-Net, a simple architecture, which naturally fuses the Retina Net "
                "one-stage detector with the U-Net architecture widely used for semantic segmentation in medical images.")
    result = _type(sentence, "Retina Net", own=("Retina U-Net",))
    assert (result.relation, result.cue) == ("builds_on", "fuses")


@pytest.mark.parametrize("spelling", ["out-performing", "out performing"])
def test_type_relation_hyphenated_outperform_compares_to(spelling):
    # 1905.10759
    sentence = ("Unlike wider reduced precision neural network models, we preserve the train-time parameter count, thus "
                f"{spelling} XNOR-Nets without a train-time memory penalty.")
    result = _type(sentence, "XNOR-Nets")
    assert (result.relation, result.cue) == ("compares_to", spelling)


def test_type_relation_dash_aside_keeps_the_clause_verb():
    # 1512.04455: the algorithms between the dashes are the object of 'extend'
    sentence = ("We extend two related, model-free algorithms for continuous control -- deterministic policy gradient "
                "and stochastic value gradient -- to solve partially observed domains using recurrent neural networks "
                "trained with backpropagation through time.")
    result = _type(sentence, "deterministic policy gradient")
    assert (result.relation, result.cue) == ("builds_on", "extend")


def test_type_relation_single_dash_still_breaks_the_clause():
    # one dash opens a new clause: 'we' before it does not voice what follows
    sentence = "We study image retrieval -- Transformers have been widely adopted for it."
    assert _type(sentence, "Transformers").relation == "mentions"


def _links(title: str, abstract: str, opening: str):
    (linked,) = link_corpus([Paper.create(title, abstract)], load_catalog())
    return [l for l in linked.links if l.field == "abstract" and l.evidence.startswith(opening)]


def test_settle_paper_compound_in_own_description_builds_on():
    # 1707.00836: after the proposal, the system's LSTM-based attention model is the paper's own
    links = _links(
        "DeepStory: Video Story QA by Deep Embedded Memory Networks",
        "Here we demonstrate the possibility of an AI agent performing video story QA by learning from a large amount "
        "of cartoon videos. We develop a video-story learning model, i.e. Deep Embedded Memory Networks (DEMN), to "
        "reconstruct stories from a joint scene-dialogue video stream using a latent embedding space of observed data. "
        "The video stories are stored in a long-term memory component. For a given question, an LSTM-based attention "
        "model uses the long-term memory to recall the best question-story-answer triplet by focusing on specific words "
        "containing key information.",
        "For a given question",
    )
    assert [(l.method, l.relation, l.cue) for l in links] == [("LSTM", "builds_on", "X-based (own method description)")]


def test_settle_paper_compound_in_motivation_stays_mentions():
    # before the paper speaks in its own voice a compound is the field's
    links = _links(
        "Attention for Video QA",
        "LSTM-based attention models recall answers from memory. In this paper, we propose a new memory network.",
        "LSTM-based",
    )
    assert links and {l.relation for l in links} == {"mentions"}


def test_settle_paper_the_other_of_own_parts_builds_on():
    # 1702.01243: 'the other' is the second of the paper's two experiments
    links = _links(
        "Wide-Residual-Inception Networks for Real-time Object Detection",
        "To tackle this limitation of CNN models, this paper proposes a wide-residual-inception (WR-Inception) network, "
        "which constructs the architecture based on a residual inception unit that captures objects of various sizes on "
        "the same feature map. To verify the proposed networks, this paper conducted two experiments; one is a "
        "classification task on CIFAR-10/100 and the other is an on-road object detection task using a Single-Shot "
        "Multi-box Detector(SSD) on the KITTI dataset.",
        "To verify",
    )
    assert {l.method: l.relation for l in links if l.kind != "dataset"} == {"SSD": "builds_on"}


def test_settle_paper_on_the_other_hand_still_speaks_of_others():
    # 1805.10871: 'On the other hand' turns to StarGAN's architecture, someone else's work
    links = _links(
        "CerfGAN: A Compact, Effective, Robust, and Fast Model for Unsupervised Multi-Domain Image-to-Image Translation",
        "In this paper, we aim at solving the multi-domain image-to-image translation problem with a unified model in an "
        "unsupervised manner. The most successful work in this area refers to StarGAN, which works well in tasks like "
        "face attribute modulation. On the other hand, StarGAN adopts an Encoder-Decoder-Discriminator (EDD) "
        "architecture, where the model is time-consuming and unstable to train.",
        "On the other hand",
    )
    assert links and {l.relation for l in links} == {"mentions"}
