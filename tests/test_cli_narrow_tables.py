"""Tables at 80 columns: a fitted table of six columns or more (a family's answer) folds Year and Id into the Paper
cell ("title [id] year"), so a title gets 30-40 characters a line instead of 13-20; five-column tables, wide terminals
and piped output keep their columns. `relwork evaluate --errors` fits its table to the width like the answer tables.
Real seed answers and the seeds' gold fixture."""

from __future__ import annotations


import pytest
from typer.testing import CliRunner

from relwork import cli
from relwork.cli import app
from relwork.graph.io import save_graph

from conftest import FIXTURES

runner = CliRunner()
GOLD = FIXTURES / "linker" / "gold_small.jsonl"


def run(*args, env):
    cli.out, cli.err = cli._Console(), cli._Console(stderr=True)
    return runner.invoke(app, [str(a) for a in cli.hoist_global_flags([str(a) for a in args])], env=env)


@pytest.fixture(scope="module")
def seed_path(seed_graph, tmp_path_factory):
    return save_graph(seed_graph, tmp_path_factory.mktemp("narrow") / "seed.json")


def headings(output: str) -> str:
    return " ".join(line for line in output.splitlines() if line.startswith("┃"))


def test_family_answer_at_80_columns_folds_year_and_id_into_the_paper_cell(seed_path):
    """`method Transformer --family` at 80 columns: a 17-character Paper column (every title cut after ~41
    characters on average) before; now Year and Id ride in the Paper cell and whole titles show."""
    result = run("method", "Transformer", "--family", "-g", seed_path, "-n", "3", env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert "Paper [id] year" in headings(result.stdout) and "┃ Year" not in result.stdout
    assert "[1706.03762] 2017" in result.stdout  # the origin paper's id and year stay in its cell
    papers = " ".join(line.split("│")[3].strip() for line in result.stdout.splitlines() if line.startswith("│"))
    for title in ("Attention Is All You Need (external)", "EcoFormer: Energy-Saving Attention with Linear Complexity"):
        assert title in papers


@pytest.mark.parametrize("args, columns", [
    (["method", "Mamba"], "80"),  # five columns: Year stays
    (["method", "Transformer", "--family"], "250"),  # wide enough for the titles
])
def test_five_columns_or_a_wide_terminal_keep_the_year_column(seed_path, args, columns):
    result = run(*args, "-g", seed_path, env={"COLUMNS": columns})
    assert "┃ Year" in result.stdout and "Paper [id] year" not in result.stdout


def test_piped_family_answer_keeps_its_six_columns(seed_path):
    result = run("method", "Transformer", "--family", "-g", seed_path, "-n", "3", env={"COLUMNS": None})
    assert all(h in headings(result.stdout) for h in ("Method", "Year", "Id", "Paper", "Evidence"))
    assert "Paper [id] year" not in result.stdout


@pytest.fixture(scope="module")
def linked_path(seed_files, tmp_path_factory):
    out = tmp_path_factory.mktemp("narrow") / "linked.jsonl"
    assert run("link", *seed_files, "-o", out, env={"COLUMNS": None}).exit_code == 0
    return out


def test_error_table_fits_the_width_and_shows_the_method(linked_path):
    """Before, `--errors` printed a table only on a terminal of 120 columns or more, its evidence cut at 120
    characters whatever the room (the name could fall past the cut); with --width or COLUMNS it printed blocks."""
    result = run("--width", "120", "evaluate", GOLD, "--linked", linked_path, "--errors", "4", env={"COLUMNS": None})
    assert result.exit_code == 0, result.output
    table = result.stdout[result.stdout.index("Errors (first"):]
    assert "┃ Evidence" in table and "┃ Relations" in table
    assert max(len(line) for line in table.splitlines()) <= 120
    evidence = " ".join(line.split("│")[5].strip() for line in table.splitlines() if line.startswith("│"))
    assert "benchmark of German BERT." in evidence and "back-translation" in evidence


def test_error_blocks_below_120_columns_and_when_piped(linked_path):
    narrow = run("--width", "100", "evaluate", GOLD, "--linked", linked_path, "--errors", "4", env={"COLUMNS": None})
    assert "┃ Evidence" not in narrow.stdout and "   evidence: " in narrow.stdout
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 100
    piped = run("evaluate", GOLD, "--linked", linked_path, "--errors", "4", env={"COLUMNS": None})
    errors = piped.stdout[piped.stdout.index("Errors (first"):].splitlines()
    assert errors[3] == "2. relation | paper 2 | BERT | gold compares_to; predicted builds_on; cue 'using'"
    assert errors[4] == ("   evidence: All downstream tasks were trained using hyperparameter presets taken from the "
                         "benchmark of German BERT.")
