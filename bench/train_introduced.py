"""Experiment: a learned scorer that ADDS introduced names to the rules' (negative result, not adopted).

Candidates are proposed liberally from the title and abstract (title prefix, short title, capitalised title
phrases, every "Long Form (LF)" definition, name-like tokens), described by ~60 features (source, where and
how often they occur, own-work / prior-work / naming cues, shape, catalogued, how many papers of a reference
arXiv corpus use them, source x cue conjunctions) and scored by a logistic model (pure Python, L2, Newton
steps). Only tuning gold is read: the dev gold, the ODD-pid half of the held-out seeds (filtered by parity
before any record is looked at), tune-arxiv*.jsonl and silver-intro-arxiv*.jsonl. The rules run alone on
each paper; a candidate the rules did not find is right when it shares a surface key with a gold name the
rules missed.

The script prints leave-one-set-out cross-validation (rules alone vs rules + additions, per held-out set;
the threshold is picked on the training sets by inner leave-one-set-out, best F1 with precision >=
--min-precision) and, with --unlabelled, the names a model trained on all sets would add on 3,000 arXiv
abstracts of no gold file. Result (bench/RESULTS.md, "A learned scorer for introduced names"): +2 right / +1 wrong names over 8 folds
(F1 0.894 -> 0.896), no change on the test sets, 24/39 additions right on the unlabelled sample: the rules
stay alone.

    PYTHONPATH=... python bench/train_introduced.py [--unlabelled] [--write model.json]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_heldout as E  # noqa: E402  (the gold sets' files and loaders)

from relwork.linker import load_catalog  # noqa: E402
from relwork.linker.catalog import alias_key  # noqa: E402
from relwork.linker.introduced import (  # noqa: E402
    GENERIC,
    HEAD_NOUNS,
    STOP_TITLE_WORDS,
    TOKEN_RE,
    Definition,
    _initials_match,
    find_definitions,
    is_namelike,
    plain_word_can_be_name,
)
from relwork.core.records import Introduced  # noqa: E402
from relwork.linker.evaluate import read_gold  # noqa: E402
from relwork.linker.pipeline import Linker  # noqa: E402
from relwork.loaders import load_papers  # noqa: E402

# ---------------------------------------------------------------------------------------------------------
# candidates

_TITLE_SPLIT = re.compile(r"\s*:\s+|\s+[-–—]+\s+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-\^+]*")
_LINKING = frozenset("of for and with in on to via from by the a an".split())
_OWN_CUE = re.compile(
    r"\b(?:we|our|this (?:paper|work|study|article)|here(?:in)?|novel|new|proposed?|introduc\w*|present\w*|"
    r"develop\w*|design\w*)\b", re.I)
_WE_VERB = re.compile(r"\b(?:we|this (?:paper|work|study|article))\s+(?:\w+ly\s+)?(?:propose|present|introduce|develop|design|"
                      r"call|term|name|dub|devise|construct|build|create|collect|release|formulate)", re.I)
_NAMING = re.compile(r"\b(?:called|named|dubbed|termed|coined|namely|denoted|referred to as)\W+(?:\w+\W+)?$", re.I)
_OWN_BEFORE = re.compile(r"\b(?:our|the proposed|a novel|a new|propose[sd]?|introduce[sd]?|present(?:s|ed)?)\W+(?:[\w\-]+\W+){0,3}$", re.I)
_USE_BEFORE = re.compile(r"\b(?:using|uses?|used|based on|employ\w*|adopt\w*|appl(?:y|ies|ied)|following|such as|"
                         r"including|e\.g\.|like|than|over|versus|vs\.?)\W+(?:[\w\-]+\W+){0,2}$", re.I)
_COMPARE = re.compile(r"\b(?:compar\w*|outperform\w*|baselines?|previous|existing|state[- ]of[- ]the[- ]art|"
                      r"prior|et al|superior|better than|such as|popular|well-known|standard)\b", re.I)
_DATASET = re.compile(r"\b(?:datasets?|database|benchmarks?|corpus|corpora|collection)\b", re.I)
_HEADS = HEAD_NOUNS | frozenset(
    "model models framework method approach algorithm module loss architecture system scheme technique "
    "strategy mechanism procedure training regularization objective descriptor agent classifier detector".split())
_PRIOR_BEFORE = re.compile(r"\b(?:inspired by|improve\w* (?:on|upon)|extend\w*|variants? of|recently|researchers|"
                           r"has been|have been|popular|widely|existing|conventional|traditional|classic\w*)\W+(?:[\w\-]+\W+){0,4}$", re.I)
_METHOD_TAILS = frozenset("pooling convolution push sampling search optimization regularization distillation pruning "
                          "descent loss attention block module unit layer cell gate filter descriptor".split())
_TASK_TAILS = frozenset("segmentation detection recognition classification task problem grounding estimation "
                        "translation analysis vehicle disease imaging harvesting channel assessment answering "
                        "retrieval tracking prediction parsing localization captioning".split())
_CONJOINED = ("own-cue-sentence", "we-verb-sentence", "own-before", "common-3", "in-title", "rules-none", "long-in-title",
              "long-title-case", "first-sentence", "compare-sentence", "catalogued", "in-abstract", "title-start",
              "prior-before", "long-head-method", "long-head-task")
_ENUM = re.compile(r"\(([^()]{3,120})\)")


@dataclass
class Candidate:
    """One possible introduced name: its surfaces, which sources proposed it, and its features."""

    name: str
    aliases: list[str] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    features: dict[str, float] = field(default_factory=dict)
    score: float = 0.0

    def keys(self) -> set[str]:
        return {alias_key(s) for s in [self.name, *self.aliases]} - {""}


def _title_phrases(title: str) -> list[str]:
    """Maximal runs of two to five capitalised title words ('Stochastic Gradient Push' of 'Stochastic
    Gradient Push for Distributed Deep Learning'); linking words and lower-case words end a run."""
    runs, run = [], []
    for m in _WORD.finditer(title):
        w = m.group()
        if w[:1].isupper() or w[:1].isdigit() and any(c.isalpha() for c in w):
            run.append(w)
            continue
        if 2 <= len(run) <= 5:
            runs.append(" ".join(run))
        run = []
    if 2 <= len(run) <= 5:
        runs.append(" ".join(run))
    return runs


def _raw_candidates(title: str, abstract: str, definitions: list[Definition]) -> list[Candidate]:
    """Every candidate with its sources, before merging."""
    out: list[Candidate] = []
    parts = _TITLE_SPLIT.split(title.strip(), maxsplit=1)
    if len(parts) == 2 and 1 <= len(parts[0].split()) <= 6:
        out.append(Candidate(parts[0].strip(), sources={"prefix"}))
    elif len(parts) == 1 and 1 <= len(title.split()) <= 5:
        out.append(Candidate(title.strip().rstrip("."), sources={"whole-title"}))
    for phrase in _title_phrases(title):
        out.append(Candidate(phrase, sources={"title-phrase"}))
    for d in [*definitions, *(find_definitions(title) if "(" in title else [])]:
        out.append(Candidate(d.short, [d.long], sources={"definition"}))
    for m in TOKEN_RE.finditer(title):
        if is_namelike(m.group()):
            out.append(Candidate(m.group(), sources={"title-token"}))
    for m in TOKEN_RE.finditer(abstract):
        if is_namelike(m.group()):
            out.append(Candidate(m.group(), sources={"abstract-token"}))
    return out


def _merge(raw: list[Candidate]) -> list[Candidate]:
    """Candidates sharing a surface key become one (a title phrase that is a definition's long form)."""
    merged: list[Candidate] = []
    by_key: dict[str, Candidate] = {}
    for c in raw:
        keys = c.keys()
        if not keys:
            continue
        into = next((by_key[k] for k in keys if k in by_key), None)
        if into is None:
            into = Candidate(c.name, [], set())
            merged.append(into)
        elif " " in into.name and " " not in c.name and c.sources == {"definition"}:
            into.aliases.insert(0, into.name)  # the short form is the name, the long form its alias
            into.name = c.name
        into.sources |= c.sources
        for s in [c.name, *c.aliases]:
            if alias_key(s) != alias_key(into.name) and s not in into.aliases:
                into.aliases.append(s)
        for k in into.keys():
            by_key[k] = into
    return merged


def _occurrences(text: str, surface: str) -> list[int]:
    """Start offsets of ``surface`` as a whole word in ``text`` (exact case for one-word surfaces, any case
    for phrases)."""
    flags = re.I if " " in surface else 0
    return [m.start() for m in re.finditer(r"(?<![\w\-])" + re.escape(surface) + r"(?![\w\-])", text, flags)]


def _sentence(text: str, at: int) -> str:
    lo = max(text.rfind(". ", 0, at), text.rfind("? ", 0, at), text.rfind("! ", 0, at))
    hi = text.find(". ", at)
    return text[lo + 1 : hi if hi >= 0 else len(text)]


def _features(c: Candidate, title: str, abstract: str, known: set[str], found_keys: set[str], n_found: int,
              usage: "dict[str, int]") -> dict[str, float]:
    """The feature vector of one candidate (names are the model file's feature names)."""
    f: dict[str, float] = {f"src:{s}": 1.0 for s in c.sources}
    f["n-sources"] = float(len(c.sources))
    name, surfaces = c.name, [c.name, *c.aliases]
    words = name.split()
    f[f"words:{min(len(words), 4)}"] = 1.0
    f["acronym"] = float(len(words) == 1 and bool(re.fullmatch(r"[A-Z0-9][A-Z0-9\-+]*[A-Z0-9+]s?", name)))
    f["camel"] = float(len(words) == 1 and bool(re.search(r"[a-z][A-Z]", name)))
    f["digit"] = float(any(ch.isdigit() for ch in name))
    f["hyphen"] = float("-" in name)
    f["lower"] = float(name[:1].islower())
    f["plain-word"] = float(len(words) == 1 and name[:1].isupper() and name[1:].islower())
    f["plain-word-ok"] = float(f["plain-word"] and plain_word_can_be_name(name))
    f["stop-first"] = float(words[0].lower() in STOP_TITLE_WORDS or words[0].lower() in _LINKING)
    f["head-last"] = float(words[-1].lower().rstrip("s") in _HEADS or words[-1].lower() in _HEADS)
    f["has-long"] = float(bool(c.aliases))
    f["initials"] = float(bool(c.aliases) and " " not in name and any(_initials_match(name, a) for a in c.aliases))
    keys = c.keys()
    f["catalogued"] = float(bool(keys & known))
    # field terms ('MARL', 'Reinforcement Learning') recur across many papers of a reference corpus; a
    # paper's own coinage does not
    used = max((usage.get(k, 0) for k in keys), default=0)
    f["common-3"] = float(used >= 3)
    f["common-10"] = float(used >= 10)
    f["common-30"] = float(used >= 30)
    f["generic-part"] = float(any(alias_key(w) in GENERIC for w in words))
    f["part-of-found"] = float(any(k in fk for k in keys for fk in found_keys if k != fk))
    f["rules-none"] = float(n_found == 0)
    low_title = title.lower()
    f["in-title"] = float(any(s.lower() in low_title for s in surfaces))
    f["title-start"] = float(any(low_title.startswith(s.lower()) for s in surfaces))
    f["title-len"] = min(len(title.split()), 20) / 20
    starts = sorted({i for s in surfaces for i in _occurrences(abstract, s)})
    f["abs-count"] = math.log1p(len(starts))
    f["in-abstract"] = float(bool(starts))
    f["abs-capital-phrase"] = float(any(" " in s and s[:1].isupper() and s in abstract for s in surfaces))
    f["long-title-case"] = float(any(" " in a and all(w[:1].isupper() for w in a.split() if w.lower() not in _LINKING)
                                     for a in c.aliases))
    heads = [a.split()[-1].lower().rstrip("s") for a in c.aliases if " " in a]
    f["long-head-method"] = float(any(h in _HEADS or h in _METHOD_TAILS for h in heads))
    f["long-head-task"] = float(any(h in _TASK_TAILS or h.endswith(("tion", "ing")) and h not in _METHOD_TAILS for h in heads))
    f["long-in-title"] = float(any(" " in a and a.lower() in low_title for a in c.aliases))
    if starts:
        first = starts[0]
        f["first-pos"] = first / max(len(abstract), 1)
        sent = _sentence(abstract, first)
        f["first-sentence"] = float(first < abstract.find(sent.strip()[:20]) + len(sent) and not re.search(r"[.?!]\s", abstract[:first]))
        f["own-cue-sentence"] = float(bool(_OWN_CUE.search(sent)))
        f["we-verb-sentence"] = float(bool(_WE_VERB.search(sent)))
        f["compare-sentence"] = float(bool(_COMPARE.search(sent)))
        f["dataset-sentence"] = float(bool(_DATASET.search(sent)))
        before = [abstract[max(0, i - 60) : i] for i in starts]
        f["naming-before"] = float(any(_NAMING.search(b) for b in before))
        f["own-before"] = float(any(_OWN_BEFORE.search(b) for b in before))
        f["use-before"] = float(any(_USE_BEFORE.search(b) for b in before))
        f["prior-before"] = float(any(_PRIOR_BEFORE.search(b) for b in before))
        f["head-after"] = float(any(
            (m := re.match(r"\W+([A-Za-z]+)", abstract[i + len(name) : i + len(name) + 30])) is not None
            and m.group(1).lower() in _HEADS for i in starts))
        f["in-enumeration"] = float(any(
            name in e.group(1) and e.group(1).count(",") >= 1 and e.start() <= i <= e.end() for i in starts[:3]
            for e in _ENUM.finditer(abstract, max(0, i - 120), min(len(abstract), i + 120))))
        f["et-al-near"] = float(any("et al" in abstract[i : i + 80] or re.search(r"\[\d", abstract[i : i + 60]) for i in starts))
    else:
        f["first-pos"] = 1.0
    # a cue means different things for different sources (an own-work sentence confirms a definition, a
    # title prefix needs none): source x cue conjunctions let a linear model weigh them apart
    for s in c.sources:
        for cue in _CONJOINED:
            if f.get(cue):
                f[f"src:{s}&{cue}"] = f[cue]
    return f


def candidates(title: str, abstract: str, definitions: list[Definition] | None = None, known: "set[str] | None" = None,
               found: "list[Introduced] | None" = None, usage: "dict[str, int] | None" = None) -> list[Candidate]:
    """Candidate names of one paper that the rules did not find (``found``), each with its features.

    ``definitions`` are ``find_definitions(abstract)`` when the caller has them; ``known`` holds alias keys
    of catalogued names; ``usage`` maps alias keys of names and title phrases to the number of papers of a
    reference corpus using them (the model file's ``usage``).
    """
    if definitions is None:
        definitions = find_definitions(abstract) if "(" in abstract else []
    known = known or set()
    found = found or []
    found_keys = {alias_key(n) for i in found for n in [i.name, *i.aliases]} - {""}
    out = []
    for c in _merge(_raw_candidates(title, abstract, definitions)):
        keys = c.keys()
        if keys & found_keys or alias_key(c.name) in GENERIC or len(alias_key(c.name)) < 2:
            continue
        c.features = _features(c, title, abstract, known, found_keys, len(found), usage or {})
        out.append(c)
    return out


# ---------------------------------------------------------------------------------------------------------
# model


@dataclass(frozen=True)
class Model:
    """A logistic model over named features, the threshold above which a candidate is added, and the
    reference-corpus usage counts its ``common-*`` features read."""

    weights: dict[str, float]
    bias: float
    threshold: float
    usage: "dict[str, int]" = field(default_factory=dict, compare=False)

    def score(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        return {"weights": dict(sorted(self.weights.items())), "bias": self.bias, "threshold": self.threshold,
                "usage": dict(sorted(self.usage.items()))}


# ---------------------------------------------------------------------------------------------------------
# data, training, cross-validation

ARXIV_SETS = {"tune": "tune-arxiv.jsonl", "tune2": "tune-arxiv-2.jsonl", "tune3": "tune-arxiv-3.jsonl",
              "silver": "silver-intro-arxiv.jsonl", "silver2": "silver-intro-arxiv-2.jsonl",
              "silver3": "silver-intro-arxiv-3.jsonl"}


def tuning_sets(data: Path = E.ARXIV) -> dict[str, list]:
    """name -> [(Paper, gold introduces)] for every tuning set (never a test record)."""
    seeds = {}
    for p in load_papers(sorted(E.SEEDS.glob("*.txt"))).papers:
        seeds.setdefault(p.title.strip(), p)
    sets = {
        "dev": [(seeds[g.title.strip()], g.introduces) for g in read_gold(E.DEV_GOLD) if g.title.strip() in seeds],
        "seeds-odd": [(seeds[g.title.strip()], g.introduces)
                      for g in E.split_half(read_gold(E.GOLD / "heldout-seeds.jsonl"), "odd") if g.title.strip() in seeds],
    }
    golds = {k: read_gold(E.GOLD / f) for k, f in ARXIV_SETS.items()}
    wanted = {str(g.pid) for gs in golds.values() for g in gs}
    records = {}
    for r in E._arxiv_records(data):
        if r.get("id") in wanted and r["id"] not in records:
            records[r["id"]] = r
    with tempfile.TemporaryDirectory(prefix="relwork-train-") as tmp:
        for name, gold in golds.items():
            path = Path(tmp) / f"{name}.jsonl"
            path.write_text("".join(json.dumps(records[str(g.pid)]) + "\n" for g in gold), encoding="utf-8")
            sets[name] = list(zip(load_papers([path], format="json").papers, [g.introduces for g in gold]))
    return sets


GOLD_FILES = E._SECOND_GOLD + (E.TUNE3_FILE, E.SILVER3_FILE)  # every gold file: ids only are read
UNLABELLED_SEED, UNLABELLED_SIZE = 5, 3000


def unlabelled_ids(data: Path = E.ARXIV) -> list[str]:
    """3,000 arXiv ids of no gold file (first blog category CL/CV/AI/RO/SD), for the unlabelled check."""
    return E._draw(data, E._gold_ids(GOLD_FILES, E.GOLD), UNLABELLED_SEED, UNLABELLED_SIZE,
                   categories=E.SILVER2_CATEGORIES, named=False)


def reference_usage(data: Path = E.ARXIV, minimum: int = 3) -> dict[str, int]:
    """Alias key -> number of arXiv papers using it, for name-like tokens of titles and abstracts and for
    two- to four-word title phrases, counted over the corpus minus every gold paper and the unlabelled
    sample (so no evaluated paper counts its own names); only counts >= ``minimum`` are kept."""
    exclude = E._gold_ids(GOLD_FILES, E.GOLD) | set(unlabelled_ids(data))
    counts: dict[str, int] = {}
    seen: set[str] = set()
    for r in E._arxiv_records(data):
        if r.get("id") in exclude or r.get("id") in seen:
            continue
        seen.add(r.get("id"))
        title, abstract = r.get("title") or "", r.get("abstract") or ""
        keys = {alias_key(t) for t in TOKEN_RE.findall(title + " " + abstract) if is_namelike(t)}
        words = [w.lower() for w in _WORD.findall(title)]
        keys.update(alias_key(" ".join(words[i:j])) for i in range(len(words)) for j in range(i + 2, min(i + 5, len(words) + 1)))
        for k in keys:
            counts[k] = counts.get(k, 0) + 1
    return {k: n for k, n in counts.items() if n >= minimum and k}


def _gold_keys(gold: list[dict]) -> list[set[str]]:
    return [{alias_key(i["name"])} | {alias_key(a) for a in i.get("aliases", [])} for i in gold]


def prepare(sets: dict[str, list], usage: dict[str, int]) -> dict[str, list]:
    """name -> per paper (rule names, candidates with labels, gold key sets), from the rules alone."""
    linker = Linker(load_catalog(None), compile=False)
    out = {}
    for name, items in sets.items():
        rows = []
        for paper, gold in items:
            found = linker.introduced(paper)
            golds = _gold_keys(gold)
            cands = candidates(paper.title, paper.abstract, None, linker.catalog_known, found, usage)
            # a candidate is right only for a gold name the rules missed (one sharing a key with a rule name
            # would be a second prediction of a matched name: wrong)
            found_keys = [{alias_key(n) for n in [i.name, *i.aliases]} for i in found]
            missed = [g for g in golds if not any(g & f for f in found_keys)]
            labels = [int(any(c.keys() & g for g in missed)) for c in cands]
            rows.append((found, cands, labels, golds))
        out[name] = rows
    return out


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """x with a x = b (Gaussian elimination with partial pivoting; ``a`` is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(n):
            if r != col and m[r][col]:
                factor = m[r][col] / m[col][col]
                m[r] = [x - factor * y for x, y in zip(m[r], m[col])]
    return [m[i][n] / m[i][i] for i in range(n)]


def train(samples: list[tuple[dict[str, float], int]], l2: float = 3.0, iterations: int = 12) -> Model:
    """Logistic regression fitted by Newton's method, with an L2 penalty ``l2`` on the weights (not the bias).

    Newton steps converge in a few iterations on a few thousand candidates and some 40 features, where plain
    gradient descent would crawl (positives are ~2% of the candidates)."""
    names = sorted({k for f, _ in samples for k in f})
    index = {k: i + 1 for i, k in enumerate(names)}  # 0 is the bias
    rows = [([(0, 1.0)] + [(index[k], v) for k, v in f.items() if v], y) for f, y in samples]
    d = len(names) + 1
    w = [0.0] * d
    for _ in range(iterations):
        grad = [l2 * x for x in w]
        grad[0] = 0.0
        hess = [[0.0] * d for _ in range(d)]
        for i in range(1, d):
            hess[i][i] = l2
        for feats, y in rows:
            z = sum(w[i] * v for i, v in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i, v in feats:
                grad[i] += (p - y) * v
            s = p * (1.0 - p)
            for i, vi in feats:
                row = hess[i]
                for j, vj in feats:
                    row[j] += s * vi * vj
        hess[0][0] += 1e-6
        step = _solve(hess, grad)
        w = [x - s for x, s in zip(w, step)]
        if max(abs(s) for s in step) < 1e-4:
            break
    return Model({k: round(w[i], 4) for k, i in index.items()}, round(w[0], 4), 0.5)


def score_rows(rows: list, model: Model | None, threshold: float = 1.0) -> tuple[int, int, int]:
    """(tp, fp, fn) of rule names plus the candidates ``model`` scores >= ``threshold`` (gold matching as
    relwork.linker.evaluate: one prediction claims one gold name)."""
    tp = fp = fn = 0
    for found, cands, _, golds in rows:
        predicted = [{alias_key(n) for n in [i.name, *i.aliases]} for i in found]
        if model is not None:
            taken: set[str] = set()
            for c in sorted(cands, key=lambda c: -model.score(c.features)):
                if model.score(c.features) < threshold:
                    break
                if c.keys() & taken:
                    continue
                taken |= c.keys()
                predicted.append(c.keys())
        used: set[int] = set()
        for keys in predicted:
            match = next((j for j, g in enumerate(golds) if j not in used and keys & g), None)
            if match is None:
                fp += 1
            else:
                used.add(match)
                tp += 1
        fn += len(golds) - len(used)
    return tp, fp, fn


def prf(counts: tuple[int, int, int]) -> tuple[float, float, float]:
    tp, fp, fn = counts
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _samples(data: dict, names) -> list:
    return [(c.features, y) for n in names for _, cands, labels, _ in data[n] for c, y in zip(cands, labels)]


THRESHOLDS = [round(0.30 + 0.05 * i, 2) for i in range(14)]  # 0.30 .. 0.95


def pick_threshold(data: dict, names: list[str], min_precision: float, **kw) -> float:
    """The threshold with the best F1 (precision >= ``min_precision``) over ``names``, each scored by a model
    trained on the others (inner leave-one-set-out)."""
    counts = {t: [0, 0, 0] for t in THRESHOLDS}
    for held in names:
        model = train(_samples(data, [n for n in names if n != held]), **kw)
        for t in THRESHOLDS:
            for i, v in enumerate(score_rows(data[held], model, t)):
                counts[t][i] += v
    ok = [t for t in THRESHOLDS if prf(tuple(counts[t]))[0] >= min_precision] or [1.0]
    return max(ok, key=lambda t: (prf(tuple(counts[t]))[2], t)) if ok != [1.0] else 1.0


def cross_validate(data: dict, min_precision: float, **kw) -> None:
    """Print the leave-one-set-out table: rules alone vs rules + model additions, per held-out set."""
    names = list(data)
    total_rules, total_model = [0, 0, 0], [0, 0, 0]
    print(f"{'fold':10} {'cands':>5} {'pos':>4} {'thr':>5}   rules P/R/F1          rules+model P/R/F1     added(right)")
    for held in names:
        train_names = [n for n in names if n != held]
        model = train(_samples(data, train_names), **kw)
        threshold = pick_threshold(data, train_names, min_precision, **kw)
        base = score_rows(data[held], None)
        with_model = score_rows(data[held], model, threshold)
        for i in range(3):
            total_rules[i] += base[i]
            total_model[i] += with_model[i]
        cands = sum(len(c) for _, c, _, _ in data[held])
        pos = sum(sum(labels) for _, _, labels, _ in data[held])
        added = (with_model[0] + with_model[1]) - (base[0] + base[1])
        right = with_model[0] - base[0]
        print(f"{held:10} {cands:5d} {pos:4d} {threshold:5.2f}   "
              f"{'%.3f/%.3f/%.3f' % prf(base):20}  {'%.3f/%.3f/%.3f' % prf(with_model):20}  {added}({right})")
    print(f"{'all':10} {'':5} {'':4} {'':5}   {'%.3f/%.3f/%.3f' % prf(tuple(total_rules)):20}  "
          f"{'%.3f/%.3f/%.3f' % prf(tuple(total_model)):20}")


def show_unlabelled(model: Model, sample: int = 40) -> None:
    """Print how many names ``model`` adds to the rules' on the unlabelled sample, and a random ``sample``
    of them with their context, to judge by hand."""
    wanted = set(unlabelled_ids())
    records = {}
    for r in E._arxiv_records(E.ARXIV):
        if r.get("id") in wanted and r["id"] not in records:
            records[r["id"]] = r
    with tempfile.TemporaryDirectory(prefix="relwork-train-") as tmp:
        path = Path(tmp) / "unlabelled.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in records.values()), encoding="utf-8")
        papers = load_papers([path], format="json").papers
    linker = Linker(load_catalog(None), compile=False)
    added = []
    for paper in papers:
        found = linker.introduced(paper)
        taken: set[str] = set()
        cands = candidates(paper.title, paper.abstract, None, linker.catalog_known, found, model.usage)
        for c in sorted(cands, key=lambda c: -model.score(c.features)):
            if model.score(c.features) < model.threshold:
                break
            if not c.keys() & taken:
                taken |= c.keys()
                added.append((paper, c))
    print(f"unlabelled: {len(added)} names added on {len(papers)} papers (threshold {model.threshold})")
    random.Random(1).shuffle(added)
    for paper, c in added[:sample]:
        at = paper.abstract.find(c.name)
        print(f"- {c.name} {c.aliases[:1]} {model.score(c.features):.2f} | {paper.title}\n    "
              f"{paper.abstract[max(0, at - 200) : at + 80] if at >= 0 else paper.abstract[:200]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-precision", type=float, default=0.90, help="precision floor when picking the threshold")
    parser.add_argument("--l2", type=float, default=3.0, help="L2 penalty on the weights")
    parser.add_argument("--unlabelled", action="store_true",
                        help="list what a model trained on all sets adds on 3,000 unlabelled arXiv abstracts")
    parser.add_argument("--write", type=Path, default=None, help="write the model trained on all sets to this JSON file")
    args = parser.parse_args(argv)
    kw = {"l2": args.l2}
    usage = reference_usage()
    data = prepare(tuning_sets(), usage)
    cross_validate(data, args.min_precision, **kw)
    if args.write or args.unlabelled:
        names = list(data)
        model = train(_samples(data, names), **kw)
        model = Model(model.weights, model.bias, pick_threshold(data, names, args.min_precision, **kw), usage)
        if args.write:
            args.write.write_text(json.dumps(model.to_dict(), indent=1) + "\n", encoding="utf-8")
            print(f"wrote {args.write} (threshold {model.threshold})")
        if args.unlabelled:
            show_unlabelled(model)
    return 0


if __name__ == "__main__":
    sys.exit(main())
