"""The graph's vocabulary, in one place: node labels, edge types and node-id helpers.

Everything that writes or reads the graph (builder, queries, Neo4j export, HTML view) uses these names;
Neo4j labels and relationship types are taken from here only, never from data.

Model (a ``networkx.MultiDiGraph``):
- ``Paper`` nodes, id ``paper:<paper id>``: title, year, authors, url, arxiv_id, doi, sources,
  ``external`` (True for origin papers known only from the catalog).
- ``Method`` nodes, id ``method:<canonical name>``: name, kind ('method', 'dataset', 'uncatalogued', ...),
  aliases, year.
- Paper -> Method edges of type INTRODUCES, BUILDS_ON, COMPARES_TO, MENTIONS (key = type), with
  evidence, cue, field, confidence, surface.
- Method -> Method DERIVED_FROM (child -> parent, from catalog parents).
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
EDGE_TYPES = (INTRODUCES, BUILDS_ON, COMPARES_TO, MENTIONS, DERIVED_FROM)

# linker relation -> edge type; also the ranking order used by queries (strongest first)
RELATION_TO_EDGE = {"builds_on": BUILDS_ON, "compares_to": COMPARES_TO, "mentions": MENTIONS}
RELATION_RANK = {BUILDS_ON: 0, COMPARES_TO: 1, MENTIONS: 2}


def paper_node(paper_id: str) -> str:
    """Node id of a paper."""
    return f"paper:{paper_id}"


def method_node(name: str) -> str:
    """Node id of a method (canonical name)."""
    return f"method:{name}"
