"""Introduced names: the shapes found by the blind silver recall check (README, linker quality).

Sentences are short quotes from arXiv abstracts (arxiv-amds123, 2017-2019) of the silver set; none is in
the tuning or held-out gold.
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from relwork.core.records import Paper
from relwork.linker import load_catalog
from relwork.linker.catalog import alias_key
from relwork.linker.introduced import detect_introduced


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(alias_key(s) for entry in load_catalog() for s in entry.surfaces)


def names(title: str, abstract: str) -> list[str]:
    return [i.name for i in detect_introduced(Paper.create(title, abstract), set(_known()))]


def test_referred_to_as_after_an_own_subject_names_the_method_and_its_defined_parts():
    abstract = (
        "In this paper, we propose a new method, based on deep neural networks (DNN), for fully automatic "
        "segmentation. The proposed network, referred to as SRSCN, comprises a shape reconstruction neural "
        "network (SRNN) and a spatial constraint network (SCN). SRNN aims to maintain a realistic shape."
    )
    assert names("Cardiac Segmentation from LGE MRI Using Deep Neural Network", abstract) == ["SRSCN", "SRNN", "SCN"]


def test_referred_to_as_after_this_technique_names_it():
    abstract = (
        "In this work, we propose a new data visualization and clustering technique for discovering "
        "discriminative structures in high-dimensional data. This technique, referred to as cPCA++, utilizes "
        "the fact that the interesting features of a target dataset may be obscured."
    )
    assert "cPCA++" in names("Efficient Image Splicing Localization via Contrastive Feature Extraction", abstract)


def test_the_proposed_acronym_method_is_introduced():
    abstract = (
        "This paper proposes a bilinear supervised discrete hashing (BSDH) method based on 2D image features. "
        "Results show that the proposed BSDH method almost outperforms all competing hashing methods."
    )
    result = detect_introduced(Paper.create("Bilinear Supervised Hashing Based on 2D Image Features", abstract), set(_known()))
    assert [(i.name, i.aliases) for i in result] == [("BSDH", ["bilinear supervised discrete hashing"])]


def test_parts_of_a_named_method_listed_with_i_e_are_introduced():
    abstract = (
        "In this paper, we propose a simple but an efficient and effective network, named DENet, which is "
        "composed of two components, i.e., a detection network (DNet) and an encoder-decoder estimation "
        "network (ENet). We first run DNet on an input image."
    )
    # ENet is a catalogued segmentation network, so only DNet is new
    assert names("DENet: A Universal Network for Counting Crowd", abstract) == ["DENet", "DNet"]


def test_definitions_listed_after_an_introduced_one_are_introduced_too():
    abstract = (
        "In this paper, we propose a convolution-free Local Binary Pattern (CF-LBP) and a convolution-free "
        "Histogram of Oriented Gradients (CF-HOG) descriptors in matrix form for mammogram classification."
    )
    assert names("A Convolution-Free LBP-HOG Descriptor For Mammogram Classification", abstract)[:2] == ["CF-LBP", "CF-HOG"]


def test_a_quoted_name_after_new_dataset_is_a_dataset():
    abstract = (
        "For training and evaluating the model, we have engineered a new dataset 'Hishab' which is the first "
        "Bengali handwritten digits dataset intended for object detection."
    )
    result = detect_introduced(Paper.create("Handwritten Bengali Mathematical Expressions", abstract), set(_known()))
    assert [(i.name, i.kind) for i in result] == [("Hishab", "dataset")]


@pytest.mark.parametrize(
    "title, expected",
    [
        ("The Wiki Music dataset: A tool for computational analysis of popular music", ["Wiki Music"]),
        ("The ImageNet dataset: a study of its labels", []),  # a catalogued name is not new
    ],
)
def test_title_the_x_dataset_names_a_dataset(title, expected):
    assert names(title, "We produced a hand-crafted dataset annotated by music genre.") == expected


def test_what_we_refer_to_as_names_a_lower_case_coinage():
    abstract = (
        "In particular, we advocate the use of time-dilation during ROS bag playback, or what we refer to as "
        "slo-mo playback. Using slo-mo to benchmark SLAM instantiations can provide clues."
    )
    assert names("Characterizing SLAM Benchmarks and Methods", abstract) == ["slo-mo playback"]


def test_a_metric_named_with_called_is_not_introduced():
    abstract = (
        "In this paper, we propose a novel generative adversarial network (GAN) for 3D point clouds generation, "
        "which is called tree-GAN. To evaluate GANs for 3D point clouds accurately, we develop a novel "
        "evaluation metric called Frechet point cloud distance (FPD)."
    )
    found = names("3D Point Cloud Generative Adversarial Network Based on Tree Structured Graph Convolutions", abstract)
    assert "tree-GAN" in found and "FPD" not in found


def test_referred_to_as_for_an_existing_family_is_not_introduced():
    abstract = (
        "A family of super deep networks, referred to as residual networks or ResNet, achieved record-beating "
        "performance in various visual tasks."
    )
    assert names("Learning Strict Identity Mappings in Deep Residual Networks", abstract) == []
