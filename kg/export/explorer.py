"""The explorer: the ``kg viz`` page fed on demand from a store too big for one page.

``kg serve`` mounts four functions: :func:`search` (names and aliases),
:func:`neighbourhood` (what the page draws when a node is opened or
expanded, in the JSON shape of :func:`kg.export.html.page_data`),
:func:`reports` (the sentences of events beyond the first step, asked for
when the page shows them) and :func:`explorer_page` (the page itself, with no data
inlined). Every read goes through ``store.query`` so an embedded store and a
SPARQL server both work. Queries never join two properties of an event
across its reports (see :mod:`kg.export.sparql`), and an interaction reads
what its view shows: the opened node's offices and article count (a
neighbour's when it is selected, ``hops=0``), and the reports of the events
of the first step (the opened node's own; more of them found further on, when
that step stopped at its limit, wait for :func:`reports` like the others).
At most two queries run at once: the opened node's details, those reports
and their articles are read beside the walk and the entities (the engine
answers two connections on two cores; the walk's steps depend on each other).
"""

from __future__ import annotations

import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from kg import ids
from kg.errors import KGError
from kg.export.graph import strip_diacritics_and_case
from kg.export.queries import fragment, iris, sparql
from kg.export.sparql import (
    ENTITY_CLASSES,
    EVENT_CLASSES,
    Event,
    add_details,
    add_entities,
    add_events,
    add_reports,
    edge_data,
    event_pairs,
    read_articles,
    read_details,
    read_parties,
    rows,
)

__all__ = ["explorer_page", "neighbourhood", "reports", "search"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class ExplorerRequestError(KGError, ValueError):
    """A request the explorer cannot answer as asked (a bad IRI, date, hop count or relation)."""


def search(store: Any, text: str, *, limit: int = 20) -> list[dict[str, str]]:
    """Entities whose name or an alias contains ``text``, case and diacritics ignored.

    Exact names come first, then names that start with ``text``, then the rest;
    each hit is ``{"id": IRI, "label": name, "type": "Person" ...}``.
    """
    wanted = strip_diacritics_and_case(text)
    if not wanted or limit <= 0:
        return []
    best: dict[str, int] = {}
    labels: dict[str, tuple[bool, str, str]] = {}  # the label as to_networkx picks it: Vietnamese preferred
    classes = iris(ids.ONT + cls for cls in ENTITY_CLASSES)
    for row in rows(store, sparql("labels", classes=classes)):
        iri, name = row.get("e") or "", row.get("name") or ""
        kind = ENTITY_CLASSES.get((row.get("cls") or "")[len(ids.ONT):], "")
        folded = strip_diacritics_and_case(name)
        rank = 0 if folded == wanted else 1 if folded.startswith(wanted) else 2 if wanted in folded else -1
        if rank >= 0 and (iri not in best or rank < best[iri]):
            best[iri] = rank
        candidate = (row.get("pref") != "true", name, kind)
        if iri not in labels or candidate < labels[iri]:
            labels[iri] = candidate
    ranked = sorted(best, key=lambda iri: (best[iri], strip_diacritics_and_case(labels[iri][1]), iri))
    return [{"id": iri, "label": labels[iri][1], "type": labels[iri][2]} for iri in ranked[:limit]]


def _touching(entities: set[str], relations: list[str], date_from: str | None, date_to: str | None,
              most: int) -> str:
    """At most ``most`` events with one of ``entities`` as a party, of ``relations``, dated within the range."""
    classes = iris(ids.ONT + cls for cls, rel in EVENT_CLASSES.items() if rel in relations)
    dated = fragment("dated", since=date_from or "0", until=date_to or "9") if date_from or date_to else ""
    return sparql("touching", entities=iris(entities), classes=classes, dated=dated, limit=str(most + 1))


def _check_iri(iri: str) -> None:
    if not iri or any(c in iri for c in '<>"{}|^`\\ '):
        raise ExplorerRequestError(f"not an IRI: {iri!r}")


def _check(node_id: str, hops: int, relations: list[str] | None, date_from: str | None,
           date_to: str | None) -> list[str]:
    _check_iri(node_id)
    if hops < 0 or hops > 3:
        raise ExplorerRequestError(f"hops must be 0 to 3, not {hops}")
    for name, value in (("from", date_from), ("to", date_to)):
        if value and not _DATE.match(value):
            raise ExplorerRequestError(f"date {name} {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    known = sorted(set(EVENT_CLASSES.values()))
    wanted = known if relations is None else list(relations)
    unknown = sorted(set(wanted) - set(known))
    if unknown:
        raise ExplorerRequestError(f"No relation {', '.join(map(repr, unknown))}. Available: {', '.join(known)}")
    return wanted


def neighbourhood(store: Any, node_id: str, *, hops: int = 1, relations: list[str] | None = None,
                  date_from: str | None = None, date_to: str | None = None, limit: int = 500,
                  max_events: int = 100) -> dict[str, Any]:
    """What the page draws around ``node_id``: entities within ``hops`` events, and the events among them.

    At most ``max_events`` events per hop (the first the store finds): a
    leader's thousands of events would cost seconds; the dates and relations
    narrow the view (``dropped["events"]`` says that more exist).

    ``relations`` and the dates (``YYYY[-MM[-DD]]``; partial event dates
    overlap) select the events in the query itself. Above ``limit`` entities,
    those with the fewest events toward the start are left out and
    ``dropped`` says how many. Returns the JSON of
    :func:`kg.export.html.page_data`, whose ``focus`` is the node asked for.
    Only that node comes with its article count and offices (a hub's count and
    a leader's office dates cost their reports); the others are marked
    ``"partial": true`` and the page asks for them (``hops=0``) when one is selected.
    Likewise only the events of the first step come with their reports; the
    others, two steps away or more of the node's own when the first step
    stopped at ``max_events``, are ``"partial": true`` and the page asks
    :func:`reports` for them when it shows them.

    Raises:
        KGError: a malformed IRI, date, hop count or an unknown relation.
    """
    from kg.export.graph import new_graph
    from kg.export.html import page_data

    wanted = _check(node_id, hops, relations, date_from, date_to)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vnkg-beside") as beside:
        detailed = beside.submit(read_details, store, {node_id})
        walk = _walk(store, node_id, hops, wanted, date_from, date_to, max_events, beside)
        keep, events = walk.keep, walk.events
        dropped: dict[str, Any] = {}
        if len(keep) > limit:
            keep, dropped = _trim(keep, events, node_id, limit)
        g = new_graph()
        add_entities(g, store, keep, details=set())
        add_details(g, detailed.result())  # .result() raises what the queries beside raised
        g.graph["articles"] = walk.reading.result() if walk.reading else {}
    if walk.more:
        dropped = {**dropped, "events": True, "reason": dropped.get("reason") or
                   f"only {max_events} events of each step; narrow the dates or relations to see others",
                   "nodes": dropped.get("nodes", 0), "edges": dropped.get("edges", 0),
                   "examples": dropped.get("examples", [])}
    add_events(g, events)
    if node_id in g:
        g.graph["focus"] = [node_id]
    g.graph["dropped"] = dropped
    data = page_data(g, title="vnkg", layout="physics")
    for node in data["nodes"]:
        if node["iri"] != node_id:
            node["partial"] = True
    for edge in data["edges"]:
        for event in edge["events"]:
            if event["event"] not in walk.told:
                event["partial"] = True
    return data


def reports(store: Any, event_ids: list[str]) -> dict[str, Any]:
    """The reports of some events, as :func:`neighbourhood` leaves them out of the events marked
    ``"partial": true``: ``{"events": {IRI: {"evidence", "article", "confidence", "caption",
    "reports", "sources"}}, "articles": {...}}``, the fields of an event in
    :func:`kg.export.html.page_data`.

    Raises:
        KGError: a malformed IRI, or more than 500 of them.
    """
    from kg.export.html import report_fields

    if len(event_ids) > 500:
        raise ExplorerRequestError(f"at most 500 events a request, not {len(event_ids)}")
    for iri in event_ids:
        _check_iri(iri)
    events = {iri: Event("") for iri in event_ids}
    add_reports(store, events)
    out = {}
    for iri, event in events.items():
        out[iri] = report_fields(edge_data(event))
    cited = {e["article"] for e in out.values()} | {s["article"] for e in out.values() for s in e["sources"]}
    return {"events": out, "articles": read_articles(store, cited - {""})}


@dataclass
class _Walk:
    keep: set[str]  # the entities within the hops
    events: dict[str, Event]  # the events that reach them
    more: bool = False  # a step had more events than it read
    told: set[str] = field(default_factory=set)  # the events whose reports are read
    reading: Future[dict[str, Any]] | None = None  # the read of those reports and their articles, running beside


def _walk(store: Any, start: str, hops: int, relations: list[str], date_from: str | None,
          date_to: str | None, most: int, beside: ThreadPoolExecutor) -> _Walk:
    """The entities within ``hops`` of ``start`` and the events that reach them. The reports of the
    first step's events that ``start`` takes part in are read in ``beside`` while the walk goes on;
    the others' when the page shows them (:func:`reports`). A further step finds more of
    ``start``'s events only when the first stopped at ``most``: their reports wait too.

    Events between two entities of the last ring are not fetched: a ring
    holds hubs (Việt Nam) whose events are most of the store; the page's
    "expand" asks for them.
    """
    walk = _Walk(keep={start}, events={})
    keep, events, frontier = walk.keep, walk.events, {start}
    for _hop in range(hops):
        found = [row.get("ev") or "" for row in rows(store, _touching(frontier, relations, date_from, date_to, most))]
        found = [iri for iri in found if iri]
        walk.more = walk.more or len(found) > most
        found = found[:most]
        fresh = read_parties(store, {iri for iri in found if iri not in events})
        if walk.reading is None:
            told = {iri: event for iri, event in fresh.items() if start in _parties(event)}
            walk.told = set(told)
            walk.reading = beside.submit(_read_reports, store, told)
        events.update(fresh)
        reached = {end for iri in fresh if iri in events for pair in event_pairs(events[iri])
                   if frontier & set(pair) for end in pair}
        frontier = reached - keep
        keep |= frontier
        if not frontier:
            break
    return walk


def _read_reports(store: Any, told: dict[str, Event]) -> dict[str, dict[str, Any]]:
    """Give ``told`` their reports; the metadata of the articles those cite."""
    add_reports(store, told)
    return read_articles(store, {report["article"] for event in told.values() for report in event.reports} - {""})


def _parties(event: Event) -> set[str]:
    """Everyone an event's edges join."""
    return {end for pair in event_pairs(event) for end in pair}


def _trim(keep: set[str], events: dict[str, Event], start: str, limit: int) -> tuple[set[str], dict[str, Any]]:
    weight: dict[str, int] = {}
    for event in events.values():
        for pair in event_pairs(event):
            for end in pair:
                weight[end] = weight.get(end, 0) + 1
    ranked = sorted(keep - {start}, key=lambda n: (-weight.get(n, 0), n))
    kept = {start, *ranked[:limit - 1]}
    return kept, {"nodes": len(keep) - len(kept), "edges": 0, "examples": [],
                  "reason": f"only the {limit} entities with the most events are drawn"}


def explorer_page(*, api_base: str = "/api") -> str:
    """The ``kg viz`` page with no data inlined, asking ``api_base`` for search hits and neighbourhoods.

    >>> page = explorer_page(api_base="/api")
    >>> '"explorer":{"api":"/api"}' in page
    True
    """
    from kg.export.graph import new_graph
    from kg.export.html import render_html

    return render_html(new_graph(), title="vnkg explorer", explorer={"api": api_base})
