"""Neo4j export, bulk formats, read queries and the cookbook, against a real Neo4j server on loopback.

The server is the one ``scripts/neo4j.sh start`` runs (connection read from ``scripts/neo4j.sh env``, never
from the user's NEO4J_* variables: these tests delete relwork's Paper/Method nodes on it). Under CI=true a
missing server fails the tests; locally they skip with how to start it.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import networkx as nx
import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.core.errors import ExportError, InputError
from relwork.core.records import Introduced, Link, LinkedPaper, Paper, Source
from relwork.graph import queries
from relwork.graph.build import build_graph
from relwork.graph.cypher_script import cypher_string, generate_cypher, write_cypher
from relwork.graph.neo4j import (
    Connection,
    database_counts,
    export_graph,
    graph_rows,
    load_cookbook,
    parse_cookbook,
    parse_params,
    run_cookbook,
    run_read_query,
    wipe_database,
)
from relwork.graph.neo4j_csv import write_neo4j_csv
from relwork.graph.schema import EDGE_TYPES, NODE_LABELS
from relwork.linker.catalog import Catalog, CatalogEntry

from conftest import ROOT, free_port, require_service

SCRIPT = ROOT / "scripts" / "neo4j.sh"
HOW = "start it with `scripts/neo4j.sh start` (needs Java 17 and Maven; downloads Neo4j 5.26 once)"

EVIL_TITLES = [
    "It's a \"quoted\" title",
    "Back\\slash \\' and \\u0027 escapes",
    "Comment */ closer /* and // line comment",
    "Injected'}] AS row MERGE (x:Pwned) //",
    "Semi; MATCH (n) DETACH DELETE n; RETURN 1",
    "Line one\nline two\r\nand a\ttab",
    "Backtick `Paper` and $param and {map: 1}",
    "Unicode: é, 中文, 🚀 and \u2028 separator",
    "Control \x00 NUL, \x07 bell, \x1b[31m escape and \x7f delete",
    "Bidi \u202e override \u202c and \u2066isolate\u2069 from a graph built before the loader dropped them",
]


# ---------------------------------------------------------------------------------------------------
# graphs built with the real builder from hand-made linker records


def _link(method, relation, evidence, *, field="abstract", confidence=0.9, cue=""):
    return Link(method, "method", relation, method, field, 0, len(method), evidence, cue, confidence)


def _paper(title, year, *, introduces=(), links=(), arxiv=None, authors=(), line=1):
    record = Paper.create(
        title, f"Abstract of {title}.", source=Source("papers.txt", line, "hf-daily"), year=year,
        arxiv_id=arxiv, authors=list(authors),
    )
    return LinkedPaper(record, [Introduced(n, evidence=f"We propose {n}.") for n in introduces], list(links))


CATALOG = Catalog()
for _entry in (
    CatalogEntry("Transformer", year=2017, paper={"arxiv": "1706.03762", "title": "Attention Is All You Need"}),
    CatalogEntry("S4", year=2021, aliases=["Structured State Space"], paper={"arxiv": "2111.00396", "title": "Efficiently Modeling Long Sequences with Structured State Spaces"}),
    CatalogEntry("Mamba", year=2023, parents=["S4"], paper={"arxiv": "2312.00752", "title": "Mamba: Linear-Time Sequence Modeling with Selective State Spaces"}),
    CatalogEntry("Longformer", year=2020, aliases=["LF"], parents=["Transformer"]),
    CatalogEntry("ImageNet", kind="dataset", year=2009),
):
    CATALOG.add(_entry)


def base_records() -> list[LinkedPaper]:
    return [
        _paper("Jamba: a hybrid Transformer-Mamba model", 2024, arxiv="2403.19887", authors=["A. One", "B; Two"],
               introduces=["Jamba"],
               links=[_link("Mamba", "builds_on", "Jamba builds on Mamba.", field="title", cue="builds on"),
                      _link("Transformer", "builds_on", "and on Transformer layers.", cue="builds on")]),
        _paper("Zamba: compact hybrid", 2024,
               links=[_link("Mamba", "builds_on", "Zamba builds on Mamba."),
                      _link("Transformer", "builds_on", "uses Transformer blocks.")]),
        _paper("A study of long context", 2024,
               links=[_link("Mamba", "compares_to", "We compare with Mamba."),
                      _link("Transformer", "compares_to", "and the Transformer."),
                      _link("Longformer", "compares_to", "and Longformer.")]),
        _paper("Undated survey of sequence models", None,
               links=[_link("Mamba", "mentions", "Mamba is discussed."),
                      _link("S4", "compares_to", "compared with S4."),
                      _link("Transformer", "mentions", "Transformer too.")]),
        _paper("Vision Mamba", 2024, introduces=["Vim"],
               links=[_link("Mamba", "builds_on", "Vim builds on Mamba.", cue="builds on"),
                      _link("ImageNet", "mentions", "evaluated on ImageNet.")]),
        _paper("Long documents with Longformer", 2021,
               links=[_link("Longformer", "builds_on", "We extend Longformer.", cue="extend"),
                      _link("S4", "compares_to", "and compare to S4.")]),
        _paper("State spaces revisited", 2022,
               links=[_link("S4", "builds_on", "We build on S4."), _link("Transformer", "compares_to", "vs Transformer.")]),
    ]


def update_records() -> list[LinkedPaper]:
    return [
        _paper("Mamba-2 and structured duality", 2024, introduces=["Mamba-2"],
               links=[_link("Mamba", "builds_on", "Mamba-2 refines Mamba."), _link("Jamba", "compares_to", "beats Jamba.")]),
        _paper("Hyena hierarchy", 2023, introduces=["Hyena"],
               links=[_link("S4", "builds_on", "Hyena builds on S4."), _link("Transformer", "compares_to", "vs attention.")]),
    ]


def make_graph(records) -> nx.MultiDiGraph:
    return build_graph(records, CATALOG)


def evil_records() -> list[LinkedPaper]:
    return [
        _paper(title, 2020 + i, line=i + 1, authors=[f"Author {title[:8]}"],
               links=[_link("Transformer", "builds_on", f"Evidence: {title}")])
        for i, title in enumerate(EVIL_TITLES)
    ]


def evil_graph() -> nx.MultiDiGraph:
    return make_graph(evil_records())


def expected_counts(G: nx.MultiDiGraph) -> dict[str, int]:
    counts = {label: 0 for label in NODE_LABELS} | {etype: 0 for etype in EDGE_TYPES}
    for _, attrs in G.nodes(data=True):
        counts[attrs["label"]] += 1
    for _, _, attrs in G.edges(data=True):
        counts[attrs["type"]] += 1
    return counts


# ---------------------------------------------------------------------------------------------------
# the server


def test_neo4j_script_config_text_runs_no_commands():
    """The conf and env files are written from unquoted heredocs, where a backquote or $( runs a command
    (a comment quoting `relwork cypher` ran it at every start): only ${VAR} expansions may appear there."""
    import re

    text = SCRIPT.read_text(encoding="utf-8")
    bodies = re.findall(r"<<EOF\n(.*?)\nEOF\n", text, re.S)
    assert len(bodies) == 2
    for body in bodies:
        assert "`" not in body and "$(" not in body


def _script_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "NEO4J_USERNAME")}
    return env | extra


def _settings() -> dict[str, str]:
    out = subprocess.run(["bash", str(SCRIPT), "env"], capture_output=True, text=True, env=_script_env(), check=True)
    return dict(line.split("=", 1) for line in out.stdout.splitlines() if "=" in line)


@pytest.fixture(scope="session")
def server() -> Connection:
    settings = _settings()
    conn = Connection(settings["NEO4J_URI"], settings["NEO4J_USERNAME"], settings["NEO4J_PASSWORD"])
    try:
        database_counts(conn)
        reason = ""
    except ExportError as exc:
        reason = str(exc)
    require_service(not reason, f"Neo4j at {conn.uri} ({reason})", HOW)
    return conn


@pytest.fixture()
def neo4j(server: Connection):
    """The test server with relwork's data, test nodes and test constraints removed, held by this test alone:
    every test wipes and loads the one database, so a lock file per bolt port keeps tests of other xdist workers
    (scripts/test.sh runs ``pytest -n auto``) or of another pytest run off the server until this one ends."""
    lock = Path(tempfile.gettempdir()) / f"relwork-test-neo4j-{urlsplit(server.uri).port}.lock"
    with open(lock, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)  # released when the handle closes, also if the worker dies
        wipe_database(server)
        run_write(server, "MATCH (n:RelworkTestOther) DETACH DELETE n")
        run_write(server, "DROP CONSTRAINT relwork_test_kind IF EXISTS")
        yield server


def run_write(conn: Connection, query: str, **params) -> list:
    from neo4j import GraphDatabase

    with GraphDatabase.driver(conn.uri, auth=(conn.user, conn.password)) as driver:
        return driver.execute_query(query, params).records


def cli(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, env={"COLUMNS": "200"})


def conn_args(conn: Connection) -> list[str]:
    return ["--uri", conn.uri, "--user", conn.user, "--password", conn.password]


# ---------------------------------------------------------------------------------------------------
# export through the driver


def test_export_graph_counts_match_graph(neo4j):
    G = make_graph(base_records())
    result = export_graph(G, neo4j, batch_size=3)
    assert result.counts == expected_counts(G)
    assert result.nodes == G.number_of_nodes() and result.relationships == G.number_of_edges()
    assert result.counts["DERIVED_FROM"] > 0 and result.counts["INTRODUCES"] > 0


def test_export_graph_twice_leaves_identical_counts_and_properties(neo4j):
    G = make_graph(base_records())
    first = export_graph(G, neo4j)
    snapshot = run_read_query(neo4j, "MATCH (n) RETURN properties(n) AS p ORDER BY n.id, n.name").rows
    second = export_graph(G, neo4j, batch_size=2)
    assert second.counts == first.counts == expected_counts(G)
    assert (second.nodes, second.relationships, second.unchanged) == (0, 0, G.number_of_nodes())
    assert run_read_query(neo4j, "MATCH (n) RETURN properties(n) AS p ORDER BY n.id, n.name").rows == snapshot


def test_export_graph_update_adds_only_the_new(neo4j):
    old = make_graph(base_records())
    export_graph(old, neo4j)
    run_write(neo4j, "MATCH (p:Paper {id: '2403.19887'}) SET p.note = 'set by hand'")
    new = make_graph(base_records() + update_records())
    result = export_graph(new, neo4j)
    assert result.counts == expected_counts(new)
    assert result.counts["Paper"] - expected_counts(old)["Paper"] == 2
    # the old node was merged into, not recreated
    rows = run_read_query(neo4j, "MATCH (p:Paper {id: '2403.19887'}) RETURN p.note AS note").rows
    assert rows == [["set by hand"]]


def test_export_graph_wipe_removes_only_relwork_data(neo4j):
    export_graph(make_graph(base_records() + update_records()), neo4j)
    run_write(neo4j, "CREATE (:RelworkTestOther {name: 'keep me'})")
    small = make_graph(base_records()[:2])
    result = export_graph(small, neo4j, wipe=True)
    assert result.wiped and result.counts == expected_counts(small)
    assert run_read_query(neo4j, "MATCH (n:RelworkTestOther) RETURN n.name").rows == [["keep me"]]


def test_export_graph_stores_lists_and_flattens_sources(neo4j):
    export_graph(make_graph(base_records()), neo4j)
    [[authors, sources, norm]] = run_read_query(
        neo4j, "MATCH (p:Paper {id: '2403.19887'}) RETURN p.authors, p.sources, p.norm_title"
    ).rows
    assert authors == ["A. One", "B; Two"]
    assert json.loads(sources) == [{"file": "papers.txt", "format": "hf-daily", "line": 1}]
    assert norm == "jamba a hybrid transformer mamba model"
    [[aliases]] = run_read_query(neo4j, "MATCH (m:Method {name: 'Longformer'}) RETURN m.aliases").rows
    assert aliases == ["LF"]


@pytest.mark.parametrize(
    "change, message",
    [
        ({"password": "wrong-password"}, "refused the credentials of user 'neo4j'"),
        ({"user": "nobody"}, "refused the credentials of user 'nobody'"),
        ({"uri": "bolt://127.0.0.1:{port}"}, "cannot reach Neo4j at bolt://127.0.0.1:"),
        ({"database": "nosuchdb"}, "has no database 'nosuchdb'"),
        ({"uri": "http://127.0.0.1:7474"}, "invalid Neo4j connection settings"),
    ],
)
def test_export_graph_connection_errors_are_clear(neo4j, change, message):
    change = {k: v.format(port=free_port()) for k, v in change.items()}
    bad = Connection(**(vars(neo4j) | change))
    with pytest.raises(ExportError, match=message):
        export_graph(make_graph(base_records()[:1]), bad)
    assert database_counts(neo4j)["Paper"] == 0


def test_export_graph_failure_midway_says_what_was_written(neo4j):
    G = make_graph(base_records())
    # a constraint relwork's data violates: two methods share kind 'method', so the Method batch fails
    run_write(neo4j, "CREATE CONSTRAINT relwork_test_kind FOR (m:Method) REQUIRE m.kind IS UNIQUE")
    papers = expected_counts(G)["Paper"]
    with pytest.raises(ExportError) as info:
        export_graph(G, neo4j, batch_size=100)
    text = str(info.value)
    assert "failed while writing Method nodes" in text
    assert f"{papers} of {G.number_of_nodes()} nodes and 0 of {G.number_of_edges()} relationships" in text
    assert "re-running the export is safe" in text
    assert database_counts(neo4j)["Paper"] == papers
    run_write(neo4j, "DROP CONSTRAINT relwork_test_kind")
    assert export_graph(G, neo4j).counts == expected_counts(G)


@pytest.mark.parametrize(
    "attrs, message",
    [
        ({"label": "Person"}, "label 'Person' is not one of relwork's labels"),
        ({"label": "Paper", "bad key": 1}, "'bad key' is not a valid Neo4j property name"),
    ],
)
def test_graph_rows_refuses_foreign_vocabulary(attrs, message):
    G = nx.MultiDiGraph()
    G.add_node("paper:x", **attrs)
    with pytest.raises(ExportError, match=message):
        graph_rows(G)


def test_graph_rows_refuses_unknown_relationship_type():
    G = make_graph(base_records()[:1])
    u, v = next(iter(G.edges()))
    G.add_edge(u, v, key="X", type="DETACH DELETE")
    with pytest.raises(ExportError, match="type 'DETACH DELETE' is not one of relwork's types"):
        graph_rows(G)


# ---------------------------------------------------------------------------------------------------
# untrusted titles: every path stores them exactly


REL_QUERY = (
    "MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.name) AS s, type(r) AS t, properties(r) AS p, coalesce(b.id, b.name) AS e "
    "ORDER BY s, t, p.key, e"
)


def stored_titles(conn: Connection) -> dict[str, str]:
    return dict(run_read_query(conn, "MATCH (p:Paper) RETURN p.id, p.title").rows)


def graph_titles(G: nx.MultiDiGraph) -> dict[str, str]:
    return {d["id"] if "id" in d else n.split(":", 1)[1]: d["title"] for n, d in G.nodes(data=True) if d["label"] == "Paper"}


def test_export_graph_untrusted_titles_round_trip(neo4j):
    G = evil_graph()
    export_graph(G, neo4j)
    assert stored_titles(neo4j) == graph_titles(G)
    assert run_read_query(neo4j, "MATCH (n:Pwned) RETURN count(n)").rows == [[0]]


@pytest.mark.parametrize("title", EVIL_TITLES)
def test_cypher_string_round_trips_through_the_server(neo4j, title):
    literal = cypher_string(title)
    assert ";" not in literal and "*/" not in literal and "\n" not in literal
    assert run_read_query(neo4j, f"RETURN {literal} AS t").rows == [[title]]


def cypher_shell(*args: str) -> subprocess.CompletedProcess:
    if shutil.which("java") is None:
        require_service(False, "Java (for cypher-shell)", HOW)
    return subprocess.run(["bash", str(SCRIPT), "cypher-shell", *args], capture_output=True, text=True,
                          env=_script_env(), timeout=180)


def test_write_cypher_script_runs_in_cypher_shell(neo4j, tmp_path):
    G = evil_graph()
    script = write_cypher(make_graph(base_records()), tmp_path / "base.cypher")
    evil = write_cypher(G, tmp_path / "evil.cypher", batch_size=3)
    for path in (script, evil, evil):  # the second run of the same script changes nothing
        done = cypher_shell("-f", str(path))
        assert done.returncode == 0, done.stderr
    # two scripts merged into one database hold what one build of both record sets holds
    both = make_graph(base_records() + evil_records())
    assert database_counts(neo4j) == expected_counts(both)
    assert stored_titles(neo4j) == graph_titles(both)
    assert run_read_query(neo4j, "MATCH (n:Pwned) RETURN count(n)").rows == [[0]]


def test_write_cypher_script_matches_driver_export(neo4j, tmp_path):
    G = make_graph(base_records())
    export_graph(G, neo4j)
    query = REL_QUERY
    by_driver = run_read_query(neo4j, query).rows
    nodes_by_driver = run_read_query(neo4j, "MATCH (n) RETURN labels(n), properties(n) ORDER BY n.id, n.name").rows
    wipe_database(neo4j)
    done = cypher_shell("-f", str(write_cypher(G, tmp_path / "g.cypher")))
    assert done.returncode == 0, done.stderr
    assert run_read_query(neo4j, query).rows == by_driver
    assert run_read_query(neo4j, "MATCH (n) RETURN labels(n), properties(n) ORDER BY n.id, n.name").rows == nodes_by_driver


def test_cypher_string_writes_bidi_overrides_and_isolates_as_escapes():
    """A reader of the script sees the text in its order: no override reorders it ("Trojan Source", qa7 L13)."""
    literal = cypher_string(EVIL_TITLES[-1])
    assert literal == "'Bidi \\u202e override \\u202c and \\u2066isolate\\u2069 from a graph built before the loader dropped them'"


def test_generate_cypher_only_uses_relwork_vocabulary():
    """Data only travels in ``:param`` map literals (no ';' in them); every statement is relwork's own text."""
    statements = list(generate_cypher(evil_graph()))
    params = [line for line in statements[2:] if line.startswith(":param ")]
    assert params and all(line.startswith((":param {rows: [", ":param {methods: [")) for line in params)
    assert not any(";" in line or "\n" in line for line in params)
    for line in statements[2:]:
        if line in params:
            continue
        assert line.startswith(("CREATE CONSTRAINT relwork_", "UNWIND $rows AS row ", "MATCH (n:Method) ", "MATCH (n:Paper) "))
        assert line.endswith(";")
        assert line.count(";") == 1


def test_generate_cypher_passes_rows_as_parameters_not_in_statements():
    """The server plans each query shape once: the statements hold ``$rows``, never a row (qa8: literal rows cost 2-30 s a batch)."""
    G = evil_graph()
    statements = [line for line in generate_cypher(G, batch_size=3) if not line.startswith(("//", ":param "))]
    titles = graph_titles(G).values()
    assert not any(cypher_string(title)[1:-1] in line for line in statements for title in titles)
    assert len(set(statements)) < len(statements)


# ---------------------------------------------------------------------------------------------------
# neo4j-admin CSV import into a second, fresh server


def test_write_neo4j_csv_imports_with_the_printed_command(neo4j, tmp_path):
    if shutil.which("java") is None:
        require_service(False, "Java (for neo4j-admin)", HOW)
    G = nx.compose(make_graph(base_records() + update_records()), evil_graph())
    export = write_neo4j_csv(G, tmp_path / "csv")
    assert export.command.startswith("neo4j-admin database import full neo4j --nodes=")
    header = (tmp_path / "csv" / "nodes_Paper.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id:ID(Paper),") and "authors:string[]" in header and "year:long" in header
    # the reference: the same graph through the driver
    export_graph(G, neo4j)
    node_query = "MATCH (n) RETURN labels(n), properties(n) ORDER BY n.id, n.name"
    rel_query = REL_QUERY
    want_nodes, want_rels = run_read_query(neo4j, node_query).rows, run_read_query(neo4j, rel_query).rows

    port = free_port()
    env = _script_env(RELWORK_NEO4J_HOME=str(tmp_path / "instance"), NEO4J_BOLT_PORT=str(port))
    done = subprocess.run(["bash", str(SCRIPT), "admin", *export.command_args()], capture_output=True, text=True,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"{export.nodes} nodes" in done.stdout and f"{export.relationships} relationships" in done.stdout
    started = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True, env=env, timeout=300)
    try:
        assert started.returncode == 0, started.stderr[-2000:]
        imported = Connection(f"bolt://127.0.0.1:{port}", neo4j.user, neo4j.password)
        assert database_counts(imported) == expected_counts(G)
        assert run_read_query(imported, node_query).rows == want_nodes
        assert run_read_query(imported, rel_query).rows == want_rels
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop"], capture_output=True, env=env, timeout=120)


@pytest.mark.parametrize("authors, delimiter, option", [(["A; B"], "|", None), (["A; B", "C|D"], "\x1f", "U+001F")])
def test_write_neo4j_csv_picks_a_free_array_delimiter(tmp_path, authors, delimiter, option):
    G = make_graph([_paper("One", 2020, authors=authors)])
    export = write_neo4j_csv(G, tmp_path)
    assert export.array_delimiter == delimiter
    assert f"--array-delimiter={option or delimiter}" in export.command


# ---------------------------------------------------------------------------------------------------
# read queries and the cookbook


@pytest.mark.parametrize("url,message", [
    ("file:///etc/passwd", "allow_csv_import_from_file_urls' is false"),
    ("http://127.0.0.1:9/x.csv", "is blocked via the configuration property"),
])
def test_scripts_server_refuses_load_csv_from_files_and_addresses(neo4j, url, message):
    """scripts/neo4j.sh configures the server so a read query cannot read local files or fetch URLs."""
    with pytest.raises(ExportError, match=message):
        run_read_query(neo4j, f"LOAD CSV FROM '{url}' AS line RETURN line LIMIT 1", {})


def test_run_read_query_refuses_writes(neo4j):
    with pytest.raises(ExportError, match="read-only queries; the server refused a write"):
        run_read_query(neo4j, "CREATE (n:Paper {id: 'x'}) RETURN n")
    assert database_counts(neo4j)["Paper"] == 0


def test_run_read_query_takes_parameters_and_returns_plain_values(neo4j):
    export_graph(make_graph(base_records()), neo4j)
    result = run_read_query(neo4j, "MATCH (m:Method {name: $name}) RETURN m, m.year AS year", parse_params(["name=Mamba"]))
    [[node, year]] = result.rows
    assert year == 2023 and node["_labels"] == ["Method"] and node["name"] == "Mamba"


@pytest.mark.parametrize("pairs, expected", [(["a=Mamba"], {"a": "Mamba"}), (["n=5", "x=[1,2]"], {"n": 5, "x": [1, 2]}),
                                             (['s="42"'], {"s": "42"}), (["e="], {"e": ""})])
def test_parse_params_decodes_json_values(pairs, expected):
    assert parse_params(pairs) == expected


def test_parse_params_keeps_arxiv_ids_as_text():
    """JSON would make 1706.03762 a float (and 2101.00010 the float 2101.0001): no paper id matches it."""
    assert parse_params(["paper=1706.03762", "q=2101.00010v2", "x=1706.5"]) == {
        "paper": "1706.03762", "q": "2101.00010v2", "x": 1706.5}


@pytest.mark.parametrize("pair", ["novalue", "bad name=1", "=3"])
def test_parse_params_rejects_malformed(pair):
    with pytest.raises(InputError, match="is not of the form name=value"):
        parse_params([pair])


@pytest.mark.parametrize(
    "text, message",
    [
        ("MATCH (n) RETURN n;", "cookbook.cypher:1: Cypher text before the first '// name:' header"),
        ("// name: a\n// params: x\n", "cookbook.cypher:1: query 'a' has no Cypher text"),
        ("// name: a\nRETURN 1;\n// name: a\nRETURN 2;", "cookbook.cypher:3: query name 'a' is used twice"),
        ("// name: a\n// params: n=ten\nRETURN 1;", "cookbook.cypher:2: default of 'n' is not JSON"),
        ("// name: a\n// params: x\n// resolve: y=method\nRETURN 1;",
         "cookbook.cypher:3: resolve item 'y=method' must be a declared parameter = method / paper / relation"),
        ("// name: a\n// params: x\n// resolve: x=tool\nRETURN 1;",
         "cookbook.cypher:3: resolve item 'x=tool' must be a declared parameter"),
    ],
)
def test_parse_cookbook_reports_bad_blocks(text, message):
    with pytest.raises(ExportError, match=message):
        parse_cookbook(text)


def test_load_cookbook_has_the_documented_queries():
    cookbook = load_cookbook()
    assert list(cookbook) == ["bridge", "bridge_family", "builds_on", "builds_on_family", "most_compared", "method_path",
                              "citing_papers"]
    assert cookbook["most_compared"].defaults == {"limit": 10}
    assert cookbook["bridge"].resolve == {"a": "method", "b": "method"}
    assert cookbook["builds_on"].resolve == {"method": "method", "relation": "relation"}
    assert cookbook["citing_papers"].resolve == {"paper": "paper"}
    assert all(q.networkx and q.description and q.query for q in cookbook.values())


def _bridge_nx(G, a, b):
    return [[r["id"], r["title"], r["year"], r["a"]["type"], r["a"]["field"], r["b"]["type"], r["b"]["field"]]
            for r in queries.bridge(G, a, b)["papers"]]


def _builds_on_nx(G, method, relation="builds_on"):
    return [[r["id"], r["title"], r["year"], r["type"], r["field"], r["evidence"]]
            for r in queries.papers_for_method(G, method, relation)]


def _most_compared_nx(G, limit=10):
    return [[r["name"], r["kind"], r["papers"]] for r in queries.most_compared(G, limit)]


def _method_path_nx(G, a, b):
    path = queries.method_path(G, a, b)
    if path is None:
        return []
    names = [row.get("name") or row.get("title") for row in path["nodes"]]
    return [[path["length"], names, [hop["type"] for hop in path["hops"]], [row["node"] for row in path["nodes"]]]]


def _citing_nx(G, paper):
    return [[r["id"], r["title"], r["year"], r["type"], r["via"]] for r in queries.citing_papers(G, paper)]


COOKBOOK_CASES = [
    ("bridge", {"a": "Mamba", "b": "Transformer"}, _bridge_nx),
    ("bridge", {"a": "LF", "b": "S4"}, _bridge_nx),
    ("bridge", {"a": "Transformer", "b": "Longformer"}, _bridge_nx),
    ("builds_on", {"method": "Mamba"}, _builds_on_nx),
    ("builds_on", {"method": "Transformer", "relation": "compares_to"}, _builds_on_nx),
    ("builds_on", {"method": "Structured State Space", "relation": "introduces"}, _builds_on_nx),
    ("builds_on", {"method": "Mamba", "relation": "mentions"}, _builds_on_nx),
    ("most_compared", {}, _most_compared_nx),
    ("most_compared", {"limit": 2}, _most_compared_nx),
    ("method_path", {"a": "Longformer", "b": "Mamba"}, _method_path_nx),
    ("method_path", {"a": "Vim", "b": "Hyena"}, _method_path_nx),
    ("method_path", {"a": "ImageNet", "b": "S4"}, _method_path_nx),
    ("citing_papers", {"paper": "2312.00752"}, _citing_nx),
    ("citing_papers", {"paper": "Attention Is All You Need"}, _citing_nx),
    ("citing_papers", {"paper": "2111.00396"}, _citing_nx),
]


@pytest.mark.parametrize("name, params, reference", COOKBOOK_CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(COOKBOOK_CASES)])
def test_cookbook_query_matches_networkx(neo4j, name, params, reference):
    G = make_graph(base_records() + update_records())
    export_graph(G, neo4j)
    expected = reference(G, **params)
    assert expected, "the case must have an answer, or it checks nothing"
    assert run_cookbook(neo4j, name, params).rows == expected


SEED_CASES = [
    ("bridge", {"a": "Mamba", "b": "Transformer"}, _bridge_nx),
    ("builds_on", {"method": "Transformer"}, _builds_on_nx),
    ("builds_on", {"method": "BERT", "relation": "compares_to"}, _builds_on_nx),
    ("most_compared", {"limit": 15}, _most_compared_nx),
    ("method_path", {"a": "Mamba", "b": "BERT"}, _method_path_nx),
    ("method_path", {"a": "S4", "b": "Longformer"}, _method_path_nx),  # equal hop ranks: the hub-free path
    ("citing_papers", {"paper": "1706.03762"}, _citing_nx),
]


@pytest.fixture(scope="module")
def seed_graph(seed_files):
    from relwork.graph.build import build_from_files

    return build_from_files(seed_files).graph


def test_cookbook_matches_networkx_on_the_seed_corpus(neo4j, seed_graph):
    export_graph(seed_graph, neo4j)
    for name, params, reference in SEED_CASES:
        expected = reference(seed_graph, **params)
        assert expected, f"{name} {params} has no answer on the seed corpus"
        assert run_cookbook(neo4j, name, params).rows == expected, (name, params)


# names as a user types them: each resolves as relwork method / relwork paper resolve it
SEED_NAME_CASES = [
    ("builds_on", ["method=mamba"], _builds_on_nx),
    ("builds_on", ["method=Mambaa", "relation=Compares-To"], _builds_on_nx),
    ("bridge", ["a=transformers", "b=MAMBA"], _bridge_nx),
    ("method_path", ["a=bert-large", "b=flash attention"], _method_path_nx),
    ("citing_papers", ["paper=1706.03762"], _citing_nx),  # the README's example: an arXiv id, not a float
    ("citing_papers", ["paper=Transformer"], _citing_nx),  # the paper that introduced it
    ("citing_papers", ["paper=efficiently modeling long sequences"], _citing_nx),
]


def test_cookbook_resolves_names_like_the_query_functions(neo4j, seed_graph):
    """Lower case, aliases, typos, checkpoints, arXiv ids and title fragments returned no rows at all."""
    export_graph(seed_graph, neo4j)
    for name, pairs, reference in SEED_NAME_CASES:
        params = parse_params(pairs)
        expected = reference(seed_graph, **params)
        assert expected, f"{name} {pairs} has no answer on the seed corpus"
        assert run_cookbook(neo4j, name, params).rows == expected, (name, pairs)


def test_cookbook_unknown_names_fail_like_the_query_functions(neo4j, seed_graph):
    from relwork.core.errors import GraphError

    export_graph(seed_graph, neo4j)
    with pytest.raises(GraphError, match=r"^no method named 'Mambo' in the graph; did you mean: Mamba, "):
        run_cookbook(neo4j, "builds_on", {"method": "Mambo"})
    with pytest.raises(GraphError, match=r"^unknown relation 'compare_to' \(choose from introduces, builds_on, "):
        run_cookbook(neo4j, "builds_on", {"method": "Mamba", "relation": "compare_to"})
    with pytest.raises(GraphError, match=r"^no paper matching 'Completely unrelated zebra study' in the graph$"):
        run_cookbook(neo4j, "citing_papers", {"paper": "Completely unrelated zebra study"})
    with pytest.raises(InputError, match=r"^--param a must name a method, got \['Mamba'\]$"):
        run_cookbook(neo4j, "bridge", {"a": ["Mamba"], "b": "BERT"})


def test_cypher_param_typo_is_said_like_relwork_method(neo4j, seed_graph, tmp_path):
    """Before, `relwork cypher --param method=Mambaa` answered for Mamba without a word; now stderr says it as
    `relwork method Mambaa` does (--json stays the bare list of rows), and run_cookbook returns what each name
    was read as."""
    export_graph(seed_graph, neo4j)
    result = run_cookbook(neo4j, "builds_on", {"method": "Mambaa"})
    assert [(r.query, r.label, r.fuzzy) for r in result.resolved] == [("Mambaa", "Mamba", True)]
    assert [r.fuzzy for r in run_cookbook(neo4j, "builds_on", {"method": "Mamba"}).resolved] == [False]
    paper = run_cookbook(neo4j, "citing_papers", {"paper": "efficiently modeling long sequences"}).resolved
    assert [(r.query, r.fuzzy) for r in paper] == [("efficiently modeling long sequences", True)]
    done = CliRunner().invoke(app, ["cypher", "--name", "builds_on", "--param", "method=Mambaa", "--json", *conn_args(neo4j)],
                              env={"COLUMNS": "200"})
    assert done.exit_code == 0, done.output
    assert done.stderr == "(read 'Mambaa' as Mamba)\n"
    assert json.loads(done.stdout) == run_cookbook(neo4j, "builds_on", {"method": "Mamba"}).records()
    typo = CliRunner().invoke(app, ["cypher", "--name", "bridge", "--param", "a=Mambo", "--param", "b=BERT",
                                    *conn_args(neo4j)], env={"COLUMNS": "200"})
    assert typo.exit_code == 4
    assert "no method named 'Mambo' in the graph; did you mean: Mamba, MAM, Mamba-2?" in " ".join(typo.stderr.split())


def test_run_cookbook_names_missing_parameter_and_unknown_query(neo4j):
    with pytest.raises(InputError, match=r"cookbook query 'bridge' needs --param b=\.\.\."):
        run_cookbook(neo4j, "bridge", {"a": "Mamba"})
    with pytest.raises(InputError, match="no cookbook query named 'nope'; known: bridge, bridge_family, builds_on, "):
        run_cookbook(neo4j, "nope", {})
    with pytest.raises(InputError, match="cookbook query 'builds_on' has no parameter 'name'; it takes: method, relation"):
        run_cookbook(neo4j, "builds_on", {"name": "Mamba"})


# ---------------------------------------------------------------------------------------------------
# the commands


@pytest.fixture()
def graph_file(tmp_path):
    from relwork.graph.io import save_graph

    return save_graph(make_graph(base_records()), tmp_path / "graph.json")


def test_cli_export_neo4j_twice_then_wipe(neo4j, graph_file):
    G = make_graph(base_records())
    done = cli("export", "neo4j", str(graph_file), *conn_args(neo4j))
    assert done.exit_code == 0, done.output
    n, m = G.number_of_nodes(), G.number_of_edges()
    assert f"Wrote {n} nodes ({n} new, 0 changed) and {m} relationships" in " ".join(done.output.split())
    done = cli("export", "neo4j", str(graph_file), *conn_args(neo4j))
    assert done.exit_code == 0, done.output
    assert f"Nothing to write: {neo4j.uri} already holds the graph's {n} nodes" in " ".join(done.output.split())
    assert database_counts(neo4j) == expected_counts(G)
    refused = cli("export", "neo4j", str(graph_file), "--wipe", *conn_args(neo4j), input="n\n")
    assert refused.exit_code == 1 and "Aborted: nothing was written." in refused.output
    run_write(neo4j, "CREATE (:Paper {id: 'stale'})")
    done = cli("export", "neo4j", str(graph_file), "--wipe", "--yes", *conn_args(neo4j))
    assert done.exit_code == 0, done.output
    assert database_counts(neo4j) == expected_counts(G)


@pytest.mark.parametrize(
    "args, message",
    [
        (["--password", "wrong"], "Error: Neo4j at {uri} refused the credentials of user 'neo4j'"),
        (["--database", "nosuchdb"], "has no database 'nosuchdb'"),
    ],
)
def test_cli_export_neo4j_errors_without_traceback(neo4j, graph_file, args, message):
    done = cli("export", "neo4j", str(graph_file), *conn_args(neo4j), *args)
    assert done.exit_code == 5
    assert message.format(uri=neo4j.uri) in " ".join(done.output.split())
    assert "Traceback" not in done.output


def test_cli_export_neo4j_reads_environment_variables(neo4j, graph_file):
    env = {"NEO4J_URI": neo4j.uri, "NEO4J_USERNAME": neo4j.user, "NEO4J_PASSWORD": neo4j.password}
    done = CliRunner().invoke(app, ["export", "neo4j", str(graph_file)], env=env)
    assert done.exit_code == 0, done.output
    env["NEO4J_PASSWORD"] = "wrong"
    done = CliRunner().invoke(app, ["export", "neo4j", str(graph_file)], env=env)
    assert done.exit_code == 5 and "refused the credentials" in done.output


def test_cli_export_cypher_and_neo4j_csv_write_files(graph_file, tmp_path):
    done = cli("export", "cypher", str(graph_file), "-o", str(tmp_path / "g.cypher"))
    assert done.exit_code == 0 and (tmp_path / "g.cypher").read_text().startswith("// relwork graph:")
    done = cli("export", "neo4j-csv", str(graph_file), "-o", str(tmp_path / "csv"))
    assert done.exit_code == 0
    assert "neo4j-admin database import full neo4j --nodes=" in done.output
    assert sorted(p.name for p in (tmp_path / "csv").iterdir())[:2] == ["nodes_Method.csv", "nodes_Paper.csv"]


def test_cli_cypher_runs_named_and_ad_hoc_queries(neo4j, graph_file):
    export_graph(make_graph(base_records()), neo4j)
    done = cli("cypher", "--name", "bridge", "--param", "a=Mamba", "--param", "b=Transformer", "--json", *conn_args(neo4j))
    assert done.exit_code == 0, done.output
    rows = json.loads(done.stdout)
    assert [r["title"] for r in rows] == [r[1] for r in _bridge_nx(make_graph(base_records()), "Mamba", "Transformer")]
    done = cli("cypher", "MATCH (m:Method) WHERE m.year < $y RETURN m.name AS name ORDER BY name", "--param", "y=2018",
               *conn_args(neo4j))
    assert done.exit_code == 0 and "ImageNet" in done.output and "Transformer" in done.output
    done = cli("cypher", "MATCH (n) DETACH DELETE n", *conn_args(neo4j))
    assert done.exit_code == 5 and "read-only" in done.output
    assert database_counts(neo4j)["Paper"] > 0


def test_cli_cypher_list_and_argument_errors():
    done = cli("cypher", "--list")
    assert done.exit_code == 0 and "most_compared" in done.output and "limit=10" in done.output
    done = cli("cypher")
    assert done.exit_code == 2 and "give either a Cypher query or --name NAME" in done.output
