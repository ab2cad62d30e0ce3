"""What a link run holds for the corpus names (issue 7), structure by structure, in bytes a paper.

    python bench/bench_link_memory.py 100000 200000            # generated corpora (bench/corpus.py)
    python bench/bench_link_memory.py 20000 --corpus c.jsonl   # the first 20,000 records of a file

For each size it runs ``link_files``' first pass in this process (introduced-name detection, batch by
batch), feeds the pass-1 collector as ``link_files`` does, and measures:

* what pass 1 holds at its end (the Linker's table it fills: keys and names, readings; definition counts);
* the traced peak (``tracemalloc``) from the first batch fed until the second-pass Linker is built, and
  what is still traced once it is built (both read before anything else is measured);
* what that Linker holds for the corpus: its packed readings, the matcher's pattern and target lists, and
  its known keys.

Sizes are deep sizes (``sys.getsizeof`` over everything reachable) of the objects not reachable from the
compiled catalog, which every run holds anyway. The traced sizes include relwork's bounded caches, emptied
before the first batch. The matcher's automaton is native memory, outside both measures
(``bench/run.py --memory-sizes`` measures whole-process PSS). Detection is the slow part: with
``--pass1 FILE`` its output is written to FILE, and read from it when FILE exists, so that two versions of
the collector can be compared on the same names in seconds.
"""

from __future__ import annotations

import argparse
import functools
import gc
import pickle
import sys
import tracemalloc
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from relwork.linker.catalog import load_catalog  # noqa: E402
from relwork.linker.compiled import compiled_catalog  # noqa: E402
from relwork.linker.pipeline import Linker, _CorpusNames, _introduce_batch  # noqa: E402
from relwork.loaders import iter_papers  # noqa: E402

BATCH = 500  # link_files' default batch size


def _detected(path: Path, n: int, catalog, compiled) -> list[tuple[list, list]]:
    """(pairs, definitions) of each batch of pass 1 over the first ``n`` records of ``path``."""
    detector = Linker(catalog, compile=False, compiled=compiled)
    papers = islice(iter_papers(path), n)
    out = []
    while batch := list(islice(papers, BATCH)):
        _, pairs, definitions = _introduce_batch(detector, batch)
        out.append((pairs, definitions))
    return out


def _pass1(path: Path, n: int, cache: Path | None, catalog, compiled) -> bytes:
    """Pass 1's output, pickled (``--pass1``: read from / written to ``cache``)."""
    if cache is not None and cache.exists():
        return cache.read_bytes()
    blob = pickle.dumps(_detected(path, n, catalog, compiled), protocol=pickle.HIGHEST_PROTOCOL)
    if cache is not None:
        cache.write_bytes(blob)
    return blob


def _reachable(*roots: object) -> set[int]:
    """Ids of every object reachable from ``roots``."""
    seen: set[int] = set()
    stack = list(roots)
    while stack:
        obj = stack.pop()
        if id(obj) in seen:
            continue
        seen.add(id(obj))
        stack.extend(gc.get_referents(obj))
    return seen


def deep_size(obj: object, shared: set[int]) -> int:
    """Bytes of ``obj`` and everything it reaches, less the objects in ``shared`` (ids), each counted once;
    types and modules are not counted."""
    seen: set[int] = set()
    stack, total = [obj], 0
    while stack:
        item = stack.pop()
        if id(item) in seen or id(item) in shared or isinstance(item, (type, type(sys))):
            continue
        seen.add(id(item))
        total += sys.getsizeof(item)
        stack.extend(gc.get_referents(item))
    return total


def relwork_caches() -> list:
    """relwork's ``functools.lru_cache`` functions (``alias_key`` and the like), as loaded in this process."""
    return [obj for obj in gc.get_objects()
            if isinstance(obj, functools._lru_cache_wrapper) and getattr(obj, "__module__", "").startswith("relwork")]


def _clear_caches() -> None:
    """Empty relwork's bounded function caches: what they hold depends on what ran before (a catalog compiled
    in this process fills them), and the traced sizes should not."""
    for cache in relwork_caches():
        cache.cache_clear()


def measure(path: Path, n: int, cache: Path | None) -> dict[str, float]:
    """Bytes a paper of each structure, for the first ``n`` records of ``path``."""
    catalog = load_catalog(None)
    compiled = compiled_catalog(catalog)
    shared = _reachable(catalog, compiled, compiled.keys)
    batches = pickle.loads(_pass1(path, n, cache, catalog, compiled))
    _clear_caches()
    gc.collect()
    tracemalloc.start()
    names = _CorpusNames(compiled.keys)
    for pairs, definitions in batches:  # as link_files feeds it; each batch is freed once fed
        for paper_id, intros in pairs:
            names.add(paper_id, intros)
        names.define(definitions)
    del batches, pairs, definitions
    gc.collect()
    fed_peak = tracemalloc.get_traced_memory()[1]  # deep_size's sets of ids below are traced: not counted
    out = {
        "pass 1: keys and names (claims)": deep_size(names._table.claims, shared),
        "pass 1: definition counts": deep_size(names.definitions, shared),
        "pass 1: readings": deep_size(names._table.readings, shared),
        "pass 1 end (traced)": tracemalloc.get_traced_memory()[0],
    }
    tracemalloc.reset_peak()
    linker = Linker(catalog, corpus_names=names.table(), compiled=compiled)
    del names
    gc.collect()
    # read before anything is measured: the catalog-only Linker and deep_size's sets of ids below are traced too
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    matcher = linker.matcher
    bare = Linker(catalog, compiled=compiled)
    catalog_only = deep_size(bare.matcher._keys, shared) + deep_size(bare.matcher._targets, shared)
    out.update({
        "pass 2: readings": deep_size(linker._readings, shared),
        "pass 2: matcher patterns and targets": deep_size(matcher._keys, shared) + deep_size(matcher._targets, shared)
        + deep_size(matcher._tailed, shared) - catalog_only - deep_size(bare.matcher._tailed, shared),
        "pass 2: known keys": deep_size(linker.known, shared) - deep_size(bare.known, shared),
    })
    out["peak to the built Linker (traced)"] = max(fed_peak, peak)
    out["held with the built Linker (traced)"] = current
    return {name: size / n for name, size in out.items()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="+", help="corpus sizes (records)")
    parser.add_argument("--corpus", type=Path, help="records to read (default: a generated corpus of each size)")
    parser.add_argument("--pass1", type=Path, help="cache of pass 1's output: FILE.<size>.pickle")
    args = parser.parse_args(argv)
    rows: dict[str, list[float]] = {}
    for n in args.sizes:
        if args.corpus is None:
            import run  # bench/run.py: its cached generated corpora

            path = run.corpus(n)
        else:
            path = args.corpus
        cache = args.pass1.with_name(f"{args.pass1.name}.{n}.pickle") if args.pass1 else None
        for name, value in measure(path, n, cache).items():
            rows.setdefault(name, []).append(value)
    print("| structure | " + " | ".join(f"{n:,} papers" for n in args.sizes) + " |")
    print("|---|" + "---|" * len(args.sizes))
    for name, values in rows.items():
        print(f"| {name} | " + " | ".join(f"{v:,.1f}" for v in values) + " |")
    print("(bytes a paper)")


if __name__ == "__main__":
    main()
