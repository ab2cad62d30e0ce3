"""Neo4j: write a relwork graph into a server, and run read queries (ad hoc or from the cookbook).

The mapping, shared with the bulk formats (``graph/cypher_script.py``, ``graph/neo4j_csv.py``):
- ``Paper`` nodes keyed by ``id`` (the paper id, without the ``paper:`` prefix), ``Method`` nodes keyed by
  ``name``; both keys get a uniqueness constraint before anything is written.
- Each networkx edge becomes one relationship of the edge's ``type``, identified by (type, ``key``) between
  its two nodes: ``key`` is the networkx edge key ('BUILDS_ON', or 'BUILDS_ON:Mamba' for a citation-style
  edge), so re-exporting merges instead of duplicating.
- ``Paper`` nodes also get ``norm_title`` (``normalize_title(title)``): the cookbook queries break ties on
  it exactly as ``graph/queries.py`` does.
- Properties: strings, numbers, booleans and lists of strings are stored as they are; ``None`` and empty
  lists are left out (the same in all three formats); anything else (``sources``, a list of dicts) is stored
  as JSON text.
- Every node also gets ``relwork_fingerprint``: a hash of its properties and of its outgoing relationships.
  It marks the node as written by relwork, and lets an export skip the nodes whose data did not change.

An export keeps Neo4j in step with the graph (``export_graph``; the Cypher script does the same, without
the skipping): each node it writes gets exactly the graph's outgoing relwork relationships (stale ones are
deleted), and relwork-written Method and external Paper nodes that the graph lacks and nothing uses any
more are deleted. Other data is never touched: nodes without relwork's fingerprint, relationships of other
types or without a ``key``, papers the graph does not hold (another graph's, exported into the same database).

Labels and relationship types come only from ``graph/schema.py`` (a graph naming another is refused);
every value travels as a query parameter, never inside query text.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Callable, Iterable, Iterator

import networkx as nx

from relwork.core.errors import ExportError, InputError
from relwork.core.records import normalize_title
from relwork.core.wording import counted
from relwork.graph.schema import (
    DERIVED_FROM,
    EDGE_TYPES,
    INTRODUCES,
    METHOD,
    NAMED_AFTER,
    NODE_LABELS,
    PAPER,
    method_node,
    node_key,
    paper_node,
)

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
DEFAULT_BATCH_SIZE = 5000
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
KEY_PROPERTY = {PAPER: "id", METHOD: "name"}
_NODE_PREFIX = {PAPER: "paper:", METHOD: "method:"}
_PROPERTY_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
FINGERPRINT = "relwork_fingerprint"
# the driver's wait for a server's Bolt handshake (and for a pooled connection): a port held by something
# that is not Neo4j (its HTTP port 7474, a web server) never answers the handshake
HANDSHAKE_TIMEOUT = 5.0


# ---------------------------------------------------------------------------------------------------
# graph -> rows (shared by every Neo4j format)


@dataclass
class ExportRows:
    """A graph as rows ready for Neo4j.

    ``nodes[label]`` holds ``{"key": ..., "props": {...}, "links": [...]}`` (``props`` includes the
    fingerprint; ``links`` identifies the node's outgoing relationships as ``[type, key, end label, end
    key]``); ``relationships[(type, start label, end label)]`` holds ``{"start": key, "end": key, "key":
    edge key, "props": {...}}``.
    """

    nodes: dict[str, list[dict]] = field(default_factory=dict)
    relationships: dict[tuple[str, str, str], list[dict]] = field(default_factory=dict)

    @property
    def node_count(self) -> int:
        return sum(len(rows) for rows in self.nodes.values())

    @property
    def relationship_count(self) -> int:
        return sum(len(rows) for rows in self.relationships.values())


def to_property(value: Any) -> Any:
    """A graph attribute as a Neo4j property value (None means: leave the property out)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        # an empty list is left out, as neo4j-admin import does with an empty array cell
        return list(value) or None
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def _properties(attrs: dict, drop: tuple[str, ...], where: str) -> dict:
    props = {}
    for name, value in attrs.items():
        if name in drop:
            continue
        if not isinstance(name, str) or not _PROPERTY_NAME.match(name):
            raise ExportError(f"{where}: attribute name {name!r} is not a valid Neo4j property name")
        converted = to_property(value)
        if converted is not None:
            props[name] = converted
    return props


def _node_key(node: Any, attrs: dict) -> tuple[str, str]:
    label = attrs.get("label")
    if label not in NODE_LABELS:
        raise ExportError(f"node {node!r}: label {label!r} is not one of relwork's labels {', '.join(NODE_LABELS)}")
    key = attrs.get(KEY_PROPERTY[label])
    if not isinstance(key, str) or not key:
        prefix = _NODE_PREFIX[label]
        if isinstance(node, str) and node.startswith(prefix):
            key = node[len(prefix):]
        else:
            raise ExportError(f"node {node!r}: {label} without a '{KEY_PROPERTY[label]}' attribute")
    return label, key


def graph_rows(G: nx.MultiDiGraph) -> ExportRows:
    """Turn a relwork graph into Neo4j rows, validating labels, types and property names.

    Raises ``ExportError`` naming the node or edge whose label, type or attribute name is not relwork's.
    """
    rows = ExportRows(nodes={label: [] for label in NODE_LABELS})
    keys: dict[Any, tuple[str, str]] = {}
    outgoing: dict[tuple[str, str], list] = {}
    for node, attrs in G.nodes(data=True):
        label, key = _node_key(node, attrs)
        keys[node] = (label, key)
        props = _properties(attrs, ("label", FINGERPRINT), f"node {node!r}")
        props[KEY_PROPERTY[label]] = key
        if label == PAPER:
            # the normalised title: a lookup key, and the tie-breaker the query functions sort by
            props["norm_title"] = normalize_title(props.get("title") or "")
        rows.nodes[label].append({"key": key, "props": props})
    for start, end, edge_key, attrs in G.edges(keys=True, data=True):
        etype = attrs.get("type")
        where = f"edge {start!r} -> {end!r} ({edge_key!r})"
        if etype not in EDGE_TYPES:
            raise ExportError(f"{where}: type {etype!r} is not one of relwork's types {', '.join(EDGE_TYPES)}")
        (slabel, skey), (elabel, ekey) = keys[start], keys[end]
        props = _properties(attrs, ("type",), where)
        props["key"] = str(edge_key)
        rows.relationships.setdefault((etype, slabel, elabel), []).append(
            {"start": skey, "end": ekey, "key": str(edge_key), "props": props}
        )
        outgoing.setdefault((slabel, skey), []).append([etype, str(edge_key), elabel, ekey, props])
    for label, label_rows in rows.nodes.items():
        for row in label_rows:
            links = sorted(outgoing.get((label, row["key"]), []), key=lambda link: link[:4])
            row["links"] = [link[:4] for link in links]
            row["props"][FINGERPRINT] = fingerprint(row["props"], links)
    return rows


def fingerprint(props: dict, links: list) -> str:
    """A hash of a node's properties and its outgoing relationships (with theirs): equal fingerprints mean
    an export would write nothing new for the node."""
    text = json.dumps([props, links], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _batches(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i : i + size]


# Query text is built only from relwork's own constants (labels, types, key names); data are parameters.
def constraint_queries() -> list[str]:
    """Uniqueness constraints on the node keys, created before any write (idempotent)."""
    return [
        f"CREATE CONSTRAINT relwork_{label.lower()}_{KEY_PROPERTY[label]} IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.{KEY_PROPERTY[label]} IS UNIQUE"
        for label in NODE_LABELS
    ]


def node_merge_query(label: str) -> str:
    """``UNWIND $rows`` query merging nodes of ``label`` on their key."""
    if label not in NODE_LABELS:
        raise ExportError(f"unknown node label {label!r}")
    return f"UNWIND $rows AS row MERGE (n:{label} {{{KEY_PROPERTY[label]}: row.key}}) SET n += row.props"


def relationship_merge_query(etype: str, start_label: str, end_label: str) -> str:
    """``UNWIND $rows`` query merging relationships of ``etype`` on (type, key) between two keyed nodes."""
    if etype not in EDGE_TYPES or start_label not in NODE_LABELS or end_label not in NODE_LABELS:
        raise ExportError(f"unknown relationship {start_label}-[{etype}]->{end_label}")
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{start_label} {{{KEY_PROPERTY[start_label]}: row.start}}) "
        f"MATCH (b:{end_label} {{{KEY_PROPERTY[end_label]}: row.end}}) "
        f"MERGE (a)-[r:{etype} {{key: row.key}}]->(b) SET r += row.props"
    )


_RELWORK_TYPES = "[" + ", ".join(f"'{etype}'" for etype in EDGE_TYPES) + "]"
# a relationship relwork wrote: one of its types, with the edge key, between two relwork nodes
_IS_RELWORK_LINK = f"type(r) IN {_RELWORK_TYPES} AND r.key IS NOT NULL AND (b:{PAPER} OR b:{METHOD})"


def _node_match(label: str, var: str) -> str:
    """``(var:Label {key: row.key})`` for a relwork label."""
    if label not in NODE_LABELS:
        raise ExportError(f"unknown node label {label!r}")
    return f"({var}:{label} {{{KEY_PROPERTY[label]}: row.key}})"


def stale_links_query(label: str) -> str:
    """``UNWIND $rows`` query deleting the outgoing relwork relationships of ``label`` nodes that are not
    among ``row.links`` (``[type, key, end label, end key]``, as ``graph_rows`` makes them)."""
    end = f"CASE WHEN b:{PAPER} THEN [{PAPER!r}, b.{KEY_PROPERTY[PAPER]}] ELSE [{METHOD!r}, b.{KEY_PROPERTY[METHOD]}] END"
    return (
        f"UNWIND $rows AS row MATCH {_node_match(label, 'a')}-[r]->(b) "
        f"WHERE {_IS_RELWORK_LINK} AND NOT ([type(r), r.key] + {end}) IN row.links DELETE r"
    )


def fingerprint_query(label: str) -> str:
    """``UNWIND $rows`` query setting ``row.fingerprint`` on ``label`` nodes: the last write for a node, so
    that an export that stops half-way leaves the old fingerprint and the next one rewrites the node."""
    return f"UNWIND $rows AS row MATCH {_node_match(label, 'n')} SET n.{FINGERPRINT} = row.fingerprint"


def state_query(label: str) -> str:
    """Each ``label`` node's key, fingerprint and number of outgoing relwork relationships."""
    if label not in NODE_LABELS:
        raise ExportError(f"unknown node label {label!r}")
    return (
        f"MATCH (n:{label}) RETURN n.{KEY_PROPERTY[label]} AS key, n.{FINGERPRINT} AS fingerprint, "
        f"COUNT {{ MATCH (n)-[r]->(b) WHERE {_IS_RELWORK_LINK} }} AS links"
    )


def unused_nodes_query(label: str) -> str:
    """One round of deleting the relwork-written nodes of ``label`` (Method, or external Paper) that the
    graph lacks (``$methods`` / ``$papers``: the graph's Method names and external Paper ids) and that
    nothing uses any more, as ``relwork build`` prunes them: no relationship other than relwork's touches
    it, nothing points to it except an origin paper's INTRODUCES, and an origin paper introduces no
    method that is left. Deleting one node can free another (its origin paper, its catalog parent), so
    the round is repeated until it deletes nothing."""
    if label == METHOD:
        which, alive = f"n:{METHOD} AND NOT n.name IN $methods", ""
    elif label == PAPER:
        which = f"n:{PAPER} AND n.external = true AND NOT n.id IN $papers"
        alive = f" AND NOT EXISTS {{ MATCH (n)-[:{INTRODUCES}]->(:{METHOD}) }}"
    else:
        raise ExportError(f"unknown node label {label!r}")
    return (
        f"MATCH (n:{label}) WHERE {which} AND n.{FINGERPRINT} IS NOT NULL"
        f" AND NOT EXISTS {{ MATCH (n)-[r]-(b) WHERE NOT ({_IS_RELWORK_LINK}) }}"
        f" AND NOT EXISTS {{ MATCH (x)-[r]->(n) WHERE NOT (type(r) = '{INTRODUCES}' AND x:{PAPER} AND x.external = true) }}"
        f"{alive} DETACH DELETE n"
    )


def graph_keys(rows: ExportRows) -> dict[str, list[str]]:
    """The parameters of ``unused_nodes_query``: the graph's Method names and external Paper ids."""
    return {
        "methods": [row["key"] for row in rows.nodes[METHOD]],
        "papers": [row["key"] for row in rows.nodes[PAPER] if row["props"].get("external") is True],
    }


def node_rows(label_rows: list[dict], part: str) -> list[dict]:
    """The rows one query of the export takes, for nodes of ``graph_rows``: 'merge' (key and properties,
    without the fingerprint), 'links' (key and the outgoing relationships to keep) or 'fingerprint'."""
    if part == "merge":
        return [{"key": r["key"], "props": {k: v for k, v in r["props"].items() if k != FINGERPRINT}} for r in label_rows]
    if part == "links":
        return [{"key": r["key"], "links": r["links"]} for r in label_rows]
    return [{"key": r["key"], "fingerprint": r["props"][FINGERPRINT]} for r in label_rows]


WIPE_QUERY = (
    "MATCH (n) WHERE " + " OR ".join(f"n:{label}" for label in NODE_LABELS) + " "
    "CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS"
)


# ---------------------------------------------------------------------------------------------------
# the driver


@dataclass
class Connection:
    """Where and as whom to connect; ``database`` None means the server's default database."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = ""
    database: str | None = None

    def describe(self) -> str:
        return f"{self.uri}" + (f" (database {self.database!r})" if self.database else "")


def _error_code(exc: Exception) -> str:
    return getattr(exc, "code", None) or ""


def _explain(exc: Exception, conn: Connection) -> str:
    """A one-line reason for a driver/server error, without traceback noise."""
    from neo4j import exceptions as ne

    code = _error_code(exc)
    if isinstance(exc, ne.AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized"):
        return f"Neo4j at {conn.uri} refused the credentials of user {conn.user!r} (wrong user name or password)"
    if isinstance(exc, ne.ServiceUnavailable):
        reason = _connect_reason(exc)
        if any(sign in reason for sign in _NOT_BOLT):
            return (
                f"something at {conn.uri.partition('://')[2]} accepted the connection but did not answer the Bolt "
                f"handshake: is this Neo4j's bolt port (7687 by default)? 7474 is its HTTP port ({reason})"
            )
        return f"cannot reach Neo4j at {conn.uri}: is the server running and is the address right? ({reason})"
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        return f"Neo4j at {conn.uri} has no database {conn.database!r}"
    if isinstance(exc, ne.ConfigurationError) or isinstance(exc, ValueError):
        return f"invalid Neo4j connection settings for {conn.uri!r}: {_first_line(exc)}"
    if isinstance(exc, ne.Neo4jError):
        return f"Neo4j error {code or type(exc).__name__}: {_first_line(exc)}"
    return f"{type(exc).__name__}: {_first_line(exc)}"


# the driver's words when something answers (or stays silent) on the port but does not speak Bolt
_NOT_BOLT = ("handshake", "looks like HTTP", "incorrect port number")


def _connect_reason(exc: Exception) -> str:
    """Why the driver could not connect: the last line of its message (the first, 'Couldn't connect to X:',
    says nothing), without the driver's deadline detail."""
    lines = [line.strip() for line in (getattr(exc, "message", None) or str(exc)).splitlines() if line.strip()]
    reason = lines[-1] if lines else type(exc).__name__
    reason = re.sub(r"ResolvedIPv[46]Address\(\('([^']*)', (\d+)\)\)", r"\1:\2", reason)
    return re.sub(r"\s*\(deadline Deadline\(.*?\)\)", "", reason).rstrip(": ")


def _first_line(exc: Exception) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.strip().splitlines()[0] if text.strip() else type(exc).__name__


def _driver_errors() -> tuple[type[BaseException], ...]:
    from neo4j import exceptions as ne

    return (ne.Neo4jError, ne.DriverError, ValueError, OSError)


def connect(conn: Connection):
    """An open ``neo4j.Driver`` that has proven it can reach the server, log in and see the database.

    Raises ``ExportError`` (server unreachable, wrong credentials, unknown database, bad URI).
    """
    from neo4j import GraphDatabase

    scheme = conn.uri.partition("://")[0] if "://" in conn.uri else ""
    if scheme not in URI_SCHEMES:
        raise ExportError(
            f"invalid Neo4j connection settings for {conn.uri!r}: the URI must start with one of "
            + ", ".join(f"{s}://" for s in URI_SCHEMES)
        )
    try:
        driver = GraphDatabase.driver(
            conn.uri,
            auth=(conn.user, conn.password),
            connection_timeout=HANDSHAKE_TIMEOUT,
            connection_acquisition_timeout=HANDSHAKE_TIMEOUT,
            max_transaction_retry_time=5,
            notifications_min_severity="OFF",
            user_agent="relwork",
        )
    except _driver_errors() as exc:
        raise ExportError(_explain(exc, conn)) from exc
    try:
        driver.verify_connectivity()
        # verify_connectivity does not check the database name; a trivial query does
        driver.execute_query("RETURN 1", database_=conn.database)
    except _driver_errors() as exc:
        driver.close()
        raise ExportError(_explain(exc, conn)) from exc
    return driver


@dataclass
class ExportResult:
    """What ``export_graph`` wrote and deleted, and what relwork's part of the database holds afterwards.

    ``nodes`` / ``relationships``: written (new or changed nodes, and the outgoing relationships of those);
    ``unchanged``: nodes skipped because the database already held them as the graph has them;
    ``replaced``: nodes that existed and were rewritten; ``stale_relationships``: their outgoing relwork
    relationships that the graph no longer has, deleted; ``removed``: relwork-written nodes nothing uses
    any more, deleted, per label.
    """

    nodes: int
    relationships: int
    batch_size: int
    transactions: int
    wiped: bool
    counts: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    replaced: int = 0
    stale_relationships: int = 0
    removed: dict[str, int] = field(default_factory=dict)


def export_graph(
    G: nx.MultiDiGraph,
    conn: Connection,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    wipe: bool = False,
    progress: Callable[..., Any] | None = None,
) -> ExportResult:
    """Write ``G`` into Neo4j so that relwork's data there is the graph's, for every node of ``G``.

    Steps, in batched transactions: constraints; read each node's fingerprint and number of outgoing
    relwork relationships, and skip the nodes that match the graph; MERGE the other nodes; delete their
    outgoing relwork relationships the graph lacks and MERGE the graph's; set their fingerprints (last,
    so an interrupted export is completed by the next); then delete the relwork-written Method and external
    Paper nodes the graph lacks and nothing uses any more (``unused_nodes_query``). Exporting the same
    graph twice writes nothing the second time. ``wipe`` first deletes every Paper and Method node (and
    their relationships). ``progress(n)`` is called with the number of nodes or relationships each
    committed batch wrote (and once with those skipped as unchanged).

    Raises ``ExportError``: unreachable server, wrong credentials, unknown database, or a failed write (the
    message says how much was committed; re-running is safe).
    """
    if batch_size < 1:
        raise ExportError(f"batch size must be at least 1, got {batch_size}")
    rows = graph_rows(G)
    driver = connect(conn)
    result = ExportResult(nodes=0, relationships=0, batch_size=batch_size, transactions=0, wiped=wipe)
    stage = "creating constraints"
    try:
        with driver.session(database=conn.database) as session:

            def write(query: str, all_rows: list, params: dict | None = None) -> Iterator[tuple[int, Any]]:
                """Commit ``all_rows`` in batches, yielding each batch's size and counters once written."""
                for batch in _batches(all_rows, batch_size):
                    counters = session.execute_write(_run_batch, query, {**(params or {}), "rows": batch})
                    result.transactions += 1
                    yield len(batch), counters

            if wipe:
                stage = "wiping relwork's Paper and Method nodes"
                session.run(WIPE_QUERY).consume()
            for query in constraint_queries():
                session.run(query).consume()
            stage = "reading the fingerprints of relwork's nodes"
            changed, skipped_rels = {}, 0
            for label, label_rows in rows.nodes.items():
                held = {key: (fp, links) for key, fp, links in session.run(state_query(label))}
                changed[label] = [r for r in label_rows if held.get(r["key"]) != (r["props"][FINGERPRINT], len(r["links"]))]
                result.unchanged += len(label_rows) - len(changed[label])
                result.replaced += sum(1 for r in changed[label] if r["key"] in held)
                skipped_rels += sum(len(r["links"]) for r in label_rows) - sum(len(r["links"]) for r in changed[label])
            if progress and (result.unchanged or skipped_rels):
                progress(result.unchanged + skipped_rels)
            for label, label_rows in changed.items():
                stage = f"writing {label} nodes"
                for size, _ in write(node_merge_query(label), node_rows(label_rows, "merge")):
                    result.nodes += size
                    if progress:
                        progress(size)
            for label, label_rows in changed.items():
                stage = f"deleting the stale relationships of {label} nodes"
                for _, counters in write(stale_links_query(label), node_rows(label_rows, "links")):
                    result.stale_relationships += counters.relationships_deleted
            starts = {(label, r["key"]) for label, label_rows in changed.items() for r in label_rows}
            for (etype, slabel, elabel), rel_rows in sorted(rows.relationships.items()):
                stage = f"writing {slabel}-[{etype}]->{elabel} relationships"
                todo = [r for r in rel_rows if (slabel, r["start"]) in starts]
                for size, _ in write(relationship_merge_query(etype, slabel, elabel), todo):
                    result.relationships += size
                    if progress:
                        progress(size)
            for label, label_rows in changed.items():
                stage = f"setting the fingerprints of {label} nodes"
                for _ in write(fingerprint_query(label), node_rows(label_rows, "fingerprint")):
                    pass
            stage = "deleting relwork's nodes that nothing uses any more"
            result.removed = {label: 0 for label in (METHOD, PAPER)}
            keys, deleted = graph_keys(rows), True
            while deleted:  # one round per step of a chain: origin paper -> method -> its catalog parent
                deleted = False
                for label in result.removed:
                    counters = session.execute_write(_run_batch, unused_nodes_query(label), keys)
                    result.transactions += 1
                    result.removed[label] += counters.nodes_deleted
                    deleted = deleted or counters.nodes_deleted > 0
            stage = "counting what the database holds (every write was committed)"
            result.counts = relwork_counts(session)
    except _driver_errors() as exc:
        raise ExportError(
            f"export to {conn.describe()} failed while {stage}: {_explain(exc, conn)}. "
            f"Committed before the failure: {result.nodes} of {rows.node_count} nodes and {result.relationships} of "
            f"{rows.relationship_count} relationships; re-running the export is safe (it completes what is missing)"
        ) from exc
    finally:
        driver.close()
    return result


def export_summary(result: ExportResult, where: str) -> str:
    """The closing line of ``relwork export neo4j``: what was written, skipped, replaced and deleted."""
    removed = sum(result.removed.values())
    parts = []
    if result.nodes or result.relationships or result.wiped:
        new = result.nodes - result.replaced
        parts.append(
            f"Wrote {counted(result.nodes, 'node')} ({new} new, {result.replaced} changed) and "
            f"{counted(result.relationships, 'relationship')} into {where} in {counted(result.transactions, 'transaction')}"
            + (" after wiping relwork's data" if result.wiped else "")
            + (f"; skipped {result.unchanged} unchanged nodes" if result.unchanged else "")
        )
    else:
        parts.append(f"Nothing to write: {where} already holds the graph's {counted(result.unchanged, 'node')} as they are")
    if result.stale_relationships:
        parts.append(f"deleted {counted(result.stale_relationships, 'stale relationship')} of changed nodes")
    if removed:
        labels = ", ".join(f"{n} {label}" for label, n in result.removed.items() if n)
        parts.append(f"deleted {counted(removed, 'node')} that nothing uses any more ({labels})")
    held = ", ".join(f"{n} {name}" for name, n in result.counts.items() if n)
    return "; ".join(parts) + f"; the database now holds {held or 'no relwork data'}"


def _run_batch(tx, query: str, params: dict) -> Any:
    return tx.run(query, params).consume().counters


def relwork_counts(session) -> dict[str, int]:
    """Node counts per relwork label and relationship counts per relwork type, in the database."""
    counts = {}
    for label in NODE_LABELS:
        counts[label] = session.run(f"MATCH (n:{label}) RETURN count(n) AS c").single()["c"]
    for etype in EDGE_TYPES:
        counts[etype] = session.run(
            f"MATCH (a)-[r:{etype}]->(b) WHERE (a:{PAPER} OR a:{METHOD}) AND (b:{PAPER} OR b:{METHOD}) "
            "RETURN count(r) AS c"
        ).single()["c"]
    return counts


def database_counts(conn: Connection) -> dict[str, int]:
    """``relwork_counts`` for a connection (used by tests and the benchmark)."""
    driver = connect(conn)
    try:
        with driver.session(database=conn.database) as session:
            return relwork_counts(session)
    except _driver_errors() as exc:
        raise ExportError(_explain(exc, conn)) from exc
    finally:
        driver.close()


def wipe_database(conn: Connection) -> None:
    """Delete every Paper and Method node (with their relationships); other data is left alone."""
    driver = connect(conn)
    try:
        with driver.session(database=conn.database) as session:
            session.run(WIPE_QUERY).consume()
    except _driver_errors() as exc:
        raise ExportError(f"wiping {conn.describe()} failed: {_explain(exc, conn)}") from exc
    finally:
        driver.close()


# ---------------------------------------------------------------------------------------------------
# read queries


@dataclass
class QueryResult:
    """Columns and plain-Python rows of a query (nodes, relationships and paths made JSON-friendly)."""

    columns: list[str]
    rows: list[list[Any]]
    # what each cookbook parameter's name was read as (``queries.Resolved``; ``fuzzy`` ones a caller says)
    resolved: list = field(default_factory=list)

    def records(self) -> list[dict]:
        return [dict(zip(self.columns, row)) for row in self.rows]


def plain_value(value: Any) -> Any:
    """A Neo4j result value as plain JSON-able Python.

    Nodes become their properties plus ``_labels``; relationships their properties plus ``_type``; paths
    the list of their nodes' names (a Method's ``name``, a Paper's ``title``); temporal values ISO text.
    """
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node):
        return {"_labels": sorted(value.labels), **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {"_type": value.type, **{k: plain_value(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return [n.get("name") or n.get("title") or n.get("id") for n in value.nodes]
    if isinstance(value, (list, tuple)):
        return [plain_value(v) for v in value]
    if isinstance(value, dict):
        return {k: plain_value(v) for k, v in value.items()}
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    iso = getattr(value, "iso_format", None)
    return iso() if callable(iso) else str(value)


def run_read_query(conn: Connection, query: str, params: dict[str, Any] | None = None) -> QueryResult:
    """Run ``query`` in a READ transaction and return its rows; the server refuses any write.

    Raises ``ExportError`` for connection problems and for errors in the query (syntax, a write attempt).
    """
    from neo4j import RoutingControl

    if not query.strip():
        raise ExportError("the Cypher query is empty")
    driver = connect(conn)
    try:
        records, _, keys = driver.execute_query(
            query, parameters_=params or {}, routing_=RoutingControl.READ, database_=conn.database
        )
    except _driver_errors() as exc:
        code = _error_code(exc)
        if code in ("Neo.ClientError.Statement.AccessMode", "Neo.ClientError.Transaction.ForbiddenDueToTransactionType"):
            raise ExportError("relwork cypher and run_read_query run read-only queries; the server refused a write: "
                              f"{_first_line(exc)}") from exc
        raise ExportError(_explain(exc, conn)) from exc
    finally:
        driver.close()
    return QueryResult(columns=list(keys), rows=[[plain_value(v) for v in record.values()] for record in records])


# a new-style arXiv id ('1706.03762', '2101.00010v2') is a paper id, not the number JSON would make of it
_ARXIV_ID = re.compile(r"^\d{4}\.\d{4,5}(?:v\d+)?$")


def parse_params(pairs: Iterable[str]) -> dict[str, Any]:
    """``name=value`` pairs as query parameters; a value that is valid JSON (42, true, ["a"]) is decoded,
    except an arXiv id ('1706.03762' stays text: as a number it would match no paper id).

    Raises ``InputError`` for a pair without '=' or with an invalid name.
    """
    params: dict[str, Any] = {}
    for pair in pairs:
        name, sep, raw = pair.partition("=")
        name = name.strip()
        if not sep or not _PROPERTY_NAME.match(name):
            raise InputError(f"parameter {pair!r} is not of the form name=value")
        if _ARXIV_ID.match(raw.strip()):
            params[name] = raw.strip()
            continue
        try:
            value = json.loads(raw)
        except ValueError:
            value = raw
        params[name] = value
    return params


# ---------------------------------------------------------------------------------------------------
# the cookbook: named read queries in graph/data/cookbook.cypher


@dataclass
class CookbookQuery:
    """One named query of the cookbook: its parameters, what it answers, and its Cypher text.

    ``resolve`` maps a parameter to what ``relwork cypher --name`` resolves it as ('method', 'methods',
    'paper' or 'relation'); ``family`` names the variant query that runs instead when a 'method'
    parameter stands for several methods (a family name, or ``--family``).
    """

    name: str
    description: str
    params: list[str]
    query: str
    networkx: str = ""
    defaults: dict[str, Any] = field(default_factory=dict)
    resolve: dict[str, str] = field(default_factory=dict)
    family: str = ""


_HEADER = re.compile(r"^//\s*(name|description|params|networkx|example|resolve|family):\s*(.*)$")
# 'methods': a list of method names (a family's members, a method and its derivatives), for family variants
RESOLVE_KINDS = ("method", "paper", "relation", "methods")


def parse_cookbook(text: str, source: str = "cookbook.cypher") -> dict[str, CookbookQuery]:
    """Parse a cookbook file: blocks that start with ``// name: x`` header lines and end with ``;``.

    Raises ``ExportError`` naming the line of a block without a name or a query, a repeated name, or a
    ``// family:`` variant that is missing or does not take the query's method parameters as 'methods'.
    """
    queries: dict[str, CookbookQuery] = {}
    family_lines: dict[str, int] = {}  # query name -> line of its '// family:' header
    current: dict[str, Any] | None = None
    body: list[str] = []

    def close(line_no: int) -> None:
        nonlocal current, body
        if current is None:
            return
        query = "\n".join(body).strip().rstrip(";").strip()
        if not query:
            raise ExportError(f"{source}:{current['line']}: query {current['name']!r} has no Cypher text")
        queries[current["name"]] = CookbookQuery(
            name=current["name"],
            description=current.get("description", ""),
            params=current.get("params", []),
            defaults=current.get("defaults", {}),
            query=query,
            networkx=current.get("networkx", ""),
            resolve=current.get("resolve", {}),
            family=current.get("family", ""),
        )
        current, body = None, []

    for line_no, line in enumerate(text.splitlines(), 1):
        header = _HEADER.match(line.strip())
        if header and header.group(1) == "name":
            close(line_no)
            name = header.group(2).strip()
            if name in queries:
                raise ExportError(f"{source}:{line_no}: query name {name!r} is used twice")
            current = {"name": name, "line": line_no}
        elif header and current is not None and not body:
            key, value = header.group(1), header.group(2).strip()
            if key == "params":
                # "a, b" or "limit=10": a default is JSON (10, "x", true)
                current["params"], current["defaults"] = [], {}
                for item in (p.strip() for p in value.split(",")):
                    if not item:
                        continue
                    pname, has_default, raw = (part.strip() for part in item.partition("="))
                    current["params"].append(pname)
                    if has_default:
                        try:
                            current["defaults"][pname] = json.loads(raw)
                        except ValueError as err:
                            raise ExportError(f"{source}:{line_no}: default of {pname!r} is not JSON: {raw!r}") from err
            elif key == "resolve":
                # "a=method, b=method": parameters resolved like `relwork method` / `relwork paper` names
                current["resolve"] = {}
                for item in (p.strip() for p in value.split(",") if p.strip()):
                    pname, _, kind = (part.strip() for part in item.partition("="))
                    if kind not in RESOLVE_KINDS or pname not in current.get("params", []):
                        raise ExportError(
                            f"{source}:{line_no}: resolve item {item!r} must be a declared parameter = "
                            f"{' / '.join(RESOLVE_KINDS)}"
                        )
                    current["resolve"][pname] = kind
            elif key == "family":
                current["family"] = value
                family_lines[current["name"]] = line_no
            else:
                current[key] = (current.get(key, "") + " " + value).strip()
        elif current is None:
            if line.strip() and not line.strip().startswith("//"):
                raise ExportError(f"{source}:{line_no}: Cypher text before the first '// name:' header")
        elif line.strip().startswith("//") and not body:
            continue
        else:
            body.append(line)
            if line.rstrip().endswith(";"):
                close(line_no)
    close(0)
    for name, line_no in family_lines.items():
        _check_family_variant(queries[name], queries.get(queries[name].family), f"{source}:{line_no}")
    return queries


def _check_family_variant(entry: CookbookQuery, variant: CookbookQuery | None, where: str) -> None:
    """A family variant takes the same parameters, each 'method' of ``entry`` as 'methods', the rest alike."""
    if variant is None:
        raise ExportError(f"{where}: query {entry.name!r} names a family variant {entry.family!r} that the cookbook lacks")
    wanted = {p: "methods" if kind == "method" else kind for p, kind in entry.resolve.items()}
    if "methods" not in wanted.values() or variant.params != entry.params or variant.resolve != wanted:
        raise ExportError(
            f"{where}: family variant {variant.name!r} must take the parameters of {entry.name!r} "
            f"({', '.join(entry.params)}) and resolve them as {', '.join(f'{p}={k}' for p, k in wanted.items())}"
        )


def load_cookbook() -> dict[str, CookbookQuery]:
    """The cookbook shipped with relwork (``relwork/graph/data/cookbook.cypher``)."""
    text = resources.files("relwork.graph").joinpath("data/cookbook.cypher").read_text(encoding="utf-8")
    return parse_cookbook(text)


def run_cookbook(conn: Connection, name: str, params: dict[str, Any], *, family: bool = False) -> QueryResult:
    """Run the cookbook query ``name`` with ``params`` (declared parameters without a default are required).

    When a method parameter names a method family ('state-space models'), or with ``family=True`` (each
    method also stands for its catalog derivatives), the query's family variant runs instead (``bridge`` ->
    ``bridge_family``): it takes lists of method names and its rows name the method linked, as the networkx
    functions with ``family`` do.

    Raises ``InputError`` for an unknown name, an unknown or a missing parameter, or ``family`` on a query
    without method parameters (user arguments, exit 2); ``GraphError`` for a name the database lacks.
    """
    cookbook = load_cookbook()
    if name not in cookbook:
        raise InputError(f"no cookbook query named {name!r}; known: {', '.join(sorted(cookbook))}")
    entry = cookbook[name]
    unknown = [p for p in params if p not in entry.params]
    if unknown:
        raise InputError(
            f"cookbook query {name!r} has no parameter {', '.join(map(repr, unknown))}; "
            f"it takes: {', '.join(entry.params)}"
        )
    params = {**entry.defaults, **params}
    missing = [p for p in entry.params if p not in params]
    if missing:
        raise InputError(f"cookbook query {name!r} needs --param {', --param '.join(m + '=...' for m in missing)}")
    variant = cookbook[entry.family] if entry.family else None
    if family and variant is None and "methods" not in entry.resolve.values():
        takes = sorted(q.name for q in cookbook.values() if q.family or "methods" in q.resolve.values())
        raise InputError(f"cookbook query {name!r} takes no method family; --family works with: {', '.join(takes)}")
    resolved, asked = _resolve_params(conn, entry.resolve, params, family=family, groups=variant is not None)
    if variant is not None and any(isinstance(resolved[p], list) for p, kind in entry.resolve.items() if kind == "method"):
        # several methods on a side: the variant takes every method parameter as a list of names
        resolved = {p: [v] if variant.resolve.get(p) == "methods" and isinstance(v, str) else v for p, v in resolved.items()}
        entry = variant
    result = run_read_query(conn, entry.query, resolved)
    result.resolved = asked
    return result


def resolve_params(
    conn: Connection, kinds: dict[str, str], params: dict[str, Any], *, family: bool = False, groups: bool = False
) -> dict[str, Any]:
    """``params`` with each method, paper or relation named as ``relwork method`` / ``relwork paper`` name
    them ('mamba', 'Mambaa', 'BERT-large' -> the canonical name; a title fragment -> the paper id;
    'compares-to' -> 'compares_to'), so a cookbook query answers like its networkx function instead of
    returning no rows. Raises ``GraphError`` (closest names suggested) for a name the database lacks.

    A 'methods' parameter becomes the list of method names ``resolve_methods`` gives on the networkx graph:
    the method (with ``family``, also its catalog derivatives) or a family's members present in the
    database; a list of names resolves item by item. With ``groups``, a 'method' parameter that stands for
    several methods that way becomes such a list too (a family variant then runs). Two method parameters
    that stand for the same methods are an error, as in ``bridge``.

    An exact canonical name or paper id costs one small query; anything else reads the Method names,
    aliases and lineage (and for a paper the Paper ids, titles and INTRODUCES links) once and resolves them
    in Python.
    """
    return _resolve_params(conn, kinds, params, family=family, groups=groups)[0]


def _resolve_params(
    conn: Connection, kinds: dict[str, str], params: dict[str, Any], *, family: bool = False, groups: bool = False
) -> tuple[dict[str, Any], list]:
    """``resolve_params`` and, in order, each name's ``queries.Resolved`` (``run_cookbook`` returns them)."""
    from relwork.graph import queries

    asked: list[queries.Resolved] = []
    resolved = dict(params)
    lookup = _Lookup(conn, papers="paper" in kinds.values())
    methods: dict[str, queries.Resolved] = {}
    for name, kind in kinds.items():
        value = resolved.get(name)
        if kind == "methods" and isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            parts = [_resolve_method_param(lookup, v, family=family, groups=True) for v in value]
            asked += parts
            nodes = list(dict.fromkeys(n for part in parts for n in part.nodes))
            methods[name] = queries.Resolved(", ".join(part.label for part in parts), nodes, None, True)
            resolved[name] = [node_key(n) for n in nodes]
            continue
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            what = "a method or a list of method names" if kind == "methods" else f"a {kind}"
            raise InputError(f"--param {name} must name {what}, got {value!r}")
        if kind == "relation":
            resolved[name] = queries.relation_type(value).lower()
        elif kind == "paper":
            found = run_read_query(conn, "MATCH (p:Paper) WHERE p.id = $value RETURN p.id LIMIT 1", {"value": value}).rows
            if not found:
                G = lookup.graph()
                paper = queries.resolve_one_paper(G, value)
                asked.append(paper)
                resolved[name] = G.nodes[paper.nodes[0]]["paper_id"]
        else:
            methods[name] = found = _resolve_method_param(lookup, value, family=family, groups=groups or kind == "methods")
            asked.append(found)
            names = [node_key(n) for n in found.nodes]
            resolved[name] = names if found.group or kind == "methods" else names[0]
    if len(methods) == 2:
        (a, ra), (b, rb) = methods.items()
        queries.require_different(str(params[a]), str(params[b]), ra, rb)
    return resolved, asked


def _resolve_method_param(lookup: _Lookup, value: str, *, family: bool, groups: bool) -> "queries.Resolved":
    """``resolve_methods`` on the database (``groups``), else ``resolve_method``, as a ``Resolved``."""
    from relwork.graph import queries

    if not family:
        exact = run_read_query(lookup.conn, "MATCH (m:Method {name: $value}) RETURN m.name LIMIT 1", {"value": value}).rows
        if exact:
            return queries.Resolved(value, [method_node(value)], None, False, value)
    G = lookup.graph()
    if groups:
        return queries.resolve_methods(G, value, family=family)
    return queries.resolve_one_method(G, value)


class _Lookup:
    """The part of the exported graph that names resolve against, read from the database once, when a
    name first needs it: Method names, aliases, kinds, areas, catalogued flags, DERIVED_FROM lineage and NAMED_AFTER ties;
    with ``papers`` also Paper ids, titles, arXiv ids, DOIs and the INTRODUCES links."""

    def __init__(self, conn: Connection, *, papers: bool) -> None:
        self.conn, self.papers = conn, papers
        self._graph: nx.MultiDiGraph | None = None

    def graph(self) -> nx.MultiDiGraph:
        if self._graph is None:
            self._graph = _lookup_graph(self.conn, papers=self.papers)
        return self._graph


def _lookup_graph(conn: Connection, *, papers: bool) -> nx.MultiDiGraph:
    """See ``_Lookup``: node ids and attributes as ``graph/build.py`` makes them, so the query functions'
    resolvers run on it unchanged."""
    G = nx.MultiDiGraph()
    query = "MATCH (m:Method) RETURN m.name, m.aliases, m.catalogued, m.kind, m.area"
    for method, aliases, catalogued, kind, area in run_read_query(conn, query).rows:
        G.add_node(method_node(method), label=METHOD, name=method, aliases=aliases or [], catalogued=bool(catalogued),
                   kind=kind or "", area=area or "")
    for etype in (DERIVED_FROM, NAMED_AFTER):  # lineage and name ties: a family's members, as on networkx
        query = f"MATCH (c:Method)-[:{etype}]->(p:Method) RETURN c.name, p.name"
        for child, parent in run_read_query(conn, query).rows:
            G.add_edge(method_node(child), method_node(parent), key=etype, type=etype)
    if papers:
        query = "MATCH (p:Paper) RETURN p.id, p.title, p.arxiv_id, p.doi, p.external"
        for pid, title, arxiv, doi, external in run_read_query(conn, query).rows:
            G.add_node(paper_node(pid), label=PAPER, paper_id=pid, title=title or "", arxiv_id=arxiv, doi=doi,
                       external=bool(external))
        query = f"MATCH (p:Paper)-[:{INTRODUCES}]->(m:Method) RETURN p.id, m.name"
        for pid, method in run_read_query(conn, query).rows:
            G.add_edge(paper_node(pid), method_node(method), key=INTRODUCES, type=INTRODUCES)
    return G
