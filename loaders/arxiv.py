"""arXiv: the bulk metadata snapshot (Kaggle ``arxiv-metadata-oai-snapshot.json``) and API Atom feeds.

Snapshot: JSON Lines with ``id``, ``title``, ``abstract``, ``authors`` / ``authors_parsed``, ``doi``,
``versions``, ``update_date`` and ``categories``. The year is that of the first version (``versions[0].created``), the
date the paper appeared, falling back to the id's YYMM prefix and then ``update_date``. TeX accents in the
title and abstract are decoded as ``authors_parsed`` has them (``Gr\\"obner`` -> ``Gröbner``); math stays as
written. Of several DOIs the first (the paper's) is kept.

Atom: responses of ``export.arxiv.org/api/query``, parsed with defusedxml (no entity expansion, no
external entities). An error feed (one entry titled 'Error') becomes a Problem carrying arXiv's message.

Both carry arXiv's hard line wraps: a line that ends in a hyphen right after a word joins the next without a space
(``Mask R-\\nCNN`` is ``Mask R-CNN``, not ``Mask R- CNN``, which no method name matches).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator
from xml.parsers.expat import ErrorString

from relwork.core.errors import InputError
from relwork.core.records import Paper, arxiv_year, normalize_arxiv_id
from relwork.loaders._json import iter_json
from relwork.loaders.base import Problem, TextFile, make_paper, papers_from, parse_authors, parse_year
from relwork.loaders.bibtex import latex_to_text

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
_ENTRY_START = re.compile(r"<(?:[\w.-]+:)?entry[\s>]")


# one accented letter in TeX: '\\"o', "\\'{e}", '{\\"U}', '\\c{c}', '\\v s', '\\ss', "\\'{\\i}"; a letter command (\\c, \\v, \\u,
# ...) takes its letter in braces or after a space, so '\\bar' or '\\cdot' never match
_LETTER = r"(?:\{\s*\\?[A-Za-z]\s*\}|\\[ij](?![A-Za-z])|[A-Za-z])"
_ACCENT = (
    rf"\\(?:['\"`^~=.]\s*{_LETTER}|[uvHckdrt](?:\s*\{{\s*\\?[A-Za-z]\s*\}}|\s+[A-Za-z])"
    r"|(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\{\})?)"
)
_TEX_ACCENT = re.compile(rf"\{{{_ACCENT}\}}|{_ACCENT}")
_MATH = re.compile(r"\$\$.*?\$\$|\$.*?\$|\\\(.*?\\\)", re.S)


_WRAPPED_HYPHEN = re.compile(r"(?<=\w)-[ \t]*\r?\n\s*(?=\w)")


def unwrap(text: str) -> str:
    """``text`` with arXiv's line wraps after a hyphen closed up ('long-\\nterm' -> 'long-term'). arXiv does not
    hyphenate words itself, so such a hyphen belongs to the word; other line breaks become spaces later, as
    anywhere (``make_paper``)."""
    return _WRAPPED_HYPHEN.sub("-", text) if "\n" in text else text


def decode_accents(text: str) -> str:
    """``text`` with its TeX accents decoded outside math ('Gr\\"obner' -> 'Gröbner', "Koll\\'ar" -> 'Kollár'),
    and nothing else touched: math ('$\\Lambda_{\\alpha}$', which the linker reads as TeX names), braces,
    '%' and other commands stay as written."""
    if "\\" not in text:
        return text
    pieces, last = [], 0
    for math in _MATH.finditer(text):
        pieces.append(_TEX_ACCENT.sub(lambda m: latex_to_text(m.group()), text[last : math.start()]))
        pieces.append(math.group())
        last = math.end()
    pieces.append(_TEX_ACCENT.sub(lambda m: latex_to_text(m.group()), text[last:]))
    return "".join(pieces)


def snapshot_record_to_paper(text: TextFile, line: int, record: dict) -> Paper | Problem:
    """Map one snapshot record to a Paper."""
    arxiv_id = normalize_arxiv_id(str(record.get("id") or ""))
    year = None
    versions = record.get("versions")
    if isinstance(versions, list) and versions and isinstance(versions[0], dict):
        year = parse_year(versions[0].get("created"))
    year = year or arxiv_year(arxiv_id) or parse_year(record.get("update_date"))
    # authors_parsed has the names with TeX accents already decoded; 'authors' keeps them as TeX
    authors = parse_authors(record.get("authors_parsed"))
    if not authors and isinstance(record.get("authors"), str):
        authors = parse_authors(decode_accents(record["authors"]))
    title, abstract = record.get("title"), record.get("abstract")
    return make_paper(
        text,
        line,
        unwrap(decode_accents(title)) if isinstance(title, str) else title,
        unwrap(decode_accents(abstract)) if isinstance(abstract, str) else abstract,
        arxiv=arxiv_id,
        doi=record.get("doi"),
        year=year,
        authors=authors,
        url=f"https://arxiv.org/abs/{arxiv_id}" if arxiv_id else None,
        categories=record.get("categories"),
    )


def read_snapshot(text: TextFile) -> Iterator[Paper | Problem]:
    """The Kaggle arXiv metadata snapshot, streamed line by line."""
    return papers_from(text, iter_json(text), snapshot_record_to_paper)


def _text(element, tag: str) -> str:
    child = element.find(tag)
    return (child.text or "") if child is not None else ""


def read_atom(text: TextFile) -> Iterator[Paper | Problem]:
    """An arXiv API Atom feed; each ``<entry>`` is located by the line where it starts."""
    # imported here: defusedxml and ElementTree take ~8 ms, which only Atom input needs
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    document, starts = text.read_document()
    entry_lines = [bisect_right(starts, match.start()) for match in _ENTRY_START.finditer(document)]
    try:
        root = ElementTree.fromstring(document)
    except DefusedXmlException as err:
        raise InputError(f"forbidden XML construct ({type(err).__name__})", text.name) from err
    except ElementTree.ParseError as err:
        line, column = err.position
        error = InputError(f"malformed XML: {ErrorString(err.code)} (column {column + 1})", text.name, line)
        # a feed cut or broken after some entries: those entries still load, as the records before an
        # error in a JSON array do (the feed up to the last complete entry, closed, is parsed again)
        offset = starts[line - 1] + column if 0 < line <= len(starts) else len(document)
        head = _complete_entries(document, offset)
        if head is not None:
            try:
                yield from _entry_papers(text, ElementTree.fromstring(head), entry_lines, len(starts))
            except (ElementTree.ParseError, DefusedXmlException):
                pass
        raise error from err
    if root.tag != f"{ATOM}feed":
        raise InputError(f"not an Atom feed (root element <{root.tag.split('}')[-1]}>)", text.name, 1)
    yield from _entry_papers(text, root, entry_lines, len(starts))


_ENTRY_END = re.compile(r"</(?:[\w.-]+:)?entry\s*>")
_FEED_START = re.compile(r"<((?:[\w.-]+:)?feed)[\s>]")


def _complete_entries(document: str, offset: int) -> str | None:
    """The feed up to the last ``</entry>`` that ends before ``offset``, closed again; None without one."""
    feed = _FEED_START.search(document)
    ends = [match.end() for match in _ENTRY_END.finditer(document, 0, offset)]
    if not feed or not ends or ends[-1] <= feed.end():
        return None
    return document[: ends[-1]] + f"</{feed.group(1)}>"


def _categories(entry) -> list[str]:
    """An entry's categories, its primary category first."""
    primary = entry.find(f"{ARXIV}primary_category")
    terms = [primary.get("term")] if primary is not None else []
    return terms + [category.get("term") for category in entry.findall(f"{ATOM}category")]


def _entry_papers(text: TextFile, root, entry_lines: list[int], line_count: int) -> Iterator[Paper | Problem]:
    """The papers of a parsed feed's entries, the ``index``-th located at the ``index``-th entry start."""
    if root.tag != f"{ATOM}feed":
        return
    entries = root.findall(f"{ATOM}entry")
    for index, entry in enumerate(entries):
        line = entry_lines[index] if index < len(entry_lines) else 1
        last = (entry_lines[index + 1] - 1) if index + 1 < len(entry_lines) else line_count
        entry_id = _text(entry, f"{ATOM}id").strip()
        if "/api/errors" in entry_id:
            summary = " ".join(_text(entry, f"{ATOM}summary").split())
            yield text.problem(line, f"arXiv API error: {summary}")
            continue
        url = next(
            (link.get("href") for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"),
            entry_id,
        )
        yield make_paper(
            text,
            line,
            unwrap(_text(entry, f"{ATOM}title")),
            unwrap(_text(entry, f"{ATOM}summary")),
            last_line=last,
            arxiv=entry_id,
            doi=_text(entry, f"{ARXIV}doi"),
            year=parse_year(_text(entry, f"{ATOM}published")),
            authors=parse_authors([_text(author, f"{ATOM}name") for author in entry.findall(f"{ATOM}author")]),
            url=url,
            categories=_categories(entry),
        )
