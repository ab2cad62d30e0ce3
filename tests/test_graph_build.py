"""build_graph: one node per paper and method, merges with origin papers, aggregated links, citation-style
edges, lineage, idempotent updates; and the graph invariants on the seed corpus."""

from __future__ import annotations

import gc
import itertools
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from relwork.core.errors import GraphError, InputError
from relwork.core.records import Introduced, Link, LinkedPaper, Paper, Source, first_submitted
from relwork.core.gctools import gc_paused
from relwork.graph.build import build_from_files, build_graph, summarize
from relwork.graph.schema import (
    BUILDS_ON,
    COMPARES_TO,
    DERIVED_FROM,
    EDGE_TYPES,
    INTRODUCES,
    MENTIONS,
    METHOD,
    NAMED_AFTER,
    PAPER,
    RELATION_TO_EDGE,
    method_node,
    paper_node,
)


def link(method, relation, evidence, *, field="abstract", start=0, cue="", confidence=0.9, surface=None):
    return Link(method, "method", relation, surface or method, field, start, start + len(method), evidence, cue, confidence)


def paper(title, abstract="", *, links=(), introduces=(), file="a.txt", line=1, **fields):
    record = Paper.create(title, abstract, source=Source(file, line, "hf-daily"), **fields)
    return LinkedPaper(record, [Introduced(n, evidence=e) for n, e in introduces], list(links))


LONGBENCH = paper(
    "Sparse attention for long documents",
    "We build on Longformer and compare with Mamba. Longformer is strong.",
    links=[
        link("Longformer", "builds_on", "We build on Longformer and compare with Mamba.", cue="build on"),
        link("Longformer", "mentions", "Longformer is strong.", start=50),
        link("Mamba", "compares_to", "We build on Longformer and compare with Mamba.", cue="compare with", start=40),
    ],
    year=2024,
)
BERT_PAPER = paper(  # the corpus copy of BERT's origin paper, without its arXiv id
    "BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
    "We introduce BERT, built on the Transformer.",
    links=[link("Transformer", "builds_on", "We introduce BERT, built on the Transformer.", cue="built on")],
    introduces=[("BERT", "We introduce BERT, built on the Transformer.")],
    year=2018,
    authors=["Jacob Devlin"],
)
FOONET = paper(
    "FooNet: fast attention",
    "We propose FooNet, which fine-tunes BERT.",
    links=[link("BERT", "builds_on", "We propose FooNet, which fine-tunes BERT.", cue="fine-tunes")],
    introduces=[("FooNet", "We propose FooNet, which fine-tunes BERT.")],
    arxiv_id="2401.00001",
    year=2024,
)
USES_FOONET = paper(
    "Applying FooNet to law",
    "We compare against FooNet and BERT.",
    links=[
        link("FooNet", "compares_to", "We compare against FooNet and BERT.", cue="compare against"),
        link("BERT", "compares_to", "We compare against FooNet and BERT.", cue="compare against", start=30),
    ],
    year=2025,
)
RECORDS = [LONGBENCH, BERT_PAPER, FOONET, USES_FOONET]


def corpus_papers(G):
    return sorted(n for n, d in G.nodes(data=True) if d["label"] == PAPER and not d["external"])


def test_build_graph_nodes_have_label_and_edges_have_type(catalog):
    G = build_graph(RECORDS, catalog)
    assert {d["label"] for _, d in G.nodes(data=True)} == {PAPER, METHOD}
    assert all(d["type"] in EDGE_TYPES for _, _, d in G.edges(data=True))
    for u, v, k, d in G.edges(keys=True, data=True):
        if G.nodes[u]["label"] == PAPER and G.nodes[v]["label"] == PAPER:
            assert k == f"{d['type']}:{d['via']}"
        else:
            assert k == d["type"]


@pytest.mark.parametrize("order", list(itertools.permutations(range(4)))[::5])
def test_build_graph_same_graph_whatever_order_or_duplication(catalog, order):
    reference = build_graph(RECORDS, catalog)
    shuffled = [RECORDS[i] for i in order]
    G = build_graph(shuffled + shuffled[:2], catalog)
    assert nx.utils.graphs_equal(G, reference)
    assert len(corpus_papers(G)) == 4


def test_build_graph_corpus_paper_merges_with_catalog_origin_by_title(catalog):
    G = build_graph([BERT_PAPER], catalog)
    node = paper_node("1810.04805")
    assert node in G and not G.nodes[node]["external"]
    assert G.nodes[node]["authors"] == ["Jacob Devlin"]
    assert G.nodes[node]["arxiv_id"] == "1810.04805"
    # the corpus paper's own INTRODUCES edge wins over the catalog's
    assert G.edges[node, method_node("BERT"), INTRODUCES]["field"] == "abstract"
    assert [n for n in G if G.nodes[n]["label"] == PAPER and "BERT" in G.nodes[n]["title"]] == [node]


def test_build_graph_corpus_paper_merges_with_catalog_origin_by_arxiv_id(catalog):
    record = paper("Longformer (preprint copy)", "Long documents.", arxiv_id="arXiv:2004.05150v2")
    user = paper("Uses Longformer", "We build on Longformer.", links=[link("Longformer", "builds_on", "We build on Longformer.")])
    G = build_graph([record, user], catalog)
    node = paper_node("2004.05150")
    assert G.nodes[node]["title"] == "Longformer (preprint copy)"
    assert not G.nodes[node]["external"]
    assert G.has_edge(corpus_papers(G)[1] if corpus_papers(G)[0] == node else corpus_papers(G)[0], node, "BUILDS_ON:Longformer")


def test_build_graph_origin_papers_are_external_nodes(catalog):
    G = build_graph([LONGBENCH], catalog)
    origin = G.nodes[paper_node("2004.05150")]
    assert origin["external"] and origin["title"] == "Longformer: The Long-Document Transformer"
    assert origin["url"] == "https://arxiv.org/abs/2004.05150"
    assert G.edges[paper_node("2004.05150"), method_node("Longformer"), INTRODUCES]["field"] == "catalog"
    # the corpus paper reaches the origin paper citation-style
    edge = G.edges[paper_node(LONGBENCH.paper.id), paper_node("2004.05150"), "BUILDS_ON:Longformer"]
    assert edge["via"] == "Longformer" and edge["cue"] == "build on"


def test_build_graph_one_edge_per_paper_method_relation_with_count(catalog):
    doubled = paper(
        "Two mentions",
        "Longformer helps. Longformer again.",
        links=[
            link("Longformer", "mentions", "Longformer again.", start=18, confidence=0.9),
            link("Longformer", "mentions", "Longformer helps.", start=0, confidence=0.9),
            link("Longformer", "mentions", "Longformer helps.", start=0, confidence=0.9),  # same span twice
            link("Longformer", "mentions", "Two Longformer", field="title", start=4, confidence=0.5),
        ],
    )
    G = build_graph([doubled], catalog)
    edges = G.get_edge_data(paper_node(doubled.paper.id), method_node("Longformer"))
    assert list(edges) == [MENTIONS]
    assert edges[MENTIONS]["count"] == 3
    assert edges[MENTIONS]["field"] == "title"  # title evidence beats higher-confidence abstract evidence


def test_build_graph_strongest_evidence_then_confidence(catalog):
    record = paper(
        "Plain",
        "a. b.",
        links=[
            link("Mamba", "compares_to", "a.", confidence=0.6),
            link("Mamba", "compares_to", "b.", confidence=0.8, start=3),
        ],
    )
    G = build_graph([record], catalog)
    assert G.edges[paper_node(record.paper.id), method_node("Mamba"), COMPARES_TO]["evidence"] == "b."


def test_build_graph_citation_style_edges_follow_introducers(catalog):
    G = build_graph(RECORDS, catalog)
    foonet, user = paper_node("2401.00001"), paper_node(USES_FOONET.paper.id)
    bert = paper_node("1810.04805")
    assert G.edges[user, foonet, "COMPARES_TO:FooNet"]["via"] == "FooNet"
    assert G.edges[foonet, bert, "BUILDS_ON:BERT"]["type"] == BUILDS_ON
    assert G.edges[user, bert, "COMPARES_TO:BERT"]["type"] == COMPARES_TO
    assert not any(u == v for u, v in G.edges())


def test_build_graph_no_citation_to_a_paper_first_submitted_later(catalog):
    """A 2018 paper's own 'Pythia v0.1' is not the 2023 Pythia suite: the link stays, the citation does not
    (arXiv ids give the submission month); an undated paper keeps its citation."""
    sentence = "This document describes Pythia v0.1, the winning entry from Facebook AI Research."
    pythia_2018 = paper("Pythia v0.1: the Winning Entry to the VQA Challenge 2018", sentence,
                        links=[link("Pythia", "mentions", sentence)], arxiv_id="1807.09956", year=2018)
    undated = paper("Scaling suites", "We train on the Pythia suite.",
                    links=[link("Pythia", "builds_on", "We train on the Pythia suite.", cue="train on")])
    G = build_graph([pythia_2018, undated], catalog)
    origin = paper_node("2304.01373")
    assert G.has_edge(paper_node("1807.09956"), method_node("Pythia"), MENTIONS)
    assert not G.has_edge(paper_node("1807.09956"), origin)
    assert G.has_edge(paper_node(undated.paper.id), origin, "BUILDS_ON:Pythia")


def test_build_graph_several_introducers_of_a_name_cite_only_the_earliest(catalog):
    later = paper("FooNet again", "We propose FooNet for speech.", introduces=[("FooNet", "We propose FooNet for speech.")],
                  arxiv_id="2405.00002", year=2024)
    G = build_graph([*RECORDS, later], catalog)
    user = paper_node(USES_FOONET.paper.id)
    assert G.has_edge(user, paper_node("2401.00001"), "COMPARES_TO:FooNet")
    assert not G.has_edge(user, paper_node("2405.00002"))
    assert G.has_edge(paper_node("2405.00002"), method_node("FooNet"), INTRODUCES)


def test_build_graph_no_citation_through_a_name_earlier_papers_already_use(catalog):
    """A 2018 paper 'introducing' LocNet is not its coiner when a 2017 paper already compares to a LocNet
    (another group's homonym): nobody's mention of LocNet cites the 2018 paper; the links stay."""
    own = "We propose LocNet, a network that localises keypoints."
    coined_2018 = paper("LocNet: keypoint localisation", own, introduces=[("LocNet", own)], arxiv_id="1803.00001", year=2018)
    earlier = "Our detector outperforms LocNet on PASCAL VOC."
    user_2017 = paper("Better boxes", earlier, links=[link("LocNet", "compares_to", earlier, cue="outperforms")],
                      arxiv_id="1706.00002", year=2017)
    later = "We build on LocNet for localisation."
    user_2019 = paper("Keypoints again", later, links=[link("LocNet", "builds_on", later, cue="build on")],
                      arxiv_id="1905.00003", year=2019)
    G = build_graph([coined_2018, user_2017, user_2019], catalog)
    coiner = paper_node("1803.00001")
    assert G.has_edge(paper_node("1905.00003"), method_node("LocNet"), BUILDS_ON)
    assert not G.has_edge(paper_node("1905.00003"), coiner)
    assert not G.has_edge(paper_node("1706.00002"), coiner)
    # without the earlier user, the later one cites the introducer
    G = build_graph([coined_2018, user_2019], catalog)
    assert G.has_edge(paper_node("1905.00003"), coiner, "BUILDS_ON:LocNet")


def test_build_graph_no_self_citation_when_paper_mentions_its_own_method(catalog):
    record = paper(
        "FooNet",
        "We propose FooNet. FooNet is fast.",
        links=[link("FooNet", "mentions", "FooNet is fast.", start=19)],
        introduces=[("FooNet", "We propose FooNet.")],
    )
    G = build_graph([record], catalog)
    assert G.number_of_edges() == 2  # INTRODUCES and MENTIONS, no P -> P


def test_build_graph_uncatalogued_method_takes_introducer_year(catalog):
    G = build_graph(RECORDS, catalog)
    foonet = G.nodes[method_node("FooNet")]
    assert (foonet["catalogued"], foonet["year"], foonet["kind"]) == (False, 2024, "method")


def test_build_graph_lineage_reaches_catalog_ancestors(catalog):
    G = build_graph([LONGBENCH], catalog)
    assert G.has_edge(method_node("Longformer"), method_node("Transformer"), DERIVED_FROM)
    assert G.has_edge(method_node("Mamba"), method_node("S4"), DERIVED_FROM)
    assert G.has_edge(method_node("S4"), method_node("HiPPO"), DERIVED_FROM)
    # catalog entries nobody links and that are no ancestor stay out
    assert method_node("LoRA") not in G


def test_build_graph_alias_resolves_to_canonical_method(catalog):
    record = paper("Aliased", "x", links=[link("Flash Attention", "mentions", "x")])
    G = build_graph([record], catalog)
    assert method_node("FlashAttention") in G and method_node("Flash Attention") not in G


def test_build_graph_without_catalog_has_no_origin_papers():
    G = build_graph(RECORDS)
    assert all(not d["external"] for _, d in G.nodes(data=True) if d["label"] == PAPER)
    assert not any(d["type"] == DERIVED_FROM for _, _, d in G.edges(data=True))


def test_build_graph_update_is_idempotent(catalog):
    G = build_graph(RECORDS[:2], catalog)
    build_graph(RECORDS[2:], catalog, graph=G)
    once = G.copy()
    build_graph(RECORDS, catalog, graph=G)
    assert nx.utils.graphs_equal(G, once)
    assert nx.utils.graphs_equal(G, build_graph(RECORDS, catalog))


def test_build_graph_update_relabels_title_node_when_arxiv_id_arrives(catalog):
    first = paper("Some Paper Title", "Uses BERT.", links=[link("BERT", "mentions", "Uses BERT.")])
    G = build_graph([first], catalog)
    second = paper("Some paper title", "Uses BERT.", arxiv_id="2402.00002", file="b.txt")
    build_graph([second], catalog, graph=G)
    assert paper_node(first.paper.id) not in G
    node = paper_node("2402.00002")
    assert G.has_edge(node, method_node("BERT"), MENTIONS)
    assert [s["file"] for s in G.nodes[node]["sources"]] == ["a.txt", "b.txt"]


def test_build_graph_different_arxiv_ids_with_same_title_stay_apart(catalog):
    a = paper("Survey", "x", arxiv_id="2401.11111")
    b = paper("Survey", "y", arxiv_id="2401.22222")
    assert len(corpus_papers(build_graph([a, b], catalog))) == 2


@pytest.mark.parametrize("bad", ["cites", "BUILDS_ON", ""])
def test_build_graph_rejects_unknown_relation(catalog, bad):
    record = paper("Bad", "x", links=[Link("BERT", "method", bad, "BERT", "abstract", 0, 4, "x")])
    with pytest.raises(GraphError, match=f"unknown relation {bad!r} for 'BERT'"):
        build_graph([record], catalog)


def test_build_graph_rejects_non_records():
    with pytest.raises(GraphError, match="expects LinkedPaper records, got dict"):
        build_graph([{"title": "x"}])


def test_summarize_counts_by_type(catalog):
    summary = summarize(build_graph(RECORDS, catalog))
    assert summary["papers"] - summary["external_papers"] == 4
    assert summary["edges"][COMPARES_TO] == 3
    assert summary["citations"][COMPARES_TO] == 3  # two via FooNet and BERT, one to Mamba's origin paper


# ---------------------------------------------------------------------------------------------------
# the seed corpus (real loaders and linker)


def test_seed_graph_edge_endpoints_exist_and_are_typed(seed_graph):
    for u, v, d in seed_graph.edges(data=True):
        assert u in seed_graph and v in seed_graph
        labels = (seed_graph.nodes[u]["label"], seed_graph.nodes[v]["label"])
        if d["type"] in (DERIVED_FROM, NAMED_AFTER):
            assert labels == (METHOD, METHOD)
        elif "via" in d:
            assert labels == (PAPER, PAPER)
        else:
            assert labels == (PAPER, METHOD)


def test_seed_graph_one_node_per_paper(seed_graph, seed_papers):
    corpus = corpus_papers(seed_graph)
    assert len(corpus) == len({p.id for p in seed_papers}) == len(seed_papers)
    titles = Counter(seed_graph.nodes[n]["title"].lower() for n in seed_graph if seed_graph.nodes[n]["label"] == PAPER)
    assert max(titles.values()) == 1


def _canonical(catalog):
    """Name -> the catalog's canonical name (introduced names such as 'PoolFormer' may be catalog aliases)."""
    from relwork.linker.catalog import alias_key

    keys = {alias_key(s): e.name for e in catalog if not e.ambiguous for s in e.surfaces}
    return lambda name: name if name in catalog else keys.get(alias_key(name), name)


def test_seed_graph_one_node_per_method(seed_graph, seed_linked, seed_catalog):
    canonical = _canonical(seed_catalog)
    names = {canonical(link.method) for record in seed_linked for link in record.links}
    methods = [d["name"] for _, d in seed_graph.nodes(data=True) if d["label"] == METHOD]
    for record in seed_linked:
        for intro in record.introduces:
            # a catalogued name introduced by a paper that is not its origin is a homonym with its own node
            assert canonical(intro.name) in methods or any(m.startswith(f"{intro.name} (") for m in methods)
            names.add(canonical(intro.name))
    assert names - {canonical(i.name) for r in seed_linked for i in r.introduces} <= set(methods)
    assert len(methods) == len(set(methods))
    # the rest are catalog ancestors of linked methods
    homonyms = {m for m in methods if m.endswith(")") and seed_catalog.get(m) is None}
    assert all(seed_catalog.get(name) for name in set(methods) - names - homonyms)


def test_seed_graph_link_edges_equal_linker_output(seed_graph, seed_linked, seed_catalog):
    """Paper -> Method edges = the linker's distinct (paper, canonical method, relation) triples."""
    canonical = _canonical(seed_catalog)
    expected = Counter()
    for record in seed_linked:
        for _, relation in {(canonical(link.method), link.relation) for link in record.links}:
            expected[RELATION_TO_EDGE[relation]] += 1
        expected[INTRODUCES] += len({canonical(intro.name) for intro in record.introduces})
    actual = Counter()
    for u, v, d in seed_graph.edges(data=True):
        if d["type"] in RELATION_TO_EDGE.values() and seed_graph.nodes[v]["label"] == METHOD:
            actual[d["type"]] += 1
        if d["type"] == INTRODUCES and d["field"] != "catalog":
            actual[INTRODUCES] += 1
    assert actual == expected


def test_seed_graph_has_citation_between_seed_papers(seed_graph):
    """A seed paper that links a method another seed paper introduces points to that paper."""
    pairs = []
    for u, v, d in seed_graph.edges(data=True):
        if "via" in d and not seed_graph.nodes[v]["external"]:
            pairs.append((seed_graph.nodes[u]["title"], d["type"], d["via"], seed_graph.nodes[v]["title"]))
    assert pairs, "expected at least one citation-style edge between two seed papers"
    for source, _, via, target in pairs:
        assert source != target


def test_build_graph_untitled_papers_keep_their_own_ids(catalog):
    a = LinkedPaper(Paper(id="custom:1", title="", abstract="x"), [], [link("BERT", "mentions", "x")])
    b = LinkedPaper(Paper(id="custom:2", title="???", abstract="y"), [], [link("BERT", "mentions", "y")])
    G = build_graph([a, b, a], catalog)
    assert {"paper:custom:1", "paper:custom:2"} <= set(G)
    assert G.has_edge("paper:custom:2", method_node("BERT"), MENTIONS)


def test_build_graph_record_without_any_identity(catalog):
    with pytest.raises(GraphError, match="a paper record has no title, arXiv id, DOI or id"):
        build_graph([LinkedPaper(Paper(id="", title="", abstract="x"))], catalog)


def test_seed_graph_homonym_introduction_gets_no_citations(seed_graph):
    """'Blockwise Compression of Transformer-based Models' introduces its own BCT; BT^2, which builds on the
    catalog's BCT (Backward Compatible Training), must not point to it, and the catalog BCT keeps its origin."""
    blockwise = next(n for n, d in seed_graph.nodes(data=True)
                     if d["label"] == PAPER and d["title"].startswith("Blockwise Compression of Transformer"))
    introduced = [v for _, v, k in seed_graph.out_edges(blockwise, keys=True) if k == INTRODUCES]
    assert "method:BCT" not in introduced
    assert any(seed_graph.nodes[v]["name"].startswith("BCT (Blockwise Compression") for v in introduced)
    assert not [u for u, _, d in seed_graph.in_edges(blockwise, data=True) if d.get("via") == "BCT"]
    origins = [u for u, _, k in seed_graph.in_edges("method:BCT", keys=True) if k == INTRODUCES]
    assert [seed_graph.nodes[u]["arxiv_id"] for u in origins] == ["2003.11942"]


@pytest.mark.parametrize("enabled", [True, False])
def test_gc_paused_restores_the_collector_state(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with pytest.raises(GraphError):
            with gc_paused():
                assert not gc.isenabled()
                build_graph(["not a record"])
        assert gc.isenabled() == enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_build_from_files_leaves_the_collector_on(tmp_path, seed_files):
    assert gc.isenabled()
    result = build_from_files(seed_files[:1])
    assert result.after["papers"] > 0 and gc.isenabled()


@pytest.mark.parametrize(
    "arxiv_id, year, submitted",
    [("1807.09956", 2019, (2018, 7)), ("cs/9901001", None, (1999, 1)), (None, 2024, (2024, 0)),
     ("not an id", None, None), (None, None, None)],
)
def test_first_submitted_reads_the_arxiv_id_month_else_the_year(arxiv_id, year, submitted):
    # the date both the linker's and the graph's date rules compare: the id's YYMM beats a later record year
    assert first_submitted(arxiv_id, year) == submitted


@pytest.mark.parametrize("as_type", [str, lambda p: p])
def test_build_from_files_takes_one_path_as_one_input(as_type, tmp_path, monkeypatch):
    """One str or Path is one input file, never iterated as characters (which loaded every file in '.')."""
    seed = sorted((Path(__file__).parent.parent / "examples" / "hf-papers").glob("*"))[0]
    (tmp_path / "papers.txt").write_bytes(seed.read_bytes())
    (tmp_path / "other.txt").write_bytes(seed.read_bytes())
    monkeypatch.chdir(tmp_path)
    result = build_from_files(as_type(Path("papers.txt")))
    assert [report.path for report in result.load.files] == ["papers.txt"]
    assert result.after["papers"] > 0


@pytest.mark.parametrize("inputs", [b"papers.jsonl", 3, [3]])
def test_build_from_files_refuses_inputs_that_are_not_paths(inputs):
    with pytest.raises(InputError, match="inputs must be"):
        build_from_files(inputs)
