"""Variant spellings link their catalogued base, compounds of two catalogued methods link both, and a longer
catalogued name wins over the entry inside it. Sentences are quoted from arXiv abstracts
(../shared/data/arxiv-amds123)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog
from relwork.linker.matcher import hyphen_prefix_ok, variants


@pytest.fixture(scope="module")
def linker():
    return Linker(load_catalog())


def _methods(linker: Linker, sentence: str) -> set[str]:
    linked = linker.link(Paper(id="x", title="", abstract=sentence))
    return {link.method for link in linked.links if link.kind == "method"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("We design a two-stage approach that employs the Fast-YOLO object detector for counter detection and "
         "evaluates three different CNN-based approaches for counter recognition.", {"YOLO"}),
        ("We conduct extensive experiments on three famous benchmarks (PASCAL VOC 2007, KITTI, and COCO), and "
         "compare Tiny-DSOD to the state-of-the-art ultra-efficient object detection solutions such as Tiny-YOLO, "
         "MobileNet-SSD (v1 & v2), SqueezeDet, Pelee, etc.",
         {"DSOD", "YOLO", "MobileNet", "SSD", "SqueezeDet", "PeleeNet"}),
    ],
)
def test_speed_and_size_prefixes_name_the_base_method(linker, sentence, expected):
    assert expected <= _methods(linker, sentence)


def test_qualifier_prefix_is_lower_case_or_a_speed_word_only():
    assert hyphen_prefix_ok("Tiny-YOLO", 5) and hyphen_prefix_ok("Lite-BERT", 5)
    assert not hyphen_prefix_ok("Vision-Mamba", 7) and not hyphen_prefix_ok("S-Mamba", 2)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The experimental results show that the proposed method maintains high detection accuracy while "
         "reducing the model size of DarkNet-YOLO from 257 MB to 8.8 MB and MobileNet-YOLO from 193 MB to 7.9 MB.",
         {"MobileNet", "YOLO"}),
        ("In conventional LSTM-CTC based models, a bottleneck projection matrix maps the hidden feature vectors "
         "obtained from LSTM to softmax output layer.", {"LSTM", "CTC"}),
        ("More importantly, for ResNet-50-FPN Mask R-CNN, our method improves the AP and AP90 by 1.8% and 6.2% "
         "respectively, which significantly outperforms previous state-of-the-art bounding box refinement methods.",
         {"ResNet", "FPN", "Mask R-CNN"}),
    ],
)
def test_compound_of_two_catalogued_methods_links_both(linker, sentence, expected):
    assert expected <= _methods(linker, sentence)


def test_compound_with_an_uncatalogued_half_is_no_mention_of_the_other(linker):
    # 'HAL' is no catalogued method: 'HAL-RetinaNet' is another model, not RetinaNet
    found = linker.matcher.find("We compared our results with HAL-RetinaNet.")
    assert [m.name for m in found] == []
    assert [m.name for m in linker.matcher.find("ViT-CoMer is a backbone for dense prediction.")] == []


def test_name_inside_a_refused_compound_is_no_mention_either(linker):
    # arXiv 1908.07801 (tune-arxiv-7): 'R101-Mask R-CNN' is refused as another name (name-like prefix), and the
    # R-CNN inside it is not the 2014 detector; a plain 'Mask R-CNN' in the same abstract still links
    sentence = ("With the guidance of such map, we boost the performance of R101-Mask R-CNN on instance "
                "segmentation from 35.7 mAP to 37.9 mAP without modifying the backbone or network structure.")
    assert linker.matcher.find(sentence) == []
    assert [m.name for m in linker.matcher.find("we are able to improve the performance of Mask R-CNN for 1.7 "
                                                 "mAP on COCO dataset")] == ["Mask R-CNN", "COCO"]



@pytest.mark.parametrize(
    "sentence, described, named",
    [
        # arXiv 1906.05394 (tune-arxiv-8)
        ("(2) a neural reading comprehension model using the pre-trained bi-directional transformer BERT.",
         "Transformer", "BERT"),
        # arXiv 1907.03064 and 1907.05023 (unlabelled): the family words are the derived model's long form
        ("We make use of factorised time-delay neural networks (TDNN-F) for acoustic modelling", "TDNN", "TDNN-F"),
        ("The results show that our proposed approach outperforms the basic Inflated inception-v1 (I3D) in terms of "
         "an average of F1-score", "GoogLeNet", "I3D"),
    ],
)
def test_lower_case_family_words_right_before_a_derived_method_describe_it(linker, sentence, described, named):
    methods = _methods(linker, sentence)
    assert named in methods and described not in methods


def test_family_word_apart_from_the_derived_method_still_links(linker):
    # arXiv 1905.07504 (unlabelled): 'transformer language model' is the architecture, BERT a separate example
    sentence = ("Recent advances, such as GPT and BERT, have shown success in incorporating a pre-trained transformer "
                "language model and fine-tuning operation to improve downstream NLP systems.")
    assert {"Transformer", "BERT"} <= _methods(linker, sentence)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Besides a previously proposed, patch-based method based on convolutional neural networks, a novel "
         "classification method on image level (based on a pre-trained Inception V.3 network with dedicated "
         "preprocessing and interpretation of class activation maps) is proposed and evaluated.",
         {"Inception-v3", "CAM"}),
        ("For our experiments, we train the Faster R-CNN for pedestrian detection and report the added effect of "
         "saliency maps generated using static and deep methods (PiCA-Net and R3-Net).",
         {"Faster R-CNN", "PiCANet", "R3Net"}),
        ("To further improve our model, we add the attention mechanism of SE-Net.", {"SENet"}),
    ],
)
def test_split_pieces_and_spelled_versions_link(linker, sentence, expected):
    assert _methods(linker, sentence) == expected


def test_version_variants_are_written_apart_or_spelled_out():
    assert {"inception v 3", "inception version 3", "inception v3", "inceptionv3"} <= variants("Inception-v3")
    assert {"pica net", "picanet"} <= variants("PiCANet")
    # an inner single letter joins up only when everything does; a final one never ('Shap-E' is not 'shape')
    assert "fasterrcnn" in variants("Faster R-CNN") and "fasterr cnn" not in variants("Faster R-CNN")
    assert "shape" not in variants("Shap-E")


@pytest.mark.parametrize(
    "sentence, expected, absent",
    [
        ("Our results show that our unsupervised method has a higher or similar F1-score when compared to two fully "
         "supervised methods that are based on Hidden Conditional Random Fields (HCRF), and has comparable accuracy "
         "with the current best supervised HCRF-based method.", {"HCRF"}, "CRF"),
        ("Previous work has shown that Recurrent Highway Networks minimize the problem of vanishing or exploding "
         "gradients.", {"Recurrent Highway Network"}, "Highway Network"),
    ],
)
def test_longer_catalogued_name_wins_over_the_entry_inside(linker, sentence, expected, absent):
    found = _methods(linker, sentence)
    assert expected <= found and absent not in found


def test_gan_metrics_are_unscored_entries_not_inception_models(linker):
    linked = linker.link(Paper(id="x", title="", abstract=(
        "For quality evaluation of generated images, we use the Fr\\'echet Inception Distance (FID), which "
        "compares the similarity between the generated image distribution and that of the training dataset.")))
    assert {(link.method, link.kind) for link in linked.links} == {("FID", "dataset")}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Furthermore, the quantized representations of the learned code and importance map are still spatially "
         "dependent, which can be losslessly compressed using arithmetic coding.", {"arithmetic coding"}),
        ("ALFA is based on agglomerative clustering of object detector predictions taking into consideration both "
         "the bounding box locations and the class scores.", {"agglomerative clustering"}),
        ("The first approach is based on the mention detection part of a state-of-the-art coreference resolution "
         "system; the second uses ELMo embeddings together with a bidirectional LSTM and a biaffine classifier; the "
         "third approach uses the recently introduced BERT model.", {"ELMo", "LSTM", "Deep Biaffine Attention", "BERT"}),
        ("Actually, the SANL block is constructed from the non-local block in the residual manner which can learn "
         "the spatial related representation by taking a spatial attention map from Grad-CAM.",
         {"Non-local Neural Network", "Grad-CAM"}),
        ("Specifically, the introduced model can be formed by batch normalizing the inputs at each recurrence loop.",
         {"Batch Normalization"}),
        ("Lastly, focal loss is utilized to solve the problem of remarkably imbalance of the tumor regions and "
         "background.", {"Focal Loss"}),
        ("Specifically, we first employ a gradient reversal layer to remove variations across different channels.",
         {"Gradient Reversal Layer"}),
        ("To exploit this dynamically provided information, we adapt a state-of-the-art VQA model with two techniques "
         "from the recent meta learning literature, namely prototypical networks and meta networks.",
         {"Prototypical Networks"}),
    ],
)
def test_named_techniques_written_as_phrases_link(linker, sentence, expected):
    assert _methods(linker, sentence) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a tuning paper's title: the catalog spells TRPO's long form 'Optimization'
        ("On-Policy Trust Region Policy Optimisation with Ordinal Regression", {"TRPO"}),
        # 1905.12786
        ("In this paper we describe a new QPR system implemented as a Neural Information Retrieval (NIR) system "
         "consisting of a neural network sentence encoder and an approximate k-Nearest Neighbour index for efficient "
         "vector retrieval.", {"k-NN"}),
        # 1901.11436
        ("We show how time-frequency analysis and nonnegative matrix factorisation can be jointly formulated as a "
         "spectral mixture Gaussian process model with nonstationary priors over the amplitude variance parameters.",
         {"NMF"}),
    ],
)
def test_british_spelling_of_a_long_form_links_its_method(linker, sentence, expected):
    assert expected <= _methods(linker, sentence)


def test_spelling_variants_change_long_words_only_never_acronyms():
    from relwork.linker.matcher import _british_spelled

    assert "layer normalization" in _british_spelled("Layer Normalisation", variants("Layer Normalisation"))
    assert "k nearest neighbours" in _british_spelled("k-Nearest Neighbors", variants("k-Nearest Neighbors"))
    # an acronym and a '-wise' word keep their one spelling
    assert _british_spelled("OPTIMIZER", variants("OPTIMIZER")) == variants("OPTIMIZER")
    assert _british_spelled("Piecewise", variants("Piecewise")) == variants("Piecewise")
