"""`relwork link --workers N` never waits forever: a worker that dies ends the run with an error naming it,
Ctrl-C stops every worker, and the workers end with their parent (``core/workers.py``).

The command-line tests run `python -m relwork` in a child process and act on its real worker processes. A
run that does not end within ``ENDS_WITHIN`` seconds is a hang (the failure these tests pin down), not a
speed target: the runs take seconds.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from relwork.core.workers import WorkerError, worker_pool
from relwork.linker.pipeline import _ordered_map

ENDS_WITHIN = 600  # seconds; far above the few seconds a run takes, even on a loaded machine
linux_only = pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads worker processes from /proc")


@pytest.fixture(scope="module")
def papers_file(tmp_path_factory, seed_papers) -> Path:
    """The seed papers twenty times over as JSON Lines (4,000 records): pass 1 and pass 2 each keep two workers
    busy for seconds, so a signal sent half a second after the first worker appears lands mid-task."""
    path = tmp_path_factory.mktemp("workers") / "papers.jsonl"
    lines = [json.dumps({"title": p.title, "abstract": p.abstract, "year": p.year}) for p in seed_papers]
    path.write_text("\n".join(lines * 20) + "\n", encoding="utf-8")
    return path


def _foreground_signals() -> None:
    """In the child before exec: Ctrl-C's default action, as a terminal's foreground job has it. A test run
    started in the background of a non-interactive shell (`bash .ci/run &`) inherits SIGINT ignored, and a
    Python started with SIGINT ignored keeps ignoring it: the Ctrl-C test would then link to the end (exit 0)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _link(papers: Path, output: Path) -> subprocess.Popen:
    """`relwork link PAPERS --workers 2 -o OUTPUT` in a child process of its own session (as a shell job)."""
    return subprocess.Popen(
        [sys.executable, "-m", "relwork", "link", str(papers), "--workers", "2", "-o", str(output)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, preexec_fn=_foreground_signals,
    )


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:  # the process has ended
        return []


def _first_workers(run: subprocess.Popen) -> list[int]:
    """The two worker processes of ``run``, as soon as both have started."""
    while len(workers := _children(run.pid)) < 2:
        assert run.poll() is None, "the run ended before any worker started: " + run.stderr.read().decode()
        time.sleep(0.005)
    return workers


def _finished(run: subprocess.Popen) -> tuple[int, str]:
    """(exit status, stderr) of ``run``; a run still going after ENDS_WITHIN seconds is killed and fails."""
    try:
        _, stderr = run.communicate(timeout=ENDS_WITHIN)
    except subprocess.TimeoutExpired:
        os.killpg(run.pid, signal.SIGKILL)
        run.communicate()
        pytest.fail(f"relwork link --workers 2 still running {ENDS_WITHIN} s after the signal: it hangs")
    return run.returncode, stderr.decode()


def _running(pids: list[int]) -> list[int]:
    """The processes of ``pids`` that still run (not ended, not a zombie), after waiting up to 30 s."""
    deadline = time.monotonic() + 30
    while True:
        alive = []
        for pid in pids:
            try:
                state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
            except OSError:
                continue
            if state != "Z":
                alive.append(pid)
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


def test_ordered_map_raises_worker_error_naming_the_worker_a_signal_killed():
    """A task whose worker is killed (here it sends itself SIGKILL) has no result: WorkerError names the worker
    and the signal instead of waiting for the result forever."""
    with worker_pool(2, multiprocessing.get_context()) as pool:
        with pytest.raises(WorkerError, match=r"^worker process \d+ was killed by SIGKILL .*the run is stopped$"):
            list(_ordered_map(pool, signal.raise_signal, [signal.SIGKILL], 2))
    assert WorkerError("").exit_code == 6


@linux_only
def test_link_ends_with_an_error_naming_a_worker_killed_mid_run(papers_file, tmp_path):
    output = tmp_path / "linked.jsonl"
    run = _link(papers_file, output)
    victim = _first_workers(run)[0]
    time.sleep(0.5)  # the worker is linking
    os.kill(victim, signal.SIGKILL)  # as the out-of-memory killer does
    status, stderr = _finished(run)
    assert status == 6
    assert stderr.startswith(f"Error: worker process {victim} was killed by SIGKILL"), stderr
    assert stderr.rstrip().endswith("before returning its batch; the run is stopped")
    assert not output.exists()  # -o is written only by a run that succeeds


@linux_only
def test_link_ctrl_c_stops_every_worker_without_tracebacks(papers_file, tmp_path):
    run = _link(papers_file, tmp_path / "linked.jsonl")
    workers = _first_workers(run)
    time.sleep(0.5)  # the workers are linking
    os.killpg(run.pid, signal.SIGINT)  # a terminal's Ctrl-C reaches the whole process group
    status, stderr = _finished(run)
    assert (status, stderr) == (130, "Interrupted.\n")
    assert _running(workers) == []


@linux_only
def test_workers_end_when_the_link_process_is_killed(papers_file, tmp_path):
    run = _link(papers_file, tmp_path / "linked.jsonl")
    workers = _first_workers(run)
    run.kill()
    run.communicate()
    assert _running(workers) == []  # none is left waiting for tasks forever
