"""``to_networkx(store)``: the store's entities and events as the networkx shape of kg.export.graph."""

from __future__ import annotations

from typing import Any


def to_networkx(store: Any, **filters: Any) -> Any:
    raise NotImplementedError("waiting for kg.store")
