"""Shared by the relation tests: type a mention given as its surface in a real sentence."""

from __future__ import annotations

import re

from relwork.linker.relations import RelationResult, type_relation


def type_mention(sentence: str, surface: str, own: tuple[str, ...] = ()) -> RelationResult:
    """``type_relation`` on the first whole-word occurrence of ``surface`` in ``sentence`` (which must hold it)."""
    match = re.search(r"(?<![\w-])" + re.escape(surface) + r"(?![\w])", sentence)
    assert match, f"{surface!r} not in {sentence!r}"
    return type_relation(sentence, match.start(), match.end(), own_names=own)
