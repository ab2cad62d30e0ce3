"""Regex sentence splitting for abstracts.

Abstracts are short and regular, so a boundary rule plus an abbreviation guard is enough; no NLP model is
loaded. A boundary is a '.', '!' or '?' (optionally followed by closing quotes/brackets) and whitespace,
followed by something that can start a sentence (capital letter, digit, opening quote or bracket). It is
rejected when the word before the period is a known abbreviation ("e.g.", "et al.", "Fig.", "vs.", "Mt.", "Feb.";
not when written in capitals: "for SR. We" and "in MS. We" end sentences), a single initial ("J. Smith"), a dotted
acronym ("U.S.") or a one-digit list number after a colon or a sentence end ("questions: 1. Does NMT ...").
Periods without a following space ("3.5x", "v2.1", "GPT-3.5", "arxiv.org") never split. A period glued to a
capitalised word after a lower-case word ("adoption.In this paper") does split: that is a missing space, common
in scraped abstracts. Blank lines always split.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator

from ..core.errors import InputError
from .catalog import packaged_json

# Abbreviations after which a period does not end a sentence (compared lower-case, without the period): a packaged
# data file, so that the list is edited without touching code.
ABBREVIATIONS_FILE = "abbreviations.json"
_ABBREVIATIONS = frozenset(packaged_json(ABBREVIATIONS_FILE)["words"])
# 'etc.' may or may not end a sentence: it ends one when followed by a capitalised pronoun/determiner.
_ETC_SENTENCE_STARTERS = re.compile(r"(?:We|Our|This|These|The|In|It|Its|To|Finally|Moreover|However|Furthermore)\b")

_BOUNDARY = re.compile(
    r"""
    (?P<end>[.!?]+["'\u201d\u2019)\]]*)      # terminal punctuation, closing quotes/brackets
    (?P<gap>\s+)                              # whitespace
    (?=["'\u201c\u2018(\[]?[A-Z0-9])          # a plausible sentence start
    """,
    re.X,
)
# A period glued to the next sentence: "adoption.In this" (lower-case word, period, capitalised word).
_GLUED = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z]+\s)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_PARAGRAPH = re.compile(r"\n\s*\n")
_URLISH = re.compile(r"(?:https?://|www\.|\w\.(?:com|org|io|net|ai)\b)", re.I)


def _word_before(text: str, index: int) -> str:
    """The non-space run ending at ``index``. The last space is found by ``str.rfind`` (in C; a
    character-by-character loop cost ~2 us a call); another whitespace character after it ends the run."""
    word = text[text.rfind(" ", 0, index) + 1 : index]
    if not word or word[-1].isspace():
        return ""
    return word.rsplit(None, 1)[-1]  # str.split and str.isspace agree on what whitespace is


def _is_abbreviation(text: str, dot: int, next_start: int) -> bool:
    """True when the period at ``text[dot]`` belongs to an abbreviation, not a sentence end."""
    word = _word_before(text, dot).lstrip("([\"'\u201c")
    if not word:
        return False
    low = word.lower()
    if low in _ABBREVIATIONS:
        return not (word.isupper() and len(word) > 1)  # "SR.", "MS.", "ST." are acronyms ending a sentence
    if low == "etc":
        return not _ETC_SENTENCE_STARTERS.match(text, next_start)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True  # an initial: "J. Smith", "A. Vaswani"
    if _DOTTED.fullmatch(word):
        return True  # dotted acronym: "U.S.", "e.g" written "e.g.", "Ph.D."
    if len(word) == 1 and word.isdigit():
        # a list number opens its item: "two questions: 1. Does NMT", "prior work. 4. Scaling" (after nothing, a
        # colon or a sentence end); "as high as 4. Furthermore" ends a sentence
        before = text[max(0, dot - 40) : dot - 1].rstrip()
        return not before or before[-1] in ":;.?"
    return False


def _matches_at_periods(pattern: re.Pattern, text: str, every: bool = False) -> Iterator[re.Match]:
    """``pattern.finditer(text)`` for a pattern whose matches start at a period (unless ``every``).

    Python's regex engine has no fast scan for a pattern starting with a character class or a lookbehind
    (``_GLUED`` cost 24 us per abstract, ``_BOUNDARY`` 16 us); finding the periods with ``str.find`` and
    matching only there gives the same matches, in the same order, without overlaps, for ~3 us.
    """
    if every:
        yield from pattern.finditer(text)
        return
    find = text.find
    i = find(".")
    while i != -1:
        match = pattern.match(text, i)
        if match is None:
            i = find(".", i + 1)
        else:
            yield match
            i = find(".", max(match.end(), i + 1))


def split_sentences(text: str, until: int | None = None,
                    unbroken: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences in ``text``, in order.

    Spans exclude surrounding whitespace and cover every non-space character of ``text`` exactly once,
    so ``text[start:end]`` is the sentence and offsets of a mention map to a sentence with
    :func:`sentence_at`.

    ``until``: only the sentences up to the one holding that offset are wanted (the linker needs the
    sentences of its mentions, the abstract's tail after the last one is scanned for nothing): the scan stops
    at the first sentence end after ``until`` and the result is the leading part of the full list up to
    that end. Every boundary rule is local, so the spans returned are those of the whole text.

    ``unbroken``: ``(start, end)`` spans no sentence ends inside, the linked names of the text (see
    :func:`unbroken_spans`): "Yahoo! Answers" is one name, not a sentence end after "Yahoo!".
    """
    if not isinstance(text, str):
        raise InputError(f"split_sentences expects a string, got {type(text).__name__}")
    limit = len(text) if until is None else until
    stop = len(text)  # the first cut after ``limit`` (each scan below finds every cut up to its own first one)
    cuts: set[int] = set()
    for match in _matches_at_periods(_BOUNDARY, text, every="!" in text or "?" in text):
        dot = match.start("end")
        next_start = match.end()
        if text[dot] == "." and _is_abbreviation(text, dot, next_start):
            continue
        cut = match.end("end")
        if unbroken and _inside(cut, unbroken):
            continue
        cuts.add(cut)
        if cut > limit:
            stop = min(stop, cut)
            break
    for match in _matches_at_periods(_GLUED, text):
        word = _word_before(text, match.start())
        if _URLISH.search(word + text[match.start() : match.start() + 6]):
            continue
        cut = match.end()
        if unbroken and _inside(cut, unbroken):
            continue
        cuts.add(cut)
        if cut > limit:
            stop = min(stop, cut)
            break
    for match in _PARAGRAPH.finditer(text):
        cut = match.start()
        cuts.add(cut)
        if cut > limit:
            stop = min(stop, cut)
            break
    spans: list[tuple[int, int]] = []
    begin = 0
    for cut in sorted(c for c in cuts if c < stop) + [stop]:
        chunk = text[begin:cut]
        stripped = chunk.strip()
        if stripped:
            left = begin + (len(chunk) - len(chunk.lstrip()))
            if len(stripped) > MAX_SENTENCE:
                spans.extend(_pieces(text, left, left + len(stripped)))
            else:
                spans.append((left, left + len(stripped)))
        begin = cut
    return spans


def _inside(cut: int, spans: list[tuple[int, int]]) -> bool:
    """True when ``cut`` falls strictly inside one of ``spans``."""
    return any(start < cut < end for start, end in spans)


def unbroken_spans(names: Iterable) -> list[tuple[int, int]]:
    """The ``(start, end)`` spans of the names (mentions or links, with ``start``, ``end``, ``surface``) whose
    surface holds sentence-ending punctuation ('Yahoo! Answers'): the only ones a cut can fall
    inside, so the only ones :func:`split_sentences` needs as ``unbroken`` (most abstracts have none)."""
    return [(n.start, n.end) for n in names if "!" in n.surface or "?" in n.surface or "." in n.surface]


# The longest sentence of 18,955 arXiv abstracts has 967 characters. A longer "sentence" (a list of thousands of
# names, text without full stops) is cut into pieces of at most this many characters: the relation rules look at
# a mention's whole sentence, so one huge sentence would cost time quadratic in its mentions.
MAX_SENTENCE = 2000


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` cut into spans of at most MAX_SENTENCE characters, at the last whitespace before the
    limit (anywhere when a piece has none), each without surrounding whitespace."""
    while end - start > MAX_SENTENCE:
        space = max(text.rfind(" ", start + 1, start + MAX_SENTENCE + 1), text.rfind("\n", start + 1, start + MAX_SENTENCE + 1))
        cut = space if space > start else start + MAX_SENTENCE
        piece = text[start:cut].rstrip()
        yield start, start + len(piece)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def sentence_index(spans: list[tuple[int, int]], offset: int) -> int:
    """Index of the sentence in ``spans`` holding character ``offset``.

    An offset in the whitespace between two sentences belongs to the sentence before it.
    Raises InputError when ``spans`` is empty or the offset lies before the first / after the last span.
    """
    if not spans:
        raise InputError(f"no sentences to look up offset {offset} in")
    index = bisect_right(spans, (offset, float("inf"))) - 1
    if index < 0 or offset > spans[-1][1]:
        raise InputError(f"offset {offset} is outside the text (sentences span {spans[0][0]}..{spans[-1][1]})")
    return index


def sentence_at(spans: list[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The ``(start, end)`` span of the sentence holding character ``offset`` (see :func:`sentence_index`)."""
    return spans[sentence_index(spans, offset)]


def start_of_sentence(text: str, at: int) -> int:
    """Where the sentence holding offset ``at`` starts, by the plain test the detection rules use: right after the
    last '. ' before ``at``, else 0 (no abbreviation handling; :func:`split_sentences` is the careful splitter)."""
    stop = text.rfind(". ", 0, at)
    return stop + 2 if stop != -1 else 0
