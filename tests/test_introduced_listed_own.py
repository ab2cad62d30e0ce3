"""Names listed with an own name under an own cue are the paper's too (issue 3, intro8): 'we propose two novel
methods, tAdv and cAdv', 'models named BowNet and wBowNet', 'novel DownBCL, UpBCL, and CorrBCL operations'. Not a
list after 'our' (the data a paper evaluates on), and not a list after a word a naming cue glosses.

Sentences are from 2017-2019 arXiv abstracts of shared/data/arxiv-amds123.
"""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog
from relwork.linker.introduced import detect_introduced


@pytest.fixture(scope="module")
def known():
    return Linker(load_catalog()).catalog_known


def names(title: str, abstract: str, known: set[str]) -> list[str]:
    return [i.name for i in detect_introduced(Paper.create(title, abstract), known)]


@pytest.mark.parametrize(
    "title, abstract, listed",
    [
        ("Big but Imperceptible Adversarial Perturbations via Semantic Manipulation",
         "In this paper we propose two novel methods, tAdv and cAdv, which leverage texture transfer and colorization "
         "to generate natural perturbation with a large norm.", ["tAdv", "cAdv"]),
        ("BowNet: Dilated Convolution Neural Network for Ultrasound Tongue Contour Extraction",
         "This paper presents two novel deep neural network models named BowNet and wBowNet benefits from the ability "
         "of global prediction of decoding-encoding models.", ["BowNet", "wBowNet"]),
        ("HPLFlowNet: Hierarchical Permutohedral Lattice FlowNet for Scene Flow Estimation on Large-scale Point Clouds",
         "Inspired by Bilateral Convolutional Layers (BCL), we propose novel DownBCL, UpBCL, and CorrBCL operations "
         "that restore structural information from unstructured point clouds, and fuse information from two "
         "consecutive point clouds.", ["DownBCL", "UpBCL", "CorrBCL"]),
    ],
)
def test_names_listed_with_an_own_name_under_an_own_cue_are_introduced(known, title, abstract, listed):
    found = names(title, abstract, known)
    assert all(name in found for name in listed)


def test_list_after_our_is_evaluation_data_not_a_second_name(known):
    title = "Aesthetic Attributes Assessment of Images"
    abstract = ("We introduce a new dataset named DPC-Captions which contains comments of up to 5 aesthetic attributes "
                "of one image through knowledge transfer from a full-annotated small-scale dataset. Then, we propose "
                "Aesthetic Multi-Attribute Network (AMAN), which is trained on a mixture of fully-annotated small-scale "
                "PCCD dataset and weakly-annotated large-scale DPC-Captions dataset. The experimental results on our "
                "DPC-Captions and PCCD dataset reveal that our method can predict captions of 5 aesthetic attributes "
                "together with numerical score assessment of each attribute.")
    found = names(title, abstract, known)
    assert "DPC-Captions" in found and "PCCD" not in found


def test_list_after_a_glossed_word_is_not_a_second_name(known):
    """'(called Electrocorticography, ECoG)' glosses a recording technique: no list of own names follows."""
    title = "Brain2Char: A Deep Architecture for Decoding Text from Brain Recordings"
    abstract = ("In this study, we propose a novel deep network architecture Brain2Char, for directly decoding text "
                "(specifically character sequences) from direct brain recordings (called Electrocorticography, ECoG).")
    assert "ECoG" not in names(title, abstract, known)
