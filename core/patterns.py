"""Regular expressions compiled once per Python version, not once per process.

Importing the linker compiles ~500 regular expressions: ~0.35-0.55 CPU s of every run's start-up, in the
``re`` module's pure-Python parser and compiler, before the first paper is read. ``compiled_patterns()``
keeps what the compiler makes of each pattern (its code, flags and groups) in one file in relwork's cache
folder (``RELWORK_CACHE``), and while its block runs ``re.compile`` builds a pattern from that file's code
instead of compiling it again. A pattern so made equals the one ``re.compile`` returns (same pattern, flags
and code: ``==``). The file is keyed by the Python version, whose compiler made the code, and rewritten
whenever the block compiled a pattern it did not hold (code that changed), with only the patterns the block
used. A missing, corrupt or foreign file, a read-only cache folder, ``RELWORK_CACHE=off`` or a Python without
these compiler internals only means the patterns are compiled as usual.
"""

from __future__ import annotations

import hashlib
import marshal
import re
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import _sre

from relwork.core.diskcache import cache_dir, owned, write_atomic

_COMPILER = getattr(re, "_compiler", None)  # Python 3.11+: the compiler behind re.compile
_PARSER = getattr(re, "_parser", None)


def _parts(pattern: str, flags: int) -> tuple:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern`` besides the pattern itself:
    (flags, code, number of groups, group index, index group)."""
    parsed = _PARSER.parse(pattern, flags)
    code = _COMPILER._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # (the code's opcodes are int subclasses, which marshal does not write: plain ints, the same numbers)
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1, dict(groupindex),
            tuple(indexgroup))


def _load(path: Path) -> dict:
    try:
        with path.open("rb") as handle:
            # (marshal.load reads a file object item by item through Python calls: ~25x the instructions)
            stored = marshal.loads(handle.read()) if owned(handle) else {}
        return stored if isinstance(stored, dict) else {}
    except Exception:  # missing, truncated or not ours: compile as usual
        return {}


@contextmanager
def compiled_patterns(folder: Path | None = None) -> Iterator[None]:
    """While the block runs, ``re.compile(pattern, flags)`` of a ``str`` pattern takes the compiled code from
    the cache file in ``folder`` (default: ``cache_dir()``); see the module docstring. Meant for a block of
    imports (the linker's modules): ``re.compile`` is the usual function again after it."""
    folder = folder or cache_dir()
    if folder is None or _COMPILER is None or _PARSER is None or not hasattr(_sre, "compile"):
        yield
        return
    version = hashlib.sha256(f"{sys.version} {_sre.MAGIC} {_sre.CODESIZE}".encode()).hexdigest()[:16]
    path = folder / f"patterns-{version}.marshal"
    stored = _load(path)
    used: dict[tuple[str, int], tuple] = {}
    missed = False
    plain = re.compile

    def compile(pattern, flags=0):
        nonlocal missed
        flags = int(flags)
        if type(pattern) is not str or flags & re.DEBUG:
            return plain(pattern, flags)
        key = (pattern, flags)
        parts = stored.get(key)
        if parts is not None:
            try:
                compiled = _sre.compile(pattern, *parts)
            except Exception:  # code another build wrote: compiled afresh below
                parts = None
        if parts is None:
            try:
                parts = _parts(pattern, flags)
                compiled = _sre.compile(pattern, *parts)
            except Exception:  # a bad pattern raises re.error as usual; other internals: not cached
                return plain(pattern, flags)
            missed = True
        used[key] = parts
        return compiled

    re.compile = compile
    try:
        yield
    finally:
        re.compile = plain
    if missed:
        try:
            write_atomic(folder, path, lambda handle: marshal.dump(used, handle))
        except Exception:
            pass  # a read-only or full disk: the next run compiles again
