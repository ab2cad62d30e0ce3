"""Build the knowledge graph from linked papers (see ``graph/schema.py`` for the model).

``build_graph`` turns the linker's ``LinkedPaper`` records into a ``networkx.MultiDiGraph``; it can add to an
existing graph, and adding the same papers again changes nothing (every merge below is idempotent and does
not depend on input order). ``build_from_files`` is the whole ``relwork build`` job: load, link, build.

Decisions, in one place:
- One node per paper. A record joins an existing Paper node with the same arXiv id, else the same DOI, else
  the same normalised title (``normalize_title``) unless both carry different arXiv ids / DOIs. The node id
  follows the merged record by priority arXiv > DOI > title key, so a corpus paper without an arXiv id that
  *is* a catalogued origin paper ends up under the catalog's arXiv id (the node is relabelled if needed).
- Merged paper fields: a corpus record wins over a catalog-only (external) one; otherwise what the node
  already has is kept and only empty fields are filled, except: the longest abstract and the richest author
  list win, the year is the earliest, sources are the sorted union, and ``external`` stays True only while
  every record was catalog-only.
- One Paper -> Method edge per (paper, method, type). Several mentions collapse into it: ``count`` is the
  number of distinct mentions (field, start, end) in one record (the maximum over records of the same
  paper, so re-adding a paper never inflates it), and the evidence kept is the strongest: title before
  abstract before catalog, then higher confidence, then a cued mention before a plain one, then the
  alphabetically first evidence sentence (a total order, hence order independence).
- Method nodes: every method a paper links to or introduces, plus the catalog ancestors (``parents``
  chain) of every catalogued method present, so lineage paths exist (Longformer -> Transformer). Catalog
  entries nobody links are left out. ``DERIVED_FROM`` edges join present methods only.
- Every catalogued method with a catalog ``paper`` gets that origin paper as a Paper node (external unless
  a corpus paper merges with it) with an INTRODUCES edge (field 'catalog').
- ``build_from_files`` links the papers in ``corpus_order`` (first submitted first): the names several papers
  introduce belong to the first, so the graph depends on the papers alone. An update links the new and
  revised papers as a one-go build would (with the names the graph's papers introduced) and re-links the
  graph papers that write a name whose linking the update changed (``_update_plan``), so building in
  steps writes the same graph file as building in one go.
- Citation-style Paper -> Paper edges are derived, after all papers are in, from the Paper -> Method
  edges: P -[BUILDS_ON|COMPARES_TO|MENTIONS {via: M}]-> Q whenever P has that edge to M and Q introduces
  M (never P -> P). When several papers introduce M, only the earliest (arXiv id month, else year; undated
  last) is its introducer; and no edge points from a paper to one first submitted after it (when both
  dates are known). They are recomputed from scratch on every build, so they never go stale.
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Collection, ContextManager, Iterable, Iterator

import networkx as nx

from relwork.core.errors import GraphError, InputError
from relwork.core.gctools import gc_paused
from relwork.core.records import (
    LinkedPaper,
    Link,
    first_submitted,
    make_paper_id,
    merged_categories,
    normalize_arxiv_id,
    normalize_doi,
    normalize_title,
    richer_authors,
)
from relwork.graph.schema import (
    DERIVED_FROM,
    FIELD_RANK,
    INTRODUCES,
    METHOD,
    NAMED_AFTER,
    PAPER,
    RELATION_TO_EDGE,
    method_node,
    node_key,
    paper_node,
)
from relwork.graph.queries import named_after_ties, topic_similarity, topic_words
from relwork.linker.catalog import NO_CATALOG

CITATION_TYPES = tuple(RELATION_TO_EDGE.values())

# A paper's link to a name coined inside the corpus (no catalog entry) cites the paper that introduced it only
# when the two papers share an author or their texts, the name's own words left out, are at least this
# similar (TF-IDF cosine, ``queries.topic_similarity``): short coined names are re-coined by other groups
# for other things (DeepFlow for optical flow and for history matching) and field terms (VoIP, CADe) pass
# for coinages, and both join papers on unrelated subjects. Set on 30 edges of 18,795 arXiv abstracts judged
# by reading both papers (wrong ones 0.010-0.116, right ones by other authors 0.035-0.195); on 28 other edges
# judged before scoring, right 10 -> 7 and wrong 15 -> 3 (the wrong ones kept: the field term "meta-RL").
COINED_MIN_TOPIC = 0.12
# Below this many abstracts the document frequencies cannot tell a field's common words from rare ones (two
# papers' shared words get no weight at all): the test is skipped and every such edge kept.
COINED_MIN_ABSTRACTS = 50


def new_graph() -> nx.MultiDiGraph:
    """An empty relwork graph."""
    return nx.MultiDiGraph()


def build_graph(
    linked: Iterable[LinkedPaper],
    catalog: Any = None,
    graph: nx.MultiDiGraph | None = None,
    *,
    progress: Callable[..., Any] | None = None,
    relink: Collection[str] = (),
) -> nx.MultiDiGraph:
    """Add linked papers to ``graph`` (a new graph when None) and return it.

    ``catalog`` (a ``relwork.linker.catalog.Catalog``) supplies method kinds, aliases, years, parents and
    origin papers; without it every method is described by what the links say. ``graph`` is changed in
    place. ``progress(n)`` is called once per paper.

    A record of a paper already in ``graph`` adds to that paper's links, unless its paper id is in
    ``relink``: then its links *replace* the paper's Paper -> Method edges (introductions too), and
    methods and origin papers nobody needs any more are removed. That is for a revised paper whose record
    is its merged record (old and new version together, as ``build_from_files(update=...)`` passes), so
    the old version's links (evidence no longer in the text) do not survive, and for a paper whose links
    names introduced since change. An uncatalogued method that only such papers linked is described anew
    (kind, aliases) by the records of this call (``build_from_files`` re-links every paper linking a method
    a changed paper linked).
    """
    G = graph if graph is not None else new_graph()
    builder = _Builder(G, catalog, relink=relink)
    with gc_paused():
        for record in linked:
            if not isinstance(record, LinkedPaper):
                raise GraphError(f"build_graph expects LinkedPaper records, got {type(record).__name__}")
            builder.add_linked(record)
            if progress:
                progress(1)
        builder.finish()
    return G


# ---------------------------------------------------------------------------------------------------
# papers


def _edge_strength(attrs: dict) -> tuple:
    """Sort key of a link's evidence, strongest first (see the module docstring)."""
    return (
        FIELD_RANK.get(attrs.get("field") or "", len(FIELD_RANK)),
        -float(attrs.get("confidence") or 0.0),
        0 if attrs.get("cue") else 1,
        attrs.get("evidence") or "",
        attrs.get("surface") or "",
    )


def _kind_rank(kind: str) -> tuple[bool, str]:
    """Order of the kinds records give an uncatalogued method: a named kind ('dataset', 'method') before
    'uncatalogued' (a plain mention), then alphabetical; the node takes the first."""
    return (kind == "uncatalogued", kind)


def _merge_paper(old: dict, new: dict) -> dict:
    """Merged attributes of two records of the same paper (rules in the module docstring)."""
    if old.get("external") and not new.get("external"):
        base, other = dict(new), old
    else:
        base, other = dict(old), new
    for key in ("title", "url", "arxiv_id", "doi"):
        if not base.get(key):
            base[key] = other.get(key)
    if len(other.get("abstract") or "") > len(base.get("abstract") or ""):
        base["abstract"] = other["abstract"]
    base["authors"] = list(richer_authors(base.get("authors") or [], other.get("authors") or []))
    base["categories"] = merged_categories(base.get("categories"), other.get("categories"))
    external = bool(old.get("external")) and bool(new.get("external"))
    if external or not (old.get("external") or new.get("external")):
        years = [y for y in (old.get("year"), new.get("year")) if y is not None]
        base["year"] = min(years) if years else None
    elif base.get("year") is None:
        base["year"] = other.get("year")
    base["sources"] = _sources((old.get("sources") or []) + (new.get("sources") or []))
    base["external"] = external
    return base


def _sources(items: Iterable[dict]) -> list[dict]:
    """Distinct sources, sorted by (file, line, format); a source's ``record_id`` (the user's own key for the
    record) is kept when it has one."""
    keys = {(s.get("file") or "", s.get("line") or 0, s.get("format") or "", s.get("record_id") or "") for s in items}
    return [_source_dict(f, line, fmt, rid) for f, line, fmt, rid in sorted(keys)]


def _source_dict(file: str, line: int, fmt: str, record_id: str | None) -> dict:
    """A source as a graph attribute: file, line, format, and ``record_id`` only when the record had one."""
    return {"file": file, "line": line, "format": fmt, "record_id": record_id} if record_id else \
        {"file": file, "line": line, "format": fmt}


def _paper_node_for(attrs: dict, fallback_id: str | None, title_key: str | None = None) -> str:
    """Node id by priority arXiv id > DOI > title key; the record's own id for a record with none of them.

    ``title_key`` is ``normalize_title`` of the title when the caller has it already.
    """
    if title_key is None:
        title_key = normalize_title(attrs.get("title") or "")
    if attrs.get("arxiv_id") or attrs.get("doi") or title_key:
        return paper_node(make_paper_id(attrs.get("arxiv_id"), attrs.get("doi"), attrs.get("title") or ""))
    if fallback_id:
        return paper_node(fallback_id)
    raise GraphError("a paper record has no title, arXiv id, DOI or id")



def _clip_title(title: str, width: int = 60) -> str:
    title = " ".join((title or "").split())
    return title if len(title) <= width else title[: width - 1].rstrip() + "…"

class _PaperIndex:
    """Paper nodes by arXiv id, DOI and normalised title: how a record finds the node it belongs to."""

    def __init__(self, G: nx.MultiDiGraph):
        self.arxiv: dict[str, str] = {}
        self.doi: dict[str, str] = {}
        self.title: dict[str, set[str]] = defaultdict(set)
        self.key_of: dict[str, str] = {}  # node -> its title key, so removing a node needs no normalising
        for node, attrs in G.nodes(data=True):
            if attrs.get("label") == PAPER:
                self.add(node, attrs, normalize_title(attrs.get("title") or ""))

    def add(self, node: str, attrs: dict, key: str) -> None:
        """Index ``node``; ``key`` is ``normalize_title`` of its title."""
        if attrs.get("arxiv_id"):
            self.arxiv[attrs["arxiv_id"]] = node
        if attrs.get("doi"):
            self.doi[attrs["doi"]] = node
        self.key_of[node] = key
        if key:
            self.title[key].add(node)

    def remove(self, node: str, attrs: dict) -> None:
        if attrs.get("arxiv_id") and self.arxiv.get(attrs["arxiv_id"]) == node:
            del self.arxiv[attrs["arxiv_id"]]
        if attrs.get("doi") and self.doi.get(attrs["doi"]) == node:
            del self.doi[attrs["doi"]]
        self.title.get(self.key_of.pop(node, ""), set()).discard(node)

    def find(self, G: nx.MultiDiGraph, attrs: dict, key: str) -> str | None:
        """The node a record with ``attrs`` (and title key ``key``) belongs to, if any."""
        arxiv, doi = attrs.get("arxiv_id"), attrs.get("doi")
        if arxiv and arxiv in self.arxiv:
            return self.arxiv[arxiv]
        if doi and doi in self.doi:
            return self.doi[doi]
        compatible = []
        for node in self.title.get(key, ()):
            other = G.nodes[node]
            if arxiv and other.get("arxiv_id") and other["arxiv_id"] != arxiv:
                continue
            if doi and other.get("doi") and other["doi"] != doi:
                continue
            compatible.append(node)
        return min(compatible) if compatible else None


# ---------------------------------------------------------------------------------------------------
# the builder


class _Builder:
    def __init__(self, G: nx.MultiDiGraph, catalog: Any, *, relink: Collection[str] = ()):
        self.G = G
        self.catalog = catalog
        self.relink = frozenset(relink)
        self.relinked: set[str] = set()  # paper nodes whose earlier links this build replaced
        self.dropped_links = False
        self.papers = _PaperIndex(G)
        touched: set[str] = set()
        for paper_id in sorted(self.relink):  # before any record, so that ``stale`` is known
            node = paper_node(paper_id)
            if node in G and G.nodes[node].get("label") == PAPER:
                self.relinked.add(node)
                touched |= self._drop_links(node)
        # uncatalogued methods that only re-linked papers linked: the records of this build describe them
        # anew (kind, aliases), so nothing a paper's old links said of them survives
        self.stale = {
            m for m in touched
            if m in G and not G.nodes[m].get("catalogued")
            and not any(d.get("field") != "catalog" for keys in _incoming(G, m).values() for d in keys.values())
        }
        self.surface_to_name: dict[str, str] = {}
        self.exact_to_name: dict[str, str] = {}
        # catalogued method nodes already (re)written from the catalog in this build: their attributes
        # come from the catalog alone, so writing them again per link would change nothing
        self.described: set[str] = set()
        if catalog is not None:
            from relwork.linker.catalog import alias_key

            self._alias_key = alias_key
            for entry in catalog:
                for surface in entry.surfaces:
                    if entry.ambiguous:
                        self.exact_to_name.setdefault(surface, entry.name)
                    else:
                        self.surface_to_name.setdefault(alias_key(surface), entry.name)

    # -- names ---------------------------------------------------------------------------------------
    def canonical(self, name: str) -> str:
        """The catalog's canonical name for ``name`` (by name, alias or exact ambiguous surface), else name."""
        if self.catalog is None:
            return name
        if name in self.catalog:
            return name
        if name in self.exact_to_name:
            return self.exact_to_name[name]
        return self.surface_to_name.get(self._alias_key(name), name)

    def entry(self, name: str):
        return self.catalog.get(name) if self.catalog is not None else None

    # -- nodes ---------------------------------------------------------------------------------------
    def add_paper(self, attrs: dict, key: str | None = None) -> str:
        """Add or merge one paper record; returns its node id.

        ``attrs`` may carry the record's own ``id``: it names the node only when the record has neither an
        arXiv id, a DOI nor a title with any letters or digits. ``key`` is ``normalize_title`` of the
        title when the caller has it already.
        """
        G = self.G
        attrs = dict(attrs)
        record_id = attrs.pop("id", None)
        if key is None:
            key = normalize_title(attrs.get("title") or "")
        found = self.papers.find(G, attrs, key)
        node = None
        if found is None:
            candidate = _paper_node_for(attrs, record_id, key)
            if candidate in G:
                found = candidate
            else:
                node = candidate  # a new paper: the merged record below has the same identity
        if found is None:
            merged = dict(attrs, sources=_sources(attrs.get("sources") or []))
        else:
            old = G.nodes[found]
            merged = _merge_paper(old, attrs)
            self.papers.remove(found, old)
            if merged.get("title") != attrs.get("title"):
                key = normalize_title(merged.get("title") or "")
        if node is None:
            node = _paper_node_for(merged, node_key(found), key)
        if found is not None and found != node:
            if node in G:  # cannot happen while the index is consistent; refuse rather than lose data
                raise GraphError(f"cannot merge paper {found!r} into existing node {node!r}")
            nx.relabel_nodes(G, {found: node}, copy=False)
        if node in G:
            G.nodes[node].clear()
        merged["label"] = PAPER  # last unless the merged node had it already: the attribute order is kept
        G.add_node(node, **merged)
        self.papers.add(node, merged, key)
        return node

    def add_method(self, name: str, kind: str, aliases: Iterable[str] = ()) -> str:
        """Add or merge one method node; catalog data wins over what a paper says."""
        G = self.G
        node = method_node(name)
        if node in self.described:
            return node
        entry = self.entry(name)
        if entry is not None:
            attrs = {
                "label": METHOD,
                "name": entry.name,
                "kind": entry.kind,
                "area": entry.area or "",
                "aliases": list(entry.aliases),
                "year": entry.year,
                "catalogued": True,
            }
            G.add_node(node, **attrs)
            self.described.add(node)
            return node
        kind = kind or "uncatalogued"
        if node not in G:
            G.add_node(node, label=METHOD, name=name, kind=kind, area="", aliases=[], year=None, catalogued=False)
        elif node in self.stale:
            self.stale.discard(node)
            G.nodes[node].update(kind=kind, aliases=[])
        elif _kind_rank(kind) < _kind_rank(G.nodes[node].get("kind") or ""):
            G.nodes[node]["kind"] = kind  # the same kind whatever order the records come in
        known = G.nodes[node].setdefault("aliases", [])
        for alias in aliases:
            if alias and alias != name and alias not in known:
                known.append(alias)
        known.sort()
        return node

    def add_link_edge(self, source: str, target: str, etype: str, attrs: dict) -> None:
        """Add or merge one Paper -> Method edge (key = type): max count, strongest evidence."""
        G = self.G
        attrs = dict(attrs, type=etype)
        old = G.get_edge_data(source, target, etype)
        if old is not None:
            count = max(old.get("count", 1), attrs.get("count", 1))
            if _edge_strength(old) <= _edge_strength(attrs):
                attrs = dict(old)
            attrs["count"] = count
            old.clear()
        G.add_edge(source, target, key=etype, **attrs)

    # -- records -------------------------------------------------------------------------------------
    def add_linked(self, record: LinkedPaper) -> None:
        paper = record.paper
        attrs = {
            "id": paper.id,
            "title": paper.title or "",
            "abstract": paper.abstract or "",
            "year": paper.year,
            "authors": list(paper.authors or []),
            "categories": list(paper.categories or []),
            "url": paper.url,
            "arxiv_id": normalize_arxiv_id(paper.arxiv_id),
            "doi": normalize_doi(paper.doi),
            "sources": [
                _source_dict(s.file, s.line, s.format, s.record_id) if not isinstance(s, dict) else dict(s)
                for s in paper.sources
            ],
            "external": False,
        }
        title_key = normalize_title(attrs["title"])
        node = self.add_paper(attrs, title_key)
        if paper.id in self.relink and node not in self.relinked:
            self.relinked.add(node)
            self._drop_links(node)
        for intro in record.introduces:
            name = self.canonical(intro.name)
            entry = self.entry(name)
            if entry is not None and not entry.is_introduced_by(paper.arxiv_id, paper.title):
                # a homonym: this paper's own "BCT" is not the catalog's BCT, so it gets its own node and
                # papers that link to the catalog's method never get a citation edge to this paper
                name = f"{intro.name} ({_clip_title(paper.title)})"
            target = self.add_method(name, intro.kind, [intro.name, *intro.aliases])
            in_title = bool(intro.evidence) and (
                intro.evidence == paper.title or normalize_title(intro.evidence) == title_key
            )
            self.add_link_edge(
                node,
                target,
                INTRODUCES,
                {
                    "evidence": intro.evidence or "",
                    "cue": "",
                    "field": "title" if in_title else "abstract",
                    "confidence": 1.0,
                    "surface": intro.name,
                    "count": 1,
                },
            )
        groups: dict[tuple[str, str], list[Link]] = defaultdict(list)
        for link in record.links:
            if link.relation not in RELATION_TO_EDGE:
                raise GraphError(f"paper {paper.id}: unknown relation {link.relation!r} for {link.method!r}")
            groups[(self.canonical(link.method), link.relation)].append(link)
        for (name, relation), links in sorted(groups.items()):
            target = self.add_method(name, links[0].kind, [link.surface for link in links if link.surface])
            candidates = [
                {
                    "evidence": link.evidence or "",
                    "cue": link.cue or "",
                    "field": link.field or "",
                    "confidence": float(link.confidence),
                    "surface": link.surface or "",
                }
                for link in links
            ]
            best = min(candidates, key=_edge_strength)
            best["count"] = len({(link.field, link.start, link.end) for link in links})
            self.add_link_edge(node, target, RELATION_TO_EDGE[relation], best)

    # -- after all records ---------------------------------------------------------------------------
    def _drop_links(self, paper: str) -> set[str]:
        """Remove the Paper -> Method edges a record gave ``paper`` (not the catalog's INTRODUCES); returns
        the methods they went to."""
        G = self.G
        stale = [
            (paper, method, key)
            for method, keys in G._succ[paper].items()
            if G.nodes[method].get("label") == METHOD
            for key, data in keys.items()
            if data.get("field") != "catalog"
        ]
        if stale:
            G.remove_edges_from(stale)
            self.dropped_links = True
        return {method for _, method, _ in stale}

    def _prune(self) -> None:
        """After links were dropped: remove the methods no paper links or introduces any more (unless a
        catalog ancestor of one that is still linked) and the external origin papers left without a
        method, as a build of the remaining records alone would never have added them."""
        G = self.G
        labels = _labels(G)
        needed = {
            method
            for method, label in labels.items()
            if label == METHOD
            and any(
                labels[p] == PAPER and any(d.get("field") != "catalog" for d in keys.values())
                for p, keys in _incoming(G, method).items()
            )
        }
        todo = list(needed)
        while todo:  # catalog lineage: the parents of a needed method stay
            for parent, keys in G._succ[todo.pop()].items():
                if DERIVED_FROM in keys and parent not in needed:
                    needed.add(parent)
                    todo.append(parent)
        G.remove_nodes_from([m for m, label in labels.items() if label == METHOD and m not in needed])
        orphans = [
            p
            for p, label in labels.items()
            if label == PAPER and G.nodes[p].get("external") and not any(
                labels[m] == METHOD for m in G._succ[p]
            )
        ]
        for p in orphans:
            self.papers.remove(p, G.nodes[p])
        G.remove_nodes_from(orphans)

    def finish(self) -> None:
        if self.dropped_links:
            self._prune()
        if self.catalog is not None:
            self._add_lineage()
            self._add_origin_papers()
        self._method_years()
        add_named_after(self.G)
        self._citation_edges()

    def _add_lineage(self) -> None:
        G = self.G
        todo = [d["name"] for _, d in G.nodes(data=True) if d.get("label") == METHOD and d.get("catalogued")]
        seen = set(todo)
        while todo:
            name = todo.pop()
            entry = self.entry(name)
            if entry is None:
                continue
            for parent in entry.parents:
                if self.entry(parent) is None:
                    continue
                self.add_method(parent, "method")
                G.add_edge(
                    method_node(name),
                    method_node(parent),
                    key=DERIVED_FROM,
                    type=DERIVED_FROM,
                    evidence=f"The catalog lists {parent} as a parent of {name}.",
                    cue="",
                    field="catalog",
                    confidence=1.0,
                    surface=name,
                )
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)

    def _add_origin_papers(self) -> None:
        G = self.G
        methods = sorted(d["name"] for _, d in G.nodes(data=True) if d.get("label") == METHOD and d.get("catalogued"))
        for name in methods:
            entry = self.entry(name)
            if entry is None or not entry.paper:
                continue
            arxiv = normalize_arxiv_id(entry.paper.get("arxiv"))
            title = " ".join((entry.paper.get("title") or "").split()) or f"{entry.name} (arXiv {arxiv})"
            if not arxiv and not entry.paper.get("title"):
                continue
            node = self.add_paper(
                {
                    "title": title,
                    "abstract": "",
                    "year": entry.year,
                    "authors": [],
                    "categories": [],
                    "url": f"https://arxiv.org/abs/{arxiv}" if arxiv else None,
                    "arxiv_id": arxiv,
                    "doi": None,
                    "sources": [],
                    "external": True,
                }
            )
            self.add_link_edge(
                node,
                method_node(name),
                INTRODUCES,
                {"evidence": title, "cue": "", "field": "catalog", "confidence": 1.0, "surface": name, "count": 1},
            )

    def _method_years(self) -> None:
        """An uncatalogued method's year is the earliest year of a paper introducing it."""
        G = self.G
        nodes = G.nodes
        for node, attrs in G.nodes(data=True):
            if attrs.get("label") != METHOD or attrs.get("catalogued"):
                continue
            years = [
                year
                for p, keys in _incoming(G, node).items()
                if INTRODUCES in keys and (year := nodes[p].get("year")) is not None
            ]
            attrs["year"] = min(years) if years else None

    def _citation_edges(self) -> None:
        G = self.G
        labels = _labels(G)
        stale = [(u, v, k) for u, v, k in G.edges(keys=True) if labels[u] == PAPER and labels[v] == PAPER]
        G.remove_edges_from(stale)
        dates: dict[str, tuple[int, int] | None] = {}

        def submitted(paper: str) -> tuple[int, int] | None:
            """(year, month) the paper first appeared (``first_submitted``; month 0 unknown), once a node."""
            if paper not in dates:
                node = G.nodes[paper]
                dates[paper] = first_submitted(node.get("arxiv_id"), node.get("year"))
            return dates[paper]

        coined_check: Callable[[str, str, set[str]], bool] | None = None
        for method, attrs in G.nodes(data=True):
            if attrs.get("label") != METHOD:
                continue
            incoming = _incoming(G, method)
            introducers = sorted(p for p, keys in incoming.items() if INTRODUCES in keys)
            if not introducers:
                continue
            # several papers introduce one name (the linker already leaves unlinked a name introduced with
            # conflicting long forms): the earliest dated one is its introducer, the others re-use it
            q = min(introducers, key=lambda q: (submitted(q) is None, submitted(q) or (0, 0), q))
            coined = not attrs.get("catalogued")
            if coined and _used_before(incoming, q, submitted):
                continue  # papers dated before its introducer already use the name: not that paper's coinage
            name = attrs["name"]
            # Paper -> Paper edges only: the edges into this method, read here, do not change
            for p, keys in incoming.items():
                if p == q or _submitted_before(submitted(p), submitted(q)):
                    continue
                links = [(key, data) for key, data in keys.items() if key in CITATION_TYPES]
                if links and coined:
                    coined_check = coined_check or _coinage_check(G)
                    surfaces = [name, incoming[q][INTRODUCES].get("surface", ""), *(d.get("surface", "") for _, d in links)]
                    if not coined_check(p, q, topic_words(" ".join(surfaces))):
                        continue  # another group's homonym or a field term: the link stays, the citation does not
                for key, data in links:
                    edge = {
                        "type": key,
                        "via": name,
                        "evidence": data.get("evidence", ""),
                        "cue": data.get("cue", ""),
                        "field": data.get("field", ""),
                        "confidence": data.get("confidence", 1.0),
                        "surface": data.get("surface", ""),
                    }
                    G.add_edge(p, q, key=f"{key}:{name}", **edge)


def add_named_after(G: nx.MultiDiGraph) -> None:
    """(Re)write the NAMED_AFTER edges of ``G`` (``graph.queries.named_after_ties``: IC-Mamba -> Mamba), so the
    family queries, the exports and the HTML view read one set of ties. Called by every build and by
    ``load_graph`` for a graph file written before these edges existed."""
    G.remove_edges_from([(u, v, k) for u, v, k in G.edges(keys=True) if k == NAMED_AFTER])
    for node, method in named_after_ties(G):
        name, after = G.nodes[node]["name"], G.nodes[method]["name"]
        G.add_edge(node, method, key=NAMED_AFTER, type=NAMED_AFTER, evidence=f"{name} is named after {after}.", cue="",
                   field="name", confidence=1.0, surface=name)


# ---------------------------------------------------------------------------------------------------
# summary and the whole build job


def _submitted_before(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Whether a paper first submitted at ``a`` (year, month; month 0 unknown) surely came before one
    submitted at ``b`` (so it cannot cite it): both dates known, and by month when both months are, else by
    year."""
    if a is None or b is None:
        return False
    if a[1] and b[1]:
        return a < b
    return a[0] < b[0]


def _used_before(incoming: dict, introducer: str, submitted: Callable[[str], tuple[int, int] | None]) -> bool:
    """Whether a paper surely submitted before ``introducer`` links the name: then the name was in use
    already (another group's homonym, a field term) and ``introducer`` did not coin it."""
    first = submitted(introducer)
    return first is not None and any(
        p != introducer and any(k in CITATION_TYPES for k in keys) and _submitted_before(submitted(p), first)
        for p, keys in incoming.items()
    )


def _coinage_check(G: nx.MultiDiGraph) -> Callable[[str, str, set[str]], bool]:
    """``check(p, q, name_words)``: whether paper ``p``'s link to a name coined inside the corpus is a use of
    paper ``q``'s coinage, for the citation-style edge ``p -> q``: the two share an author (initial + last
    name: a group re-using its own name) or their texts, ``name_words`` left out, have a topical similarity
    of at least ``COINED_MIN_TOPIC``. A paper without an abstract, or a graph of fewer than
    ``COINED_MIN_ABSTRACTS`` abstracts, gives the similarity nothing to judge: the edge is kept."""
    nodes = G.nodes
    abstracts = sum(1 for _, d in G.nodes(data=True) if d.get("label") == PAPER and d.get("abstract"))
    if abstracts < COINED_MIN_ABSTRACTS:
        return lambda p, q, words: True
    similarity: Callable[..., float] | None = None  # the graph's word weights, counted at the first need

    def check(p: str, q: str, words: set[str]) -> bool:
        nonlocal similarity
        if not (nodes[p].get("abstract") and nodes[q].get("abstract")):
            return True
        if _author_keys(nodes[p].get("authors")) & _author_keys(nodes[q].get("authors")):
            return True
        similarity = similarity or topic_similarity(G)
        return similarity(p, q, words) >= COINED_MIN_TOPIC

    return check


_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _author_keys(authors: list[str] | None) -> set[tuple[str, str]]:
    """(first initial, last name) of each author, lower case, a 'Jr.' or 'III' dropped: 'Alceu S. Britto Jr.'
    and 'Alceu de S. Britto Jr.' meet, 'Ling Zhang' and 'Dong Zhang' do not."""
    keys = set()
    for author in authors or ():
        words = [w for w in author.lower().replace(".", " ").replace(",", " ").split() if w not in _NAME_SUFFIXES]
        if len(words) >= 2:
            keys.add((words[0][0], words[-1]))
    return keys


def _labels(G: nx.MultiDiGraph) -> dict:
    """Node -> its label, for loops over every edge (a dict lookup instead of a node view per end)."""
    return {node: attrs.get("label") for node, attrs in G.nodes(data=True)}


def _incoming(G: nx.MultiDiGraph, node: str) -> dict:
    """``{source: {key: attrs}}`` of the edges into ``node``.

    networkx's own predecessor dict, read directly (as networkx's algorithms do): the finishing passes
    visit every edge of a graph of hundreds of thousands, and the view objects of ``in_edges`` cost more
    than the work. Read only; edges are added through ``add_edge``.
    """
    return G._pred[node]


def summarize(G: nx.MultiDiGraph) -> dict:
    """Counts for the closing summary of ``relwork build``: papers, methods, edges by type."""
    papers = [d for _, d in G.nodes(data=True) if d.get("label") == PAPER]
    methods = [d for _, d in G.nodes(data=True) if d.get("label") == METHOD]
    labels = _labels(G)
    links: dict[str, int] = defaultdict(int)
    citations: dict[str, int] = defaultdict(int)
    for u, v, d in G.edges(data=True):
        if labels[u] == PAPER and labels[v] == PAPER:
            citations[d["type"]] += 1
        else:
            links[d["type"]] += 1
    return {
        "papers": len(papers),
        "external_papers": sum(1 for d in papers if d.get("external")),
        "methods": len(methods),
        "catalogued_methods": sum(1 for d in methods if d.get("catalogued")),
        "edges": dict(sorted(links.items())),
        "citations": dict(sorted(citations.items())),
    }


@dataclass
class BuildResult:
    """What ``build_from_files`` did: the graph, the loader's report and the counts before and after."""

    graph: nx.MultiDiGraph
    load: Any
    linked: int  # records linked: the inputs and, with ``update``, the graph papers re-linked
    before: dict = field(default_factory=dict)
    after: dict = field(default_factory=dict)
    dropped: int = 0  # links below ``min_confidence``, left out of the graph

    @property
    def skipped(self) -> list:
        """Every record a loader skipped (``Problem(path, line, reason)``)."""
        return [p for report in getattr(self.load, "files", []) for p in report.skipped]


ProgressFactory = Callable[[str, "int | None"], ContextManager[Callable[..., Any]]]


@contextlib.contextmanager
def _no_progress(description: str, total: int | None = None) -> Iterator[Callable[..., Any]]:
    yield lambda n=1: None


def build_from_files(
    inputs: str | Path | Iterable[str | Path],
    *,
    catalog: str | Path | None = None,
    format: str | None = None,
    strict: bool = False,
    update: str | Path | None = None,
    workers: int = 1,
    progress: ProgressFactory | None = None,
    min_confidence: float = 0.0,
) -> BuildResult:
    """Load, link and build: the ``relwork build`` job.

    ``inputs`` is one path (str or Path) or several; a directory stands for the files below it.
    ``catalog`` is an extra catalog file on top of the built-in one; ``update`` an existing graph file to
    add the papers to (papers already in it are merged, never duplicated; the result is the graph a one-go
    build of the graph's papers and the inputs gives); ``workers`` processes link;
    links whose (calibrated) confidence is below ``min_confidence`` are left out (``BuildResult.dropped``).
    Raises InputError when no paper
    at all could be loaded (some skipped records are only reported). ``progress(description, total)``
    is a context manager yielding an ``advance(n=1)`` callback, one per stage (e.g. the CLI's
    ``progress_bar``).

    The cyclic garbage collector is paused for the whole job (``gc_paused``): every stage only adds
    objects that stay alive until the end (papers, linked records, the graph), and at 200k papers the
    collector's repeated walks over them cost more CPU than building the graph.
    """
    from relwork.linker.calibration import check_threshold

    min_confidence = check_threshold(min_confidence)
    with gc_paused():
        return _build_job(inputs, catalog, format, strict, update, workers, progress or _no_progress, min_confidence)


def graph_catalog(graph: nx.MultiDiGraph, catalog: str | Path | None, update: str | Path | None) -> Path | None:
    """The user catalog file a build links with, recorded in ``graph.graph['catalogs']`` (absolute path and
    SHA-256 of its bytes; ``[]`` for the built-in catalog alone) so that ``--update`` links the new papers as
    the graph's papers were linked.

    An explicit ``catalog`` wins (``'none'``: the built-in catalog alone). Without one, an update reuses the
    graph's recorded catalog when that file is still there with the same content, and raises InputError
    when it is gone or changed, or when the graph records none at all (written before graphs recorded their
    catalog): linking the new papers with another catalog would mix two catalogs silently.
    """
    if catalog is not None and str(catalog) == NO_CATALOG:
        graph.graph["catalogs"] = []
        return None
    if catalog is not None:
        path = Path(catalog).resolve()
        if path.is_file():  # else load_catalog says what is wrong with it
            graph.graph["catalogs"] = [{"path": str(path), "sha256": _file_sha256(path)}]
        return path
    if update is None:
        graph.graph["catalogs"] = []
        return None
    if "catalogs" not in graph.graph:
        raise InputError(
            f"{update} does not record which catalog it was built with (it was written before graphs recorded their "
            f"catalog); pass --catalog FILE if it was built with one, or --catalog {NO_CATALOG} if it was built with "
            "the built-in catalog only (the graph then records it, and later updates need neither)"
        )
    for recorded in graph.graph["catalogs"] or []:
        path = Path(recorded.get("path") or "")
        try:
            digest = _file_sha256(path)
        except OSError:
            digest = None
        if digest != recorded.get("sha256"):
            state = "is no longer there" if digest is None else "has changed since"
            raise InputError(
                f"{update} was built with --catalog {path} (sha256 {str(recorded.get('sha256'))[:12]}), which {state}; "
                "pass --catalog FILE to link the new papers with a catalog (that file as it is now, or where it moved), "
                f"or --catalog {NO_CATALOG} for the built-in catalog only"
            )
        return path
    return None


def _file_sha256(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def corpus_order(paper: Any) -> tuple:
    """Sort key of the order a build links its papers in: first submitted first (arXiv id month, else year;
    undated last), then paper id. A name several papers introduce links to the first of them in this order
    (``linker.pipeline.corpus_names``), so the graph depends on the papers alone, not on the order of the
    input files nor on how they were split over ``--update`` runs; and the first is the earliest, as for
    the graph's citation edges."""
    date = first_submitted(normalize_arxiv_id(paper.arxiv_id), paper.year)
    return (date is None, date or (0, 0), paper.id)


def _graph_paper(node: str, attrs: dict) -> Any:
    """The ``Paper`` record a corpus Paper node holds (its merged record, as the build linked it)."""
    from relwork.core.records import Paper, Source

    return Paper(
        id=node_key(node),
        title=attrs.get("title") or "",
        abstract=attrs.get("abstract") or "",
        year=attrs.get("year"),
        authors=list(attrs.get("authors") or []),
        arxiv_id=attrs.get("arxiv_id"),
        doi=attrs.get("doi"),
        url=attrs.get("url"),
        sources=[
            Source(s.get("file") or "", s.get("line") or 0, s.get("format") or "", s.get("record_id"))
            for s in attrs.get("sources") or []
        ],
        categories=list(attrs.get("categories") or []),
    )


def _merged_with_graph(papers: list, G: nx.MultiDiGraph) -> tuple[list, dict[str, str]]:
    """``papers`` with every paper the graph has already (a corpus paper, same identity as when building)
    replaced by its merged record: the graph's version first, as if its file had been read first, then
    this one folded in by the loader's rules; and, for those, merged record id -> graph node. Their links
    replace the graph's (a revised paper's old version's links must not survive)."""
    from relwork.loaders.dedupe import merge_into

    index = _PaperIndex(G)
    out, in_graph = [], {}
    for paper in papers:
        attrs = {"arxiv_id": normalize_arxiv_id(paper.arxiv_id), "doi": normalize_doi(paper.doi)}
        node = index.find(G, attrs, normalize_title(paper.title or ""))
        old = G.nodes[node] if node is not None else None
        if old is None or old.get("external"):
            out.append(paper)
            continue
        merged = merge_into(_graph_paper(node, old), paper)
        in_graph[merged.id] = node
        out.append(merged)
    return out, in_graph


@dataclass
class _UpdatePlan:
    """What an update links: the new and merged records and the graph's papers the update's names concern
    (``relink``: their links are replaced), with the corpus names they are linked with."""

    papers: list
    relink: set[str]
    names: list


class _Record:
    """A paper of an update's corpus, with the surfaces (names, aliases) its record may give the corpus and
    the keys it may touch: those surfaces' and the acronyms it defines (catalog keys left out: they carry
    no corpus state).

    A new record's names are detected (``found``). A graph paper's are first read from the graph, a
    superset: its INTRODUCES surfaces and the names and aliases of those uncatalogued methods; they are
    detected again from its stored text only when the update needs them (``found`` is None until then)."""

    __slots__ = ("paper", "found", "surfaces", "keys")

    def __init__(
        self, paper: Any, found: list | None, surfaces: set[str], defined: Iterable[str], catalog_keys: frozenset[str]
    ):
        from relwork.linker.catalog import alias_key

        self.paper, self.found, self.surfaces = paper, found, surfaces
        self.keys = ({alias_key(s) for s in surfaces} | set(defined)) - catalog_keys


def _graph_record(G: nx.MultiDiGraph, node: str, attrs: dict, catalog_keys: frozenset[str]) -> _Record:
    from relwork.core.records import Introduced
    from relwork.linker.pipeline import defined_acronyms

    names, surfaces = [], set()
    for method, keys in G._succ[node].items():
        intro = keys.get(INTRODUCES)
        if intro is None or intro.get("field") == "catalog":
            continue
        names.append(intro.get("surface") or "")
        target = G.nodes[method]
        if not target.get("catalogued"):
            surfaces.update([target.get("name") or "", *(target.get("aliases") or [])])
    paper = _graph_paper(node, attrs)
    defined = [key for key, _ in defined_acronyms(paper, [Introduced(name) for name in names])]  # reads names only
    return _Record(paper, None if names else [], surfaces | set(names), defined, catalog_keys)


def _new_record(paper: Any, found: list, catalog_keys: frozenset[str]) -> _Record:
    from relwork.linker.pipeline import defined_acronyms

    surfaces = {s for i in found for s in (i.name, *i.aliases)}
    return _Record(paper, found, surfaces, [key for key, _ in defined_acronyms(paper, found)], catalog_keys)


def _update_plan(papers: list, G: nx.MultiDiGraph, catalog: Any) -> _UpdatePlan:
    """Plan an update as the one-go build of the graph's papers and ``papers`` would link them.

    The corpus names of a key depend only on the records touching it and, through the aliases they claim,
    on those touching those keys: on its component (``_Record.keys``). So the names before and after the
    update are worked out on the components the new and replaced records touch (their graph papers'
    names detected again from the stored text), and ``corpus_changes`` says which names link otherwise;
    the graph papers whose title or abstract writes one of them (a scan: ``_Spellings``), or defines an
    acronym whose readings changed (``_defines``), are re-linked.
    The new and re-linked papers are linked with the names of every component of a name they write,
    which is all of the updated graph's corpus names their text can meet."""
    from relwork.linker.catalog import alias_key
    from relwork.linker.compiled import compiled_catalog
    from relwork.linker.pipeline import Linker, corpus_changes

    merged, in_graph = _merged_with_graph(papers, G)
    compiled = compiled_catalog(catalog)
    detector = Linker(catalog, compile=False, compiled=compiled)
    replaced = set(in_graph.values())
    graph = [
        _graph_record(G, node, attrs, compiled.keys)
        for node, attrs in G.nodes(data=True)
        if attrs.get("label") == PAPER and not attrs.get("external")
    ]
    new = [_new_record(p, detector.introduced(p), compiled.keys) for p in merged]
    by_key: dict[str, list[_Record]] = defaultdict(list)
    for record in graph:
        for key in record.keys:
            by_key[key].append(record)
    inside: set[int] = set()  # the graph records of the components reached so far (by id)
    reached: set[str] = set()

    def add_components(keys: Iterable[str]) -> None:
        todo = [k for k in set(keys) if k not in reached]
        reached.update(todo)
        while todo:
            for record in by_key.get(todo.pop(), ()):
                if id(record) not in inside:
                    inside.add(id(record))
                    if record.found is None:
                        record.found = detector.introduced(record.paper)
                    fresh = record.keys - reached
                    reached.update(fresh)
                    todo.extend(fresh)

    def kept() -> list[_Record]:
        return [r for r in graph if id(r) in inside and paper_node(r.paper.id) not in replaced]

    add_components(k for r in new for k in r.keys)
    add_components(k for r in graph if paper_node(r.paper.id) in replaced for k in r.keys)
    before = _corpus_names(r for r in graph if id(r) in inside)
    linked, read = corpus_changes(before, _corpus_names(kept() + new), catalog)
    changed = _Spellings(linked)
    relinked = [
        r.paper for r in graph
        if paper_node(r.paper.id) not in replaced and (changed.written(r.paper) or _defines(r.paper, read))
    ]
    relinked += _sharing(G, [*replaced, *(paper_node(p.id) for p in relinked)], graph, replaced)
    linking = merged + relinked
    vocabulary = _Spellings({s for r in graph + new for s in r.surfaces})
    add_components(alias_key(s) for p in linking for s in vocabulary.written(p))
    # the graph nodes' own ids too: a merged record whose id changed (an arXiv id arrived) is dropped up front
    relink = set(in_graph) | {node_key(node) for node in replaced} | {p.id for p in relinked}
    return _UpdatePlan(sorted(linking, key=corpus_order), relink, _corpus_names(kept() + new))


def _sharing(G: nx.MultiDiGraph, nodes: list[str], graph: list[_Record], skip: set[str]) -> list:
    """The other graph papers linking an uncatalogued method one of ``nodes`` links: re-linked with them, so
    that the method's kind and aliases are made again from every record naming it (``_Builder.stale``)."""
    methods = {
        method
        for node in nodes
        for method, keys in G._succ[node].items()
        if G.nodes[method].get("label") == METHOD and not G.nodes[method].get("catalogued")
        and any(data.get("field") != "catalog" for data in keys.values())
    }
    sharing = {p for method in methods for p in G._pred[method] if G.nodes[p].get("label") == PAPER} - set(nodes) - skip
    return [r.paper for r in graph if paper_node(r.paper.id) in sharing]


def _corpus_names(records: Iterable[_Record]) -> list:
    """The corpus names of records, as ``iter_corpus`` makes them of a build's papers (``corpus_order``)."""
    from relwork.linker.pipeline import corpus_names, defined_acronyms

    corpus = sorted(records, key=lambda r: corpus_order(r.paper))
    definitions = [d for r in corpus for d in defined_acronyms(r.paper, r.found)]
    return corpus_names(((r.paper.id, r.found) for r in corpus), definitions)


def _defines(paper: Any, acronyms: set[str]) -> bool:
    """Whether the abstract defines one of ``acronyms`` ('Long Form (SHORT)', plural too): only then do other
    papers' readings of it change how the paper links it (``pipeline.corpus_changes``)."""
    from relwork.linker.introduced import find_definitions

    text = paper.abstract or ""
    if not acronyms or "(" not in text or not any(a in text for a in acronyms):
        return False
    return any(d.short in acronyms or d.short[:-1] in acronyms for d in find_definitions(text))


def _name_case(written: str) -> bool:
    """Whether a span may be a corpus name as written: a capital or a digit in it. Corpus names match in their
    own case and have one (``pipeline.corpus_linkable``), and so do the readings' and uncatalogued names."""
    return not written.islower() or any(c.isdigit() for c in written)


class _Spellings:
    """Finds which of some surfaces (corpus names) a paper may write: a superset of what the linker finds of
    them, by any spelling the matcher matches (``matcher.variants``) starting at a word, ending at a word
    end, a plural 's' or a digit, not all lower case (``_name_case``), in the title and abstract as written
    and as read through TeX/HTML markup. One automaton pass a text."""

    def __init__(self, surfaces: Iterable[str]):
        import ahocorasick_rs

        from relwork.linker.matcher import normalize, variants

        patterns: dict[str, set[str]] = defaultdict(set)
        for surface in surfaces:
            for spelling in {" ".join(normalize(surface).split()), *variants(surface)}:
                if spelling:
                    patterns[" " + spelling].add(surface)
        self._patterns = sorted(patterns)
        self._surfaces = [patterns[p] for p in self._patterns]
        self._automaton = ahocorasick_rs.AhoCorasick(self._patterns) if self._patterns else None

    def written(self, paper: Any) -> set[str]:
        from relwork.linker.matcher import markup_view, normalize

        found: set[str] = set()
        if self._automaton is None:
            return found
        for field in (paper.title or "", paper.abstract or ""):
            view = markup_view(field)
            for text in (field,) if view is None else (field, view[0]):
                padded = " " + normalize(text) + " "  # normalising keeps offsets: text[i] is padded[i + 1]
                for index, start, end in self._automaton.find_matches_as_indexes(padded, overlapping=True):
                    follow, written = padded[end], text[start : end - 1]
                    if (follow == " " or follow == "s" or follow.isdigit()) and _name_case(written):
                        found.update(self._surfaces[index])
        return found


def _build_job(inputs, catalog, format, strict, update, workers, bar: ProgressFactory, min_confidence: float) -> BuildResult:
    from relwork.graph.io import load_graph
    from relwork.linker import load_catalog
    from relwork.linker.calibration import drop_below
    from relwork.linker.pipeline import iter_corpus, link_papers
    from relwork.loaders import load_papers

    graph = load_graph(update) if update is not None else new_graph()
    before = summarize(graph)
    catalog = graph_catalog(graph, catalog, update)
    cat = load_catalog(catalog)
    with bar("Loading", None) as advance:
        loaded = load_papers(inputs, format=format, strict=strict, progress=advance)
    if not loaded.papers:
        problems = [p for report in loaded.files for p in report.skipped]
        first = f"; first problem: {problems[0]}" if problems else ""
        raise InputError(f"no papers could be loaded from the {len(loaded.files)} input file(s){first}")
    if update is None:
        papers, relink = sorted(loaded.papers, key=corpus_order), set()
        records = iter_corpus(papers, cat, workers=workers)
    else:
        plan = _update_plan(loaded.papers, graph, cat)
        papers, relink = plan.papers, plan.relink
        records = link_papers(papers, cat, introduced=plan.names, workers=workers)
    linked = dropped = 0

    def counted(records: Iterable[LinkedPaper]) -> Iterator[LinkedPaper]:
        nonlocal linked, dropped
        for record in records:
            linked += 1
            dropped += drop_below(record, min_confidence)
            yield record

    # the graph grows while the workers link: records stream from the linker into the builder
    with bar("Linking and building", len(papers)) as advance:
        build_graph(counted(records), cat, graph, progress=advance, relink=relink)
    return BuildResult(graph=graph, load=loaded, linked=linked, before=before, after=summarize(graph), dropped=dropped)
