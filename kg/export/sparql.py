"""``to_networkx(store)``: the store's entities and events in the networkx shape of :mod:`kg.export.graph`.

Every query reads one property (or one evidence node's few values) with
``SELECT DISTINCT`` and no join across reports: an event told by a hundred
articles repeats its triples in a hundred article graphs, and a query that
joined its agents, objects, dates and sentences would multiply those copies
(cost growing with reports per event, squared and worse). Rows are joined
here, in Python, so reading costs what the store holds.

Every party of an event is kept (:func:`event_pairs`): a meeting is an edge
between each two of its participants, as ``who_met_whom.rq`` reads it; any
other event an edge from each agent to each object. Negated events ("did not
meet") are left out unless asked for: a drawn edge reads as "it happened".
An event reported by several articles is one edge per pair; its first report
gives ``evidence`` and ``article``, the others are listed in ``sources``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

if TYPE_CHECKING:
    import networkx as nx

_ONT = "https://vnkg.org/ontology#"
_ARTICLE = "https://vnkg.org/id/article/"
_PREFIXES = f"""PREFIX vnkg: <{_ONT}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <http://schema.org/>
"""
ENTITY_CLASSES = {"Person": "Person", "Country": "Country", "Organization": "Organization",
                  "Location": "Location", "NamedEvent": "Event", "Agreement": "Agreement"}
EVENT_CLASSES = {"Meeting": "met", "Visit": "visited", "Signing": "signed", "Attendance": "attended",
                 "Invitation": "invited", "Statement": "said", "Hosting": "hosted",
                 "Inauguration": "inaugurated", "WreathLaying": "laid_wreath"}
_MODALITY_RANK = ("done", "ongoing", "planned", "negated")
# a sentence that ends in a photo credit is a caption ("... (Ảnh: TTXVN)")
_CAPTION = re.compile(r"(?:\(|\[|\b)(?:Ảnh|Nguồn ảnh)\s*:\s*[^()\[\]\n]{1,80}[)\]]?\s*[.]?\s*$", re.IGNORECASE)


def _values(var: str, mapping: dict[str, str]) -> str:
    rows = " ".join(f'(vnkg:{cls} "{name}")' for cls, name in mapping.items())
    return f"VALUES (?cls ?{var}) {{ {rows} }}"


ENTITIES = _PREFIXES + f"""SELECT DISTINCT ?e ?type WHERE {{ {_values("type", ENTITY_CLASSES)} ?e a ?cls . }}"""
NAMES = _PREFIXES + """SELECT DISTINCT ?e ?name ?pref WHERE {
  { ?e skos:prefLabel ?name . BIND(lang(?name) = "vi" AS ?pref) } UNION { ?e skos:altLabel ?name . BIND(false AS ?pref) }
}"""
ARTICLES = _PREFIXES + """SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a vnkg:mentions ?e } GROUP BY ?e"""
OFFICES = _PREFIXES + """SELECT ?person ?title ?org (MIN(STR(?on)) AS ?first) (MAX(STR(?on)) AS ?last) WHERE {
  ?pos a vnkg:Position ; vnkg:holder ?person ; vnkg:title ?title .
  FILTER(lang(?title) = "vi")
  OPTIONAL { ?pos vnkg:organization ?o . ?o skos:prefLabel ?org . FILTER(lang(?org) = "vi") }
  OPTIONAL { ?pos vnkg:observedOn ?on }
} GROUP BY ?person ?title ?org"""
EVENT_TYPES = _PREFIXES + f"""SELECT DISTINCT ?ev ?relation WHERE {{ {_values("relation", EVENT_CLASSES)} ?ev a ?cls . }}"""
# title, URL and outlet only when the input gave them
ARTICLE_META = _PREFIXES + """SELECT ?a ?title ?url ?published ?publisher WHERE {
  ?a a vnkg:Article .
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a schema:publisher ?p . OPTIONAL { ?p skos:prefLabel ?pl } BIND(COALESCE(?pl, ?p) AS ?publisher) }
}"""


def _text(value: Any) -> str | None:
    """A result value as plain text: kg.store gives Python values, bare pyoxigraph gives terms."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value.value) if hasattr(value, "value") else str(value)


def rows(store: Any, sparql: str) -> list[dict[str, str | None]]:
    """The rows of a SELECT as ``{variable: text}``, unbound variables left out."""
    result = store.query(sparql)
    if hasattr(result, "dicts"):  # kg.store.QueryResult
        return [{k: _text(v) for k, v in row.items()} for row in result.dicts()]
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


def values_of(store: Any, props: Iterable[str], *, only: Iterable[str] | None = None,
              distinct: bool = True) -> dict[str, dict[str, list[str]]]:
    """Subject -> property -> values, for the ``vnkg:`` properties ``props``.

    One query, a UNION of single triple patterns: no join, so each stored
    triple is read once (a join of two properties of one node costs several
    times more in Oxigraph). ``only`` limits the subjects; ``distinct``
    drops the copies of a triple repeated in several article graphs.
    """
    branches = " UNION ".join(f'{{ ?x vnkg:{p} ?v BIND("{p}" AS ?p) }}' for p in props)
    restrict = ""
    if only is not None:
        iris = set(only)
        if not iris:
            return {}
        restrict = _values_clause("x", iris)
    out: dict[str, dict[str, list[str]]] = {}
    select = "SELECT DISTINCT" if distinct else "SELECT"
    for row in rows(store, _PREFIXES + f"{select} ?x ?p ?v WHERE {{ {restrict} {branches} }}"):
        x, p, v = row.get("x"), row.get("p"), row.get("v")
        if x and p and v is not None:
            out.setdefault(x, {}).setdefault(p, []).append(v)
    return out


_SLOTS = {"agent": "agents", "object": "objects", "participant": "participants", "date": "dates",
          "modality": "modalities", "protocolKind": "kinds"}


def read_events(store: Any, *, only: Iterable[str] | None = None, sample: bool = False) -> dict[str, Event]:
    """Every event node of the store, each with all its parties, values and reports.

    ``only`` limits the work to these event IRIs (the explorer's
    neighbourhoods); with ``sample`` each event gets one report's sentence
    and ``count`` the number of reports, so a hub told ten thousand times
    costs no ten thousand sentences.
    """
    wanted = set(only) if only is not None else None
    if wanted is not None and not wanted:
        return {}
    events: dict[str, Event] = {}
    if wanted is None:
        found = rows(store, EVENT_TYPES)
    else:  # the event's own types: one lookup each, where a join with the nine classes costs nine
        found = rows(store, _PREFIXES + f"SELECT DISTINCT ?ev ?cls WHERE {{ {_values_clause('ev', wanted)} ?ev a ?cls }}")
        for row in found:
            row["relation"] = EVENT_CLASSES.get((row.get("cls") or "")[len(_ONT):])
    for row in found:
        iri, relation = row.get("ev"), row.get("relation")
        if iri and relation:
            events.setdefault(iri, Event(relation))
    evidence: dict[str, str] = {}
    props = [*_SLOTS] if sample else [*_SLOTS, "evidence"]
    for iri, values in values_of(store, props, only=events if wanted is not None else None).items():
        event = events.get(iri)
        if event is None:
            continue
        for prop, slot in _SLOTS.items():
            getattr(event, slot).update(values.get(prop, ()))
        evidence.update((evd, iri) for evd in values.get("evidence", ()))
    if sample:
        evidence = _samples(store, events, restrict=wanted is not None)
    reports = values_of(store, ["sentence", "article", "confidence"],
                        only=evidence if wanted is not None or sample else None)
    for evd, iri in evidence.items():
        values = reports.get(evd, {})
        sentence = (values.get("sentence") or [""])[0]
        if sentence:
            confidence = values.get("confidence")
            events[iri].reports.append({
                "article": article_id((values.get("article") or [""])[0]), "evidence": sentence,
                "confidence": round(float(confidence[0]), 3) if confidence else None,
                "caption": is_caption(sentence)})
    return events


def _samples(store: Any, events: dict[str, Event], *, restrict: bool = True) -> dict[str, str]:
    """One evidence node per event (evidence IRI -> event IRI); each event's ``count`` set to its reports."""
    if not events:
        return {}
    values = _values_clause("ev", set(events)) if restrict else ""
    sparql = _PREFIXES + f"""SELECT ?ev (COUNT(?evd) AS ?n) (SAMPLE(?evd) AS ?one) WHERE {{
  {values} ?ev vnkg:evidence ?evd }} GROUP BY ?ev"""
    out = {}
    for row in rows(store, sparql):
        event = events.get(row.get("ev") or "")
        if event is not None and row.get("one"):
            event.count = int(row.get("n") or 0)
            out[row["one"] or ""] = row["ev"] or ""
    return out


def _values_clause(var: str, iris: set[str]) -> str:
    return f"VALUES ?{var} {{ {' '.join(f'<{iri}>' for iri in sorted(iris))} }}"


def read_articles(store: Any, *, only: Iterable[str] | None = None) -> dict[str, dict[str, Any]]:
    """Article id -> {"title", "url", "date", "publisher"} (None where the input gave none)."""
    sparql = ARTICLE_META
    if only is not None:
        iris = {_ARTICLE + a for a in only}
        if not iris:
            return {}
        sparql = sparql.replace("WHERE {", "WHERE { " + _values_clause("a", iris), 1)
    out: dict[str, dict[str, Any]] = {}
    for row in rows(store, sparql):
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


def add_entities(g: nx.MultiDiGraph, store: Any, *, only: set[str] | None = None) -> None:
    """Add the entities (all, or ``only`` these IRIs) with names, article counts and offices."""
    from kg.export.graph import add_entity

    restrict = _values_clause("e", only) if only is not None else ""

    def query(sparql: str, var: str = "e") -> list[dict[str, str | None]]:
        if not restrict:
            return rows(store, sparql)
        return rows(store, sparql.replace("WHERE {", "WHERE { " + restrict.replace("?e ", f"?{var} ", 1), 1))

    for row in query(ENTITIES):
        iri = row.get("e")
        if iri and iri not in g:
            g.add_node(iri, type=row.get("type"), label="", aliases=[], offices=[], articles=0)
    names: dict[str, tuple[list[str], list[str]]] = {}
    for row in query(NAMES):
        iri = row.get("e")
        if iri and iri in g:
            preferred, others = names.setdefault(iri, ([], []))
            (preferred if row.get("pref") == "true" else others).append(row.get("name") or "")
    for iri, (preferred, others) in names.items():
        label = min(preferred) if preferred else (min(others) if others else iri)
        g.nodes[iri]["label"] = label
        g.nodes[iri]["aliases"] = sorted(set(others) - {label})
    for iri in g:
        if not g.nodes[iri]["label"]:
            g.nodes[iri]["label"] = iri
    for row in query(ARTICLES):
        iri = row.get("e")
        if iri in g:
            g.nodes[iri]["articles"] = int(row.get("n") or 0)
    for row in query(OFFICES, "person"):
        iri = row.get("person")
        if iri and iri in g:
            first, last = row.get("first"), row.get("last")
            date = first if first == last else f"{first}/{last}"
            add_entity(g, iri, type="", label="", offices=[
                {"title": row.get("title"), "org": row.get("org"), "date": date}])
