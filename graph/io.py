"""Saving, loading and exporting the graph: one pair of verbs per format.

- Native: node-link JSON (``save_graph`` / ``load_graph``), gzip-compressed when the path ends in ``.gz``
  (reading sniffs the gzip magic bytes, whatever the name). The file carries ``format: "relwork-graph"``
  and ``version``; nodes are sorted by id and edges by (source, target, key) so equal graphs give equal
  files. The round trip is exact: same nodes, edges, keys and attributes.
- Interchange for Gephi / Cytoscape / spreadsheets: ``write_graphml``, ``write_gexf``, ``write_csv`` (a
  directory with ``nodes.csv`` and ``edges.csv``), each with a ``read_*`` that restores the original graph.
  These formats hold only scalars, so lists and dicts (authors, aliases, sources) are written as JSON text
  and ``None`` is left out; readers turn them back using the attribute types in ``graph/schema.py``.
  XML cannot hold control characters: GraphML/GEXF replace them with U+FFFD (their one lossy step).
  GEXF reserves node ``id``/``label`` and edge ``type`` (directed/undirected), so there they are written as
  attributes ``paper_id``, ``node_label`` and ``edge_type`` (plus ``edge_key``), and the GEXF label is the
  paper title or method name.
"""

from __future__ import annotations

import codecs
import csv
import gzip
import json
import re
import zlib
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

import networkx as nx

from relwork.core.errors import ExportError, GraphError
from relwork.core.files import replaced_on_success
from relwork.graph.schema import EDGE_ATTRS, METHOD, METHOD_ATTRS, PAPER, PAPER_ATTRS

FORMAT_NAME = "relwork-graph"
FORMAT_VERSION = 2  # 2: NAMED_AFTER edges (a version 1 file gets them when read)

# Every text file relwork writes (graph, HTML, Cypher, CSV) is UTF-8 with this error handler: a lone
# surrogate (JSON input may carry "\\ud800", which Python decodes to a str UTF-8 cannot encode) becomes
# U+FFFD instead of stopping the write with a UnicodeEncodeError. Valid text is untouched.
TEXT_ERRORS = "relwork.replace-surrogates"


def _replace_unencodable(err: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(err, UnicodeEncodeError) or err.encoding.replace("-", "").lower() != "utf8":
        raise err
    return "\ufffd".encode("utf-8") * (err.end - err.start), err.end  # bytes: the codec takes only ASCII str


codecs.register_error(TEXT_ERRORS, _replace_unencodable)


# ---------------------------------------------------------------------------------------------------
# native node-link JSON


def generate_json(G: nx.MultiDiGraph) -> dict:
    """The node-link document of ``G`` (sorted, versioned)."""
    nodes = [{"id": node, **attrs} for node, attrs in sorted(G.nodes(data=True), key=lambda item: item[0])]
    edges = [
        {"source": u, "target": v, "key": k, **attrs}
        for u, v, k, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    ]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "directed": True,
        "multigraph": True,
        "graph": dict(G.graph),
        "nodes": nodes,
        "edges": edges,
    }


def parse_json(data: Any, source: str = "<graph>") -> nx.MultiDiGraph:
    """A graph from a node-link document; ``source`` names the file in errors."""
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise GraphError(f"{source}: not a relwork graph file (no \"format\": \"{FORMAT_NAME}\")")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise GraphError(f"{source}: invalid graph format version {version!r}")
    if version > FORMAT_VERSION:
        raise GraphError(
            f"{source}: graph format version {version} is newer than this relwork reads ({FORMAT_VERSION}); upgrade relwork"
        )
    nodes, edges = data.get("nodes"), data.get("edges")
    if not isinstance(nodes, list) or not isinstance(edges, list):
        raise GraphError(f"{source}: 'nodes' and 'edges' must be lists")
    G = nx.MultiDiGraph()
    G.graph.update(data.get("graph") or {})
    for number, item in enumerate(nodes):
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise GraphError(f"{source}: node #{number} has no string 'id'")
        attrs = {k: v for k, v in item.items() if k != "id"}
        if attrs.get("label") not in (PAPER, METHOD):
            raise GraphError(f"{source}: node {item['id']!r} has label {attrs.get('label')!r} (expected Paper or Method)")
        G.add_node(item["id"], **attrs)
    for number, item in enumerate(edges):
        if not isinstance(item, dict) or not all(isinstance(item.get(k), str) for k in ("source", "target", "key")):
            raise GraphError(f"{source}: edge #{number} needs string 'source', 'target' and 'key'")
        u, v, key = item["source"], item["target"], item["key"]
        for end in (u, v):
            if end not in G:
                raise GraphError(f"{source}: edge {u!r} -> {v!r} ({key}) refers to missing node {end!r}")
        if not isinstance(item.get("type"), str):
            raise GraphError(f"{source}: edge {u!r} -> {v!r} ({key}) has no 'type'")
        G.add_edge(u, v, key=key, **{k: val for k, val in item.items() if k not in ("source", "target", "key")})
    if version < 2:  # written before the builder wrote NAMED_AFTER edges: the queries read them
        from relwork.graph.build import add_named_after

        add_named_after(G)
    return G


# gzip level of saved graphs. Level 1 where zlib's default is 6: on a 200k-paper build's 505 MB of text
# level 6 took 16.5 CPU s (longer than making the text, 7.5 s, which it runs beside) for 110 MB; level 1
# takes ~5 s for ~148 MB (measured on a 20k build: 0.45 s, 13.5 MB vs 1.59 s, 10.9 MB). Any level reads
# back the same; the bytes of a .gz file depend on it.
GZIP_LEVEL = 1

# one encoder for every item: json.dumps with options would build a new encoder per call
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def _compact(item: Any) -> str:
    return _ENCODER.encode(item)


def _sorted_edges(G: nx.MultiDiGraph) -> Iterator[tuple[Any, Any, Any, dict]]:
    """``(u, v, key, attrs)`` sorted by (u, v, str(key)): the order of ``generate_json``.

    Sorting nested adjacency dicts level by level gives the same order (ties in ``str(key)`` keep insertion
    order either way) at a fraction of the cost of sorting one list of every edge.
    """
    adjacency = dict(G.adjacency())
    for u in sorted(adjacency):
        targets = adjacency[u]
        for v in sorted(targets):
            keys = targets[v]
            for k in sorted(keys, key=str) if len(keys) > 1 else keys:
                yield u, v, k, keys[k]


def iter_graph_text(G: nx.MultiDiGraph) -> Iterator[str]:
    """The node-link JSON text piece by piece: compact, one node or edge per line, sorted.

    Saving streams these pieces, so a big graph is never held twice in memory as one string.
    """
    head = {"format": FORMAT_NAME, "version": FORMAT_VERSION, "directed": True, "multigraph": True, "graph": dict(G.graph)}
    yield _compact(head)[:-1]
    yield ',\n"nodes":[\n'
    nodes = dict(G.nodes(data=True))
    separator = ""
    for node in sorted(nodes):
        yield separator + _compact({"id": node, **nodes[node]})
        separator = ",\n"
    yield '\n],\n"edges":[\n'
    separator = ""
    for u, v, k, attrs in _sorted_edges(G):
        yield separator + _compact({"source": u, "target": v, "key": k, **attrs})
        separator = ",\n"
    yield "\n]}\n"


def dumps_graph(G: nx.MultiDiGraph) -> str:
    """The node-link JSON text (small, and readable in a diff)."""
    return "".join(iter_graph_text(G))


def _chunks(pieces: Iterable[str], size: int = 1 << 20) -> Iterator[bytes]:
    """``pieces`` joined into UTF-8 chunks of about ``size`` characters."""
    batch: list[str] = []
    length = 0
    for piece in pieces:
        batch.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(batch).encode("utf-8", TEXT_ERRORS)
            batch, length = [], 0
    if batch:
        yield "".join(batch).encode("utf-8", TEXT_ERRORS)


def save_graph(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as node-link JSON (gzip when the name ends in .gz); returns the path.

    The same graph always gives the same bytes (gzip without a timestamp); the file is written next to
    the target (``.NAME.partial``, ``replaced_on_success``) and renamed, so an interrupted save never leaves
    half a graph behind. Compressing and writing run on a second thread (zlib and file writes release the
    GIL) while this one turns the graph into text (``GZIP_LEVEL`` keeps compressing quicker than making the
    text), so the two overlap. The chunks are compressed in order as one stream, so the bytes do not depend
    on the chunking.
    """
    path = Path(path)
    try:
        with replaced_on_success(path, "cannot write graph") as partial, open(partial, "wb") as handle:
            packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31) if path.suffix == ".gz" else None  # 31: gzip, mtime 0
            sink = (lambda data: handle.write(packer.compress(data))) if packer else handle.write
            # one worker runs the jobs in submission order; a few in flight bound the memory
            with ThreadPoolExecutor(max_workers=1, thread_name_prefix="relwork-save") as writer:
                pending: deque = deque()
                for chunk in _chunks(iter_graph_text(G)):
                    pending.append(writer.submit(sink, chunk))
                    if len(pending) > 4:
                        pending.popleft().result()
                for job in pending:
                    job.result()
            if packer:
                handle.write(packer.flush())
    except OSError as exc:
        raise ExportError(f"{path}: cannot write graph: {exc.strerror or exc}") from exc
    return path


def load_graph(path: str | Path) -> nx.MultiDiGraph:
    """Read a graph written by ``save_graph``.

    Raises GraphError naming the file when it is missing, not JSON, not a relwork graph, or of a newer
    format version.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise GraphError(f"{path}: graph file not found (build one with `relwork build INPUTS -o {path}`)") from None
    except OSError as exc:
        raise GraphError(f"{path}: cannot read graph: {exc.strerror or exc}") from exc
    try:
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8")
        data = json.loads(text)
    except (OSError, EOFError, zlib.error) as exc:
        raise GraphError(f"{path}: corrupt gzip data: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise GraphError(f"{path}: not a relwork graph file (not UTF-8 text)") from exc
    except json.JSONDecodeError as exc:
        raise GraphError(f"{path}: not a relwork graph file (invalid JSON at line {exc.lineno}: {exc.msg})") from exc
    return parse_json(data, str(path))


# ---------------------------------------------------------------------------------------------------
# flattening for scalar-only formats


def _attr_types(kind: str) -> dict[str, str]:
    return {PAPER: PAPER_ATTRS, METHOD: METHOD_ATTRS}.get(kind, EDGE_ATTRS)


def flatten_value(value: Any) -> Any:
    """A value a scalar-only format can hold: lists and dicts become JSON text."""
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False, sort_keys=isinstance(value, dict))
    return value


def restore_value(name: str, value: Any, types: dict[str, str], where: str) -> Any:
    """The original value of a flattened attribute, by its schema type; unknown attributes stay as read."""
    kind = (types.get(name) or "").rstrip("?")
    if value is None or not kind:
        return value
    try:
        if kind == "list":
            return json.loads(value) if isinstance(value, str) else list(value)
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        if kind == "bool":
            return value if isinstance(value, bool) else str(value).strip().lower() == "true"
        return str(value)
    except (ValueError, TypeError) as exc:
        raise GraphError(f"{where}: attribute {name!r} has invalid value {value!r}") from exc


# characters XML 1.0 cannot hold at all (control characters, lone surrogates, U+FFFE/U+FFFF)
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: Any) -> Any:
    """``value`` with XML-illegal characters replaced by U+FFFD (the only lossy step of GraphML/GEXF)."""
    return _XML_ILLEGAL.sub("\ufffd", value) if isinstance(value, str) else value


def _flat_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    for node, attrs in G.nodes(data=True):
        H.add_node(xml_safe(node), **{k: xml_safe(flatten_value(v)) for k, v in attrs.items() if v is not None})
    for u, v, k, attrs in G.edges(keys=True, data=True):
        H.add_edge(xml_safe(u), xml_safe(v), key=xml_safe(k), **{a: xml_safe(flatten_value(x)) for a, x in attrs.items() if x is not None})
    return H


def _restored(H: nx.MultiDiGraph, source: str) -> nx.MultiDiGraph:
    """Types back from their flat form, and the schema's absent attributes back as None."""
    G = nx.MultiDiGraph()
    for node, attrs in H.nodes(data=True):
        label = attrs.get("label")
        if label not in (PAPER, METHOD):
            raise GraphError(f"{source}: node {node!r} has label {label!r} (expected Paper or Method)")
        types = _attr_types(label)
        data = {k: restore_value(k, v, types, f"{source}: node {node!r}") for k, v in attrs.items()}
        for name, kind in types.items():
            if name not in data:
                data[name] = None if kind.endswith("?") else ("" if kind == "str" else None)
        G.add_node(str(node), **data)
    for u, v, k, attrs in H.edges(keys=True, data=True):
        data = {a: restore_value(a, x, EDGE_ATTRS, f"{source}: edge {u!r} -> {v!r}") for a, x in attrs.items()}
        G.add_edge(str(u), str(v), key=str(k), **data)
    return G


def _write(path: Path, writer: Callable[[Path], None], what: str) -> Path:
    try:
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
        writer(path)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write {what}: {exc.strerror or exc}") from exc
    return path


# ---------------------------------------------------------------------------------------------------
# GraphML


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """GraphML for Gephi, Cytoscape and yEd (list attributes as JSON text)."""
    path = Path(path)
    return _write(path, lambda p: nx.write_graphml(_flat_graph(G), p, named_key_ids=True), "GraphML")


def read_graphml(path: str | Path) -> nx.MultiDiGraph:
    """A graph written by ``write_graphml``."""
    path = Path(path)
    try:
        H = nx.read_graphml(path, force_multigraph=True)
    except FileNotFoundError:
        raise GraphError(f"{path}: file not found") from None
    except Exception as exc:  # networkx raises bare XML / KeyError / NetworkXError on malformed files
        raise GraphError(f"{path}: not a readable GraphML file: {exc}") from exc
    return _restored(H, str(path))


# ---------------------------------------------------------------------------------------------------
# GEXF


# GEXF gives 'label' and 'id' of nodes, and 'type', 'id' and 'label' of edges, meanings of its own
_GEXF_NODE = {"label": "node_label", "id": "paper_id"}
_GEXF_EDGE = {"type": "edge_type", "id": "edge_id", "label": "edge_label"}


def _display(attrs: dict, node: str) -> str:
    return attrs.get("title") or attrs.get("name") or node


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """GEXF 1.2 for Gephi: GEXF label = title or method name; reserved names renamed (module docstring)."""
    path = Path(path)
    H = nx.MultiDiGraph()
    for node, attrs in G.nodes(data=True):
        flat = {_GEXF_NODE.get(k, k): xml_safe(flatten_value(v)) for k, v in attrs.items() if v is not None}
        H.add_node(xml_safe(node), label=xml_safe(_display(attrs, node)), **flat)
    for u, v, k, attrs in G.edges(keys=True, data=True):
        flat = {_GEXF_EDGE.get(a, a): xml_safe(flatten_value(x)) for a, x in attrs.items() if x is not None}
        H.add_edge(xml_safe(u), xml_safe(v), key=xml_safe(k), edge_key=xml_safe(k), **flat)
    return _write(path, lambda p: nx.write_gexf(H, p), "GEXF")


def read_gexf(path: str | Path) -> nx.MultiDiGraph:
    """A graph written by ``write_gexf``."""
    path = Path(path)
    try:
        H = nx.read_gexf(path, node_type=str)
    except FileNotFoundError:
        raise GraphError(f"{path}: file not found") from None
    except Exception as exc:  # malformed XML or GEXF
        raise GraphError(f"{path}: not a readable GEXF file: {exc}") from exc
    node_names = {v: k for k, v in _GEXF_NODE.items()}
    edge_names = {v: k for k, v in _GEXF_EDGE.items()}
    F = nx.MultiDiGraph()
    for node, attrs in H.nodes(data=True):
        F.add_node(node, **{node_names.get(k, k): v for k, v in attrs.items() if k != "label"})
    # networkx reads a file without parallel edges as a simple DiGraph, dropping keys: edge_key keeps them
    edges = H.edges(keys=True, data=True) if H.is_multigraph() else ((u, v, None, d) for u, v, d in H.edges(data=True))
    for u, v, k, attrs in edges:
        key = attrs.get("edge_key", k)
        F.add_edge(u, v, key=key, **{edge_names.get(a, a): x for a, x in attrs.items() if a not in ("id", "label", "edge_key")})
    return _restored(F, str(path))


# ---------------------------------------------------------------------------------------------------
# CSV: a directory with nodes.csv and edges.csv


def _columns(rows: list[dict], first: list[str]) -> list[str]:
    rest = sorted({key for row in rows for key in row} - set(first))
    return first + rest


def write_csv(G: nx.MultiDiGraph, directory: str | Path) -> Path:
    """``nodes.csv`` (id, label, attributes) and ``edges.csv`` (source, target, key, type, attributes).

    ``id`` is the node id; a paper's own id attribute is the ``paper_id`` column. Lists are JSON text; an
    empty cell is '' for plain text attributes and None (or absent, on edges) otherwise. Text starting
    with = + - @ (a spreadsheet formula) or a quote gets a leading quote, removed again by ``read_csv``.
    Returns the directory.
    """
    directory = Path(directory)
    nodes = [
        {("paper_id" if k == "id" else k): v for k, v in attrs.items()} | {"id": node}
        for node, attrs in sorted(G.nodes(data=True), key=lambda i: i[0])
    ]
    edges = [
        dict(attrs, source=u, target=v, key=k)
        for u, v, k, attrs in sorted(G.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
    ]

    def write(folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows, first in (
            ("nodes.csv", nodes, ["id", "label"]),
            ("edges.csv", edges, ["source", "target", "key", "type"]),
        ):
            columns = _columns(rows, first)
            with (folder / name).open("w", encoding="utf-8", errors=TEXT_ERRORS, newline="") as handle:
                writer = csv.DictWriter(handle, fieldnames=columns)
                writer.writeheader()
                for row in rows:
                    writer.writerow({c: "" if row.get(c) is None else _guard(flatten_value(row.get(c))) for c in columns})

    try:
        write(directory)
    except OSError as exc:
        raise ExportError(f"{directory}: cannot write CSV: {exc.strerror or exc}") from exc
    return directory


def read_csv(directory: str | Path) -> nx.MultiDiGraph:
    """A graph written by ``write_csv`` (the directory holding nodes.csv and edges.csv)."""
    directory = Path(directory)
    H = nx.MultiDiGraph()
    try:
        with (directory / "nodes.csv").open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), 2):
                if not row.get("id"):
                    raise GraphError(f"{directory / 'nodes.csv'}:{line}: missing id")
                types = _attr_types(row.get("label", ""))
                row = {("id" if k == "paper_id" else k): v for k, v in row.items() if k != "id"} | {"_node": row["id"]}
                node = row.pop("_node")
                attrs = {k: _csv_cell(k, v, types) for k, v in row.items()}
                H.add_node(node, **{k: v for k, v in attrs.items() if v is not None})
        with (directory / "edges.csv").open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), 2):
                u, v, key = row.get("source"), row.get("target"), row.get("key")
                if not u or not v or not key or u not in H or v not in H:
                    raise GraphError(f"{directory / 'edges.csv'}:{line}: edge needs existing source and target and a key")
                attrs = {k: _csv_cell(k, x, EDGE_ATTRS) for k, x in row.items() if k not in ("source", "target", "key")}
                H.add_edge(u, v, key=key, **{k: x for k, x in attrs.items() if x is not None})
    except FileNotFoundError as exc:
        raise GraphError(f"{exc.filename}: file not found") from None
    except csv.Error as exc:
        raise GraphError(f"{directory}: malformed CSV: {exc}") from exc
    return _restored(H, str(directory))


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


def _guard(cell: Any) -> Any:
    """Prefix a quote to text a spreadsheet would run as a formula ('=HYPERLINK(...)' in a title).

    Text already starting with a quote is prefixed too, so ``_csv_cell`` can undo it exactly.
    """
    return "'" + cell if isinstance(cell, str) and cell.startswith(_FORMULA_START) else cell


def _csv_cell(name: str, value: str | None, types: dict[str, str]) -> Any:
    """A CSV cell as read: empty is '' for a plain 'str' attribute, else None (left out); a formula guard
    quote written by ``_guard`` is removed."""
    if value is None or value == "":
        return "" if types.get(name) == "str" else None
    return value[1:] if value.startswith("'") else value


# registry: format name -> (writer, reader, what the output path is)
EXPORTERS: dict[str, tuple[Callable[[nx.MultiDiGraph, Path], Path], Callable[[Path], nx.MultiDiGraph], str]] = {
    "graphml": (write_graphml, read_graphml, "file"),
    "gexf": (write_gexf, read_gexf, "file"),
    "csv": (write_csv, read_csv, "directory"),
}


def export_graph(graph_path: str | Path, fmt: str, out: str | Path) -> Path:
    """Load a saved graph and write it as ``fmt`` (graphml, gexf, csv) to ``out``."""
    if fmt not in EXPORTERS:
        raise ExportError(f"unknown export format {fmt!r} (choose from {', '.join(EXPORTERS)})")
    G = load_graph(graph_path)
    return EXPORTERS[fmt][0](G, Path(out))
