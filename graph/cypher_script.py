"""A Cypher script of a relwork graph, for ``cypher-shell -f graph.cypher``.

The script runs the same statements as ``relwork export neo4j`` (constraints, then ``UNWIND $rows AS row
MERGE ...`` per batch; deleting each node's outgoing relwork relationships the graph lacks; setting the
fingerprints; deleting the relwork-written Method and external Paper nodes the graph lacks and nothing
uses any more), so running it twice, or after a driver export, changes nothing. Unlike the driver export it
cannot read the database first, so it writes every node (no skipping of unchanged ones), and it repeats the
round of deleting unused nodes ``UNUSED_ROUNDS`` times instead of until a round deletes nothing. Each batch's
rows come before its statement as a cypher-shell ``:param {rows: [...]}`` command (a Cypher map literal), so
the statements are relwork's own text with parameters. Every string in a literal is escaped so
that no title or abstract can end its literal: quotes, backslashes and line breaks get backslash escapes
(``\\'``, ``\\\\``, ``\\n``), and semicolons, slashes, asterisks, backticks and other control characters
``\\uXXXX`` escapes. The script therefore never holds a bare quote, ``;``, ``//`` or ``*/`` coming
from data, even for a tool that splits statements naively. Map keys are relwork's property names (checked identifiers).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any, Iterator

import networkx as nx

from relwork.core.errors import ExportError
from relwork.graph.io import TEXT_ERRORS
from relwork.graph.neo4j import (
    _PROPERTY_NAME,
    _batches,
    constraint_queries,
    fingerprint_query,
    graph_keys,
    graph_rows,
    node_merge_query,
    node_rows,
    relationship_merge_query,
    stale_links_query,
    unused_nodes_query,
)
from relwork.graph.schema import METHOD, PAPER

SCRIPT_BATCH_SIZE = 500
# Each round deletes one step of a chain of unused nodes (origin paper -> method -> catalog parent ...): the
# built-in catalog's deepest lineage is 11 parents, so 16 rounds free any chain it can leave behind
UNUSED_ROUNDS = 16
# Quotes and backslashes get the standard backslash escapes, never \uXXXX: Cypher decodes \uXXXX before
# it tokenises (as Java does), so '\u0027' would close the literal. Everything written as \uXXXX below is
# harmless once decoded inside a literal; it only keeps ';', comment markers, line breaks and the bidi
# overrides and isolates (which reorder what a reader of the script sees: "Trojan Source") out of the text.
_SIMPLE = {"\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_UNICODE = set(";/*`\u2028\u2029\u0085\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def cypher_string(text: str) -> str:
    """``text`` as a single-quoted Cypher string literal that cannot break out of its quotes."""
    parts = ["'"]
    for char in text:
        if char in _SIMPLE:
            parts.append(_SIMPLE[char])
        elif char in _UNICODE or ord(char) < 0x20 or 0x7F <= ord(char) < 0xA0:
            parts.append(f"\\u{ord(char):04x}")
        else:
            parts.append(char)
    parts.append("'")
    return "".join(parts)


def cypher_literal(value: Any) -> str:
    """A Cypher literal for a row value: string, number, boolean, null, list or map."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "(0.0/0.0)"
        if math.isinf(value):
            return "(1.0/0.0)" if value > 0 else "(-1.0/0.0)"
        return repr(value)
    if isinstance(value, str):
        return cypher_string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = []
        for key, item in value.items():
            if not isinstance(key, str) or not _PROPERTY_NAME.match(key):
                raise ExportError(f"map key {key!r} is not a valid Cypher identifier")
            items.append(f"{key}: {cypher_literal(item)}")
        return "{" + ", ".join(items) + "}"
    raise ExportError(f"cannot write a {type(value).__name__} value as Cypher: {value!r}")


def _param_command(**params: Any) -> str:
    """A cypher-shell ``:param`` command setting ``params`` from one map literal.

    cypher-shell parses the literal itself and the statements after it keep their ``$name`` parameters, so the
    server plans one parameterised statement per query shape. Inlining the rows into each statement instead
    made the server parse and plan every batch's literal (~1.4 ms per map entry, 2-30 s a batch of 500 rows):
    4 minutes for the first 34 of 81 statements of a 3,401-paper graph (bench/RESULTS.md)."""
    return ":param " + cypher_literal(params)


def generate_cypher(G: nx.MultiDiGraph, batch_size: int = SCRIPT_BATCH_SIZE) -> Iterator[str]:
    """The script's statements, one per line (each ends with ';'), comments first.

    Raises ``ExportError`` if the graph holds a label, type or attribute name that is not relwork's.
    """
    if batch_size < 1:
        raise ExportError(f"batch size must be at least 1, got {batch_size}")
    rows = graph_rows(G)
    yield (
        f"// relwork graph: {rows.node_count} nodes, {rows.relationship_count} relationships. "
        "Run: cypher-shell -a URI -u USER -p PASSWORD -f FILE"
    )
    yield "// Each node gets exactly the graph's outgoing relationships: running this script again changes nothing."
    for query in constraint_queries():
        yield query + ";"

    def batches(query: str, all_rows: list[dict]) -> Iterator[str]:
        for batch in _batches(all_rows, batch_size):
            yield _param_command(rows=batch)
            yield query + ";"

    for label, label_rows in rows.nodes.items():
        yield from batches(node_merge_query(label), node_rows(label_rows, "merge"))
    for label, label_rows in rows.nodes.items():
        yield from batches(stale_links_query(label), node_rows(label_rows, "links"))
    for (etype, slabel, elabel), rel_rows in sorted(rows.relationships.items()):
        yield from batches(relationship_merge_query(etype, slabel, elabel), rel_rows)
    for label, label_rows in rows.nodes.items():
        yield from batches(fingerprint_query(label), node_rows(label_rows, "fingerprint"))
    yield _param_command(**graph_keys(rows))
    for _ in range(UNUSED_ROUNDS):
        for label in (METHOD, PAPER):
            yield unused_nodes_query(label) + ";"


def write_cypher(G: nx.MultiDiGraph, path: str | Path, batch_size: int = SCRIPT_BATCH_SIZE) -> Path:
    """Write ``generate_cypher(G)`` to ``path`` (UTF-8); returns the path.

    Raises ``ExportError`` if the file cannot be written.
    """
    path = Path(path)
    lines = list(generate_cypher(G, batch_size))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", errors=TEXT_ERRORS, newline="\n") as handle:
            for line in lines:
                handle.write(line + "\n")
    except OSError as err:
        raise ExportError(f"{path}: cannot write the Cypher script: {err.strerror or err}") from err
    return path
