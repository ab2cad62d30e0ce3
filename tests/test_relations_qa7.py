"""Relation typing findings of the qa7 user test (L7), each on the real arXiv sentence it was found on: a comparison
does not reach past an enumerated item or onto what the compared approach works on, an absolute ', with X further
improving' clause is a use, a future-work sentence is a plan, and a title's 'A X Baseline for ...' builds on X."""

from __future__ import annotations

import pytest

from relwork.linker.relations import type_relation


def span(sentence: str, name: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = sentence.index(name, start + 1)
    return start, start + len(name)


# arXiv 1904.03310, "Gender Bias in Contextualized Word Embeddings"
GENDER = ("First, we conduct several intrinsic analyses and find that (1) training data for ELMo contains significantly "
          "more male than female entities, (2) the trained ELMo embeddings systematically encode gender information and "
          "(3) ELMo unequally encodes gender information about male and female entities.")


@pytest.mark.parametrize("nth", [1, 2])
def test_enumerated_item_ends_the_comparison_of_the_item_before(nth):
    """'more male than female entities, (2) the trained ELMo ...': ELMo of items (2) and (3) is no comparand."""
    assert type_relation(GENDER, *span(GENDER, "ELMo", nth)).relation != "compares_to"


def test_comparison_inside_an_enumerated_item_still_holds():
    sentence = "Our results show that (1) the model is robust, (2) it is more accurate than BERT on all tasks."
    result = type_relation(sentence, *span(sentence, "BERT"))
    assert (result.relation, result.cue) == ("compares_to", "more accurate than")


def test_what_the_compared_approach_works_on_is_no_rival():
    """arXiv 1901.11359: the alignments are compared with 'the naive approach', which interprets Transformer attention."""
    sentence = ("The resulting alignments dramatically outperform the naive approach to interpreting Transformer attention "
                "activations, and are comparable to Giza++ on two publicly available data sets.")
    assert type_relation(sentence, *span(sentence, "Transformer")).relation != "compares_to"


@pytest.mark.parametrize("sentence,name", [
    ("It outperforms several baselines, including those using TF-IDF and word2vec.", "TF-IDF"),  # a use gerund
    ("We compare our model to methods for detecting objects such as YOLO.", "YOLO"),  # an example of the compared
])
def test_a_method_of_the_compared_phrase_stays_compared(sentence, name):
    assert type_relation(sentence, *span(sentence, name)).relation == "compares_to"


def test_with_x_further_improving_is_a_use_beside_the_comparison():
    """arXiv 1907.11512: BiLSTMs are compared, BERT is what the paper adds to SAN."""
    sentence = ("Results show that SAN gives highly competitive results compared with BiLSTMs, with BERT and word "
                "information further improving segmentation for in-domain and cross-domain segmentation.")
    assert type_relation(sentence, *span(sentence, "BiLSTMs")).relation == "compares_to"
    result = type_relation(sentence, *span(sentence, "BERT"))
    assert (result.relation, result.cue) == ("builds_on", "with ... further improving")


def test_with_x_improving_upon_y_is_not_the_absolute_use():
    sentence = "Our method is effective, with particle smoothing consistently improving upon particle filtering."
    assert type_relation(sentence, *span(sentence, "particle smoothing")).cue != "with ... further improving"


@pytest.mark.parametrize("sentence,name", [
    # arXiv 1907.08922
    ("Future work will investigate how fine-tuning deep contextualized embedding models, such as ELMO, might be used "
     "for similar tasks with greater contextual information.", "ELMO"),
    ("In future work, we will fine-tune BERT on the other languages.", "BERT"),
])
def test_future_work_sentence_is_a_mention(sentence, name):
    result = type_relation(sentence, *span(sentence, name))
    assert (result.relation, result.cue) == ("mentions", "future work")


def test_sentence_merely_holding_future_is_typed_as_usual():
    sentence = "We fine-tune BERT so that future work can build on it."
    assert type_relation(sentence, *span(sentence, "BERT")).relation == "builds_on"


def _relations(title: str, abstract: str, method: str) -> set[str]:
    from relwork.core.records import Paper
    from relwork.linker import link_papers, load_catalog

    (linked,) = link_papers([Paper.create(title, abstract, year=2019)], load_catalog())
    return {link.relation for link in linked.links if link.method == method}


def test_title_naming_an_x_baseline_of_its_own_builds_on_x():
    """arXiv 1901.08634: the paper is a BERT system; its title's 'BERT Baseline' is no comparison with BERT."""
    abstract = ("This technical note describes a new baseline for the Natural Questions. Our model is based on BERT and "
                "reduces the gap between the model F1 scores reported in the original dataset paper and the human upper "
                "bound by 30% and 50% relative for the long and short answer tasks respectively.")
    assert _relations("A BERT Baseline for the Natural Questions", abstract, "BERT") == {"builds_on"}


def test_title_beating_an_x_baseline_still_compares():
    abstract = "We present a retrieval model for open-domain question answering and evaluate it on two benchmarks."
    assert "compares_to" in _relations("Beating the BERT Baseline for Open-Domain Question Answering", abstract, "BERT")
