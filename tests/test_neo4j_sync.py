"""Exports that keep Neo4j in step with the graph, against a real Neo4j server: after ``build --update``
re-links a revised paper, ``relwork export neo4j`` (and the Cypher script) replace its relationships and
delete the method and origin paper nothing uses any more, so the cookbook answers as the CLI does; a
user's own nodes and relationships survive; re-exporting an unchanged graph writes nothing. Also: a port
held by something that is not Neo4j fails within seconds, with the reason.

The server and its fixtures are tests/test_neo4j.py's (``scripts/neo4j.sh start``; under CI=true a missing
server fails these tests, locally they skip).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from relwork.core.errors import ExportError
from relwork.graph.build import build_from_files
from relwork.graph.cypher_script import UNUSED_ROUNDS, write_cypher
from relwork.graph.io import save_graph
from relwork.graph.neo4j import Connection, FINGERPRINT, database_counts, export_graph, run_cookbook, run_read_query
from relwork.loaders import load_papers

from conftest import EXAMPLES
from test_neo4j import (  # noqa: F401 - the server fixtures
    _bridge_nx,
    _builds_on_nx,
    cli,
    conn_args,
    cypher_shell,
    expected_counts,
    free_port,
    neo4j,
    run_write,
    server,
)

SEED = EXAMPLES / "002_cc3f64b79d935da1.txt"
TITLE = "Mamba Retriever: Utilizing Mamba for Effective and Efficient Dense Retrieval"
# the revision drops BEIR (no other seed paper links it) and the comparisons with Transformer-based models;
# it is longer, so the merged record takes it
OLD = ("on the MS MARCO passage ranking dataset and BEIR, the Mamba Retriever achieves comparable or better "
       "effectiveness compared to Transformer-based retrieval models")
NEW = ("on the MS MARCO passage ranking dataset, the Mamba Retriever achieves the effectiveness that its pre-trained "
       "length allows, and the effectiveness grows with the number of training passages")
# the cookbook's answers on which the revision changes the CLI's
# (Mamba Retriever's 'compared to Transformer-based retrieval models, and ... the Mamba model' compares it to
# Transformer only: its compares_to Mamba answer is the same before and after)
CHANGED_ANSWERS = [
    ("builds_on", {"method": "Transformer", "relation": "compares_to"}, _builds_on_nx),
    ("bridge", {"a": "Transformer", "b": "Mamba"}, _bridge_nx),
]


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """(v1 graph file, v1 graph, v2 graph file, v2 graph): the seed corpus, then ``build --update`` with a
    revised version of one seed paper."""
    tmp = tmp_path_factory.mktemp("versions")
    [paper] = [p for p in load_papers([SEED]).papers if p.title == TITLE]
    assert OLD in paper.abstract
    revised = tmp / "revised.jsonl"
    revised.write_text(json.dumps({"title": TITLE, "abstract": paper.abstract.replace(OLD, NEW)}) + "\n", encoding="utf-8")
    v1 = build_from_files(sorted(EXAMPLES.glob("*.txt"))).graph
    v1_file = save_graph(v1, tmp / "v1.json")
    v2 = build_from_files([revised], update=v1_file).graph
    return v1_file, v1, save_graph(v2, tmp / "v2.json"), v2


def _names(G, label):
    return {n for n, d in G.nodes(data=True) if d["label"] == label}


def test_revision_drops_links_a_method_and_its_origin_paper(versions):
    """The premise of the tests below: the revised graph lacks links, a method and an origin paper of v1."""
    _, v1, _, v2 = versions
    assert _names(v1, "Method") - _names(v2, "Method") == {"method:BEIR"}
    assert {n for n in _names(v1, "Paper") - _names(v2, "Paper") if v1.nodes[n]["external"]} == {"paper:2104.08663"}
    for name, params, reference in CHANGED_ANSWERS:
        assert reference(v1, **params) != reference(v2, **params), (name, params)


def test_export_after_update_answers_like_the_cli(neo4j, versions):
    _, v1, _, v2 = versions
    first = export_graph(v1, neo4j)
    assert first.counts == expected_counts(v1)
    for name, params, reference in CHANGED_ANSWERS:
        assert run_cookbook(neo4j, name, params).rows == reference(v1, **params)

    result = export_graph(v2, neo4j)
    assert result.counts == expected_counts(v2)
    for name, params, reference in CHANGED_ANSWERS:
        assert run_cookbook(neo4j, name, params).rows == reference(v2, **params), (name, params)
    # only the revised paper changed; its old links went, and BEIR with its origin paper
    assert (result.nodes, result.replaced) == (1, 1)
    assert result.unchanged == v2.number_of_nodes() - 1
    assert result.stale_relationships > 0 and result.removed == {"Method": 1, "Paper": 1}
    assert run_read_query(neo4j, "MATCH (n) WHERE n.name = 'BEIR' OR n.id = '2104.08663' RETURN n").rows == []


def test_export_of_an_unchanged_graph_writes_nothing(neo4j, versions):
    _, _, _, v2 = versions
    export_graph(v2, neo4j)
    again = export_graph(v2, neo4j, batch_size=50)
    assert (again.nodes, again.relationships, again.stale_relationships) == (0, 0, 0)
    assert again.removed == {"Method": 0, "Paper": 0} and again.unchanged == v2.number_of_nodes()
    assert again.counts == expected_counts(v2)


def test_export_keeps_the_users_own_nodes_and_relationships(neo4j, versions):
    """Data relwork did not write stays: a user's node and its relationship to a method the revised graph
    drops (which keeps that method alive), a user's relationship between relwork nodes, and a Method node
    the user made (no fingerprint)."""
    _, v1, _, v2 = versions
    export_graph(v1, neo4j)
    run_write(neo4j, "MATCH (m:Method {name: 'BEIR'}) CREATE (:RelworkTestOther {name: 'my note'})-[:RELWORK_TEST_ABOUT]->(m)")
    run_write(neo4j, "MATCH (p:Paper {title: $t}), (m:Method {name: 'Transformer'}) CREATE (p)-[:RELWORK_TEST_READ]->(m)", t=TITLE)
    run_write(neo4j, "CREATE (:Method {name: 'My own method'})")
    result = export_graph(v2, neo4j)
    # BEIR stays (the user's relationship uses it), and so does its origin paper, which introduces it
    assert result.removed == {"Method": 0, "Paper": 0}
    rows = run_read_query(neo4j, "MATCH (:RelworkTestOther {name: 'my note'})-[:RELWORK_TEST_ABOUT]->(m) RETURN m.name").rows
    assert rows == [["BEIR"]]
    assert run_read_query(neo4j, "MATCH (:Paper {title: $t})-[:RELWORK_TEST_READ]->(m) RETURN m.name", {"t": TITLE}).rows == [["Transformer"]]
    assert run_read_query(neo4j, "MATCH (m:Method {name: 'My own method'}) RETURN m.name").rows == [["My own method"]]
    # relwork's own relationships are the graph's: the revised paper no longer links BEIR
    assert run_read_query(neo4j, "MATCH (:Paper {title: $t})-[:MENTIONS]->(m {name: 'BEIR'}) RETURN m", {"t": TITLE}).rows == []


def test_export_restores_a_relationship_deleted_by_hand(neo4j, versions):
    """The fingerprint alone would call the paper unchanged; its count of relationships does not."""
    _, _, _, v2 = versions
    export_graph(v2, neo4j)
    run_write(neo4j, "MATCH (:Paper {title: $t})-[r:BUILDS_ON {key: 'BUILDS_ON'}]->(:Method {name: 'Mamba'}) DELETE r", t=TITLE)
    result = export_graph(v2, neo4j)
    assert (result.nodes, result.relationships) == (1, len(v2.out_edges(_paper_node(v2))))
    assert result.counts == expected_counts(v2)


def _paper_node(G):
    [node] = [n for n, d in G.nodes(data=True) if d.get("title") == TITLE]
    return node


def test_cli_export_summary_says_what_was_replaced_and_deleted(neo4j, versions):
    v1_file, _, v2_file, v2 = versions
    assert cli("export", "neo4j", str(v1_file), *conn_args(neo4j)).exit_code == 0
    done = cli("export", "neo4j", str(v2_file), *conn_args(neo4j))
    assert done.exit_code == 0, done.output
    text = " ".join(done.output.split())
    assert "Wrote 1 node (0 new, 1 changed) and " in text
    assert f"skipped {v2.number_of_nodes() - 1} unchanged nodes" in text
    assert "deleted 2 nodes that nothing uses any more (1 Method, 1 Paper)" in text
    done = cli("export", "neo4j", str(v2_file), *conn_args(neo4j))
    assert f"Nothing to write: {neo4j.uri} already holds the graph's {v2.number_of_nodes()} nodes as they are" in " ".join(done.output.split())


def test_cypher_script_after_update_matches_the_driver_export(neo4j, versions, tmp_path):
    """The script replaces the revised paper's relationships and deletes what nothing uses, as the driver."""
    _, v1, _, v2 = versions
    export_graph(v2, neo4j)
    nodes_query = "MATCH (n) RETURN labels(n), properties(n) ORDER BY n.id, n.name"
    rels_query = ("MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.name) AS a, type(r) AS t, properties(r) AS p, "
                  "coalesce(b.id, b.name) AS b ORDER BY a, t, p.key, b")
    want_nodes, want_rels = run_read_query(neo4j, nodes_query).rows, run_read_query(neo4j, rels_query).rows
    export_graph(v1, neo4j, wipe=True)
    done = cypher_shell("-f", str(write_cypher(v2, tmp_path / "v2.cypher")))
    assert done.returncode == 0, done.stderr
    assert run_read_query(neo4j, rels_query).rows == want_rels
    assert run_read_query(neo4j, nodes_query).rows == want_nodes
    assert all(FINGERPRINT in props for _, props in want_nodes)


def test_cypher_script_repeats_the_unused_round_for_the_longest_catalog_lineage():
    from relwork.linker import load_catalog

    entries = load_catalog().entries
    depth: dict[str, int] = {}

    def lineage(name: str, seen: tuple = ()) -> int:
        if name not in depth:
            parents = [p for p in entries[name].parents if p in entries and p not in seen]
            depth[name] = 1 + max((lineage(p, seen + (name,)) for p in parents), default=0)
        return depth[name]

    # one round per method of the longest chain, and one for the origin paper that introduced its head
    assert max(lineage(name) for name in entries) + 1 <= UNUSED_ROUNDS


# ---------------------------------------------------------------------------------------------------
# a port held by something that is not Neo4j


@pytest.fixture()
def http_port():
    """A real HTTP server (``python -m http.server``) on a free loopback port."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                import socket

                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_export_to_a_port_that_does_not_speak_bolt_names_the_reason(http_port, versions):
    """It waited 60 s (the driver's default) and then said 'is the server running?' with an empty reason."""
    conn = Connection(f"bolt://127.0.0.1:{http_port}", password="x")
    with pytest.raises(ExportError) as info:
        database_counts(conn)
    assert str(info.value) == (
        f"something at 127.0.0.1:{http_port} accepted the connection but did not answer the Bolt handshake: is this "
        f"Neo4j's bolt port (7687 by default)? 7474 is its HTTP port (Failed to read four byte Bolt handshake "
        f"response from server 127.0.0.1:{http_port})"
    )
    done = cli("cypher", "--name", "most_compared", "--uri", conn.uri, "--password", "x")
    assert done.exit_code == 5 and "did not answer the Bolt handshake" in done.output


def test_export_to_a_closed_port_gives_the_reason():
    port = free_port()
    with pytest.raises(ExportError, match=rf"^cannot reach Neo4j at bolt://127\.0\.0\.1:{port}: is the server running "
                                          rf"and is the address right\? \(.*Connection refused\)\)$"):
        database_counts(Connection(f"bolt://127.0.0.1:{port}", password="x"))
