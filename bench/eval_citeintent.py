"""Score relwork's rule-based relation typer on citation-intent data (SciCite, ACL-ARC).

Not a test: it reads public data by path (never copied into the repository), runs
``relwork.linker.relations.type_relation`` on every citation context and prints macro-F1, per-class
precision / recall / F1, the confusion matrix and (with --errors N) misclassified examples.

SciCite (Cohan et al., 2019; ``../shared/data/scicite/test.jsonl``): the span given to the typer is the
citation marker ``string[citeStart:citeEnd]``, typed inside the sentence of ``string`` that holds it (the
field sometimes holds two sentences). Labels map ``method -> builds_on``, ``result -> compares_to``,
``background -> mentions``.

ACL-ARC (Jurgens et al., 2018; ``../shared/data/acl-arc/test.jsonl``): ``Uses`` and ``Extends`` ->
builds_on, ``CompareOrContrast`` -> compares_to, ``Background``, ``Motivation``, ``Future`` -> mentions.
The records carry no marker for the cited work, so every citation in the sentence ("( Florian et al. ,
2004 )", "Resnik ( 1995 )", "[ 3 ]") is typed and the sentence gets the relation of the most confident
non-``mentions`` citation, or ``mentions``. Sentences without a recognisable citation are typed with the
whole sentence's first token as span (the typer then falls back on its sentence-level cues).

``--half a|b`` keeps one half of the records (by a hash of the record id / text), so rules can be developed
on one half and checked on the other.

    python bench/eval_citeintent.py                       # SciCite, all 1,861 records
    python bench/eval_citeintent.py --half b --errors 30  # held-out half, show 30 errors
    python bench/eval_citeintent.py --dataset acl-arc
    python bench/eval_citeintent.py --json
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from relwork.core.errors import InputError
from relwork.linker.relations import BUILDS_ON, COMPARES_TO, MENTIONS, type_relation
from relwork.linker.sentences import sentence_at, split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
CLASSES = (BUILDS_ON, COMPARES_TO, MENTIONS)
SCICITE_MAP = {"method": BUILDS_ON, "result": COMPARES_TO, "background": MENTIONS}
ACLARC_MAP = {
    "Uses": BUILDS_ON,
    "Extends": BUILDS_ON,
    "CompareOrContrast": COMPARES_TO,
    "Background": MENTIONS,
    "Motivation": MENTIONS,
    "Future": MENTIONS,
}
# Citations in running text (ACL-ARC is tokenised): "( Florian et al. , 2004 ; Luo , 2005 )", "Resnik ( 1995 )", "[ 3 ]".
_CITATION = re.compile(
    r"\(\s*[A-Z][^()]*?\d{4}[a-z]?\s*\)"
    r"|[A-Z][\w\-]+(?:\s+(?:et\s+al\s*\.|and\s+[A-Z][\w\-]+))?\s*\(\s*\d{4}[a-z]?\s*\)"
    r"|\[\s*\d+(?:\s*[,\-]\s*\d+)*\s*\]"
)


def _in_half(key: str, half: str | None) -> bool:
    if half is None:
        return True
    bit = hashlib.sha1(key.encode()).digest()[0] & 1
    return bit == (0 if half == "a" else 1)


def _type_in_context(text: str, start: int, end: int):
    """Type the span inside the sentence of ``text`` that holds it."""
    spans = split_sentences(text)
    lo, hi = sentence_at(spans, start)
    if end > hi:  # a marker straddling a split: fall back to the whole text
        lo, hi = 0, len(text)
    return type_relation(text[lo:hi], start - lo, end - lo)


def _records(path: Path, dataset: str, fields):
    """Yield (line number, fields(record)) for each JSON Lines record; a bad one names file and line."""
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield number, fields(json.loads(line))
            except (ValueError, KeyError, TypeError) as err:
                raise InputError(f"bad {dataset} record: {err}", str(path), number) from err


def load_scicite(path: Path, half: str | None):
    """Yield (gold, predicted RelationResult, context-with-marker) for SciCite records."""
    def fields(record):
        return (record["string"], record["citeStart"], record["citeEnd"], SCICITE_MAP[record["label"]],
                record.get("unique_id") or record["id"])

    for number, (text, start, end, gold, key) in _records(path, "SciCite", fields):
        if not _in_half(key, half):
            continue
        if start != start or end != end:  # NaN: 13 records carry no marker offsets
            result, context = _type_unmarked(text)
            yield gold, result, context
            continue
        start, end = int(start), int(end)
        if not (0 <= start < end <= len(text)):
            raise InputError(f"citation span [{start}, {end}) outside the string", str(path), number)
        result = _type_in_context(text, start, end)
        yield gold, result, text[:start] + "<<" + text[start:end] + ">>" + text[end:]


def load_aclarc(path: Path, half: str | None):
    """Yield (gold, predicted RelationResult, context) for ACL-ARC records (see module doc for spans)."""
    def fields(record):
        return record["text"], ACLARC_MAP[record["label"]]

    for _number, (text, gold) in _records(path, "ACL-ARC", fields):
        if _in_half(text, half) and text.strip():
            result, context = _type_unmarked(text)
            yield gold, result, context


def _type_unmarked(text: str):
    """Type a context whose cited work is not marked: every citation is typed, the most confident
    non-mentions relation wins (see module doc)."""
    spans = [(m.start(), m.end()) for m in _CITATION.finditer(text)]
    if not spans:
        first = re.match(r"\s*(\S+)", text)
        spans = [(first.start(1), first.end(1))]
    results = [(_type_in_context(text, a, b), (a, b)) for a, b in spans]
    typed = [(r, s) for r, s in results if r.relation != MENTIONS]
    result, (a, b) = max(typed, key=lambda pair: pair[0].confidence) if typed else results[0]
    return result, text[:a] + "<<" + text[a:b] + ">>" + text[b:]


def score(pairs: list[tuple[str, str]]) -> dict:
    """Macro-F1, per-class P/R/F1 and the confusion matrix (gold -> predicted -> count)."""
    confusion = {g: {p: 0 for p in CLASSES} for g in CLASSES}
    for gold, predicted in pairs:
        confusion[gold][predicted] += 1
    per_class = {}
    for label in CLASSES:
        tp = confusion[label][label]
        predicted = sum(confusion[g][label] for g in CLASSES)
        actual = sum(confusion[label].values())
        precision = tp / predicted if predicted else 0.0
        recall = tp / actual if actual else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        per_class[label] = {"precision": precision, "recall": recall, "f1": f1, "support": actual}
    accuracy = sum(confusion[c][c] for c in CLASSES) / len(pairs) if pairs else 0.0
    macro = sum(v["f1"] for v in per_class.values()) / len(CLASSES)
    return {"n": len(pairs), "macro_f1": macro, "accuracy": accuracy, "per_class": per_class, "confusion": confusion}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", choices=("scicite", "acl-arc"), default="scicite")
    parser.add_argument("--file", type=Path, help="test.jsonl to read (default: ../shared/data/<dataset>/test.jsonl)")
    parser.add_argument("--half", choices=("a", "b"), help="score only one deterministic half of the records")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N misclassified examples")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    args = parser.parse_args(argv)
    path = args.file or DATA / args.dataset / "test.jsonl"
    loader = load_scicite if args.dataset == "scicite" else load_aclarc
    try:
        started = time.perf_counter()
        rows = list(loader(path, args.half))
        elapsed = time.perf_counter() - started
    except (OSError, InputError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    report = score([(gold, result.relation) for gold, result, _ in rows])
    report.update(dataset=args.dataset, half=args.half or "all", seconds=round(elapsed, 3))
    report["cues"] = Counter(result.cue.lower() for _, result, _ in rows if result.cue).most_common(25)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"{args.dataset} ({report['half']}): n={report['n']}  macro-F1={report['macro_f1']:.3f}  "
              f"accuracy={report['accuracy']:.3f}  ({elapsed * 1000 / max(1, len(rows)):.2f} ms/record)")
        print(f"{'class':<12} {'P':>6} {'R':>6} {'F1':>6} {'n':>6}")
        for label, values in report["per_class"].items():
            print(f"{label:<12} {values['precision']:6.3f} {values['recall']:6.3f} {values['f1']:6.3f} {values['support']:6d}")
        print("confusion (rows gold, columns predicted):")
        print(f"{'':<12} " + " ".join(f"{c:>12}" for c in CLASSES))
        for gold in CLASSES:
            print(f"{gold:<12} " + " ".join(f"{report['confusion'][gold][p]:12d}" for p in CLASSES))
    if args.errors:
        shown = 0
        for gold, result, context in rows:
            if gold != result.relation and shown < args.errors:
                shown += 1
                print(f"\n[{gold} -> {result.relation} cue={result.cue!r} conf={result.confidence}]\n  {context}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
