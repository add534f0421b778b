"""``to_networkx(store)``: the whole graph, read one predicate at a time and joined in Python.

Each predicate the graph needs is read once from the store's predicate index
(:mod:`kg.export.triples`), so reading costs the triples the store holds: no
SPARQL join, whose cost grows with the reports of each event (an event told
by a hundred articles repeats its triples in a hundred article graphs), and
no per-row query overhead. Predicates the graph does not show (mention
offsets, extractors, figures, name bookkeeping) are never read.

What the graph holds is the shape of :mod:`kg.export.graph`; events and
their edges follow :mod:`kg.export.sparql` (every party of every event).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pyoxigraph import NamedNode

from kg.export.sparql import ENTITY_CLASSES, EVENT_CLASSES, Event, add_events, article_id, is_caption
from kg.export.triples import (
    count_objects,
    count_subjects,
    subjects_of_class,
    triples,
    triples_of,
    values,
    vnkg,
)
from kg.rdf import NS

if TYPE_CHECKING:
    import networkx as nx

_SKOS, _SCHEMA = NS["skos"], NS["schema"]
_SLOTS = {"agent": "agents", "object": "objects", "participant": "participants", "date": "dates",
          "modality": "modalities", "protocolKind": "kinds"}


def to_networkx(store: Any, *, include_negated: bool = False, all_reports: bool = True,
                **filters: Any) -> nx.MultiDiGraph:
    """Read the whole graph from ``store`` (an embedded store, a SPARQL server, or a ``pyoxigraph.Store``).

    ``g.graph["articles"]`` maps each article id to its title, URL, date and
    outlet. With ``all_reports=False`` each event keeps one report's sentence
    and the number of reports (``kg viz``: a page shows a few, and reading
    every sentence is most of the cost). Keyword ``filters`` (focus, hops,
    relations, types, since, until, max_nodes) are handed to
    :func:`kg.export.graph.select`.

    >>> from kg.store import open_store
    >>> to_networkx(open_store(None)).number_of_nodes()
    0
    """
    from kg.export.graph import new_graph, select

    g = new_graph()
    read_entities(g, store)
    add_events(g, read_events(store, all_reports=all_reports), include_negated=include_negated)
    g.graph["articles"] = read_articles(store)
    return select(g, **filters) if filters else g


def read_entities(g: nx.MultiDiGraph, store: Any) -> None:
    """Add every entity with its type, names, article count and offices."""
    for cls, kind in ENTITY_CLASSES.items():
        for iri in subjects_of_class(store, vnkg(cls)):
            if iri not in g:
                g.add_node(iri, type=kind, label="", aliases=[], offices=[], articles=0)
    names = _names(store, set(g))
    for iri, data in g.nodes(data=True):
        preferred, others = names.get(iri, ((), ()))
        label = min(preferred) if preferred else (min(others) if others else iri)
        data["label"] = label
        data["aliases"] = sorted(set(others) - {label})
    for iri, articles in count_subjects(store, vnkg("mentions")).items():
        if iri in g:
            g.nodes[iri]["articles"] = articles
    for person, offices in read_offices(store, set(g)).items():
        g.nodes[person]["offices"] = offices


def _names(store: Any, entities: set[str]) -> dict[str, tuple[set[str], set[str]]]:
    """Entity -> (Vietnamese preferred labels, other labels and aliases)."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for prop in ("prefLabel", "altLabel"):
        for subject, name in triples(store, _SKOS + prop):
            if subject.value in entities:
                preferred, others = out.setdefault(subject.value, (set(), set()))
                vietnamese = prop == "prefLabel" and getattr(name, "language", None) == "vi"
                (preferred if vietnamese else others).add(name.value)
    return out


def read_offices(store: Any, people: set[str]) -> dict[str, list[dict[str, Any]]]:
    """Person -> offices ``{"title", "org", "date"}``: Vietnamese title and organization name, and the
    first and last day a report saw it held (``first/last``, or one day)."""
    from kg.export.graph import _unique_offices

    positions = set(subjects_of_class(store, vnkg("Position")))

    def of_positions(prop: str, *, vietnamese: bool = False) -> dict[str, list[Any]]:
        found = values(store, vnkg(prop), subjects=positions)
        if vietnamese:
            found = {s: [v for v in vs if getattr(v, "language", None) == "vi"] for s, vs in found.items()}
        return found

    holders, titles, orgs, seen_on = (of_positions("holder"), of_positions("title", vietnamese=True),
                                      of_positions("organization"), of_positions("observedOn"))
    org_iris = {o.value for vs in orgs.values() for o in vs}
    org_names = {iri: [n.value for n in names if getattr(n, "language", None) == "vi"]
                 for iri, names in values(store, _SKOS + "prefLabel", subjects=org_iris).items()}
    days: dict[tuple[str, str, str | None], list[str]] = {}
    for pos in positions:
        org_labels = [name for org in orgs.get(pos, ()) for name in org_names.get(org.value, ())] or [None]
        for holder in holders.get(pos, ()):
            if holder.value not in people:
                continue
            for title in titles.get(pos, ()):
                for org in org_labels:
                    days.setdefault((holder.value, title.value, org), []).extend(
                        d.value for d in seen_on.get(pos, ()))
    out: dict[str, list[dict[str, Any]]] = {}
    for (person, title, org), seen in days.items():
        first, last = (min(seen), max(seen)) if seen else (None, None)
        out.setdefault(person, []).append(
            {"title": title, "org": org, "date": first if first == last else f"{first}/{last}"})
    return {person: _unique_offices(offices) for person, offices in out.items()}


def read_events(store: Any, *, all_reports: bool = True) -> dict[str, Event]:
    """Every event with all its parties and values, and its reports (all, or one and their count)."""
    events: dict[str, Event] = {}
    for cls, relation in EVENT_CLASSES.items():
        for iri in subjects_of_class(store, vnkg(cls)):
            events.setdefault(iri, Event(relation))
    for prop, slot in _SLOTS.items():
        for subject, obj in triples(store, vnkg(prop)):
            event = events.get(subject.value)
            if event is not None:
                getattr(event, slot).add(obj.value)
    wanted: dict[str, str] = {}  # evidence -> event
    if all_reports:
        for subject, evidence in triples(store, vnkg("evidence")):
            if subject.value in events:
                wanted[evidence.value] = subject.value
    else:  # one report each (the same every run) and how many there are, counted by the engine
        for iri, (count, least) in count_objects(store, vnkg("evidence")).items():
            if iri in events:
                events[iri].count = count
                wanted[least] = iri
    reports = {prop: _first_values(store, prop, set(wanted), few=not all_reports)
               for prop in ("sentence", "article", "confidence")}
    for evidence, iri in wanted.items():
        sentence = reports["sentence"].get(evidence)
        if sentence:
            confidence = reports["confidence"].get(evidence)
            events[iri].reports.append({
                "article": article_id(reports["article"].get(evidence)), "evidence": sentence,
                "confidence": round(float(confidence), 3) if confidence else None,
                "caption": is_caption(sentence)})
    return events


def _first_values(store: Any, prop: str, subjects: set[str], *, few: bool) -> dict[str, str]:
    """Subject -> one value of ``vnkg:prop`` (the least, so every run picks the same).

    ``few``: the subjects are a small part of those with ``prop``, looked up by subject.
    """
    out: dict[str, str] = {}
    found = triples_of(store, vnkg(prop), subjects) if few else triples(store, vnkg(prop))
    for subject, obj in found:
        iri = subject.value
        if iri in subjects and (iri not in out or obj.value < out[iri]):
            out[iri] = obj.value
    return out


def read_articles(store: Any) -> dict[str, dict[str, Any]]:
    """Article id -> {"title", "url", "date", "publisher"} (None where the input gave none)."""
    articles = set(subjects_of_class(store, vnkg("Article")))
    meta = {key: values(store, _SCHEMA + prop, subjects=articles)
            for key, prop in (("title", "headline"), ("url", "url"), ("date", "datePublished"),
                              ("publisher", "publisher"))}
    outlets = {o.value for vs in meta["publisher"].values() for o in vs if isinstance(o, NamedNode)}
    outlet_names = {iri: min(n.value for n in names)
                    for iri, names in values(store, _SKOS + "prefLabel", subjects=outlets).items()} if outlets else {}
    out: dict[str, dict[str, Any]] = {}
    for iri in articles:
        record: dict[str, Any] = {}
        for key, found in meta.items():
            texts = sorted(outlet_names.get(v.value, v.value) if key == "publisher" else v.value
                           for v in found.get(iri, ()))
            record[key] = texts[0] if texts else None
        out[article_id(iri)] = record
    return out
