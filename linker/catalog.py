"""The method catalog: a packaged data file of named methods and datasets, plus users' own entries.

The built-in catalog is every ``data/catalog-*.jsonl`` file in this package, one JSON object a line:

    {"name": "BERT", "kind": "method", "area": "nlp", "year": 2018,
     "aliases": ["Bidirectional Encoder Representations from Transformers"],
     "paper": {"arxiv": "1810.04805", "title": "BERT: Pre-training of Deep Bidirectional ..."},
     "parents": ["Transformer"], "ambiguous": false}

``name`` is the canonical name and is kept apart from its aliases. ``kind`` is 'method' or 'dataset'.
``ambiguous`` (a JSON boolean) marks names that are also common words or other things (Adam, CLIP, OPT): they
match only in their exact written case. ``context`` words gate any entry, ambiguous or not: it links only in a
paper holding one of them (the plain FBP needs 'tomograph', 'CT', ...; case-insensitive unless ambiguous).
No name or alias may be one character or an English function word (``data/stopwords.json``).
``alias_context`` does the same for single aliases of an otherwise plain entry: {"NIC": ["captioning"]} makes
the short alias NIC of Show and Tell exact-case and needing 'captioning' in the paper. An empty list frees an
alias of its entry's ``context`` words: {"PNASNet": []} links PNASNet in any paper, while the ambiguous
PNAS still needs 'architecture search' or 'NAS' (such an alias is exact-case too).
``listed`` names words that are the entry only as an item of a list of other linked methods, written exactly so:
GoogLeNet's "Inception" links in "ResNet-101 and Inception", never in "Inception modules" or "Inception Score".
A user's ``--catalog FILE`` in the same format adds entries or replaces built-in ones of the same name.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator

from rapidfuzz import fuzz

from relwork.core.errors import CatalogError
from relwork.core.records import normalize_arxiv_id, normalize_title, title_head

KINDS = ("method", "dataset")
_FIELDS = {
    "name", "kind", "area", "aliases", "year", "paper", "parents", "ambiguous", "context", "alias_context", "listed",
    "note",
}


@dataclass
class CatalogEntry:
    """One named method or dataset."""

    name: str
    kind: str = "method"
    area: str = ""
    aliases: list[str] = field(default_factory=list)
    year: int | None = None
    paper: dict | None = None  # {"arxiv": "1810.04805", "title": "..."}
    parents: list[str] = field(default_factory=list)
    ambiguous: bool = False
    context: list[str] = field(default_factory=list)
    alias_context: dict[str, list[str]] = field(default_factory=dict)  # alias -> its own context words
    listed: list[str] = field(default_factory=list)  # words that name it only in a list of linked methods
    note: str = ""
    where: str = field(default="", compare=False, repr=False)  # 'file:line' it was read from, for errors

    @property
    def surfaces(self) -> list[str]:
        """The canonical name followed by its aliases."""
        return [self.name, *self.aliases]

    def is_introduced_by(self, arxiv_id: str | None, title: str | None) -> bool:
        """Whether the paper with this arXiv id and title is the entry's introducing paper.

        The one rule the linker (which names a paper introduces) and the graph (whose node a name is) share:
        the same arXiv id, or the same title up to small differences, or with a subtitle added or dropped
        (catalog titles are curated by hand; extended versions add subtitles)."""
        known = self.paper or {}
        arxiv = normalize_arxiv_id(known.get("arxiv"))
        if arxiv and arxiv == normalize_arxiv_id(arxiv_id):
            return True
        return _same_paper_title(known.get("title") or "", title or "")


@dataclass
class Catalog:
    """Entries by canonical name, in file order."""

    entries: dict[str, CatalogEntry] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[CatalogEntry]:
        return iter(self.entries.values())

    def __contains__(self, name: str) -> bool:
        return name in self.entries

    def get(self, name: str) -> CatalogEntry | None:
        return self.entries.get(name)

    def add(self, entry: CatalogEntry) -> None:
        """Add or replace (by canonical name) one entry."""
        self.entries[entry.name] = entry

    def __repr__(self) -> str:
        """Counts and files, not the ~2 MB of entries a notebook cell would print."""
        kinds = Counter(entry.kind for entry in self)
        builtin = {path.name for path in builtin_files()}  # by name: a cached catalog may come from another checkout
        paths = dict.fromkeys(Path(entry.where.rpartition(":")[0]) for entry in self if entry.where)
        files = dict.fromkeys("built-in" if p.name in builtin and p.parent.parts[-2:] == ("linker", "data") else p.name
                              for p in paths)
        counts = ", ".join(f"{n} {kind}s" for kind, n in sorted(kinds.items(), key=lambda kv: -kv[1]))
        return f"Catalog({len(self)} entries: {counts or 'none'}" + (f"; files: {', '.join(files)})" if files else ")")


def _same_paper_title(a: str, b: str) -> bool:
    """Raw titles ``a`` and ``b`` name the same paper: equal up to a few typos (same number of words), or
    one is the other's main title with a subtitle after ':' or a dash. A longer title that merely starts
    with a famous one ("Attention Is All You Need in Speech Separation") is another paper."""
    x, y = normalize_title(a), normalize_title(b)
    if not (x and y):
        return False
    if x == y or (len(x.split()) == len(y.split()) and fuzz.ratio(x, y) >= 90):
        return True
    shorter, longer = (x, b) if len(x) <= len(y) else (y, a)
    return any(normalize_title(longer[: cut.start()]) == shorter for cut in _SUBTITLE.finditer(longer))


def is_version_title(entry: CatalogEntry, title: str) -> bool:
    """Whether a paper titled ``title`` may be another version of ``entry``'s introducing paper (a journal
    extension: 'Deep Back-Projection Networks for Single Image Super-resolution' of 'Deep Back-Projection Networks
    For Super-Resolution'). The titles are compared past the entry's own names, which any paper using the method
    may put in its title: the paper's title names the method, and the catalog title's other content words (at
    least two: 'super resolution') are (nearly) all among the paper title's other words (token-set ratio >= 90).
    A catalog title that is only the method's name ('Long Short-Term Memory', 'Deep Canonical Correlation
    Analysis') never matches."""
    own = {word for surface in entry.surfaces for word in normalize_title(surface).split()}
    skip = own | stopwords()
    known = [w for w in normalize_title((entry.paper or {}).get("title") or "").split() if w not in skip]
    if len(known) < 2:
        return False
    words = normalize_title(title).split()
    if own.isdisjoint(words):
        return False  # the title does not name the method ('Attention Is All You Need in Speech Separation')
    other = [w for w in words if w not in skip]
    return bool(other) and fuzz.token_set_ratio(" ".join(known), " ".join(other)) >= 90


_SUBTITLE = re.compile(r"\s*[:\u2014]\s*|\s+[-\u2013]{1,2}\s+")
_TITLE_KEY_WORDS = 3


class OriginIndex:
    """Catalog entries by their introducing paper, for finding the entries a paper introduces.

    Candidates come from the arXiv id and from the first words of the normalised title (a near-identical
    title or one with a subtitle shares them); ``CatalogEntry.is_introduced_by`` decides."""

    def __init__(self, entries: Iterable[CatalogEntry]):
        self._arxiv: dict[str, list[tuple[int, CatalogEntry]]] = {}
        self._title: dict[str, list[tuple[int, CatalogEntry]]] = {}
        for position, entry in enumerate(entries):
            paper = entry.paper or {}
            arxiv = normalize_arxiv_id(paper.get("arxiv"))
            if arxiv:
                self._arxiv.setdefault(arxiv, []).append((position, entry))
            words = normalize_title(paper.get("title") or "").split()
            if words:
                self._title.setdefault(" ".join(words[:_TITLE_KEY_WORDS]), []).append((position, entry))
        # first words of the keys: most papers' titles start with none of them and need no further lookup
        self._first = {key.split(" ", 1)[0] for key in self._title}

    def entries_for(self, arxiv_id: str | None, title: str | None) -> list[CatalogEntry]:
        """The entries whose introducing paper has this arXiv id or this title, in catalog order."""
        arxiv = normalize_arxiv_id(arxiv_id) if arxiv_id else None
        candidates = dict(self._arxiv.get(arxiv, ())) if arxiv else {}
        words = title_head(title or "", _TITLE_KEY_WORDS)
        if words[0] in self._first:  # the title keys are its first one, two and three words
            for n in range(1, len(words) + 1):
                candidates.update(self._title.get(" ".join(words[:n]), ()))
        if not candidates:
            return []
        return [entry for _, entry in sorted(candidates.items(), key=lambda item: item[0])
                if entry.is_introduced_by(arxiv_id, title)]


def parse_entry(data: object, where: str) -> CatalogEntry:
    """Validate one decoded JSON object; ``where`` ('file:line') goes into every error message."""
    if not isinstance(data, dict):
        raise CatalogError(f"{where}: expected a JSON object, got {type(data).__name__}")
    unknown = set(data) - _FIELDS
    if unknown:
        raise CatalogError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    name = data.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogError(f"{where}: 'name' must be a non-empty string")
    kind = data.get("kind", "method")
    if kind not in KINDS:
        raise CatalogError(f"{where}: {name}: 'kind' must be one of {', '.join(KINDS)}, got {kind!r}")
    for key in ("aliases", "parents", "context", "listed"):
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise CatalogError(f"{where}: {name}: '{key}' must be a list of non-empty strings")
    alias_context = data.get("alias_context", {})
    if not isinstance(alias_context, dict) or not all(
        a in data.get("aliases", []) and isinstance(w, list) and all(isinstance(x, str) and x.strip() for x in w)
        and (w or data.get("context"))
        for a, w in alias_context.items()
    ):
        raise CatalogError(f"{where}: {name}: 'alias_context' must map aliases to lists of non-empty strings "
                           "(an empty list only in an entry with 'context' words)")
    ambiguous = data.get("ambiguous", False)
    if not isinstance(ambiguous, bool):
        raise CatalogError(f"{where}: {name}: 'ambiguous' must be true or false, got {ambiguous!r}")
    for surface in [name, *data.get("aliases", [])]:
        _check_surface(surface.strip(), ambiguous or surface in alias_context, f"{where}: {name}")
    year = data.get("year")
    if year is not None and (not isinstance(year, int) or not 1900 <= year <= 2100):
        raise CatalogError(f"{where}: {name}: 'year' must be an integer year, got {year!r}")
    paper = data.get("paper")
    if paper is not None:
        if not isinstance(paper, dict) or not isinstance(paper.get("title", ""), str):
            raise CatalogError(f"{where}: {name}: 'paper' must be an object with 'arxiv' and/or 'title'")
        arxiv = paper.get("arxiv")
        if arxiv is not None and normalize_arxiv_id(arxiv) != arxiv:
            raise CatalogError(f"{where}: {name}: invalid arXiv id {arxiv!r} (expected e.g. '1810.04805')")
    return CatalogEntry(
        name=name.strip(),
        kind=kind,
        area=data.get("area", ""),
        aliases=[a.strip() for a in data.get("aliases", [])],
        year=year,
        paper=paper,
        parents=list(data.get("parents", [])),
        ambiguous=ambiguous,
        context=list(data.get("context", [])),
        alias_context={a.strip(): list(w) for a, w in alias_context.items()},
        listed=[a.strip() for a in data.get("listed", [])],
        note=data.get("note", ""),
        where=where,
    )


STOPWORDS_FILE = "stopwords.json"


def packaged_json(filename: str, default=None):
    """The JSON of the packaged data file ``linker/data/<filename>``, or ``default`` when the file is absent."""
    path = resources.files("relwork.linker").joinpath("data", filename)
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else default


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """English function words no catalog surface may be (``data/stopwords.json``)."""
    return frozenset(packaged_json(STOPWORDS_FILE)["words"])


def _check_surface(surface: str, exact: bool, where: str) -> None:
    """Refuse a name or alias that would link in nearly every abstract: one character ('A'), or an English
    function word ('the', 'We'). A function word the entry matches only as written and in capitals stays
    valid: the built-in HER (Hindsight Experience Replay) is ambiguous, so 'her' and 'Her' never link it."""
    if len(surface) < 2:
        raise CatalogError(f"{where}: name or alias {surface!r} is shorter than 2 characters (it would link everywhere)")
    if surface.casefold() in stopwords() and not (exact and surface.isupper()):
        raise CatalogError(
            f"{where}: name or alias {surface!r} is an English function word (it would link in nearly every "
            "abstract); only an exact-case surface in capitals (\"ambiguous\": true, like HER) may be one"
        )


def parse_catalog(lines: Iterable[str], source: str) -> Iterator[CatalogEntry]:
    """Entries from JSON Lines text; blank lines and lines starting with '#' are ignored."""
    for number, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CatalogError(f"{source}:{number}: invalid JSON: {exc.msg}") from exc
        yield parse_entry(data, f"{source}:{number}")


_BUILTIN_FILE = re.compile(r"catalog-.*\.jsonl")


def builtin_files() -> list[Path]:
    """The packaged catalog files, sorted by name."""
    folder = resources.files("relwork.linker") / "data"
    return sorted(Path(str(p)) for p in folder.iterdir() if _BUILTIN_FILE.fullmatch(p.name))


def read_catalog(path: str | Path) -> list[CatalogEntry]:
    """Entries of one catalog file."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8") as handle:
            return list(parse_catalog(handle, str(path)))
    except FileNotFoundError:
        raise CatalogError(f"{path}: catalog file not found") from None
    except UnicodeDecodeError as exc:
        raise CatalogError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:  # a directory, no permission
        raise CatalogError(f"{path}: cannot read the catalog: {exc.strerror or exc}") from exc


NO_CATALOG = "none"  # ``--catalog none`` (every command taking --catalog): the built-in catalog only


def load_catalog(
    extra: str | Path | Iterable[str | Path] | None = None, *, builtin: bool = True, cache: bool = True
) -> Catalog:
    """The built-in catalog, then each ``extra`` file adding or overriding entries by name (``'none'``,
    ``NO_CATALOG``, is no file: ``--catalog none`` asks for the built-in catalog alone).

    With ``cache`` the parsed catalog comes, compiled, from the disk cache when the same files were loaded
    before (``relwork.linker.compiled``: keyed by the files' bytes and relwork's code, never stale).

    Raises CatalogError for a duplicate name inside one file, an alias claimed by two entries, or a
    parent that names no entry.
    """
    files = builtin_files() if builtin else []
    n_builtin = len(files)  # listed once: listing the package folder per entry cost 0.1 s per load
    if extra is not None and str(extra) == NO_CATALOG:
        extra = None
    if extra is not None:
        files += [Path(extra)] if isinstance(extra, (str, Path)) else [Path(p) for p in extra]
    if cache:
        from relwork.linker.compiled import cached_load  # compiled.py builds on this module

        return cached_load(files, n_builtin, lambda: _load_files(files, n_builtin))
    return _load_files(files, n_builtin)


def _load_files(files: list[Path], n_builtin: int) -> Catalog:
    """Parse and validate catalog files; the first ``n_builtin`` are the built-in ones."""
    catalog = Catalog()
    builtin_names: set[str] = set()
    for number, path in enumerate(files):
        seen: dict[str, str] = {}
        for entry in read_catalog(path):
            is_builtin = number < n_builtin
            if entry.name in seen or (is_builtin and entry.name in builtin_names):
                first = seen.get(entry.name) or catalog.entries[entry.name].where
                raise CatalogError(f"{entry.where}: duplicate entry {entry.name!r} (first at {first})")
            seen[entry.name] = entry.where
            if is_builtin:
                builtin_names.add(entry.name)
            catalog.add(entry)
    validate(catalog)
    return catalog


_KEY_DROP = re.compile(r"[\s\-\u2010-\u2015_]+")
# what _KEY_DROP matches among ASCII characters (the whitespace, '-' and '_'): an ASCII key drops them with
# bytes.translate, ~40% of the instructions of the regex substitution
_KEY_DROP_ASCII = b" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f-_"


@functools.lru_cache(maxsize=1 << 12)
def alias_key(surface: str) -> str:
    """Case-, space-, hyphen- and dash-insensitive key of a surface form ('Flash-Attention' -> 'flashattention').

    Memoised (bounded): the linker keys the same names (catalog aliases, a paper's acronyms and candidate
    names) some 45 times per paper, and most calls repeat a surface of the same or a recent paper: 4,096
    entries (~0.75 MB full) keep 93.8% of the calls hits on 20,000 bench abstracts, against 93.9% for 16,384
    (~3 MB full, which a long run fills: memory that grew with the corpus); a miss costs ~1 us.
    """
    folded = surface.casefold()
    if folded.isascii():
        return folded.encode("ascii").translate(None, _KEY_DROP_ASCII).decode("ascii")
    return _KEY_DROP.sub("", folded)


def validate(catalog: Catalog) -> None:
    """Check cross-entry consistency: no surface key claimed twice, every parent exists, and no entry is its
    own ancestor (a cycle would make the graph's DERIVED_FROM edges loop). Errors name the file and line."""
    owner: dict[tuple[str, bool], CatalogEntry] = {}
    for entry in catalog:
        for surface in entry.surfaces:
            exact = entry.ambiguous or surface in entry.alias_context
            key = (surface if exact else alias_key(surface), exact)
            other = owner.setdefault(key, entry)
            if other.name != entry.name:
                raise CatalogError(f"{_at(entry)}alias {surface!r} is claimed by both {other.name!r} ({other.where}) "
                                   f"and {entry.name!r}")
        for parent in entry.parents:
            if parent not in catalog:
                raise CatalogError(f"{_at(entry)}{entry.name!r}: parent {parent!r} is not in the catalog")
    _check_acyclic(catalog)


def _at(entry: CatalogEntry) -> str:
    return f"{entry.where}: " if entry.where else ""


def _check_acyclic(catalog: Catalog) -> None:
    """Raise CatalogError when an entry is its own ancestor through ``parents`` (depth-first, iterative:
    parent chains may be long); the error names the entry whose parent closes the loop."""
    state: dict[str, int] = {}  # 1: on the current path, 2: checked
    for start in catalog:
        if start.name in state:
            continue
        path, pending = [start.name], [iter(start.parents)]
        state[start.name] = 1
        while path:
            parent = next(pending[-1], None)
            if parent is None:
                state[path.pop()] = 2
                pending.pop()
            elif state.get(parent) == 1:
                entry = catalog.entries[path[-1]]
                loop = path[path.index(parent):] + [parent]
                what = f"{entry.name!r} is its own parent" if len(loop) == 2 else "parents form a cycle: " + " -> ".join(loop)
                raise CatalogError(f"{_at(entry)}{what}")
            elif parent not in state:
                state[parent] = 1
                path.append(parent)
                pending.append(iter(catalog.entries[parent].parents))
