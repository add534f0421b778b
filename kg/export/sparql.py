"""``to_networkx(store)``: the store's entities and events in the networkx shape of :mod:`kg.export.graph`.

Five SPARQL queries over the union of the article graphs (entities, names,
article counts, offices, events with their evidence), each row kept small
so that no query multiplies the others' rows. Negated events ("did not
meet") are left out unless asked for: a drawn edge reads as "it happened".
An event reported by several articles is one edge; its first report gives
``evidence`` and ``article``, the others are listed in ``sources``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

if TYPE_CHECKING:
    import networkx as nx

_ONT = "https://vnkg.org/ontology#"
_ARTICLE = "https://vnkg.org/id/article/"
_PREFIXES = f"""PREFIX vnkg: <{_ONT}>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
_ENTITY_CLASSES = {"Person": "Person", "Country": "Country", "Organization": "Organization",
                   "Location": "Location", "NamedEvent": "Event", "Agreement": "Agreement"}
_EVENT_CLASSES = {"Meeting": "met", "Visit": "visited", "Signing": "signed", "Attendance": "attended",
                  "Invitation": "invited", "Statement": "said", "Hosting": "hosted",
                  "Inauguration": "inaugurated", "WreathLaying": "laid_wreath"}


def _values(var: str, mapping: dict[str, str]) -> str:
    rows = " ".join(f'(vnkg:{cls} "{name}")' for cls, name in mapping.items())
    return f"VALUES (?cls ?{var}) {{ {rows} }}"


ENTITIES = _PREFIXES + f"""SELECT DISTINCT ?e ?type WHERE {{ {_values("type", _ENTITY_CLASSES)} ?e a ?cls . }}"""
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
EVENTS = _PREFIXES + f"""SELECT DISTINCT ?ev ?relation ?s ?o ?date ?modality ?kind ?sentence ?article WHERE {{
  {_values("relation", _EVENT_CLASSES)}
  ?ev a ?cls ; vnkg:agent ?s ; vnkg:object ?o .
  OPTIONAL {{ ?ev vnkg:date ?date }}
  OPTIONAL {{ ?ev vnkg:modality ?modality }}
  OPTIONAL {{ ?ev vnkg:protocolKind ?kind }}
  OPTIONAL {{ ?ev vnkg:evidence ?evd . ?evd vnkg:sentence ?sentence ; vnkg:article ?article }}
}}"""


def _value(row: Any, name: str) -> str | None:
    """A variable of a result row as plain text, or None when unbound (pyoxigraph or rdflib rows)."""
    try:
        term = row[name]
    except (KeyError, IndexError):
        return None
    if term is None:
        return None
    return str(term.value) if hasattr(term, "value") else str(term)


def _article_id(iri: str | None) -> str:
    if not iri:
        return ""
    return unquote(iri[len(_ARTICLE):]) if iri.startswith(_ARTICLE) else iri


def to_networkx(store: Any, *, include_negated: bool = False, **filters: Any) -> nx.MultiDiGraph:
    """Read the whole graph from ``store`` (anything with ``.query(sparql)`` returning rows).

    Keyword ``filters`` (focus, hops, relations, types, since, until,
    max_nodes) are handed to :func:`kg.export.graph.select`.
    """
    from kg.export.graph import add_entity, new_graph, select

    g = new_graph()
    for row in store.query(ENTITIES):
        iri = _value(row, "e")
        if iri and iri not in g:
            g.add_node(iri, type=_value(row, "type"), label="", aliases=[], offices=[], articles=0)
    names: dict[str, tuple[list[str], list[str]]] = {}
    for row in store.query(NAMES):
        iri = _value(row, "e")
        if iri in g:
            preferred, others = names.setdefault(iri, ([], []))
            (preferred if _value(row, "pref") == "true" else others).append(_value(row, "name") or "")
    for iri, (preferred, others) in names.items():
        label = min(preferred) if preferred else (min(others) if others else iri)
        g.nodes[iri]["label"] = label
        g.nodes[iri]["aliases"] = sorted(set(others) - {label})
    for row in store.query(ARTICLES):
        iri = _value(row, "e")
        if iri in g:
            g.nodes[iri]["articles"] = int(_value(row, "n") or 0)
    for row in store.query(OFFICES):
        iri = _value(row, "person")
        if iri in g:
            first, last = _value(row, "first"), _value(row, "last")
            date = first if first == last else f"{first}/{last}"
            add_entity(g, iri, type="", label="", offices=[
                {"title": _value(row, "title"), "org": _value(row, "org"), "date": date}])
    events: dict[str, dict[str, Any]] = {}
    for row in store.query(EVENTS):
        iri, s, o = _value(row, "ev"), _value(row, "s"), _value(row, "o")
        modality = _value(row, "modality") or "done"
        if not iri or s not in g or o not in g or (modality == "negated" and not include_negated):
            continue
        event = events.setdefault(iri, {"s": s, "o": o, "relation": _value(row, "relation"),
                                        "date": _value(row, "date"), "kind": _value(row, "kind") or "",
                                        "modality": modality, "sources": set()})
        sentence = _value(row, "sentence")
        if sentence:
            event["sources"].add((_article_id(_value(row, "article")), sentence))
    for iri in sorted(events):
        event = events[iri]
        sources = sorted(event.pop("sources"))
        event["article"], event["evidence"] = sources[0] if sources else ("", "")
        if len(sources) > 1:
            event["sources"] = [{"article": a, "evidence": e} for a, e in sources[1:]]
        g.add_edge(event.pop("s"), event.pop("o"), key=iri, **event)
    return select(g, **filters) if filters else g

