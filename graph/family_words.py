"""Papers that name a method family only in words ("based on a pre-trained diffusion model", "SSMs"), for family
questions.

The linker never links a family's generic words: the annotation guidelines leave them out, since a family is not
one method. So a family answer ("what builds on state-space models?") lists the papers linked to the family's
members, and a paper that writes "state space model" without naming a member is not among them. These functions
find such papers in the graph's own titles and abstracts and type each paper's relation to the family with the
linker's relation typer on the sentence (``linker.relations.type_relation``), the same typer as for a method
mention. They are answered apart from the linked rows: the graph holds no edge for them (the Neo4j cookbook answers
the linked part), and a reader sees which rows come from words.

Which words: the family's name and aliases (``graph/data/families.jsonl``), or its ``words`` list where one is
given (an empty list turns the search off for families whose words are everyday terms: "optimizer"). A phrase of
several words matches in any case, with a space or hyphen between words ("state-space models"); one word in capitals
("SSM", "RNNs") only in its own case, and not in a paper that defines it as something else ("Statistical Shape Model
(SSM)"); always whole words, with an optional plural 's'.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

import networkx as nx

from relwork.graph.schema import INTRODUCES, PAPER, RELATION_TO_EDGE

_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014"


def _acronym(surface: str) -> bool:
    """One capitalised word ('SSM', 'RNNs'): matched in its own case only."""
    return len(surface.split()) == 1 and "-" not in surface and surface[:1].isupper()


def _phrase(surface: str) -> str:
    if _acronym(surface):
        return re.escape(surface.rstrip("s")) + "s?"  # an acronym, in its own case ('SSM', 'SSMs')
    parts = re.split(r"[\s\-]+", surface)
    return "(?i:" + f"[\\s{_DASHES}]+".join(re.escape(p) for p in parts) + "(?:s|es)?)"


@lru_cache(maxsize=64)
def family_pattern(words: tuple[str, ...]) -> "re.Pattern | None":
    """One pattern for a family's phrases, longest first; None when there are none."""
    phrases = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    if not phrases:
        return None
    # not part of a longer token: 'CNN/DailyMail' (a dataset), 'BiRNN', 'Bi-RNN', 'CNN-LSTM' (named hybrids) are not
    # the family; a lower-case word after a hyphen keeps it, as the linker's 'X-based' does ('CNN-based', 'SSM-like')
    return re.compile(r"(?<![\w/])(?<!\w-)(?:" + "|".join(_phrase(p) for p in phrases) + r")(?![\w/])(?!-(?![a-z]))")


def _defined_otherwise(text: str, acronym: str, pattern: "re.Pattern") -> bool:
    """Whether ``text`` defines ``acronym`` as something else: '... Statistical Shape Model (SSM)' where the words
    before the parenthesis are not one of the family's phrases ('Super SloMo (SSM)' is not a state-space model)."""
    for match in re.finditer(r"\(\s*" + re.escape(acronym.rstrip("s")) + r"s?\s*\)", text):
        before = text[max(0, match.start() - 80) : match.start()].rstrip()
        if not any(m.end() == len(before) for m in pattern.finditer(before)):
            return True
    return False


# 'we' / 'our' anywhere, 'the proposed', or a sentence opening on 'This paper / work / study / approach ...'
_OWN_WORDS = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Tt]he proposed)\b|^(?:In )?[Tt]his (?:paper|work|study|article|approach|method)\b")


def _own_voice(sentence: str, own: list[str]) -> bool:
    """Whether a sentence speaks of the paper's own work: 'we', 'our', 'the proposed', an opening 'This paper',
    or one of its introduced names. Of two equally strong sentences the own one is the evidence ('we present ...
    LaCon, to integrate ... into pre-trained diffusion models', not 'existing studies, termed as early-constraint
    methods in this paper, ... incorporate them into pre-trained diffusion models')."""
    return bool(_OWN_WORDS.search(sentence)) or any(name and name in sentence for name in own)


def family_words(family) -> tuple[str, ...]:
    """The phrases searched for ``family``: its ``words`` if the data gives them, else its name and aliases."""
    words = getattr(family, "words", None)
    return tuple(words) if words is not None else (family.name, *family.aliases)


def papers_naming_family(G: nx.MultiDiGraph, family, *, exclude: Iterable[str] = ()) -> list[dict]:
    """Corpus papers (not ``exclude``) whose title or abstract names ``family`` in words, one row a paper:
    ``node``, ``id``, ``title``, ``year``, ``external`` (False), ``method`` (the family's name), ``type``
    (BUILDS_ON / COMPARES_TO / MENTIONS as the relation typer reads the sentence), ``field``, ``evidence``,
    ``cue``, ``confidence``, ``surface``. Of several mentions the strongest (type, then title before abstract,
    then confidence, then a sentence in the paper's own voice: ``_own_voice``) is kept. Order: strongest type
    first, title before abstract, then newest, then title."""
    from relwork.graph.queries import _strength, paper_row
    from relwork.linker.relations import type_relation
    from relwork.linker.sentences import split_sentences

    pattern = family_pattern(family_words(family))
    if pattern is None:
        return []
    skip = set(exclude)
    rows = []
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") != PAPER or attrs.get("external") or node in skip:
            continue
        title, abstract = attrs.get("title") or "", attrs.get("abstract") or ""
        if not pattern.search(title) and not pattern.search(abstract):
            continue
        own = [G.nodes[m].get("name", "") for _, m, k in G.out_edges(node, keys=True) if k == INTRODUCES]
        best, best_rank = None, None
        for field, text in (("title", title), ("abstract", abstract)):
            spans = split_sentences(text) if field == "abstract" else [(0, len(text))]
            for lo, hi in spans:
                sentence = text[lo:hi]
                for match in pattern.finditer(sentence):
                    if _acronym(match.group()) and _defined_otherwise(f"{title} {abstract}", match.group(), pattern):
                        continue
                    result = type_relation(sentence, match.start(), match.end(), own_names=own)
                    row = {
                        "type": RELATION_TO_EDGE[result.relation], "field": field, "evidence": sentence, "cue": result.cue,
                        "confidence": round(float(result.confidence), 3), "surface": match.group(),
                    }
                    rank = (_strength(row), not _own_voice(sentence, own))
                    if best is None or rank < best_rank:
                        best, best_rank = row, rank
        if best is not None:
            rows.append(paper_row(G, node) | {"method": family.name, **best})
    rows.sort(key=lambda r: (_strength(r)[:2], r["year"] is None, -(r["year"] or 0), r["title"], r["node"]))
    return rows
