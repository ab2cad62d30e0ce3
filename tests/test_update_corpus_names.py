"""``build --update`` and names other papers introduce: an update links its papers to the names the graph's papers
introduced, the graph's papers gain links to the names the update's papers introduce, and v1 then ``--update`` v2
writes the same bytes as v1 + v2 in one go, whatever the split and order.

The pairs are real arXiv abstracts (``fixtures/update/arxiv_pairs.jsonl``): the first paper of each pair
introduces a name ('CollaGAN', 'DuConv', ...) that the second one builds on or mentions. The seed corpus has no
such pair (its papers cite each other only through catalogued names, which link without a corpus); its
citation pairs are checked too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relwork.graph.build import build_from_files
from relwork.graph.io import save_graph
from relwork.loaders import load_papers

PAIRS_FILE = Path(__file__).parent / "fixtures" / "update" / "arxiv_pairs.jsonl"
RECORDS = [json.loads(line) for line in PAIRS_FILE.read_text(encoding="utf-8").splitlines()]
BY_ID = {r["id"]: r for r in RECORDS}
# (introducer, user, name the user links to)
PAIRS = [
    ("1901.09764", "1902.00813", "CollaGAN"),
    ("1906.05572", "1907.03590", "DuConv"),
    ("1903.05784", "1903.06332", "PASSRnet"),
    ("1903.06754", "1908.02511", "Atari-HEAD"),
    ("1901.11397", "1904.04370", "Hotels-50K"),
    ("1807.00920", "1807.10894", "VideoSet"),
]
SEEDS = sorted((Path(__file__).parent.parent / "examples" / "hf-papers").glob("*.txt"))


def _write(name: str, ids: list[str]) -> str:
    Path(name).write_text("".join(json.dumps(BY_ID[i]) + "\n" for i in ids), encoding="utf-8")
    return name


def _steps(parts: list[str], graph: str = "steps.json") -> bytes:
    """v1, then each further part with ``update``; the graph file's bytes."""
    save_graph(build_from_files([parts[0]]).graph, graph)
    for part in parts[1:]:
        save_graph(build_from_files([part], update=graph).graph, graph)
    return Path(graph).read_bytes()


def _once(parts: list[str]) -> bytes:
    save_graph(build_from_files(parts).graph, "once.json")
    return Path("once.json").read_bytes()


def _has_link(graph: str, paper: str, name: str) -> bool:
    from relwork.graph.io import load_graph

    return load_graph(graph).has_edge(f"paper:{paper}", f"method:{name}")


def _cites(graph: str, user: str, introducer: str, name: str) -> bool:
    """Whether the graph has user -[*:name]-> introducer and a Paper -> Method link from user to name."""
    from relwork.graph.io import load_graph

    G = load_graph(graph)
    u, v, m = f"paper:{user}", f"paper:{introducer}", f"method:{name}"
    return any(k.endswith(f":{name}") for k in G.get_edge_data(u, v, default={})) and G.has_edge(u, m)


@pytest.mark.parametrize("first", ["introducer", "user"])
def test_update_links_names_across_batches_as_one_go(first, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # sources name the files as given: the same relative names both ways
    introducers, users = [p[0] for p in PAIRS], [p[1] for p in PAIRS]
    parts = [_write("v1.jsonl", introducers), _write("v2.jsonl", users)]
    if first == "user":
        parts.reverse()
        save_graph(build_from_files([parts[0]]).graph, "users.json")
        assert not any(_has_link("users.json", user, name) for _, user, name in PAIRS)  # the names are not known yet
    assert _steps(parts) == _once(parts)
    for introducer, user, name in PAIRS:
        assert _cites("steps.json", user, introducer, name), name


def test_update_relinks_only_graph_papers_writing_a_new_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    introducer, user, name = PAIRS[0]
    others = [p[1] for p in PAIRS[1:]] + [p[0] for p in PAIRS[1:]]
    save_graph(build_from_files([_write("v1.jsonl", [user, *others])]).graph, "g.json")
    result = build_from_files([_write("v2.jsonl", [introducer])], update="g.json")
    assert result.linked == 2  # the new paper and the one graph paper that writes its name, not the eleven
    save_graph(result.graph, "g.json")
    assert _cites("g.json", user, introducer, name)
    assert Path("g.json").read_bytes() == _once(["v1.jsonl", "v2.jsonl"])


@pytest.mark.parametrize("split", [(3, 7, 11), (1, 2, 11), (6, 9, 10)])
def test_repeated_updates_equal_one_go_and_repeat_to_the_same_bytes(split, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    ids = [r["id"] for r in RECORDS][::-1]  # users before their introducers, mostly
    bounds = [0, *split, len(ids)]
    parts = [_write(f"v{i}.jsonl", ids[a:b]) for i, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    steps = _steps(parts)
    assert steps == _once(parts)
    save_graph(build_from_files([parts[-1]], update="steps.json").graph, "steps.json")
    assert Path("steps.json").read_bytes() == steps


def test_update_with_introducer_renaming_its_name_unlinks_the_graph_users(tmp_path, monkeypatch):
    """A revised introducer that no longer coins the name takes it from its users too (they are re-linked)."""
    monkeypatch.chdir(tmp_path)
    introducer, user, name = PAIRS[0]
    _write("v1.jsonl", [introducer, user])
    revised = dict(BY_ID[introducer], abstract=BY_ID[introducer]["abstract"].replace(name, "CGAN-Imputer"))
    Path("v2.jsonl").write_text(json.dumps(revised) + "\n", encoding="utf-8")
    save_graph(build_from_files(["v1.jsonl"]).graph, "steps.json")
    assert _cites("steps.json", user, introducer, name)
    steps = _steps(["v1.jsonl", "v2.jsonl"])
    assert not _cites("steps.json", user, introducer, name)
    assert steps == _once(["v1.jsonl", "v2.jsonl"])


def test_build_does_not_depend_on_input_order(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    parts = [_write("a.jsonl", [r["id"] for r in RECORDS[:5]]), _write("b.jsonl", [r["id"] for r in RECORDS[5:]])]
    assert _once(parts) == _once(parts[::-1])


# seed papers that cite one another (citation edges of the seed graph, through catalogued names)
SEED_PAIRS = [
    ("ColBERT: Efficient and Effective Passage Search via Contextualized Late Interaction over BERT", "ColBERT"),
    ("Efficiently Modeling Long Sequences with Structured State Spaces", "S4"),
]


@pytest.mark.parametrize("first", ["introducer", "user"])
def test_update_with_seed_citation_pairs_equals_one_go(first, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    papers = load_papers(SEEDS).papers
    titles = {title for title, _ in SEED_PAIRS}
    names = {name for _, name in SEED_PAIRS}
    introducers = [p for p in papers if p.title in titles]
    users = [p for p in papers if p.title not in titles and any(n in p.abstract for n in names)][:6]
    assert len(introducers) == 2 and users

    def write(name: str, group: list) -> str:
        rows = [{"title": p.title, "abstract": p.abstract, "year": p.year, "arxiv_id": p.arxiv_id} for p in group]
        Path(name).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        return name

    parts = [write("v1.jsonl", introducers), write("v2.jsonl", users)]
    if first == "user":
        parts.reverse()
    assert _steps(parts) == _once(parts)


def test_update_with_two_workers_writes_the_same_graph(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    parts = [_write("v1.jsonl", [p[1] for p in PAIRS]), _write("v2.jsonl", [p[0] for p in PAIRS])]
    save_graph(build_from_files([parts[0]]).graph, "g.json")
    save_graph(build_from_files([parts[1]], update="g.json", workers=2).graph, "two.json")
    assert Path("two.json").read_bytes() == _steps(parts)


def test_corpus_changes_names_only_what_a_new_paper_changes():
    """The library function behind the re-link scan: a new introducer changes its own name and nothing else."""
    from relwork.linker import load_catalog
    from relwork.linker.pipeline import Linker, corpus_changes, corpus_names

    catalog = load_catalog()
    papers = {p.id: p for p in load_papers([PAIRS_FILE]).papers}
    detector = Linker(catalog, compile=False)

    def names(ids: list[str]) -> list:
        return corpus_names((i, detector.introduced(papers[i])) for i in ids)

    graph = [p[0] for p in PAIRS[1:]] + [p[1] for p in PAIRS]
    linked, read = corpus_changes(names(graph), names([*graph, PAIRS[0][0]]), catalog)
    assert "CollaGAN" in linked and not any(name in linked for _, _, name in PAIRS[1:])
    assert corpus_changes(names(graph), names(graph), catalog) == (set(), set())
