"""Introduced names, sixth pass (issue 3): field terms are not coinages. A name the abstract writes as a measured
quantity ('a mIoU of 75.6%') is a measure the field uses; an acronym that the packaged field-term lexicon
(``linker/data/field-terms.json``, built by ``bench/build_field_terms.py`` from unlabelled arXiv abstracts) lists with
the paper's reading is the field's term ('a monocular Simultaneous Localization and Mapping (SLAM) algorithm').
Other papers must not cite the paper for either. Both were counted on 18,795 unlabelled arXiv abstracts and their
removals read (the lexicon's from one half of them, applied to the other half).

Sentences are from arXiv abstracts (quoted in part).
"""

from __future__ import annotations

from relwork.core.records import Paper
from relwork.linker.introduced import detect_introduced, is_field_term, packaged_field_terms


def names(linker, title: str, abstract: str, year: int | None = None) -> dict[str, list[str]]:
    """Introduced names of a paper (the linker's detection, used-name drops included) with their aliases."""
    return {i.name: i.aliases for i in linker.introduced(Paper.create(title, abstract, year=year))}


def test_a_name_written_with_its_measured_value_is_not_introduced(linker):
    found = names(linker, "Normalized Cut Loss for Weakly-supervised CNN Segmentation", (
        "We propose a new principled loss function evaluating network output with criteria standard in 'shallow' "
        "methods. On scribbles, we establish new state-of-the-art results: we obtain a mIoU of 75.6% without, and "
        "75.7% with CRF post-processing."), year=2018)
    assert "mIoU" not in found
    found = names(linker, "On the Glucose Level of SAT Solvers", (
        "Modern SAT solvers learn clauses during search. The smaller the LBD of a clause, the better is its quality. "
        "The learned clauses with LBD score of 2, called glue clauses, are known to be of high quality."), year=2019)
    assert "LBD" not in found


def test_a_measured_value_of_another_quantity_keeps_an_own_name(linker):
    # the number measures the accuracy, not the name; 'of 50 layers' counts layers, not a quantity's value
    found = names(linker, "A study of things", (
        "We propose XNet, a novel network. XNet achieves an accuracy of 80.1% on ImageNet."), year=2019)
    assert "XNet" in found
    found = names(linker, "A study of things", "We propose XNet, a novel network of 50 layers.", year=2019)
    assert "XNet" in found


def test_a_measured_variant_does_not_remove_its_base_name(linker):
    # '27.6% HYPE-Infinity deception rate' measures with HYPE-Infinity; the word 'HYPE' alone is not measured there
    found = names(linker, "HYPE: A Benchmark for Human eYe Perceptual Evaluation of Generative Models", (
        "We construct Human eYe Perceptual Evaluation (HYPE), a human benchmark that is grounded in psychophysics "
        "research in perception. HYPE-Infinity reports that StyleGAN with truncation trick sampling (27.6% "
        "HYPE-Infinity deception rate) outperforms others."), year=2019)
    assert "HYPE" in found


def test_an_acronym_the_field_spells_out_alike_is_not_introduced(linker):
    slam = Paper.create("Monocular Object and Plane SLAM in Structured Environments", (
        "In this paper, we present a monocular Simultaneous Localization and Mapping (SLAM) algorithm using "
        "high-level object and plane landmarks. The built map is denser."), year=2018)
    active = Paper.create("Bayesian Active Learning for Object Detection", (
        "We present an Active Learning (AL) strategy for re-using a deep Convolutional Neural Network (CNN)-based "
        "object detector on a new dataset. The AL strategy selects images."), year=2019)
    for paper, name in ((slam, "SLAM"), (active, "AL")):
        assert name.lower() in packaged_field_terms()
        assert name not in {i.name for i in linker.introduced(paper)}
        # without a lexicon the same sentence makes it the paper's own (the shape alone cannot tell)
        alone = detect_introduced(paper, linker.catalog_known, field_terms={})
        assert name in {i.name for i in alone}


def test_an_own_spelling_of_a_field_acronym_stays_the_papers_coinage(linker):
    # the lexicon's 'long-term memory' (LTM) is a concept; 'Long Term Memory network (LTM)' is this paper's network
    found = names(linker, "Language Modeling through Long Term Memory Network", (
        "This paper introduces Long Term Memory network (LTM), which can tackle the exploding and vanishing gradient "
        "problems and handles long sequences without forgetting. LTM is designed to scale data in the memory."),
        year=2019)
    assert "LTM" in found and "ltm" in packaged_field_terms()


def test_a_reading_first_written_in_or_after_the_papers_year_leaves_its_coinage(linker):
    # a lexicon reading first seen in the paper's year or later: the paper may be the one the field took it from
    paper = Paper.create("Bayesian Active Learning for Object Detection", (
        "We present an Active Learning (AL) strategy for re-using a deep Convolutional Neural Network (CNN)-based "
        "object detector on a new dataset. The AL strategy selects images."), year=2019)
    later = {"al": [["active learning", 2020]]}
    assert "AL" in {i.name for i in detect_introduced(paper, linker.catalog_known, field_terms=later)}
    same_year = {"al": [["active learning", 2019]]}
    assert "AL" in {i.name for i in detect_introduced(paper, linker.catalog_known, field_terms=same_year)}
    earlier = {"al": [["active learning", 2018]]}
    assert "AL" not in {i.name for i in detect_introduced(paper, linker.catalog_known, field_terms=earlier)}


def test_is_field_term_compares_the_words_and_the_years_of_a_reading():
    lexicon = {"ltm": [["long-term memory", 2008]], "slam": [["simultaneous localization and mapping", 2017]]}
    assert is_field_term("SLAM", ["Simultaneous Localization and Mapping"], 2018, lexicon)
    assert is_field_term("SLAM", [], 2018, lexicon)  # used bare ('our SLAM method')
    assert not is_field_term("SLAM", ["Simultaneous Localization and Mapping"], 2017, lexicon)
    assert not is_field_term("LTM", ["Long Term Memory network"], 2019, lexicon)  # a network, not the concept
    assert is_field_term("LTM", ["long term memory"], 2019, lexicon)
    assert not is_field_term("XYZ", [], 2019, lexicon)
