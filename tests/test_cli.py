"""Behaviour every command shares: errors are one line with an exit code, outputs are replaced only on
success, untrusted text never reaches the terminal as control codes or markup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from relwork.cli import app, safe_text

SEED = sorted((Path(__file__).resolve().parent.parent / "examples" / "hf-papers").glob("*.txt"))[0]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", [["link"], ["load"]])
def test_output_file_survives_a_run_that_loads_nothing(runner, tmp_path, command):
    out = tmp_path / "keep.jsonl"
    out.write_text("precious\n")
    result = runner.invoke(app, [*command, str(tmp_path / "typo.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert out.read_text() == "precious\n"
    assert not list(tmp_path.glob(".*partial"))


def test_link_output_written_whole_on_success(runner, tmp_path):
    out = tmp_path / "linked.jsonl"
    out.write_text("old\n")
    result = runner.invoke(app, ["link", str(SEED), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert records and all({"id", "title", "links", "introduces"} <= set(r) for r in records)


@pytest.mark.parametrize("target,message", [
    ("/proc/x.jsonl", "/proc/x.jsonl: cannot write: No such file or directory"),
    (".", ": cannot write: Is a directory"),
])
def test_unwritable_output_is_one_line_error(runner, tmp_path, monkeypatch, target, message):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["link", str(SEED), "-o", target])
    assert result.exit_code == 5
    assert message in result.output and "Traceback" not in result.output


def test_catalog_that_is_a_directory_is_one_line_error(runner, tmp_path):
    result = runner.invoke(app, ["link", str(SEED), "--catalog", str(tmp_path)])
    assert result.exit_code in (2, 3)
    assert result.output.startswith("Error: ") and "Traceback" not in result.output


def test_error_text_with_rich_markup_is_printed_literally(runner, tmp_path):
    graph = tmp_path / "graph.json"
    assert runner.invoke(app, ["build", str(SEED), "-o", str(graph)]).exit_code == 0
    result = runner.invoke(app, ["method", "[/x] [bold]y", "-g", str(graph)])
    assert result.exit_code == 4
    assert "no method named '[/x] [bold]y'" in result.output


@pytest.mark.parametrize("text,expected", [
    ("title\x1b]0;pwned\x07 here", "title]0;pwned here"),
    ("\x1b[2Jclear", "[2Jclear"),
    ("c1\x9bcodes", "c1codes"),
    ("tabs\tand\nnewlines stay", "tabs\tand\nnewlines stay"),
    ("nul\x00 byte", "nul byte"),
    ("\u202eRTL override and \u2067isolate\u2069", "RTL override and isolate"),
])
def test_safe_text_strips_terminal_control_characters(text, expected):
    assert safe_text(text) == expected


def test_quiet_build_prints_nothing(runner, tmp_path):
    result = runner.invoke(app, ["-q", "build", str(SEED), "-o", str(tmp_path / "g.json")])
    assert result.exit_code == 0
    assert result.output == ""


def test_build_with_workers_writes_the_same_graph(runner, tmp_path):
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert runner.invoke(app, ["build", str(SEED), "-o", str(one)]).exit_code == 0
    assert runner.invoke(app, ["build", str(SEED), "-o", str(two), "--workers", "2"]).exit_code == 0
    assert one.read_bytes() == two.read_bytes()


def test_link_output_directories_are_created_like_build(runner, tmp_path):
    out = tmp_path / "new" / "dir" / "linked.jsonl"
    assert runner.invoke(app, ["link", str(SEED), "-o", str(out)]).exit_code == 0
    assert out.read_text().count("\n") > 10


def test_error_quoting_a_huge_argument_is_clipped(runner, tmp_path):
    graph = tmp_path / "graph.json"
    assert runner.invoke(app, ["build", str(SEED), "-o", str(graph)]).exit_code == 0
    result = runner.invoke(app, ["method", "Mamba" * 20000, "-g", str(graph)])
    assert result.exit_code == 4
    assert len(result.output) < 1200 and "characters)" in result.output


@pytest.mark.parametrize("argv,expected", [
    (["build", "a.txt", "-q"], ["-q", "build", "a.txt"]),
    (["-v", "load", "x"], ["-v", "load", "x"]),
    (["link", "x", "--", "-q"], ["link", "x", "--", "-q"]),
])
def test_hoist_global_flags_moves_quiet_and_verbose_to_the_front(argv, expected):
    from relwork.cli import hoist_global_flags

    assert hoist_global_flags(argv) == expected


def test_python_m_relwork_accepts_quiet_after_the_command(tmp_path):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "relwork", "build", str(SEED), "-o", str(tmp_path / "g.json"), "-q"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "" and (tmp_path / "g.json").exists()


def test_dash_reads_papers_from_standard_input(runner):
    result = runner.invoke(app, ["load", "-", "--json"], input=SEED.read_bytes())
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["files"][0]["path"] == "<stdin>" and report["files"][0]["format"] == "hf-daily"
    assert report["files"][0]["kept"] == 22
