"""Relation typing, seventh relation pass (thirteenth session): shapes counted on the 18,795 unlabelled arXiv
abstracts before they changed. A finding of the paper whose subject is the method and whose predicate is a success
("we demonstrate that BERT ... can successfully be applied", "we show that BiGRUs ... perform better") reports the
paper's own run of the method: builds_on. A finding that denies or only describes stays a mention.
Sentences are from arXiv abstracts."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker import Linker, load_catalog
from relwork.linker.relations import type_relation
from relation_span import type_mention as _type


@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # 1908.10534: an appositive between the method and its success
        ("In addition, we demonstrate that BERT, a publicly-available language model that extracts word embeddings, "
         "can successfully be applied in the text-to-image matching domain.", "BERT",
         "demonstrate that ... can successfully be applied"),
        # 1904.09507: 'recently proposed' qualifies the name, it is no prior-work subject
        ("As GANs are very susceptible to mode collapsing and dropping, we show that the recently proposed Info-GAN "
         "allows dramatic improvements in multi-modal pedestrian trajectory prediction to avoid these issues.",
         "Info-GAN", "we show that ... allows dramatic improvements"),
        # 1708.07576: the method as part of the subject phrase
        ("Most notably, we demonstrate that an RNN with a 3000-unit Long Short-Term Memory (LSTM) cell can learn the "
         "decryption function of the Enigma machine.", "Long Short-Term Memory", "we demonstrate that ... can learn"),
        # 1906.02192
        ("Experimenting with several neural classifiers, we show that BIGRUs with label-wise attention perform better "
         "than other current state of the art methods.", "BIGRUs", "show that ... perform better"),
        # 1902.02443
        ("We empirically show that LSTMs can capture the longitudinal aspects of EHR data better than the proposed "
         "baselines.", "LSTMs", "show that ... can capture"),
    ],
)
def test_type_relation_finding_of_success_builds_on(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("builds_on", cue)


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # a denied success: the finding is about the method, not a use of it
        ("We show that the standard loss function in NIR, triplet loss, does not perform well with noisy labels.",
         "triplet loss"),
        ("We found that standard forms of recurrence (vanilla RNNs and LSTMs) do not perform well within deep CNNs on "
         "the ImageNet task.", "LSTMs"),
        # a behaviour, not a success
        ("In this paper we show that modern CNNs (VGG16, ResNet50, and InceptionResNetV2) can drastically change their "
         "output when an image is translated in the image plane by a few pixels.", "ResNet50"),
        # the success belongs to the paper's own model, the method is what it is set against
        ("We show that BERT, unlike our model, can learn the task.", "BERT"),
    ],
)
def test_type_relation_finding_without_success_stays_mention(sentence, surface):
    assert _type(sentence, surface).relation == "mentions"


# ------------------------------------------------------------------------------------------------------
# 'Rethinking / Revisiting X' titles of method papers build on X (the title rule no longer skips them); an analysis
# paper ('Rethinking ImageNet Pre-training') is still lowered by settle_paper.


@pytest.fixture(scope="module")
def linker():
    return Linker(load_catalog())


@pytest.mark.parametrize(
    ("title", "abstract", "method"),
    [
        # arXiv 1904.06493: the title names the method the paper's double-head detector modifies
        ("Rethinking Classification and Localization in R-CNN",
         "Modern R-CNN based detectors share the RoI feature extractor head for both classification and "
         "localization tasks, based upon the correlation between the two tasks. In contrast, we found that "
         "different head structures (i.e. fully connected head and convolution head) have opposite preferences"
         " towards these two tasks. Specifically, the fully connected head is more suitable for the "
         "classification task, while the convolution head is more suitable for the localization task. "
         "Therefore, we propose a double-head method to separate these two tasks into different heads.", "R-CNN"),
        # arXiv 1908.11569
        ("Revisiting CycleGAN for semi-supervised segmentation",
         "In this work, we study the problem of training deep networks for semantic image segmentation using "
         "only a fraction of annotated images, which may significantly reduce human annotation efforts. "
         "Particularly, we propose a strategy that exploits the unpaired image style transfer capabilities of "
         "CycleGAN in semi-supervised segmentation.", "CycleGAN"),
    ],
)
def test_rethinking_title_of_a_method_paper_builds_on_the_method(linker, title, abstract, method):
    linked = linker.link(Paper(id="x", title=title, abstract=abstract))
    [link] = [link for link in linked.links if link.field == "title" and link.method == method]
    assert (link.relation, link.cue) == ("builds_on", "title")


# ------------------------------------------------------------------------------------------------------
# A denied basis is no use; a method run for a comparison is compared.


@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # 1902.11020
        ("Unlike most recent techniques for CNN-based object detection and pose estimation, we do not base our "
         "approach on the common 2D counterparts, i.e. SSD and YOLO, but propose a new scheme.", "YOLO",
         "do not base our approach on"),
        ("Furthermore, the method is real-time capable, conceptually simple and not bound to any particular detection "
         "paradigms, such as R-CNN, SSD or YOLO.", "R-CNN", "not bound to"),
    ],
)
def test_type_relation_denied_basis_mentions(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("mentions", cue)


def test_type_relation_including_but_not_limited_to_is_no_denial():
    # the clause breaks at 'but', so only 'is / are not limited to' denies
    sentence = "We evaluate it on several backbones, including but not limited to ResNet and VGG."
    assert _type(sentence, "ResNet").cue != "not limited to"


def test_type_relation_run_to_compare_against_compares_to():
    # 1907.04305
    sentence = "Additionally, we implemented U-Net and Fully Convolutional Network (FCN8s) to compare against the proposed DSNet."
    result = _type(sentence, "Fully Convolutional Network")
    assert (result.relation, result.cue) == ("compares_to", "to compare against")


# ------------------------------------------------------------------------------------------------------
# 'not only A but also B' is one clause: B shares A's cue; a class with examples after 'on' is a host too.


def test_type_relation_but_also_shares_the_cue_and_host():
    # 1804.09862: the pruning scheme runs on all three networks
    sentence = ("Even with this constraint, the proposed pruning scheme reached a pruning ratio similar to that of previous "
                "unconstrained pruning schemes, not only on AlexNet and VGG16 but also on state-of-the-art very deep "
                "networks such as ResNet.")
    assert {(_type(sentence, name).relation, _type(sentence, name).cue) for name in ("AlexNet", "VGG16", "ResNet")} \
        == {("builds_on", "similar to that ... on")}


def test_type_relation_but_also_keeps_the_improve_cue():
    # 1810.09502
    sentence = ("In this paper, we propose various modifications to MAML that not only stabilize the system, but also "
                "substantially improve the generalization performance, convergence speed and computational overhead of "
                "MAML, which we call MAML++.")
    start = sentence.index("MAML, which")
    assert type_relation(sentence, start, start + 4).relation == "builds_on"


def test_type_relation_without_with_no_object_denies_nothing():
    # 1805.11546: 'when testing without is robust': 'without' has no object, the models are the paper's
    sentence = ("The advantage for training with visual context when testing without is robust across different languages "
                "(English, German and Spanish) and different models (GRU, LSTM, $\\Delta$-RNN, as well as those that use "
                "BERT embeddings).")
    assert _type(sentence, "GRU").cue != "without"
    assert _type("We train the model without LSTM layers.", "LSTM").cue == "without"
