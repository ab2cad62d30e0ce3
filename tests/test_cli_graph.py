"""`relwork build / export graphml|gexf|csv / bridge / method / paper / stats`: exit codes, exact error
texts, JSON output equal to the library functions, and `build --update` idempotence on the seed corpus."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from typer.testing import CliRunner

from relwork.cli import app
from relwork.core.records import Link, LinkedPaper, Paper, Source
from relwork.graph.build import build_graph
from relwork.graph.io import EXPORTERS, load_graph, save_graph
from relwork.graph.queries import bridge, graph_stats, method_report, paper_report, papers_for_method
from relwork.linker.catalog import load_catalog

runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def seed_build(tmp_path_factory, seed_files):
    """`relwork build` on the seed corpus, once: (result, graph path)."""
    path = tmp_path_factory.mktemp("build") / "graph.json"
    return run("build", *seed_files, "-o", path), path


@pytest.fixture(scope="module")
def small_path(tmp_path_factory):
    """A small hand-made graph file, for exact texts that must not move with the catalog."""

    def rec(title, *links):
        paper = Paper.create(title, "text", source=Source("s.txt", 1, "hf-daily"), year=2024)
        return LinkedPaper(paper, [], [Link(m, "method", r, m, "abstract", 0, 1, f"{r} {m}.") for m, r in links])

    G = build_graph(
        [rec("Hybrid models", ("Longformer", "builds_on"), ("Mamba", "compares_to")), rec("Kernels", ("LoRA", "mentions"))],
        load_catalog(),
    )
    return save_graph(G, tmp_path_factory.mktemp("small") / "small.json")


# ---------------------------------------------------------------------------------------------------
# build


def test_build_seed_corpus_writes_graph_and_summary(seed_build):
    result, path = seed_build
    assert result.exit_code == 0, result.stderr
    G = load_graph(path)
    stats = graph_stats(G)
    edges = sum(stats["edges"].values()) + sum(stats["citations"].values())
    assert result.stderr == (
        f"Wrote {path}: {stats['nodes']['Paper']} papers, {stats['nodes']['Method']} methods, {edges} edges; "
        "0 records skipped\n"
    )
    assert f"Graph {path}" in result.stdout
    for etype, count in stats["edges"].items():
        assert re.search(rf"edges {etype}\s+│ {count}\s", result.stdout)
    assert sum(1 for _, d in G.nodes(data=True) if d["label"] == "Paper" and not d["external"]) == 200


def test_build_json_summary(tmp_path, seed_files):
    result = run("build", seed_files[0], "-o", tmp_path / "g.json", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["papers_loaded"] == 22 and data["skipped"] == 0 and data["skipped_records"] == []
    assert data["papers"] - data["external_papers"] == 22
    assert data["added"]["papers"] == data["papers"]


def test_build_update_adds_without_duplicates_and_is_idempotent(tmp_path, seed_files, seed_build):
    path = tmp_path / "g.json.gz"
    assert run("build", *seed_files[:2], "-o", path).exit_code == 0
    first = load_graph(path)
    result = run("build", "--update", path, *seed_files[2:])
    assert result.exit_code == 0, result.stderr
    assert re.search(r"\(\+\d+ papers, \+\d+ methods\)", result.stderr)
    once = path.read_bytes()
    assert load_graph(path).number_of_nodes() > first.number_of_nodes()
    # again, with every file: nothing changes, byte for byte
    assert run("build", "--update", path, *seed_files).exit_code == 0
    assert path.read_bytes() == once
    assert "(+0 papers, +0 methods)" in run("build", "--update", path, *seed_files).stderr
    # and the incremental graph is the graph built in one go
    assert nx.utils.graphs_equal(load_graph(path), load_graph(seed_build[1]))


def test_build_update_to_other_output(tmp_path, seed_files):
    base = tmp_path / "base.json"
    run("build", seed_files[0], "-o", base)
    before = base.read_bytes()
    assert run("build", "--update", base, seed_files[1], "-o", tmp_path / "new.json").exit_code == 0
    assert base.read_bytes() == before and (tmp_path / "new.json").exists()


def test_build_html(tmp_path, seed_files):
    html = tmp_path / "view.html"
    result = run("build", seed_files[0], "-o", tmp_path / "g.json", "--html", html)
    assert result.exit_code == 0, result.stderr
    assert html.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert f"; HTML view {html}" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        ((), 2, "Error: no input files given (e.g. relwork build examples/hf-papers/*.txt -o graph.json)\n"),
        (("--update", "{tmp}/none.json", "{seed}"), 4, "Error: {tmp}/none.json: graph file not found (build one with `relwork build INPUTS -o {tmp}/none.json`)\n"),
        (("{tmp}/missing.txt",), 2, "Error: no papers could be loaded from the 1 input file(s); first problem: {tmp}/missing.txt: file not found\n"),
        (("{seed}", "--catalog", "{tmp}/missing.jsonl"), 3, "Error: {tmp}/missing.jsonl: catalog file not found\n"),
    ],
)
def test_build_errors(tmp_path, seed_files, args, code, message):
    fill = lambda text: text.format(tmp=tmp_path, seed=seed_files[0])  # noqa: E731
    result = run("build", *[fill(a) for a in args], "-o", tmp_path / "out.json")
    assert result.exit_code == code, result.stderr
    assert result.stderr == fill(message)
    assert not (tmp_path / "out.json").exists()


# ---------------------------------------------------------------------------------------------------
# export


@pytest.mark.parametrize("fmt", sorted(EXPORTERS))
def test_export_round_trip(tmp_path, seed_build, fmt):
    out = tmp_path / f"seed.{fmt}"
    result = run("export", fmt, seed_build[1], "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"Wrote {out}\n"
    native = load_graph(seed_build[1])
    # the graph's record of its catalog is for `build --update`, which reads the native file only: the flat
    # formats carry the nodes and edges, exactly
    assert native.graph.pop("catalogs") == []
    assert nx.utils.graphs_equal(EXPORTERS[fmt][1](out), native)


def test_export_missing_graph(tmp_path):
    result = run("export", "graphml", tmp_path / "nope.json", "-o", tmp_path / "x.graphml")
    assert result.exit_code == 4
    assert result.stderr.startswith(f"Error: {tmp_path}/nope.json: graph file not found")


# ---------------------------------------------------------------------------------------------------
# queries


def test_bridge_json_equals_library(seed_build):
    result = run("bridge", "transformer", "mamba", "-g", seed_build[1], "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == bridge(load_graph(seed_build[1]), "transformer", "mamba", limit=20)


def test_bridge_table(small_path):
    result = run("bridge", "longformer", "MAMBA", "-g", small_path)
    assert result.exit_code == 0
    assert "Papers bridging Longformer and Mamba" in result.stdout
    lines = [line for line in result.stdout.splitlines() if line.startswith("│ 1 ")]
    assert lines and "Hybrid models" in lines[0] and "builds on (abstract):" in lines[0] and "compares to" in lines[0]


def test_bridge_paths_table(small_path):
    result = run("bridge", "Longformer", "LoRA", "-g", small_path)
    assert result.exit_code == 0
    assert result.stdout == "No paper links Longformer and LoRA, and no path connects them.\n"
    assert result.stderr == ""


def test_bridge_paths_when_no_paper_links_both(seed_build):
    result = run("bridge", "Longformer", "Mamba", "-g", seed_build[1], "--paths", "2")
    assert result.exit_code == 0
    assert result.stdout.startswith("No paper links both Longformer and Mamba; shortest connections, most specific first:\n")
    assert result.stderr == ""
    assert "Path 1 (" in result.stdout and "Path 2 (" in result.stdout and "Path 3" not in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("bridge", "Mambo", "Longformer"), "Error: no method named 'Mambo' in the graph; did you mean: Mamba?\n"),
        (("bridge", "LoRA", "low-rank adaptation"), "Error: 'LoRA' and 'low-rank adaptation' are the same method (LoRA); name two different methods\n"),
        (("method", "Quantum Annealing"), "Error: no method named 'Quantum Annealing' in the graph\n"),
        (("method", "Mamba", "--relation", "cites"), "Error: unknown relation 'cites' (choose from introduces, builds_on, compares_to, mentions)\n"),
        (("paper", "zebra migration patterns"), "Error: no paper matching 'zebra migration patterns' in the graph\n"),
    ],
)
def test_query_errors_exact_text(small_path, args, message):
    result = run(*args, "-g", small_path)
    assert result.exit_code == 4
    assert result.stderr == message


def test_query_missing_graph_default_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("stats")
    assert result.exit_code == 4
    assert result.stderr == "Error: graph.json: graph file not found (build one with `relwork build INPUTS -o graph.json`)\n"


def test_query_graph_from_environment(small_path):
    result = run("stats", "--json", env={"RELWORK_GRAPH": str(small_path)})
    assert result.exit_code == 0
    assert json.loads(result.stdout) == graph_stats(load_graph(small_path))


def test_method_json_and_table(seed_build):
    G = load_graph(seed_build[1])
    result = run("method", "flash attention", "-g", seed_build[1], "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == method_report(G, "FlashAttention")
    table = run("method", "Mamba", "-g", seed_build[1])
    assert table.exit_code == 0 and "Papers linked to Mamba" in table.stdout and "derived from: S4" in table.stdout


def test_method_relation_filter(small_path):
    result = run("method", "mamba", "-r", "compares_to", "-g", small_path, "--json")
    assert [row["title"] for row in json.loads(result.stdout)] == ["Hybrid models"]


def test_method_relation_table_names_the_resolved_method_and_says_when_nothing_links(small_path):
    table = run("method", "mamba", "-r", "compares_to", "-g", small_path)
    assert table.exit_code == 0 and "Mamba: compares_to" in table.stdout and "Hybrid models" in table.stdout
    empty = run("method", "longformers", "-r", "compares_to", "-g", small_path)
    assert empty.exit_code == 0
    assert ("No paper in the graph has a compares_to link to Longformer; 1 paper builds on it: drop -r"
            in " ".join((empty.stdout + empty.stderr).split()))


def test_method_family_adds_derivative_papers_with_a_method_column(seed_build):
    # "which papers compare against FlashAttention?": in the seeds only through FlashAttention-2
    G = load_graph(seed_build[1])
    assert papers_for_method(G, "FlashAttention", "compares_to") == []
    family = papers_for_method(G, "FlashAttention", "compares_to", family=True)
    assert family and {row["method"] for row in family} == {"FlashAttention-2"}
    result = run("method", "flash attention", "-r", "compares_to", "--family", "-g", seed_build[1], "--json")
    assert json.loads(result.stdout) == json.loads(json.dumps(family))
    table = run("method", "FlashAttention", "-r", "compares_to", "--family", "-g", seed_build[1])
    assert "FlashAttention and its derivatives: compares_to" in table.stdout
    assert "Method" in table.stdout and family[0]["title"].split()[0] in table.stdout


def test_bridge_and_method_accept_a_method_family(seed_build):
    """"which papers bridge Longformer and state-space models?": the family name resolves, the members are
    listed, and with no paper linking both the shortest connections are shown; `method SSMs` reports the
    family with a Method column."""
    G = load_graph(seed_build[1])
    result = run("bridge", "Longformer", "state-space models", "-g", seed_build[1], "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(json.dumps(bridge(G, "Longformer", "state-space models")))
    table = run("bridge", "Transformer", "state space models", "-g", seed_build[1], "-n", "3")
    assert table.exit_code == 0
    text = " ".join((table.stdout + table.stderr).split())
    assert "state-space models: DSS, GSS, H3, HiPPO" in text and "Papers bridging Transformer and state-space models" in text
    assert "introduces" in text and "(Hydra," in text  # the cell names the member the paper links
    family = run("method", "SSMs", "-g", seed_build[1])
    assert family.exit_code == 0
    assert "state-space models (method family: HiPPO and their catalog derivatives" in " ".join(family.stdout.split())


def test_paper_json_and_table(seed_build):
    G = load_graph(seed_build[1])
    result = run("paper", "2111.00396", "-g", seed_build[1], "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(json.dumps(paper_report(G, "2111.00396")))
    table = run("paper", "Efficiently Modeling Long Sequences with Structured State Spaces", "-g", seed_build[1])
    assert table.exit_code == 0
    assert "Citation-style links" in table.stdout and "Related papers" in table.stdout
    assert "Score" in table.stdout and "Why: method, weight" in table.stdout
    # the S4 paper's related work: papers using S4 (citations), each saying why; the weights under the table
    assert "citation)" in table.stdout
    assert "x 2 for a citation (one introduced it) x 0.2 for a dataset x 0.5 through a catalog parent" in table.stdout


def test_stats_table(seed_build):
    result = run("stats", "-g", seed_build[1], "--top", "3")
    assert result.exit_code == 0
    assert "Most-linked methods" in result.stdout and "Most-connected papers" in result.stdout
    stats = graph_stats(load_graph(seed_build[1]), top=3)
    for row in stats["top_methods"] + stats["top_datasets"]:
        assert row["name"] in result.stdout
    assert "Most-linked datasets" in result.stdout and stats["top_datasets"][0]["name"] == "GLUE"
    assert "Most compared-to methods" in result.stdout and stats["top_compared"][0]["name"] in result.stdout


def test_every_graph_command_has_help():
    for args in (["build"], ["bridge"], ["method"], ["paper"], ["stats"], ["export", "graphml"], ["export", "gexf"], ["export", "csv"]):
        result = run(*args, "--help")
        assert result.exit_code == 0 and "Usage" in result.stdout


@pytest.mark.parametrize("relation", ["builds_on", "compares_to", "mentions"])
def test_method_json_object_names_the_resolution_of_relation_rows(seed_build, relation):
    """`method NAME -r REL --json` stays a bare list of rows (scripts read it), exactly the papers with that
    link; what NAME resolved to is in `method NAME --json`, whose papers with REL among their relations are
    those papers, each once."""
    _, path = seed_build
    rows = run("method", "Transformers", "-r", relation, "-g", path, "--json")
    report = run("method", "Transformers", "-g", path, "--json")
    assert rows.exit_code == report.exit_code == 0
    data = json.loads(report.stdout)
    assert data["method"]["name"] == "Transformer"
    listed = json.loads(rows.stdout)
    assert listed and all(r["type"] == relation.upper() and r["relations"] == [relation.upper()] for r in listed)
    folded = [r["node"] for r in data["papers"] if relation.upper() in r["relations"]]
    assert sorted(folded) == sorted(r["node"] for r in listed) and len(set(folded)) == len(folded)


def test_method_lists_a_paper_once_with_all_its_relations(seed_build):
    """H6: ColBERT builds on and compares to BERT: one row naming both (and its plain mention in "every non-BERT
    baseline"), with the builds-on evidence (its title); `-r compares_to` still lists it, with the compares-to
    evidence."""
    G, path = seed_build
    report = json.loads(run("method", "BERT", "-g", path, "--json").stdout)
    rows = [r for r in report["papers"] if r["title"].startswith("ColBERT: Efficient")]
    assert len(rows) == 1 and rows[0]["relations"] == ["BUILDS_ON", "COMPARES_TO", "MENTIONS"]
    assert rows[0]["type"] == "BUILDS_ON" and rows[0]["evidence"] == rows[0]["title"]
    assert len({r["node"] for r in report["papers"]}) == len(report["papers"])
    table = run("method", "BERT", "-g", path, env={"COLUMNS": "250"}).stdout
    line = next(row for row in table.splitlines() if "ColBERT: Efficient" in row)
    # the evidence is the title: "(title)", not the title twice (qa9 Q9)
    assert "builds on, compares to" in line and table.count("ColBERT: Efficient and Effective") == 1 and "(title)" in line
    compared = json.loads(run("method", "BERT", "-r", "compares_to", "-g", path, "--json").stdout)
    colbert = next(r for r in compared if r["title"].startswith("ColBERT: Efficient"))
    assert colbert["type"] == "COMPARES_TO" and colbert["evidence"] != colbert["title"]
