"""Classic algorithms from outside deep learning that ML abstracts build on, added by class (Bayesian filtering
and smoothing, dynamic programming and classic RL, numerical linear algebra and integration, sketches,
tensor decompositions, RNN training, word-vector post-processing, adversarial defences, image filters and
segmentation, community detection), the spellings the matcher now reads as names, and the homonyms these
additions must not link. All sentences are quoted from the 19k unlabelled arXiv abstracts."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker
from relwork.linker.matcher import defined_by_initials


def _linked(linker: Linker, sentence: str, title: str = "A study") -> set[str]:
    return {link.method for link in linker.link(Paper(id="x", title=title, abstract=sentence)).links}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # Bayesian filtering and smoothing
        ("The second approach uses a particle filter to predict wildfire growth and uses observations to estimate "
         "uncertainties relating to wildfire expansion.", {"Particle filter"}),
        ("At test time we can combine these models with a Sequential Monte Carlo algorithm.", {"Particle filter"}),
        # dynamic programming and classic RL
        ("This problem is modeled as a Markov Decision Process and solved with Value Iteration via the known "
         "transition probabilities.", {"Value Iteration"}),
        ("In this paper, we propose to combine (any kind of) soft greediness with Modified Policy Iteration (MPI).",
         {"Modified Policy Iteration"}),
        # numerical methods
        ("In this paper, we investigate the intermediate results of convolutional layers and present a novel "
         "pivoted QR factorization based channel pruning technique.", {"QR decomposition"}),
        ("Pruning techniques and Winograd convolution are two typical methods to reduce the CNN computation.",
         {"Winograd convolution"}),
        ("As an example, we propose to replace the Lie-Trotter splitting scheme by the Strang-Marchuk splitting "
         "scheme, a scheme that is more commonly used.", {"Lie-Trotter splitting", "Strang splitting"}),
        # sketches, tensor decompositions, RNN training
        ("These convex representations are hashed using Bloom filters with non-cryptographic hash functions to "
         "obtain compact binary codes.", {"Bloom filter"}),
        ("Learning Compact Recurrent Neural Networks with Block-Term Tensor Decomposition",
         {"Block-Term decomposition"}),
        ("Many new or popular approaches for learning these distant correlations employ backpropagation through "
         "time (BPTT), but this technique requires storing observations.", {"BPTT"}),
        # word vectors, weak supervision, defences, vision classics, graphs
        ("This includes expansion of semantic spaces at the phrase level and sub-word level followed by "
         "retrofitting to emotion lexica.", {"Retrofitting"}),
        ("We propose a weak supervision framework for neural ranking tasks based on the data programming "
         "paradigm, which enables labeling functions.", {"Data Programming"}),
        ("Furthermore, we show that GenAttack can successfully attack some state-of-the-art ImageNet defenses, "
         "including ensemble adversarial training and non-differentiable or randomized input transformations.",
         {"Ensemble Adversarial Training", "ImageNet"}),
        ("Additionally, a Hessian-based Frangi vesselness filter for fiber segmentation has been implemented.",
         {"Frangi filter"}),
        ("The tracked centroids were then used as input to variants of the seeded watershed algorithm to obtain "
         "the final segmentation.", {"Watershed transform"}),
        ("We motivate the need of capturing dynamics for prediction on a toy data set created using stochastic "
         "block models.", {"Stochastic Block Model"}),
        # lower-case spellings of catalogued methods
        ("Recent efforts have tried to alleviate the data sparsity problem by augmenting the training data using "
         "different strategies, such as back-translation.", {"Back-Translation"}),
        ("first, a progressively growing GAN is trained to generate the semantic label-maps", {"ProGAN"}),
    ],
)
def test_classic_algorithm_linked(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # 'quasi-Newton' and 'Gauss--Newton' are their own families, not Newton's method
        ("The limited-memory Broyden-Fletcher-Goldfarb-Shanno (L-BFGS) approach is one of the most popular "
         "quasi-Newton methods.", {"L-BFGS"}),
        # a tensor SVD (t-SVD) is its own decomposition, not the matrix SVD
        ("Robust Tensor Completion Using Transformed Tensor SVD", {"t-SVD"}),
        # 'Value Iteration Networks' is the network, not the algorithm it unrolls
        ("Value Iteration Networks on Multiple Levels of Abstraction", {"Value Iteration Networks"}),
        # retrofitting a building is engineering (no word vectors in sight)
        ("Seismic retrofitting of existing masonry buildings is evaluated with a finite element model.", set()),
        # a watershed of a river, a graph cut of a partition, in lower case, are no segmentation algorithms
        ("Streamflow in the watershed was simulated for the period 1990-2010.", set()),
    ],
)
def test_classic_algorithm_homonyms_not_linked(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # an alias the catalog writes with a capitalised first word and a lower-case tail is the name as written
        ("The actor leads to high-quality and state-specific exploration, which we show approximates Thompson "
         "sampling.", {"Thompson Sampling"}),
        ("This network uses a novel Poisson blending loss which combines Poisson optimization with perceptual "
         "loss.", {"Poisson Image Editing", "perceptual loss"}),
    ],
)
def test_descriptive_alias_matches_as_catalogued(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("we propose a bidirectional baseline, determining the video division points based on the skeleton "
         "points extracted by convolutional pose machine (CPM).", {"Convolutional Pose Machines"}),
        ("Domain randomization (DR) is a successful technique for learning robust policies for robot systems.",
         {"Domain Randomization"}),
        # without its initials a lower-case descriptive phrase stays a description
        ("the skeleton points extracted by a convolutional pose machine", set()),
    ],
)
def test_lowercase_descriptive_name_defined_by_its_initials(linker, sentence, expected):
    assert _linked(linker, sentence) == expected


@pytest.mark.parametrize(
    "text, written, expected",
    [
        ("convolutional pose machine (CPM) is", "convolutional pose machine", True),
        ("stochastic block models (SBMs) are", "stochastic block models", True),
        ("tree of thoughts (ToT)", "tree of thoughts", True),
        ("layer normalization (see below)", "layer normalization", False),
        ("layer normalization (BN)", "layer normalization", False),
    ],
)
def test_defined_by_initials(text, written, expected):
    assert defined_by_initials(text, len(written), written) is expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # plural, the conditional GAN is the family of class-conditioned GANs (annotation guidelines: no method)
        ("Conditional GANs are at the forefront of natural image synthesis.", set()),
        ("To match aerial images with grid maps, we use conditional Generative Adversarial Networks (cGANs) which "
         "transform aerial images to the grid maps.", set()),
        # singular and attributed, it is Mirza and Osindero's model
        ("We start with a classical cGAN model as proposed by Mirza and Osindero and modify both the generator "
         "and discriminator.", {"Conditional GAN"}),
    ],
)
def test_conditional_gan_plural_is_the_family(linker, sentence, expected):
    assert _linked(linker, sentence) == expected
