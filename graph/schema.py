"""The graph's vocabulary, in one place: node labels, edge types and node-id helpers.

Everything that writes or reads the graph (builder, queries, Neo4j export, HTML view) uses these names;
Neo4j labels and relationship types are taken from here only, never from data.

Model (a ``networkx.MultiDiGraph``):
- ``Paper`` nodes, id ``paper:<paper id>`` (the paper id is not repeated as an attribute: node-link JSON
  uses ``id`` for the node id; ``node_key`` strips the prefix): title, abstract, year, authors, categories (the subject classes the sources give: arXiv categories, fields of study), url, arxiv_id, doi, sources (list of {file, line, format}), ``external`` (True for origin papers
  known only from the catalog).
- ``Method`` nodes, id ``method:<canonical name>``: name, kind ('method', 'dataset', 'uncatalogued', ...),
  area, aliases, year, ``catalogued`` (False for names only the corpus introduces or mentions).
- Paper -> Method edges of type INTRODUCES, BUILDS_ON, COMPARES_TO, MENTIONS (key = type), with
  evidence, cue, field ('title', 'abstract', or 'catalog' for an origin paper named by the catalog),
  confidence, surface, and count (distinct mentions aggregated into the edge).
- Method -> Method DERIVED_FROM (child -> parent, from catalog parents), key DERIVED_FROM, with the same
  evidence attributes (field 'catalog').
- Method -> Method NAMED_AFTER (a name the catalog lacks -> each method whose whole name it holds as words:
  IC-Mamba -> Mamba, Mamba-2 Retriever -> Mamba-2 and Mamba), key NAMED_AFTER, field 'name'; written by the
  builder (``graph.queries.named_after_ties``), read by the family queries, the exports and the HTML view.
- Paper -> Paper citation-style edges BUILDS_ON / COMPARES_TO / MENTIONS with ``via`` = the method name
  (key = 'TYPE:via').
Every node has ``label`` ('Paper' or 'Method'); every edge has ``type``.
"""

from __future__ import annotations

PAPER = "Paper"
METHOD = "Method"
NODE_LABELS = (PAPER, METHOD)

INTRODUCES = "INTRODUCES"
BUILDS_ON = "BUILDS_ON"
COMPARES_TO = "COMPARES_TO"
MENTIONS = "MENTIONS"
DERIVED_FROM = "DERIVED_FROM"
NAMED_AFTER = "NAMED_AFTER"
EDGE_TYPES = (INTRODUCES, BUILDS_ON, COMPARES_TO, MENTIONS, DERIVED_FROM, NAMED_AFTER)

# linker relation -> edge type; also the ranking order used by queries (strongest first)
RELATION_TO_EDGE = {"builds_on": BUILDS_ON, "compares_to": COMPARES_TO, "mentions": MENTIONS}
RELATION_RANK = {BUILDS_ON: 0, COMPARES_TO: 1, MENTIONS: 2}


def paper_node(paper_id: str) -> str:
    """Node id of a paper."""
    return f"paper:{paper_id}"


def method_node(name: str) -> str:
    """Node id of a method (canonical name)."""
    return f"method:{name}"


def node_key(node: str) -> str:
    """The paper id or method name inside a node id ('paper:1810.04805' -> '1810.04805')."""
    return node.split(":", 1)[1] if node.startswith(("paper:", "method:")) else node


# strength of a Paper -> Method link, strongest first: used to rank bridges, related papers and paths
LINK_RANK = {INTRODUCES: 0, BUILDS_ON: 1, COMPARES_TO: 2, MENTIONS: 3}
# where the evidence was found, strongest first
FIELD_RANK = {"title": 0, "abstract": 1, "catalog": 2}

# attribute types, for formats that only store strings or scalars (GraphML, GEXF, CSV): lists and dicts
# are written as JSON text and read back by these types. A type ending in '?' may be None (left out of
# GraphML/GEXF, an empty CSV cell; on edges such attributes are simply absent where they do not apply:
# count on Paper -> Method edges, via on Paper -> Paper edges); plain 'str' attributes are never None.
PAPER_ATTRS = {
    "title": "str", "abstract": "str", "year": "int?", "authors": "list", "url": "str?",
    "arxiv_id": "str?", "doi": "str?", "sources": "list", "external": "bool", "categories": "list",
}
METHOD_ATTRS = {
    "name": "str", "kind": "str", "area": "str", "aliases": "list", "year": "int?", "catalogued": "bool",
}
EDGE_ATTRS = {
    "evidence": "str", "cue": "str", "field": "str", "confidence": "float", "surface": "str",
    "count": "int?", "via": "str?",
}
