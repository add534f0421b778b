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
