"""The loader registry: every format by name, format detection, and ``iter_papers`` for one file.

Adding a format is one module with a ``read(text) -> Iterator[Paper | Problem]`` generator and one entry
in ``LOADERS``, plus a rule in ``detect_format`` if it can be recognised from its content.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from relwork.core.errors import InputError
from relwork.core.records import Paper
from relwork.loaders import arxiv, bibtex, hf_daily, jsonrecords, medline, openalex, ris, s2, wos
from relwork.loaders._json import is_json_lines_file
from relwork.loaders.base import SPOOL_PREFIX, LineChunk, Problem, TextFile, display_name, read_head


@dataclass(frozen=True)
class Loader:
    """A registered input format."""

    name: str
    read: Callable[[TextFile], Iterator[Paper | Problem]]
    description: str


LOADERS: dict[str, Loader] = {
    loader.name: loader
    for loader in (
        Loader("hf-daily", hf_daily.read_hf_daily, "Hugging Face daily-papers listing text (title/abstract line pairs)"),
        Loader("json", jsonrecords.read_json, "generic JSON array / JSON Lines records (title, abstract, ...)"),
        Loader("csv", jsonrecords.read_csv, "generic CSV/TSV with a header row (title, abstract, ...)"),
        Loader("arxiv", arxiv.read_snapshot, "arXiv metadata snapshot (Kaggle), JSON Lines"),
        Loader("arxiv-atom", arxiv.read_atom, "arXiv API Atom XML response"),
        Loader("s2", s2.read_s2, "Semantic Scholar Graph API pages {\"data\": [...]} or JSON Lines"),
        Loader("openalex", openalex.read_openalex, "OpenAlex works, JSON Lines or API pages {\"results\": [...]}"),
        Loader("bibtex", bibtex.read_bibtex, "BibTeX (Zotero / Mendeley / JabRef exports with abstracts)"),
        Loader("ris", ris.read_ris, "RIS (Zotero / Mendeley / EndNote / Web of Science / Scopus / PubMed exports)"),
        Loader("medline", medline.read_medline, "MEDLINE / PubMed format (.nbib: PubMed 'Save -> PubMed format')"),
        Loader("wos", wos.read_wos, "Web of Science plain text export (savedrecs.txt)"),
    )
}


# other names users type for the same formats
ALIASES = {
    "jsonl": "json",
    "ndjson": "json",
    "csl": "json",  # CSL-JSON (Zotero 'Export -> CSL JSON') is generic JSON with CSL's date objects
    "csl-json": "json",
    "tsv": "csv",
    "bib": "bibtex",
    "atom": "arxiv-atom",
    "semantic-scholar": "s2",
    "semanticscholar": "s2",
    "hf": "hf-daily",
    "nbib": "medline",
    "pubmed": "medline",
    "web-of-science": "wos",
}


def known_formats() -> str:
    return ", ".join(sorted(LOADERS))


def get_loader(name: str) -> Loader:
    """The loader registered as ``name``; InputError naming the known formats otherwise."""
    key = name.strip().lower()
    loader = LOADERS.get(ALIASES.get(key, key))
    if loader is None:
        raise InputError(f"unknown format '{name}'; known formats: {known_formats()}")
    return loader


_RIS_START = re.compile(r"TY  -(?:[ \t]|\r?$)", re.M)
_MEDLINE_START = re.compile(r"PMID- ?\d")
# 'FN Clarivate Analytics Web of Science' then 'VR 1.0'; or a record's 'PT J' followed by a field line
_WOS_START = re.compile(r"FN [^\r\n]*\r?\nVR |PT [A-Z]{1,2}\r?\n[A-Z][A-Z0-9] ")
_BIB_ENTRY = re.compile(r"^\s*@\s*[A-Za-z]+\s*[{(]", re.M)
_TITLE_NAMES = set(jsonrecords.TITLE_KEYS)
_ABSTRACT_NAMES = set(jsonrecords.ABSTRACT_KEYS)


def _json_flavour(head: str) -> str:
    """Which JSON loader fits, from the keys visible in the first bytes."""
    if '"abstract_inverted_index"' in head or "openalex.org/W" in head or '"authorships"' in head:
        return "openalex"
    if any(key in head for key in ('"paperId"', '"externalIds"', '"corpusId"', '"externalids"', '"corpusid"')):
        return "s2"
    if '"versions"' in head and ('"update_date"' in head or '"authors_parsed"' in head or '"submitter"' in head):
        return "arxiv"
    if '"authors_parsed"' in head or '"submitter"' in head:
        return "arxiv"
    return "json"


def _csv_header(line: str) -> bool:
    for delimiter in (",", "\t", ";"):
        names = {jsonrecords.field_name(name) for name in line.split(delimiter)}
        if len(names) > 1 and names & _TITLE_NAMES and names & _ABSTRACT_NAMES:
            return True
    return False


def _looks_like_hf(lines: list[str]) -> bool:
    """A daily-papers listing: its chrome near the top, or a short line followed by a longer one."""
    if any(hf_daily.is_chrome(line) and len(line.strip()) > 8 for line in lines[:8]):
        return True
    content = [line.strip() for line in lines if not hf_daily.is_chrome(line)][:6]
    # title / abstract pairs: a short plain line, then a paragraph of several sentences; prose such as a
    # README (headings, bullets, short paragraphs) fails this and is reported as undetectable
    pairs = list(zip(content[0::2], content[1::2]))
    return bool(pairs) and all(_hf_pair(title, abstract) for title, abstract in pairs)


def _hf_pair(title: str, abstract: str) -> bool:
    return (
        len(title) <= hf_daily.MAX_TITLE
        and not title.startswith(("#", "-", "*", "|", "`", ">", "=", "[", "<"))
        and len(abstract) >= 200
        and abstract.count(". ") >= 1
    )


def _spool(source: str) -> Path:
    """Standard input ('-') or a named pipe copied to a temporary file (format detection reads the start
    twice, which a pipe cannot), removed when the process ends. The copy is reported and recorded under
    '<stdin>' or the pipe's name (``base.display_name``), so the same input gives the same output."""
    import atexit
    import shutil
    import sys
    import tempfile
    from urllib.parse import quote

    folder = Path(tempfile.mkdtemp(prefix=SPOOL_PREFIX))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    target = folder / quote("<stdin>" if source == "-" else source, safe="")
    with target.open("wb") as out:
        if source == "-":
            shutil.copyfileobj(sys.stdin.buffer, out)
        else:
            with open(source, "rb") as pipe:
                shutil.copyfileobj(pipe, out)
    return target


def _is_pipe(path: Path) -> bool:
    """A named pipe or process substitution (``<(zcat x.gz)``): readable once, not seekable."""
    try:
        return stat.S_ISFIFO(path.stat().st_mode)
    except OSError:
        return False


def expand_paths(paths) -> list[Path]:
    """Input paths with every directory replaced by the files below it (sorted, hidden ones skipped),
    and '-' (standard input) or a named pipe by a temporary copy (see ``_spool``).

    A directory without files stays as it is, so loading it reports that it holds nothing to read. One str or
    Path is one input (never iterated as characters); anything else that is not paths is an InputError.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    elif isinstance(paths, (bytes, bytearray)) or not isinstance(paths, Iterable):
        raise InputError(f"inputs must be a path or a list of paths, got {type(paths).__name__}")
    paths = list(paths)
    for item in paths:
        if not isinstance(item, (str, Path)):
            raise InputError(f"inputs must be paths (str or Path), got {type(item).__name__}: {item!r}"[:200])
    out: list[Path] = []
    for path in map(Path, paths):
        if str(path) == "-" or _is_pipe(path):
            out.append(_spool(str(path)))
        elif path.is_dir():
            files = sorted(
                p for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
            out.extend(files or [path])
        else:
            out.append(path)
    return out


def detect_format(path: str | Path) -> str:
    """The format name of ``path`` from its content (first 64 KB) and extension (``.gz`` looked through).

    Raises InputError for a missing, empty or undetectable file.
    """
    name = display_name(path)
    raw = read_head(path)
    if not raw.strip():
        raise InputError("file is empty", name)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("text is UTF-16; convert it to UTF-8", name)
    if b"\0" in raw[:1024]:
        raise InputError(f"cannot detect the format: binary data, not text (known formats: {known_formats()})", name)
    head = raw.decode("utf-8", errors="replace").lstrip("\ufeff")
    if "\n" not in head:  # old-Mac line ends, which TextFile splits on as well
        head = head.replace("\r", "\n")
    stripped = head.lstrip()
    if not stripped:  # only a byte-order mark and whitespace
        raise InputError("file is empty", name)
    suffixes = [s.lower() for s in Path(name).suffixes if s.lower() != ".gz"]
    ext = suffixes[-1] if suffixes else ""
    if stripped.startswith("<"):
        return "arxiv-atom"
    if stripped[0] in "[{":
        return _json_flavour(head)
    if ext in (".jsonl", ".ndjson"):
        # JSON Lines by name whose first line is broken: read it as such, so that line is reported and skipped
        # and the good lines after it are kept
        return _json_flavour(head)
    if ext in (".bib", ".bibtex") or (stripped[0] in "@%" and _BIB_ENTRY.search(head)):
        return "bibtex"
    if ext == ".ris" or _RIS_START.match(stripped):
        return "ris"
    if ext in (".nbib", ".medline") or _MEDLINE_START.match(stripped):
        return "medline"
    if _WOS_START.match(stripped):
        return "wos"
    lines = [line for line in head.splitlines() if line.strip()]
    if ext in (".csv", ".tsv") or _csv_header(lines[0]) or (
        len(lines) > 1 and jsonrecords.EXCEL_SEP.match(lines[0].strip()) and _csv_header(lines[1])
    ):
        return "csv"
    if _BIB_ENTRY.search(head):
        return "bibtex"
    if _looks_like_hf(lines):
        return "hf-daily"
    raise InputError(f"cannot detect the format (name it: --format NAME, or --input-format NAME for link and evaluate; known formats: {known_formats()})", name)


def iter_papers(
    path: str | Path,
    *,
    format: str | None = None,
    problems: list[Problem] | None = None,
    strict: bool = False,
    notes: list[str] | None = None,
) -> Iterator[Paper]:
    """Stream the papers of one file, without merging duplicates.

    A record that cannot be used is skipped and, if ``problems`` is given, recorded there; with
    ``strict=True`` it raises InputError instead. A file that cannot be used at all (missing, empty,
    undetectable, a JSON/XML document that does not parse) raises InputError. File-level hints that skip
    nothing (lines that read as Windows-1252: ``TextFile.encoding_hint``) go to ``notes`` when given.
    """
    loader = file_loader(path, format)
    text = TextFile(str(path), loader.name)
    name = text.name
    found = 0
    for item in loader.read(text):
        if isinstance(item, Problem):
            if strict:
                raise item.to_error()
            if problems is not None:
                problems.append(item)
            found += 1
            continue
        found += 1
        yield item
    if notes is not None:
        hint = text.encoding_hint()  # None at once for a file whose lines are all UTF-8
        if hint:
            notes.append(f"{name}: {hint}")
    if found == 0:
        no_records(name, loader.name, text.saw_text, strict, problems)


def file_loader(path: str | Path, format: str | None = None) -> Loader:
    """The loader for one file: ``format`` if given, else the detected one."""
    return get_loader(format) if format else get_loader(detect_format(str(path)))


def no_records(name: str, format: str, saw_text: bool, strict: bool, problems: list[Problem] | None) -> None:
    """A file that gave no records: InputError when it has no text, else a Problem (raised when strict)."""
    if not saw_text:
        raise InputError("file is empty", name)
    problem = Problem(name, None, f"no records found (read as {format})")
    if strict:
        raise problem.to_error()
    if problems is not None:
        problems.append(problem)


# formats read through ``loaders._json.iter_json``: a JSON Lines file of theirs parses chunk by chunk
# (``loaders.base.LineChunk``), each chunk giving what the same lines give when the whole file is read
CHUNKED_FORMATS = frozenset({"json", "arxiv", "s2", "openalex"})


def read_in_chunks(path: str | Path, loader: Loader) -> bool:
    """Whether ``path`` can be parsed chunk by chunk: a JSON Lines file of a ``CHUNKED_FORMATS`` loader."""
    return loader.name in CHUNKED_FORMATS and is_json_lines_file(TextFile(str(path), loader.name))


def read_chunk(chunk: LineChunk) -> tuple[list[Paper], list[Problem], int]:
    """A chunk's papers and problems, as ``iter_papers`` would stream them, and how many records it held."""
    papers: list[Paper] = []
    problems: list[Problem] = []
    for item in get_loader(chunk.format).read(chunk):
        (problems if isinstance(item, Problem) else papers).append(item)
    return papers, problems, len(papers) + len(problems)


__all__ = ["LOADERS", "Loader", "detect_format", "get_loader", "iter_papers", "known_formats"]
