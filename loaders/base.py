"""What every loader shares: the problem/report records, streaming text input and field helpers.

A loader is a generator ``read(text: TextFile) -> Iterator[Paper | Problem]``: it yields a ``Paper`` for
every good record and a ``Problem`` for every record it had to skip, and raises ``InputError`` only when
the whole file is unusable. ``TextFile`` streams a (possibly gzipped) file line by line and decodes each
line on its own, so one stray non-UTF-8 byte costs one record, not the file, and a 3 GB file is never
held in memory.
"""

from __future__ import annotations

import functools
import html
import json
import os
import re
import zlib
from dataclasses import asdict, dataclass, field
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator
from urllib.parse import unquote

from relwork.core.errors import InputError
from relwork.core.records import (
    Paper,
    Source,
    arxiv_doi_id,
    drop_unshown,
    first_year,
    make_paper_id,
    merged_categories,
    normalize_arxiv_id,
    normalize_doi,
    squash_whitespace,
)

GZIP_MAGIC = b"\x1f\x8b"


@dataclass
class Problem:
    """A record (or a whole file, ``line=None``) that was skipped, and why."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"

    def to_error(self) -> InputError:
        return InputError(self.reason, self.path, self.line)

    @classmethod
    def from_error(cls, err: InputError, path: str) -> "Problem":
        """What ``err`` reports, as a skipped file or record (``path`` when the error names no file)."""
        return cls(err.path or path, err.line, err.reason)


class NoAbstract(Problem):
    """A record with a title but no abstract: skipped, unless it duplicates a paper that has one, which then
    takes its ids, URL, year, authors, sources and categories (``dedupe.load_papers``). ``paper`` is the record
    with an empty abstract; it is no dataclass field, so reports (``asdict``) show the problem only."""

    def __init__(self, text: "TextFile", line: int, paper: Paper):
        super().__init__(text.name, line, "record has no abstract")
        self.paper = paper


@dataclass
class FileReport:
    """What loading one file did: records read, papers kept (new), merged (duplicates), skipped."""

    path: str
    format: str | None
    read: int = 0
    kept: int = 0
    merged: int = 0
    skipped: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # file-level hints that skip nothing (an encoding)

    @property
    def ok(self) -> bool:
        return not self.skipped

    def to_dict(self) -> dict:
        data = asdict(self)
        data["skipped"] = len(self.skipped)
        data["problems"] = [asdict(p) for p in self.skipped]
        return data


@dataclass
class LoadResult:
    """The merged papers of one ``load_papers`` call and a report per file."""

    papers: list[Paper]
    files: list[FileReport]

    @property
    def problems(self) -> list[Problem]:
        return [p for report in self.files for p in report.skipped]

    @property
    def ok(self) -> bool:
        """True when every file was read and no record was skipped."""
        return not self.problems

    @property
    def notes(self) -> list[str]:
        return [note for report in self.files for note in report.notes]

    @property
    def read(self) -> int:
        return sum(r.read for r in self.files)

    @property
    def kept(self) -> int:
        return sum(r.kept for r in self.files)

    @property
    def merged(self) -> int:
        return sum(r.merged for r in self.files)

    def to_dict(self) -> dict:
        """The ``relwork load --json`` document."""
        return {
            "files": [r.to_dict() for r in self.files],
            "total": {
                "files": len(self.files),
                "read": self.read,
                "kept": self.kept,
                "merged": self.merged,
                "skipped": len(self.problems),
                "papers": len(self.papers),
            },
            "ok": self.ok,
        }


# standard input and named pipes are copied to a file in a directory named ``relwork-input-*`` (format
# detection reads the start twice, which a pipe cannot); the file's name is the quoted name the user gave
# ('-' is recorded as '<stdin>'), so every process derives the same name from the path alone
SPOOL_PREFIX = "relwork-input-"
_CHUNK = 1 << 18  # 256 KB pieces: memory stays small while a big file streams


def display_name(path: str | Path) -> str:
    """The name a file is reported and recorded under: '<stdin>' or the pipe's own name for a spooled
    input (``registry.expand_paths``), else the path itself."""
    name = str(path)
    if SPOOL_PREFIX in name:
        parent, _, base = name.rpartition(os.sep)
        if os.path.basename(parent).startswith(SPOOL_PREFIX):
            return unquote(base)
    return name


def _check_file(path: str | Path) -> Path:
    p = Path(path)
    if not p.exists():
        raise InputError("file not found", display_name(path))
    if p.is_dir():
        raise InputError("is a directory, not a file", display_name(path))
    return p


def _gunzip(handle) -> Iterator[bytes]:
    """The decompressed bytes of a gzip stream (members one after another), in pieces of ``_CHUNK`` bytes
    at most.

    Everything decompressed before a cut or a corrupt block is yielded first; then EOFError / zlib.error.
    """
    decompressor = zlib.decompressobj(31)
    fed = False
    while data := handle.read(1 << 16):
        full = False
        while data or full:
            fed = True
            out = decompressor.decompress(data, _CHUNK)
            full = len(out) == _CHUNK
            if out:
                yield out
            if decompressor.eof:
                data = decompressor.unused_data.lstrip(b"\0")  # zero padding after the last member is allowed
                decompressor, fed, full = zlib.decompressobj(31), False, False
            else:
                data = decompressor.unconsumed_tail
    if fed and not decompressor.eof:
        raise EOFError("compressed file ended before the end-of-stream marker was reached")


def _open_file(path: str | Path):
    """``path`` opened for reading bytes (64 KB buffer); InputError naming it when it is missing, a directory
    or unreadable."""
    p = _check_file(path)
    try:
        return open(p, "rb", buffering=1 << 16)
    except OSError as err:
        raise InputError(f"cannot read file: {err.strerror or err}", display_name(path)) from err


def _read_pieces(handle, gzipped: bool) -> Iterator[bytes]:
    """The bytes of an open file in pieces of at most ``_CHUNK``, gunzipped when ``gzipped``."""
    return _gunzip(handle) if gzipped else iter(lambda: handle.read(_CHUNK), b"")


def _byte_chunks(path: str | Path) -> Iterator[bytes]:
    """The (decompressed) bytes of ``path`` in pieces; InputError for a missing/unreadable file."""
    with _open_file(path) as handle:
        yield from _read_pieces(handle, handle.peek(2)[:2] == GZIP_MAGIC)


def read_head(path: str | Path, size: int = 65536) -> bytes:
    """The first ``size`` bytes of the (decompressed) file, for sniffing; of a truncated or corrupt gzip
    file, what decompresses before the damage (InputError only when that is nothing)."""
    parts: list[bytes] = []
    have = 0
    chunks = _byte_chunks(path)
    try:
        for chunk in chunks:
            parts.append(chunk)
            have += len(chunk)
            if have >= size:
                break
    except (OSError, EOFError, zlib.error) as err:
        if not have:
            raise InputError(f"corrupt gzip data: {err}", display_name(path)) from err
    finally:
        chunks.close()
    return b"".join(parts)[:size]


def _cr_only(head: bytes) -> bool:
    """Old-Mac text: carriage returns end the lines and no newline occurs."""
    return b"\n" not in head and b"\r" in head.rstrip(b"\r")


def encoding_hint(name: str, bad_lines: int, cp1252: bool, saw_utf8: bool) -> str | None:
    """``TextFile.encoding_hint`` of file ``name`` from what reading it found: how many lines were not UTF-8,
    whether they all read as Windows-1252, whether any line was UTF-8 beyond ASCII. A file parsed in chunks
    (``LineChunk``, by ``relwork link``'s workers) adds its chunks' counts up and asks once."""
    if not bad_lines or not cp1252 or saw_utf8:
        return None
    import shlex

    stem, dot, suffix = name.rpartition(".")
    target = f"{stem}-utf8.{suffix}" if dot and "/" not in suffix else f"{name}-utf8"
    lines = f"{bad_lines} line{'s' if bad_lines != 1 else ''}"
    return (
        f"{lines} that are not UTF-8 read as Windows-1252 (a legacy Excel or Latin-1 export); convert the file "
        f"to UTF-8 and load it again: iconv -f cp1252 -t utf-8 {shlex.quote(name)} > {shlex.quote(target)}"
    )


class TextFile:
    """A file read as numbered text lines, streamed, each line decoded as UTF-8 on its own.

    A line with bytes that are not UTF-8 is still yielded (decoded with U+FFFD replacements) so that
    parsers keep their place; its number and reason go to ``bad_lines`` and the loader skips the record
    that holds it (see ``utf8_problem``).
    """

    def __init__(self, path: str | Path, format: str):
        self.path = str(path)
        self.name = display_name(self.path)  # reported and recorded: '<stdin>' for standard input
        self.format = format
        self.bad_lines: dict[int, str] = {}
        self.saw_text = False  # any non-blank line read: tells an empty file from one without records
        self.unterminated: int | None = None  # the last line, when no line terminator ends it (a cut file?)
        self.saw_utf8 = False  # a valid line that is not ASCII: the file is UTF-8, whatever its bad lines are
        self.cp1252 = True  # every line that is not UTF-8 reads as Windows-1252

    cr_only = False  # lines end at carriage returns (known once ``raw_lines`` has started)
    json_lines = False  # a LineChunk: lines known to be JSON Lines (see loaders._json.iter_json)

    def raw_lines(self) -> Iterator[bytes]:
        """The file's lines as bytes, terminators kept (``decode`` turns one into text).

        Lines end at newlines, or at carriage returns in a file that has no newline (old-Mac text). Of a
        truncated or corrupt gzip file, every complete line before the damage is yielded, then InputError.
        """
        number = 0
        with _open_file(self.path) as handle:
            try:
                head = handle.peek(65536)[:65536]
                gzipped = head[:2] == GZIP_MAGIC
                if not gzipped and not _cr_only(head):
                    for raw in handle:  # the common case, read at C speed
                        number += 1
                        yield raw
                    return
                chunks = _read_pieces(handle, gzipped)
                first = next(chunks, b"")
                self.cr_only = _cr_only(first[:65536])
                separator = b"\r" if self.cr_only else b"\n"
                rest = b""
                for chunk in chain((first,), chunks):
                    if rest:
                        chunk = rest + chunk
                    lines = chunk.split(separator)
                    rest = lines.pop()
                    for line in lines:
                        number += 1
                        yield line + separator
                if rest:
                    yield rest
            except (OSError, EOFError, zlib.error) as err:
                # a cut inside a line leaves that line incomplete: it is dropped with the rest
                raise InputError(f"corrupt gzip data after line {number}: {err}", self.name) from err

    def lines(self) -> Iterator[tuple[int, str]]:
        """Yield ``(line_number, text)`` without the line terminator; 1-based numbers."""
        decode = self.decode
        for number, raw in enumerate(self.raw_lines(), 1):
            yield number, decode(number, raw)

    def decode(self, number: int, raw: bytes) -> str:
        """Line ``number`` as text: terminator (and a BOM on line 1) dropped, bytes that are not UTF-8
        replaced and noted in ``bad_lines``."""
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        size = len(raw)
        raw = raw.rstrip(b"\r\n")
        if len(raw) == size:
            self.unterminated = number
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as err:
            self.bad_lines[number] = f"bytes are not valid UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1})"
            text = raw.decode("utf-8", errors="replace")
            if self.cp1252:
                try:
                    raw.decode("cp1252")
                except UnicodeDecodeError:
                    self.cp1252 = False
        else:
            if not self.saw_utf8 and not raw.isascii():
                self.saw_utf8 = True
        if not self.saw_text and text and not text.isspace():
            self.saw_text = True
        return text

    def ends_inside(self, last: int) -> str:
        """' (the file ends inside the record)' when line ``last`` ends a record and the file without a line
        terminator (a file cut off, as a truncated download leaves it), else ''."""
        return " (the file ends inside the record)" if last == self.unterminated else ""

    def encoding_hint(self) -> str | None:
        """A file-level hint when the lines that are not UTF-8 all read as Windows-1252 and no line is UTF-8
        beyond ASCII: a legacy Excel CSV or a Latin-1 export, which ``iconv`` converts; else None."""
        return encoding_hint(self.name, len(self.bad_lines), self.cp1252, self.saw_utf8)

    def read_document(self) -> tuple[str, list[int]]:
        """The whole file as one string (lines joined by '\\n') and the offset where each line starts.

        Only for formats that are one document (a JSON array, an API page, an Atom feed).
        """
        parts: list[str] = []
        starts: list[int] = []
        offset = 0
        for _, text in self.lines():
            starts.append(offset)
            parts.append(text)
            offset += len(text) + 1
        return "\n".join(parts), starts

    def source(self, line: int) -> Source:
        return Source(file=self.name, line=line, format=self.format)

    def problem(self, line: int | None, reason: str) -> Problem:
        return Problem(self.name, line, reason)

    def utf8_problem(self, first: int, last: int | None = None) -> Problem | None:
        """A Problem when any line in ``first..last`` held bytes that are not UTF-8, else None."""
        for number in range(first, (last if last is not None else first) + 1):
            if number in self.bad_lines:
                return self.problem(number, self.bad_lines[number])
        return None


class LineChunk(TextFile):
    """Consecutive raw lines of a JSON Lines file, starting at line ``first``, read as the whole file's
    ``TextFile`` reads them: the file's loader parses a chunk to the same records, line numbers and problems,
    so that worker processes can parse a big file chunk by chunk (``relwork link --workers``)."""

    json_lines = True

    def __init__(self, path: str | Path, format: str, first: int, raw: list[bytes]):
        super().__init__(path, format)
        self.first = first
        self.raw = raw

    def lines(self) -> Iterator[tuple[int, str]]:
        decode = self.decode
        for number, raw in enumerate(self.raw, self.first):
            yield number, decode(number, raw)


# ----------------------------------------------------------------------------------------------------
# field helpers shared by the loaders

_YEAR = re.compile(r"(?<!\d)(1[6-9]\d\d|2[01]\d\d)(?!\d)")
_AND = re.compile(r"\s+and\s+")
# a complete character reference or named entity: '&#xe9;', '&#233;', '&amp;' (never 'AT&T' or a bare '&amp')
ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _decode_entity(match: re.Match) -> str:
    decoded = html.unescape(match.group())
    # an unknown name stays as written (unescape returns it); so does a control character ('&#27;', which
    # unescape turns into '' or the character), which no title or name holds and which could drive a terminal;
    # whitespace ('&#10;', '&nbsp;') is squashed later
    return decoded if decoded and (decoded.isprintable() or decoded.isspace()) else match.group()


def unescape_entities(text: str) -> str:
    """``text`` with HTML/XML character references and entities decoded ('Herv&#xe9; J&#xe9;gou' -> 'Hervé
    Jégou', '&amp;' -> '&', '&lt;' -> '<'), as web pages and feeds re-published as JSON leave them. Only
    complete references (ending in ';') are decoded, so 'AT&T' or 'R&D;' stay; the result is plain text, which
    every writer escapes (HTML view) or passes as a parameter (Cypher) on its own."""
    return ENTITY.sub(_decode_entity, text) if "&" in text else text


# a parenthesised part of an author string: an affiliation or its marker, arXiv's 'Name (Affiliation)'
# convention ('A. S. Mishchenko (1 and 2) and N. Nagaosa (1 and 3) ((1) CREST, (2) ...)'); innermost first
_PARENTHESISED = re.compile(r"\s*\([^()]*\)")


def _drop_parenthesised(text: str) -> str:
    """``text`` without its parenthesised parts (nested ones too): affiliations never become names and the
    'and' or ',' inside '(1 and 2)' never splits one. An unbalanced parenthesis stays."""
    while "(" in text:
        shorter = _PARENTHESISED.sub("", text)
        if shorter == text:
            break
        text = shorter
    return text


def author_text(value: str) -> str:
    """An author string as it is split: entities decoded first (the ';' of '&#xe9;' is no separator) and
    parenthesised affiliations dropped."""
    if "&" in value:
        value = unescape_entities(value)
    if "(" in value:
        value = _drop_parenthesised(value)
    return value


def parse_year(value: Any) -> int | None:
    """A plausible year (1600-2199) from an int, the first 4-digit year in a date string, or a CSL-JSON date
    object (``{"date-parts": [[2021, 3]]}``, parts as numbers or strings; else its ``raw`` / ``literal`` text)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            year = parse_year(parts[0][0])
            if year:
                return year
        return parse_year(value.get("raw") or value.get("literal"))
    if isinstance(value, int):
        return value if 1600 <= value <= 2199 else None
    if isinstance(value, float) and value.is_integer():
        return parse_year(int(value))
    if isinstance(value, str):
        match = _YEAR.search(value)
        return int(match.group(1)) if match else None
    return None


def _name_from_dict(item: dict) -> str:
    for key in ("name", "display_name", "full_name", "fullName", "fullname", "literal"):
        if isinstance(item.get(key), str) and item[key].strip():
            return item[key]
    if isinstance(item.get("author"), dict):
        return _name_from_dict(item["author"])
    for first, last in (("given", "family"), ("first", "last"), ("forename", "surname"), ("firstName", "lastName")):
        if item.get(last):
            return f"{item.get(first) or ''} {item[last]}".strip()
    return ""


_PARTICLES = frozenset("van von der den de del della di da dos du la le ter ten bin al el".split())
_INITIALS = re.compile(r"(?:[A-Z][a-z]?\.(?:-[A-Z][a-z]?\.)?\s*)+")
_NAME_WORD = re.compile(r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*")  # 'Dao', 'O'Brien', 'Jean-Pierre'; not 'F.O.Bunnin'
_SPACED_HYPHEN = re.compile(r"\.\s+-(?=\w)")


def _surname(part: str) -> bool:
    """'Dao', 'van der Berg': one capitalised name word after lower-case particles only (not 'Alice Smith')."""
    words = part.split()
    return bool(words) and _NAME_WORD.fullmatch(words[-1]) is not None and all(
        word in _PARTICLES for word in words[:-1]
    )


def _given(part: str) -> bool:
    """'Tri', 'J. K.', 'C.-P.': one name word or initials (two words are a full name: 'Jacob Eisenstein')."""
    return _NAME_WORD.fullmatch(part) is not None or _INITIALS.fullmatch(part) is not None


def _comma_names(part: str) -> list[str]:
    """The people in a comma-separated author string: 'Dao, Tri' and 'van der Berg, Jan' are one person
    (Last, First), 'Dao, T., Gu, A.' two (Last, Initials pairs), 'Alice Smith, Bob Jones' two."""
    pieces = [piece.strip() for piece in part.split(",")]
    if len(pieces) == 2 and _surname(pieces[0]) and _given(pieces[1]):
        return [f"{pieces[1]} {pieces[0]}"]
    if len(pieces) >= 4 and len(pieces) % 2 == 0 and all(
        _surname(last) and _INITIALS.fullmatch(first) for last, first in zip(pieces[0::2], pieces[1::2])
    ):
        return [f"{first} {last}" for last, first in zip(pieces[0::2], pieces[1::2])]
    return pieces


_CATEGORY_KEYS = ("category", "term", "display_name", "name")  # S2 {category}, Atom {term}, OpenAlex {display_name}


def parse_categories(value: Any) -> list[str]:
    """Subject classes from a string ('cs.CL cs.LG', 'Computer Science; Medicine') or a list of strings / dicts
    ({category}, {term}, {display_name}): distinct, in the source's order. A string is split at ';' (Web of
    Science: 'Computer Science, Artificial Intelligence; ...'), else at '|' or ',', else at whitespace (arXiv)."""
    if isinstance(value, str):
        value = unescape_entities(value)  # before the split: '&amp;' holds a ';'
        if ";" in value or "|" in value or "," in value:
            parts = value.split(";" if ";" in value else "|" if "|" in value else ",")
        else:  # arXiv's 'cs.CL cs.LG': the common case, one split
            return list(dict.fromkeys(value.split()))
    elif isinstance(value, (list, tuple)):
        parts = []
        for item in value:
            if isinstance(item, dict):
                item = next((item[key] for key in _CATEGORY_KEYS if isinstance(item.get(key), str)), None)
            if isinstance(item, str):
                parts.append(unescape_entities(item))
    else:
        return []
    names = (" ".join(part.split()) for part in parts)
    return list(dict.fromkeys(name for name in names if name))


@functools.lru_cache(maxsize=1)
def arxiv_cs_classes() -> dict[str, str]:
    """arXiv's Computer Science classes, code -> name ('CL' -> 'Computation and Language'), from ``data/``."""
    return json.loads(resources.files("relwork.loaders").joinpath("data", "arxiv-cs-classes.json").read_text(encoding="utf-8"))["classes"]


@functools.lru_cache(maxsize=1)
def _arxiv_subject_names() -> tuple[re.Pattern, dict[str, str]]:
    """A pattern finding the arXiv subject names Zotero writes as keywords ('Computer Science - Computation and
    Language', 'Statistics - Machine Learning', 'Quantum Physics'), longest first, and name key -> class code."""
    data = json.loads(resources.files("relwork.loaders").joinpath("data", "arxiv-other-classes.json").read_text(encoding="utf-8"))
    archives = {"cs": {"name": "Computer Science", "classes": arxiv_cs_classes()}, **data["archives"]}
    codes: dict[str, str] = {}
    for archive, about in archives.items():
        if not about["classes"]:
            codes[_subject_key(about["name"])] = archive
        for code, name in about["classes"].items():
            codes[_subject_key(f"{about['name']} - {name}")] = f"{archive}.{code}"
    words = sorted(codes, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in words) + r")(?![\w-])", re.I)
    return pattern, codes


def _keyword_text(keyword: Any) -> str:
    """A keyword list's item as text: a string, Zotero's ``{"tag": ...}``, or a list of them (several keyword fields)."""
    if isinstance(keyword, str):
        return keyword
    if isinstance(keyword, dict):
        return keyword["tag"] if isinstance(keyword.get("tag"), str) else ""
    return "; ".join(map(_keyword_text, keyword)) if isinstance(keyword, (list, tuple)) else ""


def _subject_key(name: str) -> str:
    return " ".join(name.lower().split())


def arxiv_subjects(keywords: Any) -> list[str]:
    """The arXiv classes that subject keywords name, in their order: Zotero stores an arXiv paper's subjects as
    keywords ('Computer Science - Computation and Language' -> 'cs.CL'; a BibTeX export joins them with ', ', though
    'Computer Science - Computational Engineering, Finance, and Science' holds commas itself, so names are found
    whole, not split). ``keywords`` is a string, or a list of strings or of Zotero's ``{"tag": ...}``; every other
    keyword (a user's own tags) is left out."""
    if not keywords:
        return []
    if isinstance(keywords, (list, tuple)):
        keywords = "; ".join(_keyword_text(k) for k in keywords)
    elif not isinstance(keywords, str):
        return []
    if " - " not in keywords and "quantum physics" not in keywords.lower():
        return []  # no archive name and class in it: the common case costs one search
    pattern, codes = _arxiv_subject_names()
    return list(dict.fromkeys(codes[_subject_key(m)] for m in pattern.findall(keywords)))


def parse_authors(value: Any) -> list[str]:
    """Author names from a string ('A, B and C', 'Last, First and Last, First', 'A; B') or a list of
    strings / dicts ({name}, {display_name}, {given, family}, {author: {...}}) / arXiv ``authors_parsed`` rows.
    HTML entities are decoded and parenthesised affiliations dropped before a string is split (``author_text``)."""
    if value is None:
        return []
    names: list[str] = []
    squashed = False  # names cut from a whitespace-squashed string only need their ends stripped
    if isinstance(value, str):
        text = squash_whitespace(author_text(value))
        squashed = True
        if ";" in text:  # 'A; B' or Zotero CSV's 'Last, First; Last, First'
            parts = text.split(";")
            if all(part.count(",") == 1 for part in parts if part.strip()):
                names = [" ".join(reversed([s.strip() for s in part.split(",")])) for part in parts]
            else:
                names = parts
        else:
            parts = _AND.split(text) if "and" in text else [text]
            if len(parts) > 1 and all(part.count(",") == 1 for part in parts):
                names = [" ".join(reversed([s.strip() for s in part.split(",")])) for part in parts]
            else:
                names = [name for part in parts for name in _comma_names(part)]
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, str):
                names.append(author_text(item))
            elif isinstance(item, list):
                if item and all(isinstance(s, str) for s in item):
                    # arXiv 'authors_parsed' style [last, first, suffix, affiliation, ...]: the name is the first
                    # three; the rest are the author's affiliations
                    last, first, suffix = (item + ["", ""])[:3]
                    first = _SPACED_HYPHEN.sub(".-", first)  # 'C. -P.' as the snapshot writes 'C.-P.'
                    names.append(" ".join([s for s in (first, last, suffix) if s]))
            elif isinstance(item, dict):
                names.append(author_text(_name_from_dict(item)))
    cleaned = [name.strip() for name in names] if squashed else [" ".join(name.split()) for name in names]
    # only a name starting with e/E/o/O can be 'et al' / 'others' (lower-cased, trailing dots dropped)
    return [
        name for name in cleaned
        if name and (name[0] not in "eEoO" or name.lower().rstrip(".") not in ("et al", "others"))
    ]


def text_value(value: Any) -> str:
    """A string field that may come as a list of strings (CrossRef titles) or a number; '' if absent."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), "")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) else ""


# the start of a DOI in a field: the field may list several ('10.1364/JOSAA.23.002578 10.1364/JOSAA.32.002407')
_DOI_START = re.compile(r"10\.\d{4,9}/")


# an arXiv id named in a note: 'arXiv:2205.14135', 'arXiv: 1707.06347v2' (RIS N1, Zotero 'Extra', CSL 'number')
_ARXIV_NOTE = re.compile(r"arxiv[:\s]\s*(\d{4}\.\d{4,5}|[a-z][a-z.\-]+/\d{7})(?:v\d+)?", re.I)


def arxiv_note_id(value: Any) -> str | None:
    """The arXiv id a note names as 'arXiv:ID' (a bare number in a note is no arXiv id), or None."""
    match = _ARXIV_NOTE.search(value) if isinstance(value, str) and value else None
    return normalize_arxiv_id(match.group(1)) if match else None


def first_doi(value: str) -> str:
    """The first DOI of a field that lists several, separated by white space (arXiv's ``doi``: the paper's, then
    an erratum's); ``value`` itself when it holds one DOI or none. A DOI never holds white space."""
    starts = [match.start() for match in _DOI_START.finditer(value)]
    if len(starts) < 2:
        return value
    return value[starts[0] : starts[1]].split()[0].rstrip(",;")


def split_ids(arxiv: Any = None, doi: Any = None) -> tuple[str | None, str | None]:
    """Normalised (arxiv_id, doi); an arXiv DataCite DOI (10.48550/arXiv.X) also gives the arXiv id. Of a
    field with several DOIs the first is kept (``first_doi``)."""
    arxiv_id = normalize_arxiv_id(text_value(arxiv)) if arxiv else None
    doi_value = normalize_doi(first_doi(text_value(doi))) if doi else None
    if doi_value and not arxiv_id:
        arxiv_id = arxiv_doi_id(doi_value)
    return arxiv_id, doi_value


def _shown_name(name: str) -> str:
    """An author name as kept: HTML entities decoded in every format (a BibTeX or RIS export of records that came
    from the web keeps 'Z&#xe1;vi&#x161;ka', which no name means, and which outlasted the decoded JSON copy in a
    merge as the longer name), characters that do not show dropped."""
    if "&" in name:
        name = " ".join(unescape_entities(name).split())
    return name if name.isprintable() else drop_unshown(name)


def make_paper(
    text: TextFile,
    line: int,
    title: Any,
    abstract: Any,
    *,
    last_line: int | None = None,
    arxiv: Any = None,
    doi: Any = None,
    year: int | None = None,
    authors: list[str] | None = None,
    url: Any = None,
    categories: Any = None,
    keywords: Any = None,
    entities: bool = False,
    record_id: str | None = None,
) -> Paper | Problem:
    """A Paper for a record read at ``line`` (to ``last_line``), or the Problem that skips it.

    A record is skipped when it spans a line that is not UTF-8, or has no title or no abstract (a
    ``NoAbstract``, which still carries the record for a duplicate to merge). With
    ``entities`` (formats whose sources escape text as HTML: generic JSON/CSV, Semantic Scholar, OpenAlex) the
    title's and abstract's entities are decoded ('&amp;' -> '&'); author names are decoded in every format
    (``_shown_name``). A paper's year is never later than its arXiv id's (``first_year``). ``keywords`` (Zotero's tags) add the arXiv classes they name to the categories
    (``arxiv_subjects``). ``record_id``: the record's own id that is no arXiv id or DOI (``Source.record_id``).
    """
    if text.bad_lines:
        bad = text.utf8_problem(line, last_line)
        if bad:
            return bad
    title_text = title if type(title) is str else text_value(title)
    abstract_text = abstract if type(abstract) is str else text_value(abstract)
    if entities:
        title_text, abstract_text = unescape_entities(title_text), unescape_entities(abstract_text)
    title_text = squash_whitespace(title_text)
    if not title_text:
        return text.problem(line, "record has no title")
    abstract_text = squash_whitespace(abstract_text)
    arxiv_id, doi_value = split_ids(arxiv, doi)
    if doi_value:  # what Paper.create would do (normalize_doi is not idempotent for every input)
        doi_value = normalize_doi(doi_value)
    url_text = (url.strip() if type(url) is str else text_value(url).strip()) or None
    if arxiv_id:
        year = first_year(arxiv_id, year)
    # the fields are normalised here already, so the Paper is built directly rather than by Paper.create,
    # which would normalise them a second time (about a tenth of the JSON Lines loading time)
    paper = Paper(
        make_paper_id(arxiv_id, doi_value, title_text),
        title_text,
        abstract_text,
        year,
        [name if "&" not in name and name.isprintable() else _shown_name(name) for name in authors] if authors else [],
        arxiv_id,
        doi_value,
        url_text,
        [Source(text.name, line, text.format, record_id)],
        merged_categories(parse_categories(categories) if categories else [], arxiv_subjects(keywords)) if keywords
        else parse_categories(categories) if categories else [],
    )
    return paper if abstract_text else NoAbstract(text, line, paper)


def papers_from(text: TextFile, records: Iterable, to_paper: Callable[..., "Paper | Problem"]) -> Iterator["Paper | Problem"]:
    """A loader's output from its record splitter: each Problem as it is, each record (a tuple of
    ``to_paper``'s arguments after ``text``) mapped to a Paper or the Problem that skips it."""
    for item in records:
        yield item if isinstance(item, Problem) else to_paper(text, *item)

