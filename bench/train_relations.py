"""Cross-validate a learned relation decision on top of the rules (issue 3); the result so far is negative.

Not a test, and nothing here is used by ``relwork link``: it measures whether a small learned model, trained on
the labelled tuning mentions, types relations better than the hand rules of ``relwork.linker.relations`` on
papers it was not trained on. It did not (see bench/RESULTS.md, 'A learned decision on top of the rules?'), so no
model is shipped. Re-run in the seventh session with twice the labelled methods (1,281; tune4, tune5 and the
320-paper tune6 draw added): the best variant (re-deciding only weak rule decisions) gains +3 of 1,281 pooled,
within training noise; the full regression loses 11 (7 folds down), the priors 14, and the learning curve of the
regression alone rises only ~1 point per doubling of the labels, 16 points below the rules (0.684 vs 0.845).

Data: the correctly linked methods of the TUNING gold sets (dev gold, seeds odd half, tune .. tune5, and the four
parts of the tune6 draw, ``/work/briefs/draw6/part-K.jsonl``, each its own fold 'd6-K' and read as far as it is
written), each set linked as ``bench/eval_heldout.py`` links it. Every gold method the linker found is paired with its predicted
links; each link is one example with the sparse features of :func:`features`: the rules' verdict (relation, cue
class, confidence bucket), where the sentence stands in the abstract and whether the paper has spoken in its own
voice yet, first person and the paper's new names around the mention, three words either side, word classes in
the sentence, listed / bracketed / compound, analysis paper, how often the method is mentioned. TEST sets are
never read.

Gold relations are per method (the set over all its mentions), links are per mention. Per-mention labels are
inferred (multiple-instance style): a method whose gold is ``mentions`` labels all its links ``mentions``; a
method whose gold holds ``builds_on`` / ``compares_to`` gives each such relation to the links the rules typed so,
or else to the link the current model scores highest for it (one link when there is no model yet); its other
links are ``mentions``. Labels are re-inferred after each of three training rounds.

Two learners, both on top of the rules:

* ``lr``: multinomial logistic regression (AdaGrad, L2); it overrules a link's rule relation when its most
  probable class differs with probability >= ``--threshold`` and the rule confidence is below
  ``--max-rule-confidence``; ``--keep-remote`` leaves decisions taken from another sentence ('via ...') alone.
* ``priors``: a decision list of general priors ("a mentions link in the last sentence of a paper that proposes
  ... -> builds_on"): one or two non-lexical features and the rule relation; a prior is kept only when it gains
  at least ``--min-gain`` methods on the training sets and loses on none of them.

Protocol: leave-one-set-out. For each set, train on the others and score the held-out set's method-level
relation accuracy (the measure of ``bench/eval_heldout.py``) with the rules alone and with rules + learner.
The rules were tuned on dev, seeds odd, tune .. tune4, so their numbers there are optimistic; tune5 and the tune6
parts were annotated after the rules and no rule was written for them: the fair folds (``--sets`` restricts the
CV to some sets, e.g. only those). ``--curve`` trains on 25/50/100% of the other sets' papers (a learning curve);
``--rich`` adds lemmas and verb classes of the words between the paper's own voice ('we', 'this paper') and the
mention.

    python bench/train_relations.py                       # both learners, CV table
    python bench/train_relations.py --nested              # lr, decision settings chosen by an inner CV per fold
    python bench/train_relations.py --learner lr --max-rule-confidence 0.61 --keep-remote --show-flips
    python bench/train_relations.py --drop l:,r:,l1:,r1:  # ablation: no words around the mention
    python bench/train_relations.py --curve --max-rule-confidence 0.61 --keep-remote   # learning curve
    python bench/train_relations.py --learner lr --sets tune5,d6-1,d6-2,d6-3,d6-4      # only the unseen shapes
"""

from __future__ import annotations

import argparse
import itertools
import math
import random
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from relwork.core.records import normalize_title
from relwork.linker import load_catalog
from relwork.linker.evaluate import MethodMatcher, by_normalised_title, parse_gold, read_gold, relation_set
from relwork.loaders import load_papers
from relwork.linker.relations import BUILDS_ON, COMPARES_TO, MENTIONS, _first_own_voice, is_analysis_paper

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_heldout as heldout  # noqa: E402  (the bench's own linking of each set)

CLASSES = (BUILDS_ON, COMPARES_TO, MENTIONS)


# ------------------------------------------------------------------------------------------------- features

_WORD = re.compile(r"[a-z][a-z\-]*|\d+(?:\.\d+)?%?", re.I)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)
_THIS_PAPER = re.compile(r"\b(?:this|the\s+present)\s+(?:paper|work|study|article|letter)\b|\bthe\s+proposed\b", re.I)
# word classes looked for anywhere in the sentence: what the sentence is about
_SENTENCE_CLASSES = {
    "compare": re.compile(r"\b(?:outperform\w*|surpass\w*|compar\w+|baselines?|state-of-the-art|sota|than|superior"
                          r"|competitive|versus|vs\.?|beats?|better|improvements?\s+over)\b", re.I),
    "use": re.compile(r"\b(?:us(?:e|es|ed|ing)|based|built|employ\w*|adopt\w*|leverag\w+|fine-?tun\w+|pre-?train\w*"
                      r"|extend\w*|initiali[sz]\w+|backbone|encoder|decoder|architecture|apply\w*|applied|combin\w+"
                      r"|integrat\w+|incorporat\w+)\b", re.I),
    "background": re.compile(r"\b(?:recent(?:ly)?|existing|popular\w*|widely|commonly|previous(?:ly)?|prior|traditional\w*"
                             r"|conventional\w*|typically|often|success\w*|achieved|remarkable|has\s+been|have\s+been"
                             r"|however|although|despite|limitations?|suffer\w*)\b", re.I),
    "propose": re.compile(r"\b(?:propos\w+|present\w*|introduc\w+|novel|new)\b", re.I),
    "result": re.compile(r"\d+(?:\.\d+)?\s*%|\b(?:accuracy|f1|bleu|rouge|score|results?|achiev\w+|performance)\b", re.I),
    "analysis": re.compile(r"\b(?:analy[sz]\w+|stud(?:y|ies|ied)|investigat\w+|examin\w+|evaluat\w+|explor\w+"
                           r"|understand\w*|prob(?:e|es|ing))\b", re.I),
    "past": re.compile(r"\b(?:was|were)\b", re.I),
    "hedge": re.compile(r"\b(?:may|might|could|can)\b", re.I),
}
_LIST_NEAR = re.compile(r"(?:,|\band\b|\bor\b|such\s+as|e\.g\.|including|like)\s*$", re.I)
_LIST_AFTER = re.compile(r"^\s*(?:\([^()]{0,30}\)\s*)?(?:,|and\b|or\b)", re.I)
_COMPOUND_AFTER = re.compile(r"^-?(?:based|style|like|inspired|powered|driven|free|less)\b", re.I)
_CUE_NAME = re.compile(r"^([a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?)", re.I)


@dataclass
class PaperContext:
    """What the features need to know about a whole paper, computed once per paper.

    ``first_voice`` is where the abstract first speaks in the paper's own voice (-1: never); ``analysis``
    whether the paper is an analysis or survey (:func:`relwork.linker.relations.is_analysis_paper`)."""

    abstract: str
    title: str
    own: tuple[str, ...]
    first_voice: int
    analysis: bool
    introduces_method: bool
    counts: dict = field(default_factory=dict)
    in_title: set = field(default_factory=set)


def paper_context(linked) -> PaperContext:
    """The :class:`PaperContext` of a :class:`~relwork.core.records.LinkedPaper`."""
    paper = linked.paper
    intro_method = any(i.kind != "dataset" and not i.name.islower() for i in linked.introduces)
    analysis = is_analysis_paper(paper.title or "", paper.abstract or "", intro_method)
    first_voice = _first_own_voice(paper.abstract or "")
    counts: dict[str, int] = {}
    in_title = set()
    for link in linked.links:
        counts[link.method] = counts.get(link.method, 0) + 1
        if link.field == "title":
            in_title.add(link.method)
    return PaperContext(
        abstract=linked.paper.abstract or "", title=linked.paper.title or "",
        own=tuple(i.name.lower() for i in linked.introduces if i.name and len(i.name) > 1),
        first_voice=first_voice, analysis=analysis,
        introduces_method=any(i.kind != "dataset" for i in linked.introduces), counts=counts, in_title=in_title,
    )


def cue_class(cue: str, own: Sequence[str] = ()) -> str:
    """The rules' cue reduced to its kind: the paper-level rule that set it ('analysis', 'background', 'named
    after it', 'title', ...), 'own name' for one of the paper's new names, or its first words, lower case
    ('outperforms', 'based on', 'x-based')."""
    if not cue:
        return "none"
    low = cue.lower()
    if low in own:
        return "own name"
    if low.startswith("(") or low.endswith(")"):
        tail = low[low.rfind("(") + 1 : -1] if low.endswith(")") else low.strip("()")
        return "(" + tail.split(":")[0].strip() + ")"
    if ":" in low:
        return low.split(":", 1)[0].strip() + ":"
    if low.startswith("x-") or low.startswith("-"):
        return "x-" + low.lstrip("x-").split()[0]
    match = _CUE_NAME.match(low)
    return match.group(1) if match else "other"


def _stem(word: str) -> str:
    """A crude stem: lower case, common suffixes off ('outperforms' -> 'outperform', 'used' -> 'us')."""
    word = word.lower()
    if word[:1].isdigit():
        return "<num>"
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def lemma(word: str) -> str:
    """A rule lemmatiser for English verbs and nouns, pure Python: 'studies' -> 'study', 'applied' -> 'apply',
    'built' -> 'build', 'employing' -> 'employ', 'uses' / 'used' / 'using' -> 'use', 'proposed' -> 'propose'."""
    word = word.lower()
    if word[:1].isdigit():
        return "<num>"
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ying", "y")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + repl
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            stem = word[: -len(suffix)]
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                stem = stem[:-1]  # 'mapped' -> 'map'
            return stem + "e" if stem + "e" in _E_WORDS else stem  # 'used' -> 'use', 'based' -> 'base'
    if word.endswith("es") and word[:-1] in _E_WORDS:
        return word[:-1]  # 'uses' -> 'use'
    if word.endswith("es") and word[-3:-2] in "sxz" or word.endswith(("ches", "shes")):
        return word[:-2]
    if word.endswith("es") and word[:-1] in _E_WORDS:
        return word[:-1]  # 'uses' -> 'use'
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


_IRREGULAR = {"built": "build", "made": "make", "shown": "show", "showed": "show", "taken": "take", "took": "take",
              "found": "find", "given": "give", "gave": "give", "done": "do", "did": "do", "does": "do", "is": "be",
              "are": "be", "was": "be", "were": "be", "been": "be", "has": "have", "had": "have", "led": "lead",
              "better": "good", "best": "good", "outperformed": "outperform", "outperforms": "outperform"}

# verb classes of the words between the paper's own voice and the mention (after lemma)
_VERB_CLASSES = {
    "use": {"use", "employ", "adopt", "leverage", "utilize", "utilise", "apply", "exploit", "rely", "build", "base",
            "fine-tune", "finetune", "pretrain", "pre-train", "initialize", "initialise", "train", "take", "follow",
            "borrow", "inherit", "adapt", "incorporate", "integrate", "combine", "equip", "augment", "plug", "feed"},
    "extend": {"extend", "modify", "improve", "enhance", "generalize", "generalise", "replace", "upgrade",
               "revisit", "rethink", "redesign", "simplify", "accelerate", "compress", "distill", "prune"},
    "compare": {"compare", "outperform", "surpass", "beat", "exceed", "benchmark", "evaluate", "contrast",
                "match", "rival", "than", "against", "over", "versus", "baseline", "good"},
    "propose": {"propose", "present", "introduce", "develop", "design", "devise", "call", "dub", "name", "term"},
    "study": {"study", "analyze", "analyse", "investigate", "examine", "explore", "probe", "understand", "show",
              "find", "observe", "demonstrate", "reveal", "test"},
}
_E_WORDS = {w for words in _VERB_CLASSES.values() for w in words if w.endswith("e")} | {
    "achieve", "require", "produce", "generate", "provide", "describe", "define", "determine", "capture", "encode",
    "decode", "involve", "raise", "pose", "solve", "serve", "state", "note", "achieve", "measure", "score"}
_VERB_CLASS = {w: c for c, words in _VERB_CLASSES.items() for w in words}
_VOICE = re.compile(r"\b(?:we|our|us|this\s+(?:paper|work|study|article))\b", re.I)
RICH = False  # set by --rich: add the :func:`_rich` features


def _rich(before: str, after: str, rel: str) -> list[str]:
    """Richer lexical features: lemmas and verb classes of the words between the sentence's last own-voice word
    ('we', 'our', 'this paper') and the mention (at most six), and the verb classes of five words either side."""
    out = []
    voice = list(_VOICE.finditer(before))
    if voice:
        between = [lemma(w) for w in _WORD.findall(before[voice[-1].end():])]
        if len(between) <= 6:
            out += [f"btw:{w}" for w in between]
            classes = {_VERB_CLASS[w] for w in between if w in _VERB_CLASS}
            out += [f"vbtw:{c}" for c in classes] + [f"rel={rel}|vbtw:{c}" for c in classes]
            if not between:
                out.append("btw:<adjacent>")
        else:
            out.append("btw:<far>")
    for side, words in (("lc", _WORD.findall(before[-80:])[-5:]), ("rc", _WORD.findall(after[:80])[:5])):
        for c in {_VERB_CLASS[lemma(w)] for w in words if lemma(w) in _VERB_CLASS}:
            out += [f"{side}:{c}", f"rel={rel}|{side}:{c}"]
    return out


def features(link, ctx: PaperContext) -> list[str]:
    """The sparse features of one link (strings; each present feature has value 1)."""
    rel = link.relation
    cue = cue_class(link.cue, ctx.own)
    conf = link.confidence
    bucket = "hi" if conf >= 0.8 else "mid" if conf >= 0.65 else "lo"
    out = ["bias", f"rel={rel}", f"cue={cue}", f"rel={rel}|cue={cue}", f"rel={rel}|conf={bucket}",
           f"field={link.field}", f"rel={rel}|field={link.field}"]
    sentence = link.evidence or ""
    if link.field == "abstract":
        at = ctx.abstract.find(sentence) if sentence else -1
        local = link.start - at if at >= 0 else -1
        if ctx.abstract:
            rel_pos = link.start / max(1, len(ctx.abstract))
            out.append(f"pos={min(3, int(rel_pos * 4))}")
        if at == 0:
            out.append("first_sentence")
        if at >= 0 and at + len(sentence) >= len(ctx.abstract) - 2:
            out.append("last_sentence")
        if ctx.first_voice < 0:
            out.append("no_own_voice")
        elif link.start < ctx.first_voice:
            out += ["before_own_voice", f"rel={rel}|before_own_voice"]
    else:
        local = link.start
        if ":" in ctx.title:
            out.append("title_colon_" + ("before" if link.start < ctx.title.find(":") else "after"))
    if not (0 <= local <= len(sentence)):
        local = max(0, sentence.find(link.surface))
    end = min(len(sentence), local + (link.end - link.start))
    before, after = sentence[:local], sentence[end:]
    if _FIRST_PERSON.search(before):
        out += ["we_before", f"rel={rel}|we_before"]
    if _FIRST_PERSON.search(after):
        out.append("we_after")
    if _THIS_PAPER.search(sentence):
        out.append("this_paper")
    low = sentence.lower()
    if ctx.own and any(name in low for name in ctx.own):
        out += ["own_name", f"rel={rel}|own_name"]
    for name, pattern in _SENTENCE_CLASSES.items():
        if pattern.search(sentence):
            out.append(f"s:{name}")
    left = _WORD.findall(before[-60:])[-3:]
    right = _WORD.findall(after[:60])[:3]
    out += [f"l:{_stem(w)}" for w in left]
    out += [f"r:{_stem(w)}" for w in right]
    if left:
        out.append(f"l1:{_stem(left[-1])}")
    if right:
        out.append(f"r1:{_stem(right[0])}")
    if RICH:
        out += _rich(before, after, rel)
    if before.rstrip().endswith("(") or (before.count("(") > before.count(")")):
        out.append("in_brackets")
    if _LIST_NEAR.search(before) or _LIST_AFTER.match(after):
        out.append("listed")
    if _COMPOUND_AFTER.match(after):
        out.append("compound")
    if ctx.analysis:
        out += ["analysis_paper", f"rel={rel}|analysis_paper"]
    if ctx.introduces_method:
        out.append("introduces_method")
    count = ctx.counts.get(link.method, 1)
    out.append(f"count={min(count, 3)}")
    if link.method in ctx.in_title and link.field != "title":
        out.append("also_in_title")
    return out


DRAW6 = Path("/work/briefs/draw6")  # the tune6 annotation, four parts of 80 papers written this session


def _complete_gold(path: Path) -> list:
    """The gold records of a file that may still be growing: complete JSON lines only (a half-written last line
    is left for the next run)."""
    import json
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            json.loads(line)
        except json.JSONDecodeError:
            continue
        lines.append(line)
    return parse_gold(lines, str(path)) if lines else []  # parse_gold refuses a file with no record


def _link_records(gold: list, records: Path, catalog) -> list:
    """The gold papers' records from ``records`` (a JSON Lines draw file), linked together as the bench links an
    arXiv set (``heldout.link_arxiv`` reads the same records from the full data; this file is smaller)."""
    import json
    import tempfile
    wanted = {str(g.pid) for g in gold}
    found = {}
    for line in records.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r.get("id") in wanted:
            found[r["id"]] = r
    with tempfile.TemporaryDirectory(prefix="relwork-train-") as tmp:
        path = Path(tmp) / "records.jsonl"
        path.write_text("".join(json.dumps(found[str(g.pid)], ensure_ascii=False) + "\n" for g in gold
                                if str(g.pid) in found), encoding="utf-8")
        papers = load_papers([path], format="json").papers
    return heldout._linked(papers, catalog)


def _sets(catalog, draw6: Path = DRAW6) -> dict[str, tuple[list, list]]:
    """Tuning set name -> (gold records, linked papers), linked as ``bench/eval_heldout.py`` links them: dev, seeds
    odd, tune .. tune5, and each draw6 part as its own set 'd6-K': from ``bench/gold/tune-arxiv-6.jsonl`` in chunks of
    80 once it exists, else from ``part-K.jsonl`` in ``draw6``, as far as it is written."""
    seeds = heldout.link_seeds(catalog)
    out = {"dev": (read_gold(heldout.DEV_GOLD), seeds),
           "seeds-odd": (heldout.split_half(read_gold(heldout.GOLD / "heldout-seeds.jsonl"), "odd"), seeds)}
    for name, file in (("tune", "tune-arxiv.jsonl"), ("tune2", heldout.TUNE2_FILE), ("tune3", heldout.TUNE3_FILE),
                       ("tune4", heldout.TUNE4_FILE), ("tune5", heldout.TUNE5_FILE)):
        path = heldout.GOLD / file
        if path.exists():
            gold = read_gold(path)
            out[name] = (gold, heldout.link_arxiv(gold, catalog))
    merged = heldout.GOLD / heldout.TUNE6_FILE
    if merged.exists():  # once the parts are merged into bench/gold: four folds of 80 in draw order, as annotated
        gold = read_gold(merged)
        for k in range(4):
            part = gold[80 * k: 80 * (k + 1)]
            if part:
                out[f"d6-{k + 1}"] = (part, heldout.link_arxiv(part, catalog))
        return out
    for k in range(1, 5):
        part, records = draw6 / f"part-{k}.jsonl", draw6 / f"tune6-records-{k}.jsonl"
        if part.exists() and records.exists():
            gold = _complete_gold(part)
            if gold:
                out[f"d6-{k}"] = (gold, _link_records(gold, records, catalog))
    return out


def pairs(gold: list, linked: list, catalog) -> list[tuple[object, tuple[str, ...], list]]:
    """(linked paper, gold relation set, predicted links) for every gold method the linker found, paired by
    :class:`relwork.linker.evaluate.MethodMatcher`, as ``evaluate`` pairs them."""
    matcher = MethodMatcher(catalog)
    by_title = by_normalised_title(linked)
    out = []
    for g in gold:
        paper = by_title.get(normalize_title(g.title))
        if paper is None:
            continue
        gold_by_key, pred = matcher.match(g, paper)
        for key, glink in gold_by_key.items():
            if key in pred:
                out.append((paper, relation_set(glink.relations), pred[key]))
    return out


@dataclass
class LinkExample:
    """One predicted link of a correctly linked gold method: the rules' verdict and the link's features."""

    relation: str
    confidence: float
    cue: str
    features: list[str]
    where: str  # paper id and evidence, for --show-flips


def collect(catalog, draw6: Path = DRAW6) -> dict[str, list[tuple[tuple[str, ...], list[LinkExample]]]]:
    """Set name -> (gold relation set, link examples) for every correctly linked gold method of the set."""
    data = {}
    for name, (gold, linked) in _sets(catalog, draw6).items():
        rows, contexts = [], {}
        for paper, want, links in pairs(gold, linked, catalog):
            ctx = contexts.get(id(paper)) or contexts.setdefault(id(paper), paper_context(paper))
            rows.append((want, [LinkExample(link.relation, link.confidence, link.cue, features(link, ctx),
                                            f"{paper.paper.id} {link.method} | {' '.join(link.evidence.split())[:110]}")
                                for link in links]))
        data[name] = rows
    return data


# ------------------------------------------------------------------------------- learner 1: logistic regression

@dataclass
class Model:
    """Multinomial logistic regression weights (feature -> one weight per class) and when they overrule the rules."""

    weights: dict[str, list[float]]
    threshold: float = 0.5
    max_rule_confidence: float = 1.01
    keep_remote: bool = False

    def probabilities(self, feats: Sequence[str]) -> list[float]:
        """Class probabilities (softmax of the summed weights) of one link."""
        scores = [0.0] * len(CLASSES)
        for f in feats:
            w = self.weights.get(f)
            if w is not None:
                for i, v in enumerate(w):
                    scores[i] += v
        top = max(scores)
        exp = [math.exp(v - top) for v in scores]
        total = sum(exp)
        return [e / total for e in exp]

    def relation(self, link: LinkExample) -> str:
        """The link's relation after the model: its most probable class when that is confident enough."""
        if link.confidence >= self.max_rule_confidence or (self.keep_remote and "(via " in link.cue):
            return link.relation
        probs = self.probabilities(link.features)
        best = max(range(len(probs)), key=probs.__getitem__)
        return CLASSES[best] if probs[best] >= self.threshold else link.relation


def _labels(rows: list, model: Model | None) -> list[tuple[list[str], int]]:
    """Per-link training examples (features, class index) from per-method gold sets (see module docstring)."""
    examples = []
    for want, links in rows:
        labels = [MENTIONS] * len(links)
        for relation in (BUILDS_ON, COMPARES_TO):
            if relation not in want:
                continue
            typed = [i for i, link in enumerate(links) if link.relation == relation]
            if not typed and model is None:
                typed = [0] if len(links) == 1 else []
            elif not typed:
                k = CLASSES.index(relation)
                typed = [max(range(len(links)), key=lambda i: model.probabilities(links[i].features)[k])]
            for i in typed:
                if labels[i] == MENTIONS:
                    labels[i] = relation
        examples += [(link.features, CLASSES.index(label)) for link, label in zip(links, labels)]
    return examples


def fit(examples: list[tuple[list[str], int]], l2: float, epochs: int = 60, rate: float = 0.5) -> dict[str, list[float]]:
    """Multinomial logistic regression by AdaGrad over the examples, L2-regularised (``l2`` per example)."""
    weights: dict[str, list[float]] = {}
    grad_sq: dict[str, list[float]] = {}
    k = len(CLASSES)
    order = list(range(len(examples)))
    rng = random.Random(0)
    for _epoch in range(epochs):
        rng.shuffle(order)
        for j in order:
            feats, label = examples[j]
            scores = [0.0] * k
            for f in feats:
                w = weights.get(f)
                if w is not None:
                    for c in range(k):
                        scores[c] += w[c]
            top = max(scores)
            exp = [math.exp(v - top) for v in scores]
            total = sum(exp)
            for f in feats:
                w = weights.setdefault(f, [0.0] * k)
                g2 = grad_sq.setdefault(f, [1e-6] * k)
                for c in range(k):
                    g = exp[c] / total - (1.0 if c == label else 0.0) + l2 * w[c]
                    g2[c] += g * g
                    w[c] -= rate * g / math.sqrt(g2[c])
    return weights


def train_lr(rows: list, args) -> Model:
    """Train on ``rows``, re-inferring the per-link labels for three rounds."""
    model = None
    for _ in range(3):
        model = Model(fit(_labels(rows, model), args.l2), args.threshold, args.max_rule_confidence, args.keep_remote)
    return model


# ------------------------------------------------------------------------------------ learner 2: general priors

_LEXICAL = ("l:", "r:", "l1:", "r1:")


def _conditions(feats: list[str]) -> frozenset[str]:
    """The conditions a prior may test: one non-lexical, rule-independent feature or a pair of them."""
    base = sorted(f for f in feats if not f.startswith(_LEXICAL) and "|" not in f and f != "bias" and not f.startswith("rel="))
    return frozenset(base + [f"{a}&{b}" for a, b in itertools.combinations(base, 2)])


@dataclass
class Priors:
    """A decision list: (rule relation, condition, new relation), the first that applies re-types the link."""

    rules: list[tuple[str, str, str]] = field(default_factory=list)

    def relation(self, link: LinkExample) -> str:
        conditions = _conditions(link.features) if self.rules else frozenset()
        for relation, condition, new in self.rules:
            if link.relation == relation and condition in conditions:
                return new
        return link.relation


def train_priors(rows: list, args, sets: dict[str, list]) -> Priors:
    """Greedy decision list: each round adds the prior with the largest total gain over the training sets that
    gains at least ``args.min_gain`` methods and loses on no training set; at most five priors."""
    priors = Priors()
    for _ in range(5):
        gains: dict[tuple, Counter] = defaultdict(Counter)
        for name, set_rows in sets.items():
            for want, links in set_rows:
                base = method_relations(links, priors)
                candidates = {(link.relation, c, new) for link in links for c in _conditions(link.features)
                              for new in CLASSES if new != link.relation}
                for candidate in candidates:
                    trial = Priors([candidate, *priors.rules])
                    delta = (method_relations(links, trial) == want) - (base == want)
                    if delta:
                        gains[candidate][name] += delta
        best = max(((sum(g.values()), c) for c, g in gains.items() if min(g.values()) >= 0), default=None)
        if best is None or best[0] < args.min_gain:
            break
        priors.rules.insert(0, best[1])
    return priors


# ---------------------------------------------------------------------------------------------------- scoring

def method_relations(links: list[LinkExample], learner) -> tuple[str, ...]:
    """The method-level relation set (as ``relwork.linker.evaluate`` builds it) after ``learner`` (None: rules)."""
    return relation_set(link.relation if learner is None else learner.relation(link) for link in links)


def accuracy(rows: list, learner) -> int:
    """How many methods of ``rows`` get their gold relation set."""
    return sum(method_relations(links, learner) == want for want, links in rows)


def cross_validate(data: dict[str, list], kind: str, args) -> dict[str, tuple[int, int, int]]:
    """Leave-one-set-out; prints and returns, per held-out set, (rules correct, learner correct, methods)."""
    table = {}
    for held in data:
        rest = {name: rows for name, rows in data.items() if name != held}
        train_rows = [row for rows in rest.values() for row in rows]
        learner = train_lr(train_rows, args) if kind == "lr" else train_priors(train_rows, args, rest)
        table[held] = (accuracy(data[held], None), accuracy(data[held], learner), len(data[held]))
        if kind == "priors":
            print(f"  priors learned without {held}: {learner.rules or 'none'}")
        if args.show_flips:
            for want, links in data[held]:
                before, after = method_relations(links, None), method_relations(links, learner)
                if before != after:
                    mark = "fixed" if after == want else "broke" if before == want else "still wrong"
                    print(f"  [{held} {mark}] gold {'+'.join(want)} rules {'+'.join(before)} {kind} {'+'.join(after)}"
                          f" | cues: {' / '.join(l.cue for l in links)} | {links[0].where}")
    print_table(table, kind)
    return table


def print_table(table: dict[str, tuple[int, int, int]], kind: str) -> None:
    """The CV table: per held-out set (and all), methods, rules' accuracy and rules + ``kind``'s; then the pooled
    gain and the worst fold (the adoption test: pooled gain clearly > 0, no fold losing more than a method or two)."""
    print(f"  {'held out':10s} {'methods':>7s} {'rules':>7s} {'rules+' + kind:>13s}")
    for held, (r, m, t) in [*table.items(), ("all", tuple(map(sum, zip(*table.values()))))]:
        print(f"  {held:10s} {t:7d} {r / t:7.3f} {m / t:13.3f}   ({r} -> {m})")
    deltas = {held: m - r for held, (r, m, _t) in table.items()}
    worst = min(deltas, key=deltas.get)
    print(f"  pooled gain {sum(deltas.values()):+d} methods; folds gaining {sum(d > 0 for d in deltas.values())},"
          f" losing {sum(d < 0 for d in deltas.values())}; worst fold {worst} {deltas[worst]:+d}")


def _by_paper(rows: list) -> dict[str, list]:
    """Rows grouped by paper (the id that starts each link's ``where``), so a sample keeps a paper whole."""
    papers: dict[str, list] = defaultdict(list)
    for row in rows:
        papers[row[1][0].where.split(" ", 1)[0]].append(row)
    return papers


def learning_curve(data: dict[str, list], args, fractions=(0.25, 0.5, 1.0), seeds: int = 2) -> None:
    """Leave-one-set-out with the lr learner trained on a random share of the other sets' papers (``seeds``
    draws per share below 1): does the gain over the rules grow with the labels?"""
    print(f"  {'share':>5s} {'train methods':>13s} {'pooled gain':>11s} {'per fold (mean over draws)'}")
    for share in fractions:
        per_fold: dict[str, list[int]] = defaultdict(list)
        sizes = []
        for seed in range(seeds if share < 1 else 1):
            for held in data:
                papers = _by_paper([row for name, rows in data.items() if name != held for row in rows])
                keys = sorted(papers)
                keys = random.Random(seed).sample(keys, max(1, round(share * len(keys))))
                rows = [row for key in keys for row in papers[key]]
                sizes.append(len(rows))
                model = train_lr(rows, args)
                per_fold[held].append(accuracy(data[held], model) - accuracy(data[held], None))
        means = {held: sum(v) / len(v) for held, v in per_fold.items()}
        print(f"  {share:5.2f} {sum(sizes) / len(sizes):13.0f} {sum(means.values()):+11.1f}   "
              + " ".join(f"{held} {m:+.1f}" for held, m in means.items()), flush=True)


# Decision settings the nested CV chooses among (training does not depend on them), most conservative first so
# that ties go to the smaller change: (threshold, max rule confidence, keep remote decisions).
SETTINGS = [(t, c, k) for c in (0.61, 1.01) for k in (True, False) for t in (0.6, 0.5)]


def nested_cross_validate(data: dict[str, list], args) -> dict[str, tuple[int, int, int]]:
    """Leave-one-set-out with the decision settings chosen inside each outer fold by leave-one-set-out over the
    remaining sets, so the held-out score includes the choice of settings (no peeking at the held-out set)."""
    table = {}
    for held in data:
        rest = {name: rows for name, rows in data.items() if name != held}
        inner_weights = {}
        for inner in rest:
            rows = [row for name, set_rows in rest.items() if name != inner for row in set_rows]
            inner_weights[inner] = train_lr(rows, args).weights
        def inner_score(setting):
            t, c, k = setting
            return sum(accuracy(rest[inner], Model(inner_weights[inner], t, c, k)) for inner in rest)
        best = max(SETTINGS, key=lambda setting: (inner_score(setting), -SETTINGS.index(setting)))
        baseline = sum(accuracy(rows, None) for rows in rest.values())
        weights = train_lr([row for rows in rest.values() for row in rows], args).weights
        model = Model(weights, *best)
        table[held] = (accuracy(data[held], None), accuracy(data[held], model), len(data[held]))
        print(f"  without {held}: inner CV picks threshold {best[0]}, rule confidence < {best[1]}, remote kept {best[2]}"
              f" ({baseline} -> {inner_score(best)} inner methods)")
    print_table(table, "lr")
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learner", choices=("lr", "priors", "both"), default="both")
    parser.add_argument("--nested", action="store_true",
                        help="lr: choose threshold / rule confidence / remote decisions by an inner CV per outer fold")
    parser.add_argument("--l2", type=float, default=0.03, help="lr: L2 penalty per example")
    parser.add_argument("--threshold", type=float, default=0.6, help="lr: probability needed to overrule the rules")
    parser.add_argument("--max-rule-confidence", type=float, default=1.01,
                        help="lr: only links whose rule confidence is below this are re-decided")
    parser.add_argument("--keep-remote", action="store_true", help="lr: leave decisions taken from another sentence")
    parser.add_argument("--min-gain", type=int, default=3, help="priors: methods a prior must gain on the training sets")
    parser.add_argument("--drop", default="", help="comma-separated feature prefixes left out (ablation)")
    parser.add_argument("--draw6", type=Path, default=DRAW6,
                        help="directory of the tune6 parts (part-K.jsonl) and records (tune6-records-K.jsonl)")
    parser.add_argument("--sets", default="",
                        help="comma-separated set names to use (default: all), e.g. only the sets no rule was written for")
    parser.add_argument("--rich", action="store_true",
                        help="add lemmas and verb classes between the paper's own voice and the mention")
    parser.add_argument("--curve", action="store_true",
                        help="lr: learning curve, trained on 25/50/100%% of the other sets' papers")
    parser.add_argument("--show-flips", action="store_true", help="list the methods a learner re-types, per fold")
    args = parser.parse_args(argv)
    global RICH
    RICH = args.rich
    data = collect(load_catalog(), args.draw6)
    if args.sets:
        unknown = set(args.sets.split(",")) - set(data)
        if unknown:
            parser.error(f"unknown sets: {', '.join(sorted(unknown))} (have {', '.join(data)})")
        data = {name: rows for name, rows in data.items() if name in args.sets.split(",")}
    if args.drop:
        drop = tuple(args.drop.split(","))
        for rows in data.values():
            for _want, links in rows:
                for link in links:
                    link.features = [f for f in link.features if not f.startswith(drop)]
    for name, rows in data.items():
        print(f"{name}: {len(rows)} correctly linked methods, {sum(len(links) for _w, links in rows)} links; gold "
              + ", ".join(f"{'+'.join(k)} {v}" for k, v in sorted(Counter(w for w, _l in rows).items())))
    if args.curve:
        print(f"learning curve, rules + lr (l2 {args.l2}, threshold {args.threshold}, rule confidence <"
              f" {args.max_rule_confidence}{', remote decisions kept' if args.keep_remote else ''}):")
        learning_curve(data, args)
        return 0
    if args.nested:
        print(f"nested leave-one-set-out CV, rules + lr (l2 {args.l2}; decision settings chosen per fold):")
        nested_cross_validate(data, args)
        return 0
    for kind in ("lr", "priors") if args.learner == "both" else (args.learner,):
        what = (f"l2 {args.l2}, threshold {args.threshold}, rule confidence < {args.max_rule_confidence}"
                f"{', remote decisions kept' if args.keep_remote else ''}" if kind == "lr" else f"min gain {args.min_gain}")
        print(f"leave-one-set-out CV, rules + {kind} ({what}):")
        cross_validate(data, kind, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
