"""The distinct triples of one predicate, read from any store: the graph reader's only access to the store.

One single-pattern query each (``queries/triples.rq``, ``typed.rq`` ...):
the engine walks its predicate index and drops the copies of a triple that
several article graphs hold, so the cost is the stored triples of that
predicate whatever the shape of the graph. An embedded store is asked
directly (pyoxigraph's own solutions, about twice as fast as its quads or
``kg.store``'s converted rows); a SPARQL server through ``store.query``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from kg import ids
from kg.export.queries import iris, sparql

_CHUNK = 2000  # subjects per query: a SPARQL server's request stays well under a megabyte


def vnkg(name: str) -> str:
    """The IRI of an ontology term.

    >>> vnkg("agent")
    'https://vnkg.org/ontology#agent'
    """
    return ids.ONT + name


def triples(store: Any, predicate: str) -> Iterator[tuple[Any, Any]]:
    """(subject, object) pyoxigraph terms of the distinct triples with ``predicate``."""
    yield from _terms(store, sparql("triples", predicate=f"<{predicate}>"))


def triples_of(store: Any, predicate: str, subjects: Iterable[str]) -> Iterator[tuple[Any, Any]]:
    """(subject, object) terms of the distinct triples with ``predicate`` about ``subjects``.

    Cheaper than :func:`triples` when the subjects are a small part of those
    the predicate has (``kg viz`` reads one report's sentence per event).
    """
    wanted = sorted(set(subjects))
    for start in range(0, len(wanted), _CHUNK):
        yield from _terms(store, sparql("triples_of", predicate=f"<{predicate}>",
                                        subjects=iris(wanted[start:start + _CHUNK])))


def count_subjects(store: Any, predicate: str) -> dict[str, int]:
    """Object IRI -> how many distinct subjects point at it with ``predicate``."""
    found = _terms(store, sparql("count_subjects", predicate=f"<{predicate}>"))
    return {obj.value: int(n.value) for obj, n in found}


def count_objects(store: Any, predicate: str) -> dict[str, tuple[int, str]]:
    """Subject IRI -> (how many distinct objects it has with ``predicate``, the least of them)."""
    found = _terms(store, sparql("count_objects", predicate=f"<{predicate}>"))
    return {subject.value: (int(n.value), least.value) for subject, n, least in found}


def subjects_of_class(store: Any, cls: str) -> Iterator[str]:
    """IRIs of the subjects typed ``cls``, each once."""
    for (subject,) in _terms(store, sparql("typed", cls=f"<{cls}>")):
        yield subject.value


def values(store: Any, predicate: str, *, subjects: set[str] | None = None) -> dict[str, list[Any]]:
    """Subject IRI -> the object terms of ``predicate`` (only ``subjects``, if given)."""
    out: dict[str, list[Any]] = {}
    for subject, obj in triples(store, predicate):
        iri = subject.value
        if subjects is None or iri in subjects:
            out.setdefault(iri, []).append(obj)
    return out


def _terms(store: Any, query: str) -> Iterator[Any]:
    """The rows of a SELECT as sequences of pyoxigraph terms."""
    native = getattr(store, "native", store)  # an embedded store, or a bare pyoxigraph.Store
    if hasattr(native, "quads_for_pattern"):
        yield from native.query(query, use_default_graph_as_union=True)
        return
    yield from store.query(query).terms
