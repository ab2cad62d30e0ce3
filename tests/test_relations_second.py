"""Relation typing of the rel8 pass, on real sentences of arXiv abstracts (tuning gold sets and the unlabelled
arxiv-amds123 sample; ids given): the second relation of a paper that both builds on and compares with a method,
which side of a comparison a mention is on, measures set beside another method's, participles before a name, and
descriptions of the paper's own system after a stated proposal."""

from __future__ import annotations

import pytest

from relation_span import link_one, relation_set
from relation_span import type_mention as _type


def _linked(title: str, abstract: str):
    return link_one(title, abstract, year=2019)


_relations = relation_set


def test_named_after_comparison_keeps_compares_to_and_adds_builds_on():
    # 1811.02566 (tune7): "QLSTMs are compared to LSTMs" is the sentence nearest the new name QLSTM
    linked = _linked(
        "Bidirectional Quaternion Long-Short Term Memory Recurrent Neural Networks for Speech Recognition",
        "Recurrent neural networks (RNN) are at the core of modern automatic speech recognition (ASR) systems. In "
        "particular, long-short term memory (LSTM) recurrent neural networks have achieved state-of-the-art results in "
        "many speech recognition tasks, due to their efficient representation of long and short term dependencies in "
        "sequences of inter-dependent features. Nonetheless, internal dependencies within the element composing "
        "multidimensional features are weakly considered by traditional real-valued representations. We propose a novel "
        "quaternion long-short term memory (QLSTM) recurrent neural network that takes into account both the external "
        "relations between the features composing a sequence, and these internal latent structural dependencies with the "
        "quaternion algebra. QLSTMs are compared to LSTMs during a memory copy-task and a realistic application of speech "
        "recognition on the Wall Street Journal (WSJ) dataset. QLSTM reaches better performances during the two "
        "experiments with up to $2.8$ times less learning parameters, leading to a more expressive representation of "
        "the information.",
    )
    assert _relations(linked, "LSTM") == {"builds_on", "compares_to"}
    named = [l for l in linked.links if l.method == "LSTM" and l.cue.startswith("named after it")]
    assert [l.relation for l in named] == ["builds_on"]


@pytest.mark.parametrize(
    ("sentence", "own_side", "compared"),
    [
        # 1901.00708 (tune6): the proposed decoder is the paper's side, the Kalman filter what it is compared with
        ("We compare offline decoding performance of the proposed LSTM decoder to a commonly used Kalman filter (KF) "
         "decoder on hand kinematics prediction tasks from multichannel LFPs.", "LSTM", "Kalman filter"),
        # 1807.08435 (unlabelled)
        ("We also compare the results of our Long Short-Term Memory Recurrent Neural Network based models to Logistic "
         "Regression, XGBoost and multi-layer perceptron based approaches to the problem.",
         "Long Short-Term Memory", "Logistic Regression"),
    ],
)
def test_compare_our_x_with_y_builds_on_x_and_compares_to_y(sentence, own_side, compared):
    assert _type(sentence, own_side).relation == "builds_on"
    assert _type(sentence, compared).relation == "compares_to"


def test_compare_our_method_and_x_still_compares_x():
    # list glue after 'our method': the mention is the next compared item, not part of the paper's side
    assert _type("We compare our method and BERT on three tasks.", "BERT").relation == "compares_to"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1906.01661 (tune2): the finding 'suggest that' opens a new clause after the compared baseline
        ("Comparisons to a feedforward baseline suggest that the temporal change learned by the LSTM is syntactic "
         "rather than purely lexical.", "LSTM"),
        # 1812.11703 (tune7): 'and they cannot ...' ends what the trackers are compared with
        ("However, Siamese trackers still have accuracy gap compared with state-of-the-art algorithms and they cannot "
         "take advantage of feature from deep networks, such as ResNet-50 or deeper.", "ResNet-50"),
    ],
)
def test_comparison_object_ends_at_a_new_clause(sentence, surface):
    assert _type(sentence, surface).relation != "compares_to"


def test_methods_compared_among_themselves_keep_the_among_rule():
    # 1704.08792 (unlabelled): 'comparing the different algorithms ... and show that': the search algorithms the paper runs
    sentence = ("We present experiments comparing the different algorithms on CIFAR-10 and show that MCTS and SMBO "
                "outperform random search.")
    result = _type(sentence, "SMBO")
    assert (result.relation, result.cue) == ("builds_on", "comparing (among)")


@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # 1909.00125 (tune6): 'and pre-trained deep neural network (VGG-16)' is a noun phrase; 'we used' governs
        ("For the classification task, we used Local Binary Patterns (LBP), Histogram of Oriented Gradients (HOG) and "
         "pre-trained deep neural network (VGG-16) as feature extractors and trained logistic regression, k-nearest "
         "neighbors, and decision tree classifiers on the extracted features.", "VGG-16", "used"),
        # 1906.09165 (unlabelled): ', combined with' heads a reduced clause, so the participle stays the verb
        ("We investigate a late-fusion approach to piano transcription, combined with a strong temporal prior in the form "
         "of a handcrafted Hidden Markov Model (HMM).", "Hidden Markov Model", "combined"),
    ],
)
def test_participle_after_list_glue(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("builds_on", cue)


def test_participle_after_glue_without_a_verb_further_left_is_read_as_before():
    # a SciCite test sentence (citation marker as the span): no use verb further left, so no use
    sentence = ("Several investigations represented both occurrence and severity of CIN were well correlated with "
                "improved survivals in various cancers [5, 6, 8].")
    assert _type(sentence, "[5, 6, 8]").relation == "mentions"


@pytest.mark.parametrize(
    ("sentence", "surface", "own", "cue"),
    [
        # 1908.05969 (tune8)
        ("Experimental study on four benchmark Chinese NER datasets shows that our method can achieve much faster "
         "inference speed, comparative or better performance over Lattice-LSTM and its follwees.", "Lattice-LSTM", (),
         "better performance over"),
        # 1810.00434 (tune6)
        ("Experiments on the KITTI dataset show that CaTDet reduces operation count by 5.1-8.7x with the same mean "
         "Average Precision(mAP) as the single-model Faster R-CNN detector and incurs additional delay of 0.3 frame.",
         "Faster R-CNN", ("CaTDet",), "same mean Average Precision(mAP) as"),
        # 1909.01026 (tune6)
        ("Meanwhile, the number of parameters of DPDNet is only about 60% of that of MobileNetV2 for networks with the "
         "same number of layers, but can achieve approximated accuracy.", "MobileNetV2", ("DPDNet",), "60% of that of"),
        # 1904.11738 (unlabelled)
        ("Experiments show that the Deep-IRT model retains the performance of the DKVMN model, while it provides a direct "
         "psychological interpretation of both students and items.", "DKVMN", ("Deep-IRT",), "retains the performance of"),
    ],
)
def test_measure_set_beside_the_methods_compares(sentence, surface, own, cue):
    result = _type(sentence, surface, own=own)
    assert (result.relation, result.cue) == ("compares_to", cue)


def test_measure_comparison_of_someone_else_is_no_comparison_of_the_paper():
    # a SciCite test sentence: the subject is prior work, not the paper
    sentence = ("suggested that 750 laparoscopic radical prostatectomies were necessary in order to reach results "
                "equivalent to the open approach [23].")
    assert _type(sentence, "[23]").relation == "mentions"


def test_relative_clause_of_the_proposal_sentence_is_the_papers():
    # 1908.11439 (tune8): 'which' follows the space, but the sentence states the paper's proposal
    sentence = ("We propose a method for mapping human property knowledge onto a distributional semantic space, which "
                "adapts the word2vec architecture to the task of modelling concept features.")
    result = _type(sentence, "word2vec")
    assert (result.relation, result.cue) == ("builds_on", "adapts")


SKIN_CANCER = (  # 1905.08610 (tune7): the proposal is stated as 'This proposed solution', never with 'we'
    "The advances in technology have enabled people to access internet from every part of the world. But to date, "
    "access to healthcare in remote areas is sparse. This proposed solution aims to bridge the gap between specialist "
    "doctors and patients. This prototype will be able to detect skin cancer from an image captured by the phone or any "
    "other camera. The network is deployed on cloud server-side processing for an even more accurate result. The Deep "
    "Residual learning model has been used for predicting the probability of cancer for server side The ResNet has three "
    "parametric layers. Each layer has Convolutional Neural Network, Batch Normalization, Maxpool and ReLU. Currently the "
    "model achieves an accuracy of 77% on the ISIC - 2017 challenge."
)


@pytest.mark.parametrize("method", ["Batch Normalization", "ReLU"])
def test_own_system_described_after_this_proposed_solution_builds_on(method):
    linked = _linked("Skin Cancer Recognition using Deep Residual Network", SKIN_CANCER)
    assert _relations(linked, method) == {"builds_on"}


def test_passive_procedure_before_the_proposed_x_is_not_motivation():
    # 1807.07658 (tune8): 'The proposed CNN' comes after the method section; the ResNet use there stays the paper's
    linked = _linked(
        "Deriving star cluster parameters with convolutional neural networks. I. Age, mass, and size",
        "Context. Convolutional neural networks (CNNs) have been proven to perform fast classification and detection on "
        "natural images and have potential to infer astrophysical parameters on the exponentially increasing amount of "
        "sky survey imaging data. Aims. Develop a CNN-based algorithm aimed to simultaneously derive ages, masses, and "
        "sizes of star clusters directly from multi-band images. Methods. A CNN was constructed based on the deep "
        "residual network (ResNet) architecture and trained on simulated images of star clusters with various ages, "
        "masses, and sizes. Results. The proposed CNN was verified on mock images of artificial clusters and has "
        "demonstrated high precision and no significant bias.",
    )
    assert _relations(linked, "ResNet") == {"builds_on"}
