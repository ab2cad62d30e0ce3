"""Instructions of `relwork link` with 1 and with N workers, per process (issue 7: where a second worker's extra CPU
goes). Instruction counts do not depend on the machine's load, unlike CPU seconds.

    python bench/worker_instructions.py records.jsonl                 # 1 and 2 workers
    python bench/worker_instructions.py records.jsonl --workers 1 2 3

Runs `python -m relwork -q link FILE -o OUT --workers N` under `valgrind --tool=callgrind --trace-children=yes`
(slow: ~100x) and prints the instructions of the main process and of each worker, their sum, and the sum's
difference from the 1-worker run; the outputs of all runs must be the same bytes. Two things make a worker's
count its own: a callgrind client request zeroes the counters in each forked child (a forked process otherwise
starts with its parent's count), and the pool's workers are left to exit when the pool shuts down instead of
being killed (a SIGKILLed process writes no counts). The client request is a 3-line C file compiled here:
needs gcc and valgrind's headers (valgrind/callgrind.h). Warm the compiled-catalog cache first (one plain run
with the same RELWORK_CACHE), or the first run counts building it.
"""

from __future__ import annotations

import argparse
import filecmp
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ZERO_C = "#include <valgrind/callgrind.h>\nvoid relwork_cg_zero(void) { CALLGRIND_ZERO_STATS; }\n"

# the program valgrind runs: `relwork` with each forked child zeroing its counts and pool workers not killed
WRAPPER = """import ctypes, os, runpy, sys
os.register_at_fork(after_in_child=ctypes.CDLL({library!r}).relwork_cg_zero)
from relwork.core import workers
workers.WorkerPool.processes = property(lambda self: [])  # worker_pool kills only the processes listed here
sys.argv = ["relwork"] + sys.argv[1:]
runpy.run_module("relwork", run_name="__main__")
"""

COLLECTED = re.compile(r"^==(\d+)== Collected : (\d+)$", re.M)


def counts(records: Path, workers: int, folder: Path, wrapper: Path) -> tuple[dict[int, int], int, Path]:
    """Instructions by process id for one run, the main process's id, and the run's output file."""
    output = folder / f"out-{workers}.jsonl"
    command = ["valgrind", "--tool=callgrind", "--trace-children=yes",
               f"--callgrind-out-file={folder}/callgrind.{workers}.%p", sys.executable, str(wrapper),
               "-q", "link", str(records), "-o", str(output), "--workers", str(workers)]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    _, log = run.communicate()
    if run.returncode:
        sys.exit(f"valgrind run with {workers} workers failed ({run.returncode}):\n{log[-2000:]}")
    return {int(pid): int(n) for pid, n in COLLECTED.findall(log)}, run.pid, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("records", type=Path, help="a JSON Lines file (bench/corpus.py output)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="relwork-cg-") as tmp:
        folder = Path(tmp)
        library = folder / "zero.so"
        (folder / "zero.c").write_text(ZERO_C)
        subprocess.run(["gcc", "-O2", "-shared", "-fPIC", "-o", str(library), str(folder / "zero.c")], check=True)
        wrapper = folder / "run.py"
        wrapper.write_text(WRAPPER.format(library=str(library)))
        base, first = None, None
        for n in args.workers:
            by_pid, main_pid, output = counts(args.records, n, folder, wrapper)
            total = sum(by_pid.values())
            workers = [count for pid, count in sorted(by_pid.items()) if pid != main_pid]
            base = base if base is not None else total
            same = "same output" if first is None or filecmp.cmp(first, output, shallow=False) else "OUTPUT DIFFERS"
            first = first or output
            print(f"{n} worker(s): main {by_pid.get(main_pid, 0):,}; workers {', '.join(f'{c:,}' for c in workers) or '-'}; "
                  f"all {total:,} ({(total - base) / base:+.2%}); {same}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
