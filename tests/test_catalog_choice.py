"""Which catalog a command links with: a graph written before graphs recorded their catalog stops an update
that names none (left8 item 1), and ``--catalog none`` means the built-in catalog alone on every command that
takes ``--catalog`` (item 2). Real data: the seed listings and an arXiv abstract (1804.06609) naming Sockeye."""

from __future__ import annotations

import json
from pathlib import Path

from relwork.graph.schema import method_node, paper_node

# Sockeye's catalog entry and 1804.06609's abstract naming it, as the qa7 catalog tests use them
from test_answers_qa7 import CONSTRAINED, SOCKEYE, _write_jsonl, run

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "hf-papers"
SEED = sorted(EXAMPLES.glob("*.txt"))[0]


def _graph_meta(graph: Path) -> dict:
    return json.loads(graph.read_text(encoding="utf-8"))["graph"]


def _old_graph(tmp_path: Path, *args) -> Path:
    """The seed listing's graph as a relwork before graph.catalogs wrote it: no catalog record at all."""
    graph = tmp_path / "old.json"
    assert run("-q", "build", SEED, "-o", graph, *args).exit_code == 0
    data = json.loads(graph.read_text(encoding="utf-8"))
    del data["graph"]["catalogs"]
    graph.write_text(json.dumps(data), encoding="utf-8")
    return graph


def test_build_records_the_builtin_catalog_as_an_empty_list(tmp_path):
    graph = tmp_path / "g.json"
    assert run("-q", "build", SEED, "-o", graph).exit_code == 0
    assert _graph_meta(graph)["catalogs"] == []
    new = _write_jsonl(tmp_path / "new.jsonl", CONSTRAINED)
    assert run("-q", "build", new, "--update", graph).exit_code == 0  # recorded: no flag needed


def test_update_of_a_graph_without_catalog_record_stops_and_says_what_to_pass(tmp_path):
    graph = _old_graph(tmp_path)
    before = graph.read_bytes()
    new = _write_jsonl(tmp_path / "new.jsonl", CONSTRAINED)
    result = run("build", new, "--update", graph)
    assert result.exit_code == 2
    message = " ".join(result.output.split())
    assert message.startswith(f"Error: {graph} does not record which catalog it was built with")
    assert "pass --catalog FILE if it was built with one, or --catalog none if it was built with the built-in" in message
    assert graph.read_bytes() == before  # nothing linked, nothing written


def test_update_of_an_old_graph_with_catalog_none_records_it_and_later_updates_need_no_flag(tmp_path):
    graph = _old_graph(tmp_path)
    new = _write_jsonl(tmp_path / "new.jsonl", CONSTRAINED)
    assert run("-q", "build", new, "--update", graph, "--catalog", "none").exit_code == 0
    assert _graph_meta(graph)["catalogs"] == []
    assert paper_node("1804.06609") in {n["id"] for n in json.loads(graph.read_text(encoding="utf-8"))["nodes"]}
    assert run("-q", "build", SEED, "--update", graph).exit_code == 0


def test_update_of_an_old_graph_with_its_catalog_file_links_the_new_papers_with_it(tmp_path):
    mycat = _write_jsonl(tmp_path / "mycat.jsonl", SOCKEYE)
    graph = _old_graph(tmp_path, "--catalog", mycat)
    new = _write_jsonl(tmp_path / "new.jsonl", CONSTRAINED)
    assert run("-q", "build", new, "--update", graph, "--catalog", mycat).exit_code == 0
    edges = json.loads(graph.read_text(encoding="utf-8"))["edges"]
    assert any(e["source"] == paper_node("1804.06609") and e["target"] == method_node("Sockeye") for e in edges)
    assert [c["path"] for c in _graph_meta(graph)["catalogs"]] == [str(mycat.resolve())]


def _sockeye_links(linked: Path) -> list[str]:
    [record] = [json.loads(line) for line in linked.read_text(encoding="utf-8").splitlines()]
    return [link["method"] for link in record["links"] if link["method"] == "Sockeye"]


def test_link_and_evaluate_accept_catalog_none_as_the_builtin_catalog(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no file named 'none' here: 'none' is the keyword, not a path
    papers = _write_jsonl(tmp_path / "p.jsonl", CONSTRAINED)
    mycat = _write_jsonl(tmp_path / "mycat.jsonl", SOCKEYE)
    assert run("-q", "link", papers, "--catalog", mycat, "-o", tmp_path / "with.jsonl").exit_code == 0
    assert _sockeye_links(tmp_path / "with.jsonl") == ["Sockeye"]
    result = run("-q", "link", papers, "--catalog", "none", "-o", tmp_path / "none.jsonl")
    assert result.exit_code == 0, result.output
    assert _sockeye_links(tmp_path / "none.jsonl") == []
    assert run("-q", "link", papers, "-o", tmp_path / "plain.jsonl").exit_code == 0
    assert (tmp_path / "none.jsonl").read_bytes() == (tmp_path / "plain.jsonl").read_bytes()
    gold = _write_jsonl(tmp_path / "gold.jsonl", {"pid": "1804.06609", "title": CONSTRAINED["title"],
                                                  "introduces": [], "links": []})
    result = run("evaluate", gold, papers, "--catalog", "none", "--json")
    assert result.exit_code == 0, result.output
