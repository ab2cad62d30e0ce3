"""The speed gates of introduced-name detection give what the scans they stand in for give.

Each gate runs a rule's regex only where its cue can be (a literal word its every match holds, a noun it must
start at) or answers from one shared automaton pass; here each is checked against the plain scan on the 200
seed abstracts and titles (examples/hf-papers) and on windows of them, and on the edge cases of its cue.
"""

from __future__ import annotations

import pytest

from relwork.linker import introduced
from relwork.linker.introduced import (
    _DATA_NOUN,
    _KIND_HEAD_NAMED,
    _KIND_HEAD_NAMING,
    _NOUN_APPOSITION,
    _PASSIVE_VERBS,
    _find_all,
    _find_each,
    _has_data_noun,
    _head_kind,
    _noun_apposition,
)


def _texts(papers) -> list[str]:
    return [t for p in papers for t in (p.title, p.abstract)]


def _windows(text: str, size: int = 160, step: int = 37) -> list[str]:
    return [text[i : i + size] for i in range(0, max(1, len(text)), step)]


@pytest.mark.parametrize("text, expected", [
    ("a new data set of scans", True), ("a new data\tset", True), ("the dataset", True), ("a database", True),
    ("the benchmark suite", True), ("a parallel corpus", True), ("our data sets", True), ("data  set", False),
    ("training data settings", True), ("the Dataset", False), ("big data", False), ("", False),
])
def test_has_data_noun_agrees_with_the_data_noun_regex(text, expected):
    assert _has_data_noun(text) is expected
    assert _has_data_noun(text) == bool(_DATA_NOUN.search(text))


def test_has_data_noun_agrees_with_the_regex_on_seed_texts(seed_papers):
    texts = _texts(seed_papers)
    assert sum(_has_data_noun(t) for t in texts) > 20  # the seeds have both answers
    assert [_has_data_noun(t) for t in texts] == [bool(_DATA_NOUN.search(t)) for t in texts]


def test_noun_apposition_finds_the_leftmost_match_the_regex_search_finds(seed_papers):
    windows = [w for t in _texts(seed_papers) for w in _windows(t)]
    expected = [_NOUN_APPOSITION.search(w) for w in windows]
    got = [_noun_apposition(w) for w in windows]
    assert sum(m is not None for m in expected) > 20
    assert [(m.span(), m.group("name")) if m else None for m in got] == [
        (m.span(), m.group("name")) if m else None for m in expected]


def test_noun_apposition_skips_a_noun_inside_a_word():
    # 'remodel' holds 'model' (no word start there); the match is the later 'framework, namely X'
    match = _noun_apposition("a remodel of the framework, namely SeqNet, which")
    assert match is not None and match.group("name") == "SeqNet"
    assert _noun_apposition("nothing to see") is None


def test_kind_head_named_matches_only_with_a_naming_word(seed_papers):
    # the gate in _head_kind skips the regex when no naming word is in its window: every match holds one
    for text in _texts(seed_papers):
        for window in _windows(text, 80, 11):
            match = _KIND_HEAD_NAMED.search(window)
            if match:
                assert any(word in match.group() for word in _KIND_HEAD_NAMING)


def test_head_kind_reads_the_noun_before_a_naming_word():
    clause = "we design a suite of architectural variants called Bio-xLSTM for biology"
    assert _head_kind("Bio-xLSTM", clause) == "method"
    assert _head_kind("Qulac", "we collect a dataset, called Qulac, of questions") == "dataset"


@pytest.mark.parametrize("words", [
    ("new", "novel"), ("new ", "novel ", "newly "), ("our ", "Our "), ("proposed ",), _PASSIVE_VERBS, ("new ",),
])
def test_find_all_gives_what_str_find_loops_give(seed_papers, words):
    for text in _texts(seed_papers):
        assert _find_all(text, words) == _find_each(text, words)


def test_find_all_reindexes_a_new_text_and_hands_out_copies():
    first, second = "our new model, our data", "a novel and newly made set"
    spans = _find_all(first, ("our ",))
    spans.append((99, 100))  # a caller's change stays its own
    assert _find_all(first, ("our ",)) == [(0, 4), (15, 19)]
    assert _find_all(second, ("new ", "novel ", "newly ")) == [(2, 8), (12, 18)]
    assert _find_all(first, ("new", "novel")) == [(4, 7)]
    assert introduced._found_in[0] is first


def test_find_all_scans_words_outside_the_shared_index():
    assert _find_all("a b a", ("a", "b")) == [(0, 1), (2, 3), (4, 5)]
