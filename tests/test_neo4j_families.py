"""Method families in the Neo4j cookbook, against a real Neo4j server: `relwork cypher --name bridge` and
`--name builds_on` take a family name ("state-space models") or `--family`, resolve it against the database as
``resolve_methods`` does on networkx, and return the networkx rows (with the member each row names) in the
same order, on a hand-made graph and on the example corpus.

The server and its fixtures are tests/test_neo4j.py's (``scripts/neo4j.sh start``; under CI=true a missing
server fails these tests, locally they skip).
"""

from __future__ import annotations

import json

import networkx as nx
import pytest

from relwork.core.errors import ExportError, GraphError, InputError
from relwork.graph import queries
from relwork.graph.build import build_graph
from relwork.graph.neo4j import (
    database_counts,
    export_graph,
    load_cookbook,
    parse_cookbook,
    parse_params,
    run_cookbook,
    run_read_query,
)
from relwork.linker.catalog import Catalog, CatalogEntry

from test_neo4j import _link, _paper, cli, conn_args, neo4j, server  # noqa: F401 - the server fixtures

# A catalog with a state-space lineage (the family's root HiPPO -> S4 -> Mamba -> Mamba-2) and an
# efficient-attention area holding a dataset, which the "efficient attention" family leaves out.
CATALOG = Catalog()
for _entry in (
    CatalogEntry("HiPPO", year=2020),
    CatalogEntry("S4", year=2021, aliases=["Structured State Space"], parents=["HiPPO"]),
    CatalogEntry("Mamba", year=2023, parents=["S4"], paper={"arxiv": "2312.00752", "title": "Mamba: Linear-Time Sequence Modeling with Selective State Spaces"}),
    CatalogEntry("Mamba-2", year=2024, parents=["Mamba"], paper={"title": "Mamba-2 and structured duality"}),
    CatalogEntry("Transformer", year=2017),
    CatalogEntry("Longformer", area="efficient-attention", year=2020, aliases=["LF"], parents=["Transformer"]),
    CatalogEntry("BigBird", area="efficient-attention", year=2020, parents=["Transformer"]),
    CatalogEntry("Long Range Arena", kind="dataset", area="efficient-attention", year=2020, aliases=["LRA"]),
):
    CATALOG.add(_entry)


def family_records():
    """Papers shaped to exercise every ordering rule of a family bridge: the best member pair per paper
    (link type, both links, title evidence, then the member names), then newest first, undated last."""
    return [
        _paper("Long-context hybrids", 2024,
               links=[_link("Longformer", "builds_on", "We build on Longformer."),
                      _link("Mamba", "builds_on", "and on Mamba blocks."),
                      _link("S4", "compares_to", "We compare with S4.")]),
        _paper("Sparse or selective?", 2023,  # S4 and Mamba tie on everything but their names
               links=[_link("LF", "compares_to", "We compare Longformer"),
                      _link("S4", "compares_to", "S4 versus sparse attention", field="title"),
                      _link("Mamba", "compares_to", "Mamba versus sparse attention", field="title")]),
        _paper("Mamba-2 and structured duality", 2024, introduces=["Mamba-2"],
               links=[_link("Mamba", "builds_on", "Mamba-2 refines Mamba."),
                      _link("Longformer", "mentions", "unlike Longformer.")]),
        _paper("Attention or recurrence, undated", None,
               links=[_link("S4", "builds_on", "We build on S4."), _link("BigBird", "builds_on", "and on BigBird.")]),
        _paper("Older hybrid of attention and state spaces", 2022,
               links=[_link("Longformer", "builds_on", "We extend Longformer."),
                      _link("S4", "builds_on", "with S4 layers.")]),
        _paper("Benchmarks of long sequences", 2021,
               links=[_link("Long Range Arena", "builds_on", "We extend LRA."),
                      _link("Transformer", "compares_to", "against the Transformer"),
                      _link("Mamba", "compares_to", "and Mamba.")]),
        _paper("Only state spaces", 2023,
               links=[_link("S4", "compares_to", "We compare S4"), _link("Mamba", "builds_on", "and build on Mamba.")]),
        _paper("Sparse attention only", 2022,
               links=[_link("BigBird", "compares_to", "We compare BigBird"), _link("Longformer", "compares_to", "and Longformer.")]),
    ]


@pytest.fixture(scope="module")
def family_graph() -> nx.MultiDiGraph:
    return build_graph(family_records(), CATALOG)


def _bridge_nx(G, a, b, family=False):
    """networkx bridge rows as the family variant returns them: a side that is one method names it too."""
    result = queries.bridge(G, a, b, family=family)
    return [[r["id"], r["title"], r["year"],
             r["a"].get("method", result["a"]), r["a"]["type"], r["a"]["field"],
             r["b"].get("method", result["b"]), r["b"]["type"], r["b"]["field"]] for r in result["papers"]]


def _builds_on_nx(G, method, relation="builds_on", family=False):
    return [[r["id"], r["title"], r["year"], r["method"], r["type"], r["field"], r["evidence"], r["methods"]]
            for r in queries.papers_for_method(G, method, relation, family=family)]


HAND_MADE_CASES = [
    ("bridge", {"a": "Longformer", "b": "state-space models"}, False),
    ("bridge", {"a": "LF", "b": "SSMs"}, False),
    ("bridge", {"a": "state space model", "b": "efficient transformers"}, False),
    ("bridge", {"a": "Transformer", "b": "S4"}, True),  # both sides with their derivatives
    ("bridge", {"a": "Mamba", "b": "SSMs"}, False),  # overlapping sides: two different methods per paper
    ("builds_on", {"method": "SSMs"}, False),
    ("builds_on", {"method": "state-space models", "relation": "compares_to"}, False),
    ("builds_on", {"method": "Mamba", "relation": "introduces"}, True),
    ("builds_on", {"method": "efficient attention", "relation": "compares-to"}, False),
]
REFERENCE = {"bridge": _bridge_nx, "builds_on": _builds_on_nx}


@pytest.mark.parametrize("name, params, family", HAND_MADE_CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(HAND_MADE_CASES)])
def test_family_cookbook_matches_networkx_on_a_hand_made_graph(neo4j, family_graph, name, params, family):
    export_graph(family_graph, neo4j)
    expected = REFERENCE[name](family_graph, **params, family=family)
    assert expected, "the case must have an answer, or it checks nothing"
    assert run_cookbook(neo4j, name, params, family=family).rows == expected


def test_family_bridge_picks_the_best_member_pair_and_orders_like_networkx(neo4j, family_graph):
    """The hand-made answer itself: builds-on pairs first (newest, then undated last), the S4/Mamba tie
    broken by name, the introduced Mamba-2 paper with its weak Longformer mention last."""
    export_graph(family_graph, neo4j)
    rows = run_cookbook(neo4j, "bridge", {"a": "Longformer", "b": "state-space models"}).rows
    assert [(r[1], r[3], r[4], r[6], r[7]) for r in rows] == [
        ("Long-context hybrids", "Longformer", "BUILDS_ON", "Mamba", "BUILDS_ON"),
        ("Older hybrid of attention and state spaces", "Longformer", "BUILDS_ON", "S4", "BUILDS_ON"),
        ("Sparse or selective?", "Longformer", "COMPARES_TO", "Mamba", "COMPARES_TO"),
        ("Mamba-2 and structured duality", "Longformer", "MENTIONS", "Mamba-2", "INTRODUCES"),
    ]


def test_efficient_attention_family_leaves_out_its_datasets(neo4j, family_graph):
    export_graph(family_graph, neo4j)
    rows = run_cookbook(neo4j, "bridge", {"a": "efficient attention", "b": "Transformer"}).rows
    assert rows == _bridge_nx(family_graph, "efficient attention", "Transformer") == []
    rows = run_cookbook(neo4j, "bridge", {"a": "efficient attention", "b": "SSMs"}).rows
    assert {r[3] for r in rows} == {"Longformer", "BigBird"}


def test_single_methods_keep_the_single_method_queries(neo4j, family_graph):
    """No family and no --family: the plain query runs, with its columns (rows name no method)."""
    export_graph(family_graph, neo4j)
    result = run_cookbook(neo4j, "bridge", {"a": "Longformer", "b": "S4"})
    assert result.columns == ["id", "title", "year", "a_type", "a_field", "b_type", "b_field"]
    assert [r[0] for r in result.rows] == [r["id"] for r in queries.bridge(family_graph, "Longformer", "S4")["papers"]]
    result = run_cookbook(neo4j, "builds_on", {"method": "Mamba"})
    assert "method" not in result.columns and result.rows


def test_family_variant_runs_as_is_with_list_parameters(neo4j, family_graph):
    """What Neo4j Browser users do: the variant's text with lists of canonical names, no resolution step."""
    export_graph(family_graph, neo4j)
    cookbook = load_cookbook()
    members = [family_graph.nodes[n]["name"] for n in queries.resolve_methods(family_graph, "SSMs").nodes]
    assert members == ["HiPPO", "Mamba", "Mamba-2", "S4"]
    rows = run_read_query(neo4j, cookbook["bridge_family"].query, {"a": ["Longformer"], "b": members}).rows
    assert rows == _bridge_nx(family_graph, "Longformer", "SSMs")
    rows = run_read_query(neo4j, cookbook["builds_on_family"].query, {"method": members, "relation": "builds_on"}).rows
    assert rows == _builds_on_nx(family_graph, "SSMs")


def test_family_variant_by_name_takes_a_list_of_names(neo4j, family_graph):
    """`--name bridge_family --param 'b=["s4","Mamba"]'`: each name resolved, the list answered as one side."""
    export_graph(family_graph, neo4j)
    params = parse_params(["a=longformer", 'b=["s4", "Mamba", "mamba-2", "HiPPO"]'])
    assert run_cookbook(neo4j, "bridge_family", params).rows == _bridge_nx(family_graph, "Longformer", "SSMs")


def _nx_error(call) -> str:
    with pytest.raises(GraphError) as caught:
        call()
    return str(caught.value)


def test_family_errors_say_what_networkx_says(neo4j, family_graph):
    """A typo with the closest names, a family with no member in the database, and one family twice."""
    export_graph(family_graph, neo4j)
    G = family_graph
    cases = [
        ("bridge", {"a": "Longformer", "b": "Mambo"}, lambda: queries.bridge(G, "Longformer", "Mambo")),
        ("builds_on", {"method": "diffusion models"}, lambda: queries.papers_for_method(G, "diffusion models", "builds_on")),
        ("bridge", {"a": "SSMs", "b": "state space model"}, lambda: queries.bridge(G, "SSMs", "state space model")),
        ("bridge", {"a": "Longformer", "b": "LF"}, lambda: queries.bridge(G, "Longformer", "LF")),
        ("method_path", {"a": "SSMs", "b": "Longformer"}, lambda: queries.method_path(G, "SSMs", "Longformer")),
    ]
    for name, params, reference in cases:
        message = _nx_error(reference)
        with pytest.raises(GraphError) as caught:
            run_cookbook(neo4j, name, params)
        assert str(caught.value) == message, (name, params)
    assert "did you mean: Mamba" in _nx_error(cases[0][2])
    assert "no paper in this graph links to any of the diffusion models" in _nx_error(cases[1][2])


def test_family_flag_needs_a_query_with_method_parameters(neo4j, family_graph):
    export_graph(family_graph, neo4j)
    with pytest.raises(InputError, match=r"^cookbook query 'most_compared' takes no method family; --family works "
                                         r"with: bridge, bridge_family, builds_on, builds_on_family$"):
        run_cookbook(neo4j, "most_compared", {}, family=True)
    with pytest.raises(GraphError, match=r"names a family of methods"):  # method_path has no family variant
        run_cookbook(neo4j, "method_path", {"a": "SSMs", "b": "Transformer"})


def test_untrusted_family_names_stay_parameters(neo4j, family_graph):
    export_graph(family_graph, neo4j)
    before = database_counts(neo4j)
    evil = "SSMs'] MATCH (n) DETACH DELETE n //"
    with pytest.raises(GraphError, match=r"^no method named "):
        run_cookbook(neo4j, "bridge", {"a": "Longformer", "b": evil})
    with pytest.raises(GraphError, match=r"^no method named "):
        run_cookbook(neo4j, "builds_on", {"method": evil}, family=True)
    with pytest.raises(GraphError, match=r"^no method named "):
        run_cookbook(neo4j, "builds_on_family", {"method": ["Mamba", evil]})
    assert database_counts(neo4j) == before


@pytest.mark.parametrize(
    "text, message",
    [
        ("// name: a\n// params: m\n// resolve: m=method\n// family: b\nRETURN 1;",
         r"cookbook.cypher:4: query 'a' names a family variant 'b' that the cookbook lacks"),
        ("// name: a\n// params: m\n// resolve: m=method\n// family: b\nRETURN 1;\n"
         "// name: b\n// params: m\n// resolve: m=method\nRETURN 2;",
         r"cookbook.cypher:4: family variant 'b' must take the parameters of 'a' \(m\) and resolve them as m=methods"),
    ],
)
def test_parse_cookbook_checks_family_variants(text, message):
    with pytest.raises(ExportError, match=message):
        parse_cookbook(text)


# ---------------------------------------------------------------------------------------------------
# the example corpus

SEED_CASES = [
    ("bridge", {"a": "Transformer", "b": "state-space models"}, False),
    ("bridge", {"a": "SSMs", "b": "RNNs"}, False),
    ("bridge", {"a": "Mamba", "b": "SSMs"}, False),
    ("bridge", {"a": "Transformer", "b": "S4"}, True),
    ("builds_on", {"method": "SSMs"}, False),
    ("builds_on", {"method": "efficient attention", "relation": "compares_to"}, False),
    ("builds_on", {"method": "PEFT"}, False),
    ("builds_on", {"method": "FlashAttention", "relation": "compares_to"}, True),
    ("builds_on", {"method": "LLaMA", "relation": "builds_on"}, True),  # A2SF: one row, Llama-2 and LLaMA (qa6 K4)
]


def test_family_cookbook_matches_networkx_on_the_seed_corpus(neo4j, seed_graph):
    export_graph(seed_graph, neo4j)
    for name, params, family in SEED_CASES:
        expected = REFERENCE[name](seed_graph, **params, family=family)
        assert expected, f"{name} {params} has no answer on the seed corpus"
        assert run_cookbook(neo4j, name, params, family=family).rows == expected, (name, params, family)
    # the brief's question: no seed paper links Longformer and a state-space model, on either side
    assert run_cookbook(neo4j, "bridge", {"a": "Longformer", "b": "state-space models"}).rows == []
    assert queries.bridge(seed_graph, "Longformer", "state-space models")["papers"] == []


def test_cli_cypher_answers_a_family_and_the_family_flag(neo4j, seed_graph):
    export_graph(seed_graph, neo4j)
    done = cli("cypher", "--name", "bridge", "--param", "a=Transformer", "--param", "b=state-space models", "--json",
               *conn_args(neo4j))
    assert done.exit_code == 0, done.output
    rows = json.loads(done.stdout)
    assert [[r[c] for c in r] for r in rows] == _bridge_nx(seed_graph, "Transformer", "state-space models")
    assert rows[0]["title"].startswith("Hydra") and rows[0]["b_method"] == "Hydra"
    done = cli("cypher", "--name", "builds_on", "--param", "method=SSMs", *conn_args(neo4j))
    assert done.exit_code == 0 and "HyenaDNA" in done.output and "8 rows" in done.output
    done = cli("cypher", "--name", "builds_on", "--param", "method=FlashAttention", "--param", "relation=compares_to",
               "--family", "--json", *conn_args(neo4j))
    assert done.exit_code == 0, done.output
    assert {r["method"] for r in json.loads(done.stdout)} >= {"FlashAttention-2"}
    done = cli("cypher", "--name", "builds_on", "--param", "method=state-spice modals", *conn_args(neo4j))
    assert done.exit_code == 4 and "no method named 'state-spice modals'" in done.output
    done = cli("cypher", "MATCH (n) RETURN n LIMIT 1", "--family", *conn_args(neo4j))
    assert done.exit_code == 2 and "--family works with --name" in done.output
