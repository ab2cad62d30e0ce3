"""Catalog breadth on real abstract sentences: names added area by area (classic ML, vision, robotics, datasets)
link, and the collisions found while reviewing the new links stay fixed (all sentences are quoted from
../shared/data/arxiv-amds123)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog


@pytest.fixture(scope="module")
def linker():
    return Linker(load_catalog())


def _linked(linker: Linker, sentence: str, title: str = "") -> set[str]:
    return {link.method for link in linker.link(Paper(id="x", title=title, abstract=sentence)).links}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We use canonical correlation analysis (CCA) to learn a new subspace where projecting the original data "
         "will give us a new query and item representation.", {"CCA"}),
        ("At its core DeepSwarm uses Ant Colony Optimization (ACO) to generate ant population which uses the "
         "pheromone information to collectively search for the best neural architecture.",
         {"Ant Colony Optimization"}),
        ("Besides the traditional Softmax, typical loss functions include L-Softmax, AM-Softmax, ArcFace, and "
         "Center loss, etc.", {"L-Softmax", "AM-Softmax", "ArcFace"}),
        ("We also compare R-CNN to OverFeat, a recently proposed sliding-window detector based on a similar CNN "
         "architecture.", {"R-CNN", "OverFeat"}),
        ("Experimental results on the Extended Yale B face database and CMU PIE face database demonstrate that "
         "the proposed method is more robust to illumination changes.", {"Extended Yale B", "CMU PIE"}),
        ("The concept of dynamical movement primitives (DMPs) has become popular for modeling of motion, "
         "commonly applied to robots.", {"DMP"}),
        ("We study the inclusion of deep image features in the SLIC superpixel algorithm to exploit "
         "higher-level image representations.", {"SLIC"}),
    ],
)
def test_catalog_breadth_added_names_link(linker, sentence, expected):
    assert expected <= _linked(linker, sentence)


@pytest.mark.parametrize(
    "sentence, absent",
    [
        # CamelCase names whose split form is an ordinary phrase are exact-case
        ("We introduce a method for learning landmark detectors from unlabelled video frames and unpaired "
         "labels.", "DetectoRS"),
        ("In this paper, we argue that these models have the potential to misclassify fact-tampering fake news "
         "as well as under-written real news.", "RealNews"),
        ("Long-distance quantum communication over noisy networks without long-time quantum memory", "NoisyNet"),
        ("Distinct from strategies that connect neural networks to external memory banks, our approach "
         "co-locates memory with computation throughout the network structure.", "MemoryBank"),
        # SLIC superpixels are not SLiC-HF (sequence likelihood calibration)
        ("We study the inclusion of deep image features in the SLIC superpixel algorithm to exploit "
         "higher-level image representations.", "SLiC-HF"),
    ],
)
def test_catalog_breadth_collisions_stay_unlinked(linker, sentence, absent):
    assert absent not in _linked(linker, sentence)


def test_catalog_breadth_own_acronym_still_introduced(linker):
    """A paper's own 'MVP' is introduced: no catalog entry claims that acronym."""
    abstract = ("Where other approaches use a static camera position or fixed data collection routines, our "
                "Multi-View Picking (MVP) controller uses an active perception approach to choose informative "
                "viewpoints based directly on a distribution of grasp pose estimates in real time.")
    paper = Paper(id="x", title="Multi-View Picking: Next-best-view Reaching for Improved Grasping in Clutter",
                  abstract=abstract)
    assert "MVP" in {name.name for name in linker.link(paper).introduces}
