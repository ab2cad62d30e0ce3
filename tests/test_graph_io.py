"""Graph persistence: exact round trips for native JSON (plain and gzip), GraphML, GEXF and CSV, and clear
errors for files that are not relwork graphs."""

from __future__ import annotations

import csv
import gzip
import json
import zlib

import networkx as nx
import pytest

from relwork.core.errors import ExportError, GraphError
from relwork.core.records import Introduced, Link, LinkedPaper, Paper, Source
from relwork.graph.build import build_graph
from relwork.graph.io import (
    EXPORTERS,
    GZIP_LEVEL,
    dumps_graph,
    export_graph,
    generate_json,
    load_graph,
    read_csv,
    read_gexf,
    read_graphml,
    save_graph,
    write_csv,
    write_gexf,
    write_graphml,
)
from relwork.linker.catalog import load_catalog


@pytest.fixture(scope="module")
def small_graph():
    """A graph whose text holds what flat formats find hard: quotes, commas, newlines-free unicode, markup."""
    abstract = 'We propose "Für<b>Net</b>", which builds on BERT; unlike Mamba, it is fast, cheap & small.'
    record = LinkedPaper(
        Paper.create(
            'Für<b>Net</b>: a "quoted", comma, title',
            abstract,
            source=Source("x,y.txt", 3, "hf-daily"),
            authors=["Ada Lovelace", "Zoë Ünal"],
            year=2024,
        ),
        [Introduced("FürNet", aliases=["FN"], evidence='We propose "Für<b>Net</b>"')],
        [
            Link("BERT", "method", "builds_on", "BERT", "abstract", 40, 44, abstract, "builds on", 0.85),
            Link("Mamba", "method", "compares_to", "Mamba", "abstract", 60, 65, abstract, "unlike", 0.7),
        ],
    )
    return build_graph([record], load_catalog())


def _assert_same(G, H):
    assert sorted(G.nodes) == sorted(H.nodes)
    for node in G:
        assert H.nodes[node] == G.nodes[node], node
    assert sorted(G.edges(keys=True)) == sorted(H.edges(keys=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        assert H.edges[u, v, k] == d, (u, v, k)
    assert nx.utils.graphs_equal(G, H)


@pytest.mark.parametrize("name", ["graph.json", "graph.json.gz", "nested/dir/graph.json"])
def test_save_graph_round_trip_exact(tmp_path, small_graph, name):
    path = save_graph(small_graph, tmp_path / name)
    _assert_same(small_graph, load_graph(path))


def test_save_graph_gzip_when_name_ends_in_gz(tmp_path, small_graph):
    path = save_graph(small_graph, tmp_path / "g.json.gz")
    assert path.read_bytes()[:2] == b"\x1f\x8b"
    data = json.loads(gzip.decompress(path.read_bytes()))
    assert (data["format"], data["version"]) == ("relwork-graph", 2)


def test_save_graph_same_graph_same_bytes(tmp_path, small_graph):
    a = save_graph(small_graph, tmp_path / "a.json.gz").read_bytes()
    b = save_graph(small_graph.copy(), tmp_path / "b.json.gz").read_bytes()
    assert a == b


@pytest.mark.parametrize(
    ("writer", "reader", "name"),
    [(write_graphml, read_graphml, "g.graphml"), (write_gexf, read_gexf, "g.gexf"), (write_csv, read_csv, "csv")],
)
def test_flat_formats_round_trip_exact(tmp_path, small_graph, writer, reader, name):
    out = writer(small_graph, tmp_path / name)
    _assert_same(small_graph, reader(out))


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_every_format_round_trips_the_seed_graph(tmp_path, seed_graph, fmt):
    writer, reader, _ = EXPORTERS[fmt]
    _assert_same(seed_graph, reader(writer(seed_graph, tmp_path / f"seed.{fmt}")))


def test_save_graph_text_is_the_sorted_node_link_document(seed_graph):
    """The streamed text holds exactly ``generate_json``'s document: nodes by id, edges by (u, v, key)."""
    assert json.loads(dumps_graph(seed_graph)) == generate_json(seed_graph)


def test_save_graph_text_sorts_parallel_edges_by_key(tmp_path):
    G = nx.MultiDiGraph()
    G.add_node("paper:b", label="Paper")
    G.add_node("paper:a", label="Paper")
    for key in ("MENTIONS:Z", "BUILDS_ON:Y", "COMPARES_TO:X"):
        G.add_edge("paper:b", "paper:a", key=key, type=key.split(":")[0])
    G.add_edge("paper:a", "paper:b", key="MENTIONS:Z", type="MENTIONS")
    data = json.loads(dumps_graph(G))
    assert [(e["source"], e["key"]) for e in data["edges"]] == [
        ("paper:a", "MENTIONS:Z"), ("paper:b", "BUILDS_ON:Y"), ("paper:b", "COMPARES_TO:X"), ("paper:b", "MENTIONS:Z")
    ]
    assert data == generate_json(G)


@pytest.mark.parametrize("name", ["seed.json", "seed.json.gz"])
def test_save_graph_bytes_do_not_depend_on_chunking(tmp_path, seed_graph, name):
    """The seed graph (over 1 MB of text) is written in several chunks on the writer thread; the file
    equals the whole text written (and gzip-compressed) in one piece."""
    text = dumps_graph(seed_graph).encode("utf-8")
    assert len(text) > 1 << 20
    if name.endswith(".gz"):
        packer = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 31)
        text = packer.compress(text) + packer.flush()
    assert save_graph(seed_graph, tmp_path / name).read_bytes() == text


def test_seed_graph_native_round_trip(tmp_path, seed_graph):
    _assert_same(seed_graph, load_graph(save_graph(seed_graph, tmp_path / "seed.json.gz")))


def test_write_csv_columns(tmp_path, small_graph):
    out = write_csv(small_graph, tmp_path / "csv")
    nodes = (out / "nodes.csv").read_text(encoding="utf-8").splitlines()
    edges = (out / "edges.csv").read_text(encoding="utf-8").splitlines()
    assert nodes[0].startswith("id,label,")
    assert edges[0].startswith("source,target,key,type,")
    assert len(nodes) - 1 == small_graph.number_of_nodes()


def test_write_gexf_labels_are_titles_and_names(tmp_path, small_graph):
    text = write_gexf(small_graph, tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert 'label="BERT"' in text
    assert 'label="Attention Is All You Need"' in text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"not a relwork graph file \(invalid JSON at line 1"),
        (b"{not json", r"invalid JSON at line 1"),
        (b"\xff\xfe\x00", r"not UTF-8 text"),
        (b'{"nodes": [], "edges": []}', r'not a relwork graph file \(no "format": "relwork-graph"\)'),
        (b'{"format": "relwork-graph", "version": 9, "nodes": [], "edges": []}', r"version 9 is newer than this relwork reads \(2\)"),
        (b'{"format": "relwork-graph", "version": "1", "nodes": [], "edges": []}', r"invalid graph format version '1'"),
        (b'{"format": "relwork-graph", "version": 1, "nodes": {}, "edges": []}', r"'nodes' and 'edges' must be lists"),
        (b'{"format": "relwork-graph", "version": 1, "nodes": [{"id": "x", "label": "Cat"}], "edges": []}', r"node 'x' has label 'Cat'"),
        (
            b'{"format": "relwork-graph", "version": 1, "nodes": [{"id": "a", "label": "Paper"}], '
            b'"edges": [{"source": "a", "target": "b", "key": "K", "type": "MENTIONS"}]}',
            r"edge 'a' -> 'b' \(K\) refers to missing node 'b'",
        ),
        (b"\x1f\x8b\x08\x00garbage", r"corrupt gzip data"),
    ],
)
def test_load_graph_bad_file_names_file(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    with pytest.raises(GraphError, match=rf"^{str(path)}: .*" + message):
        load_graph(path)


def test_load_graph_missing_file(tmp_path):
    path = tmp_path / "missing.json"
    with pytest.raises(GraphError, match=r"missing.json: graph file not found \(build one with `relwork build INPUTS -o "):
        load_graph(path)


@pytest.mark.parametrize(("reader", "content"), [(read_graphml, "<graphml><broken"), (read_gexf, "not xml at all")])
def test_flat_readers_bad_file(tmp_path, reader, content):
    path = tmp_path / "bad.xml"
    path.write_text(content)
    with pytest.raises(GraphError, match=r"bad.xml: not a readable (GraphML|GEXF) file"):
        reader(path)


def test_read_csv_edge_to_missing_node(tmp_path, small_graph):
    out = write_csv(small_graph, tmp_path / "csv")
    with (out / "edges.csv").open("a", encoding="utf-8") as handle:
        handle.write("paper:nobody,method:BERT,MENTIONS,MENTIONS,,,,,,,\n")
    with pytest.raises(GraphError, match=r"edges.csv:\d+: edge needs existing source and target and a key"):
        read_csv(out)


def test_export_graph_unknown_format(tmp_path, small_graph):
    path = save_graph(small_graph, tmp_path / "g.json")
    with pytest.raises(ExportError, match=r"unknown export format 'dot' \(choose from graphml, gexf, csv\)"):
        export_graph(path, "dot", tmp_path / "g.dot")


@pytest.mark.parametrize(("writer", "reader"), [(write_graphml, read_graphml), (write_gexf, read_gexf)])
def test_xml_formats_replace_control_characters(tmp_path, small_graph, writer, reader):
    G = small_graph.copy()
    node = next(n for n, d in G.nodes(data=True) if d["label"] == "Paper" and "Net" in d["title"])
    G.nodes[node]["title"] = "bell\x07 and form\x0cfeed"
    H = reader(writer(G, tmp_path / "ctl.xml"))
    assert H.nodes[node]["title"] == "bell\ufffd and form\ufffdfeed"
    # CSV and native JSON keep them
    assert read_csv(write_csv(G, tmp_path / "csv")).nodes[node]["title"] == "bell\x07 and form\x0cfeed"
    assert load_graph(save_graph(G, tmp_path / "g.json")).nodes[node]["title"] == "bell\x07 and form\x0cfeed"


def test_save_graph_unwritable_path(tmp_path, small_graph):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(ExportError, match=rf"^{blocker}/g.json: cannot write graph: "):
        save_graph(small_graph, blocker / "g.json")


def test_write_csv_unwritable_directory(tmp_path, small_graph):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    with pytest.raises(ExportError, match=rf"^{blocker}: cannot write CSV: "):
        write_csv(small_graph, blocker)


@pytest.mark.parametrize("title", ['=HYPERLINK("http://evil","click")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "'quoted"])
def test_csv_guards_formulas_and_round_trips_them(tmp_path, title):
    record = LinkedPaper(Paper.create(title, "An abstract that builds on BERT.", year=2024), [], [
        Link("BERT", "method", "builds_on", "BERT", "abstract", 34, 38, "An abstract that builds on BERT.", "builds on", 0.9),
    ])
    G = build_graph([record], load_catalog())
    out = write_csv(G, tmp_path / "csv")
    with (out / "nodes.csv").open(encoding="utf-8", newline="") as handle:
        titles = [row["title"] for row in csv.DictReader(handle) if row["label"] == "Paper"]
    assert "'" + title in titles  # a spreadsheet shows it as text, never runs it
    _assert_same(G, read_csv(out))


def test_every_writer_replaces_a_lone_surrogate_from_json_input(tmp_path):
    r"""JSON text may hold "\ud800", which Python decodes to a str UTF-8 cannot encode: the graph, HTML,
    Cypher and CSV writers put U+FFFD there instead of failing with a UnicodeEncodeError."""
    from relwork.graph.cypher_script import write_cypher
    from relwork.graph.neo4j_csv import write_neo4j_csv
    from relwork.linker import link_corpus
    from relwork.loaders import load_papers
    from relwork.viz import write_html

    source = tmp_path / "odd.jsonl"
    # in the title only: the linker's own handling of such abstracts is the loaders' and linker's business
    source.write_text('{"id": "2401.00001", "title": "Broken \\ud800 text from BERT", "abstract": "We fine-tune BERT."}\n')
    catalog = load_catalog()
    G = build_graph(link_corpus(load_papers([source]).papers, catalog), catalog)
    H = load_graph(save_graph(G, tmp_path / "g.json.gz"))
    assert H.nodes["paper:2401.00001"]["title"] == "Broken \ufffd text from BERT"
    assert "Broken \ufffd text" in write_html(G, tmp_path / "g.html").read_text(encoding="utf-8")
    assert "Broken \ufffd text" in write_cypher(G, tmp_path / "g.cypher").read_text(encoding="utf-8")
    write_csv(G, tmp_path / "csv")
    assert "Broken \ufffd text" in (tmp_path / "csv" / "nodes.csv").read_text(encoding="utf-8")
    write_neo4j_csv(G, tmp_path / "neo4j")
    assert "Broken \ufffd text" in (tmp_path / "neo4j" / "nodes_Paper.csv").read_text(encoding="utf-8")


def test_control_and_bidi_characters_of_a_title_reach_no_export_and_graphml_gexf_round_trip(tmp_path):
    """A BEL and a right-to-left override in a loaded title (qa7 L13) are dropped by the loader: the HTML view
    and the Cypher script carry neither, and GraphML/GEXF (XML 1.0 cannot hold a BEL) restore the graph exactly."""
    from relwork.graph.cypher_script import write_cypher
    from relwork.linker import link_corpus
    from relwork.loaders import load_papers
    from relwork.viz import write_html

    source = tmp_path / "odd.jsonl"
    source.write_text(json.dumps({
        "id": "1903.07402",
        "title": "Neutron: An Implementation of the \u202eTransformer\u0007 Translation Model and its Variants\u2069",
        "abstract": "The Transformer translation model is easier to parallelize\u202d and provides better performance "
                    "comparing with recurrent seq2seq models.\u0007",
        "authors": ["Hongfei Xu\u202e", "Qiuhui Liu"],
    }) + "\n")
    catalog = load_catalog()
    G = build_graph(link_corpus(load_papers([source]).papers, catalog), catalog)
    assert G.nodes["paper:1903.07402"]["title"] == "Neutron: An Implementation of the Transformer Translation Model and its Variants"
    unshown = {"\u0007", "\u202d", "\u202e", "\u2069"}
    for text in (write_html(G, tmp_path / "g.html").read_text(encoding="utf-8"),
                 write_cypher(G, tmp_path / "g.cypher").read_text(encoding="utf-8")):
        assert not unshown & set(text) and "\\u0007" not in text and "\\u202e" not in text.lower()
    _assert_same(G, read_graphml(write_graphml(G, tmp_path / "g.graphml")))
    _assert_same(G, read_gexf(write_gexf(G, tmp_path / "g.gexf")))
