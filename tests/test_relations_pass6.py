"""Relation typing, sixth relation pass: shapes counted on 18,795 unlabelled arXiv abstracts before they changed.
A use participle or noun inside the compared phrase belongs to the comparison ('better results than keywords extracted
with tf-idf', 'outperform the benchmark method of A*'), unless a setting follows the noun ('implementations of PyTorch
by 3.5x for the U-net architecture'); 'this study' is the paper's voice, not its findings set beside others'.
Sentences are from arXiv abstracts."""

from __future__ import annotations

import pytest

from relation_span import type_mention as _type


@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # 1906.07591: the participle modifies the compared keywords
        ("In this setting, the set of extracted keywords are yielding better search results than keywords extracted "
         "with traditional methods such as tf-idf.", "tf-idf", "better search results than ... extracted with"),
        # 1906.08809: 'method of' names what is compared
        ("The results indicate that the approach can outperform the benchmark method of a sequential A* method, "
         "suggesting a promising potential for deep reinforcement learning for global routing.", "A*",
         "outperform ... method of"),
        # 1811.12607
        ("Cross-subject validation results show promising performance of PressNET, significantly outperforming the "
         "baseline method of K-Nearest Neighbors.", "K-Nearest Neighbors", "outperforming ... method of"),
        # 1908.06288: 'those generated using' is the compared side
        ("We evaluate our method on an image captioning task, and find that the generated captions are longer and more "
         "diverse than those generated using standard beam search, with higher BLEU scores.", "beam search",
         "longer and more diverse than ... generated using"),
    ],
)
def test_type_relation_use_inside_compared_phrase_compares_to(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("compares_to", cue)


def test_type_relation_compared_implementations_listed_compare():
    # 1905.10915: 'implementations' is a noun of the compared phrase, not the paper's use verb
    sentence = ("The performance of SpecNet is evaluated on three competitive object recognition benchmark tasks (MNIST, "
                "CIFAR-10, and SVHN), and compared with four state-of-the-art implementations (LeNet, AlexNet, VGG, and "
                "DenseNet).")
    for surface in ("LeNet", "AlexNet", "VGG", "DenseNet"):
        assert _type(sentence, surface, own=("SpecNet",)).relation == "compares_to"


def test_type_relation_setting_after_compared_noun_is_not_compared():
    # 1903.07525: U-Net is the model the comparison runs on, not one of the compared implementations
    sentence = ("PZNet outperforms MKL-based CPU implementations of PyTorch and Tensorflow by more than 3.5x for the "
                "popular U-net architecture.")
    assert _type(sentence, "U-net", own=("PZNet",)).relation != "compares_to"


def test_type_relation_use_verb_without_comparison_still_builds_on():
    # the widened participles only join a comparison; alone they stay the paper's use
    sentence = "We propose a retrieval model whose features are extracted with tf-idf and ranked by our network."
    assert _type(sentence, "tf-idf").relation == "builds_on"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1902.06927
        ("This study tackles speaker-dependent tongue motion prediction problem in unlabeled ultrasound videos with "
         "convolutional long short-term memory (ConvLSTM) networks.", "ConvLSTM"),
        # 1905.00229
        ("This study offers important insights into the driving style optimization of general-purpose planners with "
         "maximum entropy inverse reinforcement learning.", "maximum entropy inverse reinforcement learning"),
        # 1901.01502
        ("In the present study, the Class Activation Mapping (CAM) is utilized to analyze how the log-Mel features of "
         "different acoustic scenes are learned in a CNN classifier.", "Class Activation Mapping"),
    ],
)
def test_type_relation_this_study_is_own_voice_not_findings(sentence, surface):
    assert _type(sentence, surface).relation == "builds_on"



@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # 1811.09030: 'augmentation' is the compared techniques' noun, not the paper's use verb
        ("We evaluated RICAP with current state-of-the-art CNNs (e.g., the shake-shake regularization model) by "
         "comparison with competitive data augmentation techniques such as cutout and mixup.", "mixup",
         "comparison with ... augmentation"),
        # 1810.01279: 'adversarial training' is the first compared method; the list goes on
        ("On CIFAR-10 with VGG network, our model leads to 14% accuracy improvement compared with adversarial training "
         "(Madry 2017) and random self-ensemble (Liu 2017) under PGD attack with 0.035 distortion.",
         "random self-ensemble", "compared with ... training"),
    ],
)
def test_type_relation_compared_noun_training_augmentation_compares_to(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("compares_to", cue)


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1810.01279: past the compared list, 'under PGD attack' is the setting the paper evaluates in
        ("On CIFAR-10 with VGG network, our model leads to 14% accuracy improvement compared with adversarial training "
         "(Madry 2017) and random self-ensemble (Liu 2017) under PGD attack with 0.035 distortion.", "PGD attack"),
        # 1906.08556: 'training the i-vector extractor' is the verb with its object, the model the paper accelerates
        ("In particular, we achieve an acceleration of 3000 times in frame posterior computation compared to real time "
         "and 25 times in training the i-vector extractor compared to the CPU baseline from Kaldi toolkit.",
         "i-vector"),
    ],
)
def test_type_relation_training_with_object_or_setting_not_compared(sentence, surface):
    assert _type(sentence, surface).relation != "compares_to"
