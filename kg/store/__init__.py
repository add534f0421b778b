"""Where the graph lives: an embedded on-disk Oxigraph store, or a SPARQL server.

``open_store("vnkg-store")`` opens (or creates) the embedded store;
``open_store("http://127.0.0.1:7878")`` talks to ``oxigraph serve``;
``open_store(query_endpoint=..., update_endpoint=...)`` to any SPARQL 1.1
server. Every backend is a ``KGStore``: ``add``, ``remove``, ``query``,
``dump``, ``graph``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.store.base import EXPORT_FORMATS, AddReport, KGStore
from kg.store.embedded import DEFAULT_LOCATION, EmbeddedStore
from kg.store.results import QueryResult

__all__ = [
    "DEFAULT_LOCATION",
    "EXPORT_FORMATS",
    "AddReport",
    "EmbeddedStore",
    "KGStore",
    "QueryResult",
    "RemoteStore",
    "is_url",
    "open_store",
]


def is_url(location: str | Path | None) -> bool:
    return isinstance(location, str) and location.startswith(("http://", "https://"))


def open_store(location: str | Path | None = DEFAULT_LOCATION, *, read_only: bool = False,
               query_endpoint: str | None = None, update_endpoint: str | None = None,
               graph_store_endpoint: str | None = None, **kwargs: Any) -> KGStore:
    """Open a store: a directory (created if missing), ``None`` (in memory) or a server URL.

    Args:
        location: a directory, ``None`` for a scratch in-memory store, or
            ``http://HOST:PORT`` of an ``oxigraph serve``.
        read_only: readers take a shared lock and never write.
        query_endpoint, update_endpoint, graph_store_endpoint: any SPARQL 1.1
            server instead of ``location``.

    Raises:
        StoreLockedError: another process is writing the store.
        StoreError: the store cannot be opened.

    >>> store = open_store(None)
    >>> len(store), store.query("ASK { ?s ?p ?o }").boolean
    (0, False)
    """
    if query_endpoint:
        from kg.store.remote import RemoteStore

        return RemoteStore(query_endpoint=query_endpoint, update_endpoint=update_endpoint,
                           graph_store_endpoint=graph_store_endpoint, read_only=read_only, **kwargs)
    if is_url(location):
        from kg.store.remote import RemoteStore

        return RemoteStore.oxigraph(str(location), read_only=read_only, **kwargs)
    return EmbeddedStore(location, read_only=read_only, **kwargs)


def __getattr__(name: str) -> Any:
    if name == "RemoteStore":
        from kg.store.remote import RemoteStore

        return RemoteStore
    raise AttributeError(name)
