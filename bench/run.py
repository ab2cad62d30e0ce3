"""The whole performance benchmark (issue 7) in one command; prints a Markdown table.

    python bench/run.py --quick               # a few minutes: link 5k, RSS at 2k/10k, build 2k/10k
    python bench/run.py                       # link 100k, RSS at 20k/200k, build 20k/200k (long)
    python bench/run.py --link-size 20000 --memory-sizes 2000,20000 --build-sizes 2000,20000 --json out.json

Measures, on corpora scaled from real abstracts by ``bench/corpus.py`` (cached in ~/.cache/relwork/bench,
keyed by size, seed and the generator's source, so a changed generator never reuses a stale corpus):

- ``relwork link`` end to end (read JSON Lines, two passes, link with the full catalog incl. introduced
  names, relation typing, fuzzy and uncatalogued fallbacks, write JSON Lines): abstracts/s by wall clock
  and per CPU second, peak memory, with 1 and N workers; the output is checked to hold one line per record;
  besides the wall-clock scaling, the scaling N idle cores would give, from CPU seconds (the 1-worker CPU
  over the fixed cost plus the rest of the N-worker CPU shared by N cores);
- the fixed cost of one ``relwork link`` run (start-up, catalog, automaton) from a 20-record run, and the
  marginal rate without it; also for a first run, before the compiled catalog is cached;
- the same corpus through a spaCy blank-tokenizer + PhraseMatcher baseline with the same catalog surfaces
  (matching only, reading included), and relwork's speed-up over it;
- peak memory of ``relwork link`` at several corpus sizes (it must not grow with the corpus);
- ``relwork build`` wall time, CPU time and peak memory at several sizes.

Each relwork measurement runs the real command in a subprocess, with bytecode caching on (``child_env``) as
for an installed package. The speed runs are only timed; in the
memory and build runs memory is sampled over the whole process tree (every 20 ms at first, slowing to
every 250 ms in long runs): RSS summed (an upper bound: forked workers share pages) and PSS summed (each shared page
split between the processes sharing it; the fair total). CPU seconds are the children's rusage (user +
system), so on a busy machine the per-CPU-second rates stay comparable while wall rates drop.
The targets of issue 7 are checked at the end (PASS/FAIL/not measured).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
# RELWORK_CACHE names relwork's cache folder ('off' turns relwork's catalog cache off, not this one)
_CACHE_SETTING = os.environ.get("RELWORK_CACHE", "").strip()
CACHE = (Path(_CACHE_SETTING) if _CACHE_SETTING.lower() not in ("", "off", "0", "no", "false")
         else Path.home() / ".cache" / "relwork") / "bench"
TMP = Path(os.environ.get("TMPDIR", tempfile.gettempdir()))
sys.path.insert(0, str(ROOT / "bench"))

QUICK = {"link_size": 5000, "memory_sizes": "2000,10000", "build_sizes": "2000,10000"}
FULL = {"link_size": 100_000, "memory_sizes": "20000,200000", "build_sizes": "20000,200000"}
TARGETS = {"rate": 20_000, "spacy_ratio": 2.0, "scaling": 1.8, "rss_mb": 500, "build_s": 120, "build_mb": 4000}


def corpus(n: int, seed: int = 0) -> Path:
    """A cached corpus of ``n`` generated records (regenerated when bench/corpus.py changes)."""
    import corpus as generator  # bench/corpus.py

    version = hashlib.sha1(Path(generator.__file__).read_bytes()).hexdigest()[:8]
    path = CACHE / f"corpus-{n}-s{seed}-{version}.jsonl"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")  # two runs generating it at once must not share a file
        generator.write(n, tmp, seed)
        tmp.rename(path)
    return path


@dataclass
class Run:
    """One measured subprocess."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the process and all its descendants
    rss_mb: float  # peak of the summed RSS over the process tree
    pss_mb: float  # peak of the summed PSS over the process tree


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            for line in handle:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def child_env(**extra: str) -> dict[str, str]:
    """The environment of the measured runs: relwork as an installed package runs, with its bytecode cached
    (under the bench cache, not in the source tree). An environment with PYTHONDONTWRITEBYTECODE would
    otherwise compile every module from source in every run: ~0.07 s of each run's fixed cost here."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONPYCACHEPREFIX", str(CACHE / "pycache"))
    env.update(extra)
    return env


def measure(cmd: list[str], *, memory: bool = True, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd``; return its wall time, CPU time and (``memory``) peak memory (see module docstring).

    Without ``memory`` the run is only waited for: sampling PSS reads every process's page tables, which
    on a 2-core machine busy with 2 workers took 15-25% of the wall time it was measuring."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with tempfile.TemporaryFile() as errors:  # a file, not a pipe: a chatty child never blocks on it
        start = time.perf_counter()
        proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=errors, env=env or child_env())
        peak_rss = peak_pss = 0
        if not memory:
            proc.wait()
        while proc.poll() is None:
            try:
                tree = [proc, *proc.children(recursive=True)]
                rss = sum(p.memory_info().rss for p in tree if p.is_running())
                peak_rss = max(peak_rss, rss)
                peak_pss = max(peak_pss, sum(_pss(p.pid) for p in tree))
            except psutil.Error:
                pass
            # 20 ms at first, slowing to 250 ms: walking /proc costs CPU the measured run would miss
            time.sleep(min(0.25, 0.02 + (time.perf_counter() - start) / 40))
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        # (ru_maxrss is no help here: a child forked from this process inherits this process's peak)
        if proc.returncode not in (0, 2):  # 2: some records skipped, still a full run
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-2000:]
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{message}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if not peak_pss:  # no /proc/*/smaps_rollup (not Linux): fall back to RSS
        peak_pss = peak_rss
    return Run(wall, cpu, peak_rss / 1e6, peak_pss / 1e6)


def relwork(*args: str) -> list[str]:
    return [sys.executable, "-m", "relwork", "--quiet", *args]


def count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for _ in handle)


def link(path: Path, n: int, workers: int = 1, *, memory: bool = True, env: dict[str, str] | None = None) -> Run:
    """``relwork link`` over ``path``; fails unless the output holds one line per record. ``memory=False``
    for the speed runs: no sampler competes with the run for the cores."""
    out = TMP / f"relwork-bench-link-{os.getpid()}.jsonl"
    try:
        run = measure(relwork("link", str(path), "-o", str(out), "--workers", str(workers)), memory=memory, env=env)
        written = count_lines(out)
    finally:
        out.unlink(missing_ok=True)
    if written != n:
        raise SystemExit(f"relwork link wrote {written} records for {n} in {path}")
    return run


def build(path: Path, workers: int = 1) -> tuple[Run, int, int, int]:
    """``relwork build`` over ``path`` into a gzip graph: the run, the graph's node and edge counts, and
    the file's size in bytes.

    The counts come from the saved file (one node or edge per line), read after the measured run.
    """
    graph = TMP / f"relwork-bench-build-{os.getpid()}.json.gz"
    # 'relwork build --workers' exists since 8c3980b; with one worker the option is left out
    options = ["--workers", str(workers)] if workers > 1 else []
    try:
        run = measure(relwork("build", str(path), "-o", str(graph), *options))
        size = graph.stat().st_size
        nodes = edges = 0
        with gzip.open(graph, "rb") as handle:
            for line in handle:
                nodes += line.startswith(b'{"id":')
                edges += line.startswith(b'{"source":')
    finally:
        graph.unlink(missing_ok=True)
    return run, nodes, edges, size


def spacy_baseline(path: Path) -> tuple[float, float, int]:
    """(abstracts per wall second, per CPU second, matches) of spaCy's PhraseMatcher over ``path``.

    Blank English tokenizer, ``attr="LOWER"``, every catalog surface as a pattern; the timed loop reads and
    parses the JSON Lines as relwork has to. Matching only: no relations, no introduced names.
    """
    import spacy
    from spacy.matcher import PhraseMatcher

    from relwork.linker import load_catalog

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    for entry in load_catalog():
        matcher.add(entry.name, list(nlp.tokenizer.pipe(entry.surfaces)))
    start, cpu = time.perf_counter(), time.process_time()
    n = matches = 0
    with path.open(encoding="utf-8") as handle:
        texts = (r["title"] + "\n" + r["abstract"] for r in map(json.loads, handle))
        for doc in nlp.tokenizer.pipe(texts, batch_size=1000):
            matches += len(matcher(doc))
            n += 1
    return n / (time.perf_counter() - start), n / (time.process_time() - cpu), matches


def sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="relwork performance benchmark (issue 7)")
    parser.add_argument("--quick", action="store_true", help="small sizes: " + ", ".join(f"{k}={v}" for k, v in QUICK.items()))
    parser.add_argument("--link-size", type=int, help=f"records for the speed runs (default {FULL['link_size']}; 0 skips them)")
    parser.add_argument("--memory-sizes", help=f"corpus sizes for the link peak-memory check (default {FULL['memory_sizes']})")
    parser.add_argument("--build-sizes", help=f"corpus sizes for relwork build (default {FULL['build_sizes']})")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2, help="workers for the scaling run")
    parser.add_argument("--seed", type=int, default=0, help="corpus generator seed")
    parser.add_argument("--repeat", type=int, default=1, help="speed runs (1 and N workers, spaCy): best of this many")
    parser.add_argument("--build-workers", type=int, help="workers for relwork build (default: --workers)")
    parser.add_argument("--skip-spacy", action="store_true")
    parser.add_argument("--json", type=Path, help="also write all measurements to this JSON file")
    args = parser.parse_args(argv)
    preset = QUICK if args.quick else FULL
    args.build_workers = args.build_workers or args.workers
    link_size = preset["link_size"] if args.link_size is None else args.link_size  # 0: no speed runs
    # an empty list ('--build-sizes ""') skips that part
    memory_sizes = sizes(preset["memory_sizes"] if args.memory_sizes is None else args.memory_sizes)
    build_sizes = sizes(preset["build_sizes"] if args.build_sizes is None else args.build_sizes)

    machine = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, load avg {os.getloadavg()[0]:.1f} at start"
    rows: list[tuple[str, str]] = [("machine", machine)]
    results: dict = {"machine": machine, "link_size": link_size}

    def report(name: str, value: str) -> None:
        rows.append((name, value))
        print(f"{name}: {value}", file=sys.stderr, flush=True)

    link_corpus = corpus(link_size, args.seed) if link_size else None
    tiny = corpus(20, args.seed)
    link(tiny, 20, memory=False)  # warm-up: bytecode and the compiled catalog are cached from here on
    with tempfile.TemporaryDirectory() as empty:  # a first run: the catalog is parsed, compiled and cached
        cold = link(tiny, 20, memory=False, env=child_env(RELWORK_CACHE=empty))
    fixed = link(tiny, 20, memory=False)
    results["fixed"] = asdict(fixed)
    results["fixed_cold"] = asdict(cold)
    report("relwork link fixed cost (20 records: start-up, catalog, automaton)",
           f"{fixed.wall:.2f} s wall, {fixed.cpu:.2f} CPU s (first run, catalog not cached yet: {cold.cpu:.2f} CPU s)")

    results["link"] = {}
    if link_size:
        # the speed runs alternate 1 and N workers --repeat times and keep each one's fastest run: on a shared
        # machine a single pair is at the mercy of whatever else starts during one of them
        speeds: dict[int, Run] = {}
        loads: dict[int, list[float]] = {}
        for _ in range(args.repeat):
            for workers in sorted({1, args.workers}):
                loads.setdefault(workers, []).append(os.getloadavg()[0])
                run = link(link_corpus, link_size, workers, memory=False)
                if workers not in speeds or run.wall < speeds[workers].wall:
                    speeds[workers] = run
        load_note = f"best of {args.repeat}" if args.repeat > 1 else "one run"
        one = speeds[1]
        marginal = link_size / max(one.cpu - fixed.cpu, 1e-9)
        report(
            f"link {link_size:,} abstracts, 1 worker ({load_note}, load avg {', '.join(f'{x:.1f}' for x in loads[1])})",
            f"{link_size / one.wall:,.0f} abstracts/s wall, {link_size / one.cpu:,.0f} per CPU s "
            f"({marginal:,.0f} without the fixed cost)",
        )
        if args.workers > 1:
            run = speeds[args.workers]
            report(
                f"link {link_size:,} abstracts, {args.workers} workers ({load_note}, load avg "
                f"{', '.join(f'{x:.1f}' for x in loads[args.workers])})",
                f"{link_size / run.wall:,.0f} abstracts/s wall, {link_size / run.cpu:,.0f} per CPU s",
            )
            results["scaling"] = one.wall / run.wall
            report(f"worker scaling 1 -> {args.workers} (wall clock)", f"{results['scaling']:.2f}x")
            # on a shared machine wall clock says more about the neighbours than about relwork: what N idle
            # cores would give, from CPU seconds, the fixed cost counted as serial
            results["scaling_cpu"] = one.cpu / (fixed.cpu + max(run.cpu - fixed.cpu, 0.0) / args.workers)
            report(f"worker scaling 1 -> {args.workers} on idle cores (from CPU seconds, fixed cost serial)",
                   f"{results['scaling_cpu']:.2f}x")
        if not args.skip_spacy:
            best = max((spacy_baseline(link_corpus) for _ in range(args.repeat)), key=lambda r: r[0])
            rate, cpu_rate, matches = best
            results["spacy"] = {"wall_rate": rate, "cpu_rate": cpu_rate, "matches": matches}
            report(f"spaCy PhraseMatcher baseline (matching only, 1 core, {load_note})",
                   f"{rate:,.0f} abstracts/s wall, {cpu_rate:,.0f} per CPU s")
            results["spacy_ratio"] = (link_size / one.wall) / rate
            report(
                "relwork link (1 worker, end to end) / spaCy",
                f"{results['spacy_ratio']:.2f}x by wall clock, {(link_size / one.cpu) / cpu_rate:.2f}x per CPU s",
            )
        results["link"] = {str(w): asdict(r) for w, r in speeds.items()}

    results["memory"] = {}
    for n in memory_sizes:
        run = link(corpus(n, args.seed), n)
        results["memory"][str(n)] = asdict(run)
        report(f"link peak memory at {n:,} abstracts (1 worker)", f"RSS {run.rss_mb:,.0f} MB, PSS {run.pss_mb:,.0f} MB ({n / run.wall:,.0f} abstracts/s wall)")

    results["build"] = {}
    for n in build_sizes:
        load = os.getloadavg()[0]
        run, nodes, edges, size = build(corpus(n, args.seed), args.build_workers)
        results["build"][str(n)] = asdict(run) | {"nodes": nodes, "edges": edges, "gz_mb": size / 1e6}
        report(f"build {n:,} papers, {args.build_workers} worker(s) (load avg {load:.1f})",
               f"{run.wall:,.1f} s wall, {run.cpu:,.1f} CPU s, peak RSS {run.rss_mb:,.0f} MB; "
               f"graph {nodes:,} nodes, {edges:,} edges, {size / 1e6:,.1f} MB gzipped")

    print("| measurement | result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")
    print("\n| issue 7 target | status |\n|---|---|")
    for name, status in check_targets(results, link_size).items():
        print(f"| {name} | {status} |")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


def check_targets(results: dict, link_size: int) -> dict[str, str]:
    """PASS / FAIL for each target of issue 7 that this run measured."""

    def verdict(ok: bool, detail: str) -> str:
        return f"{'PASS' if ok else 'FAIL'} ({detail})"

    out: dict[str, str] = {}
    if "1" in results["link"]:
        rate = link_size / results["link"]["1"]["wall"]
        out[f"link >= {TARGETS['rate']:,} abstracts/s, 1 core"] = verdict(rate >= TARGETS["rate"], f"{rate:,.0f}/s")
    if "spacy_ratio" in results:
        ratio = results["spacy_ratio"]
        out[f">= {TARGETS['spacy_ratio']}x spaCy PhraseMatcher"] = verdict(ratio >= TARGETS["spacy_ratio"], f"{ratio:.2f}x")
    if "scaling" in results:
        out[f">= {TARGETS['scaling']}x with 2 workers"] = verdict(results["scaling"] >= TARGETS["scaling"], f"{results['scaling']:.2f}x")
    memory = results["memory"]
    if memory:
        peaks = {int(n): r["pss_mb"] for n, r in memory.items()}
        worst = max(peaks.values())
        small, large = peaks[min(peaks)], peaks[max(peaks)]
        growth = f"PSS {small:,.0f} MB at {min(peaks):,} -> {large:,.0f} MB at {max(peaks):,}"
        out[f"link peak memory < {TARGETS['rss_mb']} MB"] = verdict(worst < TARGETS["rss_mb"], growth)
        if len(peaks) > 1:
            out["link peak memory independent of corpus size (< 25% growth)"] = verdict(large <= small * 1.25, growth)
    builds = {int(n): r for n, r in results["build"].items()}
    if 200_000 in builds:
        run = builds[200_000]
        ok = run["wall"] < TARGETS["build_s"] and run["rss_mb"] < TARGETS["build_mb"]
        out["build 200k papers < 2 min and < 4 GB"] = verdict(ok, f"{run['wall']:.0f} s, {run['rss_mb']:,.0f} MB")
    elif len(builds) == 1:
        n = max(builds)
        out["build 200k papers < 2 min and < 4 GB"] = f"not measured (one size only, {n:,}; give two to extrapolate)"
    elif builds:
        # extrapolate linearly from the two largest sizes (the marginal cost per paper, without start-up)
        sizes_done = sorted(builds)
        n2 = sizes_done[-1]
        n1 = sizes_done[-2] if len(sizes_done) > 1 else 0
        base = builds[n1] if n1 else {"wall": 0.0, "rss_mb": 0.0}
        slope_t = (builds[n2]["wall"] - base["wall"]) / (n2 - n1)
        slope_m = (builds[n2]["rss_mb"] - base["rss_mb"]) / (n2 - n1)
        t = builds[n2]["wall"] + slope_t * (200_000 - n2)
        m = builds[n2]["rss_mb"] + slope_m * (200_000 - n2)
        out["build 200k papers < 2 min and < 4 GB"] = (
            f"not measured (at {n2:,}: {builds[n2]['wall']:.1f} s, {builds[n2]['rss_mb']:,.0f} MB; "
            f"linear extrapolation to 200k: ~{t:,.0f} s, ~{m:,.0f} MB)"
        )
    return out


if __name__ == "__main__":
    main()
