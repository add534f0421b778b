"""``kg export --format graphml|gexf|json``: the graph for Gephi, Cytoscape and others.

GraphML and GEXF hold only scalar attributes, so ``aliases``, ``offices``
and the ``sources`` of an event reported more than once travel as JSON text and a missing date as ``""``; :func:`read_graph` turns
them back into the shape of :mod:`kg.export.graph`. JSON is networkx's
node-link format, with lists and None as they are.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import KGError

if TYPE_CHECKING:
    import networkx as nx

FORMATS = ("graphml", "gexf", "json")
_JSON_ATTRS = ("aliases", "offices")
_OPTIONAL = ("date",)


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise KGError(f"No export format {fmt!r}. Available: {', '.join(FORMATS)}")


def _flat(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    flat = g.copy()
    flat.graph.clear()
    for _, data in flat.nodes(data=True):
        for name in _JSON_ATTRS:
            data[name] = json.dumps(data.get(name) or [], ensure_ascii=False)
        for name, value in list(data.items()):
            if value is None:
                data[name] = ""
    for _, _, data in flat.edges(data=True):
        if "sources" in data:
            data["sources"] = json.dumps(data["sources"], ensure_ascii=False)
        for name, value in list(data.items()):
            if value is None:
                data[name] = ""
    return flat


def write_graph(g: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write ``g`` (the shape of :mod:`kg.export.graph`) as ``graphml``, ``gexf`` or ``json``.

    ``g`` may also be a store: it is read with :func:`kg.export.to_networkx` first.

    Raises:
        KGError: an unknown format.

    >>> import tempfile, os
    >>> from kg.export.graph import new_graph, add_entity
    >>> g = new_graph(); add_entity(g, "x", type="Person", label="Tô Lâm", aliases=["Tổng Bí thư"])
    >>> path = write_graph(g, "json", os.path.join(tempfile.mkdtemp(), "g.json"))
    >>> read_graph(path, "json").nodes["x"]["aliases"]
    ['Tổng Bí thư']
    """
    import networkx as nx

    _check(fmt)
    if not isinstance(g, nx.Graph):
        from kg.export.reader import to_networkx

        g = to_networkx(g)
    path = Path(path)
    if fmt == "json":
        data = nx.node_link_data(g, edges="edges")
        data["graph"] = {k: v for k, v in data["graph"].items() if k != "dropped"}
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    elif fmt == "graphml":
        nx.write_graphml(_flat(g), path, encoding="utf-8")
    else:
        nx.write_gexf(_with_spells(_flat(g)), path, encoding="utf-8")
    return path


def _with_spells(flat: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Each dated edge lives from the first to the last day of its date: Gephi's timeline reads these.

    >>> from kg.export.graph import new_graph
    >>> g = new_graph(); _ = g.add_edge("a", "b", date="2024-02"); _ = g.add_edge("a", "b", date="")
    >>> [(d.get("start"), d.get("end")) for _, _, d in _with_spells(g).edges(data=True)]
    [('2024-02-01', '2024-02-29'), (None, None)]
    """
    import calendar

    for _, _, data in flat.edges(data=True):
        date = data.get("date") or ""
        if len(date) not in (4, 7, 10):
            continue
        year = int(date[:4])
        month = int(date[5:7]) if len(date) >= 7 else None
        data["start"] = date if len(date) == 10 else f"{date}-01" if month else f"{date}-01-01"
        last = calendar.monthrange(year, month)[1] if month else 31
        data["end"] = date if len(date) == 10 else f"{date}-{last:02d}" if month else f"{date}-12-31"
    return flat


def read_graph(path: str | Path, fmt: str) -> nx.MultiDiGraph:
    """Read back a file written by :func:`write_graph`."""
    import networkx as nx

    _check(fmt)
    if fmt == "json":
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
    if fmt == "graphml":
        g = nx.read_graphml(path, force_multigraph=True)
    else:
        g = nx.read_gexf(path)
        if not g.is_multigraph():
            g = nx.MultiDiGraph(g)
    g = nx.MultiDiGraph(g)
    for _, data in g.nodes(data=True):
        for name in _JSON_ATTRS:
            data[name] = json.loads(data.get(name) or "[]")
        data.pop("id", None)
    for _, _, data in g.edges(data=True):
        if "sources" in data:
            data["sources"] = json.loads(data["sources"])
        data.pop("start", None)  # the GEXF spell: the date says it
        data.pop("end", None)
        for name in _OPTIONAL:
            if data.get(name) == "":
                data[name] = None
        data.pop("id", None)
    _restore_types(g)
    return g


def _restore_types(g: nx.MultiDiGraph) -> None:
    for _, data in g.nodes(data=True):
        if "articles" in data:
            data["articles"] = int(data["articles"])
        for office in data.get("offices", ()):
            _none_if_empty(office)


def _none_if_empty(record: dict[str, Any]) -> None:
    for key in ("org", "date"):
        if record.get(key) == "":
            record[key] = None
