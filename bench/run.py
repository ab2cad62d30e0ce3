"""The whole performance benchmark in one command; prints a Markdown table.

    python bench/run.py                       # defaults: link 100k, build 20k and 200k, workers 1 and 2
    python bench/run.py --link-size 20000 --build-sizes 2000,20000

Measures, on corpora scaled from real abstracts by ``bench/corpus.py`` (cached in ~/.cache/relwork/bench):
- ``relwork link`` end to end (read JSON Lines, link with the full catalog incl. introduced names,
  relation typing and fuzzy fallback, write JSON Lines): abstracts/s and peak RSS, with 1 and N workers;
- the same corpus through a spaCy blank-tokenizer + PhraseMatcher baseline with the same catalog surfaces
  (matching only), and relwork's speed-up over it;
- peak RSS of ``relwork link`` at two corpus sizes (it must not grow with the corpus);
- ``relwork build`` wall time and peak RSS at several sizes.
Every relwork measurement runs the real command in a subprocess; peak RSS is sampled over the whole
process tree (workers included) every 20 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("RELWORK_CACHE", Path.home() / ".cache" / "relwork")) / "bench"
sys.path.insert(0, str(ROOT / "bench"))


def corpus(n: int) -> Path:
    """A cached corpus of ``n`` generated records."""
    from corpus import generate  # bench/corpus.py

    path = CACHE / f"corpus-{n}.jsonl"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("w", encoding="utf-8") as out:
            for record in generate(n):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        tmp.rename(path)
    return path


def measure(cmd: list[str]) -> tuple[float, float]:
    """Run ``cmd``; return (wall seconds, peak RSS of the process tree in MB)."""
    start = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 2):  # 2: some records skipped, still a full run
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.read().decode()[-2000:]}")
    return wall, peak / 1e6


def relwork(*args: str) -> list[str]:
    return [sys.executable, "-m", "relwork", "--quiet", *args]


def spacy_baseline(path: Path) -> tuple[float, int]:
    """Abstracts/s of spaCy's PhraseMatcher (blank English tokenizer, LOWER attr) over ``path``."""
    import spacy
    from spacy.matcher import PhraseMatcher

    from relwork.linker import load_catalog

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for entry in load_catalog():
        matcher.add(entry.name, list(nlp.tokenizer.pipe(entry.surfaces)))
    start = time.perf_counter()
    n = matches = 0
    with path.open(encoding="utf-8") as handle:
        texts = (r["title"] + "\n" + r["abstract"] for r in map(json.loads, handle))
        for doc in nlp.tokenizer.pipe(texts, batch_size=1000):
            matches += len(matcher(doc))
            n += 1
    return n / (time.perf_counter() - start), matches


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="relwork performance benchmark")
    parser.add_argument("--link-size", type=int, default=100_000)
    parser.add_argument("--memory-sizes", default="20000,200000", help="corpus sizes for the link peak-RSS check")
    parser.add_argument("--build-sizes", default="20000,200000")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--skip-spacy", action="store_true")
    args = parser.parse_args(argv)
    out = Path(os.environ.get("TMPDIR", "/tmp")) / "relwork-bench.jsonl"
    rows: list[tuple[str, str]] = [("machine", f"{os.cpu_count()} cores, Python {sys.version.split()[0]}")]

    def report(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"{name}: {value}", file=sys.stderr, flush=True)

    link_corpus = corpus(args.link_size)
    speeds = {}
    for workers in sorted({1, args.workers}):
        wall, rss = measure(relwork("link", str(link_corpus), "-o", str(out), "--workers", str(workers)))
        speeds[workers] = args.link_size / wall
        report(f"link {args.link_size:,} abstracts, {workers} worker(s)", f"{speeds[workers]:,.0f} abstracts/s, peak RSS {rss:,.0f} MB")
    if args.workers > 1:
        report(f"worker scaling 1 -> {args.workers}", f"{speeds[args.workers] / speeds[1]:.2f}x")
    if not args.skip_spacy:
        rate, _ = spacy_baseline(link_corpus)
        report("spaCy PhraseMatcher baseline (matching only, 1 core)", f"{rate:,.0f} abstracts/s")
        report("relwork link (1 worker, end to end) / spaCy", f"{speeds[1] / rate:.2f}x")
    for n in [int(s) for s in args.memory_sizes.split(",") if s]:
        wall, rss = measure(relwork("link", str(corpus(n)), "-o", str(out)))
        report(f"link peak RSS at {n:,} abstracts", f"{rss:,.0f} MB ({n / wall:,.0f} abstracts/s)")
    for n in [int(s) for s in args.build_sizes.split(",") if s]:
        graph = Path(os.environ.get("TMPDIR", "/tmp")) / f"relwork-bench-{n}.json.gz"
        wall, rss = measure(relwork("build", str(corpus(n)), "-o", str(graph)))
        report(f"build {n:,} papers", f"{wall:,.1f} s, peak RSS {rss:,.0f} MB")
    print("| measurement | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
