"""Views and exports of the knowledge graph.

``to_networkx(store)`` reads the store into the networkx shape documented in
:mod:`kg.export.graph`; ``select`` filters it; ``write_html`` draws it as one
self-contained page; ``write_graph`` writes it for Gephi, Cytoscape and others.
"""

from __future__ import annotations

from kg.export.formats import FORMATS, read_graph, write_graph
from kg.export.graph import find_nodes, from_extractions, select, strip_diacritics_and_case
from kg.export.html import render_html, write_html
from kg.export.reader import to_networkx

__all__ = ["FORMATS", "find_nodes", "from_extractions", "read_graph", "render_html", "select",
           "strip_diacritics_and_case", "to_networkx", "write_graph", "write_html"]
