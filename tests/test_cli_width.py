"""Answer tables fit the output's width (a terminal, COLUMNS or --width): text cells (evidence around the method's
name, titles) are cut to a few lines of the room their column gets, so a row no longer wraps over 5-10 lines at 80
columns; output to a pipe or file without COLUMNS or --width keeps the whole 160-character cells and one line per
sentence. Real seed answers."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from relwork import cli
from relwork.cli import app
from relwork.graph.io import save_graph
from relwork.graph.queries import LINK_TYPES, INTRODUCES

runner = CliRunner()
HISS_EVIDENCE = ("…inertial measurement, HiSS outperforms state-of-the-art sequence models such as causal "
                 "Transformers, LSTMs, S4, and Mamba by at least 23% on MSE.")
ANSWERS = [
    ["method", "Mamba"],
    ["method", "SSMs"],
    ["method", "S4", "-r", "compares_to"],
    ["method", "state-space models", "--in-words"],
    ["bridge", "Longformer", "state-space models"],
    ["bridge", "Transformer", "S4", "--family"],
    ["bridge", "ViT", "CLIP"],
    ["paper", "2407.09941"],
]


def run(*args, env):
    cli.out, cli.err = cli._Console(), cli._Console(stderr=True)
    return runner.invoke(app, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def seed_path(seed_graph, tmp_path_factory):
    return save_graph(seed_graph, tmp_path_factory.mktemp("width") / "seed.json")


@pytest.mark.parametrize("columns", [80, 120])
@pytest.mark.parametrize("args", ANSWERS, ids=" ".join)
def test_no_answer_line_is_wider_than_the_terminal(seed_path, args, columns):
    """Before, sentences above the tables (a paper's score line: 531 characters) ran past the width."""
    result = run(*args, "-g", seed_path, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= columns


def test_rows_take_at_most_three_lines_at_80_columns(seed_path):
    """`relwork method Mamba` at 80 columns: 98 lines before (a title or evidence cell over 5-10 lines)."""
    result = run("method", "Mamba", "-g", seed_path, env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    body = lines[lines.index(next(line for line in lines if line.startswith("┡"))) + 1:-1]
    assert len(body) <= 3 * 10 and len(lines) < 50
    wide = run("bridge", "Transformer", "S4", "--family", "-g", seed_path, env={"COLUMNS": "80"})
    assert len(wide.stdout.splitlines()) < 60  # 114 before


def column(table: str, heading: str) -> str:
    """The text of one column of a printed table, its wrapped lines joined."""
    lines = table.splitlines()
    head = next(line for line in lines if line.startswith("┃") and heading in line)
    at = [part.strip() for part in head.split("┃")].index(heading)
    return " ".join(line.split("│")[at].strip() for line in lines if line.startswith("│"))


def test_fitted_evidence_still_shows_the_method(seed_path):
    table = run("method", "S4", "-r", "compares_to", "-g", seed_path, env={"COLUMNS": "80"}).stdout
    evidence = column(table, "Evidence")
    assert "S4, and Mamba by at least 23% on MSE." in evidence and evidence.startswith("…")
    assert HISS_EVIDENCE not in evidence and len(evidence) < 120  # cut to three lines of the column
    assert column(table, "Paper").startswith("Hierarchical State Space Models for")


def test_every_seed_evidence_cut_to_a_narrow_column_shows_its_name(seed_graph):
    """701 builds_on / compares_to / mentions links: cut to three lines of 24 characters, each cell shows the name it
    links; in 18 characters all but the 2 spelled-out BERT names longer than the cell, which start it."""
    links = [d for _, _, k, d in seed_graph.edges(keys=True, data=True)
             if k in LINK_TYPES and k != INTRODUCES and d.get("surface")]
    assert len(links) > 650
    for width in (24, 18):
        cells = [cli._fit_cell(cli.Cell(d["evidence"], d["surface"], cli.MAX_EVIDENCE), width) for d in links]
        missing = [(d["surface"], c) for d, c in zip(links, cells) if cli._surface_span(c, d["surface"]) is None]
        assert all(c.startswith("…" + s[:30]) for s, c in missing), missing
        assert len(missing) <= (0 if width == 24 else 2)


def test_piped_output_keeps_whole_cells_and_lines(seed_path):
    """No terminal, no COLUMNS, no --width: what is piped to a file is today's output (160-character cells, one line
    per sentence), for grep and editors."""
    piped = run("method", "S4", "-r", "compares_to", "-g", seed_path, env={"COLUMNS": None})
    assert column(piped.stdout, "Evidence") == HISS_EVIDENCE
    paper = run("paper", "2407.09941", "-g", seed_path, env={"COLUMNS": None})
    assert any(len(line) > 500 and line.startswith("Score: per shared method") for line in paper.stdout.splitlines())


def test_width_option_fits_piped_output(seed_path):
    for args in (["--width", "100", "method", "Mamba"], ["method", "Mamba", "--width", "100"]):
        result = run(*cli.hoist_global_flags(args + ["-g", str(seed_path)]), env={"COLUMNS": None})  # as main() runs it
        assert result.exit_code == 0, result.output
        assert max(len(line) for line in result.stdout.splitlines()) == 100
    assert run("--width", "10", "method", "Mamba", "-g", seed_path, env={}).exit_code == 2


def test_hoisted_width_keeps_its_value():
    assert cli.hoist_global_flags(["method", "Mamba", "--width", "90", "-q"]) == ["--width", "90", "-q", "method", "Mamba"]
    assert cli.hoist_global_flags(["method", "x", "--width=90"]) == ["--width=90", "method", "x"]
    assert cli.hoist_global_flags(["cypher", "--", "--width", "9"]) == ["cypher", "--", "--width", "9"]
