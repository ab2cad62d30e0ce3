"""Second-tier catalog entries on real abstract sentences: baselines that 2015-2023 papers compare against
(re-identification, 3D, domain adaptation, adversarial attacks, dialogue, classic algorithms) link, the
collisions found while reviewing every new link in ../shared/data/arxiv-amds123 stay fixed, and acronyms
that papers coin for their own models are not catalogued bare (all sentences are quoted from that corpus)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog


@pytest.fixture(scope="module")
def linker():
    return Linker(load_catalog())


def _link(linker: Linker, sentence: str, title: str = ""):
    return linker.link(Paper(id="x", title=title, abstract=sentence))


def _linked(linker: Linker, sentence: str, title: str = "") -> set[str]:
    return {link.method for link in _link(linker, sentence, title).links}


@pytest.mark.parametrize(
    "sentence, expected, title",
    [
        ("We train our model end-to-end on the ModelNet40 dataset and show in several settings that it performs "
         "better than ICP, its variants (e.g., Go-ICP, FGR), and the recently-proposed learning-based method "
         "PointNetLK.", {"Go-ICP", "Fast Global Registration", "PointNetLK"},
         "Deep Closest Point: Learning Representations for Point Cloud Registration"),
        ("Against MNIST and CIFAR-10 models, GenAttack required roughly 2,126 and 2,568 times fewer queries "
         "respectively, than ZOO, the prior state-of-the-art black-box attack.", {"ZOO"}, ""),
        ("Our SMT-based approach for MAPF called SMT-CBS reformulates the Conflict-based Search (CBS) algorithm "
         "in terms of SMT concepts.", {"CBS"}, ""),
        ("Empirical analyses show that our method improves joint goal accuracy by 2.75% and 2.36% on WoZ 2.0 "
         "and MultiWoZ 2.0 restaurant domain datasets respectively over the previous state-of-the-art GLAD "
         "model.", {"GLAD"}, "Improving Dialogue State Tracking by Discerning the Relevant Context"),
        ("The renowned correlation alignment (CORAL) is proven to be a special case, and a sub-optimal measure "
         "of our proposed SSC.", {"CORAL"},
         "Towards Self-similarity Consistency and Feature Discrimination for Unsupervised Domain Adaptation"),
        ("In plug-and-play image restoration, the regularization is performed using powerful denoisers such as "
         "nonlocal means (NLM) or BM3D.", {"Non-local Means", "BM3D"}, ""),
        ("These are: Otsu thresholding, Bayesian classification and Bayesian classification with Gaussian "
         "smoothing.", {"Otsu's method"}, ""),
        ("Short-time Fourier transform (STFT) is used as the front end of many popular successful monaural "
         "speech separation methods, such as deep clustering (DPCL), permutation invariant training (PIT) and "
         "their various variants.", {"Deep Clustering (speech separation)"}, ""),
        ("For instance, we show that learning a set of scales and biases is sufficient to convert a pretrained "
         "network to perform well on qualitatively different problems (e.g. converting a Single Shot MultiBox "
         "Detection (SSD) model into a 1000-class image classification model while reusing 98% of parameters "
         "of the SSD feature extractor).", {"SSD"}, ""),
    ],
)
def test_catalog_second_tier_baselines_link(linker, sentence, expected, title):
    assert expected <= _linked(linker, sentence, title)


@pytest.mark.parametrize(
    "sentence, absent",
    [
        # CamelCase names whose split form is a phrase are exact-case
        ("MDCN: Multi-Scale, Deep Inception Convolutional Neural Networks for Efficient Object Detection",
         "DeepInception"),
        ("The concepts of Center Mask and Center Vector are introduced to better depict the relationship between "
         "pixels and nuclear instances.", "CenterMask"),
        ("Third, a dense clip segmentation strategy is also introduced to generate rich probe-gallery pairs to "
         "optimize the model.", "DenseCLIP"),
        ("In this paper, to overcome these challenges, we design a novel tagging scheme to assist in building a "
         "large-scale, high-quality training dataset automatically.", "NovelTagging"),
        ("Our model uses hierarchical convolutional layers to learn latent semantic soft-match relevance signals "
         "at the character, word, and phrase levels.", "SoftMatch"),
        ("In the real world, problems are predominantly non-convex and this makes the idea of rational "
         "decision-making fundamentally unachievable and Herbert Simon called this bounded rationality.",
         "HerBERT"),
        # an acronym with a better-known meaning needs its own context
        ("The reports were manually transcribed into text format after collecting them as PDF files from NCI "
         "Genomic Data Commons public dataset.", "NCI"),
        # a long form spelled out in SSD's name is SSD, not MultiBox
        ("converting a Single Shot MultiBox Detection (SSD) model into a 1000-class image classification model",
         "MultiBox"),
    ],
)
def test_catalog_second_tier_collisions_stay_unlinked(linker, sentence, absent):
    assert absent not in _linked(linker, sentence)


@pytest.mark.parametrize(
    "title, sentence, name",
    [
        ("Towards Real-Time Accurate Object Detection in Both Images and Videos Based on Dual Refinement",
         "Based on the anchor-offset detection, a dual refinement network (DRN) is developed for "
         "high-performance static detection, where a multi-deformable head is further designed to leverage "
         "contextual information for describing objects.", "DRN"),
        ("Tube-CNN: Modeling temporal evolution of appearance for object detection in video",
         "Our tube proposal network (TPN) first generates a large number of spatio-temporal tube proposals "
         "maximizing object recall.", "TPN"),
        ("A Convolutional Neural Network with Mapping Layers for Hyperspectral Image Classification",
         "In this paper, we propose a convolutional neural network with mapping layers (MCNN) for "
         "hyperspectral image (HSI) classification. Our MCNN architecture avoids the declining accuracy with "
         "increasing layers phenomenon of deep learning models for HSI classification.", "MCNN"),
    ],
)
def test_catalog_second_tier_own_acronym_still_introduced(linker, title, sentence, name):
    """Acronyms that many papers coin (DRN, TPN, MCNN) are catalogued only under their long forms."""
    assert name in {intro.name for intro in _link(linker, sentence, title).introduces}
