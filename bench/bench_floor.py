"""The floor under ``relwork link``: what the parts every design of the output contract needs cost per paper.

    python bench/bench_floor.py                 # 5,000 generated records (bench/corpus.py), best of 3
    python bench/bench_floor.py corpus.jsonl -n 20000

Issue 7 asks for 20,000 abstracts per second on one core, i.e. 50 us a paper end to end. This measures, in CPU
microseconds per paper, the steps no implementation of the contract can skip, each run alone on the same
records: parsing the input line (``json.loads``), the Aho-Corasick automaton with word boundaries over title
and abstract (``Matcher.candidates``: the step the issue's table puts at ~110,000/s), splitting the abstract
into sentences (the evidence sentence of every link), and writing the output line (``_dumps`` of the real
linked paper), next to the full ``link_corpus``. If the floor alone is near or above 50 us, the target needs
these steps compiled too, not only the cue logic.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))


def _per_paper(function, n: int, repeat: int) -> float:
    """Best-of-``repeat`` CPU microseconds per paper of ``function()`` over ``n`` papers."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function()
        best = min(best, time.process_time() - start)
    return best / n * 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, help="JSON Lines records (default: generated corpus)")
    parser.add_argument("-n", type=int, default=5000, help="records to use")
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs per step")
    args = parser.parse_args(argv)

    from bench_link_profile import sample  # the same record sampling as the stage profile

    from relwork.linker import load_catalog
    from relwork.linker.matcher import Matcher
    from relwork.linker.pipeline import _dumps, link_corpus
    from relwork.linker.sentences import split_sentences
    from relwork.loaders import load_papers

    path = sample(args.corpus, args.n)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        papers = load_papers([path]).papers
    finally:
        path.unlink(missing_ok=True)
    n = len(lines)
    catalog = load_catalog()
    matcher = Matcher(catalog)
    linked = link_corpus(papers, catalog)
    rows = [
        ("parse input line (json.loads)", _per_paper(lambda: [json.loads(x) for x in lines], n, args.repeat)),
        ("automaton matching, title + abstract", _per_paper(
            lambda: [(matcher.candidates(r["title"]), matcher.candidates(r["abstract"])) for r in records], n,
            args.repeat)),
        ("sentence splitting", _per_paper(lambda: [split_sentences(r["abstract"]) for r in records], n, args.repeat)),
        ("write output line (_dumps)", _per_paper(lambda: [_dumps(p) for p in linked], n, args.repeat)),
    ]
    floor = sum(us for _, us in rows)
    full = _per_paper(lambda: link_corpus(papers, catalog), n, 1)
    print(f"{n} records; CPU microseconds per paper (best of {args.repeat}; full linking: one run)\n")
    print("| step | us / paper | papers / s |\n|---|---:|---:|")
    for label, us in itertools.chain(rows, [("**floor: the four steps above**", floor),
                                            ("full `link_corpus` (both passes, all stages)", full)]):
        print(f"| {label} | {us:,.1f} | {1e6 / us:,.0f} |")
    print(f"\nthe 20,000/s target leaves 50 us a paper; the floor takes {floor / 50:.0%} of it, "
          f"full linking {full / 50:.1f}x it")
    return 0


if __name__ == "__main__":
    sys.exit(main())
