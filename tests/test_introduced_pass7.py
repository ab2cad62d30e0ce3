"""Introduced names, seventh helper pass (intro7): measures a paper proposes are not introduced names.

Sentences are from 2017-2019 arXiv abstracts of shared/data/arxiv-amds123 (quoted in part; none is from a
test set).
"""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker.introduced import detect_introduced


def names(title: str, abstract: str) -> list[str]:
    return [i.name for i in detect_introduced(Paper.create(title, abstract))]


@pytest.mark.parametrize(
    "title, abstract, measure",
    [
        # a name set off after 'a new metric, ' / 'a new evaluation measure, ' (1810.00434, 1905.00643, 1906.01081)
        ("CaTDet: Cascaded Tracked Detector for Efficient Object Detection from Video",
         "We also propose a new metric, mean Delay(mD), which is designed for latency-critical video applications.",
         "mD"),
        ("Quality Evaluation of GANs Using Cross Local Intrinsic Dimensionality",
         "In particular, we propose a new evaluation measure, CrossLID, that assesses the local intrinsic "
         "dimensionality (LID) of real-world data with respect to neighborhoods found in GAN-generated samples.",
         "CrossLID"),
        ("Handling Divergent Reference Texts when Evaluating Table-to-Text Generation",
         "We propose a new metric, PARENT, which aligns n-grams from the reference and generated texts to the "
         "semi-structured data before computing their precision and recall.", "PARENT"),
        # a name whose head noun is 'Score' (1805.11850)
        ("Neural Joking Machine : Humorous image captioning",
         "Moreover, we also propose the Funny Score, which flexibly gives weights according to an evaluation "
         "database. The Funny Score more effectively brings out \"laughter\" to optimize a model.", "Funny Score"),
    ],
)
def test_a_proposed_measure_is_not_introduced(title, abstract, measure):
    assert measure not in names(title, abstract)


def test_a_method_named_after_a_measure_stays_introduced():
    # 1901.09118: a stopping method whose name ends in 'F Measure' is a method, not a measure
    abstract = ("In this paper, a new stopping method called Predicted Change of F Measure will be introduced that "
                "attempts to provide the users an estimate of how much performance of the model is changing at each "
                "iteration.")
    assert "Predicted Change of F Measure" in names(
        "Stopping Active Learning based on Predicted Change of F Measure for Text Classification", abstract)


def test_a_method_proposed_beside_a_measure_stays_introduced():
    # 1810.00434: the detector is the paper's, the delay metric it proposes is not a name
    abstract = ("CaTDet consists of two DNN models that form a cascaded detector, and an additional tracker to "
                "predict regions of interests based on historic detections. We also propose a new metric, mean "
                "Delay(mD), which is designed for latency-critical video applications.")
    assert names("CaTDet: Cascaded Tracked Detector for Efficient Object Detection from Video", abstract) == ["CaTDet"]
