"""Relation typing: how a paper relates to a method it mentions, decided from one sentence.

``type_relation(sentence, start, end)`` returns ``builds_on`` (the paper uses / fine-tunes / extends / is
based on the method), ``compares_to`` (evaluated against it, outperforms / matches / is faster than it, uses
it as a baseline) or ``mentions`` (background), with the cue words that decided and a confidence.

The rules, in the order they are tried:

1. Scope. The sentence is cut into clauses at ';', 'but', 'whereas', 'while', 'although', 'however',
   ', which' and ', and we/our/it/...' (never inside brackets). Only cues in the mention's clause count,
   so in "BERT is popular, but our model outperforms LSTMs" 'outperforms' decides LSTMs, not BERT. An
   acronym in "Low-Rank Adaptation (LoRA)" is widened to its long form, whose words are not cues.
2. The nearest cue before the mention in the clause (within ``_MAX_GAP`` words; list glue, "such as",
   "including" and a parenthesised list are transparent, so "outperforms BERT, RoBERTa and XLNet" decides
   all three). Negations and contrasts ("unlike", "without", "instead of", "does not require") and
   analysis verbs ("we study", "to evaluate") decide ``mentions``; being nearest they override a verb
   further left. Verb cues need the paper as subject (see ``_owner``): "Mamba outperforms Transformers",
   "previous methods use BERT", "X has been shown to ... compared to Y" are someone else's, so
   ``mentions``; "we find that they outperform X", "Using X, we ...", "X was used" are the paper's own.
   Everyday verbs ("use", "improve", "following") need positive evidence of the paper as subject. A use
   participle or noun inside the phrase a comparison is against ("outperform baselines, including those using X",
   "compared with adversarial training and X", "outperform the benchmark method of X") is the comparison's, and so is a use
   verb in a relative clause on the compared noun ("better than a baseline that uses pre-trained embeddings, such as X"); a
   model named with 'on' past the compared phrase ("reduces 52% FLOPs on ResNet-110") is the one the paper runs;
   a negation right before a use verb ("without using X") denies it; a 'than' with no rival ("than previously
   possible", "more than 100 fps") is no comparison cue.
3. A passive or role phrase right after the mention, with the method as subject: "X is used as the
   backbone", "X and Y are compared", "X serves as the encoder", "X as a baseline", "the X baseline".
   Perfect or habitual passives ("X has been widely used") are background, unless the paper's own system is the
   subject ("Our method has been compared to X"). A decisive verdict of rule 2
   (negation, someone else's subject) wins over this rule; a merely unattributed verb does not.
   A use whose subject is the field is background: "Typically, X is fine-tuned", "LLMs like X are used as
   judges", "Approaches that fine-tune X", "Building on X, recent works ...", "Fine-tuning X is expensive".
4. Without a governing cue: "our X" builds on X; X as subject of a comparison or of a reported finding
   ("we show that Transformers outperform ...") is ``mentions``, unless the finding credits it with a success
   ("we demonstrate that BERT ... can successfully be applied"), which reports the paper's own run; compounds ("X-based", "X-style",
   "X backbone") build on X in clauses about the paper's own work (we / our / the proposed / an
   introduced name) and are ``mentions`` elsewhere.
5. Weak sentence-level fallbacks (confidence 0.5-0.55): a sentence setting the paper's findings beside
   others' ("consistent with previous reports") compares; a clause voiced by the paper (we / our / an
   introduced name before the mention, not a survey) builds on; a past-tense procedure ("was computed
   in X") builds on, so does a fronted setting of the paper's own result ("On CIFAR-10 with VGG, our model
   ..."). Otherwise ``mentions``.

Everything is precompiled regular expressions over one sentence: no model, no tokenizer. For speed, one
Aho-Corasick pass over the text before the mention picks the cue patterns that can match there (each cue
lists key words, one of which every match contains); the others are not run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Iterable, Sequence

from ahocorasick_rs import AhoCorasick, BytesAhoCorasick

from ..core.errors import InputError
from .sentences import split_sentences, unbroken_spans

BUILDS_ON = "builds_on"
COMPARES_TO = "compares_to"
MENTIONS = "mentions"

# How many words may separate a cue from the mention it governs (lists included).
_MAX_GAP = 14
# How far back (characters) cues are searched: beyond any cue's word gap, bracketed asides included.
_SCAN_CHARS = 600


@dataclass(frozen=True)
class RelationResult:
    """The relation of a paper to one mention, the cue words that decided it and a confidence in [0, 1]."""

    relation: str
    cue: str
    confidence: float


# ---------------------------------------------------------------------------------------------- scope

_CLAUSE_BREAK = re.compile(
    r"""
    (?=[\s;,:])    # every break starts with one of these; saying so first makes the scan ~2.5x faster
    (?=\s*[;,:]|\s+(?:but|whereas|however|and|--|\u2014|\u2013))    # and goes on so: ~1.35x faster again
    (?:
    \s*;\s*
    | \s*[,:]?\s+(?:but(?!\s+also\b)|whereas)\b[,]?    # "not only on AlexNet but also on ResNet": one clause
    | \s*[,:]\s*(?:while|although|though|however)\b[,]?    # "state-of-the-art yet simple": no break
    # "a simple, yet effective approach using X": ', yet' before an evaluative adjective joins two adjectives
    | \s*[,:]\s*yet\b(?!\s+(?:\w+ly\s+)?(?:simple|effective|efficient|powerful|robust|accurate|fast|lightweight|tractable
        |flexible|scalable|elegant|intuitive|strong|competitive|practical|general|principled|interpretable|compact|cheap
        |expressive|versatile|reliable|straightforward|novel|very|highly|surprisingly|remarkably)\b)[,]?
    | \s+however,
    | ,\s*(?:which|who)\b
    | ,\s*and\s+(?=(?:we|our|it|its|they|their|this|these|the\s+(?:proposed|resulting|results?))\b)
    | \s+and\s+(?=we\b)
    | \s+(?:--|\u2014|\u2013)\s+
    | :\s*(?=\(?(?:i|1|a)\)\s)    # "outperforms the prior art: (i) it achieves ...": an enumeration of findings
    )
    """,
    re.X | re.I,
)


def _clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause ``[lo, hi)`` of ``sentence`` holding the mention ``[start, end)``."""
    lo, hi = 0, len(sentence)
    for b_start, b_end in _clause_breaks(sentence):
        if b_end <= start:
            lo = b_end
        elif b_start >= end:
            hi = b_start
            break
    return lo, hi


# two dashes of one kind around a stretch without ';' (both as _CLAUSE_BREAK finds them: spaced)
_DASH_PAIR = re.compile(r"\s+(--|\u2014|\u2013)\s+[^;]{1,200}?(\s+)\1\s+")


@lru_cache(maxsize=1024)
def _clause_breaks(sentence: str) -> tuple[tuple[int, int], ...]:
    """Clause breaks of ``sentence`` outside brackets, computed once per sentence: the linker types every
    mention of a sentence against the same text."""
    breaks = []
    depth, counted = 0, 0
    for match in _CLAUSE_BREAK.finditer(sentence):
        head = sentence[counted : match.start()]
        depth += head.count("(") + head.count("[") - head.count(")") - head.count("]")
        counted = match.start()
        if depth > 0:
            continue  # "(Yang et al., 2024; Giannou et al., 2023)": a list inside brackets, not a clause break
        breaks.append((match.start(), match.end()))
    if "-- " in sentence or "\u2014" in sentence or "\u2013" in sentence:
        # "we extend two algorithms -- deterministic policy gradient and stochastic value gradient -- to solve ...": a
        # pair of dashes sets off an aside inside the clause, not a new clause
        asides = {position for pair in _DASH_PAIR.finditer(sentence) for position in (pair.start(), pair.start(2))}
        breaks = [b for b in breaks if b[0] not in asides]
    concession = _CONCESSION.match(sentence)
    if concession:
        # "While pretrained Mamba models only reach 38% of comparable Transformer-based LLMs, we show ...": the
        # fronted subordinate clause ends where the paper's own main clause starts
        main = _OWN_MAIN_CLAUSE.search(sentence, concession.end())
        if main and main.start() not in {b[0] for b in breaks}:
            breaks = sorted([*breaks, (main.start(), main.end())])
    return tuple(breaks)


_CONCESSION = re.compile(r"\s*(?:While|Although|Though|Whereas|Even\s+though|Despite)\b")
_OWN_MAIN_CLAUSE = re.compile(r",\s*(?=(?:we|our|this\s+(?:paper|work|study))\b)", re.I)


# ----------------------------------------------------------------------------------- who is the subject

# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_OWN = re.compile(
    r"""(?=[woupti])\b(?:we|our|ours|us
    |this\s+(?:paper|work|study|article|approach|method|model|framework|system|technique|architecture|research|letter|thesis
        |report|chapter|project)|the\s+paper
    |(?:the|our)\s+(?:newly\s+)?proposed|proposed\s+(?:model|method|approach|framework|architecture|system)
    |the\s+(?:presented|introduced|developed|described)\s+(?:system|model|method|approach|framework|architecture|algorithm|technique)
    |the\s+(?:present|current)\s+(?:study|work|paper|results?|findings|method|approach)
    |(?:in\s+)?this\s+(?:paper|work|study)|the\s+resulting
    |our\s+(?:results?|findings|data|model|method|approach)
    |^\s*(?:the|this)\s+(?:new|resulting|overall|whole|full|final)?\s*(?:model|network|architecture|system|framework
        |approach|method|pipeline|detector|algorithm)\b)\b""",
    re.X | re.I,
)
# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_OTHER = re.compile(
    r"""(?=[pertcbaslomwui])\b(?:prior|previous|previously|existing|earlier|recent|recently|conventional|traditional|competing
    |baselines?|researchers|authors|studies|literature|et\s+al
    |others|many|most|widely|widespread|popular|popularity|commonly|typically|often|usually
    |increasingly|already|currently|other|these\s+(?:models|methods|approaches)|such\s+(?:models|methods|approaches))\b""",
    re.X | re.I,
)
# Name-like tokens (used when the caller does not pass the other mentions): all-caps, inner capitals,
# digits, or a capitalised word that is not the first word of the sentence. Citation markers count.
_NAMELIKE = re.compile(
    r"\[[\d,\s\-\u2013]+\]|\(\s*[A-Z][^()]{0,60}\d{4}[a-z]?\s*\)|\b[A-Z][a-z]*[A-Z][\w\-]*|\b[A-Z]{2,}[\w\-]*"
    r"|\b[A-Za-z]+-?\d[\w.\-]*|(?<=\w\s)[A-Z][a-z]+(?:former|Net|net|BERT|GPT)?\b"
)
_SENTENCE_START_WORDS = frozenset(
    """the this these that those it its in on for our we results experiments extensive empirical evaluation
    moreover furthermore however additionally specifically finally notably overall both all such each a an
    with when while as by from to using compared unlike although despite here thus hence consequently
    further also existing previous recent evaluations evaluated experimental comprehensive""".split()
)
_EMPTY_SUBJECT = re.compile(
    r"^[\s,]*(?:(?:and|or|also|further|then|thereby|thus|significantly|substantially|consistently|even|"
    r"can|could|may|might|will|would|to|which|that|who|not|only|still|largely|greatly|clearly|"
    r"\w+ly)\b[\s,]*)*$",
    re.I,
)


@lru_cache(maxsize=64)
def _own_regex(own: tuple[str, ...]) -> "re.Pattern | None":
    """One pattern for the paper's own names, whole words only ('HE' must not be found inside 'the').

    Only non-ASCII text asks for it, with the names of the paper being linked: repeats come from the same paper,
    so 64 patterns (~1.1 KB each) keep them; 4,096 held ~4.5 MB on a corpus of non-ASCII abstracts."""
    names = sorted({re.escape(n) for n in own if n}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(names) + r")(?!\w)", re.I) if names else None


def _own_in(text: str, own: Sequence[str]) -> "str | None":
    """The first of the paper's own names written in ``text`` (lower case), or None."""
    if not own:
        return None
    if text.isascii() and all(name.isascii() for name in own):
        # str.find instead of a pattern compiled per paper (every paper has its own names, so the pattern
        # cache never hits: ~20 us a paper); same answer: the leftmost whole-word occurrence, the longest
        # there (on ASCII text, '\w' is [A-Za-z0-9_] and re.I is lower-casing)
        low, best_start, best_end = text.lower(), -1, -1
        for name in own:
            name = name.lower()
            i = low.find(name) if name else -1
            while i != -1:
                e = i + len(name)
                if not (_word_char(low, i - 1) or _word_char(low, e)):
                    if best_start < 0 or i < best_start or (i == best_start and e > best_end):
                        best_start, best_end = i, e
                    break
                i = low.find(name, i + 1)
        return low[best_start:best_end] if best_start >= 0 else None
    pattern = _own_regex(tuple(own))
    match = pattern.search(text) if pattern else None
    return match.group(0).lower() if match else None


def _word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` exists and is a word character ('\\w' on ASCII text)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def _namelike_in(text: str, base: int, others: Sequence[tuple[int, int]] | None, own: Sequence[str]) -> str:
    """The first name of another method in ``text`` (which starts at ``base`` in the sentence), or ''."""
    if others is not None:
        for lo, hi in others:
            if lo >= base and hi <= base + len(text):
                name = text[lo - base : hi - base]
                if name.lower() not in own:
                    return name
        return ""
    # Without the other mentions, look at the subject's head: the last word before the verb, skipping
    # auxiliaries and a generic head noun ("the Mamba model"); a name in parentheses is a modifier.
    head = _SUBJECT_TAIL.sub("", text)
    match = _NAMELIKE_HEAD.search(head)
    if match:
        token = match.group(1)
        if token.lower() not in own and token.lower() not in _SENTENCE_START_WORDS:
            if _NAMELIKE.fullmatch(token) and not token.isdigit():
                return token
            previous = head[: match.start(1)].split()[-1:]
            if token[:1].isupper() and not (previous and previous[0][:1].isupper()):
                # a capitalised subject ("Mamba outperforms ...", "introduced Mamba, which"), but not the
                # last word of a title-case long form ("Automatic Speech Recognition model leveraging")
                return token
    return ""


_SUBJECT_TAIL = re.compile(
    r"(?:\s+(?:models?|architectures?|methods?|networks?|approach(?:es)?|variants?|family|framework|systems?"
    r"|is|are|was|were|has|have|had|can|could|may|might|will|would|also|not|only|still|even|further|\w+ly))*\s*$",
    re.I,
)
_NAMELIKE_HEAD = re.compile(r"(?:^|\s)(?!\()([\w][\w.\-']*)$")


# Markers that the whole clause reports prior work, wherever they stand before the cue.
_PRIOR = re.compile(
    r"\b(?:(?:has|have|had)\s+(?:\w+ly\s+)?been\s+(?:shown|reported|demonstrated|found|observed|proposed)"
    r"|previous(?:ly)?|prior\s+(?:work|studies|research|methods?|approaches|models?)|existing\s+(?:work|studies|methods?|approaches|models?)"
    r"|et\s+al\b|researchers|the\s+literature)\b",
    re.I,
)
_PASSIVE_BEFORE = re.compile(
    r"\b(?P<aux>is|are|was|were|be|being|been)\s+(?:\w+ly\s+|also\s+|then\s+|first\s+|further\s+)?(?:\w+\s+)?$", re.I
)
_PAST_PASSIVE_END = re.compile(r"\b(?:was|were)\s+(?:\w+ly\s+|then\s+|also\s+|first\s+)?\w+(?:ed|en|wn|un|ne|ut)\s*$", re.I)
# a perfect with the paper's own system as subject reports its own work: "Our method has been compared to the
# state-of-the-art methods ORB-SLAM2 and LDSO" (not "our previous model has been used")
_OWN_PERFECT = re.compile(r"\b(?:our|the\s+(?:newly\s+)?proposed|the\s+presented)\s+(?!previous|prior|earlier|former)"
                          r"(?:[\w-]+\s+){1,3}?(?:has|have)\s+(?:also\s+)?been\s+(?:\w+ly\s+)?$", re.I)
_PERFECT = re.compile(r"\b(?:has|have|had)\s+(?:\w+ly\s+|also\s+)?been\s+(?:\w+ly\s+)?$", re.I)


def _owner(
    sentence: str,
    clause_lo: int,
    cue_start: int,
    others: Sequence[tuple[int, int]] | None,
    own: Sequence[str],
    clause_hi: int | None = None,
) -> str:
    """Whose action a verb cue at ``cue_start`` describes: 'own', 'other' or 'unknown'.

    The subject is the text right before the cue, back to the previous comma, 'that'/'which' or clause
    start. A participle or coordinated verb ("..., outperforming X", "and outperforms X") takes the
    clause's first words instead, a relative pronoun its antecedent, and a clause-initial participle
    ("Using X, we ...") the subject after it. A passive cue ("X was used") has the writers as implicit
    agent: past passive is the paper's own procedure, a perfect or habitual one ("has been widely used")
    is background. A comparison reported by the paper ("we find that they outperform X") is its own.
    """
    # Bracketed asides ("(up to 46.35 ROUGE-1, 77 BERTScore)") are blanked so they neither anchor nor name.
    sentence = sentence[:clause_lo] + _mask_brackets(sentence[clause_lo:cue_start]) + sentence[cue_start:]
    earlier = None
    for earlier in _EARLIER_COMPARISON.finditer(sentence, clause_lo, cue_start):
        pass
    if earlier is not None:
        # "a significant improvement ... over previous Transformer based models being over 10x smaller than X": the
        # words after an earlier comparison, up to a comma, are its object, not the subject of the later cue
        stop = _OBJECT_END.search(sentence, earlier.end(), cue_start)
        stop = stop.start() if stop else cue_start
        sentence = sentence[: earlier.end()] + " " * (stop - earlier.end()) + sentence[stop:]
        if others:
            others = [span for span in others if not earlier.end() <= span[0] < stop]
    prefix = sentence[clause_lo:cue_start]
    own_in_prefix = bool(_OWN.search(prefix)) or _own_in(prefix, own) is not None
    if (_search_end(_PERFECT, prefix, 4) and not _search_end(_OWN_PERFECT, prefix, 9)) or _search_end(_HABITUAL_END, prefix, 1):
        return "other"
    passive = _search_end(_PASSIVE_BEFORE, prefix, 3)
    if passive and passive.group("aux").lower() in ("was", "were"):
        return "own"
    if _search_end(_PAST_PASSIVE_END, prefix, 3) or (_PAST_PASSIVE.search(prefix) and not _PRIOR.search(prefix)):
        return "own"  # "... was done using X", "patients were assessed ... using X": the paper's procedure
    if not own_in_prefix and _GENERIC_RELATIVE_SUBJECT.fullmatch(prefix):
        return "other"  # "Approaches that fine-tune BERT achieve ...": the field's methods, not the paper
    anchor = -1
    for match in _SUBJECT_ANCHOR.finditer(prefix):
        anchor = match.end()
    region_lo = clause_lo + anchor if anchor >= 0 else clause_lo
    region = sentence[region_lo:cue_start]
    relative = bool(_AUX_ONLY.fullmatch(prefix) and _RELATIVE_BREAK.search(sentence, 0, clause_lo))
    if not relative and anchor < 0 and not own_in_prefix and _RELATIVE_BREAK.search(sentence, 0, clause_lo) \
            and not _OTHER.search(prefix) and not _HABITUAL.search(prefix):
        # "a new algorithm, ... (EXAMM), which is capable of evolving RNNs using LSTM cells": every verb of a relative
        # clause has the antecedent as subject, the paper's own when it is named or voiced as such
        antecedent = _RELATIVE_BREAK.sub("", sentence[max(0, clause_lo - 80) : clause_lo])
        if _OWN.search(antecedent) or _own_in(antecedent, own) is not None:
            return "own"
    if relative or _EMPTY_SUBJECT.match(region) or _PRONOUN_SUBJECT.match(region) or _CLAUSE_OPENER.fullmatch(prefix):
        if relative:
            # ", which augments X": the antecedent before the break is the subject
            antecedent = _RELATIVE_BREAK.sub("", sentence[max(0, clause_lo - 80) : clause_lo])
            if _OWN.search(antecedent) or _own_in(antecedent, own) is not None:
                return "own"
            head = _tail_words(antecedent, 2)
            base = clause_lo - len(sentence[max(0, clause_lo - 80) : clause_lo]) + len(antecedent) - len(head)
            if _PRIOR.search(antecedent) or _OTHER.search(head) or _namelike_in(head, base, others, own):
                return "other"  # "Recent work introduced Mamba, which outperforms Transformers"
            if _PROPOSAL_OPEN.match(sentence) and not _OTHER.search(sentence, 0, clause_lo):
                # "We propose a method for mapping ... onto a distributional semantic space, which adapts the word2vec
                # architecture": the relative clause of the sentence that states the paper's proposal describes it
                return "own"
            return "unknown"
        if not prefix.strip(" ,") or _CLAUSE_OPENER.fullmatch(prefix):
            # "Using BERT, we ...", "When combined with RoPE, our model ...": the subject follows
            rest = sentence[cue_start:clause_hi]
            if _OWN.search(rest) or _own_in(rest, own) is not None:
                return "own"
            comma = _mask_brackets(rest).find(",")
            if comma >= 0:
                # "Building on BERT, recent works have proposed ...": the subject after the phrase is the field's
                subject = rest[comma + 1 :]
                if _FIELD_SUBJECT.match(subject) or _OTHER.search(_head_words(subject, 3)) or _PRIOR.search(_head_words(subject, 4)):
                    return "other"
            elif _EVALUATIVE_PREDICATE.search(rest):
                # "Fine-tuning BERT is computationally expensive", "Distilling from GPT-4 is a popular strategy": the
                # gerund phrase is the subject of a judgement about common practice
                return "other"
            return "unknown"
        if own_in_prefix and not _PRIOR.search(prefix):
            return "own"  # "we find that they outperform X", "a framework which integrates X"
        region_lo, region = clause_lo, prefix
    own_word = _OWN.search(region)
    if own_word and _FIELD_SUBJECT.match(region) and _PREPOSITION_END.search(region, 0, own_word.start()):
        # "The existing models counting on this framework merely employ ... ResNet": the own words sit in a modifier
        # of the field's subject, which is who employs
        return "other"
    if own_word or _own_in(region, own) is not None or _ORDINAL_SUBJECT.fullmatch(region):
        return "own"
    if _REPORTED.search(prefix):
        return "own"  # "we show that Mamba SSMs are more stable than Transformers": the paper's finding
    if _EXPERIMENT_SUBJECT.match(region) and not _PRIOR.search(prefix):
        return "own"  # "Experiments using SVMs were performed ...": an abstract's experiments are the paper's own
    if _PRIOR.search(prefix) and not own_in_prefix:
        return "other"  # "xLSTM has been shown to perform favorably compared to Transformers"
    # Only the words next to the verb make its subject: "... of LaTeX formulae, the model outperforms".
    tail = _tail_words(region, 6)
    near = _tail_words(region, 3)
    if _OTHER.search(tail) or _namelike_in(near, region_lo + len(region) - len(near), others, own):
        return "other"
    if not own_in_prefix and _FIELD_SUBJECT.match(region):
        return "other"
    if own_in_prefix:
        return "own"  # "we propose MERLIN, a framework designed to train X"
    if _PRESENT_PASSIVE.search(prefix):
        return "own"  # "details are represented by tokens generated using X": describing the method
    if _search_end(_PRESENT_AUX_END, prefix, 3) and _PARTICIPLE_CUE.match(sentence, cue_start):
        # the cue is a present passive whose subject is neither the field nor prior work (checked above):
        # "Visual features are extracted with X", "The encoder is pre-trained with X" describe the paper's system
        return "own"
    return "unknown"


# an earlier comparison in the clause, whose object runs on to the next cue (see ``_owner``)
_EARLIER_COMPARISON = re.compile(
    r"(?=[igaocsbtv])\b(?:(?:improvements?|gains?|advantages?)\s+(?:[\w-]+\s+){0,3}?over|outperform\w*|surpass\w*"
    r"|compared\s+(?:to|with)|(?<!rather\s)(?<!other\s)than|versus)(?=\s)", re.I)
_OBJECT_END = re.compile(r"[,;:]")
_PREPOSITION_END = re.compile(r"\b(?:on|of|in|to|from|with|by|for|upon|like)\s+$", re.I)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")


def _mask_brackets(text: str) -> str:
    """``text`` with closed (...) and [...] groups replaced by spaces of the same length."""
    previous = None
    while previous != text:
        previous = text
        text = _BRACKETED.sub(lambda m: " " * len(m.group(0)), text)
    return text


# 'is / are' right before the cue, adverbs aside ('are then extracted with'; not 'are methods based on')
_PRESENT_AUX_END = re.compile(r"\b(?:is|are)\s+(?:\w+ly\s+|also\s+|then\s+|first\s+|further\s+)?$", re.I)
_PARTICIPLE_CUE = re.compile(r"(?:pre-?|re-?)?\w+(?:ed|en)\b", re.I)  # 'extracted with', 'pre-trained' (not 'similar to')
_PRESENT_PASSIVE = re.compile(
    r"\b(?:is|are)\s+(?!(?:known|considered|believed|thought|regarded|seen|used|shown|widely|commonly|often|typically"
    r"|usually|generally|still|not|also|very|more|less|able|capable|limited|based|likely|unlikely|due)\b)\w+(?:ed|en)\b",
    re.I,
)
_AUX_ONLY = re.compile(
    r"[\s,]*(?:(?:is|are|was|were|be|been|being|has|have|had|can|could|may|might|will|would|also|then|further"
    r"|not|only|\w+ly)\s+)*", re.I
)
_RELATIVE_BREAK = re.compile(r",\s*(?:which|who)\s*$", re.I)
# a sentence stating the paper's proposal: "We propose ...", "In this paper, we present ..."
_PROPOSAL_OPEN = re.compile(
    r"\s*(?:(?:in\s+this\s+(?:paper|work|letter|article)|here(?:in)?|to\s+this\s+end)\s*,?\s+)?we\s+(?:\w+ly\s+|also\s+|further\s+)?"
    r"(?:propose|present|introduce|develop|design|describe|devise|build|construct)\b", re.I)
_SUBJECT_ANCHOR = re.compile(r",|\b(?:that|which|who)\b", re.I)
_PRONOUN_SUBJECT = re.compile(r"^\s*(?:it|they|this|these|both)\b(?:\s+\w+ly|\s+(?:can|could|also|further|will|would|may|to))*\s*$", re.I)
_CLAUSE_OPENER = re.compile(
    r"\s*(?:(?:when|while|after|before|once|if|by|through|upon|then|next|finally|first|second|third|additionally"
    r"|moreover|furthermore|specifically|in\s+particular|here|for\s+example|for\s+instance|e\.g\.|in\s+addition"
    r"|notably|thus|therefore|hence|consequently|overall|importantly|instead|similarly|likewise)[\s,]*)*",
    re.I,
)
# A clause-initial subject that is a plural, generic class of methods with a relative clause: "Approaches that
# fine-tune X", "However, most methods which rely on X".
# An ordinal subject names one part of what the paper enumerates: "we propose three approaches ...; the second uses
# ELMo embeddings ...; the third approach uses BERT", "The first stage fine-tunes X".
_ORDINAL_SUBJECT = re.compile(
    r"\s*(?:and\s+)?(?:the\s+)?(?:first|second|third|fourth|fifth|final|former|latter)\s+(?:(?:[\w-]+\s+)?(?:one|approach|method"
    r"|model|stage|step|phase|module|component|branch|network|variant|part|system|strategy|technique|algorithm|framework"
    r"|sub-?network|experiment|setting)s?\s+)?(?:\w+ly\s+|also\s+|then\s+|further\s+)*",
    re.I,
)
_GENERIC_RELATIVE_SUBJECT = re.compile(
    r"\s*(?:(?:however|moreover|furthermore|recently|currently|nowadays|traditionally|typically|in\s+practice|thus|hence)\s*,?\s*)?"
    r"(?:(?:the|most|many|several|some|other|such|these|those|all|existing|current|recent|prior|previous)\s+)*"
    r"(?:[\w-]+\s+){0,3}?(?:approaches|methods|models|systems|works|studies|techniques|architectures|networks|algorithms"
    r"|frameworks|papers|solutions|pipelines|detectors|classifiers|researchers|authors)\s+(?:that|which|who)\s+"
    r"(?:\w+ly\s+|also\s+)?",
    re.I,
)
# A judgement about a practice as a whole: "... is costly", "... remains an open problem", "... is a popular strategy".
_EVALUATIVE_PREDICATE = re.compile(
    r"\b(?:is|are|remains?|becomes?|has\s+become)\s+(?:\w+ly\s+|still\s+|often\s+|also\s+|not\s+)*(?:an?\s+|the\s+)?"
    r"(?:[\w-]+\s+)?(?:popular|common|standard|prevalent|dominant|widespread|typical|de\s+facto|expensive|costly|challenging"
    r"|difficult|hard|infeasible|impractical|prohibitive|non-?trivial|open|unclear|problematic|time-consuming|inefficient"
    r"|unstable|slow|resource-intensive|memory-intensive|error-prone|suboptimal|sub-optimal)\b",
    re.I,
)
_HABITUAL_END = re.compile(r"\b(?:widely|commonly|often|typically|usually|frequently|extensively|mainly|mostly|largely|predominantly)\s+$", re.I)
# A subject noun phrase that names the field or third parties, not the paper: "The dominant approaches for NER
# mostly adopt X", "the existing models ... employ X", "current deep learning systems use X", "Many methods ...".
_FIELD_SUBJECT = re.compile(
    r"^\s*(?:the\s+|an?\s+|most\s+|many\s+(?:of\s+the\s+)?)?(?:(?:existing|current|dominant|mainstream|prevailing|prevalent"
    r"|conventional|traditional|previous|prior|popular|standard|typical|classical|state-of-the-art|recent|common|usual"
    r"|modern|contemporary|today['\u2019]s)(?!\w)"
    r"|(?:most|many|numerous|various|(?:an?\s+)?(?:wide\s+|large\s+|broad\s+|growing\s+)?(?:array|range|variety|number|host|body|family)\s+of)"
    r"\s+(?:\w+\s+){0,3}?(?:approaches|methods|models|systems|works|studies|architectures|networks)\b)",
    re.I,
)
# A subject that is the paper's experiments: "Experiments using X were performed", "Experimental results obtained
# using X indicate ...", "Extensive evaluations with X show ..."; an abstract reports its own experiments.
_EXPERIMENT_SUBJECT = re.compile(
    r"\s*(?:the\s+)?(?:(?:extensive|comprehensive|thorough|several|numerous|further|additional|preliminary|initial"
    r"|systematic|large-scale|empirical|numerical|quantitative|qualitative)\s+)*(?:experiments?|experimental\s+(?:results?"
    r"|evaluations?|studies|analys[ie]s)|evaluations?|simulations?|empirical\s+results?)\b",
    re.I,
)
_REPORTED = re.compile(
    r"\b(?:we|our\s+(?:experiments?|results?|analysis|evaluation|study)|experiments?|results?|evaluations?)\s+"
    r"(?:[\w-]+\s+){0,5}?(?:show|find|found|demonstrate|observe|reveal|confirm|indicate|suggest|validate|verify)\w*\s+that\b"
    r"|\b(?:showing|demonstrating|revealing|confirming|indicating)\s+that\b",
    re.I,
)


def _head_words(text: str, count: int) -> str:
    """The first ``count`` whitespace-separated words of ``text``."""
    return " ".join(text.split(None, count)[:count])


def _tail_words(text: str, count: int) -> str:
    """The last ``count`` whitespace-separated words of ``text`` (with their original spacing)."""
    return text[_tail_start(text, count) :]


def _tail_start(text: str, count: int) -> int:
    """Where the last ``count`` whitespace-separated words of ``text`` begin (0 when it has no more words).
    str.rsplit and the regex '\\s' agree on what whitespace is."""
    parts = text.rsplit(None, count)
    if len(parts) <= count:
        return 0
    rest = text[len(parts[0]) :]  # rsplit keeps the head as written, up to its last non-space
    return len(text) - len(rest.lstrip())


def _search_end(pattern: re.Pattern, text: str, words: int) -> "re.Match | None":
    """``pattern.search(text)`` for a pattern anchored at the end ('$') whose matches span at most the last
    ``words`` whitespace-separated words: searched from where they begin, not tried at every character
    (the word before them still counts for '\\b')."""
    return pattern.search(text, _tail_start(text, words))


# ------------------------------------------------------------------------------------------------ cues

# Who must be the subject of a cue for it to count: anyone ("unlike X", "consistent with X"), anyone but
# another named method or prior work ("outperforms X", "fine-tunes X"), or the paper itself (ambiguous
# everyday verbs: "uses", "improves", "following", which background sentences use all the time).
ANY, NOT_OTHER, OWN = "any", "not_other", "own"


@dataclass(frozen=True)
class _Cue:
    relation: str
    confidence: float
    agent: str
    max_gap: int
    pattern: re.Pattern
    needs: str = ""  # a lower-case word the text must contain for the pattern to match at all (speed)
    # Lower-case fragments, one of which every match contains (speed: the pattern is only run on text holding
    # one, found for all cues in one automaton pass). Empty: the pattern is always run. Single words only:
    # the patterns allow any whitespace between words. "<key" must start a word and "key>" end one (no
    # letter, digit, '_' or '-' beside it); "a/b+c" needs one of a, b and also c.
    keys: tuple[str, ...] = ()


def _cue(
    relation: str,
    confidence: float,
    pattern: str,
    agent: str = NOT_OTHER,
    max_gap: int = _MAX_GAP,
    needs: str = "",
    keys: str = "",
    first: str = "",
) -> _Cue:
    """A cue; ``first``: the letters a match can start with (speed: the scan leaves other word starts at once)."""
    compiled = re.compile(r"(?<![\w-])" + (f"(?=[{first}])" if first else "") + r"(?:" + pattern + r")(?![\w-])", re.I)
    return _Cue(relation, confidence, agent, max_gap, compiled, needs, tuple(keys.split()))


# what confirming agrees with, when it is a comparison: earlier findings ("confirm previous findings with BERT", "confirms
# the results of Smith et al."), not a finding of the paper's own ("we confirmed nested SBM is appropriate")
_PRIOR_FINDINGS = (r"(?:(?:the|these|those|their|its|such)\s+)?(?:(?:previous|previously|earlier|prior|recent|published|reported"
                   r"|original|theoretical|empirical|experimental|same|similar|other|known)\s+)*(?:findings|results|observations?"
                   r"|conclusions?|claims?|predictions?|reports?|studies|work)\b")

# (a capitalised "-er" word is a name, not a comparative: "Transformer based models ... 10x smaller than")
_COMPARATIVE = (r"(?:(?-i:[a-z])\w*er|more(?:\s+\w+)?|less(?:\s+\w+)?|fewer|better|worse|smaller|larger|higher|lower"
                r"|faster|slower|stronger|weaker|cheaper|(?:\d+(?:\.\d+)?\s*(?:x|\u00d7|times|%)))")

# "baseline" in its geometric sense, the distance between two cameras or antennas ("which requires sufficient
# baseline" in SLAM, "wide baseline stereo", "disparate camera baselines", "Very Long Baseline Interferometry",
# "small baseline between views"), is no comparison; the written-together forms ("wide-baseline") never match a cue.
_NOT_GEOMETRIC = ("".join(rf"(?<!\s{w}\s)" for w in ("wide", "wider", "narrow", "short", "long", "large", "small",
                                                     "sufficient", "camera", "stereo", "disparate"))
                  + r"(?!baselines?\s+(?:length|distance|between\s+(?:the\s+)?(?:two\s+)?(?:views|cameras|frames|images)"
                  r"|interferometr|neutrino))")

# what a result is measured in, when set beside another method's
_MEASURE = (r"(?:performance|results?|accuracy|accuracies|quality|scores?|precision|recall|f1|bleu|map|error(?:\s+rates?)?"
            r"|(?:mean\s+)?average\s+precision)(?:\s*\([\w@.-]{1,12}\))?")

# Improving a method's performance is applying the paper's technique to it ("improve detection accuracy of
# DSSD", "replacing self-attention with SHE improves the performance of the Transformer"), unless the paper's
# own named model is the subject: "ATLAS further improves the long context performance of Titans" compares.
_IMPROVE_OF_CUE = _cue(BUILDS_ON, 0.8, r"improv\w+\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:performance|accuracy|results?)\s+of",
                       max_gap=5,
                       keys="improv")
_NAMED_SUBJECT = re.compile(
    r"[\s,]*(?:the\s+)?(?:proposed\s+)?(?P<name>[\w.\-]+)(?:\s+(?:model|method|framework|architecture|network|system))?"
    r"(?:\s+(?:\w+ly|further|also|still|can|could|will|may))*\s*", re.I
)

# "Explore" in an ML abstract is mostly trying a method out ("we explore MAML for low-resource NLU", "we explore two
# architectures - I3D and TSN"): a study verb only before a question or a property ("explore whether / how X ...",
# "explore the role of X"); otherwise the verb is left to the cues further left or the clause's voice.
_EXPLORE_STUDY = (r"(?=\s+(?:whether|how|why|what|which|if|the\s+(?:extent|role|effects?|impacts?|influence|behaviou?r"
                  r"|properties|nature|limits|limitations|inner|internal|dynamics|representations?)\b))")

# Cues that stand before the method they govern. Nearest one wins; order here does not matter.
_PRE_CUES: tuple[_Cue, ...] = (
    # negation, contrast and background: the method is not used
    # ('testing without is robust across ... models (GRU, LSTM)': a 'without' with no object denies nothing)
    _cue(MENTIONS, 0.8, r"unlike|different(?:ly)?\s+from|(?<!with\sor\s)(?<!with\sand\s)without(?!\s+(?:is|are|was|were|has|have|had)\b)|instead\s+of|rather\s+than|as\s+opposed\s+to|in\s+contrast\s+(?:to|with)"
         r"|(?:do|does|did|can|could|will)(?:\s+not|n't)\s+(?:require|need|use|rely\s+on|depend\s+on|have|contain|involve|include)"
         # "we do not base our approach on ... SSD and YOLO", "not bound to any particular detection paradigms, such as R-CNN"
         # (not "including but not limited to X", a list of what is used: 'limited' and 'restricted' need their 'is')
         r"|(?:do|does|did)(?:\s+not|n't)\s+base\s+(?:\w+\s+){0,3}?on|not\s+(?:bound|tied)\s+to|(?:is|are)\s+not\s+(?:restricted|limited)\s+to"
         r"|no\s+need\s+for|eliminat\w+(?:\s+the\s+need\s+for)?|free\s+of|alternatives?\s+to"
         r"|(?:since|after)\s+the\s+(?:advent|introduction|emergence|release|success)\s+of"
         # (not "Inspired by the success of X, we propose ...": the paper's work takes after X; 'inspired by' decides)
         r"|the(?<!inspired\sby\sthe)(?<!motivated\sby\sthe)\s+(?:success|popularity|advent|emergence)\s+of|pioneered\s+by|populari[sz]ed\s+by"
         r"|(?:failure\s+modes|limitations|weaknesses|shortcomings|vulnerabilit(?:y|ies)|deficienc(?:y|ies))\s+of"
         # "Contrary to previous LSTM based works, AEN ...", "Contrary to i-vectors, ..." contrast like 'unlike'; contrary
         # to findings, reports or a citation sets results side by side (the comparison cue below)
         r"|contrary\s+to(?!\s+(?:(?:the|our|their|what|previous|earlier|prior|recent|published|common|popular|many|some)\s+)*"
         r"(?:findings|results?|reports?|observations?|stud(?:y|ies)|expectations?|beliefs?|theory|theories|predictions?"
         r"|literature|claims?|what|those|that|this|intuition|conventional)\b|\s*[\[(]|\s+[A-Z][\w-]*\s+(?:et\s+al|and\s+[A-Z]))", ANY,
         keys="<unlike <different <without <instead <rather <opposed <contrast "
         "<require/<need/<use/<rely/<depend/<have/<contain/<involve/<include+<not>/n't <base+<not>/n't "
         "<bound/<tied/<restricted/<limited+<not> <need <eliminat <free <alternative "
         "<advent/<introduction/<emergence/<release/<success+<of> <populari <pioneered <failure <limitations <weaknesses "
         "<shortcomings <vulnerabilit <deficienc <contrary", first="acdefilnprstuvw"),
    # outlook and replacement: "open further opportunities for improving ... transformer-based LLMs", "paves
    # the way towards better understanding ... Transformer models", "to replace the original ... Transformer"
    # (the gerunds that follow belong to the outlook: "opportunities for understanding and improving X")
    _cue(MENTIONS, 0.65, r"(?:opportunit(?:y|ies)\s+for|future\s+(?:work|research|studies|directions?)\s+(?:on|in|for|of)"
         r"|pav(?:e|es|ed|ing)\s+the\s+way\s+(?:for|to(?:wards?)?))(?:\s+(?:\w+ly\s+)?\w+ing(?:\s+(?:and|or)\s+\w+ing)?)?"
         r"|replac(?:e|es|ed|ing)\s+(?:the\s+)?(?:original|standard|vanilla|conventional|existing|traditional)", ANY,
         keys="opportunit future pav replac"),
    # studying a method is not using it (surveys, analyses, probing papers)
    _cue(MENTIONS, 0.6, r"(?:investigation|examination|exploration|characteri[sz]ation|understanding)\s+(?:into|of)"
         r"|(?:theoretical|empirical|systematic|comprehensive|mechanistic)\s+(?:analysis|analyses|study|studies|evaluation)\s+of",
         ANY, keys="investigation examination exploration characteri understanding theoretical empirical systematic "
         "comprehensive mechanistic"),
    _cue(MENTIONS, 0.6, r"(?:by|when|while|through|after)\s+(?:\w+ly\s+)?(?:analy[sz]ing|studying|investigating|examining"
         r"|probing|exploring" + _EXPLORE_STUDY + r"|evaluating|benchmarking|interpreting|revisiting|characteri[sz]ing|dissecting)", ANY,
         keys="analy studying investigating examining probing exploring evaluating benchmarking interpreting "
         "revisiting characteri dissecting"),
    _cue(MENTIONS, 0.6, r"(?:we|to|and|also|further|then)\s+(?:\w+ly\s+|first\s+|further\s+)?"
         r"(?:stud(?:y|ied)|investigated?|analy[sz]ed?|examined?|probed?|explored?" + _EXPLORE_STUDY + r"|evaluated?|assess(?:ed)?"
         r"|benchmark(?:ed)?|interpret(?:ed)?|revisit(?:ed)?|understand|explain(?:ed)?|characteri[sz]ed?)", ANY,
         keys="stud investigat analy examine probe explore evaluate assess benchmark interpret revisit understand "
         "explain characteri", first="aftw"),
    # comparison of the paper's method or results with the cited one
    _cue(COMPARES_TO, 0.9, r"outperform\w*|out(?:-|\s)perform(?:s|ed|ing)?|surpass\w*|beat(?:s|ing)?|exceed(?:s|ed|ing)?"
         r"|outpac\w+|outstrip\w*|outdo(?:es|ne|ing)?|outdid"
         r"|(?:win|wins|won|winning)\s+(?:over|against)"
         r"|rival(?:s|ed|ing|ling)?|competitive\s+(?:(?:performance|results?|accuracy|quality|scores?)\s+)?(?:with|to|against)"
         r"|comparable\s+(?:performance|results?|accuracy|quality|scores?)\s+(?:to|with)|(?:on|at)\s+par\s+with"
         r"|(?:achiev\w+|retain\w*|recover\w*|reach\w*|attain\w*)\s+[^,;]{0,25}?\s+of\s+(?:the\s+)?(?:accuracy|performance|quality|scores?)\s+of"
         r"|(?:performance|accuracy|quality|results?)\s+(?:\w+\s+){0,2}?(?:toward|towards|close\s+to|closer\s+to|approaching)"
         r"|approach(?:es|ed|ing)\s+(?:[\w-]+\s+){0,4}?(?:that|those)\s+of"
         r"|(?:performance|accuracy|quality)\s+gaps?\s+between"
         r"|(?:behave|behaves|behaved|perform|performs|performed|act|acts)\s+(?:\w+ly\s+)?similar(?:ly)?\s+to"
         r"|(?:closes?|closing|narrows?|narrowing)\s+the\s+gap\s+(?:with|to)",
         keys="<outperform <out-perform <out>+<perform>/<performs>/<performed>/<performing> <surpass <beat <exceed "
         "<outpac <outstrip <outdo <win <won <rival <competitive <comparable <par> "
         "<achiev/<retain/<recover/<reach/<attain+<accuracy/<performance/<quality/<score "
         "<toward/<close/<approaching/<gap+<performance/<accuracy/<quality/<result <approach+<that>/<those> "
         "<similar+<behave/<perform/<act <clos/<narrow+<gap>", first="abcenopqrsw"),
    # "X times faster than": the slowest pattern, tried only when 'than' is written
    _cue(COMPARES_TO, 0.85, _COMPARATIVE + r"(?:\s+[\w()%.-]+){0,6}?\s+than", needs="than", keys="than"),
    # a 'than' whose comparative is further left or across a comma ("is more accurate in both its estimate of the mean
    # behaviour and model uncertainty than Gaussian Process Regression", "improved model fits, as well as tighter
    # uncertainty estimates, than traditional dropout"); not 'rather than', 'other than' (the mentions cue, or none)
    _cue(COMPARES_TO, 0.7, r"(?<!rather\s)(?<!other\s)than", needs="than", keys="than>", first="t"),
    # "match" as a verb with an object ("match the performance of X", "matches GPT-4", "match or exceed X"), not the
    # noun of "feature matching", "stereo matching network", "relevance matching features"
    _cue(COMPARES_TO, 0.85, r"match(?:es|ed|ing)?(?=\s+(?:\w+ly\s+)?(?:(?:the|that|those|its|their|or|and|performance|accuracy"
         r"|quality|results?|scores?)\b|(?-i:[A-Z\d])))"
         r"|compared\s+(?:to|with|against)|comparisons?\s+(?:of\s+[^,;()]{1,40}?\s+)?(?:with|to|against)|in\s+comparison\s+(?:with|to)"
         # "Performance comparison has also been made with other popular classifiers, namely ... Random Forest"
         r"|comparisons?\s+(?:is|are|was|were|(?:has|have|had)\s+(?:also\s+)?been|(?:can|will)\s+(?:also\s+)?be)\s+(?:\w+ly\s+|also\s+|then\s+)?"
         r"(?:made|performed|conducted|carried\s+out|drawn|done|undertaken)\s+(?:with|to|against)"
         r"|compar(?:e|es|ed|ing)\s+(?:our|the|its|their|this|these)\s+(?:[\w-]+\s+){0,3}?(?:with|to|against)"
         r"|compar(?:e|es|ing)(?:\s+(?:it|them|ourselves))?(?:\s+(?:with|to|against))?|(?<=we\s)compared"
         r"|versus|vs\.?|relative\s+to|comparable\s+(?:in\s+(?:terms\s+of\s+)?[\w-]+(?:\s+and\s+[\w-]+)?\s+)?(?:to|with)|as\s+(?:good|fast|accurate|strong|efficient|effective)\s+as"
         # (and how it fares: "demonstrate its efficacy over MAML", "prevails over ... Q-learning and A3C", "a marked
         # increase in speed over the ... EpicFlow approach", "increase mine detection by 4-28% over K-SVD")
         # ('effectiveness against' an attack is what a defense is tested with, so these take 'over' only)
         r"|(?:improvements?|gains?|advantages?|benefits?|speed-?ups?|boosts?|superiority|margins?|edge|win\s+rates?)"
         r"(?:\s+(?:of|in)\s+[^,;]{1,40}?)?(?:\s*\([^()]{1,60}\))?\s+(?:over|against|relative\s+to)"
         r"|(?:efficacy|effectiveness|dominance|prevail(?:s|ed|ing)?|(?:increase|reduction|decrease)s?(?=\s+in\s))"
         r"(?:\s+(?:of|in)\s+[^,;]{1,40}?)?\s+over"
         r"|by\s+(?:up\s+to\s+|about\s+|around\s+|nearly\s+|almost\s+|over\s+)?\d[\d.,]*(?:\s*[-\u2013]\s*\d[\d.,]*)?\s*(?:%|x|times)\s+over"
         r"|(?:superior|inferior)\s+(?:(?:performance|results?|accuracy|quality)\s+)?(?:to|over|than)"
         r"|improv\w+\s+(?:up)?on|improv(?:e|es|ed|ing)\s+(?:[^,;()]{1,120}?\s+)?over|(?:compar|benchmark|evaluat|test|validat|assess|pit|compet|measur)\w*(?:\s+[\w-]+){0,3}?\s+against"
         r"|against\s+(?=(?:the\s+)?(?:strong|competitive|state-of-the-art|existing|recent|prior|previous|baselines?|several)\b)",
         keys="<match <compar <versus <vs <relative <good>/<fast>/<accurate>/<strong>/<efficient>/<effective>+<as> <over> "
         "<against> <improv <superior <inferior", first="abcdegimprstvw"),
    # a measure set beside the method's: "comparative or better performance over Lattice-LSTM", "the same accuracy as
    # MobileNetV2", "performance levels similar to a Mask R-CNN trained on ..." ('similar to' alone is a use, below)
    _cue(COMPARES_TO, 0.85, r"(?:better|higher|stronger|improved|greater|superior)\s+(?:\w+\s+)?" + _MEASURE + r"\s+over"
         r"|(?:comparative|similar|equivalent|equal|close)\s+(?:\w+\s+)?" + _MEASURE + r"(?:\s+levels?)?\s+(?:to|with)"
         r"|same\s+(?:level\s+of\s+)?(?:\w+\s+)?" + _MEASURE + r"\s+as|" + _MEASURE + r"(?:\s+levels?)?\s+(?:similar|equivalent|equal|close)\s+to"
         r"|" + _MEASURE + r"\s+at\s+the\s+level\s+of"
         # "recovers the performance of the original Transformer", "only about 60% of that of MobileNetV2"
         r"|(?:recover|retain|preserv|maintain)\w*\s+(?:the\s+|most\s+of\s+the\s+)?(?:[\w-]+\s+)?" + _MEASURE + r"\s+of"
         r"|\d+(?:\.\d+)?\s*%\s+of\s+(?:that|those)\s+of", OWN,
         keys="<better/<higher/<stronger/<improved/<greater/<superior+<over> <comparative <similar <equivalent <equal <close "
         "<same> <level <recover <retain <preserv <maintain <that>/<those>+<of>",
         first="bcefhimpqrs0123456789"),
    _cue(COMPARES_TO, 0.8, _NOT_GEOMETRIC + r"baselines?(?:\s+(?:models?|methods?|systems?))?", ANY, keys="baseline"),
    _cue(COMPARES_TO, 0.75, r"as\s+(?:also\s+)?(?:previously\s+|already\s+|earlier\s+)?(?:also\s+)?(?:observed|found|noted|seen)"
         r"(?:\s+(?:previously|before|earlier|elsewhere))?(?:\s+(?:in|by))?|consistent\s+with|in\s+(?:agreement|line|keeping|accordance|conformity)\s+(?:with|to)"
         r"|agree\w*\s+(?:well\s+)?with|(?:re)?confirm(?:s|ed|ing)?(?=\s+" + _PRIOR_FINDINGS + r")|as\s+(?:also\s+)?(?:re)?confirmed\s+by"
         r"|corroborat(?:es|ed|ing)|contrary\s+to|contradict(?:s|ed|ing)?"
         r"|at\s+variance\s+with|analogous\s+to|differ(?:s|ed|ing)?\s+from|replicat(?:es|ed|ing)\s+(?=(?:the|these|those|previous|earlier|prior|our|their|this)\b)"
         r"|coincid\w+\s+with|(?:opposite|contrasting|conflicting|different)\s+(?:results?|findings)"
         r"|similar\s+to\s+(?:those|that|what|the\s+(?:results?|findings|values|observations?|ones?))"
         r"|(?:similar|comparable|consistent|analogous|same|identical)\s+(?:results?|findings|values|observations?|trends?|conclusions?)"
         r"|support\w*\s+(?:the\s+)?(?:previous|earlier|prior|recent|findings|results|observations?|studies|reports?)",
         ANY, 30, keys="<observed <found <noted <seen <consistent <agreement <line> <keeping <accordance <conformity <agree "
         "confirm <corroborat <contrary <contradict <variance <analogous <differ <replicat <coincid <opposite <contrasting "
         "<conflicting <similar <comparable <same> <identical <support", first="acdiors"),
    # building on: specific verbs the paper's own work does
    _cue(BUILDS_ON, 0.9, r"fine-?\s?tun\w*|finetun\w*|(?:built|build\w*)\s+(?:up)?on|on\s+top\s+of"
         r"|distill?(?:s|ed|ing)?\s+(?:knowledge\s+)?from|distillation\s+from|initiali[sz]\w*\s+(?:from|with)"
         r"|continu\w+\s+(?:pre-?)?training|(?:pre-?)?train\w*\s+(?:from|upon)|leverag\w*|adopt\w*"
         r"|adapted\s+from|modified\s+from|derived\s+from|(?:improved|extended|evolved)\s+from"
         r"|(?:add\w*|insert\w*|attach\w*|append\w*)\s+(?:on\s+top\s+of|to|into)"
         # run both ways: "we combined CDP with DDPG with or without HER"
         r"|with\s+(?:or|and)\s+without"
         r"|(?:backbones?|encoders?|base\s+models?|teachers?)(?=\s*,?\s*(?:such\s+as|like|including|ranging\s+from|e\.g\.|\(|:))",
         keys="<fine <built <build <top> <distil <initiali <continu+train <train/<pretrain/<pre-train+<from>/<upon> <leverag "
         "<adopt <adapted <modified <derived <improved/<extended/<evolved+<from> "
         "<add/<insert/<attach/<append+<to>/<into>/<top> <backbone <encoder <base> "
         "<teacher <with+<without>", first="abcdefilmoptw"),
    # the paper's technique applied with a method: "the discrete policy achieves significant performance gains with
    # state-of-the-art on-policy optimization algorithms (PPO, TRPO, ACKTR)"
    _cue(BUILDS_ON, 0.75, r"(?:improvements?|gains?|boosts?|speed-?ups?)\s+(?:when\s+(?:combined|used|applied)\s+)?with(?!\s+respect\s+to)",
         keys="improvement gain boost speed"),
    # the paper's technique applied on a model: "8x weight pruning on LeNet-5, AlexNet, and ResNet-50"
    _cue(BUILDS_ON, 0.75, r"(?:pruning|compression|compressing|quantization|quantizing|sparsification|speed-?ups?"
         r"|acceleration)\s+on", max_gap=6, keys="pruning compress quantiz sparsification speed acceleration"),
    # implicit own work in citation contexts: "as described in [5]", "as in [3]", "described previously (12)"
    _cue(BUILDS_ON, 0.8, r"as\s+(?:previously\s+|originally\s+)?(?:described|detailed|outlined|performed"
         r"|recommended|implemented|done|used|established)"
         r"(?:\s+(?:previously|before|earlier|elsewhere|in\s+detail))?(?:\s+(?:in|by))?"
         r"|(?:described|published|reported|detailed)\s+(?:previously|elsewhere|in\s+detail)|as\s+(?:in|per)"
         r"|previously\s+(?:described|published|established|validated)\s+(?:methods?|protocols?|procedures?|approach(?:es)?"
         r"|techniques?|assays?|algorithms?)", ANY,
         keys="<as>+<described/<detailed/<outlined/<performed/<recommended/<implemented/<done/<used/<established/<in>/<per> "
         "<described/<published/<reported/<detailed/<established/<validated+<previously/<elsewhere/<detail"),
    # building on: composition ("the model consists of a DenseNet and an LSTM"), unless the subject is prior work
    _cue(BUILDS_ON, 0.75, r"compos(?:es|ed)\s+of|consist(?:s|ed|ing)?\s+of|compris(?:es|ed|ing)|made\s+up\s+of", keys="compos consist compris made"),
    # building on: everyday verbs, only when the paper is the subject
    _cue(BUILDS_ON, 0.8, r"based\s+(?:up)?on|extend\w*|adapt\w*|modif\w*|us(?:e|es|ed|ing)|utili[sz]\w*|employ\w*|add(?:s|ed|ing)?"
         r"|exploit\w*|apply\w*|appl(?:y|ies|ied)|incorporat\w*|integrat\w*|combin\w+|fus(?:e|es|ed|ing)|merg(?:e|es|ed|ing)"
         r"|augment\w*|enhanc\w*|improv(?:e|es|ed|ing)|re-?implement\w*|implement\w*|instantiat\w*|(?:pre-?)?train(?:s|ed|ing)?"
         r"|equip\w*"
         r"|rel(?:y|ies|ied|ying)\s+on|start\w*\s+from|replac\w+\s+[^,;]{1,40}?\s+with|on\s+the\s+basis\s+of"
         r"|(?:powered|driven|enabled|equipped|inspired|motivated|guided)\s+by|borrow\w*(?:\s+from)?|plug\w*\s+into"
         r"|follow(?:s|ed|ing)?|according\s+to|similar\s+to"
         r"|(?:generated|produced|extracted|computed|encoded|decoded|decoding|encoding)\s+(?:from|with|using)"
         r"|(?:method|procedure|protocol|approach|technique|algorithm|implementation|code|tool)s?\s+(?:of|from|by)", OWN,
         keys="<based <extend <adapt <modif <us <utili <employ <add <exploit <appl <incorporat <integrat <combin <fus <merg "
         "<augment <enhanc <improv <implement <reimplement <re-implement <instantiat <train <pretrain <pre-train <equip "
         "<rely <relie "
         "<start <replac <basis <powered <driven <enabled <equipped <inspired <motivated <guided <borrow <plug <follow "
         "<according <similar <generated <produced <extracted <computed <encoded <decoded <decoding <encoding <method "
         "<procedure <protocol <approach <technique <algorithm <code <tool", first="abcdefgimoprstu"),
    # the paper's technique acting on a model, its target ("we compress VGG-16", "attacks GPT-2", "accelerates the
    # training of ResNet"; a gerund only before its object: "pruning VGG-16", not "pruning schemes on X"), what the
    # paper's data flows into ("features that feed into a bidirectional LSTM layer"); not "via X", which in citation
    # contexts names mechanisms ("derived from MSCs via transdifferentiation [36]")
    _cue(BUILDS_ON, 0.8, r"compress(?:es|ed)?|prune[sd]?|quanti[sz](?:e|es|ed)|sparsif(?:y|ies|ied)|binari[sz](?:e|es|ed)"
         r"|accelerat(?:e|es|ed)|(?<!adversarial\s)(?<!of\s)(?<!the\s)attack(?:s|ed)?|fool(?:s|ed)?|(?:compressing|pruning|quanti[sz]ing|sparsifying|binari[sz]ing"
         r"|accelerating|attacking|fooling)(?=\s+(?:(?:the|a|an)\s+)?(?:(?:pre-?)?trained\s+|training\s+of\s+(?:the\s+)?)?(?-i:[A-Z\d]))"
         r"|speed(?:s|ing)?\s+up|fe(?:d|eds?|eding)\s+(?:in)?to|pass(?:es|ed|ing)?\s+(?:through|into)|improvements?\s+(?:of|to)",
         OWN, keys="<compress <prun <quanti <sparsif <binari <accelerat <attack <fool <speed <fed <feed <pass <improvement",
         first="abcfipqs"),
    # the second half of a combination: "combines the BERT learning mechanism described in Devlin et al. (2018) with a
    # generalization of the Universal Transformer", "fuses the RetinaNet detector with the U-Net architecture"
    _cue(BUILDS_ON, 0.75, r"(?<!the\s)(?<!an\s)(?<!a\s)(?:combin|integrat|fus|merg|unif|coupl|marr|augment|equipp?)(?:es|ed|ing|e|s|y|ies)?\s+(?:[^;,()\s]+\s+|\([^()]*\)\s+){1,16}?with",
         OWN, keys="<combin/<integrat/<fus/<merg/<unif/<coupl/<marr/<augment/<equip+<with>", first="acefimu"),
    # the host the paper's module goes into, named right after: "can be easily incorporated into existing DCNNs such as
    # ResNets" (not "plugged into detection frameworks in the same way as other features (like HOG)")
    _cue(BUILDS_ON, 0.85, r"(?:incorporat|integrat|embedd?|inject|plug)\w*\s+into", max_gap=6,
         keys="<incorporat/<integrat/<embed/<inject/<plug+<into>", first="eip"),
    # the models an approach is evaluated on are the ones it is applied to: "Evaluated on VGG-16 and ResNet-50 using
    # ImageNet, our approach outperforms ...", "we carry out experiments on various popular CNNs including VGG"
    _cue(BUILDS_ON, 0.7, r"experiments?\s+(?:[\w-]+\s+){0,3}?on|(?:evaluated|tested|validated|verified)\s+(?:\w+ly\s+)?on", max_gap=8,
         keys="<experiment/<evaluated/<tested/<validated/<verified+<on>", first="etv"),
    _IMPROVE_OF_CUE,
)


# every byte but ASCII letters, digits, '_' and '-' (the cues' (?<![\w-]) ... (?![\w-]) on ASCII text) -> space
_WORD_BYTES = bytes(c if chr(c).isascii() and (chr(c).isalnum() or chr(c) in "_-") else 32 for c in range(256))


class _CueKeys:
    """All cues' keys (see ``_Cue.keys``) in one automaton over the text with every character but ASCII
    letters, digits, '_' and '-' made a space, and a space added at both ends: "<us" is " us" there. Of a
    key "a/b+c" the automaton finds a or b; c is then looked up in the text."""

    def __init__(self, cues: Sequence[_Cue]) -> None:
        patterns: dict[bytes, int] = {}
        self.cues_of: list[list[int]] = []  # pattern -> cues it selects alone
        self.conjunctions_of: list[list[tuple[int, tuple[tuple[bytes, ...], ...]]]] = []  # pattern -> (cue, other parts)
        for index, cue in enumerate(cues):
            for key in cue.keys:
                first, *rest = [tuple(self._bytes(fragment) for fragment in part.split("/")) for part in key.split("+")]
                for pattern in first:
                    if pattern not in patterns:
                        patterns[pattern] = len(patterns)
                        self.cues_of.append([])
                        self.conjunctions_of.append([])
                    if rest:
                        self.conjunctions_of[patterns[pattern]].append((index, tuple(rest)))
                    else:
                        self.cues_of[patterns[pattern]].append(index)
        self.automaton = BytesAhoCorasick(list(patterns))
        self.keyless = frozenset(i for i, cue in enumerate(cues) if not cue.keys)
        self.all = frozenset(range(len(cues)))

    @staticmethod
    def _bytes(fragment: str) -> bytes:
        word = fragment.strip("<>")
        spaced = (" " if fragment.startswith("<") else "") + word + (" " if fragment.endswith(">") else "")
        return spaced.encode("ascii").translate(_WORD_BYTES)  # "n't" -> "n t", as in the text


_KEYS = _CueKeys(_PRE_CUES)


def _candidate_cues(lowered: str) -> "frozenset[int] | set[int]":
    """Indexes of the cues that can match the lower-cased text ``lowered``: keyless cues and those whose
    keys it holds. Non-ASCII text gets all cues ('\u212a' matches 'k' case-insensitively)."""
    if not lowered.isascii():
        return _KEYS.all
    spaced = (" " + lowered + " ").encode("ascii").translate(_WORD_BYTES)
    found = set(_KEYS.keyless)
    cues_of, conjunctions_of = _KEYS.cues_of, _KEYS.conjunctions_of
    for pattern in {pattern for pattern, _start, _end in _KEYS.automaton.find_matches_as_indexes(spaced, overlapping=True)}:
        found.update(cues_of[pattern])
        for index, rest in conjunctions_of[pattern]:
            if index not in found and all(any(fragment in spaced for fragment in part) for part in rest):
                found.add(index)
    return found


_BACKGROUND_PREDICATE = re.compile(
    r"^(?:['\u2019]s)?" + r"(?:\s*(?:,|and|or|&)\s*(?:the\s+)?[\w.\-]+(?:\s+[\w.\-]+)?){0,5}?"
    r"(?:\s+\(\w[\w.\-]*\))?(?:\s+(?:models?|architectures?|networks?|variants?|family|methods?|nodes|units|cells|layers))?"
    r"\)?,?\s+(?P<cue>(?:have|has)\s+(?:\w+ly\s+|also\s+)?"
    r"(?:shown|achieved|demonstrated|become|revolutioni[sz]ed|gained|emerged|attracted|dominated|brought|enabled"
    r"|exhibited|transformed|advanced|set|led|made|been\s+(?:\w+ly\s+)?(?:shown|used|applied|adopted|proposed|deployed)))\b",
    re.I,
)
_OWN_OBJECT = re.compile(r"\b(?:our|new|novel|proposed)\b", re.I)
# study verbs among the 'mentions' cues (not negations or contrasts), and an instrument preposition right before
# the mention ("with / using / via (the) X")
_STUDY_VERB = re.compile(r"(?:\w+\s+)*?(?:\w+ly\s+)?(?:stud|investigat|analy|examin|prob|explor|evaluat|assess|benchmark|interpret"
                         r"|revisit|understand|explain|characteri|dissect)", re.I)
_INSTRUMENT_END = re.compile(r"(?<![\w-])(?:with|using|via|by\s+means\s+of)\s+(?:(?:the|a|an|two|three|several|different"
                             r"|various|pre-?trained|standard)\s+)*(?:[\w-]+\s+){0,2}$", re.I)
_THIS_METHOD = re.compile(r"\bthis\s+(?:method|approach|model|framework|technique|algorithm|system|architecture|scheme)\b", re.I)
_BARE_COMPARE = re.compile(r"compar(?:e|es|ed|ing)", re.I)
_COMPARED_WITH = re.compile(r"(?<![\w-])(?:with|against|to|versus|vs\.?|over)(?![\w-])", re.I)
_AGAINST_OWN = re.compile(
    r"\b(?:with|against|to)\s+(?:ours|our\b|the\s+(?:\w+\s+){0,2}?(?:proposed|presented|introduced)\b|this\b"
    r"|(?:an?|its|their)\s+(?:\w+\s+)?(?:modification|modified\s+version|variant|extension|improved\s+version)s?\b)", re.I
)
# A participle in front of the name ("the adapted Faster R-CNN", "a fine-tuned BERT") when no verb governs.
_ATTRIBUTIVE_CUE = _cue(BUILDS_ON, 0.7, r"(?!)")

# Words that may stand between a cue and the mention without breaking the cue's scope (beyond ordinary
# noun-phrase words): list glue and example markers.
_TRANSPARENT = re.compile(r"(?<![\w-])(?:such\s+as|as\s+well\s+as|including|like|e\.g\.|i\.e\.|namely|especially|notably)(?![\w-])", re.I)
# Words between cue and mention that end its scope: a new finite clause or purpose.
_SCOPE_STOP = re.compile(
    r"(?<![\w-])(?:in\s+order\s+to|so\s+that|because|since|whether|if)(?![\w-])"
    # a full stop left inside the sentence (a missed split), not an abbreviation: "schemes, e.g. OHEM and Focal Loss"
    # (the full stop first: the look-behinds then only run where there is one)
    r"|\.(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bal\.)(?<!\bvs\.)(?<!\bcf\.)(?<!\bresp\.)\s|,\s+(?:we|our)\b",
    re.I,
)

_PASSIVE_AUX = r"(?:is|are|was|were|be|being|been|can\s+be|could\s+be|will\s+be|may\s+be|must\s+be|has\s+been|have\s+been|had\s+been)"
_HABITUAL = re.compile(r"\b(?:has|have|had)\s+been\b|\b(?:widely|commonly|often|typically|usually|frequently|extensively|mainly|mostly|predominantly|increasingly|traditionally|generally|routinely|successfully)\b", re.I)
_LIST_TAIL = r"(?:\s*(?:,|and|or|&)\s*(?:the\s+)?[\w.\-]+(?:\s+[\w.\-]+)?){0,5}?"
_HEAD_NOUN = r"(?:\s+(?:models?|architectures?|networks?|encoders?|layers?|blocks?|variants?|family|methods?|algorithm|\(\w+\)|\[[\d,\s]+\]))?"

# Patterns right after the mention (the method as subject or head of a role phrase).
_POST_CUES: tuple[tuple[str, float, re.Pattern], ...] = (
    (COMPARES_TO, 0.9, re.compile(
        r"^" + _LIST_TAIL + _HEAD_NOUN + r"\s+" + _PASSIVE_AUX + r"\s+(?:\w+ly\s+|also\s+|then\s+)?"
        r"(?P<cue>(?:outperformed|surpassed|beaten|exceeded|outpaced|compared|benchmarked|evaluated\s+as\s+baselines?)"
        r"(?:\s+(?:with|to|against|by))?"
        # "Several notable models including GoogleNet and Resnet have been employed for comparison"
        r"|(?:employed|used|included|chosen|selected|implemented|adopted|trained|run|tested|evaluated)\s+(?:[\w-]+\s+){0,3}?"
        r"for\s+comparisons?)\b", re.I)),
    # the purpose of running the method is a comparison: "we implemented U-Net and FCN8s to compare against the proposed
    # DSNet"
    (COMPARES_TO, 0.8, re.compile(
        r"^" + _LIST_TAIL + _HEAD_NOUN + r"\s*,?\s+(?P<cue>(?:in\s+order\s+)?to\s+compare\s+(?:\w+\s+){0,3}?(?:against|with|to))\b",
        re.I)),
    (COMPARES_TO, 0.85, re.compile(
        r"^" + _LIST_TAIL + _HEAD_NOUN + r"\s*,?\s*(?P<cue>(?:as|are|is|were|was|serves?\s+as)\s+(?:a\s+|the\s+|our\s+|strong\s+|competitive\s+)*baselines?|baselines?)\b", re.I)),
    (BUILDS_ON, 0.85, re.compile(
        r"^" + _LIST_TAIL + _HEAD_NOUN + r"\s+" + _PASSIVE_AUX + r"\s+(?:\w+ly\s+|also\s+|then\s+|first\s+|further\s+)?"
        r"(?P<cue>used|utili[sz]ed|employed|adopted|leveraged|applied|fine-?\s?tuned|finetuned|extended|adapted|modified|"
        r"chosen|selected|trained|pre-?trained|initiali[sz]ed|incorporated|integrated|exploited|implemented|taken|"
        r"combined|distill?ed|deployed|plugged|augmented)\b", re.I)),
    (BUILDS_ON, 0.85, re.compile(
        r"^" + _LIST_TAIL + _HEAD_NOUN + r"\s*,?\s*(?P<cue>(?:serves?|served|acts?|acted|is|are)?\s*as\s+(?:the\s+|a\s+|an\s+|our\s+)?"
        r"(?:\w+\s+)?(?:backbones?|encoders?|decoders?|base(?:\s+model)?|teachers?|students?|foundation|initiali[sz]ation"
        r"|starting\s+point|feature\s+extractors?|tokeni[sz]ers?|generators?|retrievers?|policy|optimi[sz]er|"
        r"reward\s+model|judge|backend|building\s+blocks?))\b", re.I)),
    # a passive with a purpose infinitive describes a step of the paper's pipeline, whatever the verb: "LSTM is
    # explored to model the sequential dependencies", "a word level LSTM encoder is conducted to obtain ...";
    # not verbs of knowledge or description ("X is known / designed / shown to"), nor a past "was proposed to"
    (BUILDS_ON, 0.7, re.compile(
        r"^" + _LIST_TAIL + _HEAD_NOUN + r"\s+(?:(?:is|are)\s+(?:\w+ly\s+|also\s+|then\s+|first\s+|further\s+)?"
        r"|(?:was|were)\s+(?:\w+ly\s+|also\s+|then\s+|first\s+|further\s+)?(?!(?:introduced|presented)\b))"
        r"(?P<cue>(?!(?:known|shown|believed|thought|expected|supposed|said|reported|found|considered|claimed|designed"
        r"|proposed|developed|invented|created|proven|proved|guaranteed|observed|assumed|argued|demonstrated|compared"
        r"|limited|restricted|related|linked|connected|exposed|subjected|devoted|dedicated|attributed|assigned|inclined"
        r"|committed|forced|required|needed|allowed|tied|bound|opposed|doomed|meant|intended|seen|given|written|able"
        r"|predicted|estimated|likened|equivalent|sensitive)\b)[a-z][a-z-]*(?:ed|en)\s+to)\s+(?:\w+ly\s+)?"
        r"(?!(?:the|a|an|be|its|their|this|these|those|that|other|each|all|any|some|such|many|most|our|his|her|them|it"
        r"|one|two|three|\d+)\b)[a-z]+\b")),
)
# A lower-case word that every match of the _POST_CUES pattern at the same place holds (see _may_hold).
_POST_CUE_WORDS: tuple[tuple[str, ...], ...] = (
    ("outperformed", "surpassed", "beaten", "exceeded", "outpaced", "compared", "benchmarked", "evaluated", "comparison"),
    ("compare",),
    ("baseline",),
    ("used", "utili", "employed", "adopted", "leveraged", "applied", "tuned", "extended", "adapted", "modified",
     "chosen", "selected", "trained", "initiali", "incorporated", "integrated", "exploited", "implemented", "taken",
     "combined", "distil", "deployed", "plugged", "augmented"),
    ("as",),
    ("ed to", "en to"),
)
_FAR_PASSIVE_WORDS = ("compared", "benchmarked", "contrasted")
# Compounds that name a use of the method; decide builds_on only in clauses about the paper's own work.
_COMPOUND = re.compile(
    r"^(?P<cue>-?\s?(?:based|style|like|inspired|powered|driven|initiali[sz]ed|pre-?trained|fine-?tuned)\b"
    r"|\s+(?:backbones?|encoders?|decoders?|teachers?|base\s+models?|checkpoints?|weights|embeddings|features"
    r"|representations|tokeni[sz]ers?|initiali[sz]ation|architecture|blocks?|layers?)\b)",
    re.I,
)
# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_FINDING_AGREEMENT = re.compile(
    r"(?=[ciadsrolh])\b(?:consistent|in\s+(?:line|agreement|accordance|keeping|conformity)|compatible|agree\w*|disagree\w*"
    r"|comparable\s+(?:to|with)|similar\s+(?:to|results?|findings|observations?)|contrary|in\s+contrast|contradict\w*"
    r"|support(?!s\s+of\b)\w*|confirm\w*|corroborat\w*|resembl\w*|coincid\w*|differ\w*\s+from|opposite\s+(?:to|results?|findings)"
    r"|as\s+(?:also|previously)\s+(?:reported|observed|found|shown|described)|(?:lower|higher)\s+than\s+(?:those|that|what))\b",
    re.I,
)
# a lower-case word that every match of _FINDING_AGREEMENT holds (see _may_hold)
_AGREEMENT_WORDS = tuple(
    """consistent line agreement accordance keeping conformity compatible agree comparable similar contrary contrast
    contradict support confirm corroborat resembl coincid differ opposite reported observed found shown described
    than""".split()
)
_OWN_FINDINGS = re.compile(
    r"\b(?:our|the\s+(?:present|current))\s+(?:\w+\s+)?(?:results?|findings|data|study|observations?|work|investigation)"
    r"|\b(?:this|these)\s+(?:results?|findings|observations?|data|study)|\bwe\s+(?:also\s+)?(?:found|observed|obtained|show)",
    re.I,
)
_OTHERS_FINDINGS = re.compile(
    r"\b(?:previous|prior|earlier|former|other|recent|published|several)\s+(?:\w+\s+)?(?:studies|reports?|findings|observations?"
    r"|results|data|authors|work|literature|investigations?)",
    re.I,
)
_SUBJECT_OF_COMPARISON = re.compile(
    r"^(?:['\u2019]s)?(?:\s+(?:models?|architectures?|networks?|variants?|layers?))?\s+(?:\w+ly\s+|also\s+|still\s+)?"
    r"(?P<cue>outperform(?:s|ed)?|surpass(?:es|ed)?|beat(?:s)?|exceed(?:s|ed)?|rival(?:s|ed)?|match(?:es|ed)?)\b",
    re.I,
)
# "we show that the Transformer is capable of ...": the method is what the paper found something about.
# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_REPORT_VERB_END = re.compile(
    r"(?=[sdpr])\b(?P<cue>(?:show|demonstrate|prove|reveal)(?:s|ed|d|n)?(?:\s+that)?)\s+(?:the\s+|a\s+|how\s+)?$",
    re.I,
)
# The paper's voice reporting a finding or an analysis, not an action on the method.
_OWN_REPORT = re.compile(
    r"\bwe\s+(?:\w+ly\s+|also\s+|further\s+)?(?:find|found|observe|observed|show|showed|demonstrate|demonstrated"
    r"|confirm|confirmed|reveal|revealed|note|point\s+out|argue|prove|proved)\s+that\b"
    r"|\bour\s+(?:[\w-]+\s+){0,3}?(?:analys[ie]s|stud(?:y|ies)|investigations?)\s+(?:\w+ly\s+|also\s+|further\s+)?"
    r"(?:find|found|show|showed|shows|reveal|reveals|revealed|unveil|unveils|unveiled|uncover|uncovers|uncovered|indicate"
    r"|indicates|suggest|suggests|highlight|highlights|identif(?:y|ies|ied))\b",
    re.I,
)
# What the paper's finding says the method achieves, when the method is its subject: "we demonstrate that BERT ... can
# successfully be applied to ...", "we show that the recently proposed Info-GAN allows dramatic improvements in ...",
# "we show that BiGRUs with label-wise attention perform better than ...": the paper ran the method (not "... can
# drastically change their output", a finding about it; comparisons as subject stay with _SUBJECT_OF_COMPARISON).
_FINDING_SUCCESS = re.compile(
    r"(?P<gap>[^;:]{0,100}?)\b(?P<cue>(?:can|could|(?:is|are)\s+able\s+to|(?:is|are)\s+capable\s+of)\s+(?:\w+ly\s+|also\s+|still\s+|even\s+)*"
    r"(?:be\s+(?:\w+ly\s+)?(?:applied|used|trained|adapted|employed)|learn\w*|achiev\w*|attain\w*|reach\w*|predict\w*|captur\w*"
    r"|recover\w*|generat\w*|produc\w*|solv\w*)"
    r"|(?:allows?|enables?|helps?|leads?\s+to|achieves?|yields?|attains?|gives?|brings?|provides?|obtains?)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:improvements?|gains?|state[\s-]of[\s-]the[\s-]art|better|higher|superior|significant|competitive|strong|good|excellent"
    r"|substantial|large|consistent)"
    r"|(?:performs?|works?)\s+(?:\w+ly\s+|very\s+)?(?:better|best|well|competitively|favou?rably)"
    r"|(?:is|are)\s+(?:\w+ly\s+|also\s+|still\s+|very\s+)?(?:effective|successful|beneficial|useful|well[\s-]suited|competitive))\b",
    re.I,
)
# a gap that denies, or hands the success to another subject: "LSTMs do not perform well", "... our model can learn"
_FINDING_DENIED = re.compile(r"\b(?:not|never|no|fails?|failed|unable|cannot)\b|n't\b|\b(?:we|our|than|compared|unlike)\b", re.I)


def _finding_success(after: str) -> str:
    """The success the paper's finding attributes to the mention, its subject ('can successfully be applied',
    'perform better'); '' when the finding says something else about it (see ``_FINDING_SUCCESS``)."""
    match = _FINDING_SUCCESS.match(after)
    if match is None or _FINDING_DENIED.search(match.group("gap")) or _FINDING_DENIED.match(after, match.end()):
        return ""
    return " ".join(match.group("cue").split())


_ABSENT = re.compile(r"^(?P<cue>-(?:free|less|agnostic))\b", re.I)
# the phrase of a compound ('a ResNet backbone', 'a Q-learning-based method for ...') as subject of a present passive
_COMPOUND_PASSIVE = re.compile(
    r"[^,;:()]{0,120}?\b(?:is|are)\s+(?:then\s+|first\s+|further\s+|also\s+)?(?:used|adopted|employed|utili[sz]ed|applied"
    r"|developed|designed|trained|built|implemented|proposed|introduced|presented|constructed|exploited|leveraged)\b",
    re.I,
)
_COMPOUND_IN_SURFACE = re.compile(r"(?P<cue>-(?:based|style|like|inspired|powered|driven))$", re.I)
# Clauses that only survey or discuss methods: a mention there stays a mention.
# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_SURVEY = re.compile(
    r"(?=[sroctd])\b(?:survey\w*|review(?:s|ed|ing)?|overview|taxonomy|categori[sz]\w*|summari[sz](?:e|es|ed|ing)|discuss\w*)\b", re.I
)
_SURVEY_WORDS = ("survey", "review", "overview", "taxonomy", "categori", "summari", "discuss")


class _WordGroups:
    """Groups of lower-case words found in one Aho-Corasick pass over a lower-cased text: which groups have
    a word there. Each group is the word test before a case-blind pattern every match of which holds one of
    its words (see ``_may_hold``): one pass instead of a ``str.__contains__`` scan per word (~1 against ~4 us
    for the 29 agreement words over a sentence)."""

    def __init__(self, *groups: "tuple[str, ...]"):
        words = sorted({word for group in groups for word in group})
        self._automaton = AhoCorasick(words)
        self._groups_of = [frozenset(i for i, group in enumerate(groups) if word in group) for word in words]

    def any(self, low: str) -> bool:
        """Whether ``low`` holds a word of any group (non-overlapping search: any occurrence yields a match)."""
        return bool(self._automaton.find_matches_as_indexes(low))

    def starts(self, low: str) -> "list[int]":
        """Where a word of any group starts in ``low``, in text order (each place once)."""
        return sorted({start for _index, start, _end in self._automaton.find_matches_as_indexes(low, overlapping=True)})

    def present(self, low: str) -> "set[int]":
        """Indexes of the groups with a word in ``low``."""
        found: set[int] = set()
        for index, _start, _end in self._automaton.find_matches_as_indexes(low, overlapping=True):
            found |= self._groups_of[index]
        return found


def _may_hold(text: str, words: _WordGroups) -> bool:
    """False only when ``text`` holds none of the lower-case ``words`` in any case: a cheap test before a
    case-blind pattern each of whose matches holds one of them. Non-ASCII text always passes ('\u017f'
    matches 's' under re.I)."""
    return not text.isascii() or words.any(text.lower())


_SURVEY_HOLD = _WordGroups(_SURVEY_WORDS)
_AGREEMENT_HOLD = _WordGroups(_AGREEMENT_WORDS)
_POST_WORD_GROUPS = _WordGroups(*_POST_CUE_WORDS, _FAR_PASSIVE_WORDS)


# (not 'this study' / 'our study', the paper itself: "This study tackles ... with ConvLSTM networks" uses ConvLSTM)
_OWN_RESULTS = re.compile(r"(?:our|the\s+(?:present|current))\s+(?:results?|findings|data|observations?)", re.I)
# Past-tense passive of a procedure verb; background verbs (proposed, shown, reported ...) excluded.
# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_PAST_PASSIVE = re.compile(
    r"(?=w)\b(?:was|were)\s+(?:\w+ly\s+|then\s+|also\s+|first\s+|further\s+)?"
    r"(?!(?:proposed|introduced|developed|designed|shown|reported|found|observed|published|invented|conceived|created"
    r"|studied|known|considered|believed|thought|suggested|demonstrated|detected|associated|linked|related|seen"
    r"|identified|described|discovered|noted|recognized|recognised|regarded|implicated|involved)\b)"
    r"\w+(?:ed|en|wn|ne|ut|ght)\b",
    re.I,
)
_ADJECTIVAL = re.compile(
    r"\b(?:widely|commonly|popularly|frequently|extensively|often|previously|recently|originally|well|broadly|heavily)[\s-]+$",
    re.I,
)
# "A BERT model ... and other BERT models trained for the problems were compared with each other".
# (?=[...]) first: the letters a match can start with, so the scan skips other positions (speed only)
_FAR_PASSIVE_COMPARE = re.compile(
    r"(?=[awib])\b(?:are|were|is|was|been)\s+(?:\w+ly\s+)?(?P<cue>(?:compared|benchmarked|contrasted)(?:\s+(?:with|to|against))?)\b",
    re.I,
)
# A comparison phrase that can open a sentence ("Compared to X, Y is ...") and a verb right after the mention
# that makes it the subject of the main clause.
_FRONTED_COMPARE = re.compile(r"compared\s+(?:to|with|against)|in\s+comparison\s+(?:to|with)|relative\s+to", re.I)
_SUBJECT_VERB = re.compile(
    r"(?:-[\w.]+)?(?:\s*\([^()]*\))?(?:\s+(?:models?|variants?))?\s+(?:\w+ly\s+|also\s+|still\s+)?(?:is|are|was|were|has|have|had|can|could"
    r"|achieves?|achieved|performs?|performed|shows?|showed|yields?|yielded|obtains?|obtained|reaches|reached|remains?"
    r"|exhibits?|exhibited|requires?|required|gives?|gave|leads?|led|produces?|produced|outperforms?|outperformed)\b",
    re.I,
)
_POSTMODIFIER = re.compile(r"(?:pre-?)?(?:trained|used|based\s+(?:up)?on|built\s+(?:up)?on|developed|designed)", re.I)
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being|we|they|it)\s+(?:\w+ly\s+)?$", re.I)
_OWN_BASELINES = re.compile(r"\b(?:we|our)\s+(?:\w+\s+){0,3}?baselines?$", re.I)
_THAN_END = re.compile(r"\bthan\s+(?:by\s+)?$", re.I)
_OUR_END = re.compile(r"\bour\s+(?:\w+\s+)?$", re.I)
# numbers (scores) attributed to the method right before it: "from 0.522, 0.719 and 0.742 by CycleGAN"
_SCORES_BY = re.compile(r"\d(?:[\d.,%]|\s+and\s+\d|\s+)*\s+(?:obtained\s+|achieved\s+|reported\s+)?by\s+"
                        r"(?:[\w.\-]+(?:\s+\([\w.\-]+\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))*$", re.I)
# An appositive relative clause right after the mention, up to the comma before the main clause's verb.
_RELATIVE_SKIP = re.compile(r"\)?\s*,\s*(?:which|who)\s[^;()]{3,200}?,\s*(?=(?:is|are|was|were)\s)", re.I)
_AMONG = re.compile(r"\s*(?:with\s+|to\s+)?(?:each\s+other|one\s+another|among\s+themselves)\b", re.I)
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|do|does|did)\b", re.I)
# list glue or a preposition right before a participle makes it attributive as a determiner does: "we used LBP, HOG
# and pre-trained deep neural network (VGG-16) as feature extractors", "with pre-trained ResNet-50"
_GLUE_END = re.compile(r"(?:,|(?<![\w-])(?:and|or|with|of|from|using|by|via))\s+$", re.I)
# a participle followed by a preposition heads a reduced clause (", combined with a ... HMM"), not a noun phrase
_PREPOSITION_NEXT = re.compile(r"\s+(?:with|by|on|in|from|to|into|using|for|as|via|through|at|upon|over)\b", re.I)
_DETERMINER_END = re.compile(r"\b(?:the|a|an|our|their|its|this|these|those|each|every)\s+$", re.I)
_PARTICIPLE = re.compile(r"(?:pre-?)?(?:trained|used|extended|adapted|modified|employed|adopted|enhanced|improved|augmented"
                         r"|combined|integrated|implemented|applied|fine-?tuned|finetuned|distill?ed|initiali[sz]ed)", re.I)
_LONG_FORM = re.compile(r"(?:[A-Z][\w\-]*\s+(?:(?:of|for|from|with|and|the|to|in|on)\s+)?){1,7}\($")


def _capital_ok(sentence: str, index: int) -> bool:
    """A capitalised cue counts only at the start of the sentence or after a colon, semicolon, bracket
    or sentence end (a title-case word elsewhere belongs to a name)."""
    head = sentence[:index].rstrip()
    return not head or head[-1] in ":;([" or head.rstrip("\"')]").endswith((".", "!", "?"))


# the paper's named method paired with the mention: "ESE-Seg with YOLOv3", "DND on top of a"
_OWN_NAME_WITH = re.compile(r"(?<![\w.\-])(?P<name>[\w.\-]+)\s+(?:with|using|\+|on\s+top\s+of)\s+(?:the\s+|an?\s+)?$", re.I)
_OWN_DETERMINER = re.compile(
    r"\b(?P<cue>our|(?:the|these|those|two|three|four|other|several)\s+(?:other\s+|two\s+|three\s+)?proposed"
    r"|our\s+proposed)(?:\s+[\w\-]+){0,2}\s*$"
    r"|\b(?P<novel>(?:a|an|the|two|three|four|several|these)\s+(?:[\w-]+\s+)?(?:new|novel))(?:\s+[\w\-]+)?\s*$",
    re.I,
)


def _words(text: str) -> int:
    return len(text.split())


def _is_span(span: object) -> bool:
    """A (start, end) pair of integer offsets, as ``type_relation``'s ``others`` holds."""
    return isinstance(span, (tuple, list)) and len(span) == 2 and all(isinstance(i, int) for i in span)


_NON_PREFIX = re.compile(r"\bnon[-\u2010\u2011 ]$", re.I)


def type_relation(
    sentence: str,
    start: int,
    end: int,
    *,
    others: Sequence[tuple[int, int]] | None = None,
    own_names: Iterable[str] | str | None = (),
) -> RelationResult:
    """Relation of the paper to the method mentioned at ``sentence[start:end]``.

    Parameters
    ----------
    sentence: the sentence holding the mention (an abstract sentence or a citation context).
    start, end: character span of the mention (or citation marker) inside ``sentence``.
    others: optional spans of the other method mentions in the same sentence. When given, they are what
        counts as "another method" in a subject ("Mamba outperforms Transformers"); when omitted, name-like
        tokens (acronyms, CamelCase, citation markers) are used instead.
    own_names: names the paper introduces ("LATTE"): a subject naming one of them is the paper itself.

    Returns a :class:`RelationResult`; ``cue`` is '' when no cue decided (plain mention).
    Raises InputError for a sentence that is not a string, a span outside it, or ``others`` that is not a list
    of (start, end) pairs. ``own_names`` may be None (none) or one name as a string.
    """
    if not isinstance(sentence, str):
        raise InputError(f"sentence must be a string, got {type(sentence).__name__}")
    if not isinstance(start, int) or not isinstance(end, int):
        raise InputError(f"mention span must be integer offsets, got [{start!r}, {end!r})")
    if not (0 <= start < end <= len(sentence)):
        raise InputError(f"mention span [{start}, {end}) is not inside the sentence (length {len(sentence)})")
    if own_names is None or isinstance(own_names, str):
        own_names = (own_names,) if own_names else ()
    own = tuple(name.lower() for name in own_names if name)
    if others is not None and (not isinstance(others, (list, tuple)) or not all(_is_span(span) for span in others)):
        raise InputError(f"others must be a list of (start, end) integer pairs, got {others!r:.80}")
    if others is not None:
        others = [span for span in others if not (span[0] < end and start < span[1])]
    if start >= 4 and _NON_PREFIX.search(sentence, max(0, start - 5), start):
        # "competitive against non-transformer models", "over all non-BERT models": the mention names every other
        # method, so no cue around it speaks of this one
        return RelationResult(MENTIONS, "non-", 0.8)
    if sentence[:1] in "FfIiAa" and _FUTURE_WORK.match(sentence):
        # "Future work will investigate how ... ELMO might be used": a plan, not the paper's work
        return RelationResult(MENTIONS, "future work", 0.7)
    start = _long_form_start(sentence, start, end)
    lo, hi = _clause(sentence, start, end)
    after = sentence[end:hi]

    # Rule 2, the nearest governing cue before the mention: a verdict that the subject is someone
    # else's work is final; otherwise a passive with the method as subject (rule 3) is more specific.
    pre, decisive = _governing_cue(sentence, lo, hi, start, others, own, end)
    if pre is not None and decisive:
        return pre
    if _ADDED_WITH.search(sentence, max(lo, start - 40), start) and _ADDED_GAIN.match(sentence, end, hi):
        # "SAN gives competitive results compared with BiLSTMs, with BERT and word information further improving
        # segmentation": the absolute clause names what the paper adds to its system, not a rival
        return RelationResult(BUILDS_ON, "with ... further improving", 0.7)
    post = _post_cue(after)
    if post is None and hi < len(sentence):
        # "BERT, which is a frequently preferred method for ..., is used": the main verb after a relative clause
        relative = _RELATIVE_SKIP.match(sentence, end)
        if relative:
            post = _post_cue(" " + sentence[relative.end() :])
    if post is not None:
        if post.relation == BUILDS_ON:
            habit = _background_opener(sentence, lo, start, own) or _class_example(sentence, lo, start, after)
            if habit:
                # "Typically, BERT is fine-tuned on each task", "Recently, 3DMMs were used as generative models":
                # the passive reports common practice or prior work, not the paper's procedure
                return RelationResult(MENTIONS, f"{habit} ... {post.cue}", 0.6)
        return post
    background = _BACKGROUND_PREDICATE.match(after)
    if background and not _OWN.search(sentence, lo, start) and _own_in(sentence[lo:start], own) is None:
        # "Pre-trained Transformer models such as BERT have shown great success": the method is the subject
        # of a present-perfect claim about the field, whatever participle or compound stands before it
        return RelationResult(MENTIONS, " ".join(background.group("cue").split()), 0.6)
    if pre is not None:
        return pre
    return _uncued(sentence, lo, hi, start, end, own)


# A sentence about the paper's future work ("Future work will investigate ...", "In future work, ...", "As future
# work, ..."): whatever it says it will use or compare is not done in the paper.
_FUTURE_WORK = re.compile(r"\s*(?:future\s+(?:work|research|studies|directions?|efforts?)\b|in\s+(?:the\s+|our\s+)?future(?:\s+work)?\b"
                          r"|as\s+(?:a\s+|our\s+)?future\s+(?:work|research|direction)\b)", re.I)
# An absolute clause naming an addition and its gain, "..., with BERT and word information further improving
# segmentation": the mention right after ', with' and a gain gerund within a few words (not 'improving upon / over X',
# a comparison of its own).
_ADDED_WITH = re.compile(r",\s+with\s+(?:(?:the|an?|pre-?trained)\s+)?$", re.I)
_ADDED_GAIN = re.compile(r"(?:\s*(?:,|and|\+)\s*[\w.\- ]{1,30}?)?\s+(?:(?:further|also|additionally|significantly|substantially"
                         r"|consistently|greatly)\s+)?(?:improving|boosting|enhancing|increasing|raising)\b(?!\s+(?:(?:up)?on|over)\b)", re.I)


# Sentence adverbs that set a clause in the field's practice or history rather than in the paper's own work.
_BACKGROUND_ADVERB = re.compile(
    r"(?=[rtcugofwhin])\b(?:recently|traditionally|conventionally|typically|usually|commonly|generally|often|frequently"
    r"|widely|historically|in\s+practice|in\s+the\s+past|nowadays|so\s+far|to\s+date)\b",
    re.I,
)


def _background_opener(sentence: str, lo: int, start: int, own: Sequence[str]) -> str:
    """The background adverb in the clause before the mention ('Typically,', 'Recently,'), when the clause
    does not speak of the paper's own work; '' otherwise."""
    match = _BACKGROUND_ADVERB.search(sentence, lo, start)
    if match is None or _OWN.search(sentence, lo, start) or _own_in(sentence[lo:start], own) is not None:
        return ""
    return " ".join(match.group(0).split())


# "Pre-trained models like BERT are fine-tuned ...": the mention is an example of a class that is the subject.
_EXAMPLE_SUBJECT = re.compile(
    r"\s*(?:[\w-]+\s+){0,5}?[\w-]+s(?:\s*\([\w-]+\))?\s*,?\s*\(?(?:such\s+as|like|e\.g\.,?|including)\s+"
    r"(?:[\w.\-]+(?:\s+[\w.\-]+)?(?:\s*\([\w.\-]+\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))*",
    re.I,
)
_PRESENT_AUX = re.compile(r"[^.;]{0,80}?\b(?:is|are|can|may|might|could)\b", re.I)


def _class_example(sentence: str, lo: int, start: int, after: str) -> str:
    """'such as' when the mention is an example in a generic plural subject ("Open models such as Llama-2 are
    trained on trillions of tokens") and the passive after it is present or modal: a claim about the class.
    '' otherwise (past tense "were fine-tuned" is the paper's procedure)."""
    if not _EXAMPLE_SUBJECT.fullmatch(sentence, lo, start) or _OWN.search(sentence, lo, start):
        return ""
    aux = _PRESENT_AUX.match(after)
    if aux is None or re.search(r"\b(?:was|were)\b", aux.group(0), re.I):
        return ""
    return "such as"


def _long_form_start(sentence: str, start: int, end: int) -> int:
    """Start of "Low-Rank Adaptation (LoRA)" when the mention is the acronym: its long form's words
    ("Adaptation") must not act as cues."""
    if sentence[end : end + 1] != ")" or sentence[start - 1 : start] != "(":
        return start
    match = _LONG_FORM.search(sentence, 0, start)
    return match.start() if match else start


# A use participle that modifies what a comparison is against ("outperform several baselines, including those using
# TF-IDF", "outperforms state-of-the-art algorithms only based on appearance, such as standard Faster R-CNN"): the
# method belongs to the compared systems, so the comparison governs it, not the use.
_MODIFIER_USE = re.compile(r"(?:pre-?)?trained|using|based\s+(?:up)?on|built\s+(?:up)?on|fine-?tuned|relying\s+on|employing"
                           r"|utili[sz]ing|equipped\s+with|powered\s+by|driven\s+by"
                           # a participle or a noun of the compared phrase itself: "better results than keywords
                           # extracted with traditional methods such as tf-idf", "compared with four state-of-the-art
                           # implementations (LeNet, AlexNet, ...)", "outperform the benchmark method of a sequential A*"
                           r"|(?:generated|produced|extracted|computed|encoded)\s+(?:from|with|using)"
                           r"|implementations?|training|augmentation|(?:method|procedure|approach|technique|algorithm|implementation)s?\s+(?:of|from|by)",
                           re.I)
_COMPARED_NOUN = re.compile(r"implementations?|training|augmentation|\w+s?\s+(?:of|from|by)", re.I)
# what may stand between the comparison and the participle: the compared class ("several baselines, including those",
# "state-of-the-art algorithms only"), no verb, no voice of the paper, no means ("by using", "when trained")
# The model a comparison is made on, named after the compared phrase: "reduces more than 52% FLOPs on ResNet-110" (not
# 'with': "outperform those with WaveNet vocoders" names the compared systems' part).
# (a class with examples too: "... but also on state-of-the-art very deep networks such as ResNet")
_HOST_BEFORE = re.compile(r"\s(?P<prep>on)\s+(?:the\s+|an?\s+)?(?:(?:[\w.\-]+\s+){1,5}?(?:such\s+as|including|like|e\.g\.,?)\s+)?"
                          r"(?:[\w.\-]+(?:\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)){0,4}$", re.I)
_QUANTITY = re.compile(r"(?<=than)\s*(?:[\d.,]+|a\s+(?:few|dozen|hundred|thousand|million))", re.I)  # 'more than 10 datasets
# Past a compared noun, a setting rather than more of the compared phrase: "outperforms CPU implementations of PyTorch by
# 3.5x for the popular U-net architecture" runs U-Net; it is not what is compared.
_SETTING_GAP = re.compile(r"(?<![\w-])(?:by|for|on|at|than|under)(?![\w-])", re.I)
# 'training' with an object is the verb ("25 times faster in training the i-vector extractor", "enables stable training
# of ... 101-layer ResNets"), not a compared noun
_GERUND_OBJECT = re.compile(r"\s*(?:(?:the|an?|our|its|their)\s|of\b)", re.I)
_MEANS_END = re.compile(r"\b(?:by|when|while|after|through|via|without|for|then|to|from|even|also)\s*$", re.I)


# A negation right before a use verb: "without fine-tuning", "instead of using", "without any need to fine-tune", "do
# not use" (not "not only use X but also ...").
_NEGATED_USE = re.compile(
    r"(?<![\w-])(?P<neg>without|instead\s+of|rather\s+than|no\s+need\s+(?:for|to)|(?:do|does|did|can|could|will|would|need)\s*(?:not|n't)"
    r"|never)\s+(?:(?:any\s+)?(?:need|needing)\s+(?:to|for)\s+|(?:(?!only\b)\w+ly|any|further|even|by)\s+){0,3}$",
    re.I,
)
# What follows a 'than' that compares with no method: "than previously possible", "than ever", "more than 100 fps"
# (not "less than 10% of the recent ResNet-101", nor "than 3D RANSAC").
_DIFFERENT_BEFORE = re.compile(r"(?<![\w-])(?:different(?:ly)?|other|else)\s+(?:[\w-]+\s+){0,4}$", re.I)
_NO_RIVAL = re.compile(r"\s+(?:(?:previously|ever|before|possible|usual|expected|needed|required|necessary|anticipated"
                       r"|reported|originally)\b|\d[\d.,]*(?:\s*(?:%|x|times|[kKMB]\b))?(?![\w.,%-])(?!\s*of\b))", re.I)


# A use verb in a relative clause on the compared noun: "better than a baseline that uses pre-trained embeddings, such as
# Word2Vec", "outperforms more standard techniques that rely on extended Kalman filtering", "methods which are based on
# X" (not a reported finding: "outperforms BERT, showing that fine-tuning X ...", nor a clause of its own after a comma)
_RELATIVE_USE = re.compile(r"(?<![\w-])(?<!that\s)(?:that|which|who)\s+(?:(?:is|are|was|were|also|only|\w+ly)\s+){0,2}$", re.I)
_REPORT_THAT = re.compile(r"(?:show|demonstrat|indicat|suggest|prov|find|found|reveal|confirm|verif|argu|note|observ)\w*\s+$", re.I)


def _relative_use(before: str, match: "re.Match") -> "re.Match | None":
    """The relative pronoun ('that uses', 'which are based on') opening the clause of the use cue ``match``, when
    its noun is no reported finding (see ``_RELATIVE_USE``); else None."""
    relative = _RELATIVE_USE.search(before, max(0, match.start() - 40), match.start())
    if relative is None or _REPORT_THAT.search(before, max(0, relative.start() - 30), relative.start()):
        return None
    return relative


def _compared_object(before: str, found: list, use: "re.Match") -> "re.Match | None":
    """The comparison cue whose object the use participle ``use`` modifies (see ``_MODIFIER_USE``), or None.
    Use participles in a row ("those using TF-IDF, LIWC and pre-trained language models") and relative clauses
    ("a baseline that uses pre-trained embeddings", see ``_RELATIVE_USE``) are walked left."""
    current = use
    if not _MODIFIER_USE.fullmatch(" ".join(use.group(0).split())) and (relative := _relative_use(before, use)):
        current = relative
    for _end, _neg_start, index, match in sorted(found, key=lambda item: (item[0], item[1]), reverse=True):
        if match.end() > current.start():
            continue
        cue = _PRE_CUES[index]
        if cue.relation == BUILDS_ON and _MODIFIER_USE.fullmatch(" ".join(match.group(0).split())):
            if not _plain_noun_phrase(before, match.end(), current.start()):
                return None
            current = match
            continue
        if cue.relation == BUILDS_ON and (relative := _relative_use(before, match)):
            if not _plain_noun_phrase(before, match.end(), current.start()):
                return None
            current = relative  # on to its noun
            continue
        if cue.relation == COMPARES_TO and cue.agent == ANY:
            continue  # 'baselines' is a noun of the compared phrase ('outperform several baselines, including those
            # using'); alone it also names the paper's own runs ('we run baseline experiments using')
        if cue.relation == COMPARES_TO and _plain_noun_phrase(before, match.end(), current.start(), 1) \
                and not _BARE_COMPARE.fullmatch(match.group(0)) and not _QUANTITY.match(before, match.end()) \
                and not match.group(0).lower().startswith("relative"):
            # (not a bare 'compare the accuracy of ... using X and Y', whose methods are compared among themselves,
            # nor 'more than 56,000 images based on', nor a place 'relative to the map using')
            return match
        return None
    return None


def _plain_noun_phrase(text: str, lo: int, hi: int, least: int = 0) -> bool:
    """``text[lo:hi]`` is a short stretch with no verb, no clause break and no voice of the paper (at least
    ``least`` words)."""
    gap = _mask_brackets(text[lo:hi])
    return (least <= _words(gap) <= 10 and not any(c in gap for c in ";:.") and not _FINITE.search(gap)
            and not _OWN.search(gap) and not _MEANS_END.search(gap))


def _governing_cue(
    sentence: str, lo: int, hi: int, start: int, others: Sequence[tuple[int, int]] | None, own: Sequence[str],
    end: int | None = None,
) -> tuple[RelationResult | None, bool]:
    """Result of the nearest cue before the mention in its clause (None when none governs it), and whether
    it is decisive: a negation or analysis cue, or a verb whose subject is someone else's work. A verb
    whose subject is merely unknown yields to a passive right after the mention ("Adam [17] was used")."""
    # Cues only govern within a few dozen words, so only the last _SCAN_CHARS characters are scanned.
    scan_lo = max(lo, start - _SCAN_CHARS)
    before = sentence[scan_lo:start]
    lowered = before.lower()
    candidates = _candidate_cues(lowered)
    found = [(match.end(), -match.start(), index, match) for index in sorted(candidates)
             if not (cue := _PRE_CUES[index]).needs or cue.needs in lowered for match in cue.pattern.finditer(before)]
    best = attributive = None
    # nearest first: the largest end, then the longest match
    for _end, _neg_start, index, match in sorted(found, key=lambda item: (item[0], item[1]), reverse=True):
        if match.group(0)[0].isupper() and not _capital_ok(sentence, scan_lo + match.start()):
            continue  # a capitalised word inside a name ("Low-Rank Adaptation", "Gene Ontology")
        if _NO_RIVAL.match(before, match.end()) and match.group(0)[-4:].lower() == "than":
            continue  # "larger neural networks than previously possible, including ResNet-34": no method compared with
        if len(match.group(0)) == 4 and _DIFFERENT_BEFORE.search(before, max(0, match.start() - 60), match.start()) \
                and match.group(0).lower() == "than":
            continue  # "With a different architecture than the popular U-net": a contrast, as 'unlike' is
        window = max(0, match.start() - 40)
        if _ADJECTIVAL.search(before, window, match.start()):
            continue  # "the widely used GPT-3.5": a participle modifying the name, not a verb
        if _PARTICIPLE.fullmatch(match.group(0)):
            if _DETERMINER_END.search(before, window, match.start()):
                # "the adapted Faster R-CNN": lets a verb further left govern ("we characterize the trained
                # transformer"), and only decides when there is none
                attributive = attributive or (_ATTRIBUTIVE_CUE, match)
                continue
            if _GLUE_END.search(before, window, match.start()) and not _PREPOSITION_NEXT.match(before, match.end()):
                # "HOG and pre-trained deep neural network (VGG-16)": a verb further left governs; without one the
                # participle is read as a verb as before ("with improved survivals in various cancers [5]")
                attributive = attributive or (_PRE_CUES[index], match)
                continue
        best = (_PRE_CUES[index], match)
        break
    best = best or attributive
    if best is None:
        return None, False
    cue, match = best
    gap = before[match.end() :]
    opening = gap.rfind("(")
    if opening >= 0 and ")" not in gap[opening:]:
        gap = gap[:opening]  # the mention sits in a parenthesised list: count up to the parenthesis
    counted = _TRANSPARENT.sub(" ", _mask_brackets(gap))
    if _SCOPE_STOP.search(gap) or (_words(counted) > cue.max_gap and not _own_side_then_object(cue, match, counted)):
        return None, False
    words = " ".join(match.group(0).split())
    if cue.relation == COMPARES_TO and end is not None and _FRONTED_COMPARE.fullmatch(words) \
            and "," in _mask_brackets(gap) and _SUBJECT_VERB.match(sentence, end, hi):
        # "compared to ELMo and BERT-base, BERT-large is better": past the comma the mention is the subject of
        # the main clause, the side the comparison is about, not what it is compared with
        return None, False
    if cue.relation == COMPARES_TO and others and _past_compared_clause(gap, scan_lo + match.end(), others):
        return None, False
    if cue.relation == COMPARES_TO and _COMPARED_END.search(gap) and not _BARE_COMPARE.fullmatch(words):
        # "Comparisons to a feedforward baseline suggest that ... the LSTM", "compared with state-of-the-art algorithms
        # and they cannot take advantage of ... ResNet-50": the compared phrase ended at the new clause (the verb
        # 'compare' without 'with' is left to the rule of methods compared among themselves, below)
        return None, False
    if cue.relation == COMPARES_TO and (("ing" in gap and _gerund_host(gap)) or ("(" in gap and _NEXT_ITEM.search(gap))):
        return None, False
    confidence = cue.confidence - 0.01 * max(0, _words(gap) - 3)
    negated = (_NEGATED_USE.search(before, max(0, match.start() - 60), match.start())
               if cue.relation == BUILDS_ON and _words(gap) <= 4 and "," not in gap else None)
    if negated:
        # "without fine-tuning BERT", "instead of using a pre-trained ResNet": the use of its object is denied, as
        # 'without X' is (not "without using any external features, a simple BERT-based model ...")
        return RelationResult(MENTIONS, f"{' '.join(negated.group('neg').split())} {words}", 0.75), True
    host = _HOST_BEFORE.search(gap) if cue.relation == COMPARES_TO else None
    if host and _words(gap[: host.start()]) >= 1:
        # "FPGM reduces more than 52% FLOPs on ResNet-110", "124x speedup compared with fully-connected layers on AlexNet":
        # past the compared phrase, the model the comparison is made on is one the paper runs
        return RelationResult(BUILDS_ON, f"{words} ... {host.group('prep').lower()}", 0.6), False
    if cue.relation == BUILDS_ON and (_MODIFIER_USE.fullmatch(words) or (not gap.strip() and _PARTICIPLE.fullmatch(words))
                                      or (_relative_use(before, match) and not _SETTING_GAP.search(gap))) \
            and not (_COMPARED_NOUN.fullmatch(words) and _SETTING_GAP.search(gap)) \
            and not (words.lower() == "training" and _GERUND_OBJECT.match(gap)):
        compared = _compared_object(before, found, match)
        if compared is not None and not (_FRONTED_COMPARE.fullmatch(" ".join(compared.group(0).split())) and "," in gap
                                         and _SUBJECT_VERB.match(sentence, end or start, hi)):
            # "outperform several baselines, including those using TF-IDF": a use inside the compared phrase
            return RelationResult(COMPARES_TO, f"{' '.join(compared.group(0).split())} ... {words}", 0.7), False
    if cue.agent != ANY:
        owner = _owner(sentence, lo, scan_lo + match.start(), others, own, hi)
        if owner == "own" and cue.agent == OWN and _POSTMODIFIER.fullmatch(words):
            # "We find that ... transfer to the YOLOv3 object detector trained on MS COCO": a participle after a
            # noun inside a reported finding describes the method, not the paper's action
            report = _OWN_REPORT.search(sentence, lo, scan_lo + match.start())
            if report and not _AUX_BEFORE.search(sentence, 0, scan_lo + match.start()) \
                    and not _OWN.search(sentence, report.end(), scan_lo + match.start()):
                owner = "unknown"
        if owner == "other":
            return RelationResult(MENTIONS, words, 0.6), True
        if owner == "unknown" and cue.agent == OWN:
            return RelationResult(MENTIONS, words, 0.55), False
        if owner == "unknown":
            confidence -= 0.1
    if cue.relation == COMPARES_TO and words.lower().startswith("baseline") and _OUR_END.search(sentence, lo, scan_lo + match.start()):
        # "Our baseline U-Net, which has only minor modifications": the paper's own baseline model, which it trains
        return RelationResult(BUILDS_ON, f"our {words}", 0.6), False
    if cue.relation == BUILDS_ON and cue.agent == OWN and _THAN_END.search(before, max(0, match.start() - 12), match.start()):
        # "better than using well-known approaches such as CCNN": the use is the other side of a comparison
        return RelationResult(COMPARES_TO, f"than {words}", 0.6), False
    if cue.relation == BUILDS_ON and _SCORES_BY.search(gap):
        # "our model improved the DSC from 0.522, 0.719 and 0.742 by CycleGAN, TD-GAN, and DADR": scores of X
        return RelationResult(COMPARES_TO, f"{words} ... by", 0.6), False
    if cue is _IMPROVE_OF_CUE and own:
        region = _mask_brackets(sentence[lo : scan_lo + match.start()])
        anchor = max((m.end() for m in _SUBJECT_ANCHOR.finditer(region)), default=0)
        subject = _NAMED_SUBJECT.fullmatch(region, anchor)
        if subject and subject.group("name").lower() in own:
            return RelationResult(COMPARES_TO, words, round(confidence, 2)), False
    if cue.relation == MENTIONS and _STUDY_VERB.match(words) and _INSTRUMENT_END.search(gap):
        # "By analyzing input sequence to cloud AI inference engine with LSTM, DND detects ...", "we study X using
        # SVD": the method is the study's instrument, which the paper uses; other cues or the clause's voice decide
        return None, False
    if cue.relation == MENTIONS and (_OWN_OBJECT.search(gap) or _THIS_METHOD.search(gap) or (own and _own_in(gap, own) is not None)):
        # "we present and evaluate two new LSTM variants", "We evaluated RICAP with current CNNs (e.g. shake-shake)",
        # "we evaluate this approach on TSN": what is studied is the paper's own; the method is its variant or host
        return None, False
    if cue.relation == COMPARES_TO and _BARE_COMPARE.fullmatch(words) and not _COMPARED_WITH.search(gap):
        if _own_side(gap):
            # "We compare our BERT-based model with ...", "we compare ... of the proposed LSTM decoder to a KF decoder":
            # the mention is inside the paper's own side of the comparison, before its 'with / to'
            return None, False
        # "we present and compare few rule-based and machine learning-based (Naive Bayes, Random Forests ...)
        # models": methods compared among themselves are the ones the paper runs, unless they are compared
        # with the paper's own method ("we compare BERT with our model")
        # ... nor when the paper's own method is one of those compared ("We compare uniform, PER and PSER sampling
        # in DQN", PSER the paper's) or what they are compared against ("compare DCGAN and LAPGAN against a
        # modification of the latter")
        compared = gap + " " + _AND_CLAUSE.split(sentence[end or start : hi], 1)[0]
        if not _OWN_OBJECT.search(gap) and not _AGAINST_OWN.search(sentence, start, hi) \
                and not (own and _own_in(compared, own) is not None):
            return RelationResult(BUILDS_ON, f"{words} (among)", 0.6), False
    result = RelationResult(cue.relation, words, round(max(confidence, 0.5), 2))
    return result, cue.relation == MENTIONS


_AND_CLAUSE = re.compile(r",\s+and\s+")


def _own_side_then_object(cue: _Cue, match: "re.Match", gap: str) -> bool:
    """'We also compare the results of our Long Short-Term Memory Recurrent Neural Network based models to Logistic
    Regression, XGBoost and ...': after the verb 'compare' the paper's own side ('our ...', 'the proposed ...') may be
    long; the compared list starts at its 'with / to / against', so the cue's reach is counted from there."""
    if cue.relation != COMPARES_TO or not _BARE_COMPARE.fullmatch(match.group(0)):
        return False
    word = _COMPARED_WITH.search(gap)
    return (word is not None and _OWN_OBJECT.search(gap, 0, word.start()) is not None
            and _words(gap[word.end() :]) <= cue.max_gap)


# a new clause inside a comparison's gap: a reported finding ('suggest that') or a pronoun subject after 'and'
_COMPARED_END = re.compile(
    r"(?<![\w-])(?:(?:suggest|show|indicate|reveal|demonstrate|confirm|prove|imply|verify)(?:s|ed)?\s+that"
    r"|and\s+(?:they|it|we)\s+\w+)(?![\w-])", re.I
)
# list glue: after it a compared list goes on with another item ("we compare our method and BERT")
_LIST_GLUE = re.compile(r",|&|(?<![\w-])(?:and|or|versus|vs\.?)(?![\w-])", re.I)


def _own_side(gap: str) -> bool:
    """Whether the mention closes a noun phrase of the paper's own ('our', 'new', 'the proposed' at most three words
    before it, no list glue between): the side a comparison is about, not what it is compared with."""
    last = None
    for last in _OWN_OBJECT.finditer(gap):
        pass
    return last is not None and _words(gap[last.end() :]) <= 3 and not _LIST_GLUE.search(gap, last.end())
# A comparison's object that acts on the mention: "outperform the naive approach to interpreting Transformer attention
# activations" compares with the approach, and the method is what it (and the paper) works on, not a rival; a use
# gerund ("those using TF-IDF", see _MODIFIER_USE) stays inside the compared phrase.
_GERUND_HOST = re.compile(r"[^,;()]*?[\w-]\s+(?:to|for)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+ing)\s+(?:(?:the|an?|its|their)\s+)?(?:[\w-]+\s+)?$")

# The next item of an enumeration: "(1) training data for ELMo contains significantly more male than female entities,
# (2) the trained ELMo embeddings ...": a comparison's object stays in its item (the voice that governs the items, "we
# show that (i) ..., (ii) ...", goes on; so the enumeration is no clause break).
_NEXT_ITEM = re.compile(r"[,;]\s*(?:and\s+)?\((?:ii|iii|iv|v|vi|[2-9]|[b-f])\)\s", re.I)


def _gerund_host(gap: str) -> bool:
    """Whether the stretch between a comparison cue and the mention is a compared noun with a 'to / for' gerund
    acting on the mention ('the naive approach to interpreting '), so the mention is no rival (see _GERUND_HOST)."""
    host = _GERUND_HOST.match(gap)
    return host is not None and not _MODIFIER_USE.fullmatch(host.group("verb"))


_TAIL_PREPOSITION = re.compile(r"(?<![\w-])(?:of|from|with|in|on|by|for|to|at)(?![\w-])", re.I)


def _past_compared_clause(gap: str, gap_start: int, others: Sequence[tuple[int, int]]) -> bool:
    """Whether a comparison cue's object ended before the mention: another method stands between the cue and a
    later ', and' that opens four or more words with a preposition before the mention ('achieves better
    effectiveness compared to Transformer-based retrieval models, and the effectiveness grows with the size of the
    Mamba model'): a new clause or an attribute of something else, not the compared list, which goes on after
    its ', and' with the next item ('better than ICP, its variants, and the recently-proposed method PointNetLK')."""
    masked = _mask_brackets(gap)
    joins = list(_AND_CLAUSE.finditer(masked))
    if not joins:
        return False
    tail = _TRANSPARENT.sub(" ", masked[joins[-1].end() :])
    if _words(tail) < 4 or not _TAIL_PREPOSITION.search(tail):
        return False
    comma, after = gap_start + joins[-1].start(), gap_start + joins[-1].end()
    # a method before the ', and' (the compared one), none after it (the list would go on there)
    return any(gap_start <= s and e <= comma for s, e in others) and not any(after <= s < gap_start + len(gap) for s, _ in others)


def _post_cue(after: str) -> RelationResult | None:
    """Rule 3: a passive or role phrase right after the mention ("X is used as", "X as a baseline")."""
    # _may_hold's test for every cue at once (group 4: _FAR_PASSIVE_WORDS)
    present = _POST_WORD_GROUPS.present(after.lower()) if after.isascii() else None
    for index, (relation, confidence, pattern) in enumerate(_POST_CUES):
        match = pattern.match(after) if present is None or index in present else None
        if match:
            cue = " ".join(match.group("cue").split())
            if relation == BUILDS_ON and _HABITUAL.search(after[: match.end()]):
                return RelationResult(MENTIONS, cue, 0.6)
            return RelationResult(relation, cue, confidence)
    far = _FAR_PASSIVE_COMPARE.search(after) if present is None or len(_POST_CUES) in present else None
    if far and _words(after[: far.start()]) <= 20 and not _FINITE.search(after, 0, far.start()):
        cue = " ".join(far.group("cue").split())
        among = _AMONG.match(after, far.end())
        if among:
            # "A BERT model ... and other BERT models ... were compared with each other": the paper runs them all
            return RelationResult(BUILDS_ON, f"{cue} {' '.join(among.group(0).split())} (among)", 0.6)
        return RelationResult(COMPARES_TO, cue, 0.7)
    return None


def _uncued(sentence: str, lo: int, hi: int, start: int, end: int, own: Sequence[str]) -> RelationResult:
    """Rules 4 and 5: no cue governs the mention; compounds, own determiners and the clause's voice decide."""
    before = sentence[lo:start]
    after = sentence[end:hi]
    clause = sentence[lo:hi]
    survey = _SURVEY.search(clause) if _may_hold(clause, _SURVEY_HOLD) else None
    own_match = _OWN.search(sentence, lo, start)
    own_name = _own_in(before, own)
    absent = _ABSENT.match(after)
    if absent:
        return RelationResult(MENTIONS, "X" + absent.group("cue"), 0.75)  # "a transformer-free alternative"
    compound = _COMPOUND.match(after) or _COMPOUND_IN_SURFACE.search(sentence[start:end])
    determiner = _search_end(_OWN_DETERMINER, before, 5)
    if determiner:
        # "our BERT encoder"; "three novel LSTM cell architectures" are new variants of the method
        words = determiner.group("cue") or determiner.group("novel")
        return RelationResult(BUILDS_ON, " ".join(words.split()), 0.75 if determiner.group("cue") else 0.65)
    paired = own and _search_end(_OWN_NAME_WITH, before, 4)
    if paired and paired.group("name").lower() in own:
        # "ESE-Seg with YOLOv3 outperforms Mask R-CNN": the paper's named method run with the method, as "our model
        # with X" is (the determiner rule above)
        return RelationResult(BUILDS_ON, " ".join(paired.group(0).split()), 0.7)
    subject_of = _SUBJECT_OF_COMPARISON.match(after)
    if subject_of:
        # "Mamba outperforms Transformers", "we show that Transformers significantly outperform RNNs":
        # the method is the subject of someone's comparison, not the paper's baseline.
        return RelationResult(MENTIONS, " ".join(subject_of.group("cue").split()), 0.6)
    reported = _search_end(_REPORT_VERB_END, before, 3)
    if reported and not compound:
        success = _finding_success(after)
        if success:
            # "we demonstrate that BERT ... can successfully be applied in ...": the paper's finding on its own run
            return RelationResult(BUILDS_ON, f"{' '.join(reported.group('cue').split())} ... {success}", 0.6)
        return RelationResult(MENTIONS, " ".join(reported.group("cue").split()), 0.55)
    if compound:
        cue_words = " ".join(compound.group("cue").split())
        words = "X" + cue_words if cue_words.startswith("-") else cue_words
        own_clause = _OWN.search(clause) or _own_in(clause, own) is not None
        # a past-tense procedure is the paper's own too: "several transformer-based models were evaluated"
        own_clause = own_clause or (_PAST_PASSIVE.search(clause) and not _OTHER.search(_mask_brackets(clause)))
        # so is a present passive the compound's phrase is the subject of: "A ResNet backbone is adopted to encode
        # each image", "A Q-learning-based method ... is developed and studied" (not "... are commonly used")
        own_clause = own_clause or bool(
            _COMPOUND_PASSIVE.match(after) and not _HABITUAL.search(clause) and not _OTHER.search(_mask_brackets(clause))
            and not _FIELD_SUBJECT.match(before)
        )
        # "we establish several baselines and present a technique that boosts ... transformer-based models":
        # baselines the paper itself sets up are no one else's work
        others_before = [m for m in _OTHER.finditer(before) if not _OWN_BASELINES.search(before, 0, m.end())]
        if own_clause and not survey and not others_before:
            return RelationResult(BUILDS_ON, words, 0.7)
        return RelationResult(MENTIONS, words, 0.55)
    # No cue in the clause: a sentence that sets the paper's findings beside others' ("these findings are
    # in line with previous reports", "our results ..., as also reported in other studies") compares.
    # (an agreement word inside the mention's own name is none: "a linear support vector machine")
    agreement = next((m for m in _FINDING_AGREEMENT.finditer(sentence) if m.end() <= start or m.start() >= end), None) \
        if _may_hold(sentence, _AGREEMENT_HOLD) else None
    if agreement and (_OWN_FINDINGS.search(sentence) or _OTHERS_FINDINGS.search(sentence)):
        return RelationResult(COMPARES_TO, " ".join(agreement.group(0).split()), 0.55)
    setting = _FRONTED_SETTING.match(sentence) if lo == 0 and not own_match else None
    if setting and setting.end() > end and not _FINITE.search(sentence, 0, setting.start("main")) \
            and not _OTHER.search(_mask_brackets(sentence[: setting.start("main")])) \
            and not _OWN.search(sentence, 0, setting.start("main")) and start > setting.start("prep"):
        # "On CIFAR-10 with VGG network, our model leads to ...", "In a default Mask R-CNN setup, we achieve ...": a
        # fronted setting of the paper's own result is what it runs
        return RelationResult(BUILDS_ON, f"{setting.group('prep')} ... {' '.join(setting.group('main').split())}", 0.55)
    # No cue: the clause's own voice decides, weakly.
    if not survey and not _prior_subject(before, own_match is not None):
        if own_match and _OWN_RESULTS.fullmatch(own_match.group(0)):
            # "our results ... (Smith, 2001)": the paper sets its findings beside the cited ones
            return RelationResult(COMPARES_TO, " ".join(own_match.group(0).split()), 0.5)
        report = _OWN_REPORT.search(sentence, lo, start)
        if report and not _OWN.search(sentence, report.end(), start) and _own_in(sentence[report.end():start], own) is None:
            success = _finding_success(after) if _words(sentence[report.end():start]) <= 8 \
                and not _FINDING_DENIED.search(sentence, report.end(), start) and "," not in sentence[report.end():start] else ""
            if success:
                # "we show that the recently proposed Info-GAN allows dramatic improvements in ...": as above
                return RelationResult(BUILDS_ON, f"{' '.join(report.group(0).split())} ... {success}", 0.6)
            # "We find that ... misclassified by Inception-v3 also transfer to AlexNet", "our analyses unveil a
            # limitation of Transformer": the paper's voice only reports a finding about the method
            return RelationResult(MENTIONS, " ".join(report.group(0).split()), 0.5)
        if own_match or own_name:
            return RelationResult(BUILDS_ON, own_name or " ".join(own_match.group(0).split()), 0.55)
        procedure = _PAST_PASSIVE.search(clause)
        # the clause without bracketed citations: "(Jensen et al., 2012)" is not a prior-work subject
        if procedure and not _OTHER.search(_mask_brackets(before + " " + after)):
            # a past-tense passive clause describes the paper's own procedure ("was computed in FSTAT [5]")
            return RelationResult(BUILDS_ON, " ".join(procedure.group(0).split()), 0.55)
    return RelationResult(MENTIONS, "", 0.5)


# A fronted prepositional phrase before the paper's main clause: "On CIFAR-10 with VGG network, our model ..." (not
# "In this paper, we ...", which is the paper's voice already).
_FRONTED_SETTING = re.compile(
    r"\s*(?P<prep>On|In|For|With|Across|Under|Over|Via|Through)\s[^;:.]*?,\s*"
    r"(?P<main>we|our|the\s+proposed|this\s+(?:paper|work|method|approach|model|framework))\b"
)


def _prior_subject(before: str, own_voice: bool) -> bool:
    """Whether a prior-work word ('previous', 'recent', 'popular', ...) in the clause before an uncued mention can
    make the clause someone else's. With the paper's voice in the clause, words before its last 'we / our / in this
    paper' ("Inspired by the recent success of ..., in this paper, we explore MAML") and the words of use that modify
    the mention ("we transfer the recently proposed BERT", "improving the popular DQN and A2C") do not; 'traditional
    Transformer models fall short' stays someone else's."""
    first = _OTHER.search(before)
    if first is None or not own_voice:
        return first is not None  # (most clauses: no prior-work word, one scan as before)
    voice = max((match.end() for match in _OWN.finditer(before)), default=0)
    modifiers = _tail_start(before, 3)
    near = _tail_start(before, 8)
    # past the paper's voice only a prior-work word near the mention counts: in "we propose a system that considers
    # ... a question computed by a traditional IR system, as well as ... computed by the recently-proposed BERT model"
    # 'traditional' is another phrase's
    return any(max(voice, near) <= match.start() and (match.start() < modifiers or not _IN_USE.fullmatch(match.group(0)))
               for match in _OTHER.finditer(before, first.start()))


# prior-work words that, right before a name, say how much it is used, not that it is the paper's foil ('existing',
# 'traditional', 'previous' are)
_IN_USE = re.compile(r"recent(?:ly)?|popular(?:ity)?|widely|widespread|commonly|increasingly|currently|most", re.I)


# ---------------------------------------------------------------------------------------------------------
# Paper-level settling: relations are per paper and method in the gold, so a paper-level rule over all
# mentions of a method is legitimate. The per-mention relation, cue and evidence stay in the output.

# A title that announces an analysis, a survey or a question rather than the paper's own method.
_ANALYSIS_TITLE = re.compile(
    r"\b(?:survey|review|overview|tutorial|primer|lessons|revisit\w*|rethink\w*|dissect\w*|insights?|theory|taxonom\w*"
    r"|benchmark(?:s|ing)?|comparative|empirical\s+(?:study|evaluation|investigation)"
    r"|theoretical|mechanis\w+|emergen\w+|limits|limitations|proxies|trade-?offs?|properties|dynamics|phenomen\w+"
    r"|(?:effects?|impacts?|influence)\s+of|(?:an?|the)\s+(?:\w+\s+)?analys[ie]s\s+of)\b"
    r"|^an?\s+(?:[\w-]+\s+)?stud(?:y|ies)\s+(?:of|on|into|in)\b|:\s*(?:an?\s+)?(?:[\w-]+\s+)?stud(?:y|ies)\b"
    # 'Analysis of X', 'Performance Analysis of X', 'Analyzing X'; not a task named 'Sentiment Analysis on IMDB ...'
    r"|(?:^|:\s*)(?:towards?\s+)?(?:an?\s+)?(?:(?:\w+\s+)?analys[ie]s(?:\s+of\b|\s*$)|analy[sz](?:ing|es|e)\b|understanding|explaining|interpreting|probing"
    r"|investigating|what|why|how|when|do|does|can|is|are)\b"
    # a title whose purpose is an evaluation ('Using syntactical and logical forms to evaluate textual inference
    # competence', 'Using Videos to Evaluate Image Model Robustness'); not 'Learning to Evaluate Image Captioning'
    r"|(?<!learning\s)\bto\s+(?:evaluate|assess|probe|benchmark)\b",
    re.I,
)
# The paper says it has a method of its own: then it is no pure analysis ("we propose using ...").
_OWN_METHOD_SAID = re.compile(
    r"(?=[wtoa])\b(?:we\s+(?:\w+ly\s+|also\s+|first\s+|further\s+|then\s+)?(?:propose|introduce|develop|design|devise)\w*"
    # "We introduce a grammatically annotated development set", "We introduce and validate novel scaling laws":
    # new data, metrics or findings are no method of the paper's own
    r"(?!\s+(?:and\s+\w+\s+)?(?:[\w-]+,\s+)?(?:an?\s+|the\s+|two\s+|three\s+)?(?:[\w-]+\s+){0,4}?(?:datasets?|data\s+sets?"
    r"|(?:development|test|evaluation)\s+sets?|corpus|corpora|benchmarks?|annotations?|collections?|(?:scaling\s+)?laws?"
    # new tasks to test models on are no method either: 'We propose a new set of tasks that require ...', 'We propose
    # DiscoEval, a test suite of tasks'
    r"|metrics?|measures?|taxonom(?:y|ies)|findings|insights|(?:probing\s+)?tasks?|test\s+suites?|challenge\s+sets?)\b)"
    # "This work investigates an alternative model ... and proposes a novel architecture", "An encoder-decoder model
    # with ... is proposed", "This paper describes the development of a real-time HRI system"
    r"|(?:this|the\s+present|the\s+current)\s+(?:paper|work|article|letter|report|research|thesis|study)\s+(?:[^\s.;]+\s+){0,12}?"
    r"(?:(?:propos|introduc|develop|design|devis)(?:es|ed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,4}?|describes\s+the\s+development\s+of\s+)"
    r"(?:an?\s+(?:[\w-]+\s+){0,5}?)?(?:method|technique|approach|framework|model|architecture|algorithm|pipeline|system|network"
    r"|scheme|strategy)s?\b"
    r"|an?\s+(?:[\w-]+\s+){0,5}?(?:method|technique|approach|framework|model|architecture|algorithm|pipeline|system|network|scheme)"
    r"\s+(?:[\w-]+\s+){0,8}?(?:is|are)\s+(?:\w+ly\s+|then\s+|also\s+|first\s+)?(?:proposed|introduced|presented|developed)\b(?!\s+(?:by|in)\b)"
    r"|the\s+proposed|our\s+(?:proposed\s+|new\s+|novel\s+)?(?:model|method|approach|framework|system|architecture"
    r"|pipeline|technique|algorithm|network)s?\b|we\s+present\s+(?:a|an)\s+(?:new|novel)"
    r"|we\s+(?:[\w-]+\s+){0,5}?present\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:method|technique|approach|framework|model|architecture"
    r"|algorithm|pipeline)\b)",
    re.I,
)
# The abstract's first-person statement of an analysis: "we study / investigate / analyze ...", "this
# article analyzes ...", "we provide a review of ...".
_ANALYSIS_ABSTRACT = re.compile(
    r"(?=[wit])\b(?:we|I|this\s+(?:paper|article|work|study|survey|review|chapter|research|thesis))\s+(?:\w+ly\s+|also\s+|first\s+|further\s+)?"
    r"(?:stud(?:y|ies)|investigat\w+|analy[sz]\w+|examin\w+|prob(?:e|es|ing)\b|characteri[sz]\w+|review\w*|survey\w*"
    r"|revisit\w*|explain\w*|(?:provide|present|offer|conduct|perform|carr(?:y|ies|ied)\s+out)s?\s+(?:a|an)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:review|survey|overview|analysis|study|investigation|examination|evaluation|comparison)"
    # an open question about existing methods: 'we evaluate whether ...', 'we compare how well ...'
    r"|(?:evaluat|compar|assess|test|explor|measur)(?:e|es|ed)?\s+(?:whether|how\s+well|to\s+what\s+extent))",
    re.I,
)


# A title that names the means of the work ("Detecting Syntactic Change Using a Neural Part-of-Speech Tagger",
# "Rethinking Monocular Depth Estimation with Adversarial Training"): what follows is the paper's tool.
_TITLE_TOOL = re.compile(r"\b(?:using|with|via|through|based\s+on)\b", re.I)
# A title that names an application ("Generative Adversarial Networks for Operational Scenario Planning")
_TITLE_PURPOSE = re.compile(r"\bfor\b", re.I)
# 'rethinking / revisiting X' is an analysis unless the title names the new means ('... with Y')
_RETHINK = re.compile(r"re(?:think|visit)\w*", re.I)
# 'X: A Study on Y' is an analysis unless the title names an application or its means before it ('GANs for Operational
# Scenario Planning ...: A Study on Wind and Photovoltaic', 'Voice Pathology Detection Using Deep Learning: a Preliminary
# Study' apply their methods); 'A Study with <objectives>' after it names the study's conditions
_STUDY = re.compile(r"(?::\s*)?(?:an?\s+)?(?:(?!empirical\b|comparative\b|systematic\b)[\w-]+\s+)?stud(?:y|ies)(?:\s+(?:of|on|into|in))?", re.I)


# a use whose purpose is the study itself: "we use canonical correlation analysis (CCA) and mutual information
# estimators to study how information flows across Transformer layers"
_STUDY_PURPOSE = re.compile(
    r"(?:\s*\([^()]{1,30}\))?(?:\s+(?:and|or)\s+[\w-]+(?:\s+[\w-]+){0,3}?)?\s+(?:in\s+order\s+)?to\s+(?:\w+ly\s+)?"
    r"(?:study|analy[sz]e|investigate|probe|measure|examine|quantify|visuali[sz]e|characteri[sz]e|understand|explain|interpret)\b",
    re.I,
)


# Analysis words that also name a topic ('quantum many-body dynamics', 'a decision mechanism', 'material properties'):
# no analysis when the title starts with a task verb ('Predicting ...') or names its means before them ('... based on ...')
_TOPIC_WORD = re.compile(r"mechanis\w+|emergen\w+|dynamics|properties|phenomen\w+|theory|limits|limitations|proxies|trade-?offs?"
                         r"|insights?|lessons", re.I)
# a title part that names the paper's method: '...? A Variational Approach to ...', ': A Novel Framework for ...'
_METHOD_TITLE = re.compile(
    r"(?:^|[:?]\s*)(?:an?|the)\s+(?:(?!(?:survey|review|study|analysis|comparison|evaluation|benchmark|overview)\b)[\w-]+\s+){0,4}"
    r"(?:approach|method|framework|model|architecture|algorithm|network|system|pipeline|technique)\b",
    re.I,
)
# verbs of what a method does, as a title's first word ('Predicting ...', 'Improving ...'); not 'Learning', which also
# opens analyses ('Learning dynamics of ...')
_TASK_GERUND = re.compile(
    r"predicting|detecting|improving|generating|recogni[sz]ing|classifying|segmenting|estimating|tracking|translating"
    r"|forecasting|boosting|enhancing|accelerating|compressing|reducing|extracting|automating|synthesi[sz]ing|denoising"
    r"|locali[sz]ing|identifying|retrieving|parsing|summari[sz]ing|answering|solving|optimi[sz]ing|speeding|scaling"
    r"|leveraging|exploiting|incorporating|integrating|combining|fusing|adapting|transferring|distilling|pruning"
    r"|quanti[sz]ing|defending|attacking|fooling|generali[sz]ing|aligning|matching|reconstructing|completing",
    re.I,
)


# A title that names the task the paper solves ('Deep Polyphonic ADSR Piano Note Transcription', 'Towards Robust Voice
# Pathology Detection', 'Recursive Subtree Composition in LSTM-Based Dependency Parsing'): with no analysis word in
# the title, an abstract's 'we investigate' is about the paper's own system, not a study of others' methods.
_TASK_NOUN = re.compile(
    r"\b(?:detection|segmentation|recognition|classification|transcription|extraction|identification|retrieval"
    r"|prediction|forecasting|generation|translation|estimation|tracking|parsing|locali[sz]ation|synthesis|reconstruction"
    r"|summari[sz]ation|captioning|tagging|labell?ing|denoising|restoration|super-resolution|registration|diagnosis"
    r"|verification|answering|inpainting|completion|compression|matching)\b",
    re.I,
)


def _title_tool_at(title: str) -> int:
    """Where the means named by the title start ('... Using a Neural Part-of-Speech Tagger'), -1 if it names
    none. In an analysis title the means follow the analysis word ('Analysis of X using Y'); a preposition before
    it ('... with Y: an analysis') belongs to the object."""
    analysis = _ANALYSIS_TITLE.search(title)
    tool = _TITLE_TOOL.search(title, analysis.end() if analysis else 0)
    return tool.start() if tool else -1


def _task_title(title: str) -> bool:
    """The title (or its part after a colon) starts with a verb of a task, not of an analysis: 'Predicting ...',
    'PPO Dash: Improving Generalization in Deep RL' name what the paper's method does."""
    for part in (title, title.partition(":")[2]):
        words = part.split(None, 1)
        if words and _TASK_GERUND.fullmatch(words[0]):
            return True
    return False


def _analysis_title(title: str) -> bool:
    """The title announces an analysis, survey or question; 'Rethinking / Revisiting X with Y' announces Y, a
    new means, so it is a method paper's title, and 'X for Y: A Study on Z' an application of X."""
    if _METHOD_TITLE.search(title):
        return False  # 'How Large a Vocabulary Does Text Classification Need? A Variational Approach to Vocabulary Selection'
    task_title = _task_title(title)
    for match in _ANALYSIS_TITLE.finditer(title):
        if _RETHINK.fullmatch(match.group(0)) and _TITLE_TOOL.search(title, match.end()):
            continue
        if _TOPIC_WORD.fullmatch(match.group(0)) and (task_title or _TITLE_TOOL.search(title, 0, match.start())):
            continue  # 'Predicting quantum many-body dynamics with LSTM ...', '... Based on ... Decision Mechanism'
        if _STUDY.fullmatch(match.group(0)) and (_TITLE_PURPOSE.search(title) or _TITLE_TOOL.search(title, 0, match.start())):
            continue
        return True
    return False


def is_analysis_paper(title: str, abstract: str, introduces_method: bool) -> bool:
    """A survey or analysis: it introduces no method of its own and its title or abstract says it studies,
    reviews or analyses ("Small-scale proxies for ... training instabilities", "We study the computational
    limits of LoRA"). The methods such a paper discusses are studied, not built on.

    An abstract's 'we investigate / analyze' alone does not make an analysis when the title names the paper's
    means or application ('Detecting Syntactic Change Using a Neural Part-of-Speech Tagger', 'GANs for Operational
    Scenario Planning'): such a paper studies what its tool does, so the tool is built on."""
    if introduces_method:
        return False
    # (the abstract-wide search for the paper's own method runs last: most papers are no analysis by then)
    if _analysis_title(title):
        return not _OWN_METHOD_SAID.search(abstract)
    if _TITLE_TOOL.search(title) or _TITLE_PURPOSE.search(title) or _task_title(title) or _TASK_NOUN.search(title):
        return False
    # without such a title, the abstract must frame itself as a study early on (the first 60%); a late
    # "We examine how resilient these methods are" follows an application paper's own experiments
    match = _ANALYSIS_ABSTRACT.search(abstract, 0, int(len(abstract) * 0.6) + 40)
    return bool(match and match.start() <= len(abstract) * 0.6) and not _OWN_METHOD_SAID.search(abstract)


_CARRIED_SUBJECT = re.compile(
    r"^(?:It|They|The\s+(?:model|system|framework|network|architecture|approach|method|pipeline|algorithm|module)|"
    r"This\s+(?:model|system|framework|network|architecture|approach|method|pipeline|algorithm|module))\s+"
    r"(?:\w+ly\s+|also\s+|then\s+|further\s+|first\s+)?(?P<verb>\w+)"
)
# the use cues that need the paper as subject: their verdict without one ('mentions', 0.55) is what the paper-level
# rules below revisit
_OWN_VERBS = tuple(cue.pattern for cue in _PRE_CUES if cue.agent == OWN and cue.relation == BUILDS_ON)


def _own_verb(cue: str) -> bool:
    """Whether ``cue`` (a link's cue words) is a use verb that needs the paper as subject ('uses', 'based on')."""
    return any(pattern.fullmatch(cue) for pattern in _OWN_VERBS)


def _settle_carried_subjects(linked) -> None:
    """'We present X, a system for ... . It uses a standard Transformer-based architecture': a sentence
    whose subject is 'It' / 'The model' right after a sentence in the paper's own voice carries that
    voice, so an everyday use verb it governs ('uses', 'employs', 'is based on') builds on the method."""
    abstract = linked.paper.abstract or ""
    own = tuple(i.name.lower() for i in linked.introduces if i.name)
    for link in linked.links:
        if link.field != "abstract" or link.relation != MENTIONS or not link.cue or link.kind == "dataset":
            continue
        if not _own_verb(link.cue):
            continue
        subject = _CARRIED_SUBJECT.match(link.evidence)
        if subject is None or subject.group("verb").lower() not in link.cue.lower().split()[:1]:
            continue
        at = abstract.find(link.evidence)
        previous = abstract[max(0, abstract.rfind(". ", 0, max(0, at - 2)) + 1) : at] if at > 0 else ""
        if previous and (_OWN.search(previous) or _own_in(previous, own) is not None):
            link.relation = BUILDS_ON
            link.cue = f"{link.cue} (carried subject)"
            link.confidence = round(min(link.confidence, 0.6), 3)


# the first sentence in the paper's own voice: 'we propose ...', 'We implement a framework ...', 'In this paper'
_PROPOSAL_VOICE = re.compile(r"(?=[WwIiTt])\b(?:[Ww]e\s+(?!have\b|had\b)[a-z]+|[Ii]n\s+this\s+(?:paper|work|letter|article)|[Tt]his\s+(?:paper|work|letter|article))\b")
# where a paper has stated its proposal, for descriptions of its system after it: also 'We have developed a new
# automatic algorithm', 'This proposed solution aims ...', 'The proposed LSTM algorithm is applied' (not 'We have shown
# previously'). Not for motivation sentences (_settle_motivation): passive procedures ('A CNN was constructed based on
# ResNet') often come before a first 'The proposed CNN'.
_STATED_PROPOSAL = re.compile(
    r"(?=[WwIiTtOo])\b(?:[Ww]e\s+(?:have\s+(?=(?:developed|proposed|designed|built|created|introduced|presented|implemented"
    r"|devised|constructed)\b))?(?!have\b|had\b)[a-z]+|[Ii]n\s+this\s+(?:paper|work|letter|article)"
    r"|[Tt]his\s+(?:paper|work|letter|article)|(?:[Tt]his|[Tt]he|[Oo]ur)\s+proposed)\b"
)


@lru_cache(maxsize=256)
def _first_own_voice(abstract: str, stated: bool = False) -> int:
    """Where the abstract first speaks in the paper's own voice (``_PROPOSAL_VOICE``; with ``stated``, the wider
    ``_STATED_PROPOSAL``), or -1; cached because two paper-level rules ask for the same abstract."""
    match = (_STATED_PROPOSAL if stated else _PROPOSAL_VOICE).search(abstract)
    return match.start() if match else -1


# comparisons, findings about the method, keyword lists and links are no description of the paper's system
_NOT_DESCRIPTION = re.compile(
    r"\b(?:than|superior|inferior|better|worse|level\s+of|vs|versus|outperform\w*|compar\w+|reveal\w*|essentially"
    r"|however|despite|avoid\w*|unlike|instead|index\s+terms|keywords|https?|github|code|resembl\w*"
    r"|(?:is|are|was|were|been)\s+(?:\w+ly\s+)?(?:investigated|analy[sz]ed|examined|studied|explored))\b",
    re.I,
)


# The method as subject of a present-perfect claim: "Unitary RNNs have increased accuracy somewhat ...".
_PERFECT_PREDICATE = re.compile(
    r"(?:['\u2019]?s)?(?:\s*\([^()]{1,40}\))?(?:\s+(?:models?|networks?|methods?|architectures?))?\s+(?:has|have)\s+"
    r"(?:\w+ly\s+|also\s+)?(?:been\s+)?\w+(?:ed|en|wn)\b",
    re.I,
)


# A sentence whose subject is the field's current or earlier work ("State-of-the-art methods explore ..."); not
# "Standard architectures, like ResNet, are extended ...", which the paper does.
_PRIOR_SUBJECT = re.compile(
    r"\s*(?:the\s+|most\s+|many\s+)?(?:existing|current|previous|prior|state-of-the-art|recent|conventional|traditional"
    r"|mainstream|dominant|prevailing|popular)\b",
    re.I,
)


# The method defined in the sentence's own subject: "ILRMA is one of the state-of-the-art techniques of blind source
# separation", "WaveNet is a powerful, high-complexity ... architecture" (not "The Random Forest is our final ...").
_DEFINED_SUBJECT = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:is|are)\s+(?:also\s+)?(?:an?|one\s+of|among)\b", re.I)
# After an example list in a generic subject, a passive is the paper's procedure ("Various networks such as ResNet-50
# ... are considered"), an active verb the field's practice ("Almost all detectors such as RetinaNet rely on anchors").
_LIST_REST = re.compile(r"(?:[^,;()]*?\([^()]*\))?[^;]*?(?:\s|,)(?:is|are|was|were)\s+(?:\w+ly\s+)?\w+(?:ed|en|wn)\b", re.I)


def _generic_subject(evidence: str, start: int, end: int) -> bool:
    """Whether the mention at ``evidence[start:end]`` belongs to the sentence's generic subject, which a description of
    the paper's own system does not have: a definition of the method ("SIFT is an invariant algorithm") or an example
    of a plural class making a claim ("Two-stage detectors, like Faster-RCNN, achieve higher accuracy", "Methods like
    GRAPPA, SPIRiT, and AC-LORAKS assume ...")."""
    if _words(evidence[:start]) <= 1 and _DEFINED_SUBJECT.match(evidence, end) and not _OWN.search(evidence, 0, start):
        return True
    return bool(_EXAMPLE_SUBJECT.fullmatch(evidence, 0, start)) and not _OWN.search(evidence) \
        and not _LIST_REST.match(evidence, end)


# 'other' naming no one else's work: the second of the paper's own parts ('one is a classification task and the other is
# a detection task using SSD', 'while the other employs RoI pooling'), 'each other', a split's name ('test-other'); 'on
# the other hand' still turns to something else
_OWN_OTHER_BEFORE = re.compile(r"(?:-|(?<!\bon\s)\bthe\s+|\b(?:each|one\s+an)\s+)$", re.I)  # not 'on the other hand'
_OTHERS_CLASS_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:methods?|approaches|models?|works?|systems?|techniques|baselines?|algorithms?|networks?"
    r"|detectors?|architectures?|studies|papers?|researchers|solutions|frameworks?)\b", re.I)


def _speaks_of_others(text: str) -> bool:
    """Whether ``text`` holds a prior-work word (``_OTHER``) that speaks of someone else's work; 'the other' as the
    second of the paper's own parts does not ('the other methods' does)."""
    for match in _OTHER.finditer(text):
        if match.group(0).lower() != "other" or _OTHERS_CLASS_AFTER.match(text, match.end()) \
                or not _OWN_OTHER_BEFORE.search(text, max(0, match.start() - 8), match.start()):
            return True
    return False


def _compound_cue(cue: str) -> bool:
    """Whether ``cue`` is a compound's ('X-based', 'embeddings', 'backbone'), as :func:`_uncued` writes it."""
    return cue.startswith("X-") or bool(_COMPOUND.match(" " + cue))


def _settle_method_description(linked) -> None:
    """'We propose ... . These bands then form a feature set that feeds into an LSTM which ...': after the
    paper has stated its proposal, a mention that no cue decided, in a sentence that speaks of no one else's
    work, describes the paper's own system, so the paper builds on the method. A mention in a generic subject
    (a definition, an example of a class making a claim: :func:`_generic_subject`) describes no system."""
    # no cue, a use verb whose subject was unknown ('The landmarks are used by LSTM-based models') or a compound
    # outside a clause voiced by the paper ('An LSTM-based attention model uses the long-term memory ...',
    # 'context-sensitive ELMo embeddings further improve performance')
    candidates = [
        link for link in linked.links
        if link.field == "abstract" and link.relation == MENTIONS and link.kind != "dataset"
        and not (link.cue and not ((_own_verb(link.cue) or _compound_cue(link.cue)) and link.confidence <= 0.55))
    ]
    if not candidates:
        return  # nothing to settle: spare the abstract-wide search
    abstract = linked.paper.abstract or ""
    first = _first_own_voice(abstract, stated=True)
    if first < 0:
        return
    stop = abstract.find(". ", first + 1)
    if stop == -1:
        return
    sentences: dict[str, tuple[int, bool]] = {}  # evidence -> (where it is, whether it speaks of others' work)
    for link in candidates:
        evidence = link.evidence
        known = sentences.get(evidence)
        if known is None:  # once a sentence, not once a mention: a list of thousands of names stays linear
            at = abstract.find(evidence)
            others = bool(_speaks_of_others(_mask_brackets(evidence)) or _SURVEY.search(evidence)
                          or _PRIOR_SUBJECT.match(evidence) or _NOT_DESCRIPTION.search(evidence)
                          or _OWN_REPORT.search(evidence))
            known = sentences[evidence] = (at, others)
        at, others = known
        if at <= stop or others or _PERFECT_PREDICATE.match(abstract, link.end) \
                or _generic_subject(evidence, link.start - at, link.end - at):
            continue
        link.relation = BUILDS_ON
        link.cue = f"{link.cue} (own method description)" if link.cue else "(own method description)"
        link.confidence = 0.5


def _settle_motivation(linked) -> None:
    """'Semantic segmentation has achieved huge progress via adopting deep FCNs. ... In this paper, we ...': a
    use typed in a sentence before the paper first speaks in its own voice (we ..., in this paper, this work),
    which itself names neither the paper nor its new names, tells the field's story, so it is background.
    Uses carried by the paper's new name (cue 'named after it') stay."""
    candidates = [link for link in linked.links if link.field == "abstract" and link.relation == BUILDS_ON
                  and link.kind != "dataset" and not link.cue.startswith("named after")]
    if not candidates:
        return
    abstract = linked.paper.abstract or ""
    if _PROPOSAL_VOICE.search(abstract, 0, min(link.start for link in candidates)):
        return  # the paper speaks before its first use (most abstracts): a short search settles it
    first = _first_own_voice(abstract)
    if first < 0:
        return  # no own voice to set the background apart from
    own = tuple(i.name for i in linked.introduces if i.name)
    for link in candidates:
        if link.start >= first:
            continue  # most uses: after the paper has spoken (spares the search for the sentence)
        at = abstract.find(link.evidence)
        if at < 0 or at + len(link.evidence) > first:
            continue
        if _OWN.search(link.evidence) or _own_in(link.evidence, own) is not None:
            continue
        link.relation = MENTIONS
        link.cue = f"background: {link.cue}" if link.cue else "background"
        link.confidence = round(min(link.confidence, 0.6), 3)


def _settle_variant_comparisons(linked) -> None:
    """'compared to ELMo and BERT-base, BERT-large is better': when a sentence compares a method with one of its
    own variants (the subject of the comparison is the same method), the paper runs both, so the compared
    mention builds on the method rather than comparing with it."""
    subjects = {(l.field, l.start, l.evidence, l.method) for l in linked.links if l.relation == MENTIONS and not l.cue}
    if not subjects:
        return
    for link in linked.links:
        if link.relation != COMPARES_TO or not _FRONTED_COMPARE.fullmatch(link.cue):
            continue
        if any(f == link.field and e == link.evidence and m == link.method and start > link.start
               for f, start, e, m in subjects):
            link.relation = BUILDS_ON
            link.cue = f"{link.cue} (variants compared)"
            link.confidence = round(min(link.confidence, 0.6), 3)


# "Massively multilingual Transformers (MMTs), such as mBERT and XLM-R": an acronym for a group of methods (a
# plural: "knowledge graph embedding (KGE), such as" names a task), then the list of its members up to the
# mention (names, commas, 'and', bracketed acronyms only).
_GROUP_BEFORE = re.compile(
    r"(?:s\s+\((?P<acr>[A-Z][A-Za-z]*[A-Z])s?\)|\s\((?P<acr2>[A-Z][A-Za-z]*[A-Z])s\))\s*,?\s*(?:such\s+as|like|e\.g\.,?|including)\s+"
    r"(?:[\w.\-]+(?:\s+[\w.\-]+){0,3}(?:\s*\([\w.\-]+\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))*$"
)

# "Massively multilingual Transformers (MMTs)": the method heads the group's long form (a plural).
_GROUP_NAMED = re.compile(r"(?<=s)\s*\((?P<acr>[A-Z][A-Za-z]*[A-Z])s?\)|\s*\((?P<acr2>[A-Z][A-Za-z]*[A-Z])s\)")


def _abstract_sentences(linked) -> list[tuple[int, int]]:
    """The sentence spans of the paper's abstract, split as the linker split them (no end inside a linked name)."""
    abstract = linked.paper.abstract or ""
    return split_sentences(abstract, unbroken=unbroken_spans(l for l in linked.links if l.field == "abstract"))


def _settle_group_members(linked) -> None:
    """'Massively multilingual Transformers (MMTs), such as mBERT and XLM-R, are widely used ... . We thus propose
    to extract compressed models from MMTs': a background mention listed as a member of an acronym-named group,
    or heading the group's long form, builds on the method when a later sentence of the abstract has the paper build on the group (the acronym
    is typed like a mention; any builds_on counts)."""
    abstract = linked.paper.abstract or ""
    if "(" not in abstract:
        return
    own = tuple(i.name for i in linked.introduces if i.name)
    surfaces: dict[str, set[str]] = {}
    for link in linked.links:
        surfaces.setdefault(link.method, set()).add(link.surface.rstrip("s"))
    spans = None
    for link in linked.links:
        if link.field != "abstract" or link.relation != MENTIONS or link.kind == "dataset":
            continue
        at = abstract.find(link.evidence)
        if at < 0 or not (at <= link.start <= at + len(link.evidence)):
            continue
        group = _GROUP_BEFORE.search(link.evidence, 0, link.start - at) or _GROUP_NAMED.match(link.evidence, link.end - at)
        acr = group and (group.group("acr") or group.group("acr2"))
        if group is None or acr in surfaces.get(link.method, ()):
            continue  # "Vision Transformer (ViT)": the method's own acronym, typed where it is written
        acronym = re.compile(r"(?<![\w-])" + re.escape(acr) + r"s?(?![\w-])")
        spans = spans if spans is not None else _abstract_sentences(linked)
        for s_start, s_end in spans:
            if s_start < at + len(link.evidence):
                continue  # only later sentences: the paper's own work follows the background
            sentence = abstract[s_start:s_end]
            hit = acronym.search(sentence)
            if hit is None:
                continue
            result = type_relation(sentence, hit.start(), hit.end(), own_names=own)
            if result.relation == BUILDS_ON:
                link.relation = BUILDS_ON
                link.cue = f"{result.cue} (via {acr})" if result.cue else f"via {acr}"
                link.confidence = round(min(link.confidence, 0.55), 3)
                break


# A mention that is an example in a list: "(e.g., ELMo, BERT)", "such as word2vec and FastText"; matched from
# where a list opener stands (found with str.rfind) to the mention.
_EXAMPLE_LIST = re.compile(
    r"(?:such\s+as|like|e\.g\.,?|for\s+example,?|including|\()\s*"
    r"(?:[\w.\-]+(?:\s+[\w.\-]+){0,3}(?:\s*\([\w.\-]+\))?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))*",
    re.I,
)
_LIST_OPENERS = ("such as", "like", "e.g.", "for example", "including", "(")


def _listed_example(text: str, lo: int, start: int) -> bool:
    """Whether the mention at ``start`` closes an example list opened in ``text[lo:start]``."""
    low = text[lo:start].lower()
    for opener in _LIST_OPENERS:
        i = low.rfind(opener)
        if i >= 0 and _EXAMPLE_LIST.fullmatch(text, lo + i, start):
            return True
    return False
# A later reference back to the listed methods as a class: "these new models", "related methods, described above".
# Matched only where 'these' / 'those' / 'above' stand (found with str.find): a regex scan of the abstract costs
# ~100 us.
_ANAPHOR_AT = re.compile(
    r"(?:these|those|the\s+above)\s+(?:\w+\s+){0,2}?(?:models|methods|approaches|representations|embeddings"
    r"|architectures|techniques|algorithms|networks)\b",
    re.I,
)
_DESCRIBED_ABOVE = re.compile(r"\b(?:models|methods|approaches|techniques)\s*,?\s+(?:described|mentioned|discussed|listed)\s+$", re.I)


def _anaphors(abstract: str) -> list[tuple[int, int]]:
    """Spans of the back-references to a class of methods in ``abstract`` ("these models", "the above methods",
    "methods described above"), in text order."""
    low = abstract.lower()
    found = []
    for opener in ("these ", "those "):
        i = low.find(opener)
        while i >= 0:
            match = _ANAPHOR_AT.match(abstract, i) if i == 0 or not low[i - 1].isalnum() else None
            if match:
                found.append(match.span())
            i = low.find(opener, i + 1)
    i = low.find("above")
    while i >= 0:
        match = _ANAPHOR_AT.match(abstract, i - 4) if low[max(0, i - 4) : i] == "the " else None
        described = None if match else _DESCRIBED_ABOVE.search(abstract, max(0, i - 40), i)
        if match:
            found.append(match.span())
        elif described:
            found.append((described.start(), i + 5))
        i = low.find("above", i + 1)
    return sorted(found)


def _settle_anaphora(linked) -> None:
    """'Recently, more advanced embedding methods (e.g., ELMo, BERT) have pushed the state of the art. ... The
    purpose of this study is to explore ... utilizing these new models': a background mention listed as an
    example takes the relation the paper's later sentence gives the class back-referred to ('these models',
    'the methods described above'), when that is a use or a comparison decided by an explicit cue (confidence
    0.8 or more); the first back-reference typed with confidence (0.75 or more) decides."""
    listed = [link for link in linked.links
              if link.field == "abstract" and link.relation == MENTIONS and link.kind != "dataset"]
    abstract = linked.paper.abstract or ""
    anaphors = _anaphors(abstract) if listed else []
    if not anaphors:
        return  # no back-reference (most papers)
    own = tuple(i.name for i in linked.introduces if i.name)
    spans = None
    for link in listed:
        if link.start >= anaphors[-1][0]:
            continue
        at = abstract.find(link.evidence)
        if at < 0 or not (at <= link.start <= at + len(link.evidence)) \
                or not _listed_example(abstract, max(at, link.start - 120), link.start):
            continue
        spans = spans if spans is not None else _abstract_sentences(linked)
        for a_start, a_end in anaphors:
            if a_start < at + len(link.evidence):
                continue  # only later sentences refer back
            s_start, s_end = next(span for span in spans if span[0] <= a_start < span[1])
            sentence = abstract[s_start:s_end]
            result = type_relation(sentence, a_start - s_start, a_end - s_start, own_names=own)
            if result.confidence < 0.75:
                continue  # undecided ('how to integrate these representations' has no subject): the next one may tell
            # a decided use or comparison only: "Different from these methods, we ..." is a contrast (0.75)
            if result.relation != MENTIONS and result.confidence >= 0.8:
                link.relation = result.relation
                link.cue = f"{result.cue} (via '{' '.join(abstract[a_start:a_end].split())}')"
                link.confidence = round(min(link.confidence, 0.5), 3)
            break


# A back-reference to the very methods named before, as the object of a comparison: "combine their predictions ...
# that can outperform both models", "outperforming the individual detectors", "BioBERT significantly outperforms
# them". Generic objects ("baseline models", "the original model") are left alone: they may be other systems.
_REFERENT_ANAPHOR = re.compile(
    r"(?:both(?:\s+(?:of\s+them|models|methods|networks|detectors|systems|architectures|approaches|classifiers)"
    r"|(?=\s*[,.;:)]|\s+(?:by|on|in|across|at|under|for|while)\b))"
    r"|them|each\s+of\s+them|either\s+(?:of\s+them|model|method|network)"
    r"|the\s+individual\s+(?:[\w-]+\s+)?(?:models|methods|networks|detectors|systems|classifiers|components))(?![\w-])",
    re.I,
)
_REFERENT_WORDS = ("both", "them", "either", "the individual")
# a word every comparison cue that can govern a back-reference four words on holds (see _may_hold)
_COMPARISON_STEMS = ("outperform", "surpass", "exceed", "beat", "better", "than", "compar", "over", "superior", "improv",
                     "gain", "against", "versus", "vs", "rival", "match", "outstrip", "outdo", "win", "par")
_REFERENT_HOLD = _WordGroups(_REFERENT_WORDS)
_COMPARISON_HOLD = _WordGroups(_COMPARISON_STEMS)
# a plural class of systems earlier in the sentence is what a 'them' refers to, not the methods built on before
_PLURAL_CLASS = re.compile(r"\b(?:methods|models|baselines|approaches|systems|detectors|networks|algorithms|techniques|works)\b", re.I)


def _referent_anaphors(abstract: str) -> list:
    """The back-references of ``_REFERENT_ANAPHOR`` in ``abstract``, in text order; matched only where one of
    ``_REFERENT_WORDS`` starts a word (found in one automaton pass: a regex scan of the abstract costs ~30 us)."""
    low = abstract.lower()
    found = []
    for i in _REFERENT_HOLD.starts(low):
        if i == 0 or not (low[i - 1].isalnum() or low[i - 1] in "_-"):
            match = _REFERENT_ANAPHOR.match(abstract, i)
            if match:
                found.append(match)
    return found


def _settle_referent_comparisons(linked) -> None:
    """'We compare two popular segmentation frameworks, U-Net and Mask-RCNN ... we develop an ensemble model to combine
    their predictions that can outperform both models': the paper builds on the methods and then compares with them
    by a back-reference. A comparison (typed like a mention, confidence 0.8 or more) whose object is 'both models',
    'them' or 'the individual detectors' adds ``compares_to`` for the methods the paper builds on in the nearest
    sentence before it that builds on any ('both': exactly two). The added link repeats the referent mention's
    surface and span, with the comparing sentence as evidence."""
    used = [link for link in linked.links if link.field == "abstract" and link.relation == BUILDS_ON and link.kind != "dataset"]
    abstract = linked.paper.abstract or ""
    anaphors = _referent_anaphors(abstract) if used else None
    if not anaphors:
        return
    compared = {link.method for link in linked.links if link.relation == COMPARES_TO}
    own = tuple(i.name for i in linked.introduces if i.name)
    spans = None
    for anaphor in anaphors:
        if not _may_hold(abstract[max(0, anaphor.start() - 40) : anaphor.start()], _COMPARISON_HOLD):
            continue  # no comparison word right before it (most 'them' / 'both'): spares the sentence split and typing
        spans = spans if spans is not None else _abstract_sentences(linked)
        s_start, s_end = next(((a, b) for a, b in spans if a <= anaphor.start() < b), (0, len(abstract)))
        before = [link for link in used if link.start < anaphor.start()]
        if not before:
            continue
        sentence = abstract[s_start:s_end]
        if anaphor.group(0).lower() == "them" and _PLURAL_CLASS.search(sentence, 0, anaphor.start() - s_start):
            continue  # "We compared SSD300-fork with other detection methods ... our model outperformed them"
        result = type_relation(sentence, anaphor.start() - s_start, anaphor.end() - s_start, own_names=own)
        if result.relation != COMPARES_TO or result.confidence < 0.8 \
                or result.cue.split()[-1].lower() not in _tail_words(sentence[: anaphor.start() - s_start], 4).lower():
            continue  # the comparison must govern the back-reference itself, not a phrase further on
        # the referents: the methods built on in the nearest sentence (or this one, before the anaphor) that has any
        last = max(link.start for link in before)
        r_start = next((a for a, b in spans if a <= last < b), 0)
        referents = {}
        for link in before:
            if link.start >= r_start:
                referents.setdefault(link.method, link)
        if anaphor.group(0).lower().startswith("both") and len(referents) != 2:
            continue
        word = " ".join(anaphor.group(0).split())
        for method, link in referents.items():
            if method in compared:
                continue
            compared.add(method)
            linked.links.append(replace(link, relation=COMPARES_TO, evidence=sentence, cue=f"{result.cue} (via '{word}')",
                                        confidence=round(min(result.confidence, 0.55), 3)))


_TITLE_COMPOUND_CUE = re.compile(r"(?:X-)?(?:based|powered|driven)", re.I)


# The paper's base as the object of a comparison ('improves the baseline RetinaNet by a large margin', 'improvement
# over plain ResNets', 'faster than the baseline autoregressive Transformer'): the paper's system is that method
# changed, so the paper builds on what it beats. 'conventional' names a foil, and in the tuning gold so do
# 'standard', 'vanilla' and 'original' as often as not ('outperforms vanilla SGD with existing importance sampling
# approaches', 'compared to those from standard GPT', 'outperforms the original U-Net method and other
# state-of-the-art methods' are comparisons only: no cue says the paper builds on them).
_BASE_BEFORE = re.compile(
    r"\b(?:plain|baseline)\s+"
    # 'the baseline methods VesselNN and DeepVess' lists competitors
    r"(?:(?!(?:methods|models|approaches|algorithms|systems)\s)[\w-]+\s+)?$", re.I
)
# an example of a class ('state-of-the-art algorithms ... such as plain Faster R-CNN') is no base
_EXAMPLE_BEFORE = re.compile(r"\b(?:such\s+as|like|e\.g\.|including)\s+(?:[\w-]+\s+){0,3}$", re.I)


def _base_compared(link, abstract: str) -> bool:
    """Whether ``link`` compares with the baseline or plain form of its method (``_BASE_BEFORE``)."""
    if link.relation != COMPARES_TO or link.field != "abstract" or link.kind == "dataset":
        return False
    before = abstract[max(0, link.start - 60) : link.start]
    return bool(_BASE_BEFORE.search(before)) and not _EXAMPLE_BEFORE.search(before)


def _settle_base_comparisons(linked) -> None:
    """'SynST decodes sentences ~ 5x faster than the baseline autoregressive Transformer': a comparison with the
    baseline or plain form of a method (``_BASE_BEFORE``) measures the paper's change to that method, so
    the paper builds on it as well as comparing with it. A ``builds_on`` copy of the link is added when no mention
    of the method builds on it (so applying this twice changes nothing)."""
    abstract = linked.paper.abstract or ""
    built = {link.method for link in linked.links if link.relation == BUILDS_ON}
    for link in list(linked.links):
        if link.method not in built and _base_compared(link, abstract):
            linked.links.append(replace(link, relation=BUILDS_ON, cue=f"{link.cue} (base compared)",
                                        confidence=round(min(link.confidence, 0.6), 3)))
            built.add(link.method)


def _settle_title_means(linked) -> None:
    """A title is the paper speaking ('Robust Anomaly Detection in Images using Adversarial Autoencoders',
    'Automatic Cloud Resource Scaling Algorithm based on LSTM', 'LSTM based Similarity Measurement'): a use verb
    or compound there, left unattributed sentence by sentence (a title has no subject), is the paper's own use.
    Called for papers that are no analysis (:func:`is_analysis_paper`)."""
    for link in linked.links:
        if link.field != "title" or link.relation != MENTIONS or link.kind == "dataset" or not link.cue:
            continue
        if _own_verb(link.cue) or _TITLE_COMPOUND_CUE.fullmatch(link.cue):
            link.relation = BUILDS_ON
            link.cue = f"{link.cue} (title)"
            link.confidence = round(min(link.confidence, 0.6), 3)


def _settle_dataset_comparisons(linked) -> None:
    """A benchmark is evaluated on, not compared against: a dataset's ``compares_to`` ('outperforms ... on
    THUMOS14') becomes ``builds_on`` with the cue marked '(evaluated on)'. A paper introducing a dataset of its own
    may compare datasets ('20 times larger than CUHK03'), so its links are left alone. On 18,795 arXiv abstracts
    504 of 6,960 dataset links were compares_to, about 12 of a random 15 'evaluated on'; 463 change."""
    if any(i.kind == "dataset" for i in linked.introduces):
        return
    for link in linked.links:
        if link.kind == "dataset" and link.relation == COMPARES_TO:
            link.relation = BUILDS_ON
            link.cue = f"{link.cue} (evaluated on)" if link.cue else "(evaluated on)"


def settle_paper(linked) -> None:
    """Paper-level relation rules over a :class:`~relwork.core.records.LinkedPaper`, in place.

    In an analysis or survey paper (:func:`is_analysis_paper`) the methods it studies are ``mentions``:
    their ``builds_on`` and ``compares_to`` mentions are lowered, keeping the cue (prefixed ``analysis:``) and
    the evidence. Methods the study runs side by side (cue ending '(among)') stay ``builds_on``. In every paper, a
    method compared with its own variant is run, not compared (:func:`_settle_variant_comparisons`). In other
    papers, uses typed in motivation sentences before the paper's own voice are background
    (:func:`_settle_motivation`), listed examples follow a later back-reference to their class
    (:func:`_settle_anaphora`), a use verb whose subject ('It uses ...') continues the previous sentence's own voice builds on the method
    (:func:`_settle_carried_subjects`), so do uncued mentions describing the paper's system after its proposal
    (:func:`_settle_method_description`) and members of an acronym-named group the paper later builds on
    (:func:`_settle_group_members`); a comparison with the baseline or plain form of a method also builds on it
    (:func:`_settle_base_comparisons`). A dataset is evaluated on, never compared against
    (:func:`_settle_dataset_comparisons`).
    Idempotent, so applying it twice changes nothing.
    """
    _settle_dataset_comparisons(linked)
    # a comparison alone is enough: an analysis lowers it ('we study various countermeasures ... compared to baseline
    # classifiers such as SVM'); a dataset mention too, which a title's use verb raises ('... using MIMIC-III')
    if not any((link.kind != "dataset" and link.relation in (BUILDS_ON, COMPARES_TO))
               or (link.relation == MENTIONS and (link.field == "abstract" or link.cue)) for link in linked.links):
        return  # no link any rule below could change (speed: skips the abstract-wide searches)
    paper = linked.paper
    # a lower-case coinage ('retrieval head') names what an analysis found; a paper with a method of its own
    # also says so ('we propose ...'), which is_analysis_paper checks
    intro_method = any(i.kind != "dataset" and not i.name.islower() for i in linked.introduces)
    _settle_variant_comparisons(linked)
    if not is_analysis_paper(paper.title or "", paper.abstract or "", intro_method):
        _settle_motivation(linked)
        _settle_carried_subjects(linked)
        _settle_title_means(linked)
        _settle_method_description(linked)
        _settle_group_members(linked)
        _settle_anaphora(linked)
        _settle_referent_comparisons(linked)
        _settle_base_comparisons(linked)
        return
    # the means a study names in its title ('A Comparative Study of Feature Selection Methods ... Using Support
    # Vector Machine') are its tools, built on, not studied
    tool_at = _title_tool_at(paper.title or "")
    tools = {link.method for link in linked.links if tool_at >= 0 and link.field == "title" and link.start > tool_at}
    abstract = paper.abstract or ""
    for link in linked.links:
        if link.method in tools:
            if link.field == "title" and link.relation == MENTIONS and link.cue and _own_verb(link.cue):
                # the title's means are the study's tools: 'Evaluating KGR10 Polish word embeddings ... using BiLSTM-CRF'
                link.relation = BUILDS_ON
                link.cue = f"{link.cue} (title)"
                link.confidence = round(min(link.confidence, 0.6), 3)
            continue
        if link.relation == BUILDS_ON and link.field == "abstract" and _STUDY_PURPOSE.match(abstract, link.end):
            continue  # "we use canonical correlation analysis ... to study how information flows": the study's tool
        # methods the study runs side by side ("we compared three architectures: SegNet, U-Net, and pix2pix")
        # are its tools, not what it studies; comparisons between the models it studies ("a performance gap
        # between BERT and a graph neural network") are findings of the study, not baselines of its own method
        if link.relation in (BUILDS_ON, COMPARES_TO) and link.kind != "dataset" and not link.cue.endswith("(among)"):
            link.relation = MENTIONS
            link.cue = f"analysis: {link.cue}" if link.cue else "analysis"
            link.confidence = round(min(link.confidence, 0.6), 3)

