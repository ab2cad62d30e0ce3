"""Introduced names whose acronym the catalog already holds with another meaning, and the shapes found with
the second arXiv tuning set (bench/gold/tune-arxiv-2.jsonl).

Sentences are short quotes from arXiv abstracts (arxiv-amds123); each test names its arXiv id. None is in
the seeds' test half or the held-out arXiv gold.
"""

from __future__ import annotations

from functools import lru_cache

from relwork.core.records import Paper
from relwork.linker import load_catalog
from relwork.linker.catalog import alias_key
from relwork.linker.introduced import detect_introduced
from relwork.linker.pipeline import Linker


@lru_cache(maxsize=1)
def _linker() -> Linker:
    return Linker(load_catalog())


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(alias_key(s) for entry in load_catalog() for s in entry.surfaces)


def _paper(title: str, abstract: str, year: int = 2019) -> Paper:
    return Paper.create(title, abstract, year=year)


def test_an_own_definition_of_a_catalogued_acronym_with_another_meaning_is_introduced_and_not_linked():
    # arXiv 1905.04693; the catalog's AC-GAN is the Auxiliary Classifier GAN of 2017
    paper = _paper(
        "Adaptive Composition GAN towards Realistic Image Synthesis",
        "This paper presents an innovative Adaptive Composition GAN (AC-GAN) that incorporates image synthesis in "
        "geometry and appearance domains into an end-to-end trainable network. Experiments show that AC-GAN "
        "achieves superior synthesis realism.",
    )
    assert load_catalog().get("AC-GAN") is not None
    linked = _linker().link(paper)
    assert "AC-GAN" in [i.name for i in linked.introduces]
    assert "AC-GAN" not in [link.method for link in linked.links]


def test_a_proposed_detector_keeps_its_acronym_that_a_dataset_of_the_catalog_has():
    # arXiv 1902.06289; the catalog's DTD is the Describable Textures Dataset
    paper = _paper(
        "Neural Network-Based Dynamic Threshold Detection for Non-Volatile Memories",
        "Therefore, we further propose a novel dynamic threshold detector (DTD), whose detection threshold can "
        "be derived based on the outputs of the proposed detectors.",
    )
    assert {i.name: i.aliases for i in _linker().introduced(paper)}["DTD"] == ["dynamic threshold detector"]


def test_a_redefined_catalogued_acronym_outside_an_own_noun_phrase_is_not_introduced():
    # arXiv 1905.10218 (an existing technique used for the first time) and cs/0508064 (the acronym names the
    # setting the detector is for)
    used = _paper(
        "Functional Segmentation through Dynamic Mode Decomposition: Automatic Quantification of Kidney Function",
        "Therefore, to address this issue, we present the first use of Dynamic Mode Decomposition (DMD) as a basis "
        "for automatic segmentation of a dynamic sequence. We find that the segmentation result obtained from our "
        "proposed DMD framework is comparable to that of expert observers.",
    )
    setting = _paper(
        "Layered Orthogonal Lattice Detector for Two Transmit Antenna Communications",
        "A novel detector for multiple-input multiple-output (MIMO) communications is presented. The algorithm "
        "belongs to the class of the lattice detectors.",
        year=2005,
    )
    assert "DMD" not in [i.name for i in _linker().introduced(used)]
    assert "MIMO" not in [i.name for i in _linker().introduced(setting)]


def test_two_quoted_names_after_new_methods_are_both_introduced():
    # arXiv 1903.07588
    abstract = (
        "This thesis presents a language-independent text classification model by introduced two new encoding "
        'methods "BUNOW" and "BUNOC" used for feeding the raw text data into a new CNN spatial architecture.'
    )
    found = [i.name for i in detect_introduced(_paper("A Multilingual Encoding Method for Text Classification", abstract), set(_known()))]
    assert found == ["BUNOW", "BUNOC"]


def test_a_counted_own_list_after_namely_introduces_each_model():
    # arXiv 1701.08303 (B-LSTM, the first item, is a catalog alias of BiLSTM, which the catalog dates earlier)
    abstract = (
        "In this paper, we present three models namely, {\\it B-LSTM}, {\\it AB-LSTM} and {\\it Joint AB-LSTM} "
        "based on long short-term memory (LSTM) network. All three models utilize word and position embedding as "
        "latent features."
    )
    found = [i.name for i in detect_introduced(_paper("Drug-Drug Interaction Extraction", abstract, 2017), set(_known()))]
    assert "AB-LSTM" in found
    assert "LSTM" not in found


def test_a_novel_modified_catalogued_network_takes_the_titles_spelling_as_its_name():
    # arXiv 1905.03922 and 1906.04913: the title writes the name, the abstract proposes it in lower case
    warp = _paper(
        "Spatio-temporal Video Re-localization by Warp LSTM",
        "To accurately localize the desired tubelets in the reference video, we propose a novel warp LSTM network, "
        "which propagates the spatio-temporal information for a long period.",
    )
    recurrent = _paper(
        "Recurrent U-Net for Resource-Constrained Segmentation",
        "In this paper, we introduce a novel recurrent U-Net architecture that preserves the compactness of the "
        "original U-Net, while substantially increasing its performance.",
    )
    assert {i.name: i.aliases for i in detect_introduced(warp, set(_known()))} == {"Warp LSTM": ["warp LSTM network"]}
    assert [i.name for i in detect_introduced(recurrent, set(_known()))] == ["Recurrent U-Net"]


def test_a_part_of_an_own_method_keeps_an_acronym_the_catalog_gives_another_method():
    # arXiv 1904.08056; the catalog's ENet is the real-time segmentation network of 2016
    paper = _paper(
        "DENet: A Universal Network for Counting Crowd with Varying Densities and Scales",
        "In this paper, we propose a simple but an efficient and effective network, named DENet, which is composed "
        "of two components, i.e., a detection network (DNet) and an encoder-decoder estimation network (ENet). We "
        "first use DNet to detect and count individuals.",
    )
    found = {i.name: i.aliases for i in _linker().introduced(paper)}
    assert found["DNet"] == ["detection network"]
    assert found["ENet"] == ["estimation network"]


def test_a_named_phrase_running_on_in_lower_case_to_its_short_form_names_the_short_form():
    # arXiv 1812.02591: not 'Bidirectional Human'
    abstract = (
        "Devoid of this, we propose a novel probabilistic generative approach called Bidirectional Human motion "
        "prediction GAN, or BiHMP-GAN. To be able to generate multiple probable human-pose sequences, we introduce "
        "a random extrinsic factor r."
    )
    found = {i.name: i.aliases for i in detect_introduced(_paper("BiHMP-GAN: Bidirectional 3D Human Motion Prediction GAN", abstract), set(_known()))}
    assert found == {"BiHMP-GAN": ["Bidirectional Human motion prediction GAN"]}


def test_catalogued_methods_listed_after_namely_with_their_own_long_forms_are_picked_not_introduced():
    # arXiv 1901.05850: the paper investigates three known architectures; LSTM and ResNet are the catalog's
    paper = _paper(
        "Fast Deep Learning for Automatic Modulation Classification",
        "We identify three architectures - namely, a Convolutional Long Short-term Deep Neural Network (CLDNN), a "
        "Long Short-Term Memory neural network (LSTM), and a deep Residual Network (ResNet) - that lead to typical "
        "classification accuracy values around 90% at high SNR.",
    )
    linked = _linker().link(paper)
    names = {i.name for i in linked.introduces}
    assert not names & {"LSTM", "ResNet"}
    assert {"LSTM", "ResNet"} <= {link.method for link in linked.links}
