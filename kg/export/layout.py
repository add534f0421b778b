"""Coordinates for big graphs, computed before the page opens.

vis-network's physics needs minutes on 10,000 nodes, and without it the page
shows every node piled in one disc. networkx's layouts need numpy, which vnkg
does not depend on, and spring layouts cost O(n^2) per step. So, in pure
Python: the Louvain communities of each big component (networkx) are each
drawn as a *sunflower* disc, members in breadth-first order from the
community's best-connected node outwards, so hubs sit in the middle of their
neighbours; the discs are then placed by a force-directed layout of the graph
of communities (O(c^2) for c communities, not n) and pushed apart until none
overlap; components are packed in rows, largest first. 10,000 nodes and
20,000 events take about 4 s, most of it Louvain.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

SPACING = 40.0  # vis-network units between neighbouring nodes
_GOLDEN = math.pi * (3 - math.sqrt(5))
N = TypeVar("N", bound=Hashable)


def sunflower_layout(adjacency: Mapping[N, Iterable[N]], *,
                     spacing: float = SPACING) -> dict[N, tuple[float, float]]:
    """One disc per connected component, best-connected node in the middle, packed in rows.

    >>> pos = sunflower_layout({"hub": ["a", "b", "c"], "a": ["hub"], "b": ["hub"], "c": ["hub"], "x": []})
    >>> pos["hub"] != pos["a"] and len(pos) == 5
    True
    """
    neighbours: dict[Hashable, list[Hashable]] = {node: list(others) for node, others in adjacency.items()}
    for _node, others in list(neighbours.items()):
        for other in others:
            neighbours.setdefault(other, [])
    degree: dict[Hashable, int] = {node: len(set(others)) for node, others in neighbours.items()}
    seen: set[Hashable] = set()
    blobs = []
    for root in sorted(neighbours, key=lambda n: (-degree[n], str(n))):
        if root not in seen:
            blobs.append(_disc(_bfs_order(root, neighbours, degree, seen), spacing))
    return _pack(blobs, spacing)  # type: ignore[return-value]


def _bfs_order(root: Hashable, neighbours: Mapping[Hashable, list[Hashable]],
               degree: Mapping[Hashable, int], seen: set[Hashable]) -> list[Hashable]:
    seen.add(root)
    order = [root]
    for node in order:  # grows while iterating: a queue
        for other in sorted(neighbours[node], key=lambda n: -degree[n]):
            if other not in seen:
                seen.add(other)
                order.append(other)
    return order


def _disc(order: list[Hashable], spacing: float) -> tuple[float, dict[Hashable, tuple[float, float]]]:
    """Nodes on a sunflower spiral in the given order: equal area each, first in the middle."""
    pos = {}
    for i, node in enumerate(order):
        r = spacing * 0.8 * math.sqrt(i + (0.5 if i else 0))
        pos[node] = (r * math.cos(i * _GOLDEN), r * math.sin(i * _GOLDEN))
    radius = spacing * 0.8 * math.sqrt(len(order)) + spacing / 2
    return radius, pos


def _pack(blobs: list[tuple[float, dict[Hashable, tuple[float, float]]]],
          spacing: float) -> dict[Hashable, tuple[float, float]]:
    """Shelf packing of discs, in the given order, in a roughly square area."""
    area = sum((2 * r + spacing) ** 2 for r, _ in blobs)
    width = max(math.sqrt(area), max((2 * r for r, _ in blobs), default=0.0))
    pos: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for r, offsets in blobs:
        size = 2 * r + spacing
        if x > 0 and x + size > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for node, (dx, dy) in offsets.items():
            pos[node] = (round(cx + dx, 1), round(cy + dy, 1))
        x += size
        row_height = max(row_height, size)
    return pos


def community_layout(adjacency: Mapping[N, Iterable[N]], *, spacing: float = SPACING,
                     seed: int = 7, max_iterations: int = 80) -> dict[N, tuple[float, float]]:
    """Positions that show the communities of a big graph (see the module docstring).

    A big component drawn as one disc (or by a spring layout stopped early)
    is a hairball: with a few hubs everything is two hops from everything.
    Components under 200 nodes are single discs.

    >>> ring = {i: [(i + 1) % 60, (i - 1) % 60] for i in range(60)}
    >>> len(community_layout(ring)) == 60
    True
    """
    import networkx as nx

    g = nx.Graph()
    for node, others in adjacency.items():
        g.add_node(node)
        g.add_edges_from((node, other) for other in others if other != node)
    blobs: list[tuple[float, dict[Hashable, tuple[float, float]]]] = []
    for component in nx.connected_components(g):
        sub = g.subgraph(component)
        if len(component) < 200:
            blobs.append(_as_blob(sunflower_layout({n: list(sub[n]) for n in sub}, spacing=spacing)))
            continue
        communities = nx.community.louvain_communities(sub, seed=seed)
        which = {n: i for i, members in enumerate(communities) for n in members}
        parts = [_as_blob(sunflower_layout({n: [m for m in sub[n] if which[m] == i] for n in members},
                                           spacing=spacing))
                 for i, members in enumerate(communities)]
        ties: dict[tuple[int, int], int] = {}
        for a, b in sub.edges():
            i, j = which[a], which[b]
            if i != j:
                key = (min(i, j), max(i, j))
                ties[key] = ties.get(key, 0) + 1
        centres = _place_discs([r for r, _ in parts], ties, spacing=spacing, seed=seed,
                               iterations=max_iterations)
        offsets: dict[Hashable, tuple[float, float]] = {}
        for (cx, cy), (_, part) in zip(centres, parts, strict=False):
            for member, (x, y) in part.items():
                offsets[member] = (cx + x, cy + y)
        blobs.append(_as_blob(offsets))
    blobs.sort(key=lambda blob: -blob[0])
    return _pack(blobs, spacing)  # type: ignore[return-value]


def _as_blob(pos: Mapping[Hashable, tuple[float, float]]) -> tuple[float, dict[Hashable, tuple[float, float]]]:
    """Positions centred on their centroid, with the radius of the disc holding them."""
    n = len(pos)
    mx = sum(x for x, _ in pos.values()) / n
    my = sum(y for _, y in pos.values()) / n
    centred = {node: (x - mx, y - my) for node, (x, y) in pos.items()}
    radius = max(math.hypot(x, y) for x, y in centred.values()) + SPACING / 2
    return radius, centred


def _place_discs(radii: list[float], ties: Mapping[tuple[int, int], int], *, spacing: float, seed: int,
                 iterations: int) -> list[tuple[float, float]]:
    """Centres for discs of the given radii: Fruchterman-Reingold on the ties, then no overlap."""
    import random

    rng = random.Random(seed)
    n = len(radii)
    scale = math.sqrt(sum(r * r for r in radii)) * 2
    xs = [rng.uniform(-scale, scale) for _ in range(n)]
    ys = [rng.uniform(-scale, scale) for _ in range(n)]
    k = scale / math.sqrt(n) if n else 1.0
    top = max(ties.values(), default=1)
    temperature = scale / 4
    for step in range(iterations):
        dx = [0.0] * n
        dy = [0.0] * n
        for i in range(n):
            xi, yi, ri = xs[i], ys[i], radii[i]
            for j in range(i + 1, n):
                ex, ey = xi - xs[j], yi - ys[j]
                d = math.hypot(ex, ey) or 0.01
                gap = max(d - ri - radii[j], d * 0.05)
                f = k * k / gap / d
                dx[i] += ex * f
                dy[i] += ey * f
                dx[j] -= ex * f
                dy[j] -= ey * f
        for (i, j), w in ties.items():
            ex, ey = xs[i] - xs[j], ys[i] - ys[j]
            d = math.hypot(ex, ey) or 0.01
            f = d / k * (1 + math.log(w) / math.log(top + 1)) * 0.5
            dx[i] -= ex * f
            dy[i] -= ey * f
            dx[j] += ex * f
            dy[j] += ey * f
        for i in range(n):
            d = math.hypot(dx[i], dy[i]) or 1.0
            move = min(d, temperature)
            xs[i] += dx[i] / d * move
            ys[i] += dy[i] / d * move
        temperature = scale / 4 * (1 - (step + 1) / iterations) + spacing
    for _ in range(100):  # push overlapping discs apart
        moved = False
        for i in range(n):
            for j in range(i + 1, n):
                ex, ey = xs[j] - xs[i], ys[j] - ys[i]
                d = math.hypot(ex, ey) or 0.01
                need = radii[i] + radii[j] + spacing
                if d < need:
                    push = (need - d) / 2 / d
                    xs[i] -= ex * push
                    ys[i] -= ey * push
                    xs[j] += ex * push
                    ys[j] += ey * push
                    moved = True
        if not moved:
            break
    return list(zip(xs, ys, strict=False))
