"""Queries over the graph: name resolution, bridges (ranking and path fallback), method and paper reports,
stats. Orderings are asserted exactly, since the Neo4j cookbook must reproduce them."""

from __future__ import annotations

import pytest

from relwork.core.errors import GraphError
from relwork.core.records import Introduced, Link, LinkedPaper, Paper, Source
from relwork.graph.build import build_graph, summarize
from relwork.graph.queries import (
    bridge,
    citing_papers,
    connecting_paths,
    graph_stats,
    method_family,
    method_path,
    method_report,
    most_compared,
    paper_report,
    papers_for_method,
    related_papers,
    RELATED_WEIGHTS,
    resolve_method,
    resolve_paper,
)
from relwork.graph.schema import method_node, paper_node
from relwork.linker.catalog import load_catalog


def link(method, relation, field="abstract", confidence=0.9, evidence=None):
    text = evidence or f"{relation} {method}"
    return Link(method, "method", relation, method, field, 0, len(method), text, relation.split("_")[0], confidence)


def record(title, year, *links, introduces=(), arxiv_id=None):
    paper = Paper.create(title, "abstract text", source=Source("q.txt", year, "hf-daily"), year=year, arxiv_id=arxiv_id)
    return LinkedPaper(paper, [Introduced(n, evidence=f"We propose {n}.") for n in introduces], list(links))


P1 = record("Long context with Longformer", 2024, link("Longformer", "mentions", "title"), link("Mamba", "builds_on"))
P2 = record("Hybrid attention and state spaces", 2025, link("Longformer", "builds_on"), link("Mamba", "builds_on"))
P3 = record("A benchmark of long models", 2023, link("Longformer", "compares_to"), link("Mamba", "mentions"))
P4 = record("Survey of efficient sequence models", 2022, link("Longformer", "mentions"), link("Mamba", "mentions"))
P5 = record("Kernels for attention", 2024, link("Longformer", "mentions"), link("FlashAttention", "builds_on"))
P9 = record("Sentiment with BERT", 2021, link("BERT", "builds_on"), introduces=["SentiBERT"], arxiv_id="2101.00009")
P10 = record("Legal SentiBERT", 2022, link("SentiBERT", "compares_to"))
RECORDS = [P1, P2, P3, P4, P5, P9, P10]


@pytest.fixture(scope="module")
def G():
    return build_graph(RECORDS, load_catalog())


def node(rec):
    return paper_node(rec.paper.id)


# ---------------------------------------------------------------------------------------------------
# names


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Longformer", "Longformer"),
        ("longformer", "Longformer"),
        ("LONG-FORMER", "Longformer"),
        ("flash attention", "FlashAttention"),
        ("Flash-Attention", "FlashAttention"),
        ("Mamba-1", "Mamba"),
        ("mamba1", "Mamba"),
        ("Longfromer", "Longformer"),
        ("  Mamba ", "Mamba"),
        ("sentibert", "SentiBERT"),
    ],
)
def test_resolve_method_aliases_case_fuzzy(G, name, expected):
    assert resolve_method(G, name) == method_node(expected)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Mambo", "no method named 'Mambo' in the graph; did you mean: Mamba?"),
        ("Longform", "no method named 'Longform' in the graph; did you mean: Longformer?"),
        ("quantum annealing", "no method named 'quantum annealing' in the graph"),
        ("", "empty method name"),
    ],
)
def test_resolve_method_unknown_suggests_closest(G, name, message):
    with pytest.raises(GraphError) as info:
        resolve_method(G, name)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("name", "expected"),
    [("BERT-large", "BERT"), ("bert-base-uncased", "BERT"), ("Llama-2-70b-chat", "Llama-2"), ("GPT-2 XL", "GPT-2"),
     ("LSTMs", "LSTM"), ("Transformers", "Transformer"), ("Mambaa", "Mamba")],
)
def test_resolve_method_checkpoint_plural_and_typo_names(seed_graph, name, expected):
    """What papers write ('we fine-tune BERT-large') names the method the linker links."""
    assert resolve_method(seed_graph, name) == method_node(expected)


@pytest.mark.parametrize(
    ("name", "known", "near"),
    [
        ("Mamba-3", "Mamba-3", "Mamba, Mamba-2"),
        ("FlashAttention-3", "FlashAttention-3", "FlashAttention, FlashAttention-2"),
        ("Transformer-XL", "Transformer-XL", "Transformer"),
        ("transformer xl", "Transformer-XL", "Transformer"),
        ("Llama-3", "Llama-3", "LLaMA, Llama-2"),
    ],
)
def test_resolve_method_never_takes_another_version_or_a_longer_name(seed_graph, name, known, near):
    """The seed graph has Mamba, FlashAttention(-2), Transformer and LLaMA but none of these: a fuzzy match
    that differs in a number or adds a word is another method, so it is an error naming both."""
    with pytest.raises(GraphError) as info:
        resolve_method(seed_graph, name)
    message = str(info.value)
    assert message.startswith(f"no method named {name!r} in the graph (the catalog knows {known} (")
    assert "but no paper in this graph links to it); did you mean: " + near in message


def test_resolve_method_suggestions_show_the_alias_that_matched(seed_graph):
    """No method is called 'state-space modeling' (and it is no family name); the suggestions say which
    alias made them close."""
    with pytest.raises(GraphError) as info:
        resolve_method(seed_graph, "state-space modeling")
    assert "HiSS (Hierarchical State-Space Models)" in str(info.value)
    assert "GSS (Gated State Space)" in str(info.value)


def test_resolve_method_two_uncatalogued_homonyms_is_an_error_naming_both():
    """Two papers each introduce their own CRNN (as in arXiv 2019: sound classification, dialogue acts); the
    catalog has none, so 'CRNN' must not silently answer for one of them. A catalogued homonym still wins."""
    records = [
        record("Sub-Spectrogram Segmentation for Environmental Sound Classification", 2019, introduces=["CRNN"]),
        record("Modeling Long-Range Context for Concurrent Dialogue Acts Recognition", 2019, introduces=["CRNN"]),
        record("Sentiment with BERT", 2021, link("BERT", "builds_on"), introduces=["BERT"]),
    ]
    H = build_graph(records, load_catalog())
    with pytest.raises(GraphError, match=r"^'crnn' names 2 different methods in the graph: CRNN \(Modeling Long-Range "
                       r"Context for Concurrent Dialogue Acts Re…\); CRNN \(Sub-Spectrogram .*; give the full name$"):
        resolve_method(H, "crnn")
    full = "CRNN (Modeling Long-Range Context for Concurrent Dialogue Acts Re…)"
    assert resolve_method(H, full) == method_node(full)
    assert resolve_method(H, "bert") == method_node("BERT")


def test_resolve_method_catalogued_but_unlinked_name_says_so(seed_graph):
    with pytest.raises(GraphError, match=r"^no method named 'word2vec' in the graph \(the catalog knows word2vec "
                       r"\(method, nlp, 2013\), but no paper in this graph links to it\); did you mean: wav2vec\?$"):
        resolve_method(seed_graph, "word2vec")


@pytest.mark.parametrize(
    "ref",
    ["2101.00009", "arXiv:2101.00009v3", "https://arxiv.org/abs/2101.00009", "paper:2101.00009", "sentiment with bert",
     "Sentiment with BERT!", "Sentiment with BRT"],
)
def test_resolve_paper_by_id_url_title_fuzzy(G, ref):
    assert resolve_paper(G, ref) == paper_node("2101.00009")


@pytest.mark.parametrize(
    ("ref", "arxiv"),
    [("BERT", "1810.04805"), ("mamba", "2312.00752"), ("Mamba-2", "2405.21060"), ("Transformers", "1706.03762"),
     ("Hydra", "2407.09941")],
)
def test_resolve_paper_by_the_method_it_introduced(seed_graph, ref, arxiv):
    """'relwork paper BERT' is the BERT paper, not an error listing every title with 'BERT' in it; Mamba-2's
    paper is titled 'Transformers are SSMs'; Hydra is introduced by a seed paper."""
    assert resolve_paper(seed_graph, ref) == paper_node(arxiv)


def test_resolve_paper_unique_title_fragment_beats_the_method_route(seed_graph):
    """'delta rule' is in one title (DeltaNet's parallel training paper); the delta rule method's own origin
    paper ('Adaptive Switching Circuits') is only the answer when no single title matches."""
    assert seed_graph.nodes[resolve_paper(seed_graph, "delta rule")]["title"].startswith(
        "Parallelizing Linear Transformers with the Delta Rule")


def test_resolve_paper_origin_paper_by_title(G):
    assert resolve_paper(G, "Longformer: the long-document transformer") == paper_node("2004.05150")


def test_resolve_paper_unknown(G):
    with pytest.raises(GraphError, match=r"^no paper matching 'Completely unrelated zebra study' in the graph$"):
        resolve_paper(G, "Completely unrelated zebra study")


# ---------------------------------------------------------------------------------------------------
# bridge


def test_bridge_ranks_relation_then_field_then_recency(G):
    result = bridge(G, "longformer", "mamba")
    assert (result["a"], result["b"]) == ("Longformer", "Mamba")
    assert [row["node"] for row in result["papers"]] == [node(P2), node(P1), node(P3), node(P4)]
    first = result["papers"][0]
    assert (first["a"]["type"], first["b"]["type"]) == ("BUILDS_ON", "BUILDS_ON")
    assert result["papers"][1]["a"]["field"] == "title"
    assert result["paths"] == []


def test_bridge_title_evidence_beats_recency(G):
    newer = record("Newer paper", 2026, link("Longformer", "mentions"), link("Mamba", "mentions"))
    older = record("Older paper", 2020, link("Longformer", "mentions", "title"), link("Mamba", "mentions"))
    H = build_graph([newer, older], load_catalog(), graph=G.copy())
    order = [row["node"] for row in bridge(H, "Longformer", "Mamba")["papers"]]
    assert order.index(node(older)) < order.index(node(newer)) < order.index(node(P4))


def test_bridge_limit(G):
    assert len(bridge(G, "Longformer", "Mamba", limit=2)["papers"]) == 2


def test_bridge_falls_back_to_shortest_paths(G):
    result = bridge(G, "BERT", "Mamba")
    assert result["papers"] == []
    paths = result["paths"]
    # BERT -> Transformer <- Longformer <- paper -> Mamba, lowest score first: P2 builds on both, P1 mentions one;
    # P4, with 3 links, is more specific than P3 with 4 (log2 4/3 = 0.42 bit), more than compares-to over
    # mentions is worth (0.25 bit)
    assert [p["nodes"][3]["node"] for p in paths] == [node(P2), node(P1), node(P4), node(P3)]
    assert [p["score"] for p in paths] == [7.43, 7.93, 8.01, 8.18]
    hops = paths[0]["hops"]
    assert [(h["source"], h["type"], h["target"]) for h in hops] == [
        (method_node("BERT"), "DERIVED_FROM", method_node("Transformer")),
        (method_node("Longformer"), "DERIVED_FROM", method_node("Transformer")),
        (node(P2), "BUILDS_ON", method_node("Longformer")),
        (node(P2), "BUILDS_ON", method_node("Mamba")),
    ]
    assert all(h["evidence"] for h in hops)


def test_bridge_same_method_twice(G):
    with pytest.raises(GraphError, match=r"'Mamba-1' and 'mamba' are the same method \(Mamba\)"):
        bridge(G, "Mamba-1", "mamba")


def test_connecting_paths_not_connected():
    lonely = record("Alone", 2020, link("LoRA", "mentions"))
    other = record("Elsewhere", 2020, link("Longformer", "mentions"))
    H = build_graph([lonely, other])
    assert connecting_paths(H, method_node("LoRA"), method_node("Longformer")) == []


def test_method_path_is_best_connecting_path(G):
    path = method_path(G, "BERT", "Mamba")
    assert path == bridge(G, "BERT", "Mamba")["paths"][0]
    assert path["length"] == 4


# ---------------------------------------------------------------------------------------------------
# methods


def test_papers_for_method_oldest_first(G):
    rows = papers_for_method(G, "Longformer")
    assert [(r["node"], r["type"]) for r in rows] == [
        (node(P4), "MENTIONS"),
        (node(P3), "COMPARES_TO"),
        (node(P5), "MENTIONS"),  # 2024; 'kernels ...' before 'long context ...' by title
        (node(P1), "MENTIONS"),
        (node(P2), "BUILDS_ON"),
    ]


@pytest.mark.parametrize(("relation", "expected"), [("builds_on", [P2]), ("COMPARES_TO", [P3]), ("compares-to", [P3])])
def test_papers_for_method_by_relation(G, relation, expected):
    assert [r["node"] for r in papers_for_method(G, "Longformer", relation)] == [node(r) for r in expected]


def test_papers_for_method_unknown_relation(G):
    with pytest.raises(GraphError, match=r"unknown relation 'cites' \(choose from introduces, builds_on, compares_to, mentions\)"):
        papers_for_method(G, "Longformer", "cites")


def test_method_report_origin_parents_and_lists(G):
    report = method_report(G, "longformer")
    assert report["method"]["name"] == "Longformer" and report["method"]["catalogued"]
    assert [r["node"] for r in report["introduced_by"]] == [paper_node("2004.05150")]
    assert report["introduced_by"][0]["external"]
    assert [p["name"] for p in report["parents"]] == ["Transformer"]
    assert [(r["node"], r["relations"]) for r in report["papers"]] == [
        (node(P4), ["MENTIONS"]), (node(P3), ["COMPARES_TO"]), (node(P5), ["MENTIONS"]), (node(P1), ["MENTIONS"]),
        (node(P2), ["BUILDS_ON"]),
    ]


def test_method_report_corpus_introducer(G):
    report = method_report(G, "SentiBERT")
    assert [r["node"] for r in report["introduced_by"]] == [node(P9)]
    assert [(r["node"], r["type"]) for r in report["papers"]] == [(node(P10), "COMPARES_TO")]


def test_most_compared(G):
    assert [(r["name"], r["papers"]) for r in most_compared(G)] == [("Longformer", 1), ("SentiBERT", 1)]


def test_most_compared_leaves_datasets_out(seed_graph):
    """H10: a COMPARES_TO link to GLUE (FlexiBERT's 'higher GLUE score than BERT-Mini', kept while the linker read
    FlexiBERT as a dataset of its own; since kind9 it reads a model and the link is gone, so the copy adds it back)
    would rank GLUE among the methods most compared against; a benchmark is never a baseline."""
    G = seed_graph.copy()
    flexibert = next(p for p, d in G.nodes(data=True) if str(d.get("title", "")).startswith("FlexiBERT"))
    G.add_edge(flexibert, method_node("GLUE"), key="COMPARES_TO", type="COMPARES_TO", field="abstract",
               evidence="... higher GLUE score than BERT-Mini ...", cue="than", confidence=0.8, surface="GLUE", count=1)
    rows = most_compared(G, 1000)
    assert "GLUE" in {G.nodes[m]["name"] for _, m, k in G.out_edges(flexibert, keys=True) if k == "COMPARES_TO"}
    assert rows and all(r["kind"] != "dataset" for r in rows)
    assert [r["name"] for r in rows[:3]] == ["Transformer", "BERT", "ViT"]


# ---------------------------------------------------------------------------------------------------
# papers


def test_citing_papers_strongest_type_then_newest(G):
    rows = citing_papers(G, "2004.05150")
    assert [(r["node"], r["type"], r["via"]) for r in rows] == [
        (node(P2), "BUILDS_ON", ["Longformer"]),
        (node(P3), "COMPARES_TO", ["Longformer"]),
        (node(P5), "MENTIONS", ["Longformer"]),  # 2024; 'kernels ...' before 'long context ...'
        (node(P1), "MENTIONS", ["Longformer"]),  # 2024
        (node(P4), "MENTIONS", ["Longformer"]),  # 2022
    ]


def test_citing_papers_between_corpus_papers(G):
    rows = citing_papers(G, "Sentiment with BERT")
    assert [(r["node"], r["type"], r["via"]) for r in rows] == [(node(P10), "COMPARES_TO", ["SentiBERT"])]


def test_related_papers_weigh_link_types_citations_and_lineage(G):
    """P2 builds on Longformer and Mamba (14 papers; Longformer linked by 6, Mamba by 5). The origin papers it
    cites come first (x2), then P1 (also builds on Mamba), P3 (compares to Longformer, mentions Mamba), the
    S4 paper (S4 is Mamba's catalog parent: x0.5, the commoner method's idf), Attention Is All You Need
    (Longformer's parent), the survey that only mentions both and P5 (mentions Longformer). The survey's
    method evidence is above Attention Is All You Need's. (The abstracts here are all alike, so the texts'
    similarity, which ``score`` adds, would order them otherwise: this pins the method evidence.)"""
    import math

    idf_l, idf_m = math.log(14 / 6), math.log(14 / 5)
    rows = related_papers(G, node(P2), limit=20)
    # ``methods`` is the method evidence; ``score`` scales it by the topic factor and adds the topic alone
    assert all(r["score"] == round(r["methods"] * (1 + RELATED_WEIGHTS["topic"] * r["topic"]) + RELATED_WEIGHTS["topic_alone"] * r["topic"], 3) for r in rows)
    rows = sorted((r for r in rows if r["why"]), key=lambda r: -r["methods"])
    assert [(r["node"], r["methods"]) for r in rows] == [
        (paper_node("2312.00752"), round(idf_m * 2, 3)),
        (paper_node("2004.05150"), round(idf_l * 2, 3)),
        (node(P1), round(idf_m + idf_l * 0.25, 3)),
        (node(P3), round(idf_l * 0.6 + idf_m * 0.25, 3)),
        (paper_node("2111.00396"), round(idf_m * 0.5, 3)),
        (node(P4), round((idf_l + idf_m) * 0.25, 3)),
        (paper_node("1706.03762"), round(idf_l * 0.5, 3)),
        (node(P5), round(idf_l * 0.25, 3)),
    ]
    assert rows[0]["why"] == [{"method": "Mamba", "theirs": "Mamba", "lineage": "", "mine": "BUILDS_ON",
                               "their_type": "INTRODUCES", "citation": True, "dataset": False, "weight": round(idf_m * 2, 3)}]
    assert rows[0]["citations"] == 1 and rows[2]["shared"] == ["Longformer", "Mamba"]
    assert [(w["theirs"], w["lineage"]) for w in rows[4]["why"]] == [("S4", "parent")] and rows[4]["shared"] == []


def test_related_papers_equal_scores_newest_first():
    """Two papers that build on Mamba as this one does score alike: the newer first. The Mamba paper, whose
    method all three use (a citation), comes before both; the S4 paper (Mamba's catalog parent) after."""
    import math

    a = record("Alpha on Mamba", 2023, link("Mamba", "builds_on"))
    b = record("Beta on Mamba", 2024, link("Mamba", "builds_on"))
    c = record("Gamma on Mamba", 2025, link("Mamba", "builds_on"))
    rows = related_papers(build_graph([a, b, c], load_catalog()), "Gamma on Mamba")
    assert [r["title"] for r in rows] == [
        "Mamba: Linear-Time Sequence Modeling with Selective State Spaces", "Beta on Mamba", "Alpha on Mamba",
        "Efficiently Modeling Long Sequences with Structured State Spaces",
    ]
    idf = math.log(6 / 4)  # six papers (with the origin papers of Mamba, S4, HiPPO), four linked to Mamba
    assert [r["methods"] for r in rows] == [round(idf * 2, 3), round(idf, 3), round(idf, 3), round(idf * 0.5, 3)]
    assert rows[0]["citations"] == 1


def test_related_papers_of_hydra_put_state_space_work_above_benchmark_neighbours(seed_graph):
    """Hydra builds on Mamba and beats BERT on GLUE and ViT on ImageNet. Its related work is the Mamba paper
    (it uses Mamba: a citation), the papers that build on Mamba (four of five in the top 10; Mamba Retriever
    11th) and S4; the papers that compare to Mamba or build on S4 (Mamba's catalog parent) rank above BiViT and
    'Escaping the Big Data Paradigm', which share ViT, ImageNet (and Transformer) only (sharing two datasets
    used to beat sharing Mamba), and SlimFit (BERT and ViT, Hydra's baselines) is out of the top 10."""
    rows = related_papers(seed_graph, "2407.09941", limit=1000)
    rank = {r["title"].split(":")[0]: i for i, r in enumerate(rows)}
    assert rank["Mamba"] < 3 and rows[rank["Mamba"]]["why"][0]["citation"]
    on_mamba = [r["title"].split(":")[0] for r in rows
                if any(w["theirs"] == "Mamba" and w["their_type"] == "BUILDS_ON" for w in r["why"])]
    assert len(on_mamba) == 5 and sum(rank[t] < 10 for t in on_mamba) == 4
    assert rank["Efficiently Modeling Long Sequences with Structured State Spaces"] < 10 and rank["SlimFit"] >= 10
    for title in ("Hierarchical State Space Models for Continuous Sequence-to-Sequence Modeling",
                  "Parallelizing Linear Transformers with the Delta Rule over Sequence Length",
                  "Facing Off World Model Backbones"):
        assert rank[title] < rank["BiViT"], title
    assert rank["Hierarchical State Space Models for Continuous Sequence-to-Sequence Modeling"] < rank[
        "Escaping the Big Data Paradigm with Compact Transformers"]
    facing = rows[rank["Facing Off World Model Backbones"]]
    assert facing["why"][0] | {"weight": None} == {"method": "Mamba", "theirs": "S4", "lineage": "parent", "mine": "BUILDS_ON",
                                                   "their_type": "BUILDS_ON", "citation": False, "dataset": False, "weight": None,
                                                   "hub": 11}
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)


def test_related_papers_shared_dataset_counts_least(seed_graph):
    """Hydra builds on GLUE and on Mamba: a paper building on GLUE alone gets a fifth of the weight sharing
    an equally rare method would give (the dataset factor), and one mentioning Mamba a quarter."""
    import math

    rows = related_papers(seed_graph, "2407.09941", limit=1000)
    papers = sum(1 for _, d in seed_graph.nodes(data=True) if d["label"] == "Paper")
    users = lambda m: len({u for u in seed_graph.predecessors(method_node(m)) if seed_graph.nodes[u]["label"] == "Paper"})  # noqa: E731
    matches = [w for r in rows for w in r["why"]]
    glue = next(w for w in matches if w["theirs"] == "GLUE" and w["their_type"] == "BUILDS_ON")
    assert glue["dataset"] and glue["weight"] == round(math.log(papers / users("GLUE")) * 0.2, 3)
    mention = next(w for w in matches if w["theirs"] == "Mamba" and w["their_type"] == "MENTIONS")
    # 11 candidates meet Hydra's Mamba link: more than RELATED_WEIGHTS["hub"], so they share 10 candidates' weight
    assert mention["hub"] == 11
    assert mention["weight"] == round(math.log(papers / users("Mamba")) * 0.25 * 10 / 11, 3)


def test_paper_report(G):
    report = paper_report(G, "Sentiment with BERT")
    assert report["paper"]["id"] == "2101.00009"
    assert [r["name"] for r in report["introduces"]] == ["SentiBERT"]
    assert [(r["name"], r["type"]) for r in report["links"]] == [("BERT", "BUILDS_ON")]
    assert [r["node"] for r in report["cites"]] == [paper_node("1810.04805")]
    assert [r["node"] for r in report["cited_by"]] == [node(P10)]


# ---------------------------------------------------------------------------------------------------
# stats


def test_graph_stats_counts_agree_with_summary(G):
    stats, summary = graph_stats(G), summarize(G)
    assert stats["nodes"] == {"Paper": summary["papers"], "Method": summary["methods"]}
    assert stats["edges"] == summary["edges"] and stats["citations"] == summary["citations"]
    assert stats["components"] == {"count": 1, "largest": G.number_of_nodes(), "isolated": 0}


def test_paper_report_lists_each_method_once_with_all_its_relations(seed_graph):
    """Hydra builds on and mentions Mamba, and builds on, compares to and mentions Transformer: one row each,
    the builds-on evidence shown ('a natural bidirectional extension of the Mamba model')."""
    links = paper_report(seed_graph, "2407.09941")["links"]
    assert len({r["name"] for r in links}) == len(links)
    by_name = {r["name"]: r for r in links}
    assert by_name["Mamba"]["relations"] == ["BUILDS_ON", "MENTIONS"] and by_name["Mamba"]["type"] == "BUILDS_ON"
    assert "bidirectional extension of the Mamba model" in by_name["Mamba"]["evidence"]
    assert by_name["Transformer"]["relations"] == ["BUILDS_ON", "COMPARES_TO", "MENTIONS"]
    assert by_name["BERT"]["relations"] == ["COMPARES_TO"]


def test_graph_stats_ranks_datasets_apart_from_methods(seed_graph):
    stats = graph_stats(seed_graph, top=5)
    assert [r["name"] for r in stats["top_datasets"]] == ["GLUE", "ImageNet", "COCO", "Long Range Arena", "ADE20K"]
    assert stats["top_methods"] and all(r["kind"] != "dataset" for r in stats["top_methods"])


def test_graph_stats_lists_the_most_compared_methods_without_datasets(seed_graph):
    """On the seeds Transformer is the method most papers compare against (34 of them), then BERT; GLUE, the
    dataset most papers evaluate on, is never a baseline."""
    stats = graph_stats(seed_graph, top=5)
    assert stats["top_compared"] == most_compared(seed_graph, limit=5)
    assert [(r["name"], r["papers"]) for r in stats["top_compared"][:2]] == [("Transformer", 34), ("BERT", 6)]
    assert all(r["kind"] != "dataset" for r in stats["top_compared"])


def test_graph_stats_leaders(G):
    stats = graph_stats(G, top=3)
    assert [(r["name"], r["papers"]) for r in stats["top_methods"]] == [("Longformer", 5), ("Mamba", 4), ("SentiBERT", 2)]
    # every corpus paper here has 4 neighbours: ties go by normalised title
    assert [(r["node"], r["neighbours"]) for r in stats["top_papers"]] == [(node(P3), 4), (node(P2), 4), (node(P5), 4)]


# ---------------------------------------------------------------------------------------------------
# seed corpus, checked by hand against the abstracts


def _seed_node(G, title):
    return next(n for n, d in G.nodes(data=True) if d["label"] == "Paper" and d["title"].startswith(title))


def test_seed_bridge_transformer_mamba_checked_by_hand(seed_graph):
    """Hydra 'propose[s] a natural bidirectional extension of the Mamba model' on a Transformer-style
    framework (builds on both); DeltaNet 'outperforms recent linear-time baselines such as Mamba' (compares)."""
    rows = bridge(seed_graph, "transformers", "mamba")["papers"]
    titles = [r["title"] for r in rows]
    hydra = titles.index("Hydra: Bidirectional State Space Models Through Generalized Matrix Mixers")
    delta = titles.index("Parallelizing Linear Transformers with the Delta Rule over Sequence Length")
    assert rows[hydra]["b"]["type"] == "BUILDS_ON" and "Mamba model" in rows[hydra]["b"]["evidence"]
    assert rows[delta]["b"]["type"] == "COMPARES_TO" and "baselines such as Mamba" in rows[delta]["b"]["evidence"]
    assert hydra < delta
    for row in rows:
        assert "mamba" in row["b"]["evidence"].lower()


def test_seed_bridge_bert_bart_checked_by_hand(seed_graph):
    """BART's abstract presents BART and calls it 'generalizing BERT'."""
    rows = bridge(seed_graph, "BERT", "BART")["papers"]
    bart = next(r for r in rows if r["title"].startswith("BART: Denoising"))
    assert bart["b"]["type"] == "INTRODUCES"
    assert "generalizing BERT" in bart["a"]["evidence"]


def test_seed_bridge_longformer_mamba_falls_back_to_paths(seed_graph):
    """No seed abstract names both Longformer and Mamba, so the answer is paths, each hop a real edge."""
    import networkx as nx

    result = bridge(seed_graph, "Longformer", "Mamba")
    assert result["papers"] == [] and result["paths"]
    shortest = nx.shortest_path_length(seed_graph.to_undirected(as_view=True), method_node("Longformer"), method_node("Mamba"))
    for path in result["paths"]:
        assert path["nodes"][0]["node"] == method_node("Longformer") and path["nodes"][-1]["node"] == method_node("Mamba")
        assert path["length"] == shortest == len(path["hops"])
        for hop in path["hops"]:
            assert seed_graph.edges[hop["source"], hop["target"], hop["key"]]["evidence"] == hop["evidence"]


def _middle(path):
    return [row.get("title") or row.get("name") for row in path["nodes"][1:-1]]


def test_seed_path_through_a_hub_loses_to_a_specific_path_of_equal_length(seed_graph):
    """Longformer and Mamba: the first answer went through Transformer (Longformer's catalog parent, 312 links)
    and Hydra, which builds on both Transformer and Mamba. The Long Range Arena benchmark (it evaluates
    Longformer) and the Mamba-360 survey (it uses that benchmark) say how the two meet, also in 3 hops: they
    come first, although two of their hops are mentions."""
    paths = connecting_paths(seed_graph, method_node("Longformer"), method_node("Mamba"), limit=10)
    assert _middle(paths[0]) == [
        "Long Range Arena: A Benchmark for Efficient Transformers",
        "Mamba-360: Survey of State Space Models as Transformer Alternative for Long Sequence Modelling: Methods, "
        "Applications, and Challenges",
    ]
    assert [h["type"] for h in paths[0]["hops"]] == ["MENTIONS", "BUILDS_ON", "MENTIONS"]
    hub = next(p for p in paths if _middle(p) == ["Transformer", "Hydra: Bidirectional State Space Models Through "
                                                                  "Generalized Matrix Mixers"])
    assert [h["type"] for h in hub["hops"]] == ["DERIVED_FROM", "BUILDS_ON", "BUILDS_ON"]
    assert hub["length"] == paths[0]["length"] == 3 and hub["score"] > paths[0]["score"]
    assert hub["nodes"][1]["degree"] == 312 and max(r["degree"] for r in paths[0]["nodes"][1:-1]) == 28


def test_seed_paths_prefer_specific_nodes_to_hubs(seed_graph):
    """S4 and Longformer: through the S4 paper and the Long Range Arena paper (which evaluates Longformer),
    not through Transformer; every answer has the same length, scores never go down."""
    paths = connecting_paths(seed_graph, method_node("S4"), method_node("Longformer"), limit=10)
    assert _middle(paths[0]) == ["Efficiently Modeling Long Sequences with Structured State Spaces",
                                 "Long Range Arena: A Benchmark for Efficient Transformers"]
    assert all("Transformer" not in _middle(p) for p in paths[:2]) and "Transformer" in _middle(paths[2])
    assert {p["length"] for p in paths} == {3}
    assert [p["score"] for p in paths] == sorted(p["score"] for p in paths)


@pytest.mark.parametrize(("a", "b"), [("Longformer", "Mamba"), ("FlashAttention", "LoRA"), ("BERT", "CLIP"), ("GPT-4", "S4")])
def test_seed_connecting_paths_are_the_best_scored_of_all_shortest_paths(seed_graph, a, b):
    """The documented score, recomputed over every shortest path (log2 of the degree of each node between the
    ends, each hop's cheapest edge by type and confidence, in hundredths of a bit), gives the same best five."""
    import networkx as nx

    from path_score import path_graph, path_score

    def score(nodes):
        return path_score(seed_graph, nodes)

    every = nx.all_shortest_paths(path_graph(seed_graph).to_undirected(as_view=True), method_node(a), method_node(b))
    best = sorted(score(nodes) for nodes in every)[:5]
    paths = connecting_paths(seed_graph, method_node(a), method_node(b))
    assert [p["score"] for p in paths] == best
    assert [score([r["node"] for r in p["nodes"]]) for p in paths] == best


def test_seed_paths_do_not_depend_on_the_order_the_graph_was_built_in(seed_graph):
    """Ties in score are broken by hop ranks and then node ids, so a graph holding the same nodes and edges in the
    reverse order gives the same answer. Which pairs tie moves with the linker (GPT-4 to S4 tied until the
    fourteenth session, GPT-4 to Mamba then), so the test finds the tied pairs among several and needs one."""
    import networkx as nx

    reverse = nx.MultiDiGraph()
    reverse.add_nodes_from(reversed(list(seed_graph.nodes(data=True))))
    reverse.add_edges_from(reversed(list(seed_graph.edges(keys=True, data=True))))
    pairs = [("GPT-4", "S4"), ("GPT-4", "Mamba"), ("FlashAttention", "LoRA"), ("LLaMA", "S4"), ("GPT-4", "LoRA"),
             ("Transformer", "S4")]
    tied = []
    for a, b in pairs:
        scores = [p["score"] for p in connecting_paths(seed_graph, method_node(a), method_node(b))]
        if len(scores) > 1 and scores[0] == scores[1]:
            tied.append((a, b))
    assert tied, "no pair's two best paths tie: pick pairs that do, or the tie-break goes untested"
    for a, b in tied + [("Longformer", "state-space models")]:
        assert bridge(reverse, a, b, max_paths=8)["paths"] == bridge(seed_graph, a, b, max_paths=8)["paths"]


def test_seed_family_takes_catalog_derivatives(seed_graph):
    """'Which papers compare against FlashAttention?': Lean Attention compares to FlashAttention-2, a
    catalog derivative; only family=True finds it, and the row says through which method."""
    assert method_family(seed_graph, "mamba") == [
        method_node(n) for n in ("Mamba", "Hydra", "IC-Mamba", "Mamba Retriever", "Mamba-2", "S-Mamba")]
    assert papers_for_method(seed_graph, "FlashAttention", "compares_to") == []
    rows = papers_for_method(seed_graph, "FlashAttention", "compares_to", family=True)
    assert [(r["title"][:14], r["method"]) for r in rows] == [("Lean Attention", "FlashAttention-2")]
    plain = papers_for_method(seed_graph, "Mamba", "builds_on")
    family = papers_for_method(seed_graph, "Mamba", "builds_on", family=True)
    assert "method" not in plain[0] and {r["node"] for r in plain} <= {r["node"] for r in family}
    folded = method_report(seed_graph, "Mamba", family=True)["papers"]
    assert [(r["node"], r["method"]) for r in folded if "BUILDS_ON" in r["relations"]] == [(r["node"], r["method"]) for r in family]


def test_seed_citing_papers_of_s4_paper(seed_graph):
    """S4WM ('Facing Off World Model Backbones') proposes a world model 'compatible with ... S4', and the S4
    paper is itself a seed: it merges with the catalog's origin paper and is cited through S4."""
    s4 = _seed_node(seed_graph, "Efficiently Modeling Long Sequences with Structured State Spaces")
    assert s4 == "paper:2111.00396" and not seed_graph.nodes[s4]["external"]
    rows = citing_papers(seed_graph, "2111.00396")
    s4wm = next(r for r in rows if r["title"].startswith("Facing Off World Model Backbones"))
    assert s4wm["via"] == ["S4"] and not s4wm["external"]


@pytest.fixture(scope="module")
def gun_graph():
    gun = record("Stopping GAN violence", 2017, introduces=["Generative Unadversarial Networks"], arxiv_id="1703.02528")
    return build_graph([gun, P1, P5], load_catalog())


@pytest.mark.parametrize("name", ["Generative Unadversarial Netw", "Longformers encoder"])
def test_resolve_method_a_word_or_morpheme_more_or_less_is_not_a_typo(gun_graph, name):
    """'generative adversarial networks' is one 'un' away from Generative Unadversarial Networks (fuzzy
    score above the acceptance line): a run of added or missing letters is another name, so it is the
    'no method' error with that name among the suggestions, not an answer about another method."""
    with pytest.raises(GraphError, match=f"^no method named {name!r} in the graph.*did you mean: "):
        resolve_method(gun_graph, name)


@pytest.mark.parametrize("name", ["generative adversarial networks", "Generative Adversarial Network"])
def test_resolve_method_generative_adversarial_networks_is_the_gan_family_not_gun(gun_graph, name):
    """Since GANs became a method family (graph/data/families.jsonl), 'generative adversarial networks' names
    the family: one method is refused as a family, never answered with Generative Unadversarial Networks."""
    with pytest.raises(GraphError, match=f"^{name!r} names a family of methods \\(generative adversarial networks"):
        resolve_method(gun_graph, name)


@pytest.mark.parametrize(
    ("name", "expected"),
    [("generative unadversarial netwroks", "Generative Unadversarial Networks"), ("Longfromer", "Longformer"),
     ("flash attenton", "FlashAttention"), ("Longformre", "Longformer")],
)
def test_resolve_method_keyboard_slips_still_resolve(gun_graph, name, expected):
    assert resolve_method(gun_graph, name) == method_node(expected)
