"""Inter-annotator agreement between two gold files, scored with relwork's own scorer.

Why: the linker's relation accuracy on held-out gold is only meaningful next to the ceiling that two
careful human annotators reach on the same papers. Each gold set in ``bench/gold/`` was written by one
annotator; ``bench/gold/agreement-seeds-even.jsonl`` is a blind second annotation of the even-pid half of
``heldout-seeds.jsonl`` (same guidelines, ``/work/shared/eval/GUIDELINES.md``). This script measures how far
the two agree, and (``--linker``) how far ``relwork link`` agrees with each of them.

What: file B is turned into ``LinkedPaper`` predictions (one ``Link`` per method and relation) and scored
against file A (the reference) with ``relwork.linker.evaluate.evaluate``, so every definition is the one
the linker is judged by (see that module's docstring):

* method links P / R / F1 (A = reference; for two annotators F1 is symmetric);
* relation agreement: share of methods linked by both whose relation sets are equal
  ({builds_on}, {compares_to}, {builds_on, compares_to} or {mentions});
* Cohen's kappa over those relation sets (computed from evaluate()'s confusion matrix);
* introduced-name P / R / F1.

    python bench/agreement.py                                   # A1 (gold) vs A2, even half, table
    python bench/agreement.py --linker                          # also relwork vs A1 and vs A2
    python bench/agreement.py --errors 100                      # list the disagreements A1 vs A2
    python bench/agreement.py A.jsonl B.jsonl --half odd --json
    python bench/agreement.py bench/gold/heldout-arxiv-2.jsonl bench/gold/agreement-arxiv-2.jsonl --all --linker

Only papers present in both files are compared (restricted further by ``--half``; arXiv gold, whose pids are
arXiv ids, needs ``--all``).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from relwork.core.errors import RelworkError
from relwork.core.records import Introduced, Link, LinkedPaper, Paper, normalize_title
from relwork.linker import load_catalog
from relwork.linker.evaluate import GoldPaper, Report, evaluate, read_gold

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "bench" / "gold"


def gold_as_linked(gold: list[GoldPaper]) -> list[LinkedPaper]:
    """A gold file in the shape of linker output: one Link per (method, relation), introduced names kept."""
    out = []
    for g in gold:
        links = []
        for gl in g.links:
            surface = gl.surfaces[0] if gl.surfaces else gl.method
            for relation in gl.relations or ["mentions"]:
                links.append(Link(method=gl.method, kind="method", relation=relation, surface=surface,
                                  field="abstract", start=0, end=0, evidence=gl.evidence))
        intro = [Introduced(name=i["name"], kind=i.get("kind", "method"), aliases=list(i.get("aliases", [])))
                 for i in g.introduces]
        out.append(LinkedPaper(paper=Paper(id=str(g.pid), title=g.title, abstract=""), introduces=intro, links=links))
    return out


def kappa(confusion: dict[str, dict[str, int]]) -> float:
    """Cohen's kappa of a (reference label -> other label -> count) confusion matrix."""
    labels = set(confusion) | {b for row in confusion.values() for b in row}
    n = sum(c for row in confusion.values() for c in row.values())
    if not n:
        return 0.0
    observed = sum(confusion.get(l, {}).get(l, 0) for l in labels) / n
    row = {l: sum(confusion.get(l, {}).values()) for l in labels}
    col = Counter()
    for r in confusion.values():
        col.update(r)
    expected = sum(row[l] * col[l] for l in labels) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def restrict(gold: list[GoldPaper], titles: set[str], half: str | None) -> list[GoldPaper]:
    want = {"odd": 1, "even": 0}.get(half)
    odd_pids = [str(g.pid) for g in gold if not str(g.pid).isdigit()]
    if want is not None and odd_pids:
        raise RelworkError(f"--half needs integer pids (seed gold); use --all for arXiv gold (pid {odd_pids[0]!r})")
    return [g for g in gold if normalize_title(g.title) in titles and (want is None or int(g.pid) % 2 == want)]


def link_for(gold: list[GoldPaper], catalog) -> list[LinkedPaper]:
    """relwork's links for the gold's papers, linked as the held-out bench links them.

    Seed gold (integer pids) -> the seed listings; arXiv gold (arXiv ids as pids) -> those records of the
    arxiv-amds123 data, taken by id and linked together, as ``eval_heldout.score_arxiv`` does.
    """
    sys.path.insert(0, str(ROOT / "bench"))
    from eval_heldout import link_arxiv, link_seeds

    if all(str(g.pid).isdigit() for g in gold):
        return link_seeds(catalog)
    return link_arxiv(gold, catalog)


def row(name: str, r: Report) -> dict:
    return {"pair": name, "papers": r.papers, "link_p": r.links.precision, "link_r": r.links.recall,
            "link_f1": r.links.f1, "rel_agree": r.relation_accuracy, "rel_n": r.relation_total,
            "rel_correct": r.relation_correct, "kappa": kappa(r.confusion), "intro_p": r.introduced.precision,
            "intro_r": r.introduced.recall, "intro_f1": r.introduced.f1, "confusion": r.confusion}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("a", nargs="?", default=str(GOLD / "heldout-seeds.jsonl"), help="reference gold (annotator 1)")
    parser.add_argument("b", nargs="?", default=str(GOLD / "agreement-seeds-even.jsonl"), help="second annotation")
    parser.add_argument("--half", choices=("odd", "even"), default="even", help="pid half to compare (default even)")
    parser.add_argument("--all", action="store_true", help="compare every common paper, ignore --half")
    parser.add_argument("--linker", action="store_true",
                        help="also link the papers with relwork (seed gold: examples/hf-papers/*.txt; arXiv gold: "
                             "its records of the arxiv-amds123 data, by id) and score it against A and against B")
    parser.add_argument("--catalog", default=None, help="extra catalog file (as eval_heldout.py)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N disagreements of A vs B")
    parser.add_argument("--json", action="store_true", help="print all numbers as JSON")
    args = parser.parse_args(argv)
    half = None if args.all else args.half
    try:
        catalog = load_catalog(args.catalog)
        gold_a, gold_b = read_gold(args.a), read_gold(args.b)
        common = {normalize_title(g.title) for g in gold_a} & {normalize_title(g.title) for g in gold_b}
        gold_a, gold_b = restrict(gold_a, common, half), restrict(gold_b, common, half)
        reports = {"A1 vs A2": evaluate(gold_a, gold_as_linked(gold_b), catalog)}
        if args.linker:
            linked = link_for(gold_a, catalog)  # same linking (and settle_paper) as the held-out bench
            reports["linker vs A1"] = evaluate(gold_a, linked, catalog)
            reports["linker vs A2"] = evaluate(gold_b, linked, catalog)
    except RelworkError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    rows = [row(name, r) for name, r in reports.items()]
    if args.json:
        out = {"a": args.a, "b": args.b, "half": half, "rows": rows}
        if args.errors:
            out["errors"] = reports["A1 vs A2"].errors[: args.errors]
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return 0
    print(f"A1 = {args.a}\nA2 = {args.b}\nhalf = {half or 'all'}; first name of each pair = reference\n")
    print(f"{'pair':<14} {'papers':>6} {'link P':>7} {'link R':>7} {'link F1':>7} {'rel agree':>15} {'kappa':>6}"
          f" {'intro P':>7} {'intro R':>7} {'intro F1':>8}")
    for r in rows:
        rel = f"{r['rel_agree']:.3f} ({r['rel_correct']}/{r['rel_n']})"
        print(f"{r['pair']:<14} {r['papers']:>6} {r['link_p']:>7.3f} {r['link_r']:>7.3f} {r['link_f1']:>7.3f} {rel:>15}"
              f" {r['kappa']:>6.3f} {r['intro_p']:>7.3f} {r['intro_r']:>7.3f} {r['intro_f1']:>8.3f}")
    for r in rows:
        print(f"\nrelation confusion, {r['pair']} (rows: reference, cols: other)")
        for want, got in r["confusion"].items():
            print(f"  {want:<22} " + ", ".join(f"{k}: {v}" for k, v in sorted(got.items())))
    if args.errors:
        print("\ndisagreements A1 vs A2 (missed = only A1, spurious = only A2):")
        for e in reports["A1 vs A2"].errors[: args.errors]:
            what = e.get("method") or e.get("name")
            extra = f" A1={e['gold']} A2={e['predicted']}" if e["type"] == "relation" else ""
            print(f"  pid {e['pid']:>3} {e['type']:<20} {what}{extra}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
