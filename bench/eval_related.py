"""Score ``related_papers`` (``relwork paper REF``'s related work) on the judged set ``bench/related/judged.jsonl``.

    python bench/eval_related.py                                # seeds built here, cvcl3000 built from the ids
    python bench/eval_related.py --graph cvcl3000=/work/qa9/cvcl.json --graph seeds=graph.json
    python bench/eval_related.py --json scores.json

The judged set (fifteenth session, qa9 Q1): for 13 papers, every paper in the union of the top 10 of the
ranking before and of the candidate rankings tried (and the nearest papers by text alone) was judged against
the two abstracts: 1 when a reader writing the paper's related work would want it (same problem, or the
method the paper extends), 0 otherwise, with a one-line reason. A few relevant papers that no ranking reached
(the metric papers of BERTScore) are judged too. Each line: ``graph``, ``paper`` and ``other`` (graph node
ids), ``label``, ``reason``.

Graphs: ``seeds`` is ``relwork build examples/hf-papers/*.txt``; ``cvcl3000`` is the build of the 3,000 arXiv
abstracts (1,500 cs.CV + 1,500 cs.CL, random.Random(9), from the unlabelled abstracts) whose ids are in
``bench/related/cvcl3000-ids.txt``, taken from ``--unlabelled`` when no graph file is given.

Per paper: P@10 (judged relevant in the top 10 / 10), nDCG@10 (binary gains; the ideal ranks every paper
judged relevant first) and the number of unjudged papers in the top 10 (counted as not relevant: judge them
before trusting a change that brings many).
"""

from __future__ import annotations

import argparse
import json
import math
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
JUDGED = HERE / "related" / "judged.jsonl"
CVCL_IDS = HERE / "related" / "cvcl3000-ids.txt"
UNLABELLED = Path("/work/unlab/arxiv-unlabelled.jsonl")


def load_judged(path: Path = JUDGED) -> dict[tuple[str, str], dict[str, int]]:
    """(graph, paper) -> other paper -> label."""
    judged: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                row = json.loads(line)
                judged[(row["graph"], row["paper"])][row["other"]] = int(row["label"])
            except (ValueError, KeyError, TypeError) as err:
                raise SystemExit(f"{path}:{number}: not a judgment ({err})") from err
    return dict(judged)


def score(ranked: list[str], labels: dict[str, int], k: int = 10) -> dict:
    """P@k, nDCG@k (binary gains) and unjudged count of one ranking (node ids, best first)."""
    top = ranked[:k]
    gains = [labels.get(n, 0) for n in top]
    dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, sum(labels.values()))))
    return {"p10": sum(gains) / k, "ndcg10": dcg / ideal if ideal else 0.0,
            "unjudged": sum(1 for n in top if n not in labels), "relevant": sum(gains)}


def _build(name: str, unlabelled: Path):
    from relwork.graph.build import build_from_files

    if name == "seeds":
        return build_from_files(sorted(str(p) for p in (ROOT / "examples" / "hf-papers").glob("*.txt"))).graph
    if name == "cvcl3000":
        wanted = set(CVCL_IDS.read_text(encoding="utf-8").split())
        with tempfile.TemporaryDirectory() as tmp:
            subset = Path(tmp) / "cvcl3000.jsonl"
            with unlabelled.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as out:
                out.writelines(line for line in src if json.loads(line)["id"] in wanted)
            return build_from_files([str(subset)]).graph
    raise SystemExit(f"no recipe for graph {name!r}: pass --graph {name}=PATH")


def evaluate(graphs: dict, judged: dict) -> list[dict]:
    """One row per judged paper: its scores under ``related_papers`` as it is now."""
    from relwork.graph.queries import related_papers

    rows = []
    for (graph, paper), labels in sorted(judged.items()):
        G = graphs[graph]
        ranked = [r["node"] for r in related_papers(G, paper, limit=10)]
        rows.append({"graph": graph, "paper": paper, "title": G.nodes[paper].get("title", "")} | score(ranked, labels))
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--judged", type=Path, default=JUDGED)
    parser.add_argument("--graph", action="append", default=[], metavar="NAME=PATH", help="a saved graph for NAME")
    parser.add_argument("--unlabelled", type=Path, default=UNLABELLED, help="abstracts the cvcl3000 ids are taken from")
    parser.add_argument("--json", type=Path, help="write the rows here too")
    args = parser.parse_args(argv)
    from relwork.graph.io import load_graph

    judged = load_judged(args.judged)
    given = dict(item.split("=", 1) for item in args.graph)
    graphs = {name: load_graph(given[name]) if name in given else _build(name, args.unlabelled)
              for name in sorted({g for g, _ in judged})}
    rows = evaluate(graphs, judged)
    for r in rows:
        print(f"{r['graph']:9} {r['p10']:.1f} {r['ndcg10']:.3f} {r['unjudged']:2d}  {r['title'][:70]}")
    n = len(rows)
    print(f"mean over {n} papers: P@10 {sum(r['p10'] for r in rows) / n:.3f}  nDCG@10 "
          f"{sum(r['ndcg10'] for r in rows) / n:.3f}  relevant {sum(r['relevant'] for r in rows)}/{10 * n}  "
          f"unjudged {sum(r['unjudged'] for r in rows)}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
