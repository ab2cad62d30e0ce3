"""Hit rates of relwork's bounded caches at several sizes over a whole link run (issue 7: memory that must not grow
with the corpus, speed that must not drop).

    python bench/bench_link_caches.py 20000                    # a generated corpus (bench/corpus.py)
    python bench/bench_link_caches.py 5000 --corpus c.jsonl    # the first 5,000 records of a file

Runs ``link_files`` (1 worker) in this process with every bounded ``functools.lru_cache`` of relwork replaced by
a wrapper that also replays each call against least-recently-used caches of the sizes in ``--sizes`` (keys by
hash), and the fuzzy stage's set of known misses (emptied when full, as ``FuzzyIndex.find`` does) at the sizes in
``--miss-sizes``. Prints, per cache, its calls, distinct keys and the share of calls each size would answer.
The run is 2-3 times slower than a plain one; the output goes nowhere.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import tempfile
from collections import OrderedDict
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_link_memory import relwork_caches  # noqa: E402
from relwork.linker import fuzzy  # noqa: E402
from relwork.linker.matcher import normalize  # noqa: E402
from relwork.linker.pipeline import link_files  # noqa: E402
from relwork.loaders import iter_papers  # noqa: E402


class Replay:
    """Least-recently-used caches of several sizes fed the same keys."""

    def __init__(self, sizes: list[int]):
        self.caches = {size: OrderedDict() for size in sizes}
        self.hits = dict.fromkeys(sizes, 0)
        self.calls = 0
        self.distinct: set[int] = set()

    def see(self, key: int) -> None:
        self.calls += 1
        self.distinct.add(key)
        for size, cache in self.caches.items():
            if key in cache:
                cache.move_to_end(key)
                self.hits[size] += 1
            else:
                cache[key] = None
                if len(cache) > size:
                    cache.popitem(last=False)


class MissReplay:
    """The fuzzy stage's known misses at several sizes: words that would be looked up again, a field at a time."""

    def __init__(self, sizes: list[int]):
        self.sets: dict[int, set[str]] = {size: set() for size in sizes}
        self.looked_up = dict.fromkeys(sizes, 0)
        self.words = 0

    def see(self, words: set[str]) -> None:
        self.words += len(words)
        for size, known in self.sets.items():
            fresh = words - known
            self.looked_up[size] += len(fresh)
            for word in fresh:
                if len(known) > size:
                    known.clear()
                known.add(word)


def _spy(function, replay: Replay):
    @functools.wraps(function)
    def spied(*args):
        replay.see(hash(args))
        return function(*args)

    return spied


def measure(path: Path, n: int, sizes: list[int], miss_sizes: list[int]) -> tuple[dict[str, Replay], MissReplay]:
    """Replays of every bounded relwork cache and of the fuzzy misses over ``link_files`` on ``n`` records."""
    replays: dict[str, Replay] = {}
    spies = {}
    for cache in relwork_caches():
        if (cache.cache_info().maxsize or 0) > 1:  # the read-once tables (maxsize 1) are no cache of calls
            name = f"{cache.__module__}.{cache.__qualname__}"
            spies[id(cache)] = _spy(cache, replays.setdefault(name, Replay(sizes)))
    for module in [m for name, m in sys.modules.items() if name.startswith("relwork") and m is not None]:
        for attr, value in list(vars(module).items()):
            if id(value) in spies:
                setattr(module, attr, spies[id(value)])  # every module that imported it calls the spy
    misses = MissReplay(miss_sizes)
    find = fuzzy.FuzzyIndex.find

    def spied_find(self, text, taken, norm=None):
        misses.see(fuzzy.long_words(normalize(text) if norm is None else norm))
        return find(self, text, taken, norm)

    fuzzy.FuzzyIndex.find = spied_find
    handle, name = tempfile.mkstemp(suffix=".jsonl")  # the first n records
    records = Path(name)
    try:
        with path.open("rb") as source, os.fdopen(handle, "wb") as head:
            head.writelines(islice(source, n))
        with open(os.devnull, "w") as sink:
            link_files([records], sink, workers=1)
    finally:
        records.unlink(missing_ok=True)
        fuzzy.FuzzyIndex.find = find
    return {k: r for k, r in replays.items() if r.calls}, misses


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="records to link")
    parser.add_argument("--corpus", type=Path, help="records to read (default: a generated corpus of n records)")
    parser.add_argument("--sizes", default="1024,4096,16384,65536", help="cache sizes to replay (comma-separated)")
    parser.add_argument("--miss-sizes", default="8192,16384,50000", help="fuzzy known-miss set sizes to replay")
    args = parser.parse_args(argv)
    if args.corpus is None:
        import run  # bench/run.py: its cached generated corpora

        args.corpus = run.corpus(args.n)
    sizes = [int(s) for s in args.sizes.split(",")]
    miss_sizes = [int(s) for s in args.miss_sizes.split(",")]
    replays, misses = measure(args.corpus, args.n, sizes, miss_sizes)
    print("| cache | calls a paper | distinct keys | " + " | ".join(f"hits at {s:,}" for s in sizes) + " |")
    print("|---|---:|---:|" + "---:|" * len(sizes))
    for name, r in replays.items():
        print(f"| `{name.removeprefix('relwork.linker.')}` | {r.calls / args.n:,.1f} | {len(r.distinct):,} | "
              + " | ".join(f"{100 * r.hits[s] / r.calls:.1f}%" for s in sizes) + " |")
    print(f"\nfuzzy known misses: {misses.words / args.n:,.1f} long words a paper; looked up a paper: "
          + ", ".join(f"{misses.looked_up[s] / args.n:.2f} at {s:,}" for s in miss_sizes))


if __name__ == "__main__":
    main()
