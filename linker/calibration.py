"""Calibrated link confidence: a link's rule confidence turned into P(link right), read from a packaged table.

The rules give every link a confidence (0.8 for a use verb, 0.55 for a bare 'We' cue, times 0.5 for an
uncatalogued name, ...): an order of the rules' decision paths, not a probability. ``linker/data/calibration.json``
maps a link's features (its relation, whether a ``mentions`` link stands beside a stronger link of the same method,
how its method was matched, and the rule confidence in bins) to the share of such links that were right on the
tuning gold, smoothed towards the coarser groups (``bench/calibrate.py`` fits and checks it). A link is *right*
when its method is a gold link of the paper and its relation is in the gold relation set of that method; a
``mentions`` link is right when that set is {mentions} (the link says: background only).

The rules keep their own confidences for every decision they make: the table is applied once, as ``Linker.link``
returns a paper, so links and relations are the same with and without it. Dataset links are not in the gold and
keep the rule confidence.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from functools import lru_cache

from relwork.core.errors import InputError
from relwork.core.records import Link, LinkedPaper
from relwork.linker.catalog import alias_key, packaged_json

CALIBRATION_FILE = "calibration.json"
STRONG = ("builds_on", "compares_to")
ENABLED = True  # bench/calibrate.py switches it off to see the rule confidences it fits on


def match_type(link: Link, catalog_keys: frozenset[str]) -> str:
    """How the link's method was found: 'exact' (the surface is a catalog name or alias), 'variant' (a catalog
    method written otherwise: fuzzy, a long form the paper defines), 'outside' (a name no catalog knows: another
    paper's introduced name or an uncatalogued one), or 'dataset'."""
    if link.kind == "dataset":
        return "dataset"
    if link.kind == "uncatalogued" or alias_key(link.method) not in catalog_keys:
        return "outside"
    return "exact" if alias_key(link.surface) in catalog_keys else "variant"


def relation_class(link: Link, strong_methods: set[str]) -> str:
    """The link's relation; a ``mentions`` link of a method the paper also builds on or compares to is
    'mentions-beside' (it adds nothing the stronger link does not say, and is rarely the gold relation)."""
    if link.relation == "mentions" and link.method in strong_methods:
        return "mentions-beside"
    return link.relation


def feature_rows(linked: LinkedPaper, catalog_keys: frozenset[str]) -> list[tuple[str, str, float] | None]:
    """(relation class, match type, rule confidence) of each link of ``linked``; None for a dataset link."""
    strong = {link.method for link in linked.links if link.relation in STRONG}
    rows: list[tuple[str, str, float] | None] = []
    for link in linked.links:
        match = match_type(link, catalog_keys)
        rows.append(None if match == "dataset" else (relation_class(link, strong), match, link.confidence))
    return rows


class Calibration:
    """The shipped table: bin edges of the rule confidence and P(right) by (relation class, match, bin), with
    the coarser groups (relation class, match) and (relation class) as fallbacks for unseen combinations."""

    def __init__(self, data: dict):
        self.edges: list[float] = list(data["bins"])
        self.prior: float = float(data["prior"])
        # the file's 'relation|match|bin' keys as tuples, for the per-link look-up (no key string built a link)
        self._by_parts: dict[tuple, float] = {}
        for key, value in data["table"].items():
            parts = key.split("|")
            self._by_parts[(*parts[:2], *map(int, parts[2:]))] = value

    @staticmethod
    def bin_of(edges, confidence: float) -> int:
        """The index of the rule-confidence bin (``edges`` are the bins' lower bounds after the first)."""
        return bisect_right(edges, confidence)

    def probability(self, relation: str, match: str, confidence: float) -> float:
        """P(right) of a link with these features: the most specific group of the table that has it."""
        table = self._by_parts
        value = table.get((relation, match, self.bin_of(self.edges, confidence)))
        if value is None:
            value = table.get((relation, match))
            if value is None:
                value = table.get((relation,), self.prior)
        return value

    def apply(self, linked: LinkedPaper, catalog_keys: frozenset[str]) -> None:
        """Replace each non-dataset link's rule confidence by its calibrated one (3 decimals)."""
        for link, row in zip(linked.links, feature_rows(linked, catalog_keys)):
            if row is not None:
                link.confidence = round(self.probability(*row), 3)


@lru_cache(maxsize=1)
def shipped() -> Calibration:
    """The packaged calibration table, read once."""
    return Calibration(packaged_json(CALIBRATION_FILE))


def calibrate(linked: LinkedPaper, catalog_keys: frozenset[str]) -> None:
    """Calibrate ``linked``'s link confidences with the shipped table (the one place it happens)."""
    if ENABLED and linked.links:
        shipped().apply(linked, catalog_keys)


def check_threshold(value: object) -> float:
    """A ``--min-confidence`` value as a float in [0, 1]; anything else is an InputError naming it."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise InputError(f"minimum confidence must be a number from 0 to 1, got {value!r}") from None
    if math.isnan(number) or not 0.0 <= number <= 1.0:
        raise InputError(f"minimum confidence must be a number from 0 to 1, got {value!r}")
    return number


def drop_below(linked: LinkedPaper, threshold: float) -> int:
    """Remove the links of ``linked`` whose confidence is below ``threshold``; how many were removed.
    Introduced names are not links and stay."""
    if threshold <= 0.0 or not linked.links:
        return 0
    kept = [link for link in linked.links if link.confidence >= threshold]
    dropped = len(linked.links) - len(kept)
    if dropped:
        linked.links = kept
    return dropped
