"""Web of Science plain text (``savedrecs.txt``: "Export -> Plain text file", full record).

The file opens with ``FN Clarivate Analytics Web of Science`` and ``VR 1.0`` and ends with ``EF``; each
record runs from ``PT J`` (the publication type) to ``ER``. A field line is a two-character tag, a space and
the value; a line opening with three spaces continues the field above it. In the author fields (``AU``,
``AF``, ``GP``) every continuation line is the next author; in the others it is the next piece of the
same text (a wrapped title or abstract).

Read: title ``TI``; abstract ``AB``; authors ``AF`` ('Dao, Tri' -> 'Tri Dao'), else ``AU`` ('Dao, T' ->
'T Dao'), group authors ``GP`` after them; year ``PY``, else the early-access date ``EA`` ('JAN 2024');
DOI ``DI`` (an arXiv DOI gives the arXiv id); the record's Web of Science page from ``UT`` as the URL and ``UT`` ('WOS:000...') as the source's ``record_id``; the Web of Science categories ``WC`` (split at ';'). A
record left open (no ``ER``), a field line outside a record or a line that is neither a field nor a
continuation skips that record with a Problem at its first line; the rest of the file still loads.
"""

from __future__ import annotations

import re
from typing import Iterator

from relwork.core.records import Paper
from relwork.loaders.base import Problem, TextFile, make_paper, papers_from, parse_year
from relwork.loaders.ris import ris_authors

_FIELD = re.compile(r"([A-Z][A-Z0-9])(?: (.*))?$")
LIST_FIELDS = frozenset({"AU", "AF", "GP", "BA", "BF", "CA", "BE"})  # one value per line
FILE_TAGS = frozenset({"FN", "VR", "EF"})  # the file's header and end, outside records
WOS_URL = "https://www.webofscience.com/wos/woscc/full-record/{}"


def record_to_paper(text: TextFile, first: int, last: int, fields: dict[str, list[str]]) -> Paper | Problem:
    """Map one record (tag -> values in file order) to a Paper."""
    year = next((parse_year(v) for v in fields.get("PY", []) + fields.get("EA", []) if parse_year(v)), None)
    uid = next((v for v in fields.get("UT", []) if v), None)
    authors = ris_authors(fields.get("AF") or fields.get("AU") or []) + [" ".join(g.split()) for g in fields.get("GP", [])]
    return make_paper(
        text,
        first,
        " ".join(fields.get("TI", [])),
        " ".join(fields.get("AB", [])),
        last_line=last,
        doi=next(iter(fields.get("DI", [])), None),
        year=year,
        authors=authors,
        url=WOS_URL.format(uid) if uid else None,
        record_id=uid,
        categories=" ".join(fields.get("WC", [])).split(";"),
    )


def _records(text: TextFile) -> Iterator[tuple[int, int, dict[str, list[str]]] | Problem]:
    """Split the file into records: yield (first_line, last_line, fields) or the Problem that skips one."""
    start: int | None = None
    fields: dict[str, list[str]] = {}
    last_tag = ""
    broken: Problem | None = None
    for number, line in text.lines():
        if not line.strip():
            continue
        if line.startswith("   ") or line[:1] == "\t":
            if start is None:
                continue  # a wrapped header line
            if last_tag in LIST_FIELDS:
                fields[last_tag].append(line.strip())
            elif last_tag:
                fields[last_tag][-1] += " " + line.strip()
            continue
        match = _FIELD.match(line.rstrip())
        tag = match.group(1) if match else ""
        if tag == "PT":
            if start is not None:
                yield broken or text.problem(start, f"Web of Science record has no ER line (the next record starts at line {number})")
            start, fields, last_tag, broken = number, {}, "PT", None
            fields["PT"] = [match.group(2) or ""]
            continue
        if start is None:
            if tag and tag not in FILE_TAGS and tag != "ER":  # a field outside any record: its record lost the PT line
                start, fields, last_tag = number, {}, ""
                broken = text.problem(number, f"Web of Science record has no PT line (it starts with '{line.strip()[:40]}')")
            continue  # the file header and end ('FN', 'VR', 'EF') and text between records
        if tag == "ER":
            yield broken or (start, number, fields)
            start = None
            continue
        if match is None:
            if broken is None:
                broken = text.problem(start, f"malformed Web of Science line {number}: '{line.strip()[:40]}' is not 'XX value'")
            continue
        fields.setdefault(tag, []).append((match.group(2) or "").strip())
        last_tag = tag
    if start is not None:
        yield broken or text.problem(start, "Web of Science record has no ER line (the file ends inside the record)")


def read_wos(text: TextFile) -> Iterator[Paper | Problem]:
    """Every record of a Web of Science plain-text export as a Paper, or the Problem that skips it."""
    return papers_from(text, _records(text), record_to_paper)
