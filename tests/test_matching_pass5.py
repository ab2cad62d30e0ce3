"""Matcher rules of the fifth matching pass. Sentences are from arXiv abstracts (shared/data/arxiv-amds123)."""

from __future__ import annotations

import pytest

from relwork.linker import load_catalog
from relwork.linker.matcher import Matcher


@pytest.fixture(scope="module")
def matcher():
    return Matcher(load_catalog())


def names(matcher, text):
    return [m.name for m in matcher.find(text)]


@pytest.mark.parametrize(
    "text, inner",
    [
        ("we propose a novel guiding textual feature extracted utilizing a multimodal LSTM (m-LSTM) model.", "LSTM"),
        ("We extend the Spatio-Temporal Graph Convolutional Network (STGCN) originally proposed for skeleton-based "
         "action recognition", "GCN"),
        ("an attention-based bi-directional long short-term memory (ABLSTM) network using a dataset of over 1.2 "
         "million labelled issues", "LSTM"),
        ("we can extend point-based value iteration (PBVI) to VAR-POMDP planning.", "Value Iteration"),
        ("one VQA model, namely, end-to-end neural module network (N2NMN).", "Neural Module Networks"),
    ],
)
def test_method_ending_a_longer_abbreviated_name_is_no_mention(matcher, text, inner):
    assert inner not in names(matcher, text)


@pytest.mark.parametrize(
    "text, name",
    [
        # the short form is the method's own
        ("In our method, frame-level features are first extracted by a Fully Convolutional Network (FCN).", "FCN"),
        ("a Recurrent Neural Network (RNN) composed of Gated Recurrent Units (GRU).", "GRU"),
        # a plural short form names a family the method belongs to
        ("Massively multilingual Transformers (MMTs) have been shown to transfer well", "Transformer"),
        # a phrase joined by a function word uses the method, it does not name a variant of it
        ("we propose a new loss function that combines absolute KL divergence with Tversky loss (KLTV) to yield "
         "faster convergence", "Tversky loss"),
        ("a baseline classifier is implemented using spectrum band power features with Support Vector Machines "
         "(BPsvm).", "SVM"),
    ],
)
def test_method_keeps_its_mention_before_its_own_or_a_family_short_form(matcher, text, name):
    assert name in names(matcher, text)


def test_short_form_that_is_another_catalogued_name_stays(matcher):
    found = names(matcher, "We extend the Spatio-Temporal Graph Convolutional Network (ST-GCN) originally proposed for "
                           "skeleton-based action recognition")
    assert "ST-GCN" in found and "GCN" not in found


@pytest.mark.parametrize(
    "text, expected",
    [
        ("we evaluate the transferability of three adversarial attacks - the fast gradient sign method, the "
         "projected gradient descent and the Carlini & Wagner method", ("Carlini & Wagner", "C&W attack")),
        ("We apply SpecAugment on Listen, Attend and Spell networks for end-to-end speech recognition tasks.",
         ("Listen, Attend and Spell", "LAS")),
        ("a state-of-the-art recurrent network based on an LSTM (Show, Attend and Tell), and a simple structured "
         "prediction model", ("Show, Attend and Tell", "Show, Attend and Tell")),
        ("POSA captures the quadratic information explicitly and efficiently by utilizing the wide &amp; deep "
         "architecture.", ("wide &amp; deep", "Wide & Deep")),
    ],
)
def test_names_with_punctuation_between_words_match(matcher, text, expected):
    assert expected in [(m.surface, m.name) for m in matcher.find(text)]


def test_named_variant_of_a_lower_case_first_name_is_its_own(matcher):
    # 'dynamic latent Dirichlet allocation (D-LDA)' is the dynamic topic model, another method than LDA
    text = "a generative model of documents that combines dynamic latent Dirichlet allocation (D-LDA) and word embeddings"
    assert "Latent Dirichlet Allocation" not in names(matcher, text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (r"different models (GRU, LSTM, $\Delta$-RNN, as well as those that use BERT embeddings)",
         (r"$\Delta$-RNN", "Delta-RNN")),
        ("We compare the Δ-RNN with the GRU", ("Δ-RNN", "Delta-RNN")),  # constructed: the Unicode letter
        # constructed: the 19k abstracts (2017-2019) have no such name; newer ones write '$\\Delta$-LoRA'
        (r"we fine-tune the model with $\Delta$-LoRA, which updates the pre-trained weights", (r"$\Delta$-LoRA", "Delta-LoRA")),
    ],
)
def test_name_spelling_out_a_greek_letter_matches_the_letter(matcher, text, expected):
    assert expected in [(m.surface, m.name) for m in matcher.find(text)]
