"""RIS (``.ris``): the tagged export of Zotero, Mendeley, EndNote, Web of Science, Scopus, IEEE Xplore, PubMed.

A record runs from a ``TY  - JOUR`` line to an ``ER  -`` line; every line in between is ``XX  - value``
(a two-character tag, two spaces, a hyphen, a space) or, when it has no tag, the continuation of the
previous value (EndNote and Web of Science wrap long abstracts). Repeated tags accumulate (one ``AU`` or
``KW`` line each); tags are read case-insensitively (``er  -``). Text outside records (the
``Provider:``/``Database:`` header some publishers write) is ignored, as BibTeX ignores text between entries.

Read: title ``TI``, else ``T1`` (``T2`` is the journal or proceedings, never the title); abstract ``AB`` or
``N2`` (the longer); authors ``AU`` and ``A1`` ('Last, First' -> 'First Last'; ``A2``-``A4`` are editors
and series editors, not authors); year ``PY``, else ``Y1``, else ``DA`` ('2019///', '2019/05/03',
'12-15 May 2019'; ``Y2`` is Zotero's access date, not used); ``DO``; ``UR`` (the first one); the arXiv id
from an arxiv.org ``UR``, the arXiv DOI, an ``ID``/``AN`` that is an arXiv id, or an 'arXiv:2205.14135'
note (``N1``, ``M1``, ``T2``/``JO``/``JF``). A record left open (no ``ER`` before the next ``TY`` or the end
of the file), a tag line outside a record, or a line inside a record that is a tag with a broken separator
('AB -text') skips that record with a Problem at its first line; the rest of the file still loads. The
record's ``ID`` (else ``AN``), when it is no arXiv id or DOI, is kept as the source's ``record_id``.
"""

from __future__ import annotations

import re
from typing import Iterator

from relwork.core.records import Paper, normalize_arxiv_id
from relwork.loaders.base import (
    Problem, TextFile, arxiv_note_id, make_paper, papers_from, parse_year, unescape_entities,
)

_TAG_LINE = re.compile(r"([A-Za-z][A-Za-z0-9])  -(?:[ \t](.*))?$")
# the tags of the RIS specification (and the common exporters' additions): a line that starts with one of
# them but has a broken separator ('AB -x', 'TI- x', 'PY -2019') is a damaged tag line, not abstract text
_KNOWN_TAGS = frozenset(
    "TY ER A1 A2 A3 A4 AB AD AN AU AV BT C1 C2 C3 C4 C5 C6 C7 C8 CA CN CP CT CY DA DB DO DP ED EP ET ID IS "
    "J1 J2 JA JF JO KW L1 L2 L3 L4 LA LB LK M1 M2 M3 N1 N2 NV OP PB PP PY RI RN RP SE SN SP ST T1 T2 T3 TA "
    "TI TT U1 U2 U3 U4 U5 UR VL VO Y1 Y2".split()
)
_BROKEN_TAG = re.compile(r"([A-Z][A-Z0-9])(?:[ \t]*-(?:[ \t]|$)|[ \t]+-)")


def _tag(line: str) -> tuple[str, str] | None:
    """``(TAG, value)`` for a tag line ('TI  - Title', 'er  -'), else None."""
    match = _TAG_LINE.match(line.rstrip())
    if match is None:
        return None
    return match.group(1).upper(), (match.group(2) or "").strip()


def _broken_tag(line: str) -> bool:
    """A line that starts like a known tag but breaks the 'XX  - ' separator ('AB -text', 'TI- x')."""
    match = _BROKEN_TAG.match(line)
    return match is not None and match.group(1) in _KNOWN_TAGS


def ris_authors(values: list[str]) -> list[str]:
    """'Dao, Tri' -> 'Tri Dao'; 'Gu, Albert, Jr.' -> 'Albert Gu Jr.'; 'Dao T.' (old Scopus) stays."""
    names = []
    for value in values:
        pieces = [piece.strip() for piece in value.split(",")]
        if len(pieces) == 2 and all(pieces):
            value = f"{pieces[1]} {pieces[0]}"
        elif len(pieces) == 3 and pieces[0] and pieces[1]:
            value = f"{pieces[1]} {pieces[0]} {pieces[2]}"
        name = " ".join(value.split())
        if name and name.lower().rstrip(".") not in ("et al", "others"):
            names.append(name)
    return names


def _arxiv_id(fields: dict[str, list[str]]) -> str | None:
    """The arXiv id from an arxiv.org URL, an ID/AN that is one, or an 'arXiv:ID' note or journal name."""
    for url in fields.get("UR", ()):
        if "arxiv" in url.lower():
            found = normalize_arxiv_id(url)
            if found:
                return found
    for tag in ("ID", "AN"):
        for value in fields.get(tag, ()):
            found = normalize_arxiv_id(value)
            if found:
                return found
    for tag in ("N1", "M1", "T2", "JO", "JF", "J2"):
        for value in fields.get(tag, ()):
            found = arxiv_note_id(value)
            if found:
                return found
    return None


def _first_text(fields: dict[str, list[str]], *tags: str) -> str:
    """The values of the first of ``tags`` the record has, joined (a repeated TI/AB is one text in parts)."""
    for tag in tags:
        if fields.get(tag):
            return " ".join(fields[tag])
    return ""


def record_to_paper(text: TextFile, first: int, last: int, fields: dict[str, list[str]]) -> Paper | Problem:
    """Map one RIS record (tag -> values in file order) to a Paper."""
    abstract = max((" ".join(fields.get(tag, ())) for tag in ("AB", "N2")), key=len)
    year = None
    for tag in ("PY", "Y1", "DA"):
        year = next((parse_year(value) for value in fields.get(tag, ()) if parse_year(value)), None)
        if year:
            break
    return make_paper(
        text,
        first,
        unescape_entities(_first_text(fields, "TI", "T1")),  # 'Wide &amp; Deep' from a web export, as authors
        abstract,
        last_line=last,
        arxiv=_arxiv_id(fields),
        doi=next(iter(fields.get("DO", ())), None),
        year=year,
        authors=ris_authors(fields.get("AU", []) + fields.get("A1", [])),
        url=next(iter(fields.get("UR", ())), None),
        keywords=fields.get("KW"),
        record_id=_own_id(fields),
    )


def _own_id(fields: dict[str, list[str]]) -> str | None:
    """The record's own id, ``ID`` (EndNote's record number) else the accession number ``AN`` (Web of Science's
    'WOS:...', Scopus' '2-s2.0-...'), unless it is an arXiv id or a DOI, which the paper id keeps already."""
    for tag in ("ID", "AN"):
        for value in fields.get(tag, ()):
            value = " ".join(value.split())
            if value and not normalize_arxiv_id(value) and not value.lower().startswith(("10.", "doi:")):
                return value
    return None


def _records(text: TextFile) -> Iterator[tuple[int, int, dict[str, list[str]]] | Problem]:
    """Split the file into records: yield (first_line, last_line, fields) or the Problem that skips one."""
    start: int | None = None  # first line of the open record
    fields: dict[str, list[str]] = {}
    last_tag = ""
    broken: Problem | None = None  # the first damaged line of the open record
    for number, line in text.lines():
        tagged = _tag(line)
        if tagged is None:
            if start is None or not line.strip():
                continue  # header text and blank lines between (or inside) records
            if _broken_tag(line):
                if broken is None:
                    shown = line.strip()[:40]
                    broken = text.problem(start, f"malformed RIS line {number}: '{shown}' is not 'XX  - value'")
            elif last_tag:
                fields[last_tag][-1] += " " + line.strip()
            continue
        tag, value = tagged
        if tag == "TY":
            if start is not None:
                reason = f"RIS record has no ER line (the next record starts at line {number})"
                yield broken or text.problem(start, reason)
            start, fields, last_tag, broken = number, {"TY": [value]}, "TY", None
            continue
        if start is None:
            if tag != "ER":  # a tag line outside any record: its record lost the TY line
                start, fields, last_tag = number, {tag: [value]}, tag
                broken = text.problem(number, f"RIS record has no TY line (it starts with '{line.strip()[:40]}')")
            continue
        if tag == "ER":
            yield broken or (start, number, fields)
            start = None
            continue
        fields.setdefault(tag, []).append(value)
        last_tag = tag
    if start is not None:
        yield broken or text.problem(start, "RIS record has no ER line (the file ends inside the record)")


def read_ris(text: TextFile) -> Iterator[Paper | Problem]:
    """Every record of a RIS file as a Paper, or the Problem that skips it."""
    return papers_from(text, _records(text), record_to_paper)
