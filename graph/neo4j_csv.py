"""Node and relationship CSV files for ``neo4j-admin database import full``: the fastest way into Neo4j.

Layout of the output directory:
- ``nodes_Paper.csv`` (``id:ID(Paper)``, properties..., ``:LABEL``) and ``nodes_Method.csv``
  (``name:ID(Method)``, ...): the key columns use one ID space per label, so ids become the same ``id`` /
  ``name`` properties ``relwork export neo4j`` writes.
- ``rels_<TYPE>_<Start>_<End>.csv`` (``:START_ID(Start)``, ``:END_ID(End)``, ``key``, properties...,
  ``:TYPE``) for each relationship type and label pair.
Column types are typed headers (``year:long``, ``confidence:double``, ``external:boolean``,
``authors:string[]``). Strings are always quoted (a quote doubled inside), so commas, quotes, backslashes
and line breaks in titles survive (import with ``--multiline-fields=true``); an unquoted empty cell is a
missing property. Array elements are joined by ``;`` unless some element holds one, in which case the first
of ``|`` or U+001F that no element holds is used and the command says so.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from relwork.core.errors import ExportError
from relwork.graph.io import TEXT_ERRORS
from relwork.graph.neo4j import KEY_PROPERTY, graph_rows

_DELIMITERS = (";", "|", "\x1f")


@dataclass
class CsvExport:
    """The files written and the ``neo4j-admin`` command that imports them."""

    directory: Path
    node_files: list[Path] = field(default_factory=list)
    relationship_files: list[Path] = field(default_factory=list)
    nodes: int = 0
    relationships: int = 0
    array_delimiter: str = ";"
    database: str = "neo4j"

    def command_args(self) -> list[str]:
        """The arguments after ``neo4j-admin``."""
        args = ["database", "import", "full", self.database]
        args += [f"--nodes={p}" for p in self.node_files]
        args += [f"--relationships={p}" for p in self.relationship_files]
        args.append("--multiline-fields=true")
        if self.array_delimiter != ";":
            args.append(f"--array-delimiter={_delimiter_option(self.array_delimiter)}")
        return args

    @property
    def command(self) -> str:
        """The shell command to run (with the server stopped, or into a database that does not exist)."""
        return shlex.join(["neo4j-admin", *self.command_args()])


def _delimiter_option(delimiter: str) -> str:
    return delimiter if delimiter.isprintable() else f"U+{ord(delimiter):04X}"


def _column_type(values: list[Any]) -> str:
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return "double"
    if present and all(isinstance(v, list) for v in present):
        return "string[]"
    return "string"


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _cell(value: Any, kind: str, delimiter: str) -> str:
    if value is None:
        return ""
    if kind == "string[]":
        return _quote(delimiter.join(value))
    if kind == "boolean":
        return "true" if value else "false"
    if kind in ("long", "double"):
        return repr(float(value)) if kind == "double" else str(value)
    return _quote(value if isinstance(value, str) else str(value))


def _choose_delimiter(rows_by_file: list[list[dict]]) -> str:
    used = set()
    for rows in rows_by_file:
        for row in rows:
            for value in row["props"].values():
                if isinstance(value, list):
                    for item in value:
                        used.update(c for c in _DELIMITERS if c in item)
    for delimiter in _DELIMITERS:
        if delimiter not in used:
            return delimiter
    raise ExportError("every array delimiter (';', '|', U+001F) occurs inside some list value; cannot write CSV")


def _write_file(path: Path, header: list[str], lines: list[str]) -> None:
    try:
        with path.open("w", encoding="utf-8", errors=TEXT_ERRORS, newline="") as handle:
            handle.write(",".join(header) + "\n")
            for line in lines:
                handle.write(line + "\n")
    except OSError as err:
        raise ExportError(f"{path}: cannot write: {err.strerror or err}") from err


def _property_columns(rows: list[dict], skip: tuple[str, ...]) -> list[tuple[str, str]]:
    names: dict[str, None] = {}
    for row in rows:
        for name in row["props"]:
            if name not in skip:
                names.setdefault(name, None)
    return [(name, _column_type([row["props"].get(name) for row in rows])) for name in sorted(names)]


def write_neo4j_csv(G: nx.MultiDiGraph, directory: str | Path, database: str = "neo4j") -> CsvExport:
    """Write the import files of ``G`` into ``directory`` (created if needed); returns what was written.

    Raises ``ExportError`` for a label/type/attribute name that is not relwork's or an unwritable directory.
    """
    directory = Path(directory)
    rows = graph_rows(G)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ExportError(f"{directory}: cannot create the output directory: {err.strerror or err}") from err
    delimiter = _choose_delimiter([*rows.nodes.values(), *rows.relationships.values()])
    result = CsvExport(directory=directory.resolve(), array_delimiter=delimiter, database=database)
    for label, label_rows in rows.nodes.items():
        key = KEY_PROPERTY[label]
        columns = _property_columns(label_rows, (key,))
        header = [f"{key}:ID({label})", *(f"{name}:{kind}" for name, kind in columns), ":LABEL"]
        lines = [
            ",".join(
                [_quote(row["key"]), *(_cell(row["props"].get(n), k, delimiter) for n, k in columns), label]
            )
            for row in label_rows
        ]
        path = result.directory / f"nodes_{label}.csv"
        _write_file(path, header, lines)
        result.node_files.append(path)
        result.nodes += len(label_rows)
    for (etype, slabel, elabel), rel_rows in sorted(rows.relationships.items()):
        columns = _property_columns(rel_rows, ("key",))
        header = [f":START_ID({slabel})", f":END_ID({elabel})", "key:string"]
        header += [f"{name}:{kind}" for name, kind in columns] + [":TYPE"]
        lines = [
            ",".join(
                [_quote(row["start"]), _quote(row["end"]), _quote(row["key"])]
                + [_cell(row["props"].get(n), k, delimiter) for n, k in columns]
                + [etype]
            )
            for row in rel_rows
        ]
        path = result.directory / f"rels_{etype}_{slabel}_{elabel}.csv"
        _write_file(path, header, lines)
        result.relationship_files.append(path)
        result.relationships += len(rel_rows)
    return result
