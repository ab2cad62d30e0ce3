"""Node positions computed in Python, so big graphs open without in-browser physics.

vis-network's physics needs minutes to settle a few thousand nodes; a force layout in numpy takes a second
or two. Each connected component is laid out on its own (force-directed, Fruchterman-Reingold forces with
repulsion weighted by degree so hubs push their neighbourhoods apart), then the components are packed in
rows, largest first, so isolated nodes do not drift to the edge of the canvas.
Repulsion is exact up to ``EXACT_REPULSION_MAX`` nodes and estimated from a random sample of nodes above,
which keeps one iteration linear in the number of nodes. The result is deterministic for a given seed.
"""

from __future__ import annotations

import math
from typing import Hashable

import networkx as nx
import numpy as np

EDGE_LENGTH = 70.0  # canvas pixels between two linked nodes (vis-network coordinates)
EXACT_REPULSION_MAX = 1500
REPULSION_SAMPLE = 300
BIG_COMPONENT_ITERATIONS = 50  # components above EXACT_REPULSION_MAX: each iteration costs more
GRAVITY = 0.05
MASS_EXPONENT = 1.0


def layout_positions(G: nx.Graph, *, seed: int = 7, iterations: int = 80) -> dict[Hashable, tuple[float, float]]:
    """Return ``{node: (x, y)}`` in canvas pixels for every node of ``G`` (direction and multi-edges ignored)."""
    U = nx.Graph()
    U.add_nodes_from(G.nodes)
    U.add_edges_from((u, v) for u, v in G.edges() if u != v)
    components = sorted(nx.connected_components(U), key=lambda c: (-len(c), min(map(str, c))))
    rng = np.random.default_rng(seed)
    boxes = []
    for nodes in components:
        order = sorted(nodes, key=str)
        steps = iterations if len(order) <= EXACT_REPULSION_MAX else min(iterations, BIG_COMPONENT_ITERATIONS)
        coords = _force_layout(U, order, rng, steps) * EDGE_LENGTH
        boxes.append((order, coords))
    return _pack(boxes)


def _force_layout(U: nx.Graph, order: list, rng: np.random.Generator, iterations: int) -> np.ndarray:
    """Positions (n x 2, ideal edge length 1) of one connected component."""
    n = len(order)
    if n == 1:
        return np.zeros((1, 2))
    index = {node: i for i, node in enumerate(order)}
    sub = U.subgraph(order)
    edges = np.array([(index[u], index[v]) for u, v in sub.edges()], dtype=np.int64).reshape(-1, 2)
    mass = np.array([sub.degree(node) + 1.0 for node in order]) ** MASS_EXPONENT
    side = math.sqrt(n) * 2.0
    pos = rng.uniform(0.0, side, size=(n, 2))
    temperature = side / 8.0
    cooling = temperature / (iterations + 1)
    # weighting repulsion by mass (degree + 1) spreads the neighbourhoods of hubs; the scale keeps the
    # typical edge near length 1 whatever the degree distribution
    strength = 1.0 / mass.mean()
    for _ in range(iterations):
        disp = _repulsion(pos, mass, rng) * strength
        delta = pos[edges[:, 0]] - pos[edges[:, 1]]
        dist = np.sqrt((delta**2).sum(axis=1)) + 1e-9
        pull = delta * dist[:, None]  # attraction d^2 / k with k = 1, along the edge
        np.subtract.at(disp, edges[:, 0], pull)
        np.add.at(disp, edges[:, 1], pull)
        disp += (pos.mean(axis=0) - pos) * GRAVITY * mass[:, None]  # gravity keeps chains and leaves close
        length = np.sqrt((disp**2).sum(axis=1)) + 1e-9
        pos += disp / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature = max(temperature - cooling, 0.01)
    return pos - pos.mean(axis=0)


def _repulsion(pos: np.ndarray, mass: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Repulsive displacement m_i m_j / d for every node: exact for small components, sampled above."""
    n = len(pos)
    if n <= EXACT_REPULSION_MAX:
        others, other_mass, scale = pos, mass, 1.0
    else:
        pick = rng.choice(n, size=REPULSION_SAMPLE, replace=False)
        others, other_mass, scale = pos[pick], mass[pick], (n - 1) / REPULSION_SAMPLE
    # sum_j m_j (x_i - x_j) / d_ij^2 = x_i * sum_j w_ij - sum_j w_ij x_j with w_ij = m_j / d_ij^2; written
    # with matrix products (squared distances by the dot-product identity) it needs no n x n x 2 temporary
    out = np.empty_like(pos)
    other_sq = (others**2).sum(axis=1)
    chunk = max(1, 4_000_000 // len(others))
    for start in range(0, n, chunk):
        block = pos[start : start + chunk]
        dist2 = (block**2).sum(axis=1)[:, None] + other_sq[None, :] - 2.0 * (block @ others.T)
        np.maximum(dist2, 1e-4, out=dist2)
        weight = other_mass[None, :] / dist2
        out[start : start + chunk] = block * weight.sum(axis=1)[:, None] - weight @ others
    return out * mass[:, None] * scale


def _pack(boxes: list[tuple[list, np.ndarray]]) -> dict[Hashable, tuple[float, float]]:
    """Place component layouts in rows (largest first), a gap of one edge length between them."""
    gap = EDGE_LENGTH
    sized = []
    total_area = 0.0
    for order, coords in boxes:
        low = coords.min(axis=0)
        size = coords.max(axis=0) - low
        sized.append((order, coords - low, size))
        total_area += (size[0] + gap) * (size[1] + gap)
    # rows about 1.6 times wider than high, to fill a screen; a giant component (half the area or more)
    # gets a row of its own, so the small components and isolated nodes line up underneath it instead of
    # in a strip beside it
    row_width = max(math.sqrt(total_area) * 1.6, max(s[2][0] for s in sized) + gap)
    first = sized[0][2]
    giant = (first[0] + gap) * (first[1] + gap) >= 0.5 * total_area
    positions: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for index, (order, coords, size) in enumerate(sized):
        if x > 0 and (x + size[0] > row_width or (index == 1 and giant)):
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        for node, (px, py) in zip(order, coords):
            positions[node] = (round(float(px + x), 1), round(float(py + y), 1))
        x += size[0] + gap
        row_height = max(row_height, size[1])
    return positions
