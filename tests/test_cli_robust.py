"""The command line on awkward input and output paths: an output that is also an input, Rich markup and
control characters in names and titles, missing or unreadable files, closed pipes, `-o -`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SEED_FILES
from relwork.cli import app

runner = CliRunner()
SEED = SEED_FILES[0]  # 22 papers


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


@pytest.fixture(scope="module")
def seed_graph_file(tmp_path_factory):
    """The graph of the first seed listing, built once by `relwork build`."""
    path = tmp_path_factory.mktemp("robust") / "graph.json"
    result = run("-q", "build", SEED, "-o", path)
    assert result.exit_code == 0, result.stderr
    return path


# ---------------------------------------------------------------------------------------------------
# F14: an output path that is also an input is refused, the input kept


@pytest.mark.parametrize(
    "command",
    [
        ["load", "{papers}", "-o", "{papers}"],
        ["link", "{papers}", "-o", "{papers}"],
        ["build", "{papers}", "-o", "{papers}"],
        ["build", "{papers}", "-o", "{out}", "--html", "{papers}"],
        ["html", "{graph}", "-o", "{graph}"],
        ["export", "graphml", "{graph}", "-o", "{graph}"],
        ["export", "gexf", "{graph}", "-o", "{graph}"],
        ["export", "cypher", "{graph}", "-o", "{graph}"],
    ],
)
def test_output_that_is_also_an_input_is_refused_and_the_input_kept(tmp_path, seed_graph_file, command):
    papers = tmp_path / "papers.txt"
    papers.write_bytes(SEED.read_bytes())
    graph = tmp_path / "graph.json"
    graph.write_bytes(seed_graph_file.read_bytes())
    args = [a.format(papers=papers, graph=graph, out=tmp_path / "out.json") for a in command]
    clobbered = papers if "{papers}" in command[command.index("-o") + 1 :] else graph
    before = clobbered.read_bytes()
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr == f"Error: output {clobbered} is also an input; write the output to another path\n"
    assert clobbered.read_bytes() == before


def test_build_may_write_over_the_graph_it_updates(tmp_path, seed_graph_file):
    graph = tmp_path / "graph.json"
    graph.write_bytes(seed_graph_file.read_bytes())
    result = run("-q", "build", SEED_FILES[1], "--update", graph, "-o", graph)
    assert result.exit_code == 0, result.stderr
    assert json.loads(graph.read_text())  # still a graph, now with the second listing


# ---------------------------------------------------------------------------------------------------
# F13: names holding Rich markup are shown literally, never parsed


def test_graph_file_name_with_brackets_is_shown_literally_in_build_and_stats(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # a short name: the title is not wrapped
    path = "g[/x].json"
    result = run("build", SEED, "-o", path)
    assert result.exit_code == 0, result.stderr
    assert f"Graph {path}" in result.stdout
    stats = run("stats", "-g", path)
    assert stats.exit_code == 0 and f"Graph {path}" in stats.stdout


def test_catalog_method_name_with_markup_is_shown_literally_in_query_tables(tmp_path):
    catalog = tmp_path / "markup.jsonl"
    catalog.write_text('{"name": "Zap[/]Net", "year": 2019, "aliases": ["ZapNetAlias"]}\n'
                       '{"name": "[bold]Zing", "year": 2019}\n', encoding="utf-8")
    papers = tmp_path / "papers.jsonl"
    papers.write_text(json.dumps({"title": "Zapping", "abstract": "We build on ZapNetAlias and compare to [bold]Zing."}) + "\n",
                      encoding="utf-8")
    graph = tmp_path / "g.json"
    assert run("-q", "build", papers, "--catalog", catalog, "-o", graph).exit_code == 0
    method = run("method", "ZapNetAlias", "-g", graph)
    assert method.exit_code == 0, method.stderr
    assert "Papers linked to Zap[/]Net" in method.stdout
    bridge = run("bridge", "ZapNetAlias", "[bold]Zing", "-g", graph)
    assert bridge.exit_code == 0, bridge.stderr
    assert "Papers bridging Zap[/]Net and [bold]Zing" in " ".join(bridge.stdout.split())


# ---------------------------------------------------------------------------------------------------
# F1: link skips a file it cannot read, as load and build do


def test_link_skips_missing_empty_and_unrecognised_files_and_links_the_rest(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    stray = tmp_path / "README"
    stray.write_text("Notes about this folder.\nNothing to link here.\n")
    out = tmp_path / "linked.jsonl"
    result = run("link", SEED, tmp_path / "missing.jsonl", empty, stray, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert f"skipped {tmp_path / 'missing.jsonl'}: file not found\n" in result.stderr
    assert f"skipped {empty}: file is empty\n" in result.stderr
    assert f"skipped {stray}: cannot detect the format" in result.stderr
    assert len(out.read_text().splitlines()) == 22


def test_link_strict_stops_at_a_missing_file(tmp_path):
    result = run("link", SEED, tmp_path / "missing.jsonl", "--strict")
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / 'missing.jsonl'}: file not found\n"
    assert result.stdout == ""


def test_link_with_no_readable_file_is_an_error(tmp_path):
    result = run("link", tmp_path / "missing.jsonl", tmp_path / "missing2.jsonl")
    assert result.exit_code == 2
    assert result.stderr.endswith("missing2.jsonl: file not found\nError: no input file could be read\n")
    one = run("link", tmp_path / "missing.jsonl")
    assert one.stderr == f"Error: {tmp_path / 'missing.jsonl'}: file not found\n"


# ---------------------------------------------------------------------------------------------------
# F6: missing parent directories of every output are created


def test_html_and_load_create_missing_parent_directories(tmp_path, seed_graph_file):
    page = tmp_path / "new" / "sub" / "view.html"
    assert run("-q", "html", seed_graph_file, "-o", page).exit_code == 0
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    papers = tmp_path / "new2" / "papers.jsonl"
    assert run("-q", "load", SEED, "-o", papers).exit_code == 0
    assert len(papers.read_text().splitlines()) == 22
    built = run("-q", "build", SEED, "-o", tmp_path / "g.json", "--html", tmp_path / "new3" / "g.html")
    assert built.exit_code == 0 and (tmp_path / "new3" / "g.html").exists()


# ---------------------------------------------------------------------------------------------------
# F3: control characters in a title never reach the terminal


def test_paper_header_strips_terminal_control_characters(tmp_path):
    papers = tmp_path / "evil.jsonl"
    title = "\x1b[31mANSI\x1b[0m Red \x1b]8;;https://evil.example\x07link\x1b]8;;\x07 \x00Title"
    papers.write_text(json.dumps({"id": "2301.00003", "title": title, "abstract": "We fine-tune BERT.", "year": 2023}) + "\n")
    graph = tmp_path / "g.json"
    assert run("-q", "build", papers, "-o", graph).exit_code == 0
    result = run("paper", "2301.00003", "-g", graph)
    assert result.exit_code == 0, result.stderr
    header = result.stdout.splitlines()[0]
    assert header == "[31mANSI[0m Red ]8;;https://evil.examplelink]8;; Title [2301.00003] 2023"
    assert not any(c in result.stdout for c in "\x1b\x07\x00")


# ---------------------------------------------------------------------------------------------------
# F20, F19: pipes


def _relwork(*args: object) -> subprocess.Popen:
    """`python -m relwork ARGS` in a child process (this environment: the same relwork)."""
    return subprocess.Popen([sys.executable, "-m", "relwork", *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_closed_pipe_ends_link_quietly(tmp_path):
    reader = _relwork("-q", "link", *SEED_FILES)
    reader.stdout.readline()
    reader.stdout.close()  # like `| head -1`
    stderr = reader.stderr.read().decode()
    assert reader.wait() != 0
    assert stderr == ""


def test_dash_output_writes_papers_to_stdout(tmp_path):
    loaded = run("load", SEED, "-o", "-")
    assert loaded.exit_code == 0, loaded.stderr
    assert [json.loads(line)["title"] for line in loaded.stdout.splitlines()][:1] == [
        json.loads(run("link", SEED).stdout.splitlines()[0])["title"]]
    assert not Path("-").exists()
    linked = run("link", SEED, "-o", "-")
    assert linked.exit_code == 0 and len(linked.stdout.splitlines()) == 22


# ---------------------------------------------------------------------------------------------------
# F24, F23: -q hides the load table; long titles are cut in tables


def test_quiet_load_prints_no_table():
    result = run("-q", "load", SEED)
    assert result.exit_code == 0
    assert result.stdout == "" and result.stderr == ""


def test_very_long_title_is_cut_in_tables_but_kept_in_json(tmp_path):
    papers = tmp_path / "long.jsonl"
    title = "A " + "very " * 20000 + "long title"
    papers.write_text(json.dumps({"title": title, "abstract": "We fine-tune BERT and compare to RoBERTa."}) + "\n")
    graph = tmp_path / "g.json"
    assert run("-q", "build", papers, "-o", graph).exit_code == 0
    table = run("stats", "-g", graph)
    assert table.exit_code == 0 and len(table.stdout) < 10_000 and "…" in table.stdout
    assert json.loads(run("stats", "-g", graph, "--json").stdout)["top_papers"][0]["title"] == title


def test_relation_heading_is_the_canonical_relation(seed_graph_file):
    result = run("method", "Transformer", "-r", "Compares-To", "-g", seed_graph_file)
    assert result.exit_code == 0
    assert result.stdout.startswith("Transformer: compares_to")


# ---------------------------------------------------------------------------------------------------
# F12: the answer sentence goes to stdout with the tables


def test_query_answer_sentences_are_on_stdout(seed_graph_file):
    result = run("method", "IC-Mamba", "-r", "compares_to", "-g", seed_graph_file)
    assert result.exit_code == 0
    assert result.stdout == "No paper in the graph has a compares_to link to IC-Mamba.\n" and result.stderr == ""


# ---------------------------------------------------------------------------------------------------
# F21: the error classes the README names are importable from relwork


def test_error_classes_are_exported_from_the_package():
    import relwork
    from relwork import CatalogError, ExportError, GraphError, InputError, RelworkError
    from relwork.loaders import load_papers

    assert all(issubclass(cls, RelworkError) for cls in (InputError, CatalogError, GraphError, ExportError))
    assert {"RelworkError", "InputError", "CatalogError", "GraphError", "ExportError"} <= set(relwork.__all__)
    with pytest.raises(InputError, match="file not found"):
        load_papers(["no-such-file.jsonl"], strict=True)


# ---------------------------------------------------------------------------------------------------
# F16: a title shared by several papers says so


def test_paper_with_a_shared_title_names_the_other_papers(tmp_path):
    papers = tmp_path / "dups.jsonl"
    papers.write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "2101.00021", "title": "Same Title", "abstract": "We use VGG.", "year": 2021},
        {"id": "2101.00022", "title": "Same Title", "abstract": "We use ResNet.", "year": 2021},
    ]))
    graph = tmp_path / "g.json"
    assert run("-q", "build", papers, "-o", graph).exit_code == 0
    result = run("paper", "same title", "-g", graph)
    assert result.exit_code == 0
    assert result.stdout.startswith("Same Title [2101.00021] 2021\n")
    assert result.stderr == "2 papers have this title; showing 2101.00021 (the others: 2101.00022 (2021); name one by its id)\n"
    by_id = run("paper", "2101.00022", "-g", graph, "--json")
    assert [r["id"] for r in json.loads(by_id.stdout)["same_title"]] == ["2101.00021"]


# ---------------------------------------------------------------------------------------------------
# F18: a catalog that is a directory is a catalog error (exit code 3)


def test_catalog_directory_exits_with_the_catalog_error_code(tmp_path):
    result = run("link", SEED, "--catalog", tmp_path)
    assert result.exit_code == 3
    assert result.stderr == f"Error: {tmp_path}: cannot read the catalog: Is a directory\n"


@pytest.mark.parametrize("command", [["build", SEED], ["html", "{graph}"], ["export", "graphml", "{graph}"]])
def test_dash_output_is_refused_where_the_output_is_no_text_stream(tmp_path, monkeypatch, seed_graph_file, command):
    monkeypatch.chdir(tmp_path)
    result = run(*[str(a).format(graph=seed_graph_file) for a in command], "-o", "-")
    assert result.exit_code == 2
    assert result.stderr == "Error: this command cannot write to standard output ('-'); give a file name\n"
    assert not (tmp_path / "-").exists()
