"""`relwork load`: report table / JSON, exit codes, exact messages on stderr."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from relwork.cli import app

runner = CliRunner()
FIX = Path(__file__).resolve().parent / "fixtures" / "loaders"
KNOWN = "arxiv, arxiv-atom, bibtex, csv, hf-daily, json, medline, openalex, ris, s2, wos"


def run(*args: str):
    return runner.invoke(app, [str(a) for a in args])


def test_load_seed_corpus_table_and_summary(seed_files):
    result = run("load", *seed_files)
    assert result.exit_code == 0, result.stderr
    assert "Loaded papers" in result.stdout
    total = next(line for line in result.stdout.splitlines() if "total" in line)
    assert [cell.strip() for cell in total.strip("│ ").split("│")] == ["total", "", "231", "200", "31", "0"]
    assert result.stderr == "200 papers from 4 file(s): 231 records read, 31 duplicates merged, 0 skipped\n"


def test_load_json_report(seed_files):
    result = run("load", "--json", *seed_files)
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["total"] == {"files": 4, "read": 231, "kept": 200, "merged": 31, "skipped": 0, "papers": 200}
    assert data["ok"] is True
    assert [(f["format"], f["read"], f["kept"], f["merged"]) for f in data["files"]] == [
        ("hf-daily", 22, 22, 0),
        ("hf-daily", 58, 51, 7),
        ("hf-daily", 90, 81, 9),
        ("hf-daily", 61, 46, 15),
    ]
    assert result.stderr == ""


def test_load_skipped_records_exit_2_with_reasons(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"title": "A", "abstract": "x"}\n{"title": "B"}\n{"title": "C", "abstract": \n')
    result = run("load", path, tmp_path / "nope.bib")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"skipped {path}:2: record has no abstract",
        f"skipped {path}:3: malformed JSON: Expecting value (column 28)",
        f"skipped {tmp_path / 'nope.bib'}: file not found",
        "1 paper from 2 file(s): 3 records read, 0 duplicates merged, 3 skipped",
    ]


def test_load_json_lists_problems_and_exits_2(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"title,abstract\nA,x\nB\xff,y\n")
    result = run("load", "--json", path)
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert data["files"][0]["problems"] == [
        {"path": str(path), "line": 3, "reason": "bytes are not valid UTF-8 (byte 0xff at column 2)"}
    ]
    assert (data["files"][0]["read"], data["files"][0]["kept"], data["files"][0]["skipped"]) == (2, 1, 1)


def test_load_strict_stops_at_first_problem(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text('{"title": "A", "abstract": "x"}\n{"title": "B"}\n')
    result = run("load", "--strict", path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"Error: {path}:2: record has no abstract\n"


def test_load_unknown_format_name():
    result = run("load", "--format", "endnote-xml", FIX / "papers.json")
    assert result.exit_code == 2
    assert result.stderr == f"Error: unknown format 'endnote-xml'; known formats: {KNOWN}\n"


def test_load_undetectable_file(tmp_path):
    path = tmp_path / "notes.dat"
    path.write_text("just some words\n")
    result = run("load", path)
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"skipped {path}: cannot detect the format (name it: --format NAME, or --input-format NAME for link and evaluate; known formats: {KNOWN})"
    )


def test_load_many_problems_listed_only_with_verbose(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("".join(f'{{"title": "T{i}"}}\n' for i in range(12)))
    quiet_list = run("load", path)
    assert quiet_list.exit_code == 2
    lines = quiet_list.stderr.splitlines()
    assert len([line for line in lines if line.startswith("skipped ")]) == 10
    assert "... and 2 more skipped; use -v to list them all" in lines
    verbose = run("-v", "load", path)
    assert len([line for line in verbose.stderr.splitlines() if line.startswith("skipped ")]) == 12


def test_load_quiet_prints_nothing_and_the_exit_code_tells_about_skipped_records(tmp_path, seed_files):
    assert run("-q", "load", seed_files[0]).stderr == ""
    path = tmp_path / "r.jsonl"
    path.write_text('{"title": "B"}\n')
    quiet = run("-q", "load", path)
    assert (quiet.stdout, quiet.stderr, quiet.exit_code) == ("", "", 2)
    assert run("load", path).stderr.startswith(f"skipped {path}:1: record has no abstract\n")


def test_load_output_writes_merged_papers(tmp_path, seed_files):
    out = tmp_path / "papers.jsonl"
    result = run("load", "-o", out, *seed_files)
    assert result.exit_code == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(rows) == 200
    repeated = next(r for r in rows if r["title"] == "A Practical Survey on Faster and Lighter Transformers")
    assert len(repeated["sources"]) == 3
    assert result.stderr.endswith(f"; written to {out}\n")


def test_load_help_documents_formats_and_exit_codes():
    result = run("load", "--help")
    assert result.exit_code == 0
    for word in ("--format", "--strict", "--json", "--output", "hf-daily", "bibtex", "Exit code"):
        assert word in result.stdout
