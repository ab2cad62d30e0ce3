"""Catalog coverage on real abstract sentences: names mined from 2017-2019 arXiv abstracts link, and the
entries that are also words or other things stay unlinked in ordinary text (all sentences are quoted from
../shared/data/arxiv-amds123)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog


@pytest.fixture(scope="module")
def linker():
    return Linker(load_catalog())


def _linked(linker: Linker, sentence: str) -> set[str]:
    return {link.method for link in linker.link(Paper(id="x", title="", abstract=sentence)).links}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Our proposed method obtained state-of-the-art results on five retinal datasets---DRIVE, STARE, "
         "CHASE-DB, AV-WIDE, and VEVIO---by learning a robust balance between false positive and false "
         "negative rates.", {"DRIVE", "STARE"}),
        ("Experiments are made on two widely-used FER datasets, CK+ and Oulu-CASIA.", {"CK+", "Oulu-CASIA"}),
        ("Extensive experiments on several standard benchmarks (e.g., Set5, Set14, BSD100, and Urban100) show "
         "that our approach outperforms the state of the art.", {"Set5", "Set14", "BSDS500", "Urban100"}),
        ("The hybrid system achieves new state-of-the-art results on the CoNLL-2014 and JFLEG benchmarks.",
         {"CoNLL-2014", "JFLEG"}),
        ("We also present preliminary results obtained with two models (FiLM and MAC) that have been shown to "
         "work for visual reasoning.", {"FiLM", "MAC"}),
        ("We propose the following improvements: (1) a hybrid neural network structure using both time delay "
         "neural network (TDNN) and long short-term memory neural networks (LSTM).", {"TDNN", "LSTM"}),
        ("Compared to the previous state-of-the-art AutoML-based pruning methods, like AMC and NetAdapt, we "
         "achieve higher or comparable accuracy under various conditions.", {"AMC", "NetAdapt"}),
        ("The generality and efficiency of the proposed framework is illustrated by integrating our "
         "contributions into two state-of-the-art CF trackers: SRDCF and ECO.", {"SRDCF", "ECO"}),
        # 1902.02476, 1906.01504: SGD, its long form in any case
        ("Stochastic Weight Averaging (SWA), which computes the first moment of stochastic gradient descent "
         "(SGD) iterates with a modified learning rate schedule", {"Stochastic Weight Averaging", "SGD"}),
        ("We propose a new metaheuristic training scheme that combines Stochastic Gradient Descent (SGD) and "
         "Discrete Optimization in an unconventional way.", {"SGD"}),
        # 1812.00527: a coined technique the catalog also lists in lower case, as abstracts write it (unlike
        # a generic 'layer normalization')
        ("To increase the flexibility of the model, we then use deformable convolution to deal with different "
         "nuclei irregular shapes.", {"Deformable Convolution"}),
        # tune-arxiv-3: 1805.11954, 1811.10792, 1906.09840 (named prior methods the tuning gold links)
        ("Compared to the benchmark GARCH model, our forecast is more accurate", {"GARCH"}),
        ("This paper studies Stochastic Gradient Push (SGP), which combines PushSum with stochastic gradient "
         "updates.", {"PushSum"}),
        ("We demonstrate our method with various generative image modeling applications, and show superior "
         "performance in a comparative user study with prior art iGAN.", {"iGAN"}),
        ("Using the Gibson simulator, we verify that our approach outperforms relevant baselines and is able to "
         "navigate in both seen and unseen environments.", {"Gibson"}),
        ("We demonstrate the power of complexification through the NeuroEvolution of Augmenting Topologies "
         "(NEAT) method, which evolves increasingly complex neural network architectures.", {"NEAT"}),
    ],
)
def test_catalog_coverage_mined_names_link(linker, sentence, expected):
    assert expected <= _linked(linker, sentence)


@pytest.mark.parametrize(
    "sentence, spelling, name",
    [
        # common spellings the catalog's own form does not cover (acronym case rule, digit joins)
        ("Our experiments with Bouncing MNIST, KTH and UCF-101 suggest that Sync-DRAW is efficient in learning "
         "the spatial and temporal information of the videos.", "UCF-101", "UCF101"),
        ("Hand-CNN extends MaskRCNN with a novel attention mechanism to incorporate contextual cues in the "
         "detection process.", "MaskRCNN", "Mask R-CNN"),
        ("Our designed CNN is first pre-trained on the grayscale Cifar-10 database.", "Cifar-10", "CIFAR-10"),
        ("Our method is evaluated on both KITTI dataset for outdoor scenes and SUN-RGBD dataset for indoor "
         "scenes.", "SUN-RGBD", "SUN RGB-D"),
    ],
)
def test_catalog_coverage_spelling_variants(linker, sentence, spelling, name):
    links = linker.link(Paper(id="x", title="", abstract=sentence)).links
    assert (name, spelling) in {(link.method, link.surface) for link in links}


@pytest.mark.parametrize(
    "sentence, absent",
    [
        # 'coupled GaN' is gallium nitride, not the Coupled GAN (CoGAN)
        ("Exciton-exciton interaction engineering in coupled GaN quantum dots", "CoGAN"),
        ("Viper, a recently proposed technique, constructs a decision tree policy by mimicking the DRL agent.",
         "VIPeR"),
        ("Film media is a rich form of artistic expression.", "FiLM"),
        ("Early Salient Region Selection Does Not Drive Rapid Visual Categorization", "DRIVE"),
        ("Simple questions, like `does at least one family member satisfy a property?', are NP-hard.",
         "SimpleQuestions"),
        # a paper's own acronym with another long form is not the catalog entry
        ("The framework consists of a band attention module (BAM), which aims to explicitly model the "
         "nonlinear inter-dependencies between spectral bands, and a reconstruction network.", "BAM"),
        ("To solve this problem, in recent years, ENET Center in Czech Republic (ENET) devised a simple meter "
         "to measure the voltage signal.", "ENet"),
        # Zeiler and Fergus's deconvnet visualisation, not the DeconvNet segmentation network
        ("A number of backpropagation-based approaches such as DeConvNets, vanilla Gradient Visualization and "
         "Guided Backpropagation have been proposed to better understand individual decisions of deep "
         "convolutional neural networks.", "DeconvNet"),
        # the task, not the VIST dataset
        ("In this paper, we introduce Dixit, an interactive visual storytelling system that the user interacts "
         "with iteratively to compose a short story for a photo sequence.", "VIST"),
    ],
)
def test_catalog_coverage_words_and_collisions_stay_unlinked(linker, sentence, absent):
    assert absent not in _linked(linker, sentence)
