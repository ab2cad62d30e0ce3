"""Named-after ties are NAMED_AFTER edges the builder writes (IC-Mamba -> Mamba), one source the family queries,
the exports and the HTML view read (qa9 Q3: computed only at query time, the HTML view and the Neo4j export did not
show them). On the seed graph; the Neo4j server round trip is tests/test_neo4j.py's, the page's tests/test_html.py's."""

from __future__ import annotations

import csv
import json

import pytest

from relwork.graph import queries, schema
from relwork.graph.build import add_named_after
from relwork.graph.cypher_script import write_cypher
from relwork.graph.io import export_graph, generate_json, load_graph, save_graph
from relwork.graph.neo4j_csv import write_neo4j_csv

SEED_TIES = [("Axial Transformer", "Transformer"), ("Bio-xLSTM", "xLSTM"), ("IC-Mamba", "Mamba"),
             ("Low-Rank Transformer", "Transformer"), ("M2-BERT", "BERT"), ("Mamba Retriever", "Mamba"),
             ("S-Mamba", "Mamba"), ("ViT-CoMer", "ViT"), ("tiny-MOAT", "MOAT")]


def ties(G) -> list[tuple[str, str]]:
    return sorted((G.nodes[u]["name"], G.nodes[v]["name"]) for u, v, k in G.edges(keys=True) if k == schema.NAMED_AFTER)


def test_build_writes_a_named_after_edge_for_each_name_holding_another(seed_graph):
    assert ties(seed_graph) == SEED_TIES
    d = seed_graph.edges["method:IC-Mamba", "method:Mamba", schema.NAMED_AFTER]
    assert d == {"type": schema.NAMED_AFTER, "evidence": "IC-Mamba is named after Mamba.", "cue": "", "field": "name",
                 "confidence": 1.0, "surface": "IC-Mamba"}


def test_family_answers_read_the_edges(seed_graph):
    """`method Mamba --family` takes IC-Mamba, S-Mamba and Mamba Retriever through the edges; without them none."""
    names = lambda nodes: sorted(seed_graph.nodes[n]["name"] for n in nodes)  # noqa: E731
    assert {"IC-Mamba", "S-Mamba", "Mamba Retriever"} <= set(names(queries.method_family(seed_graph, "Mamba")))
    rows = {r["name"]: r.get("named_after") for r in queries.derivative_rows(seed_graph, "method:Mamba")}
    assert rows["IC-Mamba"] == rows["S-Mamba"] == rows["Mamba Retriever"] == "Mamba"
    bare = seed_graph.copy()
    bare.remove_edges_from([(u, v, k) for u, v, k in bare.edges(keys=True) if k == schema.NAMED_AFTER])
    assert "IC-Mamba" not in names(queries.method_family(bare, "Mamba"))


def test_paths_never_step_along_a_name_tie(seed_graph):
    """A name tie is no link a paper states: paths and their node costs leave it out, as before the edges."""
    assert "method:IC-Mamba" not in queries._path_neighbours(seed_graph, "method:Mamba")
    assert queries._path_degree(seed_graph, "method:Mamba") == seed_graph.degree("method:Mamba") - 3


def test_a_graph_file_of_format_1_gets_the_ties_when_read(seed_graph, tmp_path):
    data = generate_json(seed_graph)
    assert data["version"] == 2
    old = dict(data, version=1, edges=[e for e in data["edges"] if e["key"] != schema.NAMED_AFTER])
    path = tmp_path / "old.json"
    path.write_text(json.dumps(old), encoding="utf-8")
    assert ties(load_graph(path)) == SEED_TIES
    again = load_graph(save_graph(load_graph(path), tmp_path / "new.json"))
    assert ties(again) == SEED_TIES and again.number_of_edges() == seed_graph.number_of_edges()


def test_rewriting_the_ties_replaces_them(seed_graph):
    G = seed_graph.copy()
    G.nodes["method:IC-Mamba"]["catalogued"] = True  # a catalogued name is nobody's namesake
    add_named_after(G)
    assert ("IC-Mamba", "Mamba") not in ties(G) and len(ties(G)) == len(SEED_TIES) - 1


@pytest.mark.parametrize("fmt", ["csv", "graphml"])
def test_file_exports_carry_the_ties(seed_graph, tmp_path, fmt):
    path = save_graph(seed_graph, tmp_path / "g.json")
    out = export_graph(path, fmt, tmp_path / f"out-{fmt}")
    if fmt == "csv":
        with open(out / "edges.csv", newline="", encoding="utf-8") as handle:
            rows = [r for r in csv.DictReader(handle) if r["type"] == schema.NAMED_AFTER]
        assert len(rows) == len(SEED_TIES)
    else:
        assert out.read_text(encoding="utf-8").count(f">{schema.NAMED_AFTER}<") >= len(SEED_TIES)


def test_neo4j_exports_carry_the_ties(seed_graph, tmp_path):
    done = write_neo4j_csv(seed_graph, tmp_path / "import")
    rels = tmp_path / "import" / f"rels_{schema.NAMED_AFTER}_Method_Method.csv"
    assert rels in done.relationship_files and len(rels.read_text(encoding="utf-8").splitlines()) == 1 + len(SEED_TIES)
    script = write_cypher(seed_graph, tmp_path / "g.cypher").read_text(encoding="utf-8")
    assert f"MERGE (a)-[r:{schema.NAMED_AFTER} {{key: row.key}}]->(b)" in script
