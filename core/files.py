"""Writing output files safely: a file is replaced only when everything was written."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from relwork.core.errors import ExportError


@contextmanager
def replaced_on_success(path: Path, what: str = "cannot write") -> Iterator[Path]:
    """The path to write instead of ``path``: the hidden ``.NAME.partial`` next to it, renamed to ``path`` only
    when the block succeeds, and removed when it fails or is interrupted (Ctrl-C, SIGTERM), so a good file is
    never replaced by half a file. Only a killed process (SIGKILL, power loss) leaves the ``.partial``; the next
    write to the same path replaces it. Missing parent folders are created; a folder or an unwritable place is
    an ExportError naming the path (``what``: the message's verb)."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path}: {what}: Is a directory")
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"{path}: {what}: {exc.strerror or exc}") from exc
    try:
        yield partial
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


@contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text handle for ``path`` that replaces the file only when the block succeeds
    (``replaced_on_success``): a failed or interrupted run never leaves an empty or half-written file where a good
    one was."""
    with replaced_on_success(path) as partial:
        try:
            handle = partial.open("w", encoding="utf-8")
        except OSError as exc:
            raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc
        with handle:
            yield handle
