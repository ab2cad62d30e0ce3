"""A method named only to exclude it ("non-transformer models", "every non-BERT baseline") is a plain mention: the
comparison is with every other method (qa6 K5), on seed sentences."""

from __future__ import annotations

from relwork.linker.relations import type_relation


def span(sentence: str, name: str, after: str = "non-") -> tuple[int, int]:
    start = sentence.index(after + name) + len(after)
    return start, start + len(name)


def test_non_prefixed_method_in_a_comparison_is_a_mention(seed_abstract):
    text = seed_abstract("Annotating the Tweebank Corpus on Named Entity Recognition and Building NLP Models for Social Media Analysis")
    sentence = next(s for s in text.split(". ") if "non-transformer" in s)
    result = type_relation(sentence, *span(sentence, "transformer"))
    assert (result.relation, result.cue) == ("mentions", "non-")


def test_the_excluded_and_the_compared_mention_of_one_sentence_differ(seed_abstract):
    text = seed_abstract("ColBERT: Efficient and Effective Passage Search via Contextualized Late Interaction over BERT")
    sentence = next(s for s in text.split(". ") if "non-BERT" in s)
    assert type_relation(sentence, *span(sentence, "BERT")).relation == "mentions"
    based = sentence.index("BERT-based")
    assert type_relation(sentence, based, based + 4).relation == "compares_to"


def test_a_name_merely_starting_with_non_is_not_excluded():
    sentence = "We outperform NonLocalNet and non-local means on all benchmarks."
    start = sentence.index("NonLocalNet")
    assert type_relation(sentence, start, start + len("NonLocalNet")).relation == "compares_to"


def test_a_dataset_is_not_the_rival_subject_of_a_comparison():
    """'On PASCAL VOC, it outperforms ... Fast RCNN': the dataset before the verb is the setting, not another method
    that outperforms (arXiv 1512.02736); the paper compares to Fast R-CNN."""
    from relwork.core.records import Paper
    from relwork.linker import link_papers, load_catalog

    paper = Paper.create("Object detection at speed", "We present a single-shot detector. On PASCAL VOC, it outperforms "
                         "the state-of-the-art result of Fast RCNN by 3.3% in absolute mAP.", year=2015)
    (linked,) = link_papers([paper], load_catalog())
    relations = {link.method: link.relation for link in linked.links}
    assert relations["Fast R-CNN"] == "compares_to"
