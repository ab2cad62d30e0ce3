"""BibTeX (Zotero, Mendeley, JabRef, Google Scholar exports) with ``abstract`` fields.

bibtexparser 1.x silently drops an entry it cannot parse, so the file is first split into entries here,
line by line (streamed), by brace counting. Each entry is then parsed on its own, which gives every paper
its first line and lets a malformed entry be reported with its line while the rest still loads. An entry
whose braces never close ends where the next line starting with '@type{' begins.

Field values are cleaned of braces and LaTeX (accents, escapes) with pylatexenc; math is kept verbatim.
The arXiv id comes from ``eprint`` / ``arxivid`` / ``arxiv``, an arXiv ``journal`` note
('arXiv preprint arXiv:2101.00001'), an arxiv.org ``url`` or the arXiv DataCite DOI; arXiv's ``primaryClass``
is the paper's category. The citation key is kept as the source's ``record_id``.
"""

from __future__ import annotations

import json
import logging
import re
import warnings
from functools import lru_cache
from importlib import resources
from typing import Iterator

from relwork.core.records import Paper, normalize_arxiv_id
from relwork.loaders.base import Problem, TextFile, make_paper, parse_year, unescape_entities

_ENTRY_START = re.compile(r"@\s*([A-Za-z][\w-]*)\s*([{(])")
_LINE_START = re.compile(r"^@\s*[A-Za-z][\w-]*\s*[{(]")
# bibtexparser logs every entry it drops; the loader reports those itself
logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)


@lru_cache(maxsize=1)
def _latex():
    """The LaTeX-to-text converter, made on first use: pylatexenc takes ~10 ms to import, which only BibTeX
    input needs (every other loader is imported with this one)."""
    from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

    context = get_default_latex_context_db()
    context.add_context_category(
        "relwork-text", prepend=True, macros=[MacroTextSpec(name, text) for name, text in _text_macros().items()]
    )
    return LatexNodes2Text(latex_context=context, math_mode="verbatim", strict_latex_spaces=False)


def _text_macros() -> dict[str, str]:
    """Text commands pylatexenc drops ('\\textless{}' -> '' lost the '<'), with the character each stands for
    (packaged data: loaders/data/latex-text-macros.json)."""
    data = resources.files("relwork.loaders").joinpath("data", "latex-text-macros.json").read_text(encoding="utf-8")
    return json.loads(data)["macros"]


_BARE_PERCENT = re.compile(r"(?<!\\)%")


@lru_cache(maxsize=65536)  # author names and journal strings repeat across a library
def latex_to_text(value: str) -> str:
    """Braces and LaTeX markup removed, accents decoded: '{\\"U}ber {BERT}' -> 'Über BERT'; '5%' stays '5%'."""
    if "\\" not in value and "{" not in value and "~" not in value:
        return value
    if "%" in value:  # a bare '%' in a field value is a literal in BibTeX, not the comment LaTeX reads
        value = _BARE_PERCENT.sub(r"\\%", value)
    try:
        return _latex().latex_to_text(value)
    except Exception:  # pylatexenc is lenient, but never let odd markup lose a record
        return value.replace("{", "").replace("}", "")


def _split_top(value: str, separator: re.Pattern) -> list[str]:
    """Split on ``separator`` only outside braces."""
    parts, depth, last = [], 0, 0
    masked = []
    for char in value:
        if char == "{":
            depth += 1
        elif char == "}":
            depth = max(0, depth - 1)
        masked.append(char if depth == 0 else "\0")
    masked_text = "".join(masked)
    for match in separator.finditer(masked_text):
        parts.append(value[last : match.start()])
        last = match.end()
    parts.append(value[last:])
    return parts


def bibtex_authors(value: str) -> list[str]:
    """'Vaswani, Ashish and Shazeer, Noam and {OpenAI}' -> ['Ashish Vaswani', 'Noam Shazeer', 'OpenAI']."""
    names = []
    for raw in _split_top(value, re.compile(r"\s+and\s+", re.I)):
        pieces = [p.strip() for p in _split_top(raw, re.compile(r","))]
        if len(pieces) == 2:  # Last, First
            raw = f"{pieces[1]} {pieces[0]}"
        elif len(pieces) == 3:  # von Last, Jr, First
            raw = f"{pieces[2]} {pieces[0]} {pieces[1]}"
        name = " ".join(latex_to_text(raw).split())
        if name and name.lower() != "others":
            names.append(name)
    return names


def _entries(text: TextFile) -> Iterator[tuple[int, int, str, str] | Problem]:
    """Split the file into entries: yield (first_line, last_line, type, entry_text) or a Problem."""
    start, kind, closer, depth = 0, "", "}", 0
    buffer: list[str] = []
    for number, line in text.lines():
        if buffer and _LINE_START.match(line):
            yield text.problem(
                start, f"malformed BibTeX entry: unbalanced braces (the entry is still open at line {number})"
            )
            buffer = []
        pos = 0
        while pos <= len(line):
            if buffer:
                begin, scan = pos, pos
            else:
                match = _ENTRY_START.search(line, pos)
                if not match:
                    break  # text between entries is a comment in BibTeX
                start, kind, depth = number, match.group(1).lower(), 1
                closer = "}" if match.group(2) == "{" else ")"
                begin, scan = match.start(), match.end()
            closed, depth = _close(line, scan, depth, closer)
            if closed is None:
                buffer.append(line[begin:])
                break
            buffer.append(line[begin : closed + 1])
            yield start, number, kind, "\n".join(buffer)
            buffer = []
            pos = closed + 1
    if buffer:
        yield text.problem(start, "malformed BibTeX entry: unbalanced braces (the file ends inside the entry)")


def _close(line: str, pos: int, depth: int, closer: str) -> tuple[int | None, int]:
    """(index where the entry closes, 0) or (None, depth still open) scanning ``line`` from ``pos``."""
    # like BibTeX itself, braces count even after a backslash ('\\{' must balance too)
    for index in range(pos, len(line)):
        char = line[index]
        if char == "{":
            depth += 1
        elif char == "}" or (char == ")" and closer == ")" and depth == 1):
            depth -= 1
            if depth == 0:
                return index, 0
    return None, depth


class _EntryParser:
    """One bibtexparser parser per file, fed one entry at a time: @string macros carry over, and the
    parsed entries are taken out after each call so memory stays flat on big files."""

    def __init__(self) -> None:
        # imported here: bibtexparser loads pyparsing (~50 ms), which no other input format needs
        from bibtexparser.bparser import BibTexParser

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pyparsing deprecation noise from bibtexparser 1.4
            self.parser = BibTexParser(common_strings=True, ignore_nonstandard_types=False, interpolate_strings=True)
        self.parser.expect_multiple_parse = True

    def parse(self, entry_text: str) -> dict | None:
        database = self.parser.bib_database
        database.entries.clear()
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.parser.parse(entry_text)
        except Exception:  # bibtexparser raises assorted pyparsing/IndexError types on broken input
            return None
        entry = database.entries[0] if database.entries else None
        database.entries.clear()
        return entry


def entry_to_paper(text: TextFile, first: int, last: int, entry: dict) -> Paper | Problem:
    """Map one parsed BibTeX entry (fields lower-cased) to a Paper."""
    fields = {key.lower(): value for key, value in entry.items() if isinstance(value, str)}
    arxiv = None
    eprint_type = (fields.get("archiveprefix") or fields.get("eprinttype") or "").lower()
    for key in ("arxivid", "arxiv", "eprint", "journal", "note", "url", "howpublished"):
        if key == "eprint" and eprint_type and eprint_type != "arxiv":
            continue
        arxiv = normalize_arxiv_id(re.sub(r"\\url|[{}]", "", fields.get(key, "")).replace("\\_", "_"))
        if arxiv and (key not in ("journal", "note", "url", "howpublished") or "arxiv" in fields[key].lower()):
            break
        arxiv = None
    return make_paper(
        text,
        first,
        unescape_entities(latex_to_text(fields.get("title", ""))),  # a web export's 'Wide \&amp; Deep', as its authors
        latex_to_text(fields.get("abstract", "")),
        last_line=last,
        arxiv=arxiv,
        doi=fields.get("doi", "").replace("\\_", "_"),
        year=parse_year(fields.get("year")) or parse_year(fields.get("date")),
        authors=bibtex_authors(fields.get("author", "")),
        url=fields.get("url") or None,
        categories=fields.get("primaryclass"),
        keywords=fields.get("keywords"),
        record_id=_citation_key(entry),
    )


def _citation_key(entry: dict) -> str | None:
    """The entry's citation key ('vaswani2017attention'), the id a user joins output back to their .bib on."""
    key = entry.get("ID")
    return key.strip() or None if isinstance(key, str) else None


_KEY = re.compile(r"@\s*[A-Za-z][\w-]*\s*[{(]\s*([^,\s{}()]+)")
# what may follow a field value that closes back at the entry's level: the next field, the entry's end, '#'
_AFTER_VALUE = frozenset(",})#")
_NEXT_FIELD = re.compile(r"[A-Za-z][\w-]*\s*=")


def _early_close(entry_text: str) -> tuple[int, bool] | None:
    """(index, is_missing_comma) of the first '}' that ends a field value and is followed by neither ',' nor
    the entry's end nor '#', else None. Followed by 'name =' it ends a field whose ',' is missing; followed by
    other text it is a stray '}' in the value ('bottlenecks}to formalize'), which closed the field early."""
    depth, quoted = 0, False
    for index, char in enumerate(entry_text):
        if char == "{":
            depth += 1
        elif char == '"' and depth == 1:
            quoted = not quoted
        elif char == "}":
            depth -= 1
            if depth == 1 and not quoted:
                rest = entry_text[index + 1 :].lstrip()
                if rest and rest[0] not in _AFTER_VALUE:
                    return index, bool(_NEXT_FIELD.match(rest))
    return None


def _unparsed(entry_text: str, first: int, last: int) -> str:
    """Why an entry cannot be parsed, saying where: the line of a stray '}' that closes a field early (and the
    text after it) or of a field without its ',', else the entry's first words and the line where it closes."""
    found = _early_close(entry_text)
    if found is not None:
        index, missing_comma = found
        key = _KEY.match(entry_text)
        what = f" '{key.group(1)}'" if key else ""
        line = first + entry_text.count("\n", 0, index)
        if missing_comma:
            return f"malformed BibTeX entry{what}: no ',' after the field that ends at line {line}"
        after = entry_text[index + 1 :].split("\n", 1)[0].strip()
        shown = after if len(after) <= 40 else after[:40] + " ..."
        return f"malformed BibTeX entry{what}: a '}}' at line {line} closes the field early (text after it: '{shown}')"
    head = entry_text.splitlines()[0][:60]
    closes = f" (it closes at line {last})" if last > first else ""
    return f"malformed BibTeX entry: cannot parse '{head}'{closes}"


def read_bibtex(text: TextFile) -> Iterator[Paper | Problem]:
    """Every entry of a BibTeX file as a Paper; @string macros apply, @comment/@preamble are skipped."""
    parser = _EntryParser()
    for item in _entries(text):
        if isinstance(item, Problem):
            yield item
            continue
        first, last, kind, entry_text = item
        if kind in ("comment", "preamble"):
            continue
        bad = text.utf8_problem(first, last)
        if bad:
            yield bad
            continue
        if kind == "string":
            parser.parse(entry_text)
            continue
        entry = parser.parse(entry_text)
        if entry is None:
            yield text.problem(first, _unparsed(entry_text, first, last))
            continue
        yield entry_to_paper(text, first, last, entry)
