"""Relation typing findings of the qa10 user test (Q1), each on the real arXiv sentence it was found on: a comparison
governs a use word inside what it is against (a relative clause on the compared noun, a participle right before the
name), 'efficacy / dominance / prevails ... over X' and 'by N% over X' compare, a 'than' far from its comparative
still compares (not 'a different architecture than X'), and "Our method has been compared to X" is the paper's own
comparison, not background."""

from __future__ import annotations

import pytest

from relwork.linker.relations import type_relation


def span(sentence: str, name: str) -> tuple[int, int]:
    start = sentence.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(
    "sentence, name",
    [
        # arXiv 1903.00412: the baseline uses Word2Vec, the paper is better than it
        ("Our experiments show that RoboCSE can perform prediction better than a baseline that uses pre-trained "
         "embeddings, such as Word2Vec, achieving statistically significant improvements while using fewer parameters.",
         "Word2Vec"),
        # arXiv 1612.05695
        ("This method also outperforms the reinforcement learning method that uses RBMs.", "RBMs"),
        # arXiv 1901.11436: the compared techniques rely on the (extended) Kalman filter
        ("We demonstrate, on various tasks with empirical data, how this inference scheme outperforms more standard "
         "techniques that rely on extended Kalman filtering.", "Kalman filtering"),
        # arXiv 1605.09507
        ("Using a newly collected dataset for evaluation, we found that convolutional neural networks are more robust "
         "than conventional methods that exploit spectral features and source separation with support vector machines.",
         "support vector machines"),
        # arXiv 1904.12769
        ("The tracking performance of the CRNN is compared with a stand-alone tracking method that combines a "
         "multi-source (DOA) estimator and a particle filter.", "particle filter"),
    ],
)
def test_use_in_a_relative_clause_on_the_compared_noun_is_the_comparison(sentence, name):
    assert type_relation(sentence, *span(sentence, name)).relation == "compares_to"


def test_reported_finding_after_a_comparison_is_no_relative_clause():
    """'that' after a reporting verb opens the finding, not a clause on the compared noun: the use is the paper's."""
    sentence = "Our model outperforms BERT on GLUE, showing that fine-tuning RoBERTa on our data helps."
    assert type_relation(sentence, *span(sentence, "RoBERTa")).relation == "builds_on"


def test_relative_use_past_a_setting_is_not_the_compared_phrase():
    """arXiv 1709.04821: KITTI is where the paper measures, past 'with 21.5% in mAP on', not what the rivals use."""
    sentence = ("Our experiments show that the proposed method outperforms state of the art methods that utilize motion "
                "cue only with 21.5% in mAP on KITTI MOD.")
    assert type_relation(sentence, *span(sentence, "KITTI")).relation != "compares_to"


@pytest.mark.parametrize(
    "sentence, name, cue",
    [
        # arXiv 1901.08925
        ("Results show that our method prevails over state-of-the art methods like naive Q-learning and A3C.", "A3C",
         "prevails over"),
        ("Results show that our method prevails over state-of-the art methods like naive Q-learning and A3C.",
         "Q-learning", "prevails over"),
        # arXiv 1907.04964
        ("We evaluate our approach on several continuous control benchmarks and demonstrate its efficacy over MAML, a "
         "state-of-the-art meta-learning algorithm, on these tasks.", "MAML", "efficacy over"),
        # arXiv 1905.13449
        ("Our results demonstrate its dominance over vanilla Monte Carlo Tree Search in the presence of noise.",
         "Monte Carlo Tree Search", "dominance over"),
        # arXiv 1901.09971
        ("DeGraF-Flow shows promising results in terms of accuracy with competitive computational efficiency among "
         "non-GPU based methods, including a marked increase in speed over the conceptually similar EpicFlow approach.",
         "EpicFlow", "increase in speed over"),
        # arXiv 1806.04599
        ("Our experiments with real data from L-band GPR show that online DL methods reduce learning time by 36-93% and "
         "increase mine detection by 4-28% over K-SVD.", "K-SVD", "by 4-28% over"),
    ],
)
def test_how_the_paper_fares_over_a_method_compares(sentence, name, cue):
    result = type_relation(sentence, *span(sentence, name))
    assert (result.relation, result.cue) == ("compares_to", cue)


def test_effectiveness_against_an_attack_is_no_comparison_cue():
    """arXiv 1905.13074: a defense's 'effectiveness against' attacks names what it is tested with, not a rival."""
    sentence = ("We conduct extensive experiments to demonstrate the effectiveness of RSR against popular white-box "
                "(i.e., PGD and FGSM) and black-box attacks.")
    assert type_relation(sentence, *span(sentence, "FGSM")).cue != "effectiveness of RSR against"


@pytest.mark.parametrize(
    "sentence, name",
    [
        # arXiv 1810.06681: the comparative ('more accurate') is 12 words before 'than'
        ("We show how this simple model is more accurate in both its estimate of the mean behaviour and model "
         "uncertainty than Gaussian Process Regression and generalizes to novel operating conditions.",
         "Gaussian Process Regression"),
        # arXiv 1805.04829: across a comma
        ("This approach achieves improved model fits, as well as tighter uncertainty estimates, than traditional "
         "element-wise dropout.", "dropout"),
    ],
)
def test_than_far_from_its_comparative_compares(sentence, name):
    result = type_relation(sentence, *span(sentence, name))
    assert (result.relation, result.cue) == ("compares_to", "than")


@pytest.mark.parametrize(
    "sentence, name",
    [
        # arXiv 1811.09243
        ('With a different architecture than the popular "U-net", the network takes a pair of full image volumes.',
         "U-net"),
        ("Methods other than BERT are rarely used.", "BERT"),
    ],
)
def test_different_or_other_than_is_no_comparison(sentence, name):
    assert type_relation(sentence, *span(sentence, name)).relation != "compares_to"


def test_own_method_has_been_compared_is_the_papers_comparison():
    """arXiv 1902.03729: a perfect passive with the paper's own method as subject is its own work, not background."""
    sentence = ("Our method has been compared to the start-of-the-art methods ORB-SLAM2 and LDSO in the public dataset "
                "Kitti, Euroc-MAV, TUM and SPM, obtaining better precision.")
    for name in ("ORB-SLAM2", "LDSO"):
        assert type_relation(sentence, *span(sentence, name)).relation == "compares_to"


@pytest.mark.parametrize("subject", ["Our previous model", "BERT"])
def test_others_method_has_been_compared_stays_background(subject):
    sentence = f"{subject} has been compared with ORB-SLAM2 on several datasets."
    assert type_relation(sentence, *span(sentence, "ORB-SLAM2")).relation == "mentions"
