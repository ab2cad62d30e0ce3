"""The recall pass: catalogued named techniques link in the lower case and long forms papers write them in, prior
methods that several unlabelled abstracts name without a link are catalogued, and the surfaces that also mean
something else stay gated. All sentences are quoted from the 18,795 unlabelled 2017-2019 arXiv abstracts
(cs.CL/CV/AI, the population of the gold sets, gold ids removed)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker


def _linked(linker: Linker, sentence: str, title: str = "") -> set[str]:
    return {link.method for link in linker.link(Paper(id="x", title=title, abstract=sentence)).links}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We follow recent work on domain randomization and augment synthetic images with sequences of random "
         "transformations.", {"Domain Randomization"}),
        ("We adapt model predictive control to account for planning latency, which allows the learned model to be "
         "used for real time control.", {"Model Predictive Control"}),
        ("Here, we propose a novel hierarchical decoding model which dynamically parses act, slot and value in a "
         "structured way and employs pointer network to handle out-of-vocabulary (OOV) values.",
         {"Pointer Network"}),
        ("To accelerate policy learning, we also devise a constrained hindsight experience replay mechanism.",
         {"HER"}),
        ("Using a shared wordpiece vocabulary, our approach enables Multilingual NMT using a single model without "
         "any increase in parameters.", {"WordPiece"}),
        ("While registration methods such as iterative closest point and variants are very popular, they are only "
         "locally optimal.", {"ICP"}),
        ("We first identify a group of interpretable units that are closely related to object concepts using a "
         "segmentation-based network dissection method.", {"Network Dissection"}),
        ("To address these difficulties, we improved the algorithm based on boundary sensitive network.", {"BSN"}),
        ("The weighted top-K pairs are propagated to extract the joint feature-pair relation by using bilinear "
         "attention network.", {"BAN"}),
        ("This algorithm consists of self-imitation learning and random network distillation algorithms.",
         {"Self-Imitation Learning", "RND"}),
        ("These two later domains are more sensitive to corpus size and training method, with Glove outperforming "
         "Word2vec on word embeddings.", {"GloVe", "word2vec"}),
        # context-gated: 'bottom-up attention' is BUTD in captioning / VQA, 'dynamic routing' is the capsules'
        ("Image features from bottom-up attention, gated tanh activations and output embeddings initialized using "
         "GloVe help visual question answering.", {"BUTD", "GloVe"}),
        ("With the introduction of capsule networks, kernels can work together in consensus with one another with "
         "the help of dynamic routing.", {"Capsule Network"}),
    ],
)
def test_named_techniques_link_as_papers_write_them(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("More specifically, we adopt a Determinantal Point Process (DPP) model to generate diverse, while relevant "
         "item recommendations.", {"Determinantal Point Process"}),
        ("Spectral Inference Networks generalize Slow Feature Analysis to generic symmetric operators.",
         {"Slow Feature Analysis"}),
        ("ATPL is a new architecture to bridge this gap by exploiting Tensor Product Representations (TPR), a "
         "structured neural-symbolic model developed in cognitive science.", {"Tensor Product Representation"}),
        ("It additionally reduces the redundancy among the matrices using the Hilbert-Schmidt Independence "
         "Criterion (HSIC).", {"HSIC"}),
        ("Last, a unified optimisation framework is proposed to jointly select spatial features and learn "
         "discriminative filters with the augmented Lagrangian method.", {"Augmented Lagrangian method"}),
        ("We show that Probabilistic Soft Logic models defined over these graphs are superior to text-only and "
         "relation-only variants.", {"Probabilistic Soft Logic"}),
        ("Utilizing steering angle changes and based on a Bi-directional Recurrent Neural Network (Bi-RNN), a "
         "driving sequence is segmented.", {"Bidirectional RNN"}),
        ("Recently, the Spatially Localized Atlas Network Tiles (SLANT) approach has been shown to effectively "
         "segment whole brain non-contrast T1w MRI.", {"SLANT"}),
        ("In continuous time they can be seen as a kind of self-exciting point processes which are also called "
         "Hawkes processes.", {"Hawkes process"}),
    ],
)
def test_prior_methods_unlabelled_abstracts_name_link(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence, absent",
    [
        # lower-case 'bidirectional RNN' is a description (the tuning golds link it only capitalised)
        ("We use a simple bidirectional RNN with LSTM nodes and achieve the accuracy of 90% or higher.",
         "Bidirectional RNN"),
        # bare TPR is the true positive rate unless the paper speaks of tensor products or binding
        ("Our detector reaches a 20% true positive rate (TPR) at a false positive rate (FPR) of 0.1%.",
         "Tensor Product Representation"),
        # 'bottom-up attention' outside captioning and VQA is saliency, not BUTD
        ("The bottom-up attention thus generated is further coalesced with the top-down information to focus on "
         "the scene elements.", "BUTD"),
        # 'dynamic routing' without capsules is routing, not routing-by-agreement
        ("We study dynamic routing of packets in wireless sensor networks.", "Capsule Network"),
        # 'progressive growing' without GANs is no ProGAN
        ("We observe a progressive growing of the crack under cyclic load.", "ProGAN"),
        # 'Glove' of a data glove
        ("The operator wears a sensor Glove that records finger joint angles.", "GloVe"),
        # the alternating direction method of multipliers is ADMM, not the augmented Lagrangian method
        ("We solve the problem with the alternating direction method of multipliers.", "Augmented Lagrangian method"),
    ],
)
def test_gated_surfaces_stay_unlinked(linker, sentence, absent):
    assert absent not in _linked(linker, sentence)


def test_catalogued_paper_introduces_its_own_name(linker):
    """SLANT's own paper (by arXiv id and title) introduces SLANT instead of linking it as a prior method."""
    paper = Paper(
        id="1903.12152",
        title="3D Whole Brain Segmentation using Spatially Localized Atlas Network Tiles",
        abstract="We propose the spatially localized atlas network tiles (SLANT) method to distribute multiple "
        "independent 3D fully convolutional networks for high-resolution whole brain segmentation.",
    )
    linked = linker.link(paper)
    assert "SLANT" in {i.name for i in linked.introduces}
    assert "SLANT" not in {link.method for link in linked.links}
