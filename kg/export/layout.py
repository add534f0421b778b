"""Coordinates for big graphs, computed before the page opens.

vis-network's physics needs minutes on 10,000 nodes, and without it the page
shows every node piled in one disc. networkx's layouts need numpy, which vnkg
does not depend on, and spring layouts cost O(n^2) per step. This is a
*balloon* layout in pure Python, O(n log n): each connected component is
a BFS tree from its best-connected node; a node's leaves sit on a sunflower
spiral around it and its subtrees on a ring outside them, each subtree in a
wedge wide enough for its own balloon, so nothing overlaps. Components are
then packed in rows, largest first. Hubs (countries, leaders) end up at the
centre of their neighbours, which is what readers of our graphs look for.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

SPACING = 40.0  # vis-network units between neighbouring nodes
_GOLDEN = math.pi * (3 - math.sqrt(5))
N = TypeVar("N", bound=Hashable)


def balloon_layout(adjacency: Mapping[N, Iterable[N]], *,
                   spacing: float = SPACING) -> dict[N, tuple[float, float]]:
    """Positions for every node of an undirected adjacency mapping.

    >>> pos = balloon_layout({"hub": ["a", "b", "c"], "a": ["hub"], "b": ["hub"], "c": ["hub"], "x": []})
    >>> pos["hub"] != pos["a"] and len(pos) == 5
    True
    """
    neighbours: dict[Hashable, list[Hashable]] = {node: list(others) for node, others in adjacency.items()}
    for node, others in list(neighbours.items()):
        for other in others:
            neighbours.setdefault(other, [])
    degree: dict[Hashable, int] = {node: len(set(others)) for node, others in neighbours.items()}
    seen: set[Hashable] = set()
    balloons = []
    for root in sorted(neighbours, key=lambda n: (-degree[n], str(n))):
        if root in seen:
            continue
        children = _bfs_tree(root, neighbours, degree, seen)
        radius, offsets = _balloon(root, children, spacing)
        balloons.append((radius, offsets))
    return _pack(balloons, spacing)  # type: ignore[return-value]


def _bfs_tree(root: Hashable, neighbours: Mapping[Hashable, list[Hashable]],
              degree: Mapping[Hashable, int], seen: set[Hashable]) -> dict[Hashable, list[Hashable]]:
    seen.add(root)
    children: dict[Hashable, list[Hashable]] = {root: []}
    frontier = [root]
    while frontier:
        following = []
        for node in frontier:
            for other in neighbours[node]:
                if other not in seen:
                    seen.add(other)
                    children[node].append(other)
                    children[other] = []
                    following.append(other)
        frontier = following
    return children


def _balloon(root: Hashable, children: Mapping[Hashable, list[Hashable]],
             spacing: float) -> tuple[float, dict[Hashable, tuple[float, float]]]:
    """Radius of the root's balloon and each node's offset from the root."""
    order = []  # post-order without recursion: deep trees would overflow the stack
    stack = [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children[node])
    radius: dict[Hashable, float] = {}
    # placement of each child relative to its parent, filled bottom-up
    local: dict[Hashable, tuple[float, float]] = {}
    for node in reversed(order):
        kids = children[node]
        if not kids:
            radius[node] = spacing / 2
            continue
        leaves = [k for k in kids if not children[k]]
        subtrees = sorted((k for k in kids if children[k]), key=lambda k: -radius[k])
        # leaves on a sunflower spiral: equal area per leaf, starting one spacing out
        inner = spacing
        for i, leaf in enumerate(leaves):
            r = spacing * math.sqrt(i + (inner / spacing) ** 2)
            angle = i * _GOLDEN
            local[leaf] = (r * math.cos(angle), r * math.sin(angle))
        leaf_r = spacing * math.sqrt(len(leaves) + 1) + spacing / 2 if leaves else spacing / 2
        outer = leaf_r
        if subtrees:
            total = sum(radius[k] for k in subtrees)
            ring = max(leaf_r + radius[subtrees[0]], total / math.pi * 1.05)
            angle = 0.0
            for k in subtrees:
                half = radius[k] / total * math.pi
                angle += half
                local[k] = (ring * math.cos(angle), ring * math.sin(angle))
                angle += half
            outer = ring + radius[subtrees[0]]
        radius[node] = outer
    offsets: dict[Hashable, tuple[float, float]] = {root: (0.0, 0.0)}
    for node in order:  # pre-order: parents before children
        px, py = offsets[node]
        for kid in children[node]:
            dx, dy = local[kid]
            offsets[kid] = (px + dx, py + dy)
    return radius[root], offsets


def _pack(balloons: list[tuple[float, dict[Hashable, tuple[float, float]]]],
          spacing: float) -> dict[Hashable, tuple[float, float]]:
    """Shelf packing of the component balloons, largest first, in a roughly square area."""
    area = sum((2 * r + spacing) ** 2 for r, _ in balloons)
    width = max(math.sqrt(area), max((2 * r for r, _ in balloons), default=0.0))
    pos: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for r, offsets in balloons:
        size = 2 * r + spacing
        if x > 0 and x + size > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + size / 2, y + size / 2
        for node, (dx, dy) in offsets.items():
            pos[node] = (round(cx + dx, 1), round(cy + dy, 1))
        x += size
        row_height = max(row_height, size)
    return pos
