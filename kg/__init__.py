"""vnkg: Vietnamese political and diplomatic news as a knowledge graph.

    >>> import kg
    >>> store = kg.open_store(None)          # or a directory, or http://HOST:PORT
    >>> store.query("ASK { ?s ?p ?o }").boolean
    False

The stages, each usable alone: ``read_articles`` (files -> ``Article``),
``extract_articles`` / ``extract_article`` (parse, then the extractors ->
``Extraction``), ``store.add`` (extractions -> RDF). ``add_articles(store,
articles)`` is the convenience that composes the last two, as ``kg build`` does.

Nothing is imported until it is used: ``import kg`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from kg.build import add_articles
    from kg.export import to_networkx, write_graph
    from kg.export.notebook import show
    from kg.ingest import read_articles
    from kg.runner import extract_article, extract_articles
    from kg.store import open_store

__all__ = [
    "__version__",
    "add_articles",
    "extract_article",
    "extract_articles",
    "open_store",
    "read_articles",
    "show",
    "to_networkx",
    "write_graph",
]

_LAZY = {
    "add_articles": "kg.build",
    "open_store": "kg.store",
    "read_articles": "kg.ingest",
    "extract_article": "kg.runner",
    "extract_articles": "kg.runner",
    "show": "kg.export.notebook",
    "to_networkx": "kg.export",
    "write_graph": "kg.export",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
