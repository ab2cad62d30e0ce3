"""Citation-style edges through names coined inside the corpus (no catalog entry): a paper's link to such a name
cites the paper that introduced it only when the two share an author or write about the same subject (topical
similarity, the name's own words left out). Another group's homonym (DeepFlow for optical flow and for history
matching) keeps its Paper -> Method link but cites nobody.

Real arXiv abstracts: ``fixtures/graph/coined_homonyms.jsonl`` holds four homonym pairs (introducer, then the
paper using another thing of that name), ``fixtures/update/arxiv_pairs.jsonl`` six pairs where the second paper
really uses the first one's name; the 200 seed papers give the graph its word frequencies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from relwork.graph.build import COINED_MIN_TOPIC, _author_keys, _coinage_check, build_from_files
from relwork.graph.io import save_graph
from relwork.graph.queries import related_papers, topic_similarity, topic_words

FIXTURES = Path(__file__).parent / "fixtures"
HOMONYMS = FIXTURES / "graph" / "coined_homonyms.jsonl"
PAIRS = FIXTURES / "update" / "arxiv_pairs.jsonl"
SEEDS = sorted((Path(__file__).parent.parent / "examples" / "hf-papers").glob("*.txt"))


@pytest.fixture(scope="module")
def graph():
    return build_from_files([*SEEDS, HOMONYMS, PAIRS]).graph


def _cites(G, user: str, introducer: str) -> bool:
    return G.has_edge(f"paper:{user}", f"paper:{introducer}")


@pytest.mark.parametrize(
    "user, introducer, name",
    [
        # (DeepFlow, the first pair of the fixture, is catalogued since the twelfth session: the optical-flow paper
        # now links the catalog's DeepFlow and cites its 2013 origin, not the history-matching paper)
        ("1908.00059", "1903.09467", "SDNet"),  # a CoQA model, not the cardiac-MRI Spatial Decomposition Network
        ("1904.03568", "1901.09207", "PR2"),  # the Willow Garage robot, not probabilistic recursive reasoning
    ],
)
def test_homonym_of_a_coined_name_cites_nobody_but_keeps_its_link(graph, user, introducer, name):
    assert graph.has_edge(f"paper:{introducer}", f"method:{name}", "INTRODUCES")
    assert graph.has_edge(f"paper:{user}", f"method:{name}")
    assert not _cites(graph, user, introducer)


@pytest.mark.parametrize(
    "user, introducer, name",
    [("1907.03590", "1906.05572", "DuConv"), ("1903.06332", "1903.05784", "PASSRnet")],
)
def test_coined_name_used_on_the_same_subject_is_cited(graph, user, introducer, name):
    similarity = topic_similarity(graph)(f"paper:{user}", f"paper:{introducer}", topic_words(name))
    assert similarity >= COINED_MIN_TOPIC
    assert any(key.endswith(f":{name}") for key in graph[f"paper:{user}"][f"paper:{introducer}"])


def test_coined_name_of_a_shared_author_is_cited_on_another_subject(graph):
    """Hotels-50K (hotel recognition) is named by its authors' own paper on triplet mining: little shared
    vocabulary, but a group re-using its own dataset's name means that dataset."""
    user, introducer = "paper:1904.04370", "paper:1901.11397"
    assert topic_similarity(graph)(user, introducer, topic_words("Hotels-50K")) < COINED_MIN_TOPIC
    assert _author_keys(graph.nodes[user]["authors"]) & _author_keys(graph.nodes[introducer]["authors"])
    assert graph.has_edge(user, introducer, "MENTIONS:Hotels-50K")


def test_catalogued_name_citations_are_not_gated(graph):
    """The seed graph's citations through catalogued names (ColBERT, S4, ...) are all still there."""
    seeds_only = build_from_files(SEEDS).graph
    cited = {(u, v, k) for u, v, k in seeds_only.edges(keys=True) if u.startswith("paper:") and v.startswith("paper:")}
    assert cited and cited <= set(graph.edges(keys=True))


def test_small_graph_keeps_every_coined_citation(tmp_path):
    """Two papers are too few to weigh words: the homonym's citation stays (the gate needs 50 abstracts)."""
    rows = HOMONYMS.read_text(encoding="utf-8").splitlines()[2:4]
    (tmp_path / "pair.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    G = build_from_files([tmp_path / "pair.jsonl"]).graph
    assert _cites(G, "1908.00059", "1903.09467")  # SDNet: the CoQA model cites the cardiac-MRI network


def test_paper_without_abstract_keeps_the_citation(graph):
    """A paper known by its title only (the loaders skip such records, a library caller of ``build_graph`` may
    not) leaves the similarity nothing to judge: the check keeps the citation it refuses with the abstract."""
    G = graph.copy()
    user, introducer, words = "paper:1908.02635", "paper:1905.05749", topic_words("DeepFlow")
    assert not _coinage_check(G)(user, introducer, words)
    G.nodes[introducer]["abstract"] = ""
    assert _coinage_check(G)(user, introducer, words)


def test_update_with_the_gate_equals_one_go(tmp_path, monkeypatch):
    """Seeds and introducers first, the users (homonyms and real uses) by ``--update``: the same bytes as one go."""
    monkeypatch.chdir(tmp_path)
    rows = [json.loads(line) for path in (HOMONYMS, PAIRS) for line in path.read_text(encoding="utf-8").splitlines()]
    introducers, users = rows[0::2], rows[1::2]
    Path("intro.jsonl").write_text("".join(json.dumps(r) + "\n" for r in introducers), encoding="utf-8")
    Path("users.jsonl").write_text("".join(json.dumps(r) + "\n" for r in users), encoding="utf-8")
    save_graph(build_from_files([*SEEDS, "intro.jsonl"]).graph, "steps.json")
    updated = build_from_files(["users.jsonl"], update="steps.json").graph
    save_graph(updated, "steps.json")
    once = build_from_files([*SEEDS, "intro.jsonl", "users.jsonl"]).graph
    save_graph(once, "once.json")
    assert Path("steps.json").read_bytes() == Path("once.json").read_bytes()
    assert not _cites(updated, "1908.02635", "1905.05749") and _cites(updated, "1907.03590", "1906.05572")


def test_topic_similarity_is_the_related_work_topic(graph):
    """One similarity for both uses: ``related_papers``' ``topic`` is ``topic_similarity`` with nothing left out."""
    similarity = topic_similarity(graph)
    row = next(r for r in related_papers(graph, "1903.06332", limit=50) if r["id"] == "1903.05784")
    assert row["topic"] == round(similarity("paper:1903.06332", "paper:1903.05784"), 3)
    assert similarity("paper:1903.06332", "paper:1903.05784", topic_words("PASSRnet")) < row["topic"]


@pytest.mark.parametrize(
    "a, b, same",
    [
        (["Alceu S. Britto Jr."], ["Alceu de S. Britto Jr."], True),
        (["Ling Zhang", "Zhigang Zhu"], ["Rodney LaLonde", "Dong Zhang", "Mubarak Shah"], False),
        (["Hao Zhang", "Long Wang"], ["Xiyuan Zhang", "Haifeng Wang"], False),
        ([], ["Dong Zhang"], False),
    ],
)
def test_shared_author_needs_initial_and_last_name(a, b, same):
    assert bool(_author_keys(a) & _author_keys(b)) is same


def test_a_catalogued_homonym_takes_the_older_method(graph):
    """DeepFlow is catalogued (optical flow, 2013): the paper that uses it for optical flow links that method and
    never cites the 2019 history-matching paper of the same name."""
    assert graph.nodes["method:DeepFlow"]["catalogued"]
    assert graph.has_edge("paper:1908.02635", "method:DeepFlow")
    assert not _cites(graph, "1908.02635", "1905.05749")
