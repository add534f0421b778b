"""The interactive page of ``kg viz``: one self-contained HTML file.

pyvis provides vis-network (its bundled 9.1.2 build, inlined here) and the
option defaults; the page itself is our own template (``assets/``) because
pyvis's templates link Bootstrap and other assets from a CDN, write the
heading and the select menu without escaping, and render every tooltip as
HTML as soon as one contains ``href``. So:

* the graph travels as JSON in a ``<script type="application/json">`` block,
  with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped so no text can end the
  block, and is read with ``JSON.parse``;
* the page's script builds every tooltip and panel with ``textContent``;
* a Content-Security-Policy allows only the page's own two scripts (by hash)
  and no connection at all, so nothing leaves the page even by mistake;
* ``add_node``/``add_edge`` of pyvis are quadratic, so node and edge lists are
  filled directly.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.model import ENTITY_TYPE_INFO, PREDICATE_INFO

if TYPE_CHECKING:
    import networkx as nx

# Above this many nodes coordinates are computed in Python and physics is off.
PHYSICS_MAX_NODES = 1000

TYPE_STYLES = {t.name: {"color": t.color, "shape": t.shape} for t in ENTITY_TYPE_INFO.values()}
OTHER_STYLE = {"color": "#9c9c9c", "shape": "triangleDown"}
RELATION_COLORS = {p.name: p.color for p in PREDICATE_INFO.values()}
# the page's names of entity types and relations, by language
LABELS = {
    "vi": {**{t.name: t.label_vi for t in ENTITY_TYPE_INFO.values()},
           **{p.name: p.label_vi for p in PREDICATE_INFO.values()}},
    "en": {**{t.name: t.label_en for t in ENTITY_TYPE_INFO.values()},
           **{p.name: p.label_en for p in PREDICATE_INFO.values()}},
}
SYMMETRIC = {"met", "signed"}
# reports of one event written into the page beyond the first; the page says how many more there are
MAX_SOURCES = 5


def report_fields(d: dict[str, Any]) -> dict[str, Any]:
    """An event's report part in the page: one sentence with its article, confidence and caption
    mark, the number of reports, and the first ``MAX_SOURCES`` other reports."""
    sources = list(d.get("sources") or ())
    return {"evidence": d.get("evidence") or "", "article": d.get("article") or "",
            "confidence": d.get("confidence"), "caption": bool(d.get("caption")),
            "reports": d.get("reports") or 1 + len(sources), "sources": sources[:MAX_SOURCES]}


def script_json(value: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` block.

    >>> script_json({"name": "</script><script>alert(2)</script>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(2)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def page_data(g: nx.MultiDiGraph, *, title: str = "vnkg", layout: str = "auto",
              timeline: bool = False, explorer: dict[str, str] | None = None) -> dict[str, Any]:
    """The JSON the page draws: nodes with integer ids, one edge per pair and relation.

    ``articles`` gives title, URL, date and outlet of every article cited
    (from ``g.graph["articles"]``); ``explorer`` (``{"api": "/api"}``) makes
    the page ask a server for more.

    ``layout`` is ``physics`` (vis-network arranges the nodes, then stops),
    ``fixed`` (coordinates from :func:`kg.export.layout.community_layout`) or
    ``auto`` (fixed above ``PHYSICS_MAX_NODES`` nodes).
    """
    from kg.export.layout import community_layout

    if layout not in ("auto", "physics", "fixed"):
        raise ValueError(f"layout {layout!r} is not one of auto, physics, fixed")
    ids = {node: i for i, node in enumerate(g)}
    groups: dict[tuple[int, int, str], dict[str, Any]] = {}
    for u, v, key, d in g.edges(keys=True, data=True):
        relation = d.get("relation") or "related"
        a, b = ids[u], ids[v]
        pair = (min(a, b), max(a, b), relation)
        edge = groups.get(pair)
        if edge is None:
            edge = groups[pair] = {"id": len(groups), "from": a, "to": b, "relation": relation,
                                   "directions": set(), "events": []}
        edge["directions"].add((a, b))
        edge["events"].append({
            "event": str(key), "from": a, "to": b, "date": d.get("date"), "kind": d.get("kind") or "",
            "modality": d.get("modality") or "", **report_fields(d)})
    edges = []
    bends: dict[tuple[int, int], int] = {}
    for edge in groups.values():
        # a second relation between the same two entities is drawn as a curve beside the first
        ends = (min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))
        edge["bend"] = bends.get(ends, 0)
        bends[ends] = edge["bend"] + 1
        directions = edge.pop("directions")
        edge["arrows"] = ("" if edge["relation"] in SYMMETRIC
                          else "to" if len(directions) == 1 else "to;from")
        edge["events"].sort(key=lambda e: (e["date"] or "9999", e["article"], e["event"]))
        edges.append(edge)
    degree = [0] * len(ids)
    for edge in edges:
        degree[edge["from"]] += 1
        degree[edge["to"]] += 1
    fixed = layout == "fixed" or (layout == "auto" and len(ids) > PHYSICS_MAX_NODES)
    pos = {}
    if fixed:
        adjacency: dict[int, list[int]] = {i: [] for i in range(len(ids))}
        for edge in edges:
            adjacency[edge["from"]].append(edge["to"])
            adjacency[edge["to"]].append(edge["from"])
        pos = community_layout(adjacency)
    nodes: list[dict[str, Any]] = []
    for node, d in g.nodes(data=True):
        i = ids[node]
        item = {"id": i, "iri": str(node), "label": d.get("label") or str(node),
                "type": d.get("type") or "", "aliases": list(d.get("aliases") or ()),
                "offices": [dict(o) for o in d.get("offices") or ()],
                "articles": d.get("articles") or 0, "degree": degree[i]}
        if fixed:
            item["x"], item["y"] = pos[i]
        nodes.append(item)
    types = sorted({n["type"] for n in nodes} | (set(TYPE_STYLES) if explorer else set()),
                   key=lambda t: (t not in TYPE_STYLES, t))
    relations = sorted({e["relation"] for e in edges} | (set(RELATION_COLORS) if explorer else set()))
    known = g.graph.get("articles") or {}
    cited = {ev["article"] for e in edges for ev in e["events"]} | {
        s["article"] for e in edges for ev in e["events"] for s in ev["sources"]}
    articles = {a: known[a] for a in sorted(cited) if a in known}
    focus = [ids[n] for n in g.graph.get("focus", ()) if n in ids]
    return {
        "title": title, "layout": "fixed" if fixed else "physics", "timeline": timeline, "explorer": explorer,
        "articles": articles,
        "focus": focus, "dropped": g.graph.get("dropped") or {},
        "types": {t: TYPE_STYLES.get(t, OTHER_STYLE) for t in types},
        "relations": {r: RELATION_COLORS.get(r, "#888888") for r in relations},
        "labels": LABELS,
        "options": _options(fixed=fixed, big=len(nodes) > PHYSICS_MAX_NODES),
        "nodes": nodes, "edges": edges,
    }


@lru_cache(maxsize=1)
def _pyvis_defaults() -> str:
    from pyvis.network import Network

    return str(Network().options.to_json())


def _options(*, fixed: bool, big: bool) -> dict[str, Any]:
    """vis-network options: pyvis's defaults, then what a big or fixed graph needs."""
    options = json.loads(_pyvis_defaults())
    options["interaction"].update({"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big,
                                   "hideEdgesOnZoom": big})
    # edge labels drawn from 8 px on screen: zoomed in, not as smudges in the whole view
    options["edges"] = {"smooth": False, "width": 1, "font": {"size": 11, "align": "middle"},
                        "scaling": {"label": {"drawThreshold": 8}},
                        "color": {"inherit": False}, "selectionWidth": 2}
    # labels are sized by the page: the biggest nodes' stay readable when the view is fitted
    options["nodes"] = {"scaling": {"min": 8, "max": 40, "label": {"enabled": False, "drawThreshold": 7,
                                                                  "maxVisible": 28}},
                        "font": {"size": 14}}
    options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    if fixed:
        options["physics"] = {"enabled": False}
    else:
        options["physics"] = {"enabled": True, "solver": "forceAtlas2Based",
                              "forceAtlas2Based": {"gravitationalConstant": -120, "springLength": 140, "avoidOverlap": 0.5},
                              "stabilization": {"enabled": True, "iterations": 400, "fit": True,
                                                "updateInterval": 50}}
    return options


def _asset(name: str) -> str:
    return resources.files("kg.export").joinpath("assets").joinpath(name).read_text(encoding="utf-8")


def _vis_files() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
    return ((lib / "vis-network.min.js").read_text(encoding="utf-8"),
            (lib / "vis-network.css").read_text(encoding="utf-8"))


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode() + "'"


def render_html(g: nx.MultiDiGraph, *, title: str = "vnkg", layout: str = "auto",
                timeline: bool = False, explorer: dict[str, str] | None = None) -> str:
    """The page for ``g`` as one HTML string (see the module docstring for what makes it safe).

    >>> from kg.export.graph import new_graph, add_entity
    >>> g = new_graph(); add_entity(g, "x", type="Person", label="<img src=x onerror=alert(1)>")
    >>> page = render_html(g)
    >>> "<img" in page.split('id="vnkg-data"')[1].split("</script>")[0]
    False
    """
    vis_js, vis_css = _vis_files()
    page_js = _asset("page.js")
    for script in (vis_js, page_js):
        if "</script" in script.lower():  # would end the block early; vis-network has none today
            raise ValueError("an inlined script contains </script")
    data = script_json(page_data(g, title=title, layout=layout, timeline=timeline, explorer=explorer))
    # the explorer talks to the server that sent it, and to nothing else
    connect = "'self'" if explorer else "'none'"
    csp = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
           f"script-src {_csp_hash(vis_js)} {_csp_hash(page_js)}; connect-src {connect}; "
           "form-action 'none'; base-uri 'none'")
    parts = {"csp": html.escape(csp, quote=True), "title": html.escape(title),
             "css": vis_css.replace("</style", "<\\/style") + "\n" + _asset("page.css"),
             "data": data, "vis_js": vis_js, "page_js": page_js}
    # one pass, so text inserted for one slot is never searched for another
    return re.sub(r"\{\{(\w+)\}\}", lambda m: parts[m.group(1)], _asset("page.html"))


def write_html(g: nx.MultiDiGraph, path: str | Path, *, title: str = "vnkg", layout: str = "auto",
               timeline: bool = False) -> Path:
    """Write the page for ``g`` to ``path`` and return the path."""
    path = Path(path)
    path.write_text(render_html(g, title=title, layout=layout, timeline=timeline), encoding="utf-8")
    return path
