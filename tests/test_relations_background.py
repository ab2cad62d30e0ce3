"""Background and motivation mentions versus real use: sentences about the field, its practice or prior work
are ``mentions``, the paper's own use stays ``builds_on``. Real seed sentences and papers (examples/hf-papers)."""

from __future__ import annotations

import pytest

from relwork.core.records import Paper
from relwork.linker.pipeline import link_corpus
from relwork.linker.relations import is_analysis_paper

from relation_span import type_mention as _type


@pytest.fixture(scope="module")
def seed_text(seed_files) -> str:
    """All seed listings as one text, whitespace normalised as the loader does."""
    return " ".join(" ".join(path.read_text(encoding="utf-8").split()) for path in seed_files)


def _seed_paper(seed_papers, title: str) -> Paper:
    return next(p for p in seed_papers if p.title == title)


def _relations(linked, method: str) -> set[str]:
    return {l.relation for l in linked.links if l.method == method}


HYDRA = ("A wide array of sequence models are built on a framework modeled after Transformers, comprising "
         "alternating sequence mixer and channel mixer layers.")


def test_field_quantifier_subject_makes_the_use_background(seed_text):
    # Hydra (seed): the subject 'A wide array of sequence models' is the field, not the paper
    assert HYDRA in seed_text
    result = _type(HYDRA, "Transformers")
    assert (result.relation, result.cue) == ("mentions", "built on")


@pytest.mark.parametrize(
    ("sentence", "surface", "relation"),
    [
        # seed sentences in the paper's own voice keep their use
        ("Building on this insight, we present a new family of Transformer-like architectures, called "
         "DeepTransformers, that are strict generalizations of the original Transformer architecture.",
         "Transformer", "builds_on"),
        ("This paper proposes ColBERTer, a neural retrieval model using contextualized late interaction (ColBERT) "
         "with enhanced reduction.", "ColBERT", "builds_on"),
        ("Both decoders are built upon a scalable, transformer-based architecture and have been efficiently "
         "trained on large-scale 3D datasets.", "transformer", "builds_on"),
    ],
)
def test_own_voice_seed_sentences_keep_builds_on(seed_text, sentence, surface, relation):
    assert sentence in seed_text
    assert _type(sentence, surface).relation == relation


@pytest.mark.parametrize(
    ("sentence", "surface", "cue"),
    [
        # the seed sentence 'Recently, Transformer-based models have achieved promising results in various vision
        # tasks' (P2AT) told as a passive: the adverb dates it as prior work
        ("Recently, Transformer models were used in various vision tasks, due to their ability to model "
         "long-range dependencies.", "Transformer", "Recently ... used"),
        # the seed's 'Massively multilingual Transformers (MMTs), such as mBERT and XLM-R' as a class-level claim
        ("Multilingual models such as mBERT are fine-tuned on English data and applied to other languages.",
         "mBERT", "such as ... fine-tuned"),
        # the practice of the field, as subjects of a relative clause, a participial opener or a judgement
        ("Approaches that fine-tune BERT achieve state-of-the-art results on many benchmarks.", "BERT", "fine-tune"),
        ("Building on BERT, recent works have proposed many variants.", "BERT", "Building on"),
        ("Fine-tuning BERT is computationally expensive.", "BERT", "Fine-tuning"),
        ("Modern large language models are built on the Transformer architecture.", "Transformer", "built on"),
    ],
)
def test_field_practice_is_background(sentence, surface, cue):
    result = _type(sentence, surface)
    assert (result.relation, result.cue) == ("mentions", cue)


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        # the same shapes with the paper as subject or a past-tense procedure stay uses
        ("Multilingual models such as mBERT were fine-tuned on English data.", "mBERT"),
        ("Building on BERT, we propose a new model.", "BERT"),
        ("Transformer models were used in various vision tasks.", "Transformer"),
        ("We propose models that use BERT for retrieval.", "BERT"),
    ],
)
def test_own_use_in_the_same_shapes_stays_builds_on(sentence, surface):
    assert _type(sentence, surface).relation == "builds_on"


def test_comparison_of_own_method_with_listed_methods_compares():
    result = _type("We perform comparisons of the proposed approach with state-of-the-art reinforcement learning "
                   "algorithms like PPO, VPG, SARSA, A2C and ACKTR.", "PPO")
    assert result.relation == "compares_to"


def test_better_than_using_compares():
    result = _type("We obtain a mean absolute error of 1.06 for counting which is better than using well-known "
                   "crowd counting approaches such as CSRNet.", "CSRNet")
    assert (result.relation, result.cue) == ("compares_to", "than using")


def test_sparse_frontier_is_an_analysis_paper(seed_papers, catalog):
    # dev seed: 'We introduce and validate novel scaling laws' introduces no method; the title announces trade-offs,
    # so the Transformer LLMs it studies (title, 'to enhance the capabilities of Transformer LLMs') are mentions
    paper = _seed_paper(seed_papers, "The Sparse Frontier: Sparse Attention Trade-offs in Transformer LLMs")
    assert is_analysis_paper(paper.title, paper.abstract, False)
    (linked,) = link_corpus([paper], catalog)
    assert _relations(linked, "Transformer") == {"mentions"}


def test_introducing_a_dataset_is_no_own_method():
    abstract = ("We introduce a grammatically annotated development set for the Corpus of Linguistic Acceptability, "
                "which we use to investigate the grammatical knowledge of three pretrained encoders.")
    assert is_analysis_paper("Grammatical Analysis of Pretrained Sentence Encoders", abstract, False)
    assert not is_analysis_paper("Grammatical Analysis of Pretrained Sentence Encoders",
                                 "We introduce a new encoder and study it.", False)


def test_motivation_sentence_before_the_papers_voice_is_background(catalog):
    # the opening of an arXiv abstract (1904.11693): the field adopted FCNs before the paper says what it does
    paper = Paper.create(
        "Untitled",
        "Semantic segmentation has achieved huge progress via adopting deep Fully Convolutional Networks (FCN). "
        "In this paper, we propose a weakly supervised method.",
    )
    (linked,) = link_corpus([paper], catalog)
    assert _relations(linked, "FCN") == {"mentions"}
    assert all(l.cue.startswith("background:") for l in linked.links if l.method == "FCN")


def test_use_after_the_papers_voice_is_not_motivation(seed_papers, catalog):
    # seed: 'Both decoders are built upon a scalable, transformer-based architecture' follows 'In this paper, we
    # introduce ...', so it describes the paper's own system
    paper = _seed_paper(seed_papers, "Triplane Meets Gaussian Splatting: Fast and Generalizable Single-View 3D "
                                     "Reconstruction with Transformers")
    (linked,) = link_corpus([paper], catalog)
    assert "builds_on" in _relations(linked, "Transformer")
    assert not any(l.cue.startswith("background") for l in linked.links)


def test_analysis_paper_comparisons_between_studied_models_are_mentions(catalog):
    # an arXiv analysis abstract (1903.03260): the RNNG is compared with the LSTMs the study examines, not with a
    # method of the paper's own
    paper = Paper.create(
        "Neural Language Models as Psycholinguistic Subjects: Representations of Syntactic State",
        "To do so, we examine model behavior on artificial sentences containing a variety of syntactically complex "
        "structures. We find evidence that the LSTMs trained on large datasets represent syntactic state over large "
        "spans of text in a way that is comparable to the RNNG, while the LSTM trained on the small dataset does "
        "not or does so only weakly.",
    )
    assert is_analysis_paper(paper.title, paper.abstract, False)
    (linked,) = link_corpus([paper], catalog)
    rnng = [l for l in linked.links if l.method == "RNNG"]
    assert rnng and all(l.relation == "mentions" and l.cue.startswith("analysis:") for l in rnng)


def test_listed_examples_take_the_relation_of_a_later_back_reference(catalog):
    # an arXiv abstract (1905.08772), shortened: SVM is listed as background, and 'outperform these models'
    # later compares the paper's classifier with the listed class
    paper = Paper.create(
        "A Text Classification Framework for Simple and Effective Early Depression Detection Over Social Media "
        "Streams",
        "However, most standard and state-of-the-art supervised machine learning models (such as SVM, MNB, Neural "
        "Networks, etc.) are not well suited to deal with this scenario. In this paper we introduce SS3, a novel "
        "supervised learning model for text classification. Experimental results show that our classifier was able "
        "to outperform these models and standard classifiers.",
    )
    (linked,) = link_corpus([paper], catalog)
    svm = [l for l in linked.links if l.method == "SVM"]
    assert svm and {l.relation for l in svm} == {"compares_to"}
    assert all("(via 'these models')" in l.cue for l in svm)


def test_a_contrast_with_these_methods_is_no_comparison(catalog):
    paper = Paper.create(
        "Untitled",
        "The deep ConvNets based object detectors mainly focus on regressing the coordinates of bounding box, "
        "e.g., Faster-R-CNN, YOLO and SSD. Different from these methods, we predict object masks directly.",
    )
    (linked,) = link_corpus([paper], catalog)
    assert {l.relation for l in linked.links if l.method == "YOLO"} == {"mentions"}


@pytest.mark.parametrize(
    "sentence, surface",
    [
        # arXiv 1905.13577
        ("Different from DARTS, NASP reformulates the search process as an optimization problem with a "
         "constraint that only one operation is allowed to be updated.", "DARTS"),
        # arXiv 1906.09573
        ("Different from existing neural vocoders such as WaveNet, SampleRNN and WaveRNN which directly generate "
         "waveform samples using single neural networks, our model uses a source-filter structure.", "SampleRNN"),
    ],
)
def test_different_from_opening_a_clause_is_a_contrast_not_a_comparison(sentence, surface):
    result = _type(sentence, surface)
    assert (result.relation, result.cue.lower()) == ("mentions", "different from")


def test_results_that_differ_from_a_method_still_compare_to_it():
    assert _type("Our results differ from those of BERT on the SQuAD benchmark.", "BERT").relation == "compares_to"


# arXiv 1901.07124 (tune3): "currently" marks the field's practice, like "typically" or "commonly"
CURRENTLY_USED = ("The sampling schemes currently used in deep learning, such as Spatial Transformer Networks, rely on "
                  "bilinear interpolation, which performs poorly under severe scale changes.")


def test_currently_used_is_the_fields_practice_not_the_papers_use(catalog):
    result = _type(CURRENTLY_USED, "Spatial Transformer Networks")
    assert (result.relation, result.cue) == ("mentions", "used")
    # nor does the paper-level rule for the paper's own method description raise it once the paper has spoken
    paper = Paper.create("Untitled", "In this paper, we propose a new sampling method for image transformation. "
                         + CURRENTLY_USED)
    (linked,) = link_corpus([paper], catalog)
    assert _relations(linked, "Spatial Transformer Network") == {"mentions"}
