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

__all__ = ["MERGE_DAYS", "event_days", "link_events"]

MERGE_DAYS = 3
DATE = ids.ONT + "date"
_DATE_NODE = NamedNode(DATE)
_XSD_DATE_NODE = NamedNode("http://www.w3.org/2001/XMLSchema#date")
_EVENT = f"{ids.ID}event/"

DaysOf = Callable[[str], set[dt.date]]


def event_days(quads: Iterable[Quad]) -> dict[str, set[dt.date]]:
    """The full dates (``xsd:date``) each event node of ``quads`` is given."""
    days: dict[str, set[dt.date]] = {}
    for quad in quads:
        if quad.predicate != _DATE_NODE:
            continue
        subject, value = quad.subject, quad.object
        if isinstance(subject, NamedNode) and subject.value.startswith(_EVENT) \
                and isinstance(value, Literal) and value.datatype == _XSD_DATE_NODE:
            try:
                days.setdefault(subject.value, set()).add(dt.date.fromisoformat(value.value))
            except ValueError:
                continue
    return days


def link_events(quads: list[Quad], days_of: DaysOf) -> tuple[list[Quad], dict[str, set[dt.date]]]:
    """``quads`` with each event that a known report in a neighbouring window describes renamed to it.

    ``days_of(iri)`` gives the dates already known for an event IRI. Also
    returns the dates of the events as renamed.
    """
    own = event_days(quads)
    renames: dict[str, NamedNode] = {}
    for iri, days in own.items():
        target = _neighbour(iri, days, own, days_of)
        if target is not None:
            renames[iri] = NamedNode(target)
    if not renames:
        return quads, own
    linked: dict[str, set[dt.date]] = {}
    for iri, days in own.items():
        linked.setdefault(renames[iri].value if iri in renames else iri, set()).update(days)
    return [_renamed(quad, renames) for quad in quads], linked


def _neighbour(iri: str, days: set[dt.date], own: dict[str, set[dt.date]], days_of: DaysOf) -> str | None:
    for day in sorted(days):
        for candidate in ids.neighbouring_event_iris(iri, day, MERGE_DAYS):
            known = days_of(candidate) | own.get(candidate, set())
            if any(abs((other - day).days) <= MERGE_DAYS for other in known):
                return candidate
    return None


def _renamed(quad: Quad, renames: dict[str, NamedNode]) -> Quad:
    subject = renames.get(quad.subject.value, quad.subject) if isinstance(quad.subject, NamedNode) else quad.subject
    obj = renames.get(quad.object.value, quad.object) if isinstance(quad.object, NamedNode) else quad.object
    if subject is quad.subject and obj is quad.object:
        return quad
    return Quad(subject, quad.predicate, obj, quad.graph_name)
