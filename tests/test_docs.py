"""Meta-tests: every command has help text and is documented in the README; the README's two set-up
commands are the ones CI and the scripts really run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer.main

from relwork.cli import app

ROOT = Path(__file__).resolve().parent.parent

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group, prefix: str = "relwork"):
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}"
        yield path, command
        if hasattr(command, "commands"):  # a sub-app such as `relwork export`
            yield from _commands(command, path)


COMMANDS = list(_commands(typer.main.get_command(app)))


def test_cli_has_the_documented_commands():
    names = {path for path, _ in COMMANDS}
    assert {"relwork load", "relwork link", "relwork build", "relwork bridge", "relwork html",
            "relwork export neo4j", "relwork cypher", "relwork evaluate"} <= names


@pytest.mark.parametrize("path,command", COMMANDS, ids=[p for p, _ in COMMANDS])
def test_command_has_help_text(path, command):
    assert (command.help or "").strip(), f"{path} has no help text"


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS])
def test_command_is_documented_in_readme(path):
    assert re.search(re.escape(path) + r"\b", README), f"README.md does not mention `{path}`"


def test_readme_test_command_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in README
    assert re.search(r"^bash scripts/test\.sh$", ci, re.M)


def test_readme_main_job_runs_build_on_the_example_corpus():
    assert "relwork build examples/hf-papers/*.txt -o out/graph.json --html out/graph.html" in README
