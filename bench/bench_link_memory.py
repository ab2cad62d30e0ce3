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

``--timeline`` measures the whole process instead: each size runs ``link_files`` (as ``relwork -q link``,
1 worker unless ``--workers``) in a child process while this one samples the child tree's RSS and PSS
every ``--interval`` seconds (50 ms) and its exact peak RSS (``VmHWM``, which no sample can miss). The
child marks its phases (catalog load, pass 1, the pass-2 linker build with each automaton build inside it,
pass 2) and reads glibc's ``mallinfo2`` at each mark (bytes in the heap, in use, free; ``mmap`` blocks):
the table says which phase sets the peak and whether what it holds is live objects or freed heap.

    python bench/bench_link_memory.py --timeline 2000 100000               # generated corpora
    python bench/bench_link_memory.py --timeline 100000 --csv rss.csv      # every sample, for a plot
"""

from __future__ import annotations

import argparse
import ctypes
import functools
import gc
import json
import os
import pickle
import subprocess
import sys
import tempfile
import time
import tracemalloc
import types
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


class _MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]


def malloc_state() -> dict[str, int] | None:
    """glibc's heap in bytes (``mallinfo2``: ``heap`` obtained with brk, ``used`` and ``free`` in it, ``mmap``
    blocks) and Python's small-object arenas (``pymalloc``, mapped apart from malloc); None off glibc."""
    try:
        info = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):  # not glibc, or glibc < 2.33
        return None
    info.restype = _MallInfo2
    got = info()
    return {"heap": got.arena, "used": got.uordblks, "free": got.fordblks, "mmap": got.hblkhd,
            "pymalloc": _pymalloc_arenas()}


def _pymalloc_arenas() -> int:
    """Bytes of pymalloc's arenas now allocated (``sys._debugmallocstats``, which writes to file descriptor 2)."""
    with tempfile.TemporaryFile() as capture:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(capture.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        capture.seek(0)
        for line in capture.read().decode().splitlines():
            if line.startswith("# arenas allocated current"):
                arenas = int(line.split("=")[1].replace(",", ""))
                return arenas * (1 << 20 if sys.version_info >= (3, 10) else 1 << 18)
    return 0


def _status(pid: int, field: str) -> int:
    """A memory field of /proc/PID/status (``VmRSS``, ``VmHWM``) in bytes; 0 when the process is gone."""
    try:
        with open(f"/proc/{pid}/status", "rb") as handle:
            for line in handle:
                if line.startswith(field.encode() + b":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def marked_link(path: Path, output: Path, marks: Path, workers: int) -> None:
    """``--timeline``'s child: ``link_files`` over ``path`` as ``relwork -q link`` runs it, appending a line per
    phase start to ``marks``: [time, phase, this process's RSS and peak RSS, its malloc state]. The phases are found by
    wrapping the pipeline's functions between them; an automaton built inside a phase is a phase of its own."""
    import ahocorasick_rs

    from relwork.linker import matcher, pipeline

    log = open(marks, "w", buffering=1)
    phase = ["start"]

    def mark(label: str) -> None:
        phase[0] = label
        pid = os.getpid()
        log.write(json.dumps([time.time(), label, _status(pid, "VmRSS"), _status(pid, "VmHWM"), malloc_state()]) + "\n")

    def wrapped(function, label):
        @functools.wraps(function)
        def run(*args, **kwargs):
            mark(label)
            return function(*args, **kwargs)
        return run

    def first_pass(*args, **kwargs):
        mark("pass 1")
        yield from original_first_pass(*args, **kwargs)
        mark("linker build")

    def automaton(patterns, *args, **kwargs):
        outer, count = phase[0], [0]

        def counted():
            for pattern in patterns:
                count[0] += 1
                yield pattern

        mark(f"automaton ({outer})")
        built = ahocorasick_rs.AhoCorasick(counted(), *args, **kwargs)
        mark(f"{outer}, after an automaton of {count[0]:,} patterns")
        return built

    original_first_pass = pipeline._first_pass
    pipeline._first_pass = first_pass
    pipeline.compiled_catalog = wrapped(pipeline.compiled_catalog, "catalog compile")
    write_linked = pipeline._write_linked
    pipeline._write_linked = wrapped(write_linked, "pass 2")
    matcher.ahocorasick_rs = types.SimpleNamespace(AhoCorasick=automaton)
    mark("catalog load")
    pipeline.link_files([path], output, workers=workers)
    mark("end")


def timeline(path: Path, n: int, workers: int, interval: float) -> tuple[list[dict], list[tuple]]:
    """Run ``marked_link`` over ``path`` in a child process, sampling it; (phases, samples). A sample is
    (time, RSS summed over the child tree, PSS summed, the child's VmHWM)."""
    import psutil
    import run  # bench/run.py: its PSS reader and the environment of its measured runs

    with tempfile.TemporaryDirectory(prefix="relwork-timeline-") as tmp:
        marks, output = Path(tmp) / "marks.jsonl", Path(tmp) / "out.jsonl"
        cmd = [sys.executable, __file__, "--timeline-child", str(path), str(output), str(marks), str(workers)]
        child = psutil.Popen(cmd, env=run.child_env())
        samples = []
        while child.poll() is None:
            try:
                tree = [child, *child.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in tree if p.is_running())
                pss = sum(run._pss(p.pid) for p in tree)
                if rss:  # 0: the child has exited between poll() and here
                    samples.append((time.time(), rss, pss, _status(child.pid, "VmHWM")))
            except psutil.Error:
                pass
            time.sleep(interval)
        if child.returncode not in (0, 2):
            raise SystemExit(f"{' '.join(cmd)} failed ({child.returncode})")
        rows = [json.loads(line) for line in marks.read_text().splitlines()]
    phases = []
    for i, (start, label, rss, _, heap) in enumerate(rows[:-1]):
        end, hwm = rows[i + 1][0], rows[i + 1][3]
        inside = [s for s in samples if start <= s[0] < end]
        phases.append({
            "phase": label, "start s": start - rows[0][0], "seconds": end - start, "RSS at start": rss,
            "peak RSS (tree, sampled)": max((s[1] for s in inside), default=0),
            "peak PSS (tree, sampled)": max((s[2] for s in inside), default=0),
            "VmHWM by its end": hwm,
            "malloc heap / used / free, mmap at start": heap,
        })
    phases.append({"phase": "end", "start s": rows[-1][0] - rows[0][0], "RSS at start": rows[-1][2],
                   "malloc heap / used / free, mmap at start": rows[-1][4],
                   "VmHWM by its end": max([rows[-1][3], *(s[3] for s in samples)]),
                   "peak RSS (tree, sampled)": max((s[1] for s in samples), default=0),
                   "peak PSS (tree, sampled)": max((s[2] for s in samples), default=0)})
    return phases, samples


def _print_timeline(n: int, phases: list[dict]) -> None:
    mb = lambda b: f"{b / 1e6:,.1f}"  # noqa: E731
    print(f"\n{n:,} papers: RSS/PSS in MB (the last row: the whole run)")
    print("| phase | start s | RSS at start | peak RSS | peak PSS | VmHWM by its end "
          "| malloc heap / used / free / mmap at start | pymalloc arenas |")
    print("|---|---:|---:|---:|---:|---:|---|---:|")
    for row in phases:
        heap = row["malloc heap / used / free, mmap at start"]
        malloc = " / ".join(mb(heap[k]) for k in ("heap", "used", "free", "mmap")) if heap else "-"
        print(f"| {row['phase']} | {row['start s']:.1f} | {mb(row['RSS at start'])} | "
              f"{mb(row['peak RSS (tree, sampled)'])} | {mb(row['peak PSS (tree, sampled)'])} | "
              f"{mb(row['VmHWM by its end'])} | {malloc} | {mb(heap['pymalloc']) if heap else '-'} |")


def _records(n: int, corpus: Path | None, tmp: Path) -> Path:
    """A file of ``n`` records: a generated corpus (bench/run.py's cache), or the first ``n`` lines of ``corpus``."""
    if corpus is None:
        import run  # bench/run.py: its cached generated corpora

        return run.corpus(n)
    path = tmp / f"first-{n}.jsonl"
    with open(corpus, "rb") as source, open(path, "wb") as sink:
        sink.writelines(islice(source, n))
    return path


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--timeline-child"]:
        path, output, marks, workers = argv[1:]
        marked_link(Path(path), Path(output), Path(marks), int(workers))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", type=int, nargs="+", help="corpus sizes (records)")
    parser.add_argument("--corpus", type=Path, help="records to read (default: a generated corpus of each size)")
    parser.add_argument("--pass1", type=Path, help="cache of pass 1's output: FILE.<size>.pickle")
    parser.add_argument("--timeline", action="store_true", help="whole-process RSS/PSS phase by phase (see above)")
    parser.add_argument("--workers", type=int, default=1, help="--timeline: link_files' workers")
    parser.add_argument("--interval", type=float, default=0.05, help="--timeline: seconds between samples")
    parser.add_argument("--csv", type=Path, help="--timeline: write every sample to FILE.<size>.csv")
    args = parser.parse_args(argv)
    if args.timeline:
        with tempfile.TemporaryDirectory(prefix="relwork-records-") as tmp:
            for n in args.sizes:
                phases, samples = timeline(_records(n, args.corpus, Path(tmp)), n, args.workers, args.interval)
                _print_timeline(n, phases)
                if args.csv:
                    with open(args.csv.with_name(f"{args.csv.name}.{n}.csv"), "w") as sink:
                        sink.write("seconds,rss,pss,vmhwm\n")
                        sink.writelines(f"{t - samples[0][0]:.3f},{r},{p},{h}\n" for t, r, p, h in samples)
        return
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
