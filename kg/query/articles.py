"""The stored articles as rows: what `kg articles` lists and `kg remove` takes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib import resources
from typing import Any

from kg import ids


@dataclass(frozen=True, slots=True)
class StoredArticle:
    id: str
    published: dt.date | None
    title: str | None
    quads: int


def stored_articles(store: Any) -> list[StoredArticle]:
    """Every article in the store, sorted by date (undated last), then id.

    >>> from kg.store import open_store
    >>> stored_articles(open_store(None))
    []
    """
    sparql = resources.files("kg.query").joinpath("articles.rq").read_text(encoding="utf-8")
    rows = []
    for graph, published, title, quads in store.query(sparql):
        try:
            article_id = ids.article_id_from_graph(graph)
        except ValueError:
            continue  # a graph some other tool wrote
        date = published if isinstance(published, dt.date) else None
        rows.append(StoredArticle(article_id, date, title, int(quads)))
    return sorted(rows, key=lambda row: (row.published is None, row.published or dt.date.min, row.id))
