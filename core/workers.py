"""Worker processes that fail loudly: the process pool of ``--workers N`` runs.

``multiprocessing.Pool`` replaces a worker that dies (the kernel's out-of-memory killer, ``kill -9``, a crash)
and leaves the task it was running without a result: the caller waits for it forever, with no output and no
error. This pool (``concurrent.futures.ProcessPoolExecutor``) notices the death, and ``ordered_map`` raises
``WorkerError`` naming the worker and the signal or exit status that ended it. Workers ignore Ctrl-C: the
calling process gets the KeyboardInterrupt and ``worker_pool`` ends every worker, as it does on any error
(a closed output pipe, a bad record with --strict) and when the work is done.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator

from relwork.core.errors import RelworkError


class WorkerError(RelworkError):
    """A worker process ended before it returned its task's result; the run is stopped."""

    exit_code = 6


class WorkerPool(ProcessPoolExecutor):
    """A ProcessPoolExecutor that knows its worker processes (``processes``), to name the one that died."""

    @property
    def processes(self) -> list:
        """The worker processes (``multiprocessing.Process``); forked ones start with the first task."""
        return list((getattr(self, "_processes", None) or {}).values())

    def death(self) -> str:
        """Which worker ended and how, for ``WorkerError``. The pool ends the other workers with SIGTERM once
        one has died, so a worker ended otherwise is named first."""
        processes = self.processes
        self.shutdown(wait=True)  # the pool is broken: this waits until its thread has ended and reaped them all
        ended = [p for p in processes if p.exitcode is not None]
        for process in sorted(ended, key=lambda p: p.exitcode == -signal.SIGTERM):
            code = process.exitcode
            if code < 0:
                try:
                    how = f"was killed by {signal.Signals(-code).name}"
                except ValueError:
                    how = f"was killed by signal {-code}"
                if code == -signal.SIGKILL:
                    how += " (the kernel's out-of-memory killer sends it: see dmesg)"
            else:
                how = f"exited with status {code}"
            return f"worker process {process.pid} {how}"
        return "a worker process ended"


def _started(parent: int | None, initializer: Callable | None, initargs: tuple) -> None:
    """In each worker: Ctrl-C is the calling process's to handle (a terminal sends it to the whole process
    group: workers that took it would print tracebacks and die one by one); SIGTERM ends the worker even
    when the caller had a handler for it; the worker ends with its ``parent`` process (``_end_with``)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _end_with(parent)
    if initializer is not None:
        initializer(*initargs)


def _end_with(parent: int | None) -> None:
    """Linux: have the kernel kill this worker when ``parent`` dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``), and
    exit now if it already has. A worker whose parent was killed (``kill -9``, the out-of-memory killer)
    would otherwise wait for its next task forever, holding its memory. Elsewhere, or for a worker that a
    fork server started (its parent is that server): nothing."""
    if parent is None:
        return
    try:
        prctl = ctypes.CDLL(None).prctl
    except (OSError, AttributeError, TypeError):  # not Linux, or no C library handle
        return
    prctl.argtypes, prctl.restype = [ctypes.c_int, ctypes.c_ulong], ctypes.c_int
    prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(1)


@contextmanager
def worker_pool(workers: int, context, initializer: Callable | None = None, initargs: tuple = ()) -> Iterator[WorkerPool]:
    """A pool of ``workers`` processes started by ``context`` (a multiprocessing context), each running
    ``initializer(*initargs)`` first. When the block ends, however it ends, every worker is killed (the
    results it was asked for are in, or no longer wanted), so closing never waits on a worker.

    Standard output and error are flushed first: a forked worker inherits their buffers, and a worker that
    exits by itself (its initializer failed) flushes them on its way out, writing their contents a second time.
    """
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError, OSError):  # None, closed, or a reader that went away
            pass
    parent = None if context.get_start_method() == "forkserver" else os.getpid()
    pool = WorkerPool(workers, mp_context=context, initializer=_started,
                      initargs=(parent, initializer, initargs))
    try:
        yield pool
    finally:
        for process in pool.processes:
            process.kill()
        pool.shutdown(wait=True, cancel_futures=True)


def ordered_map(pool: WorkerPool, function: Callable, batches: Iterable, window: int) -> Iterator:
    """``function(batch)`` for each batch on ``pool``, results in input order, at most ``window`` batches
    in flight (``Executor.map`` would read its whole input ahead: the corpus in memory). A worker that dies
    raises WorkerError instead of leaving its result to be waited for forever."""
    pending: deque = deque()
    try:
        for batch in batches:
            pending.append(pool.submit(function, batch))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    except BrokenProcessPool:
        raise WorkerError(f"{pool.death()} before returning its batch; the run is stopped") from None
