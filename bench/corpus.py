"""Scale real abstracts to N benchmark records (JSON Lines in the arXiv snapshot shape).

The pool is the example corpus plus ``../shared/data/arxiv-amds123`` when present. Each generated record
is a new paper: a fresh id, a title and abstract whose sentences are drawn from different real abstracts
(so every record is distinct text and no per-abstract cache can help), and a year. Deterministic for a
given seed.

    python bench/corpus.py 200000 -o /tmp/corpus-200k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data" / "arxiv-amds123"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def real_abstracts() -> list[tuple[str, str]]:
    """(title, abstract) pairs from the example corpus and the shared arXiv sample."""
    from relwork.loaders import load_papers

    pairs = [(p.title, p.abstract) for p in load_papers(sorted((ROOT / "examples" / "hf-papers").glob("*.txt"))).papers]
    for path in sorted(SHARED.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("title") and record.get("abstract"):
                    pairs.append((record["title"], record["abstract"]))
    return pairs


def generate(n: int, seed: int = 0):
    """Yield ``n`` distinct records built from real sentences."""
    rng = random.Random(seed)
    pool = real_abstracts()
    sentences = [s for _, abstract in pool for s in _SENTENCE.split(abstract) if len(s) > 20]
    for i in range(n):
        title, abstract = pool[i % len(pool)]
        # keep the first two sentences of a real abstract (its context and cue words), then mix in others
        own = _SENTENCE.split(abstract)[:2]
        mixed = own + rng.sample(sentences, rng.randint(3, 6))
        yield {
            "id": f"{17 + (i // 99999) % 9:02d}{1 + (i // 899991) % 12:02d}.{i % 99999:05d}",
            "title": f"{title} ({i})" if i >= len(pool) else title,
            "abstract": " ".join(mixed),
            "authors": "A. Author, B. Author",
            "categories": "cs.CL cs.LG",
            "versions": [{"version": "v1", "created": "Mon, 1 Jan 2024 00:00:00 GMT"}],
            "update_date": f"{2017 + i % 9}-01-01",
        }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    with args.output.open("w", encoding="utf-8") as out:
        for record in generate(args.n, args.seed):
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"wrote {args.n} records to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
