"""Introduced names: title phrases the abstract repeats as the paper's own, and the cue shapes added with the third
silver and tuning sets (bench/gold/silver-intro-arxiv-3.jsonl, tune-arxiv-3.jsonl), each checked for precision on
8,000 unlabelled arXiv abstracts.

Sentences are short quotes from arXiv abstracts (arxiv-amds123, 2017-2019); each test names its arXiv id. None is
in the seeds' test half or the held-out arXiv gold.
"""

from __future__ import annotations

from functools import lru_cache

from relwork.core.records import Paper
from relwork.linker import load_catalog
from relwork.linker.catalog import alias_key
from relwork.linker.introduced import detect_introduced, title_prefix_name, title_repeated_names


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(alias_key(s) for entry in load_catalog() for s in entry.surfaces)


def introduced(title: str, abstract: str) -> dict[str, list[str]]:
    return {i.name: i.aliases for i in detect_introduced(Paper.create(title, abstract), set(_known()))}


def test_a_title_prefix_of_a_modifier_and_a_name_is_a_name():
    # arXiv 1904.04620, 1902.09713, 1802.06194, 1907.02644
    known = set(_known())
    assert title_prefix_name("Gaussian YOLOv3: An Accurate and Fast Object Detector Using Localization Uncertainty", known) == "Gaussian YOLOv3"
    assert title_prefix_name("Structure Tree-LSTM: Structure-aware Attentional Document Encoders", known) == "Structure Tree-LSTM"
    assert title_prefix_name("HWNet v2: An Efficient Word Image Representation for Handwritten Documents", known) == "HWNet v2"
    assert title_prefix_name("Pathology GAN: Learning deep representations of cancer tissue", known) == "Pathology GAN"


def test_a_gerund_or_a_phrase_before_a_name_is_no_title_name():
    # arXiv 1901.02184, 1907.05774
    known = set(_known())
    assert title_prefix_name("Explaining AlphaGo: Interpreting Contextual Effects in Neural Networks", known) is None
    assert title_prefix_name("Hello, It's GPT-2 -- How Can I Help You? Towards the Use of Pretrained Language Models", known) is None


def test_the_title_lead_repeated_after_an_own_cue_is_introduced():
    # arXiv 1804.00623, 1703.10025
    assert "Hyperdrive" in introduced(
        "Hyperdrive: A Multi-Chip Systolically Scalable Binary-Weight CNN Inference Engine",
        "Hardware accelerators for BWNs presented up to now have focused on core efficiency. We present Hyperdrive: a "
        "BWN accelerator dramatically reducing the I/O bandwidth.")
    assert "Flow-Guided Feature Aggregation" in introduced(
        "Flow-Guided Feature Aggregation for Video Object Detection",
        "Existing work attempts to exploit temporal information on box level. We present flow-guided feature "
        "aggregation, an accurate and end-to-end learning framework for video object detection.")


def test_a_title_phrase_after_with_or_using_repeated_as_own_is_introduced():
    # arXiv 1902.09458, 1907.04360
    assert "PRM-RL" in introduced(
        "Long-Range Indoor Navigation with PRM-RL",
        "Long-range indoor navigation requires guiding robots with noisy sensors. We achieve this with PRM-RL, a "
        "hierarchical robot navigation method in which reinforcement learning agents learn to solve short-range tasks.")
    assert "switching density networks" in title_repeated_names(
        "Hybrid system identification using switching density networks",
        "Behaviour cloning places a burden on model capacity. This paper introduces switching density networks, which "
        "rely on a categorical reparametrisation for hybrid system identification.", set(_known()))


def test_a_title_lead_that_names_a_task_or_runs_on_into_a_longer_name_is_not_introduced():
    # arXiv 1904.12785 (the name is STROTSS), 1908.09209 (the name is AdaMRC); a task
    known = set(_known())
    assert title_repeated_names(
        "Style Transfer by Relaxed Optimal Transport and Self-Similarity",
        "We propose Style Transfer by Relaxed Optimal Transport and Self-Similarity (STROTSS), a new optimization-based "
        "style transfer algorithm.", known) == []
    assert title_repeated_names(
        "Adversarial Domain Adaptation for Machine Reading Comprehension",
        "To this end, we propose an Adversarial Domain Adaptation framework (AdaMRC), where pseudo questions are first "
        "generated.", known) == []
    assert title_repeated_names(
        "Visual Deprojection: Probabilistic Recovery of Collapsed Dimensions",
        "We introduce visual deprojection: the task of recovering an image or video that has been collapsed along a "
        "dimension.", known) == []


def test_a_generic_short_form_keeps_its_long_form_as_the_name():
    # arXiv 1903.05285: SSL is a generic acronym (self-supervised learning); the paper's Sparse Shift Layer is not
    found = introduced(
        "All You Need is a Few Shifts: Designing Efficient Convolutional Neural Networks for Image Classification",
        "To put this direction forward, a new and novel basic component named Sparse Shift Layer (SSL) is introduced in "
        "this paper to construct efficient convolutional neural networks.")
    assert "Sparse Shift Layer" in found


def test_referred_to_as_names_a_name_like_token_only():
    # arXiv 1901.10098; the second sentence is made up in the style of arXiv 1903.xxxx smart-home abstracts
    assert "LR-LSSVM" in introduced(
        "Sparse Least Squares Low Rank Kernel Machines",
        "A general framework of least squares support vector machine with low rank kernels, referred to as LR-LSSVM, "
        "is introduced in this paper.")
    assert introduced(
        "Towards assistive homes",
        "The automated home referred to as Smart Home is expected to offer fully customized services.") == {}


def test_a_lower_case_object_an_apposition_calls_new_is_introduced():
    # arXiv 1904.04998; arXiv 1904.07460 (a new task is no method)
    assert "randomized layer normalization" in introduced(
        "Depth from Videos in the Wild: Unsupervised Monocular Depth Learning from Unknown Cameras",
        "We address occlusions geometrically and differentiably. We introduce randomized layer normalization, a novel "
        "powerful regularizer, and we account for object motion relative to the scene.")
    assert "attribute-aware fashion-editing" not in introduced(
        "Fashion-AttGAN: Attribute-Aware Fashion Editing with Multi-Objective GAN",
        "In this paper, we introduce attribute-aware fashion-editing, a novel task, to the fashion domain.")


def test_a_short_form_after_shared_words_merges_with_its_long_form():
    # arXiv 1906.02355
    found = introduced(
        "Neural SDE: Stabilizing Neural ODE Networks with Stochastic Noise",
        "In this paper, we propose a new continuous neural network framework called Neural Stochastic Differential "
        "Equation (Neural SDE) network, which naturally incorporates various commonly used regularization mechanisms.")
    assert found == {"Neural SDE": ["Neural Stochastic Differential Equation"]}


def test_a_dataset_title_names_the_dataset_without_its_noun():
    # arXiv 1805.07193
    found = introduced(
        "The EuroCity Persons Dataset: A Novel Benchmark for Object Detection",
        "In this paper, we introduce the EuroCity Persons dataset, which provides a large number of highly diverse, "
        "accurate and detailed annotations of pedestrians.")
    assert list(found) == ["EuroCity Persons"]


def test_we_call_this_unit_names_the_unit():
    # arXiv 1906.04226
    found = introduced(
        "FASTER Recurrent Networks for Video Classification",
        "We also propose a novel processing unit to learn integration of clip-level representations. We call this unit "
        "FAST-GRU, as it is based on the Gated Recurrent Unit (GRU).")
    assert "FAST-GRU" in found
