"""JSON input shared by the JSON-based loaders: JSON Lines (streamed) or one JSON document.

JSON Lines are read one line at a time, so a malformed line costs one record. A single document (a JSON
array, or an API page such as ``{"data": [...]}`` / ``{"results": [...]}``) is read whole, which is fine for
the sizes such files have, and walked element by element so that every record keeps its line number.
A line of JSON Lines may itself be an API page or an array: its records all get that line number.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from itertools import chain
from typing import Any, Iterator

from relwork.core.errors import InputError
from relwork.loaders.base import Problem, TextFile

# keys under which API pages and wrappers keep their list of records
LIST_KEYS = ("data", "results", "papers", "records", "items", "works", "entries")

_decoder = json.JSONDecoder()


def _records_of(value: Any) -> list[Any] | None:
    """The record list inside a page/wrapper object, or None when ``value`` is a record itself."""
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        # the common case, one record per line: it has a title (pages have none) and no list key to check
        if "title" in value:
            return None
        for key in LIST_KEYS:
            if isinstance(value.get(key), list) and (
                not value[key] or all(isinstance(item, dict) for item in value[key])
            ):
                # a record with e.g. a 'data' list of its own is not a page: pages have no title
                if not any(k in value for k in ("title", "Title", "display_name")):
                    return value[key]
    return None


def _skip_ws(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _is_json_lines(lines: list[tuple[int, str]]) -> bool:
    """JSON Lines when one of the first two non-blank lines is a complete JSON value on its own."""
    for _, text in lines[:2]:
        try:
            json.loads(text)
            return True
        except ValueError:
            continue
    return False


def iter_json(text: TextFile) -> Iterator[tuple[int, dict] | Problem]:
    """Yield ``(line, record_dict)`` for each record, or a Problem for a record that cannot be read.

    Raises InputError when the file is one JSON document that does not parse.
    """
    if text.json_lines:  # a LineChunk of a file already known to be JSON Lines
        yield from _iter_lines(text, (), text.lines())
        return
    lines = text.lines()
    head = _head(lines)
    if not head:
        return
    if _is_json_lines(head):
        yield from _iter_lines(text, head, lines)
    else:
        lines.close()
        yield from _iter_document(text)


def is_json_lines_file(text: TextFile) -> bool:
    """Whether ``iter_json`` reads this file as JSON Lines (the same test on the same head)."""
    lines = text.lines()
    try:
        head = _head(lines)
    finally:
        lines.close()
    return bool(head) and _is_json_lines(head)


def _head(lines: Iterator[tuple[int, str]], size: int = 2) -> list[tuple[int, str]]:
    """The first ``size`` non-blank numbered lines, read from ``lines`` and no further (the rest stays unread)."""
    head: list[tuple[int, str]] = []
    for number, line in lines:
        if line.strip():
            head.append((number, line))
            if len(head) == size:
                break
    return head


def _iter_lines(text: TextFile, head, rest) -> Iterator[tuple[int, dict] | Problem]:
    bad_lines = text.bad_lines
    for number, line in chain(head, rest):
        if not line or line.isspace():
            continue
        if bad_lines and number in bad_lines:
            yield text.utf8_problem(number)
            continue
        try:
            value = json.loads(line)
        except ValueError as err:
            detail = getattr(err, "msg", str(err))
            column = getattr(err, "colno", None)
            yield text.problem(number, f"malformed JSON: {detail} (column {column})")
            continue
        if type(value) is dict and "title" in value:  # one record per line: skip the page checks
            yield number, value
            continue
        records = _records_of(value)
        for record in records if records is not None else [value]:
            if isinstance(record, dict):
                yield number, record
            else:
                yield text.problem(number, f"record is not a JSON object but {type(record).__name__}")


def _iter_document(text: TextFile) -> Iterator[tuple[int, dict] | Problem]:
    document, starts = text.read_document()

    def line_of(offset: int) -> int:
        return bisect_right(starts, offset)

    def fail(offset: int, message: str, err: Exception | None = None):
        error = InputError(f"malformed JSON document: {message}", text.path, line_of(offset))
        if err is not None:
            raise error from err
        raise error

    def decode(pos: int) -> tuple[Any, int]:
        try:
            return _decoder.raw_decode(document, pos)
        except ValueError as err:
            fail(getattr(err, "pos", pos), f"{getattr(err, 'msg', err)} (column {getattr(err, 'colno', '?')})", err)

    def elements(pos: int) -> Iterator[tuple[int, Any, int]]:
        """Walk the array at ``pos`` ('['), yielding each element's (start, value, end) offsets."""
        pos = _skip_ws(document, pos + 1)
        if pos < len(document) and document[pos] == "]":
            return
        while True:
            start = pos
            value, end = decode(pos)
            pos = _skip_ws(document, end)
            yield start, value, end
            if pos < len(document) and document[pos] == ",":
                pos = _skip_ws(document, pos + 1)
                continue
            if pos < len(document) and document[pos] == "]":
                return
            fail(pos, "expected ',' or ']' after an array element")

    def emit(start: int, value: Any, end: int) -> Iterator[tuple[int, dict] | Problem]:
        first, last = line_of(start), line_of(max(start, end - 1))
        bad = text.utf8_problem(first, last)
        if bad:
            yield bad
        elif isinstance(value, dict):
            yield first, value
        else:
            yield text.problem(first, f"record is not a JSON object but {type(value).__name__}")

    pos = _skip_ws(document, 0)
    if document[pos] == "[":
        for start, value, end in elements(pos):
            yield from emit(start, value, end)
        return
    if document[pos] != "{":
        fail(pos, "expected a JSON array or object")
    # walk the top-level object key by key so that the record list keeps its offsets
    value, _end = decode(pos)
    records = _records_of(value)
    if records is None:
        yield from emit(pos, value, _end)
        return
    list_key = next(k for k in LIST_KEYS if value.get(k) is records)
    pos = _skip_ws(document, pos + 1)
    while pos < len(document) and document[pos] != "}":
        key, pos = decode(pos)
        pos = _skip_ws(document, pos)
        pos = _skip_ws(document, pos + 1)  # the ':'
        if key == list_key and document[pos] == "[":
            for start, item, end in elements(pos):
                yield from emit(start, item, end)
            return
        _, pos = decode(pos)
        pos = _skip_ws(document, pos)
        if pos < len(document) and document[pos] == ",":
            pos = _skip_ws(document, pos + 1)
