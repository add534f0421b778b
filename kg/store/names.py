"""The shared names graph, kept equal to the union of what the stored articles say about names.

An entity's labels and aliases, an office's labels, a position's holder and
title live once in the names graph (``kg.rdf``), but each comes from some
article's text. So that removing or replacing an article leaves exactly what a
clean build of the remaining articles would, every names triple an article
states is also recorded in the article's own graph::

    <id/person/to-lam> vnkg:nameFact "<http://www.w3.org/2004/02/skos/core#altLabel> \"Tổng Bí thư Tô Lâm\"@vi" .

(the predicate and object in N-Triples). A names triple stays while some
article graph records it; dropping an article's graph drops its records in
the same update, and then each names triple it recorded that no other graph
records goes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, RdfFormat, Store, parse

from kg import ids
from kg.rdf import Row

__all__ = ["NAMES", "NAME_FACT", "NAME_FACT_NODE", "STATED_IN", "UNRECORDED_ELSEWHERE", "drop_update",
           "left_unrecorded", "recorded_query", "stale_names", "stated", "unrecorded", "with_statements"]

NAME_FACT = ids.ONT + "nameFact"
NAME_FACT_NODE = _NAME_FACT = NamedNode(NAME_FACT)
NAMES = _NAMES = NamedNode(ids.NAMES_GRAPH)
_NAMES_TEXT = str(_NAMES)
_NAME_FACT_PAIR = (_NAME_FACT, str(_NAME_FACT))

# The names triples the article graph <G> records, with its records.
STATED_IN = f"""
SELECT ?n ?p ?o ?f WHERE {{
  GRAPH <G> {{ ?n <{NAME_FACT}> ?f }}
  GRAPH <{ids.NAMES_GRAPH}> {{ ?n ?p ?o }}
}}
"""

# The records of the article graph <G> that no other graph holds.
UNRECORDED_ELSEWHERE = f"""
SELECT ?n ?f WHERE {{
  GRAPH <G> {{ ?n <{NAME_FACT}> ?f }}
  FILTER NOT EXISTS {{ GRAPH ?g {{ ?n <{NAME_FACT}> ?f }} FILTER(?g != <G>) }}
}}
"""


def _fact(quad: Quad) -> str:
    return f"{quad.predicate} {quad.object}"


def with_statements(rows: list[Row]) -> list[Row]:
    """``rows`` of one article (``kg.rdf.to_rows``), plus a record in its graph of each names
    triple it states."""
    graph = next((row[3] for row in rows if row[3][1] != _NAMES_TEXT), None)
    if graph is None:
        return rows
    records: dict[tuple[str, str], Row] = {}
    for s, p, o, g in rows:
        if g[1] == _NAMES_TEXT:
            fact = f"{p[1]} {o[1]}"  # _fact of the quad
            if (s[1], fact) not in records:
                record = Literal(fact)
                records[(s[1], fact)] = (s, _NAME_FACT_PAIR, (record, str(record)), graph)
    return rows + list(records.values())


def stated(terms: Iterable[Sequence[Any]]) -> list[Sequence[Any]]:
    """The ``STATED_IN`` answers ``(n, p, o, f)`` whose record ``f`` is the triple ``n p o``."""
    return [(n, p, o, f) for n, p, o, f in terms if isinstance(f, Literal) and f.value == f"{p} {o}"]


def recorded_query(facts: Iterable[Sequence[Any]]) -> str:
    """Which of the ``stated`` answers some article graph still records: ``SELECT ?n ?f``."""
    values = "\n  ".join(sorted({f"({n} {f})" for n, _, _, f in facts}))
    return (f"SELECT DISTINCT ?n ?f WHERE {{\n  VALUES (?n ?f) {{\n  {values}\n  }}\n"
            f"  GRAPH ?g {{ ?n <{NAME_FACT}> ?f }}\n}}")


def drop_update(facts: Iterable[Sequence[Any]]) -> str:
    """Drop the names triples of ``stated`` answers from the names graph (``DELETE DATA``)."""
    triples = sorted({f"{n} {p} {o} ." for n, p, o, _ in facts})
    return f"DELETE DATA {{ GRAPH <{ids.NAMES_GRAPH}> {{\n" + "\n".join(triples) + "\n}}"


def stale_names(store: Store) -> Iterator[Quad]:
    """Every names triple of ``store`` that no article graph records."""
    for quad in list(store.quads_for_pattern(None, None, None, _NAMES)):
        record = Literal(_fact(quad))
        if next(store.quads_for_pattern(quad.subject, _NAME_FACT, record, None), None) is None:
            yield quad


def unrecorded(store: Store, records: Iterable[tuple[Any, Any]]) -> Iterator[Quad]:
    """The names triples of ``records`` ((subject, ``vnkg:nameFact`` text) pairs, as dropped
    graphs held them) that no article graph of ``store`` records any more.

    Only a dropped record can leave its triple unrecorded, so a batch looks up
    what its old versions recorded and the new ones do not, not every names
    triple of every subject it touched (which grew with the store).
    """
    for subject, record in records:
        if next(store.quads_for_pattern(subject, _NAME_FACT, record, None), None) is None:
            triple = _recorded_triple(subject, record)
            if triple is not None and triple in store:
                yield triple


def _recorded_triple(subject: Any, record: Any) -> Quad | None:
    """The names quad a ``vnkg:nameFact`` record stands for, read back from its N-Triples text."""
    if not isinstance(record, Literal):
        return None
    try:
        found = list(parse(f"{subject} {record.value} .", format=RdfFormat.N_TRIPLES))
    except SyntaxError:
        return None  # not written by kg.store: it names no triple
    if len(found) != 1:
        return None
    return Quad(subject, found[0].predicate, found[0].object, _NAMES)


def left_unrecorded(store: Store, graph: NamedNode, keep: Iterable[Quad] = ()) -> list[Quad]:
    """The names triples only the article graph ``graph`` of ``store`` records (nor ``keep``, the
    quads about to replace it): what must go with the graph.

    The graph's own records are each looked up once among every graph's
    records (``UNRECORDED_ELSEWHERE``), and those no other graph holds are
    read back as their triples: the cost follows the article's size, not
    how many names its subjects have in the whole store (``STATED_IN``'s join).
    """
    kept = {(q.subject, q.object) for q in keep if q.predicate == _NAME_FACT}
    out: dict[Quad, None] = {}
    solutions = store.query(UNRECORDED_ELSEWHERE.replace("<G>", str(graph)))
    assert isinstance(solutions, QuerySolutions)  # a SELECT
    for n, f in solutions:
        triple = None if (n, f) in kept else _recorded_triple(n, f)
        if triple is not None and triple in store:
            out.setdefault(triple, None)
    return list(out)
