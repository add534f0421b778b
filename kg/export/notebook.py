"""``kg.show``: the ``kg viz`` page inline in a Jupyter notebook, offline.

The page is the one ``kg viz`` writes (:func:`kg.export.html.render_html`),
whole, in the ``srcdoc`` of a sandboxed ``<iframe>``: its scripts run (they
carry the page's own Content-Security-Policy, which allows no connection) but
it cannot reach the notebook around it, and nothing is fetched from anywhere.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Iterable
from pathlib import Path
from typing import Any


def show(source: Any, *, focus: str | None = None, hops: int = 1, relations: Iterable[str] | None = None,
         types: Iterable[str] | None = None, since: str | dt.date | None = None,
         until: str | dt.date | None = None, max_nodes: int | None = None, title: str = "vnkg",
         layout: str = "auto", timeline: bool = False, height: int = 600) -> Any:
    """Display the interactive graph view inline in Jupyter, the same page ``kg viz`` writes.

    Args:
        source: a store (``kg.open_store(...)``), a store directory or server
            URL (opened read-only), or a networkx graph from ``kg.to_networkx``.
        focus, hops, relations, types, since, until, max_nodes: what to draw,
            as the ``kg viz`` options of the same names.
        title, layout, timeline: as in ``kg viz``.
        height: of the view in the notebook, in pixels.

    Returns:
        An ``IPython.display.HTML``: the last value of a cell is displayed.

    Raises:
        MissingDependencyError: IPython is not installed (it comes with Jupyter).
        KGError: an unknown relation or type, or a focus that matches nothing.
    """
    try:
        from IPython.display import HTML
    except ImportError as err:
        from kg.errors import MissingDependencyError

        raise MissingDependencyError("kg.show displays in Jupyter and needs IPython: "
                                     "pip install ipykernel (or jupyterlab)") from err
    from kg.export.graph import select
    from kg.export.html import render_html

    view = select(_graph(source), focus=focus, hops=hops, relations=relations, types=types,
                  since=_iso(since), until=_iso(until), max_nodes=max_nodes)
    page = render_html(view, title=title, layout=layout, timeline=timeline)
    return HTML(iframe_html(page, title=title, height=height))


def iframe_html(page: str, *, title: str = "vnkg", height: int = 600) -> str:
    """A whole HTML page as a sandboxed ``<iframe srcdoc>``, ready to place in another page.

    >>> iframe_html('<p class="x">a & b</p>', height=100)[:63]
    '<div><iframe srcdoc="&lt;p class=&quot;x&quot;&gt;a &amp; b&lt;'
    """
    # in a <div>: IPython warns about HTML that starts with <iframe
    return (f'<div><iframe srcdoc="{html.escape(page, quote=True)}" title="{html.escape(title, quote=True)}" '
            f'sandbox="allow-scripts allow-downloads" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd"></iframe></div>')


def _graph(source: Any) -> Any:
    """The networkx graph of a store, a store location, or a graph given as is."""
    import networkx as nx

    from kg.export.reader import to_networkx

    if isinstance(source, nx.Graph):
        return source
    if isinstance(source, (str, Path)):
        from kg.errors import StoreError
        from kg.store import is_url, open_store

        if not is_url(source) and not Path(source).exists():
            raise StoreError(f"no store at {source}; run kg build first")
        with open_store(source, read_only=True) as store:
            return to_networkx(store, all_reports=False)  # as kg viz reads it
    return to_networkx(source, all_reports=False)


def _iso(day: str | dt.date | None) -> str | None:
    return day.isoformat() if isinstance(day, dt.date) else day
