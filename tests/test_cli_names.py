"""Every command that takes a method or paper name reads it through one path (``graph.queries``: resolve_methods,
resolve_one_method, resolve_one_paper, resolve_name) and says a name read as another the same way: stderr
"(read 'Mambaa' as Mamba)" and ``resolved_from`` in --json, on the seed graph. (`relwork cypher --param` is
tests/test_neo4j.py's: it needs a server.)"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from relwork import cli
from relwork.cli import app
from relwork.graph.io import save_graph
from relwork.graph.queries import (
    paper_report,
    resolve_method,
    resolve_name,
    resolve_one_method,
    resolve_one_paper,
    resolve_paper,
)

runner = CliRunner()
HYDRA = "Hydra: Bidirectional State Space Models Through Generalized Matrix Mixers"


def run(*args, columns=250):
    cli.out, cli.err = cli._Console(), cli._Console(stderr=True)
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns)})


@pytest.fixture(scope="module")
def seed_path(seed_graph, tmp_path_factory):
    return save_graph(seed_graph, tmp_path_factory.mktemp("names") / "seed.json")


def test_one_method_and_one_paper_say_which_step_matched(seed_graph):
    typo = resolve_one_method(seed_graph, "Mambaa")
    assert (typo.label, typo.nodes, typo.query, typo.fuzzy) == ("Mamba", [resolve_method(seed_graph, "Mamba")], "Mambaa", True)
    assert not resolve_one_method(seed_graph, "mamba").fuzzy
    close = resolve_one_paper(seed_graph, "Hydra bidirectional")
    assert (close.label, close.nodes, close.fuzzy) == (HYDRA, [resolve_paper(seed_graph, "2407.09941")], True)
    assert resolve_one_paper(seed_graph, "BERT").fuzzy  # the paper that introduces BERT: a reading, not its title
    for ref in ("2407.09941", HYDRA, "paper:2407.09941", "arxiv.org/abs/2407.09941"):
        assert not resolve_one_paper(seed_graph, ref).fuzzy, ref


def test_resolve_name_tries_methods_then_papers_with_both_suggestions(seed_graph):
    assert resolve_name(seed_graph, "Mambaa").fuzzy and resolve_name(seed_graph, "Mambaa").label == "Mamba"
    assert resolve_name(seed_graph, "state-space models").family is not None
    assert resolve_name(seed_graph, "Hydra bidirectional").label == HYDRA
    assert not resolve_name(seed_graph, "method:Mamba").fuzzy
    with pytest.raises(Exception, match=r"^no method named 'Mambaxyz' in the graph; did you mean: Mamba, .*; "
                                        r"no paper matching 'Mambaxyz' in the graph"):
        resolve_name(seed_graph, "Mambaxyz")


def test_html_focus_typo_is_said_on_stderr_and_in_json(seed_path, tmp_path):
    """Before, `html --focus Mambaa` drew Mamba's neighbourhood without a word."""
    page = tmp_path / "g.html"
    typo = run("html", seed_path, "-o", page, "--focus", "Mambaa", "--json")
    assert typo.exit_code == 0, typo.output
    assert typo.stderr == "(read 'Mambaa' as Mamba)\n"
    data = json.loads(typo.stdout)
    assert data.pop("resolved_from") == "Mambaa"
    exact = run("html", seed_path, "-o", page, "--focus", "Mamba", "--json")
    assert exact.stderr == "" and json.loads(exact.stdout) | {"path": data["path"]} == data  # the same drawing
    said = run("html", seed_path, "-o", page, "--focus", "Hydra bidirectional")
    assert said.exit_code == 0 and said.stderr.startswith(f"(read 'Hydra bidirectional' as {HYDRA})\n")


def test_paper_close_title_is_said_on_stderr_and_in_json(seed_graph, seed_path):
    result = run("paper", "Hydra bidirectional", "-g", seed_path, "-n", "2", "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == f"(read 'Hydra bidirectional' as {HYDRA})\n"
    data = json.loads(result.stdout)
    assert data.pop("resolved_from") == "Hydra bidirectional"
    assert data == json.loads(json.dumps(paper_report(seed_graph, "2407.09941", related=2), default=str))
    exact = run("paper", "2407.09941", "-g", seed_path, "-n", "2", "--json")
    assert exact.stderr == "" and "resolved_from" not in json.loads(exact.stdout)


@pytest.mark.parametrize("args", [
    ["method", "Mambaa"],
    ["method", "Mambaa", "-r", "builds_on"],
    ["bridge", "Mambaa", "Transformer"],
    ["html", "--focus", "Mambaa"],
])
def test_every_command_taking_a_method_says_a_typo_alike(seed_path, tmp_path, args):
    where = ["-o", tmp_path / "g.html", seed_path] if args[0] == "html" else ["-g", seed_path]
    result = run(*args, *where)
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0] == "(read 'Mambaa' as Mamba)"


@pytest.mark.parametrize("args", [["method", "Mambo"], ["bridge", "Mambo", "Transformer"], ["html", "--focus", "Mambo"]])
def test_every_command_taking_a_method_suggests_the_same_names(seed_path, tmp_path, args):
    where = ["-o", tmp_path / "g.html", seed_path] if args[0] == "html" else ["-g", seed_path]
    result = run(*args, *where)
    assert result.exit_code == 4
    assert "Error: no method named 'Mambo' in the graph; did you mean: Mamba, MAM, Mamba-2?" in " ".join(result.stderr.split())
