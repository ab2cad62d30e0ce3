"""Recall shapes of introduced names found on the FIT errors and counted on unlabelled arXiv abstracts (issue 3,
eighth pass): an acronym ending in a capital S, a short form of two words or with 'for short', a title phrase closed
by a model family that the abstract repeats after its own cue, a capitalised name between commas after an own or
new head noun, a definition proposed in the passive after an opening clause; and two precision rules (a name whose
head noun is 'metric', a generic family closing a named list). Each shape comes with the near misses that must stay
out.

Sentences are from 2017-2019 arXiv abstracts (quoted in part).
"""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker.introduced import is_namelike, phrase_definitions


def names(linker, title: str, abstract: str) -> dict[str, list[str]]:
    """Introduced names of a paper (the linker's detection, used-name drops included) with their aliases."""
    return {i.name: i.aliases for i in linker.introduced(Paper.create(title, abstract))}


def test_acronym_ending_in_capital_s_is_not_a_plural_of_a_generic_family(linker):
    assert is_namelike("ARS") and is_namelike("MLS")
    assert not is_namelike("CNNs") and not is_namelike("LLMs")
    found = names(linker, "Semi-Automatic Labeling for Deep Learning in Robotics", (
        "In this paper, we propose Augmented Reality Semi-automatic labeling (ARS), a semi-automatic method which "
        "leverages on moving a 2D camera by means of a robot, proving precise camera tracking."))
    assert found.get("ARS") == ["Augmented Reality Semi-automatic labeling"]


@pytest.mark.parametrize(
    "text, short, long_form",
    [
        ("we propose a Dialectical Generative Adversarial Network (Dialectical GAN) to generate high-quality SAR images.",
         "Dialectical GAN", "Dialectical Generative Adversarial Network"),
        ("To design more efficient lightweight concolutional neural netwok, Depthwise-Pointwise-Depthwise inverted "
         "bottleneck block (DPD block) is proposed", "DPD block", "Depthwise-Pointwise-Depthwise inverted bottleneck block"),
        ("we propose a Multi-task Knowledge Distillation Model (MKDM for short) for web-scale Question Answering system",
         "MKDM", "Multi-task Knowledge Distillation Model"),
    ],
)
def test_two_word_short_form_keeps_a_word_of_its_long_form(text, short, long_form):
    assert [(d.short, d.long) for d in phrase_definitions(text)] == [(short, long_form)]


@pytest.mark.parametrize(
    "text, short, long_form",
    [
        # arXiv 1905.03912 (unlabelled): the long form ends in the second name as written
        ("To effectively utilize multi-scale information with the smaller computation, we propose a multi-scale "
         "aggregation R-CNN (MSA R-CNN).", "MSA R-CNN", "multi-scale aggregation R-CNN"),
        # arXiv 1708.00666 (tune-arxiv-8): ... or in the words the second name abbreviates
        ("To tackle this problem, we propose a novel temporal dynamic graph Long Short-Term Memory network "
         "(TD-Graph LSTM).", "TD-Graph LSTM", "temporal dynamic graph Long Short-Term Memory network"),
        # arXiv 1704.01069 (unlabelled)
        ("We introduce Multi-Expert Region-based CNN (ME R-CNN) which is equipped with multiple experts",
         "ME R-CNN", "Multi-Expert Region-based CNN"),
    ],
)
def test_short_form_of_an_acronym_and_a_name_spells_the_long_form(text, short, long_form):
    assert [(d.short, d.long) for d in phrase_definitions(text)] == [(short, long_form)]


def test_two_names_in_parentheses_that_spell_nothing_are_no_definition():
    # arXiv 1811.02735 (unlabelled): a baseline system of two parts; arXiv 1410.6593: a product name
    assert phrase_definitions("by 0.6% absolute from a single channel end-to-end and the best baseline (LF-MMI TDNN) on") == []
    assert phrase_definitions("a cluster of computers with distributed file system (Hadoop HDFS) and MapReduce") == []


def test_proposed_acronym_and_name_short_form_is_introduced_and_hides_the_name_inside(linker):
    # arXiv 1708.00666 (tune-arxiv-8): the paper's own model is no mention of LSTM
    abstract = ("To tackle this problem, we propose a novel temporal dynamic graph Long Short-Term Memory network "
                "(TD-Graph LSTM). TD-Graph LSTM enables global temporal reasoning by constructing a dynamic graph "
                "that is based on temporal correlations of object proposals and spans the entire video.")
    title = "Temporal Dynamic Graph LSTM for Action-driven Video Object Detection"
    assert "temporal dynamic graph Long Short-Term Memory network" in names(linker, title, abstract)["TD-Graph LSTM"]
    linked = linker.link(Paper.create(title, abstract))
    assert "LSTM" not in {link.method for link in linked.links}


def test_one_token_or_unspelled_short_form_is_no_two_word_definition():
    # a one-token short form is find_definitions' ('Warp-GAN'); 'Mask R-CNN' spells nothing before it
    assert phrase_definitions("a deep Warping Generative Adversarial Network (Warp-GAN) warps the clothes") == []
    assert phrase_definitions("the pose estimator (Mask R-CNN) is used") == []


@pytest.mark.parametrize(
    "title, abstract, name, long_form",
    [
        ("Dialectical GAN for SAR Image Translation: From Sentinel-1 to TerraSAR-X",
         "To improve the quality of SAR images and to reduce the costs of their generation, we propose a Dialectical "
         "Generative Adversarial Network (Dialectical GAN) to generate high-quality SAR images.",
         "Dialectical GAN", "Dialectical Generative Adversarial Network"),
        ("Unified Visual-Semantic Embeddings: Bridging Vision and Language with Structured Meaning Representations",
         "We propose the Unified Visual-Semantic Embeddings (Unified VSE) for learning a joint space of visual "
         "representation and textual semantics.", "Unified VSE", "Unified Visual-Semantic Embeddings"),
        ("PSDNet and DPDNet: Efficient channel expansion",
         "To design more efficient lightweight concolutional neural netwok, Depthwise-Pointwise-Depthwise inverted "
         "bottleneck block (DPD block) is proposed and DPDNet is designed by stacking DPD block.",
         "DPD block", "Depthwise-Pointwise-Depthwise inverted bottleneck block"),
        ("Model Compression with Multi-Task Knowledge Distillation for Web-scale Question Answering System",
         "To tackle this challenge, we propose a Multi-task Knowledge Distillation Model (MKDM for short) for "
         "web-scale Question Answering system, by distilling knowledge from multiple teacher models.",
         "MKDM", "Multi-task Knowledge Distillation Model"),
    ],
)
def test_proposed_two_word_short_form_is_introduced_with_its_long_form(linker, title, abstract, name, long_form):
    assert long_form in names(linker, title, abstract).get(name, [])


def test_two_word_short_form_of_generic_words_is_not_introduced(linker):
    found = names(linker, "PullNet: Open Domain Question Answering with Iterative Retrieval on Knowledge Bases and Text", (
        "In each iteration, a graph convolutional network (graph CNN) is used to identify subgraph nodes that should "
        "be expanded using retrieval operations on the corpus and/or KB."))
    assert "graph CNN" not in found


@pytest.mark.parametrize(
    "title, abstract, name",
    [
        ("Dual Motion GAN for Future-Flow Embedded Video Prediction",
         "In this paper, we develop a dual motion Generative Adversarial Net (GAN) architecture. Our dual motion GAN "
         "also handles natural motion uncertainty in different pixel locations with a new probabilistic motion encoder.",
         "Dual Motion GAN"),
        ("Image Generation from Sketch Constraint Using Contextual GAN",
         "We train a generated adversarial network, i.e, contextual GAN to learn the joint distribution of sketch and "
         "the corresponding image by using joint images. Our contextual GAN has several advantages.", "Contextual GAN"),
    ],
)
def test_title_phrase_closed_by_a_model_family_repeated_after_an_own_cue_is_introduced(linker, title, abstract, name):
    assert name in names(linker, title, abstract)


def test_title_phrase_closed_by_a_model_family_without_an_own_cue_is_not_introduced(linker):
    found = names(linker, "Geo-Aware Networks for Fine Grained Recognition", (
        "Results on these datasets show that, the best geo-aware network can achieve 8.9% top-1 accuracy increase on "
        "iNaturalist and 5.9% increase on YFCC100M, compared with image only models' results."))
    assert found == {}


@pytest.mark.parametrize(
    "abstract, name",
    [
        ("We propose a method to find errors. Our proof-of-concept implementation, DiaMaT, is open source.", "DiaMaT"),
        ("Fast and accurate detection on mobiles is hard. A very small network, Light Flow, is designed for "
         "establishing correspondence across frames.", "Light Flow"),
        ("The proposed deep neural network, MCPNet, is trained to predict class labels and object instance labels for "
         "each point in the scanned point cloud in an incremental fashion.", "MCPNet"),
    ],
)
def test_capitalised_name_between_commas_after_an_own_head_noun_is_introduced(linker, abstract, name):
    assert name in names(linker, "A Title", abstract)


@pytest.mark.parametrize(
    "abstract",
    [
        "A recently proposed method, Deep CFR, applies deep learning directly to CFR, allowing the agent to "
        "intrinsically abstract and generalize over the state-space from samples.",
        "The standard approach, DAgger, relies on capturing expert behaviour in all states that the agent reaches.",
    ],
)
def test_name_between_commas_after_someone_elses_head_noun_is_not_introduced(linker, abstract):
    assert names(linker, "A Title", abstract) == {}


def test_definition_proposed_in_the_passive_after_an_opening_clause_is_introduced(linker):
    found = names(linker, "Underwater Color Restoration Using U-Net Denoising Autoencoder", (
        "As a contribution for restoring the color of underwater images, Underwater Denoising Autoencoder (UDAE) model "
        "is developed using a denoising autoencoder with U-Net architecture."))
    assert found.get("UDAE") == ["Underwater Denoising Autoencoder"]


def test_definition_introduced_as_a_means_is_not_introduced(linker):
    found = names(linker, "Multi-view Deep Subspace Clustering Networks", (
        "To exploit the complementarity of multi-view representations, Hilbert Schmidt Independence Criterion (HSIC) "
        "is introduced as a diversity regularization, which can capture the non-linear and high-order inter-view "
        "relations."))
    assert "HSIC" not in found


def test_name_whose_head_noun_is_metric_is_not_introduced(linker):
    found = names(linker, "ChaLearn Looking at People: IsoGD and ConGD Large-scale RGB-D Gesture Recognition", (
        "In addition to recognition rate and mean jaccard index (MJI) as evaluation metrics used in our previous "
        "challenges, we also introduce the corrected segmentation rate (CSR) metric to evaluate the performance of "
        "temporal segmentation for continuous gesture recognition."))
    assert "CSR" not in found


def test_generic_family_closing_a_named_definition_list_is_not_introduced(linker):
    found = names(linker, "LiSHT: Non-Parametric Linearly Scaled Hyperbolic Tangent Activation Function for Neural Networks", (
        "As a remedy, this paper proposes a new non-parametric function, called Linearly Scaled Hyperbolic Tangent "
        "(LiSHT) for Neural Networks (NNs)."))
    assert "LiSHT" in found and "NN" not in found


def test_naming_cue_is_not_read_as_someone_elses_across_a_sentence_end(linker):
    found = names(linker, "Safe Policy Improvement with Baseline Bootstrapping", (
        "From a fixed dataset, train a policy that is guaranteed to perform at least as well as the baseline policy used "
        "to collect the data. Our approach, called SPI with Baseline Bootstrapping (SPIBB), is inspired by the "
        "knows-what-it-knows paradigm."))
    assert found.get("SPIBB") == ["SPI with Baseline Bootstrapping"]


def test_we_coin_is_a_naming_cue(linker):
    found = names(linker, "Intra-class Variation Isolation in Conditional GANs", (
        "We coin the method intra-class variation isolation (IVI) and the resulting network the IVI-GAN."))
    assert found.get("IVI") == ["intra-class variation isolation"]
