"""Bridge search steps over every link but a NAMED_AFTER tie (IC-Mamba is no hop to Mamba). ``_path_neighbours``
now tests the keys by length and membership instead of comparing a keys view with a set (collections.abc's
Python ``__le__`` for every neighbour: half of a bridge's time on a 3,000-paper graph); the neighbours must be
the same on every seed node, a node tied by a name and a link too."""

from __future__ import annotations

from relwork.graph.queries import NAMED_AFTER, _path_neighbours, bridge


def test_path_neighbours_leave_out_only_name_ties_on_every_seed_node(seed_graph):
    G = seed_graph
    for node in G:
        expected = {w for adjacent in (G.succ[node], G.pred[node]) for w, keys in adjacent.items()
                    if set(keys) != {NAMED_AFTER}}
        assert _path_neighbours(G, node) == expected, node
    named = sum(1 for _, _, k in G.edges(keys=True) if k == NAMED_AFTER)
    assert named > 0  # the seed graph has name ties to leave out


def test_bridge_paths_never_hop_over_a_name_tie(seed_graph):
    paths = bridge(seed_graph, "Longformer", "state-space models", max_paths=5)["paths"]
    assert len(paths) == 5
    assert all(hop["type"] != NAMED_AFTER for path in paths for hop in path["hops"])
