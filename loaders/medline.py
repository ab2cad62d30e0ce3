"""MEDLINE / PubMed format (``.nbib``, ``.medline``, ``pubmed-*.txt``): PubMed's "Save -> PubMed format" and the
citation export of NCBI, EndNote and Zotero.

A record is a run of ``TAG - value`` lines: the tag (up to four capitals, 'TI', 'FAU', 'PMID') padded to four
columns, then ``- ``; a line opening with spaces continues the previous value (PubMed wraps at 88 columns,
the continuation indented by six spaces). Records are separated by a blank line, and a ``PMID-`` line
always opens a new one.

Read: title ``TI``, else the book title ``BTI``; abstract ``AB``; authors ``FAU`` ('Dao, Tri' -> 'Tri Dao'),
else ``AU`` ('Dao T') as written, with collective authors ``CN`` in their place; year from ``DP``
('2019 May 3', '2018 Winter'), else the electronic date ``DEP`` ('20190503'), else ``EDAT``; the DOI from
``LID``/``AID`` values marked ``[doi]``; an arXiv id from an ``[arxiv]`` identifier or an 'arXiv:ID' value;
the PubMed page of ``PMID`` as the URL and 'PMID:<n>' as the source's ``record_id``. A line inside a record that is neither a tag line nor a
continuation skips that record with a Problem naming the line; the rest of the file still loads.
"""

from __future__ import annotations

import re
from typing import Iterator

from relwork.core.records import Paper, normalize_arxiv_id
from relwork.loaders.base import Problem, TextFile, make_paper, papers_from, parse_year
from relwork.loaders.ris import ris_authors

_TAG_LINE = re.compile(r"([A-Z][A-Z0-9]{0,3}) *- ?(.*)$")
_ID_VALUE = re.compile(r"(.*?)\s*\[([a-z\-]+)\]\s*$")
_ARXIV_VALUE = re.compile(r"arxiv[:\s]\s*(\d{4}\.\d{4,5}|[a-z][a-z.\-]+/\d{7})(?:v\d+)?", re.I)
PUBMED_URL = "https://pubmed.ncbi.nlm.nih.gov/{}/"


def _tag(line: str) -> tuple[str, str] | None:
    """``(TAG, value)`` for a tag line ('TI  - Title', 'PMID- 123'), else None. The tag fills four columns,
    so 'AB -text' (separator in the wrong column) is not one."""
    if len(line) < 5 or line[4] != "-":
        return None
    match = _TAG_LINE.match(line)
    if match is None or len(match.group(1)) > 4:
        return None
    return match.group(1), match.group(2).strip()


def _ids(fields: dict[str, list[str]]) -> tuple[str | None, str | None]:
    """(arXiv id, DOI) from the typed identifiers ``LID``/``AID`` ('10.1000/x [doi]', '2401.1 [arxiv]')."""
    arxiv = doi = None
    for value in fields.get("LID", []) + fields.get("AID", []):
        typed = _ID_VALUE.match(value)
        kind = typed.group(2) if typed else ""
        plain = typed.group(1) if typed else value
        if kind == "doi" and doi is None:
            doi = plain
        if arxiv is None:
            if kind == "arxiv":
                arxiv = normalize_arxiv_id(plain)
            else:
                note = _ARXIV_VALUE.search(plain)
                arxiv = normalize_arxiv_id(note.group(1)) if note else None
    return arxiv, doi


def _year(fields: dict[str, list[str]]) -> int | None:
    for value in fields.get("DP", []):
        if parse_year(value):
            return parse_year(value)
    for value in fields.get("DEP", []):  # '20190503': no separators, so the year is its first four digits
        if value[:4].isdigit() and parse_year(value[:4]):
            return parse_year(value[:4])
    return next((parse_year(v) for v in fields.get("EDAT", []) if parse_year(v)), None)


def medline_authors(order: list[tuple[str, str]]) -> list[str]:
    """Authors in file order: full names ``FAU`` when the record has them, else ``AU``; ``CN`` in place."""
    person = "FAU" if any(tag == "FAU" for tag, _ in order) else "AU"
    names: list[str] = []
    for tag, value in order:
        if tag == person:
            names.extend(ris_authors([value]) if person == "FAU" else [" ".join(value.split())])
        elif tag == "CN" and value.strip():
            names.append(" ".join(value.split()))
    return names


def record_to_paper(text: TextFile, first: int, last: int, order: list[tuple[str, str]]) -> Paper | Problem:
    """Map one MEDLINE record (its (tag, value) pairs in file order) to a Paper."""
    fields: dict[str, list[str]] = {}
    for tag, value in order:
        fields.setdefault(tag, []).append(value)
    arxiv, doi = _ids(fields)
    pmid = next((v for v in fields.get("PMID", []) if v.isdigit()), None)
    return make_paper(
        text,
        first,
        " ".join(fields.get("TI") or fields.get("BTI") or []),
        " ".join(fields.get("AB", [])),
        last_line=last,
        arxiv=arxiv,
        doi=doi,
        year=_year(fields),
        authors=medline_authors(order),
        url=PUBMED_URL.format(pmid) if pmid else None,
        record_id=f"PMID:{pmid}" if pmid else None,
    )


def _records(text: TextFile) -> Iterator[tuple[int, int, list[tuple[str, str]]] | Problem]:
    """Split the file into records: yield (first_line, last_line, [(tag, value), ...]) or the Problem that
    skips one."""
    start: int | None = None
    last = 0
    order: list[tuple[str, str]] = []
    broken: Problem | None = None
    for number, line in text.lines():
        if not line.strip():
            if start is not None:
                yield broken or (start, last, order)
                start = None
            continue
        if line[:1] in " \t":
            if start is not None and order:
                tag, value = order[-1]
                order[-1] = (tag, f"{value} {line.strip()}" if value else line.strip())
                last = number
            elif start is None:
                start, last, order = number, number, []
                broken = text.problem(number, "MEDLINE record starts with a continuation line (its first tag line is missing)")
            continue
        tagged = _tag(line)
        if tagged is not None and tagged[0] == "PMID" and start is not None:
            yield broken or (start, last, order)  # no blank line between two records
            start = None
        if start is None:
            start, order, broken = number, [], None
        last = number
        if tagged is None:
            if broken is None:
                broken = text.problem(start, f"malformed MEDLINE line {number}: '{line.strip()[:40]}' is not 'TAG - value'")
            continue
        order.append(tagged)
    if start is not None:
        yield broken or (start, last, order)


def read_medline(text: TextFile) -> Iterator[Paper | Problem]:
    """Every record of a MEDLINE/PubMed file as a Paper, or the Problem that skips it."""
    return papers_from(text, _records(text), record_to_paper)
