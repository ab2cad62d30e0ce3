"""Command-line answers from the ninth user test (qa9 Q4, Q9, Q11, Q13) on the seed corpus: an evidence cell shows
the method it answers for, a table does not print a paper's title twice, an empty Year column or ids made from
titles, a name read through the typo step says so, and an empty bridge says what --family adds in one sentence."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from relwork import cli
from relwork.cli import app
from relwork.graph.io import save_graph
from relwork.graph.queries import bridge, method_report, papers_for_method, resolve_methods

runner = CliRunner()

HISS = "Hierarchical State Space Models for Continuous Sequence-to-Sequence Modeling"
RETRIEVER = "Mamba Retriever: Utilizing Mamba for Effective and Efficient Dense Retrieval"


def run(*args, columns=250):
    """The command at a terminal width of ``columns``: rich reads COLUMNS when a console is made, so each run gets
    new (lazily made) consoles instead of the first test's."""
    cli.out, cli.err = cli._Console(), cli._Console(stderr=True)
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns)})


def flat(text: str) -> str:
    """A table's text with its borders and line breaks gone: what a reader reads across wrapped cells."""
    return " ".join(text.replace("│", " ").split())


@pytest.fixture(scope="module")
def seed_path(seed_graph, tmp_path_factory):
    return save_graph(seed_graph, tmp_path_factory.mktemp("qa9") / "seed.json")


# ---------------------------------------------------------------------------------------------------
# Q4: a long evidence sentence is cut around the method's name, not after its first 159 characters


def test_every_seed_evidence_cell_shows_the_surface_it_links(seed_graph):
    """Of the 702 builds_on / compares_to / mentions links of the seed graph, 444 have sentences longer than a cell;
    cut at the first 159 characters, 129 cells did not show the name the link is about. All do now, at the
    tables' 160 characters and at the bridge cells' 100."""
    links = [d for u, v, k, d in seed_graph.edges(keys=True, data=True)
             if k in ("BUILDS_ON", "COMPARES_TO", "MENTIONS") and seed_graph.nodes[u].get("label") == "Paper"]
    assert len(links) > 600
    for width in (cli.MAX_EVIDENCE, 100):
        for d in links:
            cell = cli._short(d["evidence"], width, d["surface"])
            assert len(cell) <= width
            assert cli._surface_span(cell, d["surface"]) is not None, (d["surface"], cell)


def test_method_answer_shows_why_hiss_compares_to_mamba(seed_path):
    """The HiSS sentence names Mamba at its end ("... such as causal Transformers, LSTMs, S4, and Mamba by at
    least 23% on MSE"): the cell opens with "…" a few words before it."""
    result = run("method", "Mamba", "-g", seed_path)
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    row = text[text.index(HISS[:40]):]
    assert "…inertial measurement, HiSS outperforms state-of-the-art sequence models such as causal Transformers, " \
           "LSTMs, S4, and Mamba by at least 23% on MSE." in row[:600]


def test_bridge_cell_shows_the_transformer_m1_compares_to(seed_path):
    """M1 "compares to" Transformer: the cell used to stop at "...inference engine, vLL…", reading as a comparison
    with vLLM; it now shows "compared to a same size transformer"."""
    result = run("bridge", "Transformer", "Mamba", "-g", seed_path)
    assert result.exit_code == 0, result.stderr
    text = flat(result.stdout)
    row = text[text.index("M1: Towards Scalable"):]
    assert "compared to a same size transformer." in row[:500]


def test_short_sentence_and_name_within_the_cut_are_unchanged():
    assert cli._short("We build on Mamba.", 160, "Mamba") == "We build on Mamba."
    sentence = "Mamba " + "x" * 200
    assert cli._short(sentence, 160, "Mamba") == sentence[:159] + "…"
    assert cli._short(sentence, 160, "not there") == sentence[:159] + "…"


# ---------------------------------------------------------------------------------------------------
# Q9: "(title)" instead of the title again; no empty Year column; no title: ids unless -v


def test_evidence_that_is_the_title_prints_title_once(seed_path):
    result = run("method", "Mamba", "-g", seed_path, columns=80)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("Retriever:") == 1 and result.stdout.count("Utilizing") == 1  # wrapped, once
    assert "(title)" in result.stdout
    report = json.loads(run("method", "Mamba", "-g", seed_path, "--json").stdout)  # the JSON keeps the sentence
    row = next(r for r in report["papers"] if r["title"] == RETRIEVER)
    assert row["evidence"] == RETRIEVER


def test_paper_and_bridge_tables_print_title_evidence_as_title(seed_path):
    paper = run("paper", "Mamba Retriever", "-g", seed_path)
    assert paper.exit_code == 0, paper.stderr
    line = next(row for row in paper.stdout.splitlines() if "│ Mamba " in row)
    assert "(title)" in line and RETRIEVER not in line
    both = run("bridge", "Transformer", "Mamba", "-g", seed_path)
    line = next(row for row in both.stdout.splitlines() if "Mamba Retriever" in row)
    assert "builds on (title) " in line and line.count("Utilizing Mamba") == 1


def test_titles_ids_only_with_verbose_and_empty_columns_left_out(seed_graph, seed_path):
    """`method S4 -r compares_to`: one paper, undated, its id made from its title: no Year, no Id column."""
    rows = papers_for_method(seed_graph, "S4", "compares_to")
    assert rows and all(r["year"] is None and r["id"].startswith("title:") for r in rows)
    plain = run("method", "S4", "-r", "compares_to", "-g", seed_path, columns=80)
    assert plain.exit_code == 0, plain.stderr
    assert "┃ Paper" in plain.stdout and "Year" not in plain.stdout and "title:" not in plain.stdout
    assert "┃ Id" not in plain.stdout
    verbose = run("-v", "method", "S4", "-r", "compares_to", "-g", seed_path)
    assert "┃ Id" in verbose.stdout and rows[0]["id"] in verbose.stdout
    assert json.loads(run("method", "S4", "-r", "compares_to", "-g", seed_path, "--json").stdout)[0]["id"] == rows[0]["id"]
    mamba = run("method", "Mamba", "-g", seed_path, columns=80)  # the origin paper's arXiv id and year stay
    assert "title:" not in mamba.stdout and "2312.00752" in mamba.stdout and "┃ Year" in mamba.stdout


def test_mamba_answer_at_80_columns_is_shorter(seed_path):
    """qa9: 109 lines for `method Mamba` at 80 columns; the rows that repeated their title and the wrapped
    16-character ids took most of them."""
    result = run("method", "Mamba", "-g", seed_path, columns=80)
    assert len(result.stdout.splitlines()) < 100


# ---------------------------------------------------------------------------------------------------
# Q11: a name resolved by the typo step says so


def test_resolved_names_which_step_matched(seed_graph):
    assert resolve_methods(seed_graph, "Mambaa").fuzzy
    assert resolve_methods(seed_graph, "Mambaa", family=True).fuzzy  # kept when widened
    for name in ("Mamba", "mamba", "Mamba-1", "LSTMs", "state-space models"):
        assert not resolve_methods(seed_graph, name).fuzzy, name


def test_method_typo_is_said_on_stderr_and_in_json(seed_graph, seed_path):
    result = run("method", "Mambaa", "-g", seed_path, "--json")
    assert result.exit_code == 0
    assert result.stderr == "(read 'Mambaa' as Mamba)\n"
    data = json.loads(result.stdout)
    assert data.pop("resolved_from") == "Mambaa"
    assert data == json.loads(json.dumps(method_report(seed_graph, "Mamba", order="relevance")))
    table = run("method", "Mambaa", "-g", seed_path)
    assert table.stderr == "(read 'Mambaa' as Mamba)\n" and "Papers linked to Mamba" in table.stdout
    exact = run("method", "Mamba", "-g", seed_path, "--json")
    assert exact.stderr == "" and "resolved_from" not in json.loads(exact.stdout)
    rows = run("method", "Mambaa", "-r", "builds_on", "-g", seed_path, "--json")  # still a bare list of rows
    assert isinstance(json.loads(rows.stdout), list) and rows.stderr.startswith("(read 'Mambaa' as Mamba)\n")


def test_bridge_typo_is_said_per_side(seed_graph, seed_path):
    result = run("bridge", "Transfomer", "Mamba", "-g", seed_path, "--json")
    assert result.exit_code == 0
    assert result.stderr == "(read 'Transfomer' as Transformer)\n"
    data = json.loads(result.stdout)
    assert data.pop("a_resolved_from") == "Transfomer" and "b_resolved_from" not in data
    assert data == json.loads(json.dumps(bridge(seed_graph, "Transformer", "Mamba", limit=20)))


# ---------------------------------------------------------------------------------------------------
# Q13: one sentence for an empty bridge; "1 hop"


def test_empty_bridge_is_one_sentence_and_counts_hops_in_words(seed_graph, seed_path):
    wider = bridge(seed_graph, "ViT", "CLIP")["with_derivatives"]
    result = run("bridge", "ViT", "CLIP", "-g", seed_path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (f"No paper links both ViT and CLIP ({wider} do with --family, counting their catalog "
                        "derivatives); shortest connections, most specific first:")
    assert sum(line.startswith("No paper") for line in lines) == 1
    assert lines[1].startswith("Path 1 (1 hop, score ")
    longer = run("bridge", "Longformer", "Mamba", "-g", seed_path, "--paths", "1")
    assert "Path 1 (3 hops, score " in longer.stdout
