"""The events of the graph, and the explorer's reads of a few entities and events from any store.

:class:`Event` gathers what the store says of one event node and
:func:`event_pairs` turns it into edges: every party of an event is kept, a
meeting is an edge between each two of its participants, as
``who_met_whom.rq`` reads it; any other event an edge from each agent to
each object. Negated events ("did not meet") are left out unless asked for:
a drawn edge reads as "it happened". An event reported by several articles
is one edge per pair; its first report gives ``evidence`` and ``article``,
the others are listed in ``sources``.

The readers here take the IRIs they need (``only``): the explorer's
neighbourhoods, through ``store.query`` so an embedded store and a SPARQL
server both work. Every query (``queries/*.rq``) reads one property, or one
evidence node's few values, with no join across reports: an event told by a
hundred articles repeats its triples in a hundred article graphs, and a join
of its agents, dates and sentences would multiply those copies. The whole
graph is read by :mod:`kg.export.reader`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from kg import ids
from kg.export.queries import iris, sparql
from kg.model import ENTITY_TYPE_INFO, PREDICATE_INFO
from kg.rdf import NS

if TYPE_CHECKING:
    import networkx as nx

_ARTICLE = ids.article_iri("")
ENTITY_CLASSES = {t.rdf_class: t.name for t in ENTITY_TYPE_INFO.values()}
EVENT_CLASSES = {p.event_class: p.name for p in PREDICATE_INFO.values()}
_MODALITY_RANK = ("done", "ongoing", "planned", "negated")
# a sentence that ends in a photo credit is a caption ("... (Ảnh: TTXVN)")
_CAPTION = re.compile(r"(?:\(|\[|\b)(?:Ảnh|Nguồn ảnh)\s*:\s*[^()\[\]\n]{1,80}[)\]]?\s*[.]?\s*$", re.IGNORECASE)


def _text(value: Any) -> str | None:
    """A result value as plain text: kg.store gives Python values, bare pyoxigraph gives terms."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value.value) if hasattr(value, "value") else str(value)


def rows(store: Any, query: str) -> list[dict[str, str | None]]:
    """The rows of a SELECT as ``{variable: text}``, unbound variables left out."""
    result = store.query(query)
    if hasattr(result, "terms"):  # kg.store.QueryResult: its pyoxigraph terms, whose value is their text
        names = result.variables
        return [{name: term.value for name, term in zip(names, row, strict=False) if term is not None}
                for row in result.terms]
    names = [v.value for v in result.variables]  # pyoxigraph.QuerySolutions
    return [{name: _text(solution[name]) for name in names} for solution in result]


def article_id(iri: str | None) -> str:
    """The article id in an article IRI."""
    if not iri:
        return ""
    return unquote(iri[len(_ARTICLE):]) if iri.startswith(_ARTICLE) else iri


def is_caption(sentence: str) -> bool:
    """Whether an evidence sentence is a photo caption: it ends in a photo credit.

    >>> is_caption("Tổng Bí thư Tô Lâm hội đàm với Tổng thống. (Ảnh: Trí Dũng/TTXVN)")
    True
    >>> is_caption("Tô Lâm hội đàm với Tập Cận Bình.")
    False
    """
    return bool(_CAPTION.search(sentence))


@dataclass
class Event:
    """What the store says of one event node, gathered from its rows."""

    relation: str
    agents: set[str] = field(default_factory=set)
    objects: set[str] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)
    dates: set[str] = field(default_factory=set)
    modalities: set[str] = field(default_factory=set)
    kinds: set[str] = field(default_factory=set)
    reports: list[dict[str, Any]] = field(default_factory=list)
    count: int = 0  # reports in the store, when only some were read

    @property
    def modality(self) -> str:
        """The strongest claim any report makes: done over ongoing over planned over negated."""
        known = [m for m in _MODALITY_RANK if m in self.modalities]
        return known[0] if known else (min(self.modalities) if self.modalities else "done")


def event_pairs(event: Event) -> list[tuple[str, str]]:
    """The edges of one event: each two participants of a meeting, else each agent to each object.

    An entity on both sides of a non-meeting event gets a loop only if it is the only party.

    >>> sorted(event_pairs(Event("met", {"a", "c"}, {"b", "a"}, {"a", "b", "c"})))
    [('a', 'b'), ('c', 'a'), ('c', 'b')]
    >>> sorted(event_pairs(Event("signed", {"vn", "la"}, {"doc"}, {"vn", "la"})))
    [('la', 'doc'), ('vn', 'doc')]
    >>> event_pairs(Event("invited", {"a", "b"}, {"a", "b"}, {"a", "b"}))
    [('a', 'b'), ('b', 'a')]
    """
    if event.relation == "met":
        people = sorted(event.participants)
        pairs = []
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                told_ba = b in event.agents and a in event.objects and not (a in event.agents and b in event.objects)
                pairs.append((b, a) if told_ba else (a, b))
        return pairs
    # "A invited B" and "B invited A" told apart are one node with A and B on both sides:
    # A -> A is no report's claim, so a loop stays only when nothing else is said
    alone = len(event.agents) == 1 and event.agents == event.objects
    return [(s, o) for s in sorted(event.agents) for o in sorted(event.objects) if s != o or alone]


_TYPE = NS["rdf"] + "type"


def _values_of(store: Any, query: str, part: str, subjects: set[str]) -> dict[str, dict[str, list[str]]]:
    """Subject -> property (its local name: ``agent``, ``type``) -> values, from ``query`` (a
    ``?x ?p ?v`` query over the subjects in ``part``)."""
    out: dict[str, dict[str, list[str]]] = {}
    if not subjects:
        return out
    for row in rows(store, sparql(query, **{part: iris(subjects)})):
        x, p, v = row.get("x"), row.get("p"), row.get("v")
        if x and p and v is not None:
            name = "type" if p == _TYPE else p.removeprefix(ids.ONT)
            out.setdefault(x, {}).setdefault(name, []).append(v)
    return out


_SLOTS = {"agent": "agents", "object": "objects", "participant": "participants", "date": "dates",
          "modality": "modalities", "protocolKind": "kinds"}


def read_events(store: Any, only: Iterable[str]) -> dict[str, Event]:
    """The events ``only``, each with all its parties and values, one report's sentence and the
    number of reports in ``count`` (a hub told ten thousand times costs no ten thousand sentences)."""
    events = read_parties(store, only)
    add_reports(store, events)
    return events


def read_parties(store: Any, only: Iterable[str]) -> dict[str, Event]:
    """The events ``only`` with their relation, parties and values, but no report yet (:func:`add_reports`)."""
    wanted = set(only)
    events: dict[str, Event] = {}
    if not wanted:
        return events
    for iri, values in _values_of(store, "event_values", "events", wanted).items():
        relations = sorted(r for cls in values.get("type", ()) if (r := EVENT_CLASSES.get(cls[len(ids.ONT):])))
        if relations:
            event = events[iri] = Event(relations[0])
            for prop, slot in _SLOTS.items():
                getattr(event, slot).update(values.get(prop, ()))
    return events


def add_reports(store: Any, events: dict[str, Event]) -> None:
    """Give each of ``events`` one report's sentence, article and confidence, and its number of reports."""
    if not events:
        return
    evidence = _samples(rows(store, sparql("report_samples", events=iris(events))), events)
    reports = _values_of(store, "report_values", "reports", set(evidence))
    for evd, iri in evidence.items():
        values = reports.get(evd, {})
        sentence = (values.get("sentence") or [""])[0]
        if sentence:
            confidence = values.get("confidence")
            events[iri].reports.append({
                "article": article_id((values.get("article") or [""])[0]), "evidence": sentence,
                "confidence": round(float(confidence[0]), 3) if confidence else None,
                "caption": is_caption(sentence)})


def _samples(samples: list[dict[str, str | None]], events: dict[str, Event]) -> dict[str, str]:
    """One evidence node per event (evidence IRI -> event IRI), from the rows of ``report_samples``;
    each event's ``count`` set to its reports."""
    out: dict[str, str] = {}
    for row in samples:
        event = events.get(row.get("ev") or "")
        if event is not None and row.get("one"):
            event.count = int(row.get("n") or 0)
            out[row["one"] or ""] = row["ev"] or ""
    return out


def read_articles(store: Any, only: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Article id -> {"title", "url", "date", "publisher"} (None where the input gave none), for the ids ``only``."""
    wanted = {_ARTICLE + a for a in only}
    out: dict[str, dict[str, Any]] = {}
    if not wanted:
        return out
    for row in rows(store, sparql("article_meta", articles=iris(wanted))):
        ident = article_id(row.get("a"))
        meta = out.setdefault(ident, {"title": None, "url": None, "date": None, "publisher": None})
        for key, var in (("title", "title"), ("url", "url"), ("date", "published"), ("publisher", "publisher")):
            meta[key] = meta[key] or row.get(var)
    return out


def edge_data(event: Event) -> dict[str, Any]:
    """The attributes every edge of ``event`` carries (see :mod:`kg.export.graph`)."""
    reports = sorted(event.reports, key=lambda r: (r["article"], r["evidence"]))
    first = reports[0] if reports else {"article": "", "evidence": "", "confidence": None, "caption": False}
    data: dict[str, Any] = {
        "relation": event.relation, "date": min(event.dates) if event.dates else None,
        "kind": ", ".join(sorted(event.kinds)), "modality": event.modality,
        "evidence": first["evidence"], "article": first["article"], "confidence": first["confidence"],
        "caption": first["caption"], "reports": max(len(reports), event.count)}
    if len(reports) > 1:
        data["sources"] = reports[1:]
    return data


def add_events(g: nx.MultiDiGraph, events: dict[str, Event], *, include_negated: bool = False) -> None:
    """Add an edge for each pair of parties of each event whose ends are nodes of ``g``."""
    for iri in sorted(events):
        event = events[iri]
        if event.modality == "negated" and not include_negated:
            continue
        data = None
        for s, o in event_pairs(event):
            if s in g and o in g:
                data = data or edge_data(event)
                g.add_edge(s, o, key=iri, **data)


def add_entities(g: nx.MultiDiGraph, store: Any, only: set[str], *, details: set[str] | None = None) -> None:
    """Add the entities ``only`` (those the store types as one) with names, and with article counts and
    offices for those in ``details`` (all of ``only`` by default): a hub's article count and a leader's
    office dates cost its reports, so the explorer reads them for the node it opens."""
    if not only:
        return
    wanted = only if details is None else only & details
    entities = iris(only)
    typed = rows(store, sparql("entity_types", entities=entities))
    named = rows(store, sparql("names", entities=entities))
    for row in typed:
        iri, kind = row.get("e"), ENTITY_CLASSES.get((row.get("cls") or "")[len(ids.ONT):])
        if iri and kind and iri not in g:
            g.add_node(iri, type=kind, label="", aliases=[], offices=[], articles=0)
    names: dict[str, tuple[list[str], list[str]]] = {}
    for row in named:
        iri = row.get("e")
        if iri and iri in g:
            preferred, others = names.setdefault(iri, ([], []))
            (preferred if row.get("pref") == "true" else others).append(row.get("name") or "")
    for iri, (preferred, others) in names.items():
        label = min(preferred) if preferred else (min(others) if others else iri)
        g.nodes[iri]["label"] = label
        g.nodes[iri]["aliases"] = sorted(set(others) - {label})
    for iri in only:
        if iri in g and not g.nodes[iri]["label"]:
            g.nodes[iri]["label"] = iri
    add_details(g, read_details(store, wanted))


@dataclass
class Details:
    """The article counts and offices of some entities, as the store gives them (:func:`read_details`)."""

    counts: list[dict[str, str | None]] = field(default_factory=list)
    offices: list[dict[str, str | None]] = field(default_factory=list)


def read_details(store: Any, only: set[str]) -> Details:
    """The article counts and offices of the entities ``only`` (each costs the entity's reports)."""
    if not only:
        return Details()
    return Details(rows(store, sparql("article_counts", entities=iris(only))),
                   rows(store, sparql("offices", people=iris(only))))


def add_details(g: nx.MultiDiGraph, details: Details) -> None:
    """Give the nodes of ``g`` their article counts and offices from ``details``."""
    from kg.export.graph import add_entity

    for row in details.counts:
        iri = row.get("e")
        if iri in g:
            g.nodes[iri]["articles"] = int(row.get("n") or 0)
    for row in details.offices:
        iri = row.get("person")
        if iri and iri in g:
            first, last = row.get("first"), row.get("last")
            date = first if first == last else f"{first}/{last}"
            add_entity(g, iri, type="", label="", offices=[
                {"title": row.get("title"), "org": row.get("org"), "date": date}])
