"""Helpers shared by the reliability tests."""

from __future__ import annotations


def nquads(store) -> list[str]:
    """The store's N-Quads dump as sorted lines."""
    import io

    buffer = io.BytesIO()
    store.dump(buffer, "nq")
    return sorted(line for line in buffer.getvalue().decode("utf-8").split("\n") if line)


def clean_build(extractions):
    from kg.store import open_store

    store = open_store(None)
    store.add(sorted(extractions, key=lambda e: e.article.id))
    return store


def copies(extraction, count: int) -> list:
    """``extraction`` retold by ``count`` articles with new ids: the same events, more reports."""
    import dataclasses

    out = []
    for k in range(count):
        article = extraction.article
        new_id = f"{article.id}-copy{k:02d}"
        out.append(dataclasses.replace(extraction, article=dataclasses.replace(
            article, id=new_id, content_hash=f"{article.content_hash}-{new_id}")))
    return out
