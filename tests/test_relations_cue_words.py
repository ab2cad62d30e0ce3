"""Cue words that read as something else: a noun "matching", "outdoor", an abbreviation's full stop, the paper's
experiments as subject, "explore" as trying a method out. Sentences are from unlabelled arXiv abstracts
(../shared/data/arxiv-amds123, gold ids excluded) where the rules were counted and judged."""

from __future__ import annotations

import pytest

from relwork.linker.relations import is_analysis_paper

from relation_span import type_mention as _type


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1705.09558
        ("The resulting approach is straightforward and obtains good performance without any standard interventions "
         "such as feature matching, or mini-batch discrimination.", "mini-batch discrimination"),
        # 1802.07459
        ("We then match a pair of articles by comparing the sentences that enclose the same concept vertex through a "
         "series of encoding techniques, and aggregate the matching signals through a graph convolutional network.",
         "graph convolutional network"),
        # 1812.07051
        ("Instead of feeding the network with synthetic data, we solely use real-world outdoor images and tune the "
         "network's parameters by directly minimizing the DCP.", "DCP"),
    ],
)
def test_type_relation_noun_matching_and_outdoor_are_no_comparison(sentence, surface):
    assert _type(sentence, surface).relation != "compares_to"


@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # the verb with an object still compares
        ("We show that PBA can match the performance of AutoAugment on CIFAR-10, CIFAR-100, and SVHN, with three "
         "orders of magnitude less overall compute.", "AutoAugment", "match"),
        ("In particular, the proposed approach is able to match the sample quality (as measured by FID) of the "
         "current state-of-the art conditional model BigGAN on ImageNet.", "BigGAN", "match"),
    ],
)
def test_type_relation_verb_match_with_object_compares(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("compares_to", cue)


def test_type_relation_improvement_with_bracketed_amount_over_compares():
    # 1906.02443
    sentence = ("Experimental results on Chinese-English and English-German translation tasks demonstrate that our "
                "approach achieves significant improvements ($2.8$ and $1.6$ BLEU points) over Transformer on standard "
                "clean benchmarks as well as exhibiting higher robustness on noisy data.")
    assert _type(sentence, "Transformer").relation == "compares_to"


def test_type_relation_example_list_after_e_g_shares_the_comparison():
    # 1904.04821: "e.g. " (no comma) is an abbreviation inside the sentence, not a scope break
    sentence = ("Particularly, On the MSCOCO dataset, PISA outperforms the random sampling baseline and hard mining "
                "schemes, e.g. OHEM and Focal Loss, consistently by more than 1% on both single-stage and two-stage "
                "detectors, with a strong backbone ResNeXt-101.")
    for surface in ("OHEM", "Focal Loss"):
        assert _type(sentence, surface, ("PISA",)).relation == "compares_to"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # egg production curves (SVM approach)
        ("Experiments using support vector machines with a 5 k-fold cross-validation were performed at different "
         "previous time intervals.", "support vector machines"),
        # 1804.03867
        ("Experiments on Imagenet dataset using AlexNet and ResNet-18 models show 3-4% improvements in accuracy over "
         "fully binarized networks with minimal impact on compression and computational speed.", "AlexNet"),
    ],
)
def test_type_relation_experiments_as_subject_are_the_papers_own(sentence, surface):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("builds_on", "using")


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1904.03279
        ("We then explore two supervised learning approaches (CNNs and GBDTs) for classifying grammaticality.", "GBDTs"),
        # 1903.07563
        ("We primarily explore two architectures - I3D and Temporal Segment Network.", "I3D"),
        # 1610.02692
        ("For this purpose, we explore the VGG-16 and K-CNN convolutional neural networks to extract visual features "
         "from the image.", "VGG-16"),
    ],
)
def test_type_relation_explore_a_method_is_trying_it_out(sentence, surface):
    assert _type(sentence, surface).relation == "builds_on"


def test_type_relation_explore_a_property_stays_a_study():
    sentence = "We explore how BERT represents the syntax of its input sentences."
    result = _type(sentence, "BERT")
    assert (result.relation, result.cue) == ("mentions", "We explore")


@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # 1906.09165
        ("Deep Polyphonic ADSR Piano Note Transcription",
         "We investigate a late-fusion approach to piano transcription, combined with a strong temporal prior in the "
         "form of a handcrafted Hidden Markov Model (HMM). The network architecture under consideration is compact in "
         "terms of its number of parameters and easy to train with gradient descent."),
        # 1811.05768
        ("Parser Extraction of Triples in Unstructured Text",
         "The web contains vast repositories of unstructured text. We investigate the opportunity for building a "
         "knowledge graph from these text sources. We generate a set of triples which can be used in knowledge "
         "gathering and integration."),
    ],
)
def test_is_analysis_paper_task_title_with_we_investigate_is_no_analysis(title, abstract):
    assert not is_analysis_paper(title, abstract, False)


def test_is_analysis_paper_we_investigate_under_a_title_naming_no_task_stays_an_analysis():
    # 1908.11047: a title naming no task leaves the abstract's "We investigate" an analysis
    assert is_analysis_paper("Shallow Syntax in Deep Water", "Shallow syntax provides an approximation of phrase-"
                             "syntactic structure of sentences; it can be produced with high accuracy, and is "
                             "computationally cheap to obtain. We investigate the role of shallow syntax-aware "
                             "representations for NLP tasks using two techniques. First, we enhance the ELMo architecture to allow "
                             "pretraining on predicted shallow syntactic parses, instead of just raw text.", False)


@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # 1904.07934
        ("Experiments show that we improve over the CASENet backbone network by more than 4% in terms of MF(ODS) and "
         "18.61% in terms of AP.", "CASENet", "improve over"),
        # 1906.01268
        ("Experimental results on the WMT14 English-to-German and English-to-French benchmarks show that our model "
         "consistently improves performance over the strong TRANSFORMER model (Vaswani et al., 2017).", "TRANSFORMER",
         "improves performance over"),
        # 1512.07711
        ("Our approach is comparable in terms of accuracy to the state-of-the-art Faster R-CNN approach while using two "
         "orders of magnitude fewer anchors on average.", "Faster R-CNN", "comparable in terms of accuracy to"),
    ],
)
def test_type_relation_improves_over_and_comparable_in_terms_of_compare(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("compares_to", cue)


def test_type_relation_evaluating_the_papers_own_method_on_a_host_is_no_study_of_the_host():
    # 1811.09030: RICAP is evaluated, shake-shake is what it runs with
    sentence = ("We evaluated RICAP with current state-of-the-art CNNs (e.g., the shake-shake regularization model) by "
                "comparison with competitive data augmentation techniques such as cutout and mixup.")
    assert _type(sentence, "shake-shake", ("RICAP",)).relation != "mentions"
    # without the paper's name in between, evaluating a method stays a study of it (dev: benchmark papers)
    sentence = ("We evaluate a diverse set of neural sequence models (including several RNNs, Transformers, and "
                "state-space model variants) on regular ICLL tasks.")
    assert _type(sentence, "Transformers").relation == "mentions"


def test_is_analysis_paper_exploring_title_is_a_method_paper():
    # 1908.01767: "Exploring X" in an ML title tries X out, as "we explore X" does in the abstract
    title = "Exploring Neural Net Augmentation to BERT for Question Answering on SQUAD 2.0"
    abstract = ("Enhancing machine capabilities to answer questions has been a topic of considerable focus in recent "
                "years of NLP research. In this work, we focused on augmenting the pre-trained BERT language model with "
                "different output neural net architectures and compared their performance on question answering task.")
    assert not is_analysis_paper(title, abstract, False)


def test_type_relation_instrument_of_a_study_verb_is_not_studied():
    # 1906.03609: the method is evaluated with Faster R-CNN, which it runs on
    sentence = ("We then extensively evaluate the method with Faster R-CNN model under various scenarios with common "
                "object detection benchmark of Pascal VOC and COCO.")
    assert _type(sentence, "Faster R-CNN").relation == "builds_on"
    # what the study verb governs directly stays studied
    assert _type("We study the representations of BERT with probing classifiers.", "BERT").relation == "mentions"


def test_type_relation_inspired_by_the_success_of_builds_on():
    # 1804.10862: the paper's work takes after the method whose success inspired it
    sentence = ("Motivated by the success of Memory Networks, we fuse a memory component and neural attention mechanism "
                "as the neighborhood component.")
    result = _type(sentence, "Memory Networks")
    assert (result.relation, result.cue) == ("builds_on", "Motivated by")
    # the success of a method on its own is background
    assert _type("Despite the success of BERT, fine-tuning it remains slow.", "BERT").relation == "mentions"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1908.10423: the prior-work word stands before the paper's voice
        ("Inspired by the recent success of optimization-based meta-learning algorithms, in this paper, we explore "
         "the model-agnostic meta-learning algorithm (MAML) and its variants for low-resource NLU tasks.", "MAML"),
        # 1902.00751: a word of use modifying the name
        ("To demonstrate adapter's effectiveness, we transfer the recently proposed BERT Transformer model to 26 "
         "diverse text classification tasks, including the GLUE benchmark.", "BERT"),
    ],
)
def test_type_relation_prior_work_word_outside_the_subject_leaves_the_papers_voice(sentence, surface):
    assert _type(sentence, surface).relation == "builds_on"


def test_type_relation_traditional_method_after_the_papers_voice_stays_someone_elses():
    # dev 57
    sentence = ("Through benchmarks, we then demonstrate that long context length does yield better performance, albeit "
                "application-dependent, and traditional Transformer models fall short in taking advantage of long-range "
                "dependencies.")
    assert _type(sentence, "Transformer").relation == "mentions"


def test_type_relation_simple_yet_effective_is_no_clause_break():
    # 1906.09020: ', yet effective' joins two adjectives of the paper's approach
    sentence = ("We present a simple, yet effective classification approach using a ResNeXt convolutional neural network "
                "with Squeeze-and-Excitation modules.")
    assert _type(sentence, "ResNeXt").relation == "builds_on"
    # ', yet it ...' still starts a clause: the first clause's voice does not reach into it
    assert _type("We propose a fast model, yet ELMo remains more accurate on long documents.", "ELMo").relation == "mentions"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1904.12986: the paper's own finding about the method it used, not agreement with earlier findings
        ("As a result, we confirmed nested SBM is appropriate for graph clustering of patent citation networks.", "SBM"),
        # 1904.03392
        ("The results confirm the superiority of our proposed building blocks due to the regularization and implicit "
         "model ensemble effect of dropout.", "dropout"),
    ],
)
def test_type_relation_confirming_a_finding_of_the_papers_own_is_no_comparison(sentence, surface):
    assert _type(sentence, surface).relation != "compares_to"


def test_type_relation_confirming_earlier_findings_still_compares():
    # constructed: none of the ~20k unlabelled abstracts confirms earlier findings next to a catalogued method
    sentence = "Our experiments confirm the earlier findings reported for word2vec on analogy tasks."
    assert _type(sentence, "word2vec").relation == "compares_to"


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # 1902.03747: the distance between two camera positions, not a compared system
        ("Second, since estimating the 3D structure (which requires sufficient baseline) is inherent in bundle "
         "adjustment, the SLAM algorithm will encounter difficulties during periods of slow motion or pure rotational "
         "motion.", "bundle adjustment"),
        # 1905.07476
        ("The intersection angle between two images are normally seen as the most important one in stereo data "
         "acquisition, as the state-of-the-art DIM algorithms work best on narrow baseline (smaller intersection "
         "angle) stereos (E.g. Semi-Global Matching regards 15-25 degrees as good intersection angle).",
         "Semi-Global Matching"),
    ],
)
def test_type_relation_geometric_baseline_is_no_comparison(sentence, surface):
    result = _type(sentence, surface)
    assert result.relation != "compares_to"
    assert "baseline" not in result.cue


def test_type_relation_strong_baseline_model_still_compares():
    # 1909.00437: a compared system called a baseline
    result = _type("We compare against a strong baseline, multilingual BERT (mBERT), in different cross-lingual transfer "
                   "learning scenarios and show gains in zero-shot transfer in 4 out of these 5 tasks.", "mBERT")
    assert (result.relation, result.cue) == ("compares_to", "baseline")
