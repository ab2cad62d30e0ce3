"""What the linker derives from a catalog alone, built once per catalog content and cached on disk.

Every ``relwork link`` run used to parse the catalog files (~45 ms) and expand every surface into the
matcher's pattern table (~110 ms) before linking its first paper: serial time that no worker shares. Two
caches take that away:

* in memory, ``compiled_catalog(catalog)`` keeps the catalog's pattern table, fuzzy index, origin index and
  surface keys by a fingerprint of the catalog's content (every entry's fields, in order). Linkers built
  from the same content share them: the first and second pass of a run, and the second pass adds the
  corpus names to a copy of the table instead of rebuilding it. A catalog changed in place gets a new
  fingerprint, so it is never served another content's table.
* on disk, ``cached_load`` (what ``load_catalog`` runs) keeps the parsed catalog with its compiled parts in
  one pickle per set of catalog files, keyed by the files' bytes, relwork's version, the Python version
  and the source of the modules that build them. A missing, corrupt, foreign-owned or unwritable cache
  file only means the catalog is parsed and compiled again; a stale one is never loaded, because any
  change to what went into it changes the key. ``RELWORK_CACHE`` names the directory (default
  ``~/.cache/relwork``, or ``$XDG_CACHE_HOME/relwork``); ``RELWORK_CACHE=off`` turns the disk cache off.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.util
from importlib import resources
import pickle
import sys
from collections import OrderedDict
from pathlib import Path
from typing import Callable

from relwork.core.diskcache import cache_dir, owned, write_atomic
from relwork.core.gctools import gc_paused
from relwork.linker.catalog import Catalog, OriginIndex, alias_key
from relwork.linker.fuzzy import FuzzyIndex
from relwork.linker.matcher import TableParts, Target, automaton_of, build_table, table_parts
from relwork.linker.used_names import DatasetEditions

CACHE_FORMAT = 4  # bump when the pickled layout changes
MAX_FILES = 8  # cache files kept in the cache directory (one per catalog file set), newest first
_MEMO_SIZE = 8  # compiled catalogs kept in memory, by content fingerprint


class CompiledCatalog:
    """A catalog's pattern table and what a matcher derives from it, fuzzy index, origin index and surface keys, and
    the tables introduced-name detection reads (entry years, entries by surface key, dataset editions); all
    but the keys and origins are built on first use (a first-pass linker needs no table or fuzzy index, a second-pass one no
    years)."""

    def __init__(self, catalog: Catalog):
        entries = list(catalog)
        self.keys = frozenset(alias_key(s) for entry in entries for s in entry.surfaces)
        self.origins = OriginIndex(entries)
        self._entries: list | None = entries
        self._table: dict[str, list[Target]] | None = None
        self._parts: TableParts | None = None
        self._fuzzy: FuzzyIndex | None = None
        self._years: tuple | None = None
        self._by_surface: dict[str, list[str]] | None = None
        self._editions: DatasetEditions | None = None
        self._dated: tuple | None = None
        self._automaton = None

    @property
    def table(self) -> dict[str, list[Target]]:
        """The matcher's patterns of the catalog entries (shared: ``Matcher`` copies it before adding)."""
        if self._table is None:
            with gc_paused():
                self._table = build_table(self._entries or [], {})
            self._release()
        return self._table

    @property
    def parts(self) -> TableParts:
        """What a matcher derives from the table besides its automaton (``matcher.table_parts``: context words,
        symbol tails): built once per catalog content and cached on disk with it, instead of by every process
        that builds a matcher (~20 ms each)."""
        if self._parts is None:
            self._parts = table_parts(self.table)
        return self._parts

    def automaton(self):
        """The automaton of the table's keys (``matcher.automaton_of``), built on first use and shared by every
        matcher on this table; not cached on disk (it is native memory, rebuilt in ~50 ms)."""
        if self._automaton is None:
            self._automaton = automaton_of(list(self.table))
        return self._automaton

    def fuzzy(self) -> FuzzyIndex:
        """A fuzzy index over the catalog, with its own cache of misses."""
        if self._fuzzy is None:
            self._fuzzy = FuzzyIndex(self._entries or [])
            self._release()
        return copy.copy(self._fuzzy)  # shares the index; __setstate__ gives the copy an empty miss cache

    @property
    def years(self) -> tuple:
        """``introduced.catalog_years`` of the catalog (~17 ms to build, for the date test of introduced names)."""
        if self._years is None:
            from relwork.linker.introduced import catalog_years

            with gc_paused():
                self._years = catalog_years(self._entries or [])
            self._release()
        return self._years

    @property
    def by_surface(self) -> dict[str, list[str]]:
        """Alias key of every surface -> the names of the entries that have it, in catalog order (~27 ms to
        build; ``Linker._redefined`` reads it when a paper defines a catalogued acronym)."""
        if self._by_surface is None:
            by_surface: dict[str, list[str]] = {}
            with gc_paused():
                for entry in self._entries or []:
                    for s in entry.surfaces:
                        by_surface.setdefault(alias_key(s), []).append(entry.name)
            self._by_surface = by_surface
            self._release()
        return self._by_surface

    @property
    def editions(self) -> DatasetEditions:
        """The catalogued datasets by surface that ``used_names`` reads editions ('Pascal VOC 2012') from
        (~6.5 ms to build, once per detecting process before it was kept here)."""
        if self._editions is None:
            self._editions = DatasetEditions(self._entries or [])
            self._release()
        return self._editions

    @property
    def dated(self) -> tuple:
        """``introduced.dated_keys`` of the keys and years: the dated keys sorted by year that the date test
        cuts at a paper's year (~8 ms to sort, once per detecting process before it was kept here)."""
        if self._dated is None:
            from relwork.linker.introduced import dated_keys

            self._dated = dated_keys(self.keys, self.years)
        return self._dated

    def _release(self) -> None:
        if None not in (self._table, self._fuzzy, self._years, self._by_surface, self._editions):
            self._entries = None  # all built: the entries are only held by the catalog

    def build_all(self) -> None:
        """Build the lazy parts too (before caching this on disk)."""
        self.table
        self.parts
        self.fuzzy()
        self.years
        self.by_surface
        self.editions
        self.dated

    def __getstate__(self) -> dict:
        self.build_all()
        return {"keys": self.keys, "origins": self.origins, "_table": self._table, "_parts": self._parts,
                "_fuzzy": self._fuzzy, "_years": self._years, "_by_surface": self._by_surface,
                "_editions": self._editions, "_dated": self._dated}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _entries=None, _automaton=None)


def fingerprint(catalog: Catalog) -> bytes:
    """A digest of the catalog's content: every entry's fields, in catalog order (~7 ms for 4,800 entries)."""
    return hashlib.sha1(pickle.dumps([entry.__dict__ for entry in catalog], protocol=pickle.HIGHEST_PROTOCOL)).digest()


_MEMO: OrderedDict[bytes, CompiledCatalog] = OrderedDict()


def compiled_catalog(catalog: Catalog) -> CompiledCatalog:
    """The compiled parts of ``catalog``, shared by every linker built from the same content."""
    key = fingerprint(catalog)
    found = _MEMO.get(key)
    if found is None:
        found = _remember(key, CompiledCatalog(catalog))
    else:
        _MEMO.move_to_end(key)
    return found


def _remember(key: bytes, compiled: CompiledCatalog) -> CompiledCatalog:
    _MEMO[key] = compiled
    while len(_MEMO) > _MEMO_SIZE:
        _MEMO.popitem(last=False)
    return compiled


# ------------------------------------------------------------------------------------------------------
# the disk cache behind load_catalog


def _cache_key(files: list[Path], n_builtin: int) -> str:
    """Digest of everything a cached catalog depends on (raises OSError when a file cannot be read)."""
    import relwork
    from relwork.core import records
    from relwork.linker import catalog, fuzzy, matcher, used_names

    digest = hashlib.sha256()
    digest.update(f"{CACHE_FORMAT} {relwork.__version__} {sys.version} {n_builtin}".encode())
    for module in (catalog, matcher, fuzzy, used_names, records, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes())  # code changes invalidate, whatever the version says
    # ``CompiledCatalog.years`` runs introduced.py's code: its source counts too (read, not imported: ~60 ms of
    # patterns compiled for a caller that never detects introduced names)
    digest.update(Path(importlib.util.find_spec("relwork.linker.introduced").origin).read_bytes())
    digest.update(resources.files("relwork.linker").joinpath("data", matcher.SPELLING_FILE).read_bytes())
    for path in files:
        digest.update(b"\0file\0" + Path(path).read_bytes())
    return digest.hexdigest()[:40]


def cached_load(files: list[Path], n_builtin: int, load: Callable[[], Catalog]) -> Catalog:
    """``load()`` (parse and validate ``files``), through the disk cache; see the module docstring."""
    folder = cache_dir()
    if folder is None:
        return load()
    try:
        key = _cache_key(files, n_builtin)
    except OSError:
        return load()  # an unreadable file: the plain load raises the error that names it
    path = folder / f"catalog-{key}.pickle"
    with gc_paused():  # ~100,000 objects that all stay alive
        hit = _read(path, key)
        if hit is not None:
            catalog, fingerprint_, compiled = hit
            _remember(fingerprint_, compiled)
            return catalog
        catalog = load()
        compiled = compiled_catalog(catalog)
        compiled.build_all()
    _write(folder, path, (CACHE_FORMAT, key, catalog, fingerprint(catalog), compiled))
    return catalog


def _read(path: Path, key: str) -> tuple | None:
    """(catalog, fingerprint, compiled) from a cache file written for ``key``, or None."""
    try:
        with path.open("rb") as handle:
            if not owned(handle):
                return None  # only a file this user wrote and nobody else can change is unpickled
            stored = pickle.load(handle)
        form, stored_key, catalog, fingerprint_, compiled = stored
        if form != CACHE_FORMAT or stored_key != key or not isinstance(catalog, Catalog) \
                or not isinstance(compiled, CompiledCatalog):
            return None
        return catalog, fingerprint_, compiled
    except Exception:  # missing, truncated, or written by other code: rebuild
        return None


def _write(folder: Path, path: Path, data: tuple) -> None:
    """Write a cache file atomically (a reader sees the old file or the whole new one); errors are ignored."""
    try:
        write_atomic(folder, path, lambda handle: pickle.dump(data, handle, protocol=pickle.HIGHEST_PROTOCOL))
        old = sorted(folder.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[MAX_FILES:]:
            stale.unlink(missing_ok=True)
    except Exception:
        pass  # a read-only or full disk: the next run compiles again
