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

from typing import Iterable

from rapidfuzz.distance import Levenshtein

from relwork.linker.catalog import CatalogEntry
from relwork.linker.matcher import Mention, in_url, normalize

MIN_LENGTH = 8
MIN_SCORE = 0.9
# known misses kept (~95 bytes a word): ~1.6 MB at most. A word missing from it costs ~1 us (a few set look-ups);
# of the 63 long words a bench abstract has, 16,384 leave 0.48 to look up a paper over 100,000 abstracts, 50,000
# leave 0.41 (but held 41,086 words, ~3.8 MB: memory that grew with the corpus)
MAX_CACHE = 16_384


def long_words(norm: str) -> set[str]:
    """The words of a normalised text long enough to be looked up. A normalised text is alphanumeric runs
    between spaces, so its words are ``split()``'s (half the time of a regex scan for them)."""
    return {word for word in norm.split() if len(word) >= MIN_LENGTH - 1}


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
        # (first three, last two letters) of the surfaces: a word sharing neither pair with any surface has
        # no candidate that passes lookup's test, so most words stop there without their deletion set
        self._ends = {(key[:3], key[-2:]) for targets in self._index.values() for key, _, _ in targets}
        self._misses: set[str] = set()  # words known not to fuzzy-match (bounded cache)

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
        if len(low) < MIN_LENGTH - 1 or low[:3] not in self._prefixes or (low[:3], low[-2:]) not in self._ends:
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

    def find(self, text: str, taken: list[tuple[int, int]], norm: str | None = None) -> list[Mention]:
        """Fuzzy mentions among the words of ``text`` outside the already matched spans ``taken``.

        Words long enough to be misspelt names are taken from the normalised text as a set; words already
        seen without a hit are skipped by set difference (C speed), so the cost per abstract is a few new
        words, not every word.
        """
        if not self._index:
            return []
        if norm is None:
            norm = normalize(text)
        new = long_words(norm) - self._misses
        if not new:
            return []
        found = []
        for word in new:
            hit = None
            if len(word) >= MIN_LENGTH - 1 and word.isalpha() and word[:3] in self._prefixes:
                hit = self.lookup(word) or (self.lookup(word[:-1]) if word.endswith("s") else None)
            if hit is None:
                if len(self._misses) > MAX_CACHE:
                    self._misses.clear()
                self._misses.add(word)
                continue
            for s, e in _word_spans(norm, word):
                written = text[s:e]
                if not written[1:].islower() or any(s < te and ts < e for ts, te in taken):
                    continue
                if in_url(text, s):
                    continue  # a path or host name of a web address, as for exact matches
                found.append(Mention(s, e, hit[0], hit[1], written, source="fuzzy", score=round(hit[2], 3)))
        found.sort(key=lambda m: m.start)
        return found

    def __getstate__(self) -> dict:
        return {"_index": self._index, "_prefixes": self._prefixes, "_ends": self._ends}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._misses = set()


def _word_spans(norm: str, word: str) -> list[tuple[int, int]]:
    """Whole-word occurrences of ``word`` in the normalised text."""
    spans = []
    i = norm.find(word)
    while i != -1:
        e = i + len(word)
        if (i == 0 or norm[i - 1] == " ") and (e == len(norm) or norm[e] == " "):
            spans.append((i, e))
        i = norm.find(word, i + 1)
    return spans
