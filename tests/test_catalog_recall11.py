"""The recall11 pass. A name-like word before 'system', 'algorithm', 'detector' or 'tracker' ("the SafeRTS
algorithm", "the GiveMeExample system") is an uncatalogued prior method when it opens with a capital and the
abstract does not spell it out as a task or a thing ("query-by-example (QbE)"). An exact-case name written with
hyphens for its spaces ("feature-matching loss", "Soft-Actor-Critic") is that name. Sentences are quoted from the
18,235 unlabelled 2017-2019 arXiv abstracts (/work/unlab/arxiv-unlabelled.jsonl, gold papers removed)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker


def _uncatalogued(linker: Linker, abstract: str) -> set[str]:
    linked = linker.link(Paper(id="x", title="A study", abstract=abstract))
    return {link.method for link in linked.links if link.kind == "uncatalogued"}


@pytest.mark.parametrize(
    "abstract, name",
    [
        ("Recently, the SafeRTS algorithm was proposed for searching in such spaces.", "SafeRTS"),
        ("We leverage the GiveMeExample system, which suggests example sentences for each confusing word, to "
         "achieve this goal.", "GiveMeExample"),
        ("Conclusions: FastContext is an efficient, scalable implementation of the popular ConText algorithm, "
         "suitable for natural language applications on very large clinical corpora.", "ConText"),
        ("The purpose of this study is to evaluate the performance of the OphtAI system for the automatic "
         "detection of referable diabetic retinopathy (DR) and the automatic assessment of DR severity using "
         "color fundus photography.", "OphtAI"),
        ("Using a large dataset of chest x-ray reports, we compare the proposed model to a baseline "
         "dictionary-based NER system and a negation detection system that leverages the hand-crafted rules of "
         "the NegEx algorithm and the grammatical relations obtained from the Stanford Dependency Parser.",
         "NegEx"),
    ],
)
def test_name_before_system_or_algorithm_links_as_prior_method(linker, abstract, name):
    assert name in _uncatalogued(linker, abstract)


@pytest.mark.parametrize(
    "abstract, name",
    [
        # a name that does not open with a capital is a sensor, product or task word before these heads
        ("Finally, we used a divide and conquer strategy to defeat the reCAPTCHA system for any grid "
         "resolution.", "reCAPTCHA"),
        ("Our method employs a quality measure Q to extract a remote Plethysmography (rPPG) signal as clean as "
         "possible from a specific face video segment. We compare the performance of a classic rPPG algorithm, "
         "and the performance of the same method.", "rPPG"),
        ("To reduce computational and perceptual complexity, it is helpful if a vSLAM system has the ability to "
         "perform image change detection (ICD).", "vSLAM"),
        # spelled out as a task or a thing: the long form ends in no method noun
        ("Here we consider how such models can be used for query-by-example (QbE) search. We show that a QbE "
         "system using an embedding function trained on visually grounded speech data outperforms a purely "
         "acoustic QbE system.", "QbE"),
        ("The Internet of Drones (IoD) is a layered network control architecture. We specify the features that an "
         "IoD system based on our architecture should implement.", "IoD"),
    ],
)
def test_non_method_word_before_system_or_algorithm_stays_unlinked(linker, abstract, name):
    assert name not in _uncatalogued(linker, abstract)


def _linked(linker: Linker, abstract: str, title: str = "A study") -> set[str]:
    return {link.method for link in linker.link(Paper(id="x", title=title, abstract=abstract)).links}


@pytest.mark.parametrize(
    "abstract, name",
    [
        # exact-case entries written with hyphens for spaces, as compound modifiers and in titles
        ("We train the generative adversarial network (GAN) with two losses. Second, we introduce a "
         "feature-matching loss function for stabilizing the training procedure.", "feature matching"),
        ("Improving Exploration in Soft-Actor-Critic with Normalizing Flows Policies.", "SAC"),
    ],
)
def test_exact_case_name_written_with_hyphens_links(linker, abstract, name):
    assert name in _linked(linker, abstract)


def test_hyphenated_exact_case_name_still_needs_its_context(linker):
    """'feature matching' outside GAN papers is keypoint matching, hyphenated or not."""
    abstract = "Our SLAM front end relies on feature-matching between consecutive frames."
    assert "feature matching" not in _linked(linker, abstract)
