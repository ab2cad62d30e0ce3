"""Questions users ask of the graph, as plain functions ``f(G, ...)`` returning lists of plain dicts.

Every function documents its ordering completely (ties included), because the Neo4j cookbook queries
(``graph/data/cookbook*``) must give the same answers. Shared conventions:

- A paper row has ``node`` (graph node id), ``id`` (paper id), ``title``, ``year``, ``external``; a method
  row has ``node``, ``name``, ``kind``. Link details are ``type``, ``field``, ``evidence``, ``cue``,
  ``confidence`` (and ``count`` on Paper -> Method edges).
- "Strongest link" of a paper to a method: smallest (LINK_RANK[type], FIELD_RANK[field], -confidence),
  where LINK_RANK is INTRODUCES 0 < BUILDS_ON 1 < COMPARES_TO 2 < MENTIONS 3 and FIELD_RANK title 0 <
  abstract 1 < catalog 2.
- "Newest first" sorts by year descending with unknown years last; "oldest first" by year ascending with
  unknown years last, then within a year by arXiv id (submission order; papers without one after). Final
  tie-breakers are the normalised title (``normalize_title``) and then the node id.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import json
import math
import os
import re
import weakref
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources
from typing import Callable, Collection, Iterable, NamedTuple, Union

import networkx as nx
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from relwork.core.errors import GraphError
from relwork.core.records import normalize_arxiv_id, normalize_doi, normalize_title
from relwork.graph.schema import (
    BUILDS_ON,
    COMPARES_TO,
    DERIVED_FROM,
    FIELD_RANK,
    INTRODUCES,
    LINK_RANK,
    MENTIONS,
    METHOD,
    NAMED_AFTER,
    PAPER,
    method_node,
    node_key,
    paper_node,
)

LINK_TYPES = (INTRODUCES, BUILDS_ON, COMPARES_TO, MENTIONS)
CITATION_TYPES = (BUILDS_ON, COMPARES_TO, MENTIONS)
# rank of any edge when choosing the evidence for a path hop: links, then citation-style, then lineage
_HOP_RANK = {**LINK_RANK, DERIVED_FROM: len(LINK_RANK)}
FUZZY_ACCEPT = 90  # a fuzzy match at or above this score (0-100) resolves a name on its own
FUZZY_SUGGEST = 60  # suggestions offered in the error message score at least this


# ---------------------------------------------------------------------------------------------------
# small helpers


def _graph_first(function: Callable) -> Callable:
    """A query whose first argument must be a graph: anything else (None, a graph file's path, a list of linked
    papers) is a GraphError naming the query and what it got, not an AttributeError from inside networkx."""

    @functools.wraps(function)
    def query(G, *args, **kwargs):
        if not isinstance(G, nx.Graph):
            path = isinstance(G, (str, os.PathLike))
            got = f"the {type(G).__name__} {str(G)!r}; load it with load_graph(path)" if path else type(G).__name__
            raise GraphError(f"{function.__name__} takes a graph (build_graph(...) or load_graph(path)) "
                             f"as its first argument, got {got}")
        return function(G, *args, **kwargs)

    return query


def _is(G: nx.MultiDiGraph, node: str, label: str) -> bool:
    return G.nodes[node].get("label") == label


def _is_dataset(G: nx.MultiDiGraph, node: str) -> bool:
    """Whether a Method node is a dataset or benchmark (its kind): questions about methods leave them out."""
    return G.nodes[node].get("kind") == "dataset"


def _papers(G: nx.MultiDiGraph) -> Iterable[str]:
    return (n for n, d in G.nodes(data=True) if d.get("label") == PAPER)


def _methods(G: nx.MultiDiGraph) -> Iterable[str]:
    return (n for n, d in G.nodes(data=True) if d.get("label") == METHOD)


def paper_row(G: nx.MultiDiGraph, node: str) -> dict:
    """The standard description of a paper in query results."""
    d = G.nodes[node]
    return {"node": node, "id": node_key(node), "title": d.get("title", ""), "year": d.get("year"), "external": bool(d.get("external"))}


def method_row(G: nx.MultiDiGraph, node: str) -> dict:
    """The standard description of a method in query results."""
    d = G.nodes[node]
    return {"node": node, "name": d.get("name", node_key(node)), "kind": d.get("kind", "")}


def link_row(attrs: dict) -> dict:
    """The evidence of one edge; ``surface`` is the method's name as the evidence sentence writes it (a table
    cuts a long sentence around it)."""
    row = {k: attrs.get(k) for k in ("type", "field", "evidence", "cue", "confidence", "surface")}
    if "count" in attrs:
        row["count"] = attrs["count"]
    if "via" in attrs:
        row["via"] = attrs["via"]
    return row


def _strength(attrs: dict) -> tuple:
    return (
        _HOP_RANK.get(attrs.get("type"), len(_HOP_RANK)),
        FIELD_RANK.get(attrs.get("field") or "", len(FIELD_RANK)),
        -float(attrs.get("confidence") or 0.0),
    )


def _folded(edges: list[dict]) -> tuple[dict, list[str]]:
    """One paper's edges to one method as one row's parts: the strongest edge (``_strength``) and every type,
    strongest first (LINK_RANK)."""
    return min(edges, key=_strength), sorted({d["type"] for d in edges}, key=LINK_RANK.__getitem__)


def _title_key(G: nx.MultiDiGraph, node: str) -> tuple:
    return (normalize_title(G.nodes[node].get("title") or G.nodes[node].get("name") or ""), node)


def _newest(G: nx.MultiDiGraph, node: str) -> tuple:
    year = G.nodes[node].get("year")
    return (year is None, -(year or 0))


def _oldest(G: nx.MultiDiGraph, node: str) -> tuple:
    """Year ascending (unknown last), then within a year by arXiv id, which runs in submission order
    ('1901.08128' before '1905.01303'; an old-style 'cs/0703001' by its number), papers without one after."""
    attrs = G.nodes[node]
    year, arxiv = attrs.get("year"), attrs.get("arxiv_id")
    return (year is None, year or 0, not arxiv, arxiv.rsplit("/", 1)[-1] if arxiv else "")


# ---------------------------------------------------------------------------------------------------
# the graph seen through a filter

def in_category(categories: Iterable[str], wanted: Iterable[str]) -> bool:
    """Whether a paper of ``categories`` is in one of ``wanted`` (any case): the class itself, or an archive
    naming its classes ('cs' covers 'cs.CL', 'math' covers 'math.CO'; 'cs.CL' does not cover 'cs.CLX').
    The arXiv blog label 'arXiv_CL' is the class 'cs.CL' (``category_key``)."""
    have = [category_key(c) for c in categories]
    for w in (category_key(w.strip()) for w in wanted):
        if w and any(c == w or c.startswith(w + ".") for c in have):
            return True
    return False


_BLOG_LABEL = re.compile(r"arxiv_([a-z]{2})")


@functools.lru_cache(maxsize=1024)
def category_key(category: str) -> str:
    """A category compared case-blind, with the arXiv blog's 'arXiv_XX' (arxiv-amds123) read as 'cs.XX' when XX
    is one of arXiv's Computer Science classes (``loaders/data/arxiv-cs-classes.json``; every label of that corpus is)."""
    key = category.lower()
    label = _BLOG_LABEL.fullmatch(key)
    return f"cs.{label.group(1)}" if label and label.group(1).upper() in _cs_classes() else key


@functools.lru_cache(maxsize=1)
def _cs_classes() -> dict[str, str]:
    from relwork.loaders.base import arxiv_cs_classes

    return arxiv_cs_classes()


@_graph_first
def scoped(
    G: nx.MultiDiGraph, *, categories: Iterable[str] = (), since: int | None = None, until: int | None = None
) -> nx.MultiDiGraph:
    """``G`` seen through a filter on its corpus papers: only those in one of ``categories`` (``in_category``)
    and published from ``since`` to ``until`` (years, both included; a paper of unknown year is out as soon as
    either is given). Methods and the catalog's origin papers stay, so names resolve and introducers show as
    before. Every query runs on the result unchanged; it is a read-only view, no copy. ``G`` itself when no
    filter is given.

    Raises GraphError when the filter keeps none of the graph's corpus papers (a question asked of no paper
    would answer "no paper builds on X"); the message names the graph's most common categories, or the years
    of the papers in the asked categories."""
    wanted = [c for c in categories if c and c.strip()]
    if not wanted and since is None and until is None:
        return G
    if since is not None and until is not None and since > until:
        raise GraphError(f"--since {since} is after --until {until}: no paper can match")

    def in_years(attrs: dict) -> bool:
        year = attrs.get("year")
        if (since is not None or until is not None) and year is None:
            return False
        return not ((since is not None and year < since) or (until is not None and year > until))

    kept, corpus = [], 0
    for node, attrs in G.nodes(data=True):
        if attrs.get("label") != PAPER or attrs.get("external"):
            kept.append(node)
            continue
        corpus += 1
        if in_years(attrs) and (not wanted or in_category(attrs.get("categories") or (), wanted)):
            kept.append(node)
    if corpus and len(kept) == len(G) - corpus:
        raise GraphError(_no_paper_in_scope(G, wanted, since, until))
    return G.subgraph(kept)


def _no_paper_in_scope(G: nx.MultiDiGraph, wanted: list[str], since: int | None, until: int | None) -> str:
    """Why a paper filter keeps no corpus paper: no paper has the categories (here are the common ones), or
    none of those that have them is from the years (here are their years)."""
    papers = [a for _, a in G.nodes(data=True) if a.get("label") == PAPER and not a.get("external")]
    asked = " or ".join(wanted)
    if wanted:
        counts = Counter(c for a in papers for c in a.get("categories") or ())
        if not any(in_category(a.get("categories") or (), wanted) for a in papers):
            if not counts:
                return (f"no paper in the graph has category {asked}: none of its {len(papers):,} papers has a category "
                        "(BibTeX, RIS, CSV and Hugging Face records carry none)")
            common = ", ".join(f"{c} ({n:,})" for c, n in counts.most_common(5))
            return f"no paper in the graph has category {asked}; the most common categories of its papers are {common}"
        papers = [a for a in papers if in_category(a.get("categories") or (), wanted)]
    years = sorted(a["year"] for a in papers if a.get("year") is not None)
    span = (f"from {since} to {until}" if since is not None and until is not None
            else f"from {since} on" if since is not None else f"from {until} or earlier")
    which = f"of the {len(papers):,} papers in {asked}" if wanted else f"of the graph's {len(papers):,} papers"
    known = f"their years run from {years[0]} to {years[-1]}" if years else "their years are unknown"
    return f"no paper {which} is {span}; {known}"


# ---------------------------------------------------------------------------------------------------
# name resolution


def _key(text: str) -> str:
    from relwork.linker.catalog import alias_key

    return alias_key(text)


# trailing words that name a checkpoint of a method, not another method: 'BERT-base', 'Llama-2-70b-chat'
_CHECKPOINT_WORD = re.compile(
    r"(?i)^(?:base|large|small|tiny|mini|medium|xl|xxl|xxxl|huge|giant|uncased|cased|chat|instruct|it|hf"
    r"|\d+(?:\.\d+)?[bmk])$"
)
_DIGITS = re.compile(r"\d+")


def _method_surfaces(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """alias key -> Method nodes with that name or alias."""
    surfaces: dict[str, set[str]] = defaultdict(set)
    for node in _methods(G):
        d = G.nodes[node]
        for surface in [d.get("name") or node_key(node), *(d.get("aliases") or [])]:
            surfaces[_key(surface)].add(node)
    return surfaces


def _exact_or_variant(text: str, keys: dict | set) -> str | None:
    """The key in ``keys`` that ``text`` names exactly, as a plural ('LSTMs') or as a checkpoint of it
    ('BERT-base', 'Llama-2-70b-chat' -> 'Llama-2'): what the linker links in papers too; also with one
    trailing generic head noun ('BERT model', 'LSTM networks', 'ELMo embeddings': ``_HEAD_NOUN``)."""
    words = [w for w in re.split(r"[\s_/-]+", text) if w]
    head = ""
    while words:
        key = _key(" ".join(words))
        for candidate in (key, key[:-1] if len(key) > 3 and key.endswith("s") else None):
            if candidate and candidate in keys:
                return candidate if not head or _head_noun_ok(text, head, candidate) else None
        # 'BERT model' is BERT; a catalogued name is kept whole ('Pointer Network', 'Triplet Network')
        if not head and len(words) > 1 and _HEAD_NOUN.match(words[-1]) and key not in _catalog_by_key():
            head = words.pop()
            continue
        # a catalogued name is never a checkpoint of a shorter one ('Transformer-XL' is not Transformer)
        if len(words) == 1 or not _CHECKPOINT_WORD.match(words[-1]) or key in _catalog_by_key():
            return None
        words.pop()
    return None


# generic head nouns a method name is written with: 'BERT model', 'LSTM networks', 'word2vec embeddings'
_HEAD_NOUN = re.compile(r"(?i)^(?:models?|networks?|nets|embeddings?|vectors|architectures?|methods?|algorithms?)$")


def _head_noun_ok(text: str, head: str, key: str) -> bool:
    """Whether ``text`` less its head noun ``head`` may stand for the entry of ``key``: an ambiguous catalog
    entry only as written ('ELMo embeddings' is ELMo, 'world model' is not the WORLD vocoder), as the
    linker links it."""
    entry = _catalog_by_key().get(key)
    if entry is None or not entry.ambiguous:
        return True
    rest = text.strip()[: -len(head)].rstrip(" _/-")
    return rest in entry.surfaces or (rest.endswith("s") and rest[:-1] in entry.surfaces)


def _typo_of(wanted: str, surface: str) -> bool:
    """Whether a fuzzy match of key ``wanted`` to key ``surface`` can be a typo rather than another method:
    the same numbers ('FlashAttention-3' is not FlashAttention-2, 'Mamba-3' not Mamba) and no run of two or
    more characters added or left out anywhere, which is a word or morpheme, not a slip of the keyboard
    ('TransformerXL' is not Transformer, 'generative adversarial networks' not Generative UNadversarial
    Networks; 'Mambaa', 'Transfomer', 'Longfromer' are typos)."""
    if _DIGITS.findall(wanted) != _DIGITS.findall(surface):
        return False
    short, long = sorted((wanted, surface), key=len)
    if len(long) - len(short) >= 2 and (long.startswith(short) or long.endswith(short)):
        return False
    return not any(
        op in ("insert", "delete") and max(src_end - src_start, dest_end - dest_start) >= 2
        for op, src_start, src_end, dest_start, dest_end in Levenshtein.opcodes(wanted, surface)
    )


@functools.lru_cache(maxsize=1)
def _catalog_by_key() -> dict:
    """alias key -> entry of the built-in catalog ({} if it cannot be read): for hints and checkpoints."""
    try:
        from relwork.linker.catalog import load_catalog

        return {_key(surface): entry for entry in load_catalog() for surface in entry.surfaces}
    except Exception:  # noqa: BLE001 - used for hints only; a graph query must not fail on the catalog
        return {}


def _catalog_note(text: str) -> str:
    """' (the catalog knows X ...)' when the built-in catalog has the name that the graph lacks."""
    by_key = _catalog_by_key()
    key = _exact_or_variant(text, by_key)
    if key is None:
        return ""
    entry = by_key[key]
    about = ", ".join(str(x) for x in (entry.kind, entry.area, entry.year) if x)
    return f" (the catalog knows {entry.name} ({about}), but no paper in this graph links to it)"


def _resolve_exact(G: nx.MultiDiGraph, text: str, surfaces: dict[str, set[str]]) -> str | None:
    """The Method node ``text`` names exactly (node id, name or alias, plural, checkpoint), or None;
    ``surfaces`` is ``_method_surfaces(G)``."""
    if method_node(text) in G and _is(G, method_node(text), METHOD):
        return method_node(text)
    found = _exact_or_variant(text, surfaces)
    if found is None:
        return None
    nodes = sorted(surfaces[found])
    catalogued = [n for n in nodes if G.nodes[n].get("catalogued")]
    if len(nodes) == 1 or len(catalogued) == 1:
        return catalogued[0] if catalogued else nodes[0]
    # two papers' own 'CRNN's, neither the catalog's: picking one would answer for the other
    names = "; ".join(G.nodes[n].get("name", node_key(n)) for n in nodes)
    raise GraphError(f"{text!r} names {len(nodes)} different methods in the graph: {names}; give the full name")


@_graph_first
def resolve_method(G: nx.MultiDiGraph, name: str) -> str:
    """The Method node a user means by ``name``: canonical name, then alias, case and punctuation
    insensitive ('flash attention' -> FlashAttention; of several methods so named, the catalogued one, and
    an error naming them all when there is no single catalogued one), then a plural or a checkpoint of a
    name ('LSTMs', 'BERT-base', 'Llama-2-7B'), then a close fuzzy match that can only be a typo: the same
    numbers, and not a longer name ('Mamba-3', 'Transformer-XL' never resolve to Mamba, Transformer).

    Raises GraphError with up to three closest names when nothing matches well enough, and says so when
    the built-in catalog knows the name but no paper in the graph links to it.
    """
    return resolve_one_method(G, name).nodes[0]


@_graph_first
def resolve_one_method(G: nx.MultiDiGraph, name: str) -> "Resolved":
    """``resolve_method``'s answer as a ``Resolved`` (one method, ``fuzzy`` when only the typo step matched), so a
    caller that needs exactly one method can say so as ``resolve_methods``' callers do."""
    text = _method_text(name)
    surfaces = _method_surfaces(G)
    node = _resolve_exact(G, text, surfaces)
    fuzzy = node is None
    if fuzzy:
        family = _family_named(text)
        if family is not None:
            raise GraphError(f"{text!r} names a family of methods ({family.name}: {family.definition()}), not one method")
        _refuse_generic(text)
        node = _resolve_close(G, text, surfaces)
    return Resolved(G.nodes[node].get("name", node_key(node)), [node], None, False, text, fuzzy)


# Generic concepts the annotation guidelines keep out of links (besides the linker's GENERIC acronyms): no paper
# links them, so a query for one is answered by saying so, not with look-alike names ('attention' -> 'AGAN').
# A family name comes first (mixture of experts, GANs: graph/data/families.jsonl), so none is listed here.
GENERIC_CONCEPTS = frozenset(
    _key(phrase)
    for phrase in (
        "attention", "self-attention", "attention mechanism", "multi-head attention", "multi-head self-attention",
        "cross-attention", "knowledge distillation", "distillation",
        "quantization", "pruning", "contrastive learning", "encoder-decoder", "seq2seq", "sequence to sequence",
        "sequence-to-sequence", "language model", "large language model", "foundation model",
        "vision-language model", "graph neural network", "multilayer perceptron", "multi-layer perceptron",
        "neural network", "deep neural network", "deep learning", "machine learning", "reinforcement learning",
        "autoencoder", "auto-encoder", "generative model", "word embeddings", "embedding",
    )
)


def _generic_keys() -> frozenset[str]:
    """Alias keys of the generic concepts: GENERIC_CONCEPTS and the linker's generic acronyms (LLM, GNN, MoE)."""
    from relwork.linker.introduced import GENERIC

    return GENERIC_CONCEPTS | GENERIC


def _refuse_generic(text: str) -> None:
    """Raise GraphError saying so when ``text`` names a generic concept (or its plural) that no method
    node stands for, pointing at the method families a query accepts instead. A name the built-in catalog
    knows is never refused, though the linker's generic acronyms hold it too (DPO, RAG, SGD, RLHF, CoT):
    asked for and absent, it gets the catalog's answer, "the catalog knows DPO ..., but no paper links it"."""
    if _exact_or_variant(text, _catalog_by_key()) is not None:
        return
    generic = _generic_keys()
    key = _key(text)
    if key in generic or (len(key) > 3 and key.endswith("s") and key[:-1] in generic):
        families = ", ".join(sorted({f.name for f in method_families().values()}))
        raise GraphError(
            f"{text!r} is a generic concept (a family, technique, task or metric), which the catalog leaves out "
            f"on purpose: papers are linked to named methods only. Name a method, or one of the method families: "
            f"{families}"
        )


def _method_text(name: str) -> str:
    """The stripped query name; an empty one is an error."""
    text = (name or "").strip()
    if not text:
        raise GraphError("empty method name")
    return text


def _resolve_close(G: nx.MultiDiGraph, text: str, surfaces: dict[str, set[str]]) -> str:
    """The method a name no method has exactly can only be a typo of (see ``resolve_method``), else a
    GraphError with the closest names."""
    wanted = _key(text)
    matches = process.extract(wanted, list(surfaces), scorer=fuzz.ratio, limit=None, score_cutoff=FUZZY_SUGGEST)
    best: dict[str, float] = {}
    typo: dict[str, bool] = {}
    via: dict[str, str] = {}  # node -> key of its surface that matched best
    for surface, score, _ in matches:
        for node in surfaces[surface]:
            if score > best.get(node, -1.0):
                best[node], typo[node], via[node] = score, _typo_of(wanted, surface), surface
    order = sorted(best, key=lambda n: (-best[n], G.nodes[n].get("name", n)))
    if (
        order
        and best[order[0]] >= FUZZY_ACCEPT
        and typo[order[0]]
        and (len(order) == 1 or best[order[1]] < best[order[0]])
    ):
        return order[0]
    # methods whose whole name starts the query come first ('BERT' for 'BERT encoder'), longest name first
    prefixed = []
    for key in _word_prefix_keys(text):
        for node in sorted(surfaces.get(key, ())):
            if node not in prefixed:
                prefixed.append(node)
                via[node] = key
    order = prefixed + [n for n in order if n not in prefixed]
    suggestions = [_suggestion(G, n, via[n]) for n in order[:3]]
    hint = f"; did you mean: {', '.join(suggestions)}?" if suggestions else ""
    raise GraphError(f"no method named {text!r} in the graph{_catalog_note(text)}{hint}")


def _word_prefix_keys(text: str) -> list[str]:
    """Keys of the whole-word beginnings of ``text``, longest first: 'BERT base encoder' -> 'bertbase', 'bert'."""
    words = [w for w in re.split(r"[\s_/-]+", text) if w]
    return [_key(" ".join(words[:n])) for n in range(len(words) - 1, 0, -1)]


def _suggestion(G: nx.MultiDiGraph, node: str, key: str) -> str:
    """A method's name, with the alias that matched when that was not the name: 'PlaNet (Recurrent
    State-Space Model)' explains why PlaNet is offered for 'state space model'."""
    name = G.nodes[node].get("name", node_key(node))
    if _key(name) == key:
        return name
    alias = next((a for a in G.nodes[node].get("aliases") or [] if _key(a) == key), None)
    return f"{name} ({alias})" if alias else name


def _introducer(G: nx.MultiDiGraph, name: str) -> str | None:
    """The one paper that introduces the method ``name`` (exact name, alias, plural or checkpoint), if
    exactly one does: 'BERT' -> the BERT paper, even when the graph knows it only from the catalog."""
    surfaces = _method_surfaces(G)
    key = _exact_or_variant(name, surfaces)
    if key is None:
        return None
    papers = {u for m in surfaces[key] for u, _, k in G.in_edges(m, keys=True) if k == INTRODUCES and _is(G, u, PAPER)}
    return papers.pop() if len(papers) == 1 else None


@_graph_first
def resolve_paper(G: nx.MultiDiGraph, ref: str) -> str:
    """The Paper node a user means by ``ref``: node id, paper id, arXiv id or URL, DOI, exact title
    (normalised), then a close fuzzy title match with a unique best (a fragment of the title is enough:
    'delta rule'), then the one paper that introduced the method ``ref`` names ('BERT', which many titles
    contain; 'Mamba-2', whose paper is titled 'Transformers are SSMs').

    Raises GraphError with up to three closest titles when nothing matches well enough (``_closest_papers``).
    """
    return resolve_one_paper(G, ref).nodes[0]


@_graph_first
def resolve_one_paper(G: nx.MultiDiGraph, ref: str) -> "Resolved":
    """``resolve_paper``'s answer as a ``Resolved`` labelled with the paper's title: ``fuzzy`` when neither an id
    nor the exact title found it (a close or partial title, or the paper introducing a method ``ref`` names), so
    that callers say what the reference was read as, as they do for a misspelt method."""
    text = (ref or "").strip()
    if not text:
        raise GraphError("empty paper id or title")

    def found(node: str, fuzzy: bool = False) -> Resolved:
        return Resolved(G.nodes[node].get("title") or node_key(node), [node], None, False, text, fuzzy)

    for candidate in (text, paper_node(text)):
        if candidate in G and _is(G, candidate, PAPER):
            return found(candidate)
    arxiv, doi = normalize_arxiv_id(text), normalize_doi(text)
    titles: dict[str, list[str]] = defaultdict(list)
    for node in _papers(G):
        d = G.nodes[node]
        if arxiv and d.get("arxiv_id") == arxiv:
            return found(node)
        if doi and d.get("doi") == doi:
            return found(node)
        titles[normalize_title(d.get("title") or "")].append(node)
    wanted = normalize_title(text)
    if wanted in titles:
        return found(min(titles[wanted], key=lambda n: (bool(G.nodes[n].get("external")), n)))
    # token_set_ratio: word order and extra words do not matter, so a title fragment finds its paper
    matches = process.extract(wanted, list(titles), scorer=fuzz.token_set_ratio, limit=5, score_cutoff=FUZZY_SUGGEST)
    matches.sort(key=lambda m: (-m[1], m[0]))
    if matches and matches[0][1] >= FUZZY_ACCEPT and (len(matches) == 1 or matches[1][1] < matches[0][1]):
        return found(min(titles[matches[0][0]]), True)
    # a method name that is no single title's fragment ('BERT' is in many titles): its introducing paper
    introducer = _introducer(G, text)
    if introducer is not None:
        return found(introducer, True)
    closest = [n for m in matches[:3] for n in sorted(titles[m[0]])[:1]] or _closest_papers(G, titles, text, arxiv)
    suggestions = [f"{G.nodes[n].get('title')} ({node_key(n)})" for n in closest]
    hint = f"; did you mean: {'; '.join(suggestions)}?" if suggestions else ""
    raise GraphError(f"no paper matching {text!r} in the graph{hint}")


def _closest_papers(G: nx.MultiDiGraph, titles: dict[str, list[str]], text: str, arxiv: str | None) -> list[str]:
    """Up to three papers to suggest for a reference nothing matched: for an arXiv id, the papers whose id
    differs by a typo (fuzzy ratio >= 80: 2407.09914 for 2407.09941); for words, the titles sharing the most
    of them, a word weighing log(titles / titles with it), so that a shared 'mamba' counts and a shared 'for'
    hardly, and sharing at least two of the reference's words (its one word, for a one-word reference); English
    function words ('not', 'does': ``linker/data/stopwords.json``) never count (what a title with a wrong word or
    two still finds, where the fuzzy match gave nothing)."""
    from relwork.linker.catalog import stopwords

    if arxiv:
        ids = {G.nodes[n].get("arxiv_id"): n for n in _papers(G) if G.nodes[n].get("arxiv_id")}
        close = process.extract(arxiv, list(ids), scorer=fuzz.ratio, limit=3, score_cutoff=80)
        return [ids[i] for i, _, _ in sorted(close, key=lambda m: (-m[1], m[0]))]
    wanted = topic_words(text) - stopwords()
    words = {title: topic_words(title) for title in titles}
    frequency = Counter(w for ws in words.values() for w in ws & wanted)
    # two shared words at least (one for a one-word reference): one common word ('study') is no likeness
    need = min(2, len(wanted))
    score = {title: sum(math.log(len(words) / frequency[w]) for w in ws & wanted) for title, ws in words.items()
             if len(ws & wanted) >= need}
    best = sorted((t for t in score if score[t] > 0), key=lambda t: (-score[t], t))[:3]
    return [min(titles[t]) for t in best]


# ---------------------------------------------------------------------------------------------------
# bridges and paths


@_graph_first
def bridge(
    G: nx.MultiDiGraph, a: MethodName, b: MethodName, *, limit: int | None = None, max_paths: int = 5, family: bool = False,
    empty_family: bool = False,
) -> dict:
    """Papers linked to both methods ``a`` and ``b``, best first; paths when no paper links both.

    ``a`` and ``b`` may name method families ('state-space models'), and ``family=True`` also takes each
    method's catalog derivatives (see ``resolve_methods``); a paper then bridges when it links a method of
    each side, two different methods, and each side's link row names its ``method``. ``empty_family``: a
    family with no member in the graph gives no papers and no paths instead of an error (``bridge_in_words``
    may still find some).

    A paper's link to each method is its strongest edge (INTRODUCES, BUILDS_ON, COMPARES_TO or MENTIONS);
    on a side with several methods, the pair of methods with the best (rank, rank sum, field sum, then
    method names) counts. Papers are ordered by: the weaker of the two link types (LINK_RANK of the worse
    one, smaller first); then the sum of both LINK_RANKs; then the sum of both FIELD_RANKs (title evidence
    first); then newest first; then normalised title; then node id.

    Returns ``{"a": name, "b": name, "papers": [paper row + "a": link, "b": link], "paths": [...]}``;
    ``paths`` (see ``connecting_paths``) is filled only when ``papers`` is empty; with a family or
    ``family=True``, also ``a_methods`` / ``b_methods``, the method names each side stood for. An empty
    answer without ``family`` also has ``with_derivatives``: how many papers ``family=True`` would list (a
    paper on FlashAttention-2 and Mamba bridges FlashAttention and Mamba only with their derivatives).
    """
    ra = resolve_methods(G, a, family=family, empty_family=empty_family)
    rb = resolve_methods(G, b, family=family, empty_family=empty_family)
    require_different(ra.query, rb.query, ra, rb)
    name = lambda n: G.nodes[n].get("name", node_key(n))  # noqa: E731
    papers = _bridge_papers(G, ra, rb)[:limit]
    paths = [] if papers or not ra.nodes or not rb.nodes else _ranked_paths(G, ra.nodes, rb.nodes, limit=max_paths)
    result = {"a": ra.label, "b": rb.label, "papers": papers, "paths": paths}
    if ra.group or rb.group:
        result |= {"a_methods": [name(n) for n in ra.nodes], "b_methods": [name(n) for n in rb.nodes]}
    if not papers and not family:
        wider = _bridge_papers(G, resolve_methods(G, ra, family=True, empty_family=empty_family),
                               resolve_methods(G, rb, family=True, empty_family=empty_family))
        result["with_derivatives"] = len(wider)
    return result


def _bridge_papers(G: nx.MultiDiGraph, ra: Resolved, rb: Resolved) -> list[dict]:
    """``bridge``'s paper rows for the resolved sides ``ra`` and ``rb``, best first (see there)."""
    name = lambda n: G.nodes[n].get("name", node_key(n))  # noqa: E731
    papers_of = lambda nodes: {p for m in nodes for p in G.predecessors(m) if _is(G, p, PAPER)}  # noqa: E731
    set_a, set_b = set(ra.nodes), set(rb.nodes)
    rows = []
    for paper in sorted(papers_of(ra.nodes) & papers_of(rb.nodes)):
        strongest: dict[str, dict] = {}  # method of either side -> the paper's strongest edge to it
        for _, m, d in G.out_edges(paper, data=True):
            if (m in set_a or m in set_b) and (m not in strongest or _strength(d) < _strength(strongest[m])):
                strongest[m] = d
        best = None
        for ma in set_a & strongest.keys():
            for mb in set_b & strongest.keys():
                if ma == mb:
                    continue
                la, lb = strongest[ma], strongest[mb]
                rank_a, rank_b = LINK_RANK[la["type"]], LINK_RANK[lb["type"]]
                fields = FIELD_RANK.get(la.get("field"), 3) + FIELD_RANK.get(lb.get("field"), 3)
                key = (max(rank_a, rank_b), rank_a + rank_b, fields, name(ma), name(mb))
                if best is None or key < best[0]:
                    best = (key, ma, la, mb, lb)
        if best is None:
            continue
        key, ma, la, mb, lb = best
        row_a = link_row(la) | ({"method": name(ma)} if ra.group else {})
        row_b = link_row(lb) | ({"method": name(mb)} if rb.group else {})
        rows.append(((*key[:3], *_newest(G, paper), *_title_key(G, paper), *key[3:]), dict(paper_row(G, paper), a=row_a, b=row_b)))
    rows.sort(key=lambda r: r[0])
    return [row for _, row in rows]


def _node_row(G: nx.MultiDiGraph, node: str) -> dict:
    return paper_row(G, node) | {"label": PAPER} if _is(G, node, PAPER) else method_row(G, node) | {"label": METHOD}


# What a path's steps cost, in hundredths of a bit (integers, so that the Cypher cookbook query sums the same
# numbers; see connecting_paths): a hop by its edge type plus (100 - confidence in %) // 4, at most 25, so a
# weaker type never costs less than a stronger one; a node between the ends round(100 * log2(its degree)).
HOP_COST = {INTRODUCES: 0, BUILDS_ON: 25, DERIVED_FROM: 25, COMPARES_TO: 50, MENTIONS: 75}


def _hop_cost(attrs: dict) -> int:
    return HOP_COST.get(attrs.get("type"), 100) + (100 - int(100 * float(attrs.get("confidence") or 0.0))) // 4


def _node_cost(G: nx.MultiDiGraph, node: str) -> int:
    return round(100 * math.log(max(_path_degree(G, node), 1)) / math.log(2))


def _path_neighbours(G: nx.MultiDiGraph, node: str) -> set[str]:
    """The nodes a path may step to from ``node`` (either direction): a NAMED_AFTER tie is a name, not a link a
    paper states, so paths never take one (IC-Mamba is no hop to Mamba). Tested by length and membership: comparing
    the keys view with a set ran collections.abc's Python ``__le__`` for every neighbour (half a bridge's time)."""
    return {w for adjacent in (G.succ[node], G.pred[node]) for w, keys in adjacent.items()
            if len(keys) != 1 or NAMED_AFTER not in keys}


def _path_degree(G: nx.MultiDiGraph, node: str) -> int:
    """``node``'s degree without its NAMED_AFTER ties (see ``_path_neighbours``)."""
    ties = sum(1 for adjacent in (G.succ[node], G.pred[node]) for keys in adjacent.values() if NAMED_AFTER in keys)
    return G.degree(node) - ties


@_graph_first
def connecting_paths(G: nx.MultiDiGraph, source: str, target: str, *, limit: int = 5) -> list[dict]:
    """The most specific shortest paths between two nodes, ignoring edge direction, with every hop's evidence.

    Only shortest paths are candidates, ranked by ``score`` (lower first), in bits: a path through a specific
    paper says more than one through a hub such as Transformer, which hundreds of papers link, and a builds-on
    hop more than a mention. The score adds, for every node between the two ends, log2 of its degree (what
    picking its one link among all its links takes: 8.3 bits for a node with 312 links, 3.3 for a paper with
    10), and for every hop ``HOP_COST`` of its type (introduces 0, builds on and derived from 0.25, compares
    to 0.5, mentions 0.75 bits) plus up to 0.25 for a low confidence; each term is rounded to 0.01 bit
    (``_node_cost``, ``_hop_cost``). Each hop takes the cheapest edge between its two nodes, either direction
    (ties: the strongest, ``_strength``, then the smaller key). Ties in score go to the stronger hops (sum of
    hop ranks: INTRODUCES 0, BUILDS_ON 1, COMPARES_TO 2, MENTIONS 3, DERIVED_FROM 4), then to the smaller
    node ids. The ``limit`` best of all shortest paths are returned. Returns ``[]`` when the nodes are not
    connected; each path is ``{"length", "score", "nodes": [node rows + "degree"], "hops": [{"source",
    "target", "key", ...link row}]}`` where source -> target is the edge's own direction.
    """
    return _ranked_paths(G, [source], [target], limit=limit)


def _cheapest_edge(G: nx.MultiDiGraph, x: str, y: str) -> tuple:
    """The edge a path uses between ``x`` and ``y`` (see ``connecting_paths``) as (source, target, key, attrs)."""
    edges = [(x, y, k, d) for k, d in G.get_edge_data(x, y, default={}).items()]
    edges += [(y, x, k, d) for k, d in G.get_edge_data(y, x, default={}).items()]
    return min(edges, key=lambda e: (_hop_cost(e[3]), _strength(e[3]), str(e[2])))


def _ranked_paths(G: nx.MultiDiGraph, sources: list[str], targets: list[str], *, limit: int) -> list[dict]:
    """The ``limit`` best shortest paths from any source to the nearest targets that are not sources (for
    ``bridge``, two groups of methods), ranked as ``connecting_paths`` says, one per chain of nodes in
    between: paths that differ only in the source or target they end at (Mamba-360 mentions DSS, GSS, HiPPO,
    Hyena: one chain to four members of a family) are one path, the best of them, whose ``starts`` and
    ``ends`` list every source and target its chain reaches (node rows, by name); then the next distinct
    chains. Exact: each node keeps its ``limit`` best ways in from the sources with distinct chains, layer by
    layer of the breadth-first search; a path's key only grows along it, so every prefix of a best path is
    one of the best into its node."""
    for node in (*sources, *targets):
        if node not in G:
            raise GraphError(f"no node {node!r} in the graph")
    known: dict[str, set[str]] = {}

    def neighbours(node: str) -> set[str]:
        """``_path_neighbours``, once a node: the search asks for a node's up to three times (layers, pruning, ways)."""
        found = known.get(node)
        if found is None:
            found = known[node] = _path_neighbours(G, node)
        return found

    goal = set(targets) - set(sources)
    if not goal:
        return []
    layers, seen = [sorted(set(sources))], set(sources)
    while layers[-1] and not goal & set(layers[-1]):
        layers.append(sorted({w for v in layers[-1] for w in neighbours(v)} - seen))
        seen.update(layers[-1])
    if not layers[-1]:
        return []
    # keep only the nodes on a shortest path to a reached target, from the far end back
    keep = [sorted(goal & set(layers[-1]))]
    for layer in reversed(layers[:-1]):
        ahead = set(keep[0])
        keep.insert(0, [v for v in layer if not ahead.isdisjoint(neighbours(v))])
    best: dict[str, list[tuple]] = {s: [(0, 0, (s,))] for s in keep[0]}
    for depth in range(1, len(keep)):
        before = set(keep[depth - 1])
        for v in keep[depth]:
            ways = []
            for u in sorted(before & neighbours(v)):
                d = _cheapest_edge(G, u, v)[3]
                cost = _hop_cost(d) + (_node_cost(G, v) if depth < len(keep) - 1 else 0)
                rank = _HOP_RANK.get(d.get("type"), len(_HOP_RANK))
                ways += [(score + cost, total + rank, nodes + (v,)) for score, total, nodes in best[u]]
            best[v] = _best_chains(sorted(ways), limit, last=depth == len(keep) - 1)
    ranked = _best_chains(sorted(way for t in keep[-1] for way in best[t]), limit, last=True)
    sources, goal = set(keep[0]), set(keep[-1])
    return [_path_row(G, nodes, score, sources & neighbours(nodes[1]), goal & neighbours(nodes[-2]))
            for score, _, nodes in ranked]


def _chain(nodes: tuple, last: bool) -> tuple:
    """What tells two ways apart in ``_ranked_paths``: the nodes after the source, and on reaching a target
    the nodes in between (a one-hop path: both ends)."""
    if not last:
        return nodes[1:]
    return nodes[1:-1] if len(nodes) > 2 else nodes


def _best_chains(ways: list[tuple], limit: int, *, last: bool) -> list[tuple]:
    """The first ``limit`` of the sorted ``ways`` with distinct chains (``_chain``), each chain's best."""
    seen, kept = set(), []
    for way in ways:
        chain = _chain(way[2], last)
        if chain not in seen:
            seen.add(chain)
            kept.append(way)
            if len(kept) == limit:
                break
    return kept


def _path_row(G: nx.MultiDiGraph, nodes: tuple, score: int, starts: Iterable[str] = (), ends: Iterable[str] = ()) -> dict:
    hops = [{"source": u, "target": v, "key": k, **link_row(d)}
            for u, v, k, d in (_cheapest_edge(G, x, y) for x, y in zip(nodes, nodes[1:]))]
    rows = [_node_row(G, n) | {"degree": _path_degree(G, n)} for n in nodes]
    by_name = lambda n: (G.nodes[n].get("name") or G.nodes[n].get("title") or "", n)  # noqa: E731
    ends_rows = lambda extra, end: [_node_row(G, n) for n in sorted(set(extra) | {end}, key=by_name)]  # noqa: E731
    if len(nodes) == 2:  # no chain in between: the path reaches its own two ends only
        starts, ends = (), ()
    return {"length": len(hops), "score": score / 100, "nodes": rows, "hops": hops,
            "starts": ends_rows(starts, nodes[0]), "ends": ends_rows(ends, nodes[-1])}


@_graph_first
def method_path(G: nx.MultiDiGraph, a: str, b: str) -> dict | None:
    """The most specific shortest connection between two methods (the first of ``connecting_paths``), or None."""
    ma, mb = resolve_method(G, a), resolve_method(G, b)
    if ma == mb:
        raise GraphError(f"{a!r} and {b!r} are the same method ({G.nodes[ma]['name']})")
    paths = connecting_paths(G, ma, mb, limit=1)
    return paths[0] if paths else None


# ---------------------------------------------------------------------------------------------------
# method families


MEMBERS_SHOWN = 12  # a family's definition names this many members, then counts the rest (GANs have 130)


@dataclass(frozen=True)
class Family:
    """A named group of methods that queries accept in place of one method ("state-space models"), from
    ``graph/data/families.jsonl``: catalog ``roots`` with all their catalog derivatives, single
    ``members``, and the methods (not datasets) of catalog ``areas``."""

    name: str
    aliases: tuple[str, ...] = ()
    roots: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    # the phrases a paper may name the family by in words (graph/family_words.py); None: name and aliases
    words: tuple[str, ...] | None = None

    def definition(self) -> str:
        """How the family is made, in words, so every answer says what it counted."""
        parts = [", ".join(self.roots) + " and their catalog derivatives"] if self.roots else []
        if self.members:
            shown = ", ".join(self.members[:MEMBERS_SHOWN])
            more = len(self.members) - MEMBERS_SHOWN
            parts.append(shown + (f" and {more} more catalog methods" if more > 0 else ""))
        parts += ["the catalog's " + ", ".join(self.areas) + " methods"] if self.areas else []
        return "; ".join(parts)


@functools.lru_cache(maxsize=1)
def method_families() -> dict[str, Family]:
    """alias key -> Family for every name and alias in the packaged family file."""
    text = resources.files("relwork.graph").joinpath("data/families.jsonl").read_text(encoding="utf-8")
    families: dict[str, Family] = {}
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        try:
            d = json.loads(line)
            family = Family(str(d["name"]), *(tuple(map(str, d.get(k) or ())) for k in ("aliases", "roots", "members", "areas")),
                            words=tuple(map(str, d["words"])) if d.get("words") is not None else None)
        except (ValueError, KeyError, TypeError) as exc:
            raise GraphError(f"graph/data/families.jsonl line {number}: {exc}") from exc
        for surface in (family.name, *family.aliases):
            families[_key(surface)] = family
    return families


def _family_named(text: str) -> Family | None:
    """The family ``text`` names (name or alias, any case, or their plural), if any."""
    families = method_families()
    key = _exact_or_variant(text, families)
    return families[key] if key is not None else None


def _derivatives(G: nx.MultiDiGraph, nodes: Iterable[str]) -> set[str]:
    """``nodes`` and their catalog derivatives in the graph, transitively (DERIVED_FROM: child -> parent)."""
    seen = set(nodes)
    todo = list(seen)
    while todo:
        for child, _, key in G.in_edges(todo.pop(), keys=True):
            if key == DERIVED_FROM and child not in seen:
                seen.add(child)
                todo.append(child)
    return seen


@_graph_first
def family_members(G: nx.MultiDiGraph, family: Family) -> list[str]:
    """The Method nodes of ``family`` present in the graph, ordered by name then node id: the catalogued
    methods the family file names (roots with their catalog derivatives, members, areas), then the methods
    papers introduce under the name of one of those (``_named_after``: IC-Mamba, Bio-xLSTM), which the
    catalog cannot know: "what introduces a state-space model?" then finds the paper proposing IC-Mamba."""
    root_keys = {_key(n) for n in family.roots}
    named = root_keys | {_key(n) for n in family.members}
    roots, found = [], set()
    for node in _methods(G):
        d = G.nodes[node]
        if not d.get("catalogued"):
            continue
        key = _key(d.get("name") or "")
        if key in named or (d.get("area") in family.areas and d.get("kind") != "dataset"):
            found.add(node)
        if key in root_keys:
            roots.append(node)
    found |= _derivatives(G, roots)
    found.update(_named_after(G, found))
    return sorted(found, key=lambda n: (G.nodes[n].get("name", n), n))


_NAME_PARTS = re.compile(r"[\s_/-]+")
_OWN_TITLE = re.compile(r"\s+\(.*\)$")  # 'TCN (Transferable Contrastive Network ...)': another paper's TCN


def named_after_ties(G: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """The (name, method) pairs ``build_graph`` writes as NAMED_AFTER edges: an uncatalogued Method whose name holds
    the whole name of another Method as words, case kept ('IC-Mamba', 'Vision-LSTM-X', 'Boundary Conditional GAN';
    not 'representation adapter' for Adapter, not 'S4WM' for S4), and is longer than it. A name the graph tells
    apart by its paper's title ('TCN (Transferable ...)') is another method of the same name, never tied. A method
    is never named after a dataset (AMI-Net, a network, is no AMI meeting corpus); a dataset may be named after one
    (Hindi Visual Genome), and a name typed dataset by mistake (Bio-xLSTM) still counts. On the seed graph 9 ties,
    all right (IC-Mamba, S-Mamba, Mamba Retriever, Bio-xLSTM, M2-BERT, ViT-CoMer, ...); on 18,795 arXiv abstracts
    the family queries took 72 names from this rule (31 CNNs such as Siamese Mask R-CNN, 21 RNNs such as
    Protect-LSTM, 7 GANs, 3 VAEs, 1 PEFT, 9 optimizers), 70 right and 2 arguable (MC-ISTA-Net and Frank-Wolfe
    Network, networks unrolling an optimizer)."""
    by_parts: dict[tuple, list[str]] = defaultdict(list)
    for m in _methods(G):
        by_parts[tuple(_NAME_PARTS.split(G.nodes[m].get("name") or ""))].append(m)
    longest = max(map(len, by_parts), default=0)
    ties = []
    for node in _methods(G):
        d = G.nodes[node]
        name = d.get("name") or ""
        if d.get("catalogued") or _OWN_TITLE.search(name):
            continue
        parts = [p for p in _NAME_PARTS.split(name) if p]
        dataset = _is_dataset(G, node)
        after = {m for i in range(len(parts)) for j in range(i + 1, min(len(parts), i + longest) + 1)
                 if j - i < len(parts) for m in by_parts.get(tuple(parts[i:j]), ())}
        ties += [(node, m) for m in sorted(after) if m != node and (dataset or not _is_dataset(G, m))]
    return ties


def _named_after(G: nx.MultiDiGraph, members: set[str]) -> dict[str, str]:
    """The Method nodes outside ``members`` named after one of them (NAMED_AFTER edges, ``named_after_ties``), each
    mapped to the member it is named after: the longest name it holds (Mamba-2 for 'Mamba-2 Retriever')."""
    after: dict[str, list[str]] = defaultdict(list)
    for m in members:
        for u, _, key in G.in_edges(m, keys=True):
            if key == NAMED_AFTER and u not in members:
                after[u].append(m)
    return {u: min(ms, key=lambda m: (-len(G.nodes[m].get("name") or ""), G.nodes[m].get("name") or "", m))
            for u, ms in after.items()}


class Resolved(NamedTuple):
    """What a query name stands for: a display ``label``, the Method ``nodes``, and the ``family`` when
    the name is one (``group``: the answer spans several methods, so rows name theirs); ``fuzzy`` when only the
    typo step of ``resolve_method`` matched the name as asked (``query``), which an answer should then say."""

    label: str
    nodes: list[str]
    family: Family | None
    group: bool
    query: str = ""  # the name as asked (stripped)
    fuzzy: bool = False  # only the typo step matched ``query`` ('Mambaa' read as Mamba): a caller says so


MethodName = Union[str, Resolved]  # what queries take: a name, or what ``resolve_methods`` made of it


@_graph_first
def resolve_methods(
    G: nx.MultiDiGraph, name: MethodName, *, family: bool = False, empty_family: bool = False
) -> Resolved:
    """The methods a user means by ``name``: one method as ``resolve_method`` (with ``family=True`` also
    its catalog derivatives), or, when no catalogued method has that exact name, a method family
    ("state-space models", "PEFT") with its members in the graph. A family with no member in the graph is an
    error unless ``empty_family`` (its papers may still name it in words: ``family_in_words``).

    ``name`` may be an earlier answer of this function for the same graph: a query that needs a name several ways
    (with and without derivatives) resolves it once, and every query function taking a method name takes one."""
    if isinstance(name, Resolved):
        return _as_asked(G, name, family, empty_family)
    text = _method_text(name)
    surfaces = _method_surfaces(G)
    node = _resolve_exact(G, text, surfaces)
    # a family's name wins over a name only the corpus coined ('Variational Autoencoder' as one 2016 paper's own)
    named = _family_named(text) if node is None or not G.nodes[node].get("catalogued") else None
    if named is not None:
        return _as_asked(G, Resolved(named.name, family_members(G, named), named, True, text), family, empty_family)
    fuzzy = node is None
    if fuzzy:
        _refuse_generic(text)
        node = _resolve_close(G, text, surfaces)
    return _as_asked(G, Resolved(G.nodes[node].get("name", node_key(node)), [node], None, False, text, fuzzy), family,
                     empty_family)


@_graph_first
def resolve_name(G: nx.MultiDiGraph, name: str | Resolved) -> Resolved:
    """What a name that may be a method or a paper stands for (``relwork html --focus``): a node id, else a method
    or method family (``resolve_methods``), else a paper (``resolve_one_paper``). ``fuzzy`` as those say, so every
    command reports a name read as another the same way. Raises GraphError with both resolvers' suggestions."""
    if isinstance(name, Resolved):
        return name
    text = str(name or "").strip()
    if not text:
        raise GraphError("empty method or paper name")
    if text in G and (_is(G, text, METHOD) or _is(G, text, PAPER)):
        d = G.nodes[text]
        return Resolved(d.get("name") or d.get("title") or node_key(text), [text], None, False, text)
    problems = []
    for resolve in (resolve_methods, resolve_one_paper):
        try:
            return resolve(G, text)
        except GraphError as err:
            problems.append(str(err))
    raise GraphError("; ".join(problems))


def _as_asked(G: nx.MultiDiGraph, resolved: Resolved, family: bool, empty_family: bool) -> Resolved:
    """A resolved name as ``resolve_methods(G, name, family=..., empty_family=...)`` answers: one method alone or
    with its catalog derivatives; a family as it is, an error when it has no member and ``empty_family`` is off."""
    if resolved.family is not None:
        if not resolved.nodes and not empty_family:
            raise GraphError(f"no paper in this graph links to any of the {resolved.family.name} "
                             f"({resolved.family.definition()})")
        return resolved
    node = resolved.nodes[0]  # a method comes first among its derivatives
    return resolved._replace(nodes=_with_derivatives(G, node) if family else [node], group=family)


def require_different(a: str, b: str, ra: Resolved, rb: Resolved) -> None:
    """Raise GraphError when names ``a`` and ``b`` stand for the same methods (``ra``, ``rb`` as
    ``resolve_methods`` gives them): a bridge between a method and itself answers nothing."""
    if set(ra.nodes) == set(rb.nodes):
        if len(ra.nodes) == 1:
            raise GraphError(f"{a!r} and {b!r} are the same method ({ra.label}); name two different methods")
        raise GraphError(f"{a!r} and {b!r} name the same methods ({ra.label}); name two different ones")


# ---------------------------------------------------------------------------------------------------
# methods


def relation_type(relation: str | None) -> str | None:
    """The edge type a user means by ``relation`` ('builds_on', 'Compares-To'); None stays None."""
    if relation is None:
        return None
    wanted = relation.strip().upper().replace("-", "_").replace(" ", "_")
    if wanted not in LINK_TYPES:
        raise GraphError(f"unknown relation {relation!r} (choose from {', '.join(t.lower() for t in LINK_TYPES)})")
    return wanted


@_graph_first
def method_family(G: nx.MultiDiGraph, name: str) -> list[str]:
    """The method and its derivatives: its catalog derivatives, transitively (DERIVED_FROM edges point child
    -> parent: Mamba-2, Vim, ...), and the names papers introduce built on one of those (``_named_after``:
    IC-Mamba, S-Mamba, Mamba Retriever), as the family query counts them. The method comes first, then the
    others by name."""
    return _with_derivatives(G, resolve_method(G, name))


def _with_derivatives(G: nx.MultiDiGraph, node: str) -> list[str]:
    """``node`` first, then its derivatives by name (see ``method_family``)."""
    found = _derivatives(G, [node])
    found.update(_named_after(G, found))
    return [node] + sorted(found - {node}, key=lambda n: (G.nodes[n].get("name", n), n))


def derivative_rows(G: nx.MultiDiGraph, node: str) -> list[dict]:
    """The derivatives ``method_family`` adds to the method ``node``, as method rows, the catalog's first (direct
    children, then deeper ones by name), then the names built on one of them; a deeper derivative says
    ``through`` which child (YOLOv8 through YOLOv2), a built-on name ``named_after`` which method."""
    catalog = _derivatives(G, [node])
    named = _named_after(G, catalog)
    depth, parent_of, todo = {node: 0}, {}, [node]
    while todo:  # breadth first: the shortest lineage names the child a derivative comes through
        parent = todo.pop(0)
        for child, _, key in sorted(G.in_edges(parent, keys=True)):
            if key == DERIVED_FROM and child not in depth:
                depth[child], parent_of[child] = depth[parent] + 1, parent
                todo.append(child)
    name = lambda n: G.nodes[n].get("name", node_key(n))  # noqa: E731
    rows = []
    for child in sorted(catalog - {node}, key=lambda n: (depth[n] > 1, name(n), n)):
        through = child
        while parent_of[through] != node:
            through = parent_of[through]
        rows.append(method_row(G, child) | ({"through": name(through)} if through != child else {}))
    for child in sorted(named, key=lambda n: (name(n), n)):
        rows.append(method_row(G, child) | {"named_after": name(named[child])})
    return rows


# How ``papers_for_method`` / ``method_report`` order their rows (see ``_row_order``).
ORDERS = ("oldest", "relevance")


@_graph_first
def papers_for_method(
    G: nx.MultiDiGraph, name: MethodName, relation: str | None = None, *, family: bool = False, order: str = "oldest"
) -> list[dict]:
    """Papers with a ``relation`` edge ('builds_on', 'compares_to', 'mentions', 'introduces') to the
    method: paper row + link row of that edge + ``relations`` ([its type]). With ``relation=None``, the
    papers with any of the first three, one row per paper: ``relations`` lists its types, strongest first,
    and the link row is the strongest edge's (``_strength``: type, then field, then confidence), so a
    paper that builds on and also mentions Mamba is one row, with the builds-on evidence.

    ``family=True`` also takes the method's catalog derivatives (``method_family``: 'what builds on Mamba'
    then includes the papers on Mamba-2 or Vim), and ``name`` may be a method family ('state-space
    models', see ``resolve_methods``); still one row per paper: ``method`` names the method of its strongest
    link (``_strength``, then name) and ``methods`` all the methods it links, strongest first (a paper on
    Llama-2 that also mentions LLaMA is one answer to "what builds on LLaMA?", ``methods`` ['Llama-2', 'LLaMA']).

    ``order="oldest"`` (the default, as the cookbook's ``builds_on`` query): oldest first (``_oldest``: year,
    then arXiv id), then by LINK_RANK
    of the (strongest) type, then normalised title, then node id. ``order="relevance"``
    (what ``relwork method`` shows): see ``_row_order``.
    """
    resolved = resolve_methods(G, name, family=family)
    return _papers_for_nodes(G, resolved.nodes, relation, named=resolved.group, order=order)


def _row_order(G: nx.MultiDiGraph, paper: str, link: dict, order: str) -> tuple:
    """The sort key of a paper's row for a method, ``link`` being the row's (strongest) edge.

    "relevance" puts first the papers most about the method: the method in the title (the paper is about
    it), then the stronger link type (LINK_RANK: builds on before compares to before mentions), then the more
    places the abstract names it (``count``), then the higher ``confidence``, then newest first; the year
    comes last because at scale a year holds hundreds of rows (all 111 papers building on BERT are from 2019).
    "oldest": oldest first, then LINK_RANK. Both end with normalised title and node id.
    """
    if order == "relevance":
        head = (link.get("field") != "title", LINK_RANK[link["type"]], -int(link.get("count") or 1),
                -float(link.get("confidence") or 0.0), *_newest(G, paper))
    else:
        head = (*_oldest(G, paper), LINK_RANK[link["type"]])
    return (*head, *_title_key(G, paper))


def _papers_for_nodes(
    G: nx.MultiDiGraph, nodes: list[str], relation: str | None, *, named: bool, order: str = "oldest"
) -> list[dict]:
    """``papers_for_method`` for resolved Method ``nodes``; ``named``: rows name their method(s).

    One row per paper, whatever the number of ``nodes`` it links: a paper on Llama-2 that also names LLaMA is
    one answer to "what builds on LLaMA (--family)?", not two. Its link row is its strongest edge to any of
    them (``_strength``, then method name), ``relations`` every type it has to any of them, and with ``named``
    ``method`` is the method of that strongest edge and ``methods`` all those it links, strongest first."""
    if order not in ORDERS:
        raise GraphError(f"unknown order {order!r} (choose from {', '.join(ORDERS)})")
    wanted = relation_type(relation)
    types = (wanted,) if wanted else CITATION_TYPES
    found: dict[str, list[tuple[tuple, str, dict]]] = defaultdict(list)  # paper -> (strength, method, edge)
    for node in nodes:
        method = G.nodes[node].get("name", node_key(node))
        for paper, _, key, d in G.in_edges(node, keys=True, data=True):
            if key in types and _is(G, paper, PAPER):
                found[paper].append((_strength(d), method, d))
    rows = []
    for paper, links in found.items():
        links.sort(key=lambda link: link[:2])
        strongest = links[0][2]
        relations = sorted({d["type"] for _, _, d in links}, key=LINK_RANK.__getitem__)
        row = paper_row(G, paper) | link_row(strongest) | {"relations": relations}
        if named:
            row |= {"method": links[0][1], "methods": list(dict.fromkeys(method for _, method, _ in links))}
        rows.append((_row_order(G, paper, strongest, order), row))
    rows.sort(key=lambda r: r[0])
    return [row for _, row in rows]


@_graph_first
def relation_counts(G: nx.MultiDiGraph, name: MethodName, *, family: bool = False) -> dict[str, int]:
    """How many papers build on / compare to / mention the method (``family``: or one of its derivatives), by
    edge type, strongest first, types with no paper left out: what an empty answer for one relation points to
    instead ("no paper compares to Mask R-CNN; 3 papers build on it")."""
    resolved = resolve_methods(G, name, family=family)
    counts = Counter(t for row in _papers_for_nodes(G, resolved.nodes, None, named=False) for t in row["relations"])
    return {t: counts[t] for t in CITATION_TYPES if counts[t]}


@_graph_first
def derivatives_only(G: nx.MultiDiGraph, name: MethodName, relation: str | None = None) -> dict | None:
    """What ``family=True`` adds to the plain answer of ``papers_for_method(G, name, relation)``: papers with
    such a link to a catalog derivative of the method (transitively) but not to the method itself, as
    ``{"papers": how many, "methods": [{"name", "papers"}]}``, the derivatives most papers first, then by name
    ("which papers compare against FlashAttention?" is empty; 1 paper compares to FlashAttention-2). None when
    ``name`` is a method family, whose answer holds all its members already."""
    resolved = resolve_methods(G, name)
    if resolved.group:
        return None
    node = resolved.nodes[0]
    plain = {row["node"] for row in _papers_for_nodes(G, [node], relation, named=False)}
    extra: set[str] = set()
    counts = []
    for child in _with_derivatives(G, node)[1:]:
        papers = {row["node"] for row in _papers_for_nodes(G, [child], relation, named=False)} - plain
        if papers:
            counts.append((-len(papers), G.nodes[child].get("name", node_key(child))))
            extra |= papers
    return {"papers": len(extra), "methods": [{"name": n, "papers": -c} for c, n in sorted(counts)]}


@_graph_first
def method_report(G: nx.MultiDiGraph, name: MethodName, *, family: bool = False, order: str = "oldest") -> dict:
    """Everything about one method: its attributes, who introduced it, its catalog parents and children,
    and the ``papers`` that build on / compare to / mention it, one row per paper (naming its methods in a
    family answer) with all its ``relations`` and the strongest one's evidence (``papers_for_method`` with
    ``relation=None`` and ``family`` as there; ``introduced_by`` is always the method's own).

    ``parents`` and ``children`` (DERIVED_FROM) are method rows sorted by name; ``derivatives`` all that
    ``family=True`` adds (``derivative_rows``: YOLOv2, and YOLOv8 through it; IC-Mamba, named after Mamba).
    When ``name`` is a method family, ``method`` is None, ``family`` holds its name, definition and member
    rows, ``introduced_by`` lists the papers introducing any member, and parents, children and derivatives
    are empty; otherwise ``family`` is None. With ``family=True`` ``introduced_by`` also lists the papers
    introducing a derivative, each row naming its method, as a family answer does (the paper proposing
    IC-Mamba answers "what builds on Mamba, with derivatives?"). ``introduced_by`` and ``papers`` are
    ordered by ``order`` (``papers_for_method``). ``with_derivatives``: for one method without ``family``,
    what ``family=True`` would add (``derivatives_only``), else None.
    """
    resolved = resolve_methods(G, name)
    if resolved.family is not None:
        fam = resolved.family
        return {
            "method": None,
            "family": {"name": fam.name, "definition": fam.definition(), "members": [method_row(G, n) for n in resolved.nodes]},
            "introduced_by": _papers_for_nodes(G, resolved.nodes, "introduces", named=True, order=order),
            "parents": [],
            "children": [],
            "derivatives": [],
            "papers": _papers_for_nodes(G, resolved.nodes, None, named=True, order=order),
            "with_derivatives": None,
        }
    node = resolved.nodes[0]
    d = G.nodes[node]
    by_name = lambda n: (G.nodes[n].get("name", n), n)  # noqa: E731
    parents = sorted({v for _, v, k in G.out_edges(node, keys=True) if k == DERIVED_FROM}, key=by_name)
    children = sorted({u for u, _, k in G.in_edges(node, keys=True) if k == DERIVED_FROM}, key=by_name)
    return {
        "method": method_row(G, node) | {k: d.get(k) for k in ("area", "aliases", "year", "catalogued")},
        "family": None,
        # the method's own introducers first, then those of its derivatives (family=True)
        "introduced_by": sorted(papers_for_method(G, resolved, "introduces", family=family, order=order),
                                key=lambda row: row.get("method", resolved.label) != resolved.label),
        "parents": [method_row(G, n) for n in parents],
        "children": [method_row(G, n) for n in children],
        "derivatives": derivative_rows(G, node),
        "papers": papers_for_method(G, resolved, family=family, order=order),
        "with_derivatives": None if family else derivatives_only(G, resolved),
    }


@_graph_first
def family_in_words(G: nx.MultiDiGraph, name: MethodName, relation: str | None = None) -> list[dict]:
    """The papers that name the method family ``name`` only in words ("built on a pre-trained diffusion model")
    and link none of its members, typed by the relation typer on their sentence (``graph.family_words``); with
    ``relation``, only the rows of that type. Their own rows, apart from the linked answer: no edge holds them.
    Raises GraphError when ``name`` is not a family."""
    from relwork.graph.family_words import papers_naming_family

    resolved = resolve_methods(G, name, empty_family=True)
    if resolved.family is None:
        raise GraphError(f"{resolved.label!r} is a method, not a method family: only families are searched in words "
                         f"(families: {', '.join(sorted({f.name for f in method_families().values()}))})")
    linked = {p for m in resolved.nodes for p in G.predecessors(m) if _is(G, p, PAPER)}
    rows = papers_naming_family(G, resolved.family, exclude=linked)
    wanted = relation_type(relation)
    return [r for r in rows if wanted is None or r["type"] == wanted]


@_graph_first
def bridge_in_words(G: nx.MultiDiGraph, a: MethodName, b: MethodName, *, family: bool = False) -> list[dict]:
    """Bridges that ``bridge`` leaves out because one side is a method family the paper names only in words:
    each paper links the other side (its strongest link, as in ``bridge``) and names the family in words
    (``family_in_words``); when both sides are families, either may be in words. Rows as ``bridge``'s, the
    words side's cell from ``family_in_words``, best first by ``bridge``'s order."""
    sides = []
    for name in (a, b):
        resolved = resolve_methods(G, name, family=family, empty_family=True)
        words = {r["node"]: r for r in family_in_words(G, resolved)} if resolved.family is not None else {}
        sides.append((resolved, words))
    (ra, words_a), (rb, words_b) = sides
    require_different(ra.query, rb.query, ra, rb)
    label = lambda n: G.nodes[n].get("name", node_key(n))  # noqa: E731

    def linked(resolved: Resolved, paper: str) -> dict | None:
        best = None
        for _, m, d in G.out_edges(paper, data=True):
            if m in resolved.nodes and (best is None or _strength(d) < _strength(best[1])):
                best = (m, d)
        if best is None:
            return None
        return link_row(best[1]) | ({"method": label(best[0])} if resolved.group else {})

    def cell(resolved: Resolved, words: dict, paper: str) -> dict | None:
        if paper in words:
            row = words[paper]
            return link_row(row) | {"method": row["method"] + " (in words)"}
        return linked(resolved, paper)

    rows = []
    for paper in sorted(set(words_a) | set(words_b)):
        ca, cb = cell(ra, words_a, paper), cell(rb, words_b, paper)
        if ca is None or cb is None:
            continue
        ranks = (LINK_RANK[ca["type"]], LINK_RANK[cb["type"]])
        fields = FIELD_RANK.get(ca["field"], 3) + FIELD_RANK.get(cb["field"], 3)
        key = (max(ranks), sum(ranks), fields, *_newest(G, paper), *_title_key(G, paper))
        rows.append((key, dict(paper_row(G, paper), a=ca, b=cb)))
    rows.sort(key=lambda r: r[0])
    return [row for _, row in rows]


@_graph_first
def most_compared(G: nx.MultiDiGraph, limit: int = 10) -> list[dict]:
    """Methods most often compared against: method row + ``papers`` (distinct papers with a COMPARES_TO
    edge to it), most first, then by name; methods nobody compares to are left out, and so are datasets:
    a score compared on GLUE is not a comparison against GLUE, so a dataset is never a baseline."""
    rows = []
    for node in _methods(G):
        if _is_dataset(G, node):
            continue
        count = len({u for u, _, k in G.in_edges(node, keys=True) if k == COMPARES_TO})
        if count:
            rows.append(method_row(G, node) | {"papers": count})
    rows.sort(key=lambda r: (-r["papers"], r["name"], r["node"]))
    return rows[:limit]


# ---------------------------------------------------------------------------------------------------
# papers


@_graph_first
def citing_papers(G: nx.MultiDiGraph, paper: str) -> list[dict]:
    """Papers with citation-style edges to ``paper`` (id or title): one row per citing paper with its
    strongest ``type`` (BUILDS_ON > COMPARES_TO > MENTIONS) and ``via`` (sorted method names).

    Ordered by LINK_RANK of type, then newest first, then normalised title, then node id.
    """
    node = resolve_paper(G, paper)
    return _citation_rows(G, ((u, d) for u, _, d in G.in_edges(node, data=True) if _is(G, u, PAPER)))


@_graph_first
def cited_papers(G: nx.MultiDiGraph, paper: str) -> list[dict]:
    """The papers ``paper`` points to citation-style (same rows and order as ``citing_papers``)."""
    node = resolve_paper(G, paper)
    return _citation_rows(G, ((v, d) for _, v, d in G.out_edges(node, data=True) if _is(G, v, PAPER)))


def _citation_rows(G: nx.MultiDiGraph, edges: Iterable[tuple[str, dict]]) -> list[dict]:
    best: dict[str, str] = {}
    via: dict[str, set[str]] = defaultdict(set)
    for other, d in edges:
        via[other].add(d.get("via", ""))
        if other not in best or LINK_RANK[d["type"]] < LINK_RANK[best[other]]:
            best[other] = d["type"]
    order = sorted(best, key=lambda n: (LINK_RANK[best[n]], *_newest(G, n), *_title_key(G, n)))
    return [paper_row(G, n) | {"type": best[n], "via": sorted(via[n])} for n in order]


# Weights of ``related_papers`` (see there), also in ``paper_report`` so an answer says how it was made: a link
# type's weight (lower-case type name), then the factors for a dataset, a catalog lineage and a citation, for a
# method in a paper's title or named more than once in its abstract (its focus), the weight of the topical
# similarity of the two papers' texts as a factor of the method evidence (``topic``) and on its own
# (``topic_alone``), the number of candidates a method can tie before its weight is shared among them (``hub``)
# and how many papers nearest by text alone become candidates (``neighbours``). Set on a judged set of 14 papers
# (bench/eval_related.py).
RELATED_WEIGHTS = {
    "introduces": 1.0, "builds_on": 1.0, "compares_to": 0.6, "mentions": 0.25,
    "dataset": 0.2, "lineage": 0.5, "citation": 2.0, "title": 2.0, "repeated": 1.5, "topic": 8.0,
    "topic_alone": 100.0, "hub": 10, "neighbours": 50,
}


def _strongest_types(G: nx.MultiDiGraph, method: str) -> dict[str, str]:
    """Paper -> its strongest link type to ``method`` (LINK_RANK)."""
    best: dict[str, str] = {}
    for paper, _, key in G.in_edges(method, keys=True):
        if key in LINK_RANK and _is(G, paper, PAPER) and (paper not in best or LINK_RANK[key] < LINK_RANK[best[paper]]):
            best[paper] = key
    return best


def _focus(G: nx.MultiDiGraph, paper: str, method: str, link_type: str) -> float:
    """How central ``method`` is to ``paper``, whose strongest link to it has type ``link_type``: RELATED_WEIGHTS
    "title" when the paper introduces it or names it in its title (the paper is about it), "repeated" when that
    link's sentences name it more than once, else 1. One passing sentence ('we close the gap between the LSTM
    and Transformer models') then weighs less than the method the paper is built around."""
    edges = G.get_edge_data(paper, method) or {}
    if link_type == INTRODUCES or any(d.get("field") == "title" for k, d in edges.items() if k in LINK_RANK):
        return RELATED_WEIGHTS["title"]
    return RELATED_WEIGHTS["repeated"] if int(edges.get(link_type, {}).get("count") or 1) > 1 else 1.0


_WORD = re.compile(r"[a-z][a-z0-9]{2,}")
_DOCUMENT_FREQUENCIES: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple]" = weakref.WeakKeyDictionary()


def _words(G: nx.MultiDiGraph, paper: str) -> Counter:
    """The words (3+ letters, lower case) of a paper's title and abstract, counted."""
    d = G.nodes[paper]
    return Counter(_WORD.findall(f"{d.get('title') or ''} {d.get('abstract') or ''}".lower()))


def _document_frequencies(G: nx.MultiDiGraph) -> tuple[int, Counter]:
    """(papers, word -> papers whose title or abstract has it), from the graph's own text; cached per graph
    (recomputed when its size changes)."""
    size = (G.number_of_nodes(), G.number_of_edges())
    cached = _DOCUMENT_FREQUENCIES.get(G)
    if cached is None or cached[0] != size:
        df: Counter = Counter()
        papers = 0
        for node in _papers(G):
            df.update(_words(G, node).keys())
            papers += 1
        cached = (size, papers, df)
        _DOCUMENT_FREQUENCIES[G] = cached
    return cached[1], cached[2]


_TOPIC_INDEXES: "weakref.WeakKeyDictionary[nx.MultiDiGraph, tuple]" = weakref.WeakKeyDictionary()
_TOPIC_INDEX_SHARE = 0.05  # the commonest word ``_topic_index`` keeps is in this share of the papers


def _topic_index(G: nx.MultiDiGraph, papers: int, df: Counter) -> tuple[list[str], array, dict[str, array]]:
    """(paper nodes with an abstract, their number of distinct words, word -> positions of the papers that have
    it) for the words in 2 to 5% of the papers: what ``_topic_neighbours`` looks up instead of computing every
    paper's vector at each query (a word most papers share says little and would make its list as long as the
    graph). ``papers`` and ``df`` are ``_document_frequencies(G)``; cached per graph for as long as those are the
    graph's (checked by identity: no second count of the graph's edges per question); one more pass over the texts."""
    cached = _TOPIC_INDEXES.get(G)
    if cached is None or cached[0] is not df:
        common = max(2, int(papers * _TOPIC_INDEX_SHARE))
        rare = {w for w, n in df.items() if 2 <= n <= common}
        nodes: list[str] = []
        sizes = array("i")
        postings: dict[str, array] = {}
        for node in _papers(G):
            d = G.nodes[node]
            if not d.get("abstract"):
                continue
            words = topic_words(f"{d.get('title') or ''} {d['abstract']}")
            for word in rare.intersection(words):
                where = postings.get(word)
                if where is None:
                    where = postings[word] = array("i")
                where.append(len(nodes))
            nodes.append(node)
            sizes.append(len(words))
        cached = (df, nodes, sizes, postings)
        _TOPIC_INDEXES[G] = cached
    return cached[1], cached[2], cached[3]


def _topic_neighbours(
    G: nx.MultiDiGraph, node: str, own: dict[str, float], limit: int, papers: int, df: Counter
) -> list[str]:
    """About the ``limit`` papers (with an abstract, ``node`` left out) nearest to ``own``, ``node``'s unit
    vector, most first: each shares the sum of ``own``'s weight x idf over the words of ``_topic_index`` the two
    have, over the square root of its number of distinct words (a cosine without the other paper's word
    counts); ``related_papers`` then takes their exact cosine."""
    nodes, sizes, postings = _topic_index(G, papers, df)
    shared: dict[int, float] = defaultdict(float)
    for word, mine in own.items():
        if (where := postings.get(word)) is not None:
            weight = mine * math.log(papers / df[word])
            for i in where:
                shared[i] += weight
    best = heapq.nlargest(limit + 1, shared, key=lambda i: (shared[i] / math.sqrt(sizes[i]), -i))
    return [nodes[i] for i in best if nodes[i] != node][:limit]


def _topic_vector(
    G: nx.MultiDiGraph, paper: str, papers: int, df: Counter, ignore: Collection[str] = ()
) -> dict[str, float]:
    """A paper's text as a unit TF-IDF vector: (1 + log tf) x log(papers / df) per word, the words in
    ``ignore`` left out."""
    vector = {
        w: (1.0 + math.log(n)) * math.log(papers / df[w])
        for w, n in _words(G, paper).items()
        if df[w] and w not in ignore
    }
    norm = math.sqrt(sum(x * x for x in vector.values()))
    return {w: x / norm for w, x in vector.items()} if norm else {}


def _cosine(u: dict[str, float], v: dict[str, float]) -> float:
    """The cosine of two unit vectors (``_topic_vector``)."""
    return sum(x * v.get(w, 0.0) for w, x in u.items())


def topic_words(text: str) -> set[str]:
    """The words of ``text`` as the topic vectors count them (3+ letters, lower case): what to pass as
    ``ignore`` to leave a name out of a similarity."""
    return set(_WORD.findall(text.lower()))


@_graph_first
def topic_similarity(G: nx.MultiDiGraph) -> Callable[..., float]:
    """``similarity(a, b, ignore=())``: the cosine of papers ``a`` and ``b``'s title + abstract TF-IDF vectors
    (as ``related_papers``' ``topic``), the words in ``ignore`` left out of both.

    The document frequencies are the graph's as it is now, taken once: a caller that adds edges meanwhile
    (the build's citation pass) keeps the same word weights instead of recounting them at every edge."""
    papers, df = _document_frequencies(G)

    def similarity(a: str, b: str, ignore: Collection[str] = ()) -> float:
        return _cosine(_topic_vector(G, a, papers, df, ignore), _topic_vector(G, b, papers, df, ignore))

    return similarity


def _lineage(G: nx.MultiDiGraph, method: str) -> list[tuple[str, str]]:
    """``(method, "")`` and its one-hop catalog relatives: ``(parent, "parent")``, ``(child, "derivative")``."""
    parents = [(v, "parent") for _, v, k in G.out_edges(method, keys=True) if k == DERIVED_FROM]
    children = [(u, "derivative") for u, _, k in G.in_edges(method, keys=True) if k == DERIVED_FROM]
    return [(method, ""), *sorted(set(parents)), *sorted(set(children))]


def _one_to_one(matches: list[tuple[float, dict]]) -> tuple[list[dict], float]:
    """The strongest matches using each method of either paper once (greedy, strongest first; ties by
    names), and the sum of their weights rounded to 3 decimals: a paper on BERT meets FlexiBERT's own BERT
    link, not also FlexiBERT's lineage from BERT."""
    used_mine, used_theirs, kept, total = set(), set(), [], 0.0
    for weight, match in sorted(matches, key=lambda m: (-m[0], m[1]["method"], m[1]["theirs"])):
        if match["method"] not in used_mine and match["theirs"] not in used_theirs:
            used_mine.add(match["method"])
            used_theirs.add(match["theirs"])
            kept.append(match)
            total += weight
    return kept, round(total, 3)


def _share_hubs(candidates: dict[str, list[tuple[float, dict]]], hub: int) -> None:
    """Scale, in place, each match through a method of this paper that more than ``hub`` candidates share by
    ``hub`` / their number, the number kept as the match's ``hub``: the papers that all build on BERT then split
    what ``hub`` of them would get, and their texts decide among them. A citation (one introduced the method
    the other uses) keeps its weight: the BERT paper is not one of BERT's many users."""
    tied: Counter = Counter()
    for matches in candidates.values():
        tied.update({m["method"] for _, m in matches if not m["citation"]})
    for other, matches in candidates.items():
        shared = []
        for weight, match in matches:
            if not match["citation"] and tied[match["method"]] > hub:
                weight *= hub / tied[match["method"]]
                match = match | {"weight": round(weight, 3), "hub": tied[match["method"]]}
            shared.append((weight, match))
        candidates[other] = shared


@_graph_first
def related_papers(G: nx.MultiDiGraph, paper: str, limit: int = 10) -> list[dict]:
    """Nearest papers to ``paper`` as its related work: paper row + ``score``, ``methods`` (the method part of
    the score), ``topic`` (the texts' similarity), ``why`` (the method matches that make it, strongest first),
    ``shared`` (sorted names of the methods both papers link) and ``citations`` (citation-style edges between
    the two, either direction).

    Each method M the paper links meets each other paper's link to M, or to M's catalog parent or
    derivative (lineage: a paper on S4 is related work of one on Mamba). A match weighs
    ``log(P / n)`` (P papers in the graph, n of them linked to the method; the smaller of the two for a
    lineage match, so a hub says little) x the RELATED_WEIGHTS of both papers' strongest link types
    (introduces and builds on 1, compares to 0.6, mentions 0.25: what a paper builds on or compares to
    says more than a passing mention) x this paper's focus on M (2 when it introduces M or its title names M,
    1.5 when its abstract names M more than once, see ``_focus``: a method met in one passing sentence weighs
    less than the one the paper is built around; the other paper's subject is what ``topic`` measures, so
    'Solar image restoration with CycleGAN' is not lifted by its title) x 2 when a citation-style edge joins the two
    through M (one uses what the other introduced) x 0.2 when M is a dataset (two papers evaluated on
    ImageNet need not be related) x 0.5 for a lineage match.
    When more than RELATED_WEIGHTS["hub"] (10) candidates match through one method of this paper, those
    matches (citations apart) share 10 candidates' weight (``_share_hubs``): the 99 papers that meet BERTScore
    through BERT on a 3,000-abstract graph no longer fill its list at the same weight; their texts decide.
    Each method of either paper counts in one match at most (the strongest first: a paper on BERT meets
    FlexiBERT's BERT link, not also FlexiBERT's lineage from BERT); ``methods`` is the sum.
    ``topic`` is the cosine of the two papers' title + abstract TF-IDF vectors (word weights from the graph's
    own papers; a paper without an abstract, such as a method's origin paper known from the catalog, gets the
    mean of the candidates sharing a method), and ``score`` = ``methods`` x (1 + RELATED_WEIGHTS["topic"] x
    ``topic``) + RELATED_WEIGHTS["topic_alone"] x ``topic``: among papers that share the same methods, the one on
    the same subject comes first (an LSTM language model before a satellite-crop dataset that also trains an
    LSTM), and the RELATED_WEIGHTS["neighbours"] (50) papers nearest by text (``_topic_neighbours``) are
    candidates with no shared method at all (the other text-generation metrics of BERTScore). Hub sharing, text
    neighbours and the ``topic_alone`` term need this paper's abstract: a paper known by its title only is ranked
    as before them, by ``methods`` x (1 + 8 x ``topic``).
    Scores are rounded to 3 decimals. A ``why`` item: ``method`` (M), ``theirs`` (the method on the other
    side), ``lineage`` ('', 'parent' or 'derivative': what ``theirs`` is of M), ``mine`` / ``their_type``
    (link types), ``citation``, ``dataset``, ``weight``, and ``hub`` (the candidates sharing M) when shared.

    Ordered by score (highest first), then citations (most first), then newest first, then normalised
    title, then node id. ``why`` is empty for a text neighbour.
    """
    node = resolve_paper(G, paper)
    types: dict[str, dict[str, str]] = {}  # method -> paper -> strongest type, filled as needed
    mine: dict[str, str] = {}
    for method in G.successors(node):
        if _is(G, method, METHOD) and (my := types.setdefault(method, _strongest_types(G, method)).get(node)):
            mine[method] = my
    total = sum(1 for _ in _papers(G))
    cited: set[tuple[str, str]] = set()
    for u, v, d in itertools.chain(G.out_edges(node, data=True), G.in_edges(node, data=True)):
        if _is(G, u, PAPER) and _is(G, v, PAPER):
            cited.add((v if u == node else u, d.get("via", "")))
    W = RELATED_WEIGHTS
    name = lambda m: G.nodes[m].get("name", node_key(m))  # noqa: E731
    candidates: dict[str, list[tuple[float, dict]]] = defaultdict(list)  # other paper -> its possible matches
    for method, my_type in mine.items():
        my_focus = _focus(G, node, method, my_type)
        for theirs, lineage in _lineage(G, method):
            linked = types.setdefault(theirs, _strongest_types(G, theirs))
            idf = math.log(total / max(len(linked), len(types[method])))
            dataset = "dataset" in (G.nodes[method].get("kind"), G.nodes[theirs].get("kind"))
            for other, their_type in linked.items():
                if other == node:
                    continue
                citation = not lineage and (other, name(theirs)) in cited
                weight = idf * W[my_type.lower()] * W[their_type.lower()] * my_focus
                weight *= (W["citation"] if citation else 1.0) * (W["dataset"] if dataset else 1.0)
                weight *= W["lineage"] if lineage else 1.0
                match = {"method": name(method), "theirs": name(theirs), "lineage": lineage, "mine": my_type,
                         "their_type": their_type, "citation": citation, "dataset": dataset, "weight": round(weight, 3)}
                candidates[other].append((weight, match))
    papers, df = _document_frequencies(G)
    own = _topic_vector(G, node, papers, df)
    topics: dict[str, float] = {}
    for other in candidates:
        if G.nodes[other].get("abstract"):
            topics[other] = round(_cosine(own, _topic_vector(G, other, papers, df)), 3)
    # a paper known by its title only (an origin paper from the catalog) counts as an average candidate
    unknown = round(sum(topics.values()) / len(topics), 3) if topics else 0.0
    alone = W["topic_alone"] if G.nodes[node].get("abstract") else 0.0  # a title says too little to rank by text
    if alone:
        _share_hubs(candidates, W["hub"])
        for other in _topic_neighbours(G, node, own, W["neighbours"], papers, df):
            if other not in candidates:
                candidates[other] = []
                topics[other] = round(_cosine(own, _topic_vector(G, other, papers, df)), 3)
    rows = []
    for other, matches in candidates.items():
        why, methods = _one_to_one(matches)
        topic = topics.get(other, unknown)
        score = round(methods * (1.0 + W["topic"] * topic) + alone * topic, 3)
        shared = sorted(m["method"] for m in why if not m["lineage"])
        citations = G.number_of_edges(node, other) + G.number_of_edges(other, node)
        key = (-score, -citations, *_newest(G, other), *_title_key(G, other))
        rows.append((key, paper_row(G, other) | {"score": score, "methods": methods, "topic": topic, "why": why,
                                                 "shared": shared, "citations": citations}))
    rows.sort(key=lambda r: r[0])
    return [row for _, row in rows[:limit]]


@_graph_first
def paper_report(G: nx.MultiDiGraph, paper: str, *, related: int = 10) -> dict:
    """Everything about one paper: its attributes, what it introduces, its links to methods, the papers
    it points to and that point to it (citation-style), and its nearest related papers.

    ``introduces`` are method rows + link rows; ``links`` one row per method the paper builds on /
    compares to / mentions, with all its ``relations`` strongest first and the strongest edge's link row
    (as ``papers_for_method``); both ordered by LINK_RANK, FIELD_RANK, method name. ``cites`` /
    ``cited_by`` as ``citing_papers``; ``related`` as ``related_papers``, ranked with the
    ``related_weights`` given (RELATED_WEIGHTS); ``same_title``: paper rows of the other papers with the
    same normalised title (a title ``paper`` names them all; the answer is about the first, see
    ``resolve_paper``).
    """
    node = resolve_paper(G, paper)
    d = G.nodes[node]
    edges: dict[str, list[dict]] = defaultdict(list)
    introduces = []
    for _, v, key, attrs in G.out_edges(node, keys=True, data=True):
        if _is(G, v, METHOD):
            if key == INTRODUCES:
                introduces.append(((FIELD_RANK.get(attrs.get("field"), 3), G.nodes[v].get("name", v)), method_row(G, v) | link_row(attrs)))
            else:
                edges[v].append(attrs)
    links = []
    for v, found in edges.items():
        strongest, relations = _folded(found)
        sort = (LINK_RANK[strongest["type"]], FIELD_RANK.get(strongest.get("field"), 3), G.nodes[v].get("name", v))
        links.append((sort, method_row(G, v) | link_row(strongest) | {"relations": relations}))
    introduces.sort(key=lambda r: r[0])
    links.sort(key=lambda r: r[0])
    info = paper_row(G, node) | {k: d.get(k) for k in ("authors", "categories", "url", "arxiv_id", "doi", "abstract", "sources")}
    return {
        "paper": info,
        "introduces": [row for _, row in introduces],
        "links": [row for _, row in links],
        "cites": cited_papers(G, node),
        "cited_by": citing_papers(G, node),
        "related": related_papers(G, node, limit=related),
        "related_weights": dict(RELATED_WEIGHTS),
        "same_title": [paper_row(G, n) for n in _same_title(G, node)],
    }


def _same_title(G: nx.MultiDiGraph, node: str) -> list[str]:
    """The other Paper nodes whose normalised title is ``node``'s, by node id."""
    title = normalize_title(G.nodes[node].get("title") or "")
    return sorted(n for n in _papers(G) if n != node and normalize_title(G.nodes[n].get("title") or "") == title)


# ---------------------------------------------------------------------------------------------------
# the whole graph


@_graph_first
def graph_stats(G: nx.MultiDiGraph, top: int = 10) -> dict:
    """Counts and leaders.

    - ``nodes``: count by label; ``external_papers``; ``catalogued_methods``; ``linked_methods``: methods and
      datasets at least one non-external paper links (in a ``scoped`` view, the methods of its papers, while
      ``nodes`` still counts every method the view keeps so that names resolve).
    - ``edges``: Paper -> Method and Method -> Method edges by type; ``citations``: Paper -> Paper by type.
    - ``top_methods``: method row + ``papers`` (distinct non-external papers with any edge to it), most
      first, then by name, then node id; methods with no such paper left out. Datasets (kind 'dataset')
      are ranked apart, the same way, in ``top_datasets``: a benchmark every paper evaluates on is not
      the most used method.
    - ``top_compared``: ``most_compared`` (methods most papers compare against; datasets never).
    - ``top_papers``: paper row + ``neighbours`` (distinct adjacent nodes, any type or direction), most
      first, then normalised title, then node id; only non-external papers.
    - ``components``: weakly connected components ``count``, ``largest`` (nodes), ``isolated`` nodes.
    """
    labels: dict[str, int] = defaultdict(int)
    for _, d in G.nodes(data=True):
        labels[d.get("label", "?")] += 1
    edges: dict[str, int] = defaultdict(int)
    citations: dict[str, int] = defaultdict(int)
    for u, v, d in G.edges(data=True):
        (citations if _is(G, u, PAPER) and _is(G, v, PAPER) else edges)[d.get("type", "?")] += 1
    methods, datasets = [], []
    for node in _methods(G):
        count = len({u for u in G.predecessors(node) if _is(G, u, PAPER) and not G.nodes[u].get("external")})
        if count:
            (datasets if _is_dataset(G, node) else methods).append(method_row(G, node) | {"papers": count})
    methods.sort(key=lambda r: (-r["papers"], r["name"], r["node"]))
    datasets.sort(key=lambda r: (-r["papers"], r["name"], r["node"]))
    papers = []
    for node in _papers(G):
        if not G.nodes[node].get("external"):
            neighbours = len(set(G.predecessors(node)) | set(G.successors(node)))
            papers.append(((-neighbours, *_title_key(G, node)), paper_row(G, node) | {"neighbours": neighbours}))
    papers.sort(key=lambda r: r[0])
    components = [len(c) for c in nx.weakly_connected_components(G)] if len(G) else []
    return {
        "nodes": {label: labels.get(label, 0) for label in (PAPER, METHOD)},
        "external_papers": sum(1 for n in _papers(G) if G.nodes[n].get("external")),
        "catalogued_methods": sum(1 for n in _methods(G) if G.nodes[n].get("catalogued")),
        "linked_methods": len(methods) + len(datasets),
        "edges": dict(sorted(edges.items())),
        "citations": dict(sorted(citations.items())),
        "top_methods": methods[:top],
        "top_datasets": datasets[:top],
        "top_compared": most_compared(G, limit=top),
        "top_papers": [row for _, row in papers[:top]],
        "components": {
            "count": len(components),
            "largest": max(components, default=0),
            "isolated": sum(1 for n in G if G.degree(n) == 0),
        },
    }
