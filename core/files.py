"""Writing output files safely: a file is replaced only when everything was written."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, TextIO

from relwork.core.errors import ExportError


@contextmanager
def atomic_text(path: Path) -> Iterator[TextIO]:
    """A UTF-8 text handle for ``path`` that replaces the file only when the block succeeds: a failed or
    interrupted run never leaves an empty or half-written file where a good one was. Missing parent folders are
    created; a folder or an unwritable place is an ExportError naming the path."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path}: cannot write: Is a directory")
    partial = path.with_name(f".{path.name}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = partial.open("w", encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    try:
        with handle:
            yield handle
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
