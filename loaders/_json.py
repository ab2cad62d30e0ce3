"""JSON input shared by the JSON-based loaders: JSON Lines (streamed) or one JSON document.

JSON Lines are read one line at a time, so a malformed line costs one record. A single document (a JSON
array, or an API page such as ``{"data": [...]}`` / ``{"results": [...]}``) is read into memory, which is fine
for the sizes such files have, and walked element by element (``raw_decode`` per element), so that every
record keeps its line number and the records before a syntax error or a cut still load. Documents that
follow one another (``[...] [...]``, ``{...}{...}``) are all read; anything else after one is reported.
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
        except (ValueError, RecursionError):
            continue
    return False


def _has_json_line(text: TextFile) -> bool:
    """Whether any line of the file is a JSON object on its own (JSON Lines whose first lines are bad)."""
    for _, line in text.lines():
        line = line.strip()
        if line.startswith("{") and line.endswith("}"):
            try:
                if isinstance(json.loads(line), dict):
                    return True
            except (ValueError, RecursionError):
                continue
    return False


def iter_json(text: TextFile) -> Iterator[tuple[int, dict] | Problem]:
    """Yield ``(line, record_dict)`` for each record, or a Problem for a record that cannot be read.

    Raises InputError when the file is one JSON document that does not parse (after the records before
    the error). A file whose document fails before its first record but holds a line that is a JSON object
    is JSON Lines with bad first lines: it is read line by line, each bad line a Problem.
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
        return
    lines.close()
    started = False
    try:
        for item in _iter_document(text):
            started = True
            yield item
    except InputError:
        if started or not _has_json_line(text):
            raise
        yield from _iter_lines(text, (), text.lines())


def is_json_lines_file(text: TextFile) -> bool:
    """Whether ``iter_json`` reads this file as JSON Lines from its head (the same test on the same head);
    False for a file with carriage-return line ends, which only ``TextFile`` splits into lines."""
    lines = text.lines()
    try:
        head = _head(lines)
    finally:
        lines.close()
    return bool(head) and not text.cr_only and _is_json_lines(head)


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
            yield text.problem(number, f"malformed JSON: {detail} (column {column}){text.ends_inside(number)}")
            continue
        except RecursionError:
            yield text.problem(number, "malformed JSON: nested too deeply")
            continue
        if type(value) is dict and "title" in value:  # one record per line: skip the page checks
            yield number, value
            continue
        records = _records_of(value)
        if records is None:
            records = [value]
        others = [record for record in records if not isinstance(record, dict)]
        for record in records:
            if isinstance(record, dict):
                yield number, record
        if len(others) == 1:
            yield text.problem(number, f"record is not a JSON object but {type(others[0]).__name__}")
        elif others:  # one problem for the line, not one per value
            yield text.problem(
                number, f"{len(others)} values of the line's JSON array are not records (JSON objects), the first a {type(others[0]).__name__}"
            )


def _skip_value(document: str, pos: int) -> int:
    """The end of the array/object starting at ``pos``, by bracket depth (strings skipped): lets a value too
    deeply nested for the decoder be stepped over. ``len(document)`` when it never closes."""
    depth = 0
    in_string = False
    index = pos
    while index < len(document):
        char = document[index]
        if in_string:
            if char == "\\":
                index += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(document)


def _iter_document(text: TextFile) -> Iterator[tuple[int, dict] | Problem]:
    """The records of a file that is one JSON document (or several, one after another): an array, an API
    page ``{"data": [...]}`` or one record. Walked element by element, so that every record keeps its line
    and the records before a syntax error or a cut are yielded before the InputError that reports it."""
    document, starts = text.read_document()
    size = len(document)

    def line_of(offset: int) -> int:
        return bisect_right(starts, offset)

    def fail(offset: int, message: str, err: Exception | None = None):
        error = InputError(f"malformed JSON document: {message}", text.name, line_of(offset))
        if err is not None:
            raise error from err
        raise error

    def char(pos: int) -> str:
        return document[pos] if pos < size else ""

    def decode(pos: int) -> tuple[Any, int]:
        try:
            return _decoder.raw_decode(document, pos)
        except RecursionError:
            fail(pos, "nested too deeply")
        except ValueError as err:
            fail(getattr(err, "pos", pos), f"{getattr(err, 'msg', err)} (column {getattr(err, 'colno', '?')})", err)

    def next_item(pos: int, close: str, item: str, container: str) -> tuple[int, bool]:
        """After an array element or object member ending at ``pos``: (where the next item starts, False)
        after a ',', or (the offset after ``close``, True) at the container's end; anything else fails."""
        pos = _skip_ws(document, pos)
        if char(pos) == ",":
            return _skip_ws(document, pos + 1), False
        if char(pos) == close:
            return pos + 1, True
        fail(pos, f"expected ',' or '{close}' after {item}" if pos < size else f"the {container} is not closed (file cut?)")

    def elements(pos: int, items: list) -> int:
        """Walk the array at ``pos`` ('['), appending each element as (start, value, end) to ``items``
        (a value too deeply nested as (start, None, end)); return the offset after the ']'."""
        pos = _skip_ws(document, pos + 1)
        if char(pos) == "]":
            return pos + 1
        while True:
            start = pos
            if char(pos) in ("[", "{"):
                try:
                    value, end = _decoder.raw_decode(document, pos)
                except RecursionError:
                    value, end = _TOO_DEEP, _skip_value(document, pos)
                except ValueError:
                    value, end = decode(pos)  # reports the error
            else:
                value, end = decode(pos)
            items.append((start, value, end))
            pos, closed = next_item(end, "]", "an array element", "array")
            if closed:
                return pos

    def emit(items: list) -> Iterator[tuple[int, dict] | Problem]:
        for start, value, end in items:
            first, last = line_of(start), line_of(max(start, end - 1))
            bad = text.utf8_problem(first, last)
            if bad:
                yield bad
            elif value is _TOO_DEEP:
                yield text.problem(first, "malformed JSON: nested too deeply")
            elif isinstance(value, dict):
                yield first, value
            else:
                yield text.problem(first, f"record is not a JSON object but {type(value).__name__}")

    def members(pos: int, fields: dict, lists: dict) -> int:
        """Walk the object at ``pos`` ('{') member by member into ``fields``; the elements of a list under a
        LIST_KEYS key go (with offsets) to ``lists`` as they are read. Return the offset after the '}'."""
        pos = _skip_ws(document, pos + 1)
        if char(pos) == "}":
            return pos + 1
        while True:
            if char(pos) != '"':
                fail(pos, "expected a member name in double quotes" if pos < size else "the object is not closed (file cut?)")
            key, pos = decode(pos)
            pos = _skip_ws(document, pos)
            if char(pos) != ":":
                fail(pos, "expected ':' after a member name")
            pos = _skip_ws(document, pos + 1)
            if key in LIST_KEYS and char(pos) == "[":
                items = lists[key] = []
                fields[key] = _Partial(items)
                pos = elements(pos, items)
                fields[key] = _Partial(items).values()
            else:
                fields[key], pos = decode(pos)
            pos, closed = next_item(pos, "}", "an object member", "object")
            if closed:
                return pos

    def page_items(fields: dict, lists: dict) -> list | None:
        view = {k: (list(v.values()) if isinstance(v, _Partial) else v) for k, v in fields.items()}
        records = _records_of(view)
        if records is None:
            return None
        return next((lists[k] for k in LIST_KEYS if view.get(k) is records and k in lists), None)

    pos = first = _skip_ws(document, 0)
    while pos < size:
        if char(pos) == "[":
            items: list = []
            try:
                pos = elements(pos, items)
            except InputError:
                yield from emit(items)  # the records before the error
                raise
            yield from emit(items)
        elif char(pos) == "{":
            start = pos
            fields: dict = {}
            lists: dict = {}
            try:
                pos = members(pos, fields, lists)
            except InputError:
                items = page_items(fields, lists)  # a page cut or broken after some of its records
                if items:
                    yield from emit(items)
                raise
            items = page_items(fields, lists)
            yield from emit(items if items is not None else [(start, fields, pos)])
        elif pos == first:
            fail(pos, "expected a JSON array or object")
        else:
            fail(pos, "extra data after the JSON value (only arrays or objects may follow one another)")
        pos = _skip_ws(document, pos)


class _Partial:
    """The elements read so far of a record list whose array is being walked."""

    __slots__ = ("items",)

    def __init__(self, items: list):
        self.items = items

    def values(self) -> list:
        return [{} if value is _TOO_DEEP else value for _, value, _ in self.items]


_TOO_DEEP = object()  # an array element too deeply nested to decode
