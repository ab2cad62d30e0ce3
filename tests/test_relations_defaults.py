"""Relation typing where a default decided wrongly on unseen arXiv abstracts (the FIT tuning set, tune5 + tune6's first
240 papers, and the unlabelled arXiv corpus): a use inside the phrase a comparison is against, a model a comparison is
made on, a 'than' with no rival, 'contrary to' a method, a fronted setting of the paper's own result, and generic
subjects that are no description of the paper's own system."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import load_catalog
from relwork.linker.pipeline import link_corpus
from relwork.linker.relations import type_relation

from relation_span import type_mention as _type


@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # 1907.07366: the baselines the paper outperforms are those using TF-IDF and pre-trained models
        ("The performance indicates our F1 scores reach over 91% and outperform several baselines, including those "
         "using TF-IDF, LIWC and pre-trained language models (ELMO and BERT).", "TF-IDF", "outperform ... using"),
        # ('and pre-trained language models' is a noun phrase after list glue: the compared phrase's use word is 'using')
        ("The performance indicates our F1 scores reach over 91% and outperform several baselines, including those "
         "using TF-IDF, LIWC and pre-trained language models (ELMO and BERT).", "BERT", "outperform ... using"),
        # 1905.10858
        ("The reported results demonstrate that our approach focused on visual and textual data outperforms "
         "state-of-the-art algorithms only based on appearance, such as standard Faster R-CNN.", "Faster R-CNN",
         "outperforms ... based on"),
    ],
)
def test_type_relation_use_inside_compared_phrase_compares_to(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("compares_to", cue)


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # a bare 'compare the accuracy of ... using X and Y' compares the methods it runs among themselves
        ("We compare the accuracy of predicting the next binary sensor event using probabilistic methods and Long "
         "Short-Term Memory (LSTM) networks, include the time information to improve prediction accuracy.", "LSTM"),
        # the paper's means, not the compared systems'
        ("Our model outperforms the baselines by using BERT embeddings.", "BERT"),
    ],
)
def test_type_relation_use_outside_compared_phrase_builds_on(sentence, surface):
    assert _type(sentence, surface).relation == "builds_on"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1906.02012: the speedup is measured against fully-connected layers, on AlexNet and VGG16
        ("Additionally, our method achieves 124x and 115x speedup ratio compared with fully-connected layers on AlexNet "
         "and VGG16 without accuracy decline.", "VGG16"),
        # 1902.00918: the compression is compared with other approaches, on VGG-16
        ("Extensive experiments on large-scale convolutional neural networks demonstrate that MICIK is superior over "
         "state-of-the-art model compression approaches with 16X parameter reduction on VGG-16 and 6X on GoogLeNet, all "
         "without accuracy loss.", "VGG-16"),
    ],
)
def test_type_relation_model_named_on_after_comparison_builds_on(sentence, surface):
    result = _type(sentence, surface)
    assert result.relation == "builds_on" and result.cue.endswith("... on")


def test_type_relation_quantity_than_is_no_comparison():
    # 1811.00250 (FIT): 'more than 52%' is a quantity; the paper (FPGM) prunes ResNet-110
    sentence = "Notably, on CIFAR-10, FPGM reduces more than 52% FLOPs on ResNet-110 with even 2.69% relative accuracy improvement."
    assert _type(sentence, "ResNet-110").relation == "mentions"
    assert _type(sentence, "ResNet-110", own=("FPGM",)).relation == "builds_on"


def test_type_relation_compared_with_model_stays_compares_to():
    # 'with' names the compared systems' part: "outperform ... those with WaveNet vocoders"
    sentence = ("Experimental results verify that the proposed SPSS systems with speaker-adaptive neural vocoders "
                "outperform those with traditional source-filter model-based vocoders and those with WaveNet vocoders.")
    assert _type(sentence, "WaveNet").relation == "compares_to"


def test_type_relation_than_without_rival_is_no_comparison():
    # 1903.12519 (FIT): nothing is compared with ResNet-34; the paper's system defends it
    sentence = ("We present a training system, which can provably defend significantly larger neural networks than "
                "previously possible, including ResNet-34 and DenseNet-100.")
    assert _type(sentence, "ResNet-34").relation != "compares_to"
    # a share of a named model is still a comparison with it
    sentence = ("Our network achieves 84.9% mAP on VOC2007 while the required compute is less than 10% of the recent "
                "ResNet-101.")
    assert _type(sentence, "ResNet-101").relation == "compares_to"


def test_type_relation_improvement_in_measure_over_compares_to():
    # 1812.08196 (FIT)
    sentence = ("We focus on face images from the CelebA dataset in our work and show visual as well as quantitative "
                "improvements in face generation and completion tasks over other GAN approaches, including WGAN and LSGAN.")
    result = _type(sentence, "LSGAN")
    assert (result.relation, result.cue) == ("compares_to", "improvements in face generation and completion tasks over")


@pytest.mark.parametrize(
    ("sentence", "surface", "relation"),
    [
        # 1904.03486: a contrast with a method, as 'unlike' is
        ("Contrary to i-vectors, speaker embeddings such as x-vectors are incapable of leveraging unlabelled "
         "utterances, due to the classification loss over training speakers.", "i-vectors", "mentions"),
        # contrary to findings sets results side by side
        ("Contrary to previous reports [12], the ResNet baseline did not converge.", "ResNet", "compares_to"),
    ],
)
def test_type_relation_contrary_to(sentence, surface, relation):
    assert _type(sentence, surface).relation == relation


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1810.01279 (FIT)
        ("On CIFAR-10 with VGG network, our model leads to 14% accuracy improvement compared with adversarial training "
         "and random self-ensemble under PGD attack.", "VGG"),
        # 1809.07069
        ("In a default Mask R-CNN setup, we achieve a training speed-up and a relative overall improvement of 8.1% on "
         "the MS COCO metrics compared to the baseline.", "Mask R-CNN"),
    ],
)
def test_type_relation_fronted_setting_of_own_result_builds_on(sentence, surface):
    assert _type(sentence, surface).relation == "builds_on"


def test_type_relation_fronted_own_voice_is_no_setting():
    # ACL-ARC: 'In this paper' is the paper's voice, not the setting of a result; the span is the first token
    sentence = ("In this paper , we extend two classes of model adaptation methods , which have been well studied in "
                "statistical language modeling , to ranking models for Web search applications .")
    assert type_relation(sentence, 0, 2).relation == "mentions"


def _sentence_links(title: str, abstract: str, opening: str):
    (linked,) = link_corpus([Paper.create(title, abstract)], load_catalog())
    return [l for l in linked.links if l.field == "abstract" and l.evidence.startswith(opening)]


def test_settle_paper_class_examples_making_a_claim_are_no_own_description():
    # 1904.01355: the detectors anchor boxes are the field's, which FCOS does without
    links = _sentence_links(
        "FCOS: Fully Convolutional One-Stage Object Detection",
        "We propose a fully convolutional one-stage object detector (FCOS) to solve object detection in a per-pixel "
        "prediction fashion, analogue to semantic segmentation. Almost all state-of-the-art object detectors such as "
        "RetinaNet, SSD, YOLOv3, and Faster R-CNN rely on pre-defined anchor boxes. In contrast, our proposed detector "
        "FCOS is anchor-box free, as well as proposal free.",
        "Almost all",
    )
    assert {l.method for l in links} >= {"RetinaNet", "Faster R-CNN"}
    assert {l.relation for l in links} == {"mentions"}


def test_settle_paper_definition_of_method_is_no_own_description():
    # 1906.02482: the paper builds on ILRMA (first sentence); the definition sentence itself is no description
    links = _sentence_links(
        "Efficient Full-Rank Spatial Covariance Estimation Using Independent Low-Rank Matrix Analysis for Blind Source "
        "Separation",
        "In this paper, we propose a new algorithm that efficiently separates a directional source and diffuse "
        "background noise based on independent low-rank matrix analysis (ILRMA). ILRMA is one of the state-of-the-art "
        "techniques of blind source separation (BSS) and is based on a rank-1 spatial model.",
        "ILRMA is one of",
    )
    assert links and {l.relation for l in links} == {"mentions"}


def test_settle_paper_own_system_description_still_builds_on():
    # the paper's system described after its proposal keeps its methods (no generic subject)
    links = _sentence_links(
        "Speech Enhancement with Masks",
        "We propose a speech enhancement method based on time-frequency masks. The masks are found using a temporal "
        "convolutional network (TCN) consisting of stacked 1-D dilated convolutional blocks.",
        "The masks",
    )
    assert links and {l.relation for l in links} == {"builds_on"}


@pytest.mark.parametrize("surface", ["GRU", "UGRNN"])
def test_type_relation_relative_clause_of_own_name_builds_on(surface):
    # 1902.02390 (FIT): every verb of ', which ...' has the antecedent, the paper's EXAMM, as subject
    sentence = ("This paper presents a new algorithm, Evolutionary eXploration of Augmenting Memory Models (EXAMM), which "
                "is capable of evolving recurrent neural networks (RNNs) using a wide variety of memory structures, such "
                "as Delta-RNN, GRU, LSTM, MGU and UGRNN cells.")
    assert _type(sentence, surface, own=("EXAMM",)).relation == "builds_on"
    assert _type(sentence, surface).relation == "mentions"  # an unnamed antecedent stays unknown


def test_type_relation_relative_clause_with_perfect_is_background():
    # 1906.02909: 'which has been problematic even using Batch Normalization' reports the field's experience
    sentence = ("Finally, we demonstrate that AutoGrow enables the training of deeper plain networks, which has been "
                "problematic even using Batch Normalization.")
    assert _type(sentence, "Batch Normalization", own=("AutoGrow",)).relation == "mentions"


@pytest.mark.parametrize(
    ("sentence", "surface", "relation"),
    [
        # 1909.00182: the baseline runs without the method
        ("However, this work shows a common phenomenon that the Conv-BN module does not necessarily outperform the "
         "networks trained without using BN, especially when data augmentation is presented in training.", "BN",
         "mentions"),
        ("We train the detector from scratch instead of using a pre-trained ResNet.", "ResNet", "mentions"),
        # the negated verb's object is another phrase: the method is used
        ("In this paper, extensive experiments show that without using any external features, a simple BERT-based "
         "model can achieve state-of-the-art performance.", "BERT", "builds_on"),
        ("We do not only use BERT but also GPT-2.", "BERT", "builds_on"),
    ],
)
def test_type_relation_negated_use(sentence, surface, relation):
    assert _type(sentence, surface).relation == relation


def test_type_relation_prior_word_of_another_phrase_leaves_own_voice():
    # 1905.02851 (FIT): 'traditional' modifies the IR system, not BERT, which the proposed system uses
    sentence = ("In this study, we propose a FAQ retrieval system that considers the similarity between a user's query and "
                "a question computed by a traditional unsupervised information retrieval system, as well as the relevance "
                "between the query and an answer computed by the recently-proposed BERT model.")
    assert _type(sentence, "BERT").relation == "builds_on"
    # near the mention it still makes the clause someone else's
    assert _type("We note that traditional Transformer models fall short.", "Transformer").relation == "mentions"
