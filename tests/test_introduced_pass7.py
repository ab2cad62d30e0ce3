"""Introduced names, the thirteenth session's pass (intro7): measures a paper proposes are not introduced names;
short forms after 'briefly,' / 'hereafter', definitions 'based on' a technique, counted new lists after a naming
word.

Sentences are from 2017-2019 arXiv abstracts of shared/data/arxiv-amds123 (quoted in part; none is from a
test set).
"""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker
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


def test_a_name_after_a_list_of_metrics_stays_introduced():
    # 1908.02300: a clause ending in 'metrics,' before the name is no apposition
    abstract = ("According to our benchmark with three handcrafted algorithms and nine performance metrics, RAPDNet "
                "outperforms all other algorithms in every performance category.")
    assert "RAPDNet" in names("Relative Afferent Pupillary Defect Screening through Transfer Learning", abstract)


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


def test_a_definition_based_on_a_technique_is_still_the_own_name():
    # 1909.01026: '(PSDNet) based on channel expansion' says what PSDNet builds on; '(DRL) based model' would
    # make DRL a technique
    abstract = ("The proposed Pointwise-Standard-Depthwise network (PSDNet) based on channel expansion with DWC has "
                "fewer number of parameters, less computational cost and higher accuracy than corresponding ResNet on "
                "CIFAR datasets.")
    assert "PSDNet" in names("PSDNet and DPDNet: Efficient channel expansion", abstract)
    technique = "We propose a deep reinforcement learning (DRL) based model for the task."
    assert "DRL" not in names("A study", technique)


@pytest.mark.parametrize(
    "title, abstract, name, alias",
    [
        # an adverb opens the parenthesis of the short form (1908.10521, 1811.06533)
        ("A Coarse-to-Fine Multi-stream Hybrid Deraining Network for Single Image Deraining",
         "To handle this issue, this paper proposes a new coarse-to-fine single image deraining framework termed "
         "Multi-stream Hybrid Deraining Network (shortly, MH-DerainNet).", "MH-DerainNet",
         "Multi-stream Hybrid Deraining Network"),
        ("Learning to Predict the Cosmological Structure Formation",
         "We build a deep neural network, the Deep Density Displacement Model (hereafter D$^3$M), to predict the "
         "non-linear structure formation of the Universe from simple linear perturbation theory.", "D$^3$M", None),
    ],
)
def test_a_short_form_after_briefly_or_hereafter_is_the_name(title, abstract, name, alias):
    found = {i.name: i.aliases for i in detect_introduced(Paper.create(title, abstract))}
    assert name in found and (alias is None or alias in found[name])


@pytest.mark.parametrize(
    "abstract, listed",
    [
        # 1701.03441: a counted list the sentence calls new, after 'called simply as'
        ("The experiments on two sequence datasets show that the three new variants, called simply as LSTM1, LSTM2, "
         "and LSTM3, can achieve comparable performance to the standard LSTM model with less (adaptive) parameters.",
         ["LSTM1", "LSTM2", "LSTM3"]),
        # 1805.07732
        ("In the policy evaluation setting, we design two new algorithms called distributional GTD2 and "
         "distributional TDC using the Cram{\\'e}r distance on the distributional version of the Bellman error "
         "objective function.", ["distributional GTD2", "distributional TDC"]),
    ],
)
def test_a_counted_new_list_after_a_naming_word_names_each_item(abstract, listed, catalog):
    # (with the catalog, which dates GTD2 before the paper: 'distributional GTD2' is new, GTD2 is not)
    paper = Paper.create("A study", abstract, year=2018)
    assert [i.name for i in detect_introduced(paper, Linker(catalog, compile=False).catalog_known)] == listed


def test_a_counted_list_of_techniques_names_nothing():
    # 1809.06121: no item of the list holds a name-like word
    abstract = ("Moreover, we deploy two new techniques, namely, episode-based hard update and dual buffer experience "
                "replay, to avoid feedback training loops.")
    assert names("A study", abstract) == []


@pytest.mark.parametrize(
    "title, abstract, expected",
    [
        # seq2seq is a generic family (guidelines); the paper's own PoDA is found behind it (1908.08206, 1905.08459)
        ("Denoising based Sequence-to-Sequence Pre-training for Text Generation",
         "This paper presents a new sequence-to-sequence (seq2seq) pre-training method PoDA (Pre-training of Denoising "
         "Autoencoders), which learns representations suitable for text generation tasks.", ["PoDA"]),
        ("Non-autoregressive text-to-spectrogram conversion",  # (title changed: the real one is a title name)
         "In this work, we propose a non-autoregressive seq2seq model that converts text to spectrogram.", []),
        # the opening of a long form, cut at 'for', is not a second name (1904.03339)
        ("ThisIsCompetition at SemEval-2019 Task 9: BERT is unstable for out-of-domain samples",
         "This paper describes our system, Joint Encoders for Stable Suggestion Inference (JESSI), for the SemEval 2019 "
         "Task 9: Suggestion Mining from Online Reviews and Forums.", ["JESSI"]),
        # a subtask the paper works on is not its coinage (1907.03070)
        ("Short Text Conversation Based on Deep Neural Network and Analysis on Evaluation Measures",
         "Thus, has initiated a new Short Text Conversation subtask called Dialogue Quality (DQ) and Nugget Detection "
         "(ND) which aim to automatically evaluate dialogues generated by chatbots.", []),
        # 'measures, namely the ...' names a measure (1904.08166, 1908.04197)
        ("Analysing Neural Network Topologies: a Game Theoretic Approach",
         "Therefore, in our work we investigate game theoretic measures, namely the Shapley value (SV), in order to "
         "separate relevant from irrelevant parts of an artificial neural network.", []),
        ("Deep Tone Mapping Operator for High Dynamic Range Images",
         "To further leverage on the large-scale availability of unlabeled HDR data, we train our network by generating "
         "targets using an objective HDR quality metric, namely Tone Mapping Image Quality Index (TMQI).", []),
    ],
)
def test_generic_families_subtasks_measures_and_cut_long_forms_are_not_names(title, abstract, expected):
    assert names(title, abstract) == expected


@pytest.mark.parametrize(
    "abstract, name",
    [
        # 1904.09646, 1907.10244, 1908.05317: a Title Case phrase after 'namely' in a sentence about something new
        ("The assignment is learned with a novel variant of routing-by-agreement mechanism (Sabour et al., 2017), "
         "namely Guided Dynamic Routing, in which what to translate at current decoding step guides the routing "
         "process.", "Guided Dynamic Routing"),
        ("We redefine the task as finding the spatial transform between adjacent frames and propose a new neural "
         "network architecture that combines the two abovementioned approaches, namely Adaptive Deformable "
         "Convolution.", "Adaptive Deformable Convolution"),
        ("For hand-crafted machine learning approach, we propose new feature descriptor, namely Superpixel Color "
         "Descriptor.", "Superpixel Color Descriptor"),
    ],
)
def test_a_title_case_phrase_after_namely_and_a_new_thing_is_its_name(abstract, name):
    assert names("A study", abstract) == [name]


def test_namely_before_listed_things_names_nothing():
    # 1810.06619: no new thing before 'namely', and the phrase lists two things
    abstract = ("In this paper, we present our contribution and results on the automatic diacritization of two "
                "sub-dialects of Maghrebi Arabic, namely Tunisian and Moroccan, using a character-level deep neural "
                "network architecture.")
    assert names("A study", abstract) == []


@pytest.mark.parametrize(
    "title, expected",
    [
        # a title prefix 'A and B:' of two name-like tokens names both (1909.01026, 1905.11640)
        ("PSDNet and DPDNet: Efficient channel expansion, Depthwise-Pointwise-Depthwise Inverted Bottleneck Block",
         ["PSDNet", "DPDNet"]),
        ("AmoebaContact and GDFold: a new pipeline for rapid prediction of protein structures",
         ["AmoebaContact", "GDFold"]),
        # not two names: 'Divide and Generate: ...' (1901.10196)
        ("Divide and Generate: Neural Generation of Complex Sentences", []),
    ],
)
def test_a_title_prefix_of_two_names_names_both(title, expected):
    assert names(title, "We study the problem.") == expected
