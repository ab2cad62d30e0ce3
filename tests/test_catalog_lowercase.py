"""Named techniques written in lower case or in their long form link; generic concepts stay unlinked.

Sentences are from arXiv abstracts (shared/data/arxiv-amds123) and the seed papers. A long form links in
lower case when the entry's canonical name is a coined name or acronym (PCA, DTW, RoPE, TAKD), which the
matcher treats as a name in any case, or when the catalog itself writes the surface in lower case ('beam search',
'layer normalization'): that is how the technique's name is written. Title Case plain-word names still need capitals.
"""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog


@pytest.fixture(scope="module")
def linker():
    return Linker(load_catalog())


def _methods(linker, sentence: str) -> list[str]:
    linked = linker.link(Paper(id="x", title="", abstract=sentence))
    return sorted({link.method for link in linked.links})


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("with linear attention and rotary positional encodings as the base architecture.", ["RoPE"]),
        ("Our method is based on correlation of principal component analysis (PCA) dimensions with "
         "categorical linguistic data.", ["PCA"]),
        ("We compare features for dynamic time warping (DTW) when used to bootstrap keyword spotting.", ["DTW"]),
        ("Here, the recurrent network is learned via self-critical sequence training with both sentence-level "
         "and paragraph-level rewards.", ["SCST"]),
        ("We show that bipolar ramp loss objectives outperform minimum risk training (MRT) on both weakly "
         "supervised tasks.", ["MRT"]),
        ("We study the effect of teacher assistant size and extend the framework to multi-step distillation.",
         ["TAKD"]),
        # 'pointer networks' in lower case is the Pointer Network the model uses
        ("The stack tracks the status of the depth-first search and the pointer networks select one child.",
         ["DFS", "Pointer Network"]),
        ("The once popular k-nearest neighbors (kNN) approach finds and uses the most similar data.", ["k-NN"]),
        ("Region-of-Interest (RoI) features are extracted by RoI pooling with little emphasis on these "
         "translation-variant features.", ["RoI Pooling"]),
        ("Beam Search (BS) is a widely used approximate inference algorithm.", ["beam search"]),
        # seed sentences: plain-word names the catalog writes in lower case link as written
        ("Existing large language model-based code generation pipelines typically use beam search or sampling "
         "algorithms during the decoding process.", ["beam search"]),
        ("Specifically, we use product quantization to identify the large attention weights and compute attention "
         "via sparse matrix multiplication for sparse MHA.", ["Product Quantization"]),
        ("We show that careful attention to the placement of layer normalization in BERT-like models is critical.",
         ["BERT", "Layer Normalization"]),
    ],
)
def test_lowercase_long_forms_of_named_techniques_link(linker, sentence, expected):
    assert _methods(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a named variant wins the longest match over the technique it derives from
        ("In this paper, we formulate the classical robust principal component analysis (RPCA) as the best pair.",
         ["Robust PCA"]),
        ("However, the accuracy of the combination of the sparse PCA method and one classifier is low.",
         ["Sparse PCA"]),
        ("we introduce a new supervised algorithm for WSD, that is based on Kernel PCA.", ["Kernel PCA"]),
    ],
)
def test_lowercase_named_variants_beat_their_parent(linker, sentence, expected):
    assert _methods(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        # generic concepts of the annotation guidelines stay unlinked in lower case
        "Additionally, we investigate the extent to which network binarization and knowledge distillation "
        "can be combined.",
        "Thus, we investigate how learned, specialized data augmentation policies improve generalization "
        "performance for detection models.",
        "We propose a transfer learning approach with attention and contrastive learning.",
        # 'feature matching' outside GAN papers is keypoint matching, not the GAN training technique
        "The hybrid projection model minimizes the image distortion that degrades feature matching performance.",
        # descriptive phrases: a linear transformer is a family, not the named method
        "Linear transformers aim to reduce the quadratic space-time complexity of vanilla transformers.",
        # ... and attention patterns are generic (seed sentence)
        "We also experiment with two hybrid models which combine DeltaNet layers with (1) sliding-window attention "
        "layers every other layer.",
    ],
)
def test_lowercase_generic_concepts_do_not_link(linker, sentence):
    assert [m for m in _methods(linker, sentence) if m not in ("Transformer", "DeltaNet")] == []
