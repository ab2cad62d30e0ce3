"""Well-known methods added with their peers from the link misses of the tuning sets (thirteenth session): kernel
statistics and Gaussian processes, RL exploration strategies, 2017-2018 GANs, binary and slimmable networks, pose
from correspondences, data association, normalisation and moment descriptors, NLP methods of 2010-2018; the
bidirectional GRU folded into GRU; and the homonyms these additions must not link. Every sentence is quoted from
the 20k unlabelled arXiv abstracts (shared/data/arxiv-amds123)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker


def _linked(linker: Linker, sentence: str, title: str = "A study") -> set[str]:
    return {link.method for link in linker.link(Paper(id="x", title=title, abstract=sentence)).links}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Maximum mean discrepancy (MMD) based VAE is utilized to ensure the translating consistency.", {"MMD"}),
        ("We demonstrate the forecasting performance of the LSTM and compare it with Gaussian processes (GPs) in time "
         "series obtained from the Lorenz 96 system.", {"LSTM", "Gaussian Process"}),
        ("Lastly, we derive black box GVI and apply it to Bayesian Neural Networks as well as Deep Gaussian Processes.",
         {"Deep Gaussian Process"}),
        ("We verify the feasibility of this exploration mechanism in comparison with the traditional decaying "
         "epsilon-greedy and parameter-space noise exploration algorithms.", {"epsilon-greedy", "Parameter Space Noise"}),
        ("The utility function approach induces a natural Boltzmann exploration policy for which the 'temperature' "
         "parameter is equal to the risk-seeking parameter.", {"Boltzmann exploration"}),
        ("Conversely, Triple GAN consists of a three-player game that tries to leverage good generated samples to boost "
         "classification results.", {"Triple-GAN"}),
        ("Our 3D GAN model solves both image blurriness and mode collapse problems by leveraging alpha-GAN that combines "
         "the advantages of Variational Auto-Encoder (VAE) and GAN.", {"alpha-GAN"}),
        ("We showcase the efficacy of this approach both qualitatively, by training a Boundary-seeking GAN (BGAN) that "
         "generates realistic digit images.", {"BGAN"}),
        ("In our experiments, BinaryDenseNet achieves 18.6% and 7.6% relative improvement over the well-known "
         "XNOR-Network and the current state-of-the-art Bi-Real Net.", {"Bi-Real Net"}),
        ("Instead of training many network samples and searching with reinforcement learning, we train a single "
         "slimmable network to approximate the network accuracy of different channel configurations.",
         {"Slimmable Networks"}),
        ("Instead of directly feeding 2D-3D correspondences to the perspective-n-point (PnP) algorithm, multiple "
         "correspondence hypotheses are sampled.", {"Perspective-n-Point"}),
        ("Our methods extend approaches known as Absolute Orientation, which are popular for aligning objects in "
         "three-dimensions.", {"Absolute Orientation"}),
        ("We note that integrating deep correspondence embeddings directly in JIPDA did not bring significant "
         "improvement.", {"JIPDA"}),
        ("We investigate the performance of the Hu moments, Flusser moments, Zernike moments, Fourier-Mellin moments, "
         "and ring projection techniques.", {"Hu moments", "Zernike moments"}),
        ("Batch-Instance Normalization (BIN) is one of the first proposed methods that combines two different "
         "normalization methods.", {"Batch-Instance Normalization"}),
        ("Context gates are effective to control the contributions from the source and target contexts in the "
         "recurrent neural network (RNN) based neural machine translation (NMT).", {"Context Gates"}),
        ("Our method blends graph, transition, and easy-first parsing, including a prior state of the parser as a "
         "special case.", {"Easy-First Parsing"}),
        ("Combining these three contributions, we enhance the information extracting ability of the multi-head "
         "selection model.", {"Multi-head Selection"}),
    ],
)
def test_peer_methods_link_on_corpus_sentences(linker, sentence, expected):
    assert expected <= _linked(linker, sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a variant is a surface of its base method, as BiLSTM is LSTM
        ("Understanding these limitations, we present a new network based on a bidirectional GRU model.", {"GRU"}),
        ("Replacing CNNs with BIGRUs in label-wise attention networks leads to the best overall performance.", {"GRU"}),
        # long forms and the title of the introducing paper
        ("Motivated by the superior performance reported by renowned region based CNN, another 3D U-Net is trained.",
         {"R-CNN", "3D U-Net"}),
        ("In experiments, TTUR improves learning for DCGANs and Improved Wasserstein GANs (WGAN-GP) outperforming "
         "conventional GAN training.", {"DCGAN", "WGAN-GP"}),
        ("Particularly, inspired from Inception 3D network, we propose a multi-path CNN model.", {"I3D"}),
        ("In this paper, we address this problem by introducing a task-dependent deep pruning framework based on "
         "Fisher's LDA.", {"Linear Discriminant Analysis"}),
        ("In specific, we exploit more powerful backbone network like DenseNet-121 and use the max-in-out label and "
         "anchor matching strategy in SFD for face detection.", {"DenseNet", "S3FD"}),
    ],
)
def test_variants_and_long_forms_link_their_entry(linker, sentence, expected):
    assert expected <= _linked(linker, sentence)


def test_bidirectional_gru_is_no_entry_of_its_own(catalog):
    assert catalog.get("BiGRU") is None
    assert {"BiGRU", "Bidirectional GRU"} <= set(catalog.get("GRU").aliases)


def test_augmented_cyclegan_is_not_cyclegan(linker):
    found = _linked(linker, "To bridge the gap between real and synthetic images, we employ an image-to-image "
                            "translation model (Augmented CycleGAN) that generates realistically textured objects.")
    assert found == {"Augmented CycleGAN"}


@pytest.mark.parametrize(
    "sentence, absent",
    [
        # 'recurrent convolutional neural network' is no R-CNN, and 'region-based CNN detectors' name the family
        ("Based on the recurrent convolutional neural network (RCNN) architecture, our method implicitly models the "
         "dynamics.", "R-CNN"),
        ("The region-based Convolutional Neural Network (CNN) detectors such as Faster R-CNN or R-FCN have already "
         "shown promising results.", "R-CNN"),
        # plug-and-play image restoration is not Perspective-n-Point
        ("Consequently, with PnP, state-of-the-art image-denoising techniques, such as those based on DNNs, can be "
         "directly exploited for compressive MRI image reconstruction.", "Perspective-n-Point"),
        # 'BGAN' alone also names binary and Bayesian GANs
        ("We showcase the efficacy of this approach by training a BGAN that generates realistic digit images.", "BGAN"),
        # the character-level CNN of one's own is not CharCNN (long forms left out: 2 of 4 corpus hits were wrong)
        ("A character-level convolutional neural network (CNN) motivated by applications in automated machine learning "
         "(AutoML) is proposed to semantically classify columns.", "CharCNN"),
    ],
)
def test_homonyms_of_the_additions_do_not_link(linker, sentence, absent):
    assert absent not in _linked(linker, sentence)


def test_name_built_on_a_method_in_parentheses_is_not_taught_as_its_alias(linker):
    """'networks with MMD (MMD GAN)': MMD GAN is its own entry, later mentions of it stay MMD GAN."""
    found = linker.link(Paper(id="x", title="Implicit Kernel Learning", abstract=(
        "We investigate two applications of the proposed IKL as examples, including generative adversarial networks "
        "with MMD (MMD GAN) and standard supervised learning. Empirically, MMD GAN with IKL outperforms vanilla "
        "predefined kernels on both image and text generation benchmarks."))).links
    assert {(link.surface, link.method) for link in found if link.surface == "MMD GAN"} == {("MMD GAN", "MMD GAN")}
