"""`relwork link` output contract and `relwork evaluate`: exit codes, exact messages, --catalog override."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from relwork.cli import app
from relwork.core.records import LinkedPaper

from conftest import FIXTURES, SEED_FILES

runner = CliRunner()
GOLD = FIXTURES / "linker" / "gold_small.jsonl"
CONTRACT = [
    "id", "title", "introduces", "links", "year", "authors", "arxiv_id", "doi", "url", "abstract", "sources",
    "categories",
]
LINK_FIELDS = ["method", "kind", "relation", "surface", "field", "start", "end", "evidence", "cue", "confidence"]


def run(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def test_link_jsonl_contract(seed_files, tmp_path):
    out = tmp_path / "linked.jsonl"
    result = run("link", *seed_files, "--format", "jsonl", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("Linked 231 papers: ")
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 231
    for record in records:
        assert list(record) == CONTRACT
        for link in record["links"]:
            assert list(link) == LINK_FIELDS
            assert link["relation"] in ("builds_on", "compares_to", "mentions")
            text = record["title"] if link["field"] == "title" else record["abstract"]
            assert text[link["start"] : link["end"]] == link["surface"]
        for item in record["introduces"]:
            assert list(item) == ["name", "kind", "aliases", "evidence"]
        assert LinkedPaper.from_dict(record).to_dict() == record
    colbert = next(r for r in records if r["title"].startswith("ColBERT:"))
    assert [i["name"] for i in colbert["introduces"]] == ["ColBERT"]
    assert "BERT" in {link["method"] for link in colbert["links"]}


def test_link_stdout_json_array_and_workers(seed_files):
    one = run("link", seed_files[0], "--format", "json")
    two = run("link", seed_files[0], "--format", "json", "--workers", "2")
    assert one.exit_code == 0 and two.exit_code == 0, one.stderr + two.stderr
    assert json.loads(one.stdout) == json.loads(two.stdout)
    assert len(json.loads(one.stdout)) == 22  # the papers of the first seed listing


def test_link_catalog_override(tmp_path):
    papers = tmp_path / "papers.jsonl"
    papers.write_text(json.dumps({"title": "Long-term memory", "abstract": "ATLAS further improves the long "
                      "context performance of Titans, achieving +80% accuracy."}) + "\n", encoding="utf-8")
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"name": "Titans", "kind": "method", "year": 2024}) + "\n", encoding="utf-8")
    result = run("link", papers, "--catalog", mine, "--input-format", "json")
    assert result.exit_code == 0, result.stderr
    links = json.loads(result.stdout)["links"]
    assert [(l["method"], l["kind"]) for l in links if l["surface"] == "Titans"] == [("Titans", "method")]


def test_link_errors(tmp_path):
    missing = run("link", tmp_path / "absent.jsonl")
    assert missing.exit_code == 2
    assert missing.stderr == f"Error: {tmp_path / 'absent.jsonl'}: file not found\n"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("{oops\n", encoding="utf-8")
    result = run("link", GOLD, "--catalog", bad)
    assert result.exit_code == 3
    assert result.stderr.startswith(f"Error: {bad}:1: invalid JSON")
    fmt = run("link", GOLD, "--format", "xml")
    assert fmt.exit_code == 2
    assert "unknown output format 'xml' (choose from jsonl, json)" in fmt.stderr
    an_input_format = run("link", GOLD, "--format", "csv")
    assert an_input_format.exit_code == 2
    assert an_input_format.stderr == (
        "Error: --format names the output format of link (jsonl, json); for an input format write --input-format csv\n")


def test_evaluate_command_json(seed_files):
    result = run("evaluate", GOLD, *seed_files, "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["papers"] == 3
    assert report["missing_papers"] == ["A paper that is not in the input"]
    assert report["links"]["tp"] == 6
    assert set(report) == {"papers", "missing_papers", "links", "relations", "introduced", "confusion", "errors", "warnings"}


def test_evaluate_command_table_from_linked_output(seed_files, tmp_path):
    out = tmp_path / "linked.jsonl"
    assert run("link", *seed_files, "-o", out).exit_code == 0
    result = run("evaluate", GOLD, "--linked", out, "--errors", "2")
    assert result.exit_code == 0, result.stderr
    assert "method links" in result.stdout and "relation accuracy" in result.stdout
    assert "Errors (first 2 of" in result.stdout


def test_evaluate_command_bootstrap_gives_intervals_around_each_score(seed_files):
    result = run("evaluate", GOLD, *seed_files, "--json", "--bootstrap", "200")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    low, high = report["intervals"]["link recall"]
    assert low <= report["links"]["recall"] <= high
    table = run("evaluate", GOLD, *seed_files, "--bootstrap", "200")
    assert "95% intervals from 200 resamples" in " ".join(table.stdout.split())


def test_evaluate_command_needs_input():
    result = run("evaluate", GOLD)
    assert result.exit_code == 2
    assert result.stderr == "Error: give paper FILES to link, or --linked FILE with 'relwork link' output\n"


def test_link_json_input_with_lone_surrogates_is_linked_and_written(tmp_path):
    """JSON can spell a lone surrogate ('\\ud800'), which no UTF-8 text holds: in a title or abstract it
    becomes U+FFFD (so the text can be matched), elsewhere the record is written with it escaped."""
    papers = tmp_path / "papers.jsonl"
    papers.write_text('{"title": "Long-term \\ud800 memory", "abstract": "We fine-tune BERT \\udc80 on it.", '
                      '"authors": ["A. \\ud800uthor"]}\n', encoding="utf-8")
    out = tmp_path / "linked.jsonl"
    result = run("link", papers, "-o", out)
    assert result.exit_code == 0, result.stderr
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["title"] == "Long-term \ufffd memory"
    assert [link["method"] for link in record["links"]] == ["BERT"]
    assert record["authors"] == ["A. \ud800uthor"]


def test_evaluate_warns_when_gold_papers_are_missing_from_the_input(seed_files):
    result = run("evaluate", GOLD, *seed_files, "--errors", "0")
    assert result.exit_code == 0
    assert result.stderr == ("Warning: 1 of 3 gold papers are not among the linked papers ('A paper that is not in the "
                             "input'); their gold links count as missed (fn), which lowers recall\n")


def test_evaluate_warning_names_the_first_five_missing_gold_titles(seed_files, tmp_path):
    """With a typo in one of 80 titles the user must learn which: the warning names up to five, --json all."""
    gold = GOLD.read_text(encoding="utf-8") + "".join(
        json.dumps({"title": f"Absent paper {n}", "links": [], "introduces": []}) + "\n" for n in range(1, 7))
    path = tmp_path / "gold.jsonl"
    path.write_text(gold, encoding="utf-8")
    result = run("evaluate", path, *seed_files, "--errors", "0")
    assert result.exit_code == 0
    assert result.stderr == ("Warning: 7 of 9 gold papers are not among the linked papers ('A paper that is not in the "
                             "input'; 'Absent paper 1'; 'Absent paper 2'; 'Absent paper 3'; 'Absent paper 4'; and 2 more "
                             "(--json lists them all)); their gold links count as missed (fn), which lowers recall\n")


def test_evaluate_errors_off_a_terminal_are_one_block_an_error_with_relations_cue_and_whole_evidence(seed_files):
    """Piped (or in a notebook) a 12-character evidence column would take a line a word: each error is a line
    with type, paper, method, gold / predicted relations and cue, then its evidence sentence on one line."""
    result = run("evaluate", GOLD, *seed_files, "--errors", "2")
    assert result.exit_code == 0
    report = json.loads(run("evaluate", GOLD, *seed_files, "--json").stdout)
    spurious, relation = report["errors"][:2]
    assert spurious["type"] == "spurious" and relation["type"] == "relation"
    lines = result.stdout.splitlines()
    at = lines.index("Errors (first 2 of 4)")
    assert lines[at + 1:] == [
        f"1. spurious | paper 1 | {spurious['method']} | predicted {spurious['predicted'][0]}; cue '{spurious['cue']}'",
        f"   evidence: {spurious['evidence']}",
        f"2. relation | paper 2 | BERT | gold compares_to; predicted {relation['predicted'][0]}; cue '{relation['cue']}'",
        f"   evidence: {relation['evidence']}",
    ]


def test_evaluate_tables_keep_titles_and_relation_names_whole_at_80_columns(seed_files):
    """A table's title is a line of its own (rich's title wrapped at the table's width) and a heading breaks
    between words only: the confusion matrix shows 'compares_to', never 'compares' / '_to'."""
    result = run("evaluate", GOLD, *seed_files, "--errors", "0")
    lines = result.stdout.splitlines()
    assert f"Evaluation against {GOLD} (3 papers, 1 not found)" in lines
    assert "Relations: gold (rows) -> predicted (columns)" in lines
    assert "compares_to" in result.stdout and "compares\n" not in result.stdout and "│ _to" not in result.stdout


def test_evaluate_with_no_gold_paper_in_the_input_is_an_error():
    result = run("evaluate", GOLD, SEED_FILES[0])  # the first listing holds none of the gold papers
    assert result.exit_code == 2
    assert result.stderr == ("Error: none of the 3 gold papers is among the linked papers (they meet by normalised "
                             "title): check that the gold file and the inputs are the same papers\n")


def test_evaluate_refuses_files_and_linked_together(seed_files, tmp_path):
    out = tmp_path / "linked.jsonl"
    assert run("link", seed_files[1], "-o", out).exit_code == 0
    result = run("evaluate", GOLD, "--linked", out, seed_files[1])
    assert result.exit_code == 2
    assert result.stderr == "Error: give paper FILES to link or --linked FILE, not both\n"


def _truncated_gzip(seed_files, tmp_path):
    """The seed papers as JSON Lines, repeated past the loaders' 64 KB detection window, gzipped and cut at 70%
    of the compressed bytes: a download that broke off."""
    import gzip

    from relwork.loaders import load_papers

    papers = load_papers(seed_files).papers
    lines = [json.dumps({"title": f"{p.title} #{i}", "abstract": p.abstract})
             for i, p in enumerate(papers * 3)]
    blob = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(blob[: len(blob) * 7 // 10])
    return path, len(lines)


def test_link_keeps_the_records_before_a_truncated_gzip_breaks_off(seed_files, tmp_path):
    """As `relwork load` does: every complete record before the break is linked, the break is one reported
    problem, the other files are linked too, with 1 and 2 workers alike; --strict stops."""
    cut, total = _truncated_gzip(seed_files, tmp_path)
    outputs = []
    for workers in (1, 2):
        out = tmp_path / f"linked{workers}.jsonl"
        result = run("link", cut, seed_files[0], "-w", workers, "-o", out)
        assert result.exit_code == 0, result.stderr
        assert "cut.jsonl.gz: corrupt gzip data after line " in result.stderr
        records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        kept = [r["title"] for r in records if " #" in r["title"]]
        assert 0.4 * total < len(kept) < total
        assert [title.rsplit(" #", 1)[1] for title in kept] == [str(i) for i in range(len(kept))]
        assert len(records) > len(kept)  # the seed file after it
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    assert run("link", cut, "--strict", "-o", tmp_path / "strict.jsonl").exit_code == 2
