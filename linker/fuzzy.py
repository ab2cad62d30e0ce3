"""Fuzzy fallback for misspelt long names ("Tranformer" -> Transformer).

Runs only on words the exact stage left unresolved, and is guarded hard because precision rules:

* only catalog surfaces of at least ``MIN_LENGTH`` letters that are single words without digits and are not
  acronym-like take part: short names and acronyms never fuzzy-match (BERT must not match BART, GPT-3 not
  GPT-4);
* candidates are blocked by a deletion index (every surface and all its one-letter deletions), so a word
  costs a handful of dictionary lookups instead of a scan of the catalog; rapidfuzz then scores the few
  candidates (normalised Levenshtein similarity >= ``MIN_SCORE``, at most one edit);
* the first three and the last two letters must agree: real misspellings sit inside a word, while
  inflections change its end ("transformed", "informed", "performers" are words, not methods);
* ambiguous (common-word) entries never take part.
"""

from __future__ import annotations

import re
from typing import Iterable

from rapidfuzz.distance import Levenshtein

from relwork.linker.catalog import CatalogEntry
from relwork.linker.matcher import Mention

MIN_LENGTH = 8
MIN_SCORE = 0.9
_WORD = re.compile(r"[A-Za-z]{%d,}" % (MIN_LENGTH - 1))


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


class FuzzyIndex:
    """Deletion-neighbourhood index over the eligible catalog surfaces."""

    def __init__(self, entries: Iterable[CatalogEntry]):
        self._index: dict[str, set[tuple[str, str, str]]] = {}
        for entry in entries:
            if entry.ambiguous:
                continue
            for surface in entry.surfaces:
                if not self.eligible(surface):
                    continue
                key = surface.lower()
                target = (key, entry.name, entry.kind)
                for variant in {key} | _deletions(key):
                    self._index.setdefault(variant, set()).add(target)
        self._prefixes = {k[:3] for k in self._index}

    @staticmethod
    def eligible(surface: str) -> bool:
        """Long single words without digits or inner capitals ('Transformer', 'Longformer').

        Coined names with inner capitals ('DistilBERT', 'FlashAttention') are excluded: there one letter
        makes another model ('DistilmBERT').
        """
        return len(surface) >= MIN_LENGTH and surface.isalpha() and surface[1:].islower()

    def __len__(self) -> int:
        return len(self._index)

    def lookup(self, word: str) -> tuple[str, str, float] | None:
        """(canonical name, kind, score) for a misspelt ``word``, or None."""
        low = word.lower()
        if len(low) < MIN_LENGTH - 1 or low[:3] not in self._prefixes:
            return None
        candidates: set[tuple[str, str, str]] = set()
        for variant in {low} | _deletions(low):
            found = self._index.get(variant)
            if found:
                candidates |= found
        best = None
        for key, name, kind in candidates:
            if key == low or key[:3] != low[:3] or key[-2:] != low[-2:]:
                continue
            score = Levenshtein.normalized_similarity(low, key)
            if score >= MIN_SCORE and Levenshtein.distance(low, key) <= 1 and (best is None or score > best[2]):
                best = (name, kind, score)
        return best

    def find(self, text: str, taken: list[tuple[int, int]]) -> list[Mention]:
        """Fuzzy mentions among the words of ``text`` outside the already matched spans ``taken``."""
        if not self._index:
            return []
        found = []
        for match in _WORD.finditer(text):
            s, e = match.span()
            if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
                continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            word = match.group()
            if not word[1:].islower():
                continue
            hit = self.lookup(word)
            if hit is None and word.endswith("s"):
                hit = self.lookup(word[:-1])
            if hit:
                found.append(Mention(s, e, hit[0], hit[1], word, source="fuzzy", score=round(hit[2], 3)))
        return found
