"""relwork's cache folder: where it is, which of its files may be read, and how a file is replaced."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Callable


def cache_dir() -> Path | None:
    """Where relwork caches what it derives (compiled catalogs, compiled patterns), or None when
    ``RELWORK_CACHE=off``: ``RELWORK_CACHE``, else ``$XDG_CACHE_HOME/relwork`` or ``~/.cache/relwork``."""
    configured = os.environ.get("RELWORK_CACHE")
    if configured is not None:
        return None if configured.strip().lower() in ("", "off", "0", "no", "false") else Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "relwork"


def owned(handle: BinaryIO) -> bool:
    """Whether an open cache file may be loaded: this user wrote it and nobody else can change it."""
    info = os.fstat(handle.fileno())
    return not hasattr(os, "getuid") or (info.st_uid == os.getuid() and not info.st_mode & 0o022)


def write_atomic(folder: Path, path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Write a cache file with ``write(handle)``, atomically (a reader sees the old file or the whole new one).
    Raises OSError (or what ``write`` raises) with no partial file left behind."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name.split('-')[0]}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
