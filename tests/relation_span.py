"""Shared by the relation tests: type a mention given as its surface in a real sentence; link one paper and read
a method's relation set as the evaluation scores it."""

from __future__ import annotations

import re

from relwork import Paper
from relwork.linker import link_corpus, load_catalog
from relwork.linker.relations import RelationResult, type_relation


def type_mention(sentence: str, surface: str, own: tuple[str, ...] = ()) -> RelationResult:
    """``type_relation`` on the first whole-word occurrence of ``surface`` in ``sentence`` (which must hold it)."""
    match = re.search(r"(?<![\w-])" + re.escape(surface) + r"(?![\w])", sentence)
    assert match, f"{surface!r} not in {sentence!r}"
    return type_relation(sentence, match.start(), match.end(), own_names=own)


def link_one(title: str, abstract: str, year: int | None = None):
    """The one ``LinkedPaper`` of linking this paper alone with the built-in catalog."""
    (linked,) = link_corpus([Paper.create(title, abstract, year=year)], load_catalog())
    return linked


def relation_set(linked, method: str) -> set[str]:
    """The method's builds_on / compares_to relations over all its links, {'mentions'} when neither (as
    ``relwork evaluate`` compares them with the gold set)."""
    found = {link.relation for link in linked.links if link.method == method and link.relation != "mentions"}
    return found or {"mentions"}
