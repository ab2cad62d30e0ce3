"""The path score `connecting_paths` documents, recomputed by brute force for the tests that check the ranked
paths against every shortest path: log2 of the degree of each node between the ends plus each hop's cheapest edge
by type and confidence, in hundredths of a bit."""

from __future__ import annotations

import math

import networkx as nx

from relwork.graph.queries import HOP_COST
from relwork.graph.schema import NAMED_AFTER


def path_graph(G):
    """``G`` as paths see it: NAMED_AFTER ties (a name, not a link a paper states) are no hop."""
    return nx.subgraph_view(G, filter_edge=lambda u, v, k: k != NAMED_AFTER)


def path_score(G, nodes) -> float:
    """The documented score of the path through ``nodes`` in ``G`` (its NAMED_AFTER ties left out)."""
    G = path_graph(G)

    def hop(x, y):
        edges = [*G.get_edge_data(x, y, default={}).values(), *G.get_edge_data(y, x, default={}).values()]
        return min(HOP_COST[d["type"]] + (100 - int(100 * d["confidence"])) // 4 for d in edges)

    inner = sum(round(100 * math.log(G.degree(n)) / math.log(2)) for n in nodes[1:-1])
    return (inner + sum(hop(x, y) for x, y in zip(nodes, nodes[1:]))) / 100
