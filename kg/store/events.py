"""One node for reports of one event whose dates fell in neighbouring windows.

Event IRIs bucket dates into fixed windows (``kg.ids.date_bucket``), so two
reports a day apart on either side of a window's edge would make two nodes.
Before an article is written, each of its dated events looks for the same
event (kind and participants) in the neighbouring windows, in the store or
earlier in the same build, and takes that IRI if a stored report is dated
within ``MERGE_DAYS`` days of its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from pyoxigraph import Literal, NamedNode, Quad

from kg import ids
from kg.rdf import Pair, Row

__all__ = ["MERGE_DAYS", "event_days", "link_events"]

MERGE_DAYS = 3
DATE = ids.ONT + "date"
_DATE_NODE = NamedNode(DATE)
_DATE_TEXT = str(_DATE_NODE)
_XSD_DATE_NODE = NamedNode("http://www.w3.org/2001/XMLSchema#date")
_EVENT = f"{ids.ID}event/"

DaysOf = Callable[[str], set[dt.date]]


def event_days(quads: Iterable[Quad]) -> dict[str, set[dt.date]]:
    """The full dates (``xsd:date``) each event node of ``quads`` is given."""
    return _days((quad.subject, quad.object) for quad in quads if quad.predicate == _DATE_NODE)


def _days(dated: Iterable[tuple[object, object]]) -> dict[str, set[dt.date]]:
    """Event IRI -> full dates, from (subject, object) pairs of ``vnkg:date`` triples."""
    days: dict[str, set[dt.date]] = {}
    for subject, value in dated:
        if isinstance(subject, NamedNode) and subject.value.startswith(_EVENT) \
                and isinstance(value, Literal) and value.datatype == _XSD_DATE_NODE:
            try:
                days.setdefault(subject.value, set()).add(dt.date.fromisoformat(value.value))
            except ValueError:
                continue
    return days


def link_events(rows: list[Row], days_of: DaysOf) -> tuple[list[Row], dict[str, set[dt.date]]]:
    """``rows`` (``kg.rdf.to_rows``) with each event that a known report in a neighbouring window
    describes renamed to it.

    ``days_of(iri)`` gives the dates already known for an event IRI. Also
    returns the dates of the events as renamed.
    """
    own = _days((s[0], o[0]) for s, p, o, _ in rows if p[1] == _DATE_TEXT)
    renames: dict[str, Pair] = {}  # by N-Triples text
    linked: dict[str, set[dt.date]] = {}
    for iri, days in own.items():
        target = _neighbour(iri, days, own, days_of)
        if target is not None:
            node = NamedNode(target)
            renames[f"<{iri}>"] = (node, str(node))
        linked.setdefault(target or iri, set()).update(days)
    if not renames:
        return rows, own
    return [_renamed(row, renames) for row in rows], linked


def _neighbour(iri: str, days: set[dt.date], own: dict[str, set[dt.date]], days_of: DaysOf) -> str | None:
    for day in sorted(days):
        for candidate in ids.neighbouring_event_iris(iri, day, MERGE_DAYS):
            known = days_of(candidate) | own.get(candidate, set())
            if any(abs((other - day).days) <= MERGE_DAYS for other in known):
                return candidate
    return None


def _renamed(row: Row, renames: dict[str, Pair]) -> Row:
    s, p, o, g = row
    if s[1] not in renames and o[1] not in renames:  # a literal's text never looks like <iri>
        return row
    return renames.get(s[1], s), p, renames.get(o[1], o), g
