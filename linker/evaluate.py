"""Score linker output against a gold file (the format of ``shared/eval/dev_gold.jsonl``).

Gold: one JSON object a line, ``{"pid", "title", "introduces": [{"name", "kind", "aliases"}],
"links": [{"method", "surfaces", "relations", "evidence"}]}``. Gold records meet linked papers by
normalised title; a gold paper with no linked paper counts all its links and names as missed.

Definitions (all micro-averaged over the gold papers):

* **method links**: per paper, the set of linked methods (canonical names) against the gold set. A name
  matches when its alias key (case, space, hyphen-insensitive; a final plural 's' ignored) equals the gold
  name's, when both resolve to the same catalog entry (gold 'Vision Transformer' = catalog 'ViT'), or
  when a surface the link was found at is one of the gold method's surfaces.
  Links of kind 'dataset' are not scored: datasets and benchmarks are not gold links.
* **relation accuracy**: over correctly linked methods, the share whose predicted relation set equals the
  gold set. The predicted set of a method is its builds_on / compares_to relations over all its mentions,
  or {mentions} when it has neither. The confusion matrix counts (gold set, predicted set) pairs.
* **introduced names**: a predicted name matches a gold one when the name or an alias of either has the
  same alias key (one-to-one).
"""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Iterable

from relwork.core.errors import InputError
from relwork.core.records import RELATIONS, LinkedPaper, normalize_title, relation_name
from relwork.linker.catalog import Catalog, alias_key

STRONG = ("builds_on", "compares_to")


@dataclass
class GoldLink:
    method: str
    relations: list[str]
    surfaces: list[str] = field(default_factory=list)
    evidence: str = ""


@dataclass
class GoldPaper:
    pid: object
    title: str
    links: list[GoldLink]
    introduces: list[dict]
    warning: str = ""  # set by ``parse_gold`` for a record without 'links' or 'introduces' (a typo: 'link')


def parse_gold(lines: Iterable[str], source: str) -> list[GoldPaper]:
    """Gold records from JSON Lines; errors name the file and line.

    A paper listed twice (same normalised title: that is how gold meets the linked papers) is an error naming
    both lines, as it would otherwise be scored twice; so is a file with no record at all, or one JSON array
    (the format is one object a line)."""
    papers = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            if not papers and line.lstrip().startswith("["):
                raise InputError(_NOT_AN_ARRAY, source, number) from exc
            raise InputError(f"invalid JSON: {exc.msg}", source, number) from exc
        if isinstance(data, list):
            raise InputError(_NOT_AN_ARRAY, source, number)
        if not isinstance(data, dict) or not isinstance(data.get("title"), str):
            raise InputError("a gold record needs a 'title' string", source, number)
        links = []
        for item in data.get("links", []):
            if not isinstance(item, dict) or not isinstance(item.get("method"), str):
                raise InputError("every gold link needs a 'method' string", source, number)
            given = _one_or_list(item.get("relations") or ["mentions"], "relations", source, number)
            relations = [relation_name(r) for r in given]
            bad = [r for r, name in zip(given, relations) if name is None]
            if bad:
                raise InputError(f"unknown relation(s) {', '.join(map(str, bad))} (choose from {', '.join(RELATIONS)})",
                                 source, number)
            links.append(GoldLink(item["method"], relations, _one_or_list(item.get("surfaces", []), "surfaces", source, number), item.get("evidence", "")))
        introduces = data.get("introduces", [])
        if not isinstance(introduces, list) or not all(isinstance(i, dict) and "name" in i for i in introduces):
            raise InputError("'introduces' must be a list of objects with a 'name'", source, number)
        key = normalize_title(data["title"])
        if key in first_line:
            raise InputError(f"the gold paper of line {first_line[key]} again (same title): each paper once", source, number)
        first_line[key] = number
        absent = [key for key in ("links", "introduces") if key not in data]
        warning = "" if not absent else (
            f"{source}:{number}: gold record without {' or '.join(map(repr, absent))} (its keys: "
            f"{', '.join(map(str, data))}); scored as a paper with no gold "
            f"{' and no '.join({'links': 'methods', 'introduces': 'introduced names'}[k] for k in absent)}, so each "
            "one predicted counts as spurious (write [] when the paper has none)")
        papers.append(GoldPaper(data.get("pid", number), data["title"], links, introduces, warning))
    if not papers:
        raise InputError("no gold record in the file (JSON Lines: one object a line)", source)
    return papers


_NOT_AN_ARRAY = "gold must be JSON Lines (one JSON object a line), not one JSON array"


def _one_or_list(value: object, field_name: str, source: str, number: int) -> list:
    """A gold field that takes a list: a single string is one value (``"builds_on"``), not its letters."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise InputError(f"a gold link's {field_name!r} must be a list of strings", source, number)
    return list(value)


def read_gold(path: str | Path) -> list[GoldPaper]:
    """Gold records of one file (JSON Lines; see ``parse_gold`` for what is an error)."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return parse_gold(handle, str(path))
    except FileNotFoundError:
        raise InputError("gold file not found", str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", str(path)) from exc


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class Report:
    """Scores, confusion matrix and errors of one evaluation."""

    papers: int
    missing_papers: list[str]
    links: Score
    relation_correct: int
    relation_total: int
    introduced: Score
    confusion: dict[str, dict[str, int]]
    errors: list[dict]
    warnings: list[str] = field(default_factory=list)

    @property
    def relation_accuracy(self) -> float:
        return self.relation_correct / self.relation_total if self.relation_total else 0.0

    def to_dict(self) -> dict:
        return {
            "papers": self.papers,
            "missing_papers": self.missing_papers,
            "links": self.links.to_dict(),
            "relations": {"correct": self.relation_correct, "total": self.relation_total,
                          "accuracy": round(self.relation_accuracy, 4)},
            "introduced": self.introduced.to_dict(),
            "confusion": self.confusion,
            "errors": self.errors,
            "warnings": self.warnings,
        }


def relation_set(relations: Iterable[str]) -> tuple[str, ...]:
    """builds_on / compares_to when present, else ('mentions',)."""
    found = set(relations)
    strong = tuple(r for r in STRONG if r in found)
    return strong or ("mentions",)


def _label(relations: tuple[str, ...]) -> str:
    return "+".join(relations)


class _Resolver:
    """Maps a method name to a comparison key through the catalog (aliases -> canonical name)."""

    def __init__(self, catalog: Catalog | None):
        self.by_key: dict[str, str] = {}
        if catalog is not None:
            for entry in catalog:
                for surface in entry.surfaces:
                    self.by_key.setdefault(alias_key(surface), entry.name)

    def key(self, name: str) -> str:
        k = alias_key(name)
        canonical = self.by_key.get(k) or (self.by_key.get(k[:-1]) if k.endswith("s") else None)
        return alias_key(canonical) if canonical else (k[:-1] if k.endswith("s") and len(k) > 3 else k)


class MethodMatcher:
    """Pairs a gold paper's methods with a linked paper's links, as ``evaluate`` scores them: by comparison key
    (alias key through the catalog), else by a gold surface the link was found at."""

    def __init__(self, catalog: Catalog | None = None):
        self.resolver = _Resolver(catalog)

    def match(self, gold: GoldPaper, predicted: LinkedPaper | None) -> tuple[dict[str, GoldLink], dict[str, list]]:
        """(gold links by key, predicted non-dataset links by key); equal keys are the same method."""
        key = self.resolver.key
        pred: dict[str, list] = {}
        for link in predicted.links if predicted else []:
            if link.kind != "dataset":
                pred.setdefault(key(link.method), []).append(link)
        gold_by_key = {key(link.method): link for link in gold.links}
        # a predicted method also matches a gold one when one of its surfaces is a gold surface of it
        # (gold 'SDS' written 'Score Distillation Sampling (SDS)' = catalog 'Score Distillation Sampling')
        by_surface = {alias_key(s): k for k, link in gold_by_key.items() for s in link.surfaces}
        for k in list(pred):
            if k in gold_by_key:
                continue
            for plink in pred[k]:
                target = by_surface.get(alias_key(plink.surface))
                if target is not None and target not in pred:
                    pred[target] = pred.pop(k)
                    break
        return gold_by_key, pred


def by_normalised_title(linked: Iterable[LinkedPaper]) -> dict[str, LinkedPaper]:
    """Linked papers by normalised title (the first of equal titles), the way gold records meet them."""
    by_title: dict[str, LinkedPaper] = {}
    for paper in linked:
        by_title.setdefault(normalize_title(paper.paper.title), paper)
    return by_title


def evaluate(gold: list[GoldPaper], linked: Iterable[LinkedPaper], catalog: Catalog | None = None) -> Report:
    """Score ``linked`` against ``gold`` (see module docstring for the definitions)."""
    return _evaluate(gold, by_normalised_title(linked), MethodMatcher(catalog))


def _evaluate(gold: list[GoldPaper], by_title: dict[str, LinkedPaper], matcher: MethodMatcher) -> Report:
    """``evaluate`` with the linked papers indexed by normalised title and the method matcher made."""
    links, intro = Score(), Score()
    correct = total = 0
    confusion: dict[str, dict[str, int]] = {}
    errors: list[dict] = []
    missing = []
    for g in gold:
        predicted = by_title.get(normalize_title(g.title))
        if predicted is None:
            missing.append(g.title)
        gold_by_key, pred = matcher.match(g, predicted)
        for key, glink in gold_by_key.items():
            if key not in pred:
                links.fn += 1
                errors.append({"type": "missed", "pid": g.pid, "title": g.title, "method": glink.method,
                               "gold": glink.relations, "evidence": glink.evidence})
                continue
            links.tp += 1
            plinks = pred[key]
            want = relation_set(glink.relations)
            got = relation_set(link.relation for link in plinks)
            confusion.setdefault(_label(want), Counter())[_label(got)] += 1
            total += 1
            if want == got:
                correct += 1
            else:
                decisive = _decisive(plinks, got)
                errors.append({"type": "relation", "pid": g.pid, "title": g.title, "method": glink.method,
                               "gold": list(want), "predicted": list(got),
                               "cue": decisive.cue, "evidence": decisive.evidence,
                               "gold_evidence": glink.evidence})
        for key, plinks in pred.items():
            if key not in gold_by_key:
                links.fp += 1
                got = relation_set(link.relation for link in plinks)
                decisive = _decisive(plinks, got)
                errors.append({"type": "spurious", "pid": g.pid, "title": g.title, "method": decisive.method,
                               "kind": decisive.kind, "surface": decisive.surface, "predicted": list(got),
                               "cue": decisive.cue, "evidence": decisive.evidence})
        # introduced names
        gold_sets = [{alias_key(i["name"])} | {alias_key(a) for a in i.get("aliases", [])} for i in g.introduces]
        used: set[int] = set()
        for item in predicted.introduces if predicted else []:
            keys = {alias_key(item.name)} | {alias_key(a) for a in item.aliases}
            match = next((j for j, s in enumerate(gold_sets) if j not in used and keys & s), None)
            if match is None:
                intro.fp += 1
                errors.append({"type": "introduced-spurious", "pid": g.pid, "title": g.title, "name": item.name,
                               "evidence": item.evidence})
            else:
                used.add(match)
                intro.tp += 1
        for j, item in enumerate(g.introduces):
            if j not in used:
                intro.fn += 1
                errors.append({"type": "introduced-missed", "pid": g.pid, "title": g.title, "name": item["name"]})
    return Report(
        papers=len(gold),
        missing_papers=missing,
        warnings=[g.warning for g in gold if g.warning],
        links=links,
        relation_correct=correct,
        relation_total=total,
        introduced=intro,
        confusion={k: dict(v) for k, v in sorted(confusion.items())},
        errors=errors,
    )


def _decisive(plinks: list, got: tuple[str, ...]):
    """The first of a method's links whose relation is in its predicted set ``got``: the one whose cue and
    evidence an error shows."""
    return next((link for link in plinks if link.relation in got), plinks[0])


# the measures ``intervals`` bootstraps, in the order ``_measures`` computes them
_MEASURES = ("link precision", "link recall", "link F1", "relation accuracy", "introduced precision",
             "introduced recall", "introduced F1")


def _measures(c: list[int]) -> dict[str, float]:
    """The seven measures from summed counts [link tp, fp, fn, relations right, judged, intro tp, fp, fn]."""
    links, intro = Score(*c[0:3]), Score(*c[5:8])
    return dict(zip(_MEASURES, (links.precision, links.recall, links.f1, c[3] / c[4] if c[4] else 0.0,
                                intro.precision, intro.recall, intro.f1)))


def intervals(gold: list[GoldPaper], linked: Iterable[LinkedPaper], catalog: Catalog | None = None, *,
              rounds: int = 1000, level: float = 0.95, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Percentile bootstrap intervals of the measures of ``evaluate``, resampling gold papers with replacement
    (``rounds`` resamples, fixed ``seed``): how far the numbers of a set of 40-80 papers could move with another
    sample of the same kind of papers. Measure name -> (low, high)."""
    if rounds < 1:
        raise InputError(f"bootstrap rounds must be at least 1, got {rounds}")
    by_title, matcher = by_normalised_title(linked), MethodMatcher(catalog)
    per_paper = []
    for g in gold:
        r = _evaluate([g], by_title, matcher)
        per_paper.append((r.links.tp, r.links.fp, r.links.fn, r.relation_correct, r.relation_total,
                          r.introduced.tp, r.introduced.fp, r.introduced.fn))
    if not per_paper:
        return {m: (0.0, 0.0) for m in _MEASURES}
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {m: [] for m in _MEASURES}
    for _ in range(rounds):
        sums = [0] * 8
        for row in rng.choices(per_paper, k=len(per_paper)):
            for i, v in enumerate(row):
                sums[i] += v
        for m, v in _measures(sums).items():
            samples[m].append(v)
    tail = (1.0 - level) / 2
    out = {}
    for m, values in samples.items():
        values.sort()
        lo = values[min(len(values) - 1, int(tail * len(values)))]
        hi = values[min(len(values) - 1, int((1.0 - tail) * len(values)))]
        out[m] = (lo, hi)
    return out


CONFIDENCE_THRESHOLDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9)


def by_confidence(gold: list[GoldPaper], linked: Iterable[LinkedPaper], catalog: Catalog | None = None,
                  thresholds: Iterable[float] = CONFIDENCE_THRESHOLDS) -> list[dict]:
    """The scores of ``evaluate`` with only the links whose confidence is at least each threshold (what
    ``--min-confidence`` keeps): one row a threshold with the links kept (of the gold papers only: the linked
    file may hold many more papers), method-link precision / recall and relation accuracy, so that a user can
    choose an operating point on their own gold. Introduced names do not depend on the threshold and are left
    out."""
    by_title, matcher = by_normalised_title(linked), MethodMatcher(catalog)
    gold_titles = {normalize_title(g.title) for g in gold}
    by_title = {title: paper for title, paper in by_title.items() if title in gold_titles}
    rows = []
    for threshold in thresholds:
        kept = {title: replace(paper, links=[l for l in paper.links if l.confidence >= threshold])
                for title, paper in by_title.items()}
        report = _evaluate(gold, kept, matcher)
        rows.append({"threshold": threshold, "links": sum(len(p.links) for p in kept.values()),
                     "precision": round(report.links.precision, 4), "recall": round(report.links.recall, 4),
                     "f1": round(report.links.f1, 4), "relation_accuracy": round(report.relation_accuracy, 4)})
    return rows


def read_linked(path: str | Path) -> list[LinkedPaper]:
    """LinkedPaper records from a ``relwork link`` JSON Lines output file."""
    path = Path(path)
    papers = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                    if not isinstance(data, dict) or not isinstance(data.get("title"), str) or not data.get("id"):
                        raise TypeError("needs 'id' and 'title'")
                    papers.append(LinkedPaper.from_dict(data))
                except (json.JSONDecodeError, TypeError, KeyError, AttributeError) as exc:
                    raise InputError(f"not a 'relwork link' record ({exc})", str(path), number) from exc
    except FileNotFoundError:
        raise InputError("linked file not found", str(path)) from None
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", str(path)) from exc
    return papers


__all__ = ["GoldPaper", "Report", "Score", "by_confidence", "evaluate", "parse_gold", "read_gold", "read_linked", "relation_set", "asdict"]
