"""vnkg: Vietnamese political and diplomatic news as a knowledge graph.

    >>> import kg
    >>> store = kg.open_store(None)          # or a directory, or http://HOST:PORT
    >>> store.query("ASK { ?s ?p ?o }").boolean
    False

Nothing is imported until it is used: ``import kg`` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kg.version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from kg.export import to_networkx, write_graph
    from kg.export.notebook import show
    from kg.extract import extract as extract_article
    from kg.ingest import read_articles
    from kg.pipeline import extract_articles
    from kg.store import open_store

__all__ = [
    "__version__",
    "extract_article",
    "extract_articles",
    "open_store",
    "read_articles",
    "show",
    "to_networkx",
    "write_graph",
]

_LAZY = {
    "open_store": "kg.store",
    "read_articles": "kg.ingest",
    "extract_article": ("kg.extract", "extract"),
    "extract_articles": "kg.pipeline",
    "show": "kg.export.notebook",
    "to_networkx": "kg.export",
    "write_graph": "kg.export",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        target = _LAZY[name]
        module, attribute = target if isinstance(target, tuple) else (target, name)
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
