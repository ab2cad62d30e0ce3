"""``build --update`` with a revised version of a paper already in the graph: the paper's links are those of
its merged record, and the graph file is byte-identical to building both versions in one go."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relwork.core.records import normalize_title
from relwork.graph.build import build_from_files
from relwork.graph.io import load_graph, save_graph
from relwork.graph.schema import METHOD, PAPER
from relwork.loaders import load_papers

SEED = Path(__file__).parent.parent / "examples" / "hf-papers" / "000_6c8c5462c50091fe.txt"
TITLE = "MiniLM: Deep Self-Attention Distillation for Task-Agnostic Compression of Pre-Trained Transformers"

# (old text, new text) in the seed abstract; every new abstract is longer, so it is the merged record's
EDITS = {
    "datasets replaced": (
        "SQuAD 2.0 and several GLUE benchmark tasks",
        "the CoNLL-2003 and OntoNotes named entity benchmarks, where it beats a BiLSTM-CRF tagger,",
    ),
    "introduced name renamed": (
        "termed as deep self-attention distillation",
        "termed as Self-Attention Value Relation Distillation (SAVRD)",
    ),
}


def _links(G, title: str) -> dict[str, set[str]]:
    """Method name -> edge types of the paper with ``title``."""
    [paper] = [n for n, d in G.nodes(data=True) if d.get("label") == PAPER and normalize_title(d["title"]) == normalize_title(title)]
    out: dict[str, set[str]] = {}
    for _, method, key in G.out_edges(paper, keys=True):
        if G.nodes[method].get("label") == METHOD:
            out.setdefault(G.nodes[method]["name"], set()).add(key)
    return out


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_update_with_revised_abstract_equals_one_go_build(edit, tmp_path, monkeypatch):
    old, new = EDITS[edit]
    [paper] = [p for p in load_papers([SEED]).papers if p.title == TITLE]
    assert old in paper.abstract
    monkeypatch.chdir(tmp_path)  # sources name the files as given: the same relative names both ways
    Path("v1.txt").write_bytes(SEED.read_bytes())
    revised = {"title": TITLE, "abstract": paper.abstract.replace(old, new)}
    Path("v2.jsonl").write_text(json.dumps(revised) + "\n", encoding="utf-8")

    save_graph(build_from_files(["v1.txt"]).graph, "steps.json")
    before = _links(load_graph("steps.json"), TITLE)
    save_graph(build_from_files(["v2.jsonl"], update="steps.json").graph, "steps.json")
    save_graph(build_from_files(["v1.txt", "v2.jsonl"]).graph, "once.json")

    assert Path("steps.json").read_bytes() == Path("once.json").read_bytes()
    after = _links(load_graph("steps.json"), TITLE)
    assert after != before  # the edit changed the paper's links, and none of the old version's survived
    gone = set(before) - set(after)
    assert gone
    G = load_graph("steps.json")
    evidence = [d["evidence"] for u, v, d in G.edges(data=True) if d.get("field") == "abstract" and old in d["evidence"]]
    assert evidence == []


def test_update_with_the_same_records_keeps_the_graph(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("v1.txt").write_bytes(SEED.read_bytes())
    save_graph(build_from_files(["v1.txt"]).graph, "g.json")
    first = Path("g.json").read_bytes()
    save_graph(build_from_files(["v1.txt"], update="g.json").graph, "g.json")
    assert Path("g.json").read_bytes() == first
