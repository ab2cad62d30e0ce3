"""Relation typing, seventh relation pass (thirteenth session): shapes counted on the 18,795 unlabelled arXiv
abstracts before they changed. A finding of the paper whose subject is the method and whose predicate is a success
("we demonstrate that BERT ... can successfully be applied", "we show that BiGRUs ... perform better") reports the
paper's own run of the method: builds_on. A finding that denies or only describes stays a mention.
Sentences are from arXiv abstracts."""

from __future__ import annotations

import pytest

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
