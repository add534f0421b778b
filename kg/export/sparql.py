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


def _text(value: Any) -> str | None:
    """A result value as plain text: kg.store gives Python values, bare pyoxigraph gives terms."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value.value) if hasattr(value, "value") else str(value)


def _rows(store: Any, sparql: str) -> list[dict[str, str | None]]:
    """The rows of a SELECT as ``{variable: text}``, unbound variables left out."""
    result = store.query(sparql)
    if hasattr(result, "dicts"):  # kg.store.QueryResult
        return [{k: _text(v) for k, v in row.items()} for row in result.dicts()]
    names = [v.value for v in result.variables]  # pyoxigraph.QuerySolutions
    return [{name: _text(solution[name]) for name in names} for solution in result]


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
    for row in _rows(store, ENTITIES):
        iri = row.get("e")
        if iri and iri not in g:
            g.add_node(iri, type=row.get("type"), label="", aliases=[], offices=[], articles=0)
    names: dict[str, tuple[list[str], list[str]]] = {}
    for row in _rows(store, NAMES):
        iri = row.get("e")
        if iri and iri in g:
            preferred, others = names.setdefault(iri, ([], []))
            (preferred if row.get("pref") == "true" else others).append(row.get("name") or "")
    for iri, (preferred, others) in names.items():
        label = min(preferred) if preferred else (min(others) if others else iri)
        g.nodes[iri]["label"] = label
        g.nodes[iri]["aliases"] = sorted(set(others) - {label})
    for row in _rows(store, ARTICLES):
        iri = row.get("e")
        if iri in g:
            g.nodes[iri]["articles"] = int(row.get("n") or 0)
    for row in _rows(store, OFFICES):
        iri = row.get("person")
        if iri and iri in g:
            first, last = row.get("first"), row.get("last")
            date = first if first == last else f"{first}/{last}"
            add_entity(g, iri, type="", label="", offices=[
                {"title": row.get("title"), "org": row.get("org"), "date": date}])
    events: dict[str, dict[str, Any]] = {}
    for row in _rows(store, EVENTS):
        iri, s, o = row.get("ev"), row.get("s"), row.get("o")
        modality = row.get("modality") or "done"
        if not iri or s not in g or o not in g or (modality == "negated" and not include_negated):
            continue
        event = events.setdefault(iri, {"s": s, "o": o, "relation": row.get("relation"),
                                        "date": row.get("date"), "kind": row.get("kind") or "",
                                        "modality": modality, "sources": set()})
        sentence = row.get("sentence")
        if sentence:
            event["sources"].add((_article_id(row.get("article")), sentence))
    for iri in sorted(events):
        event = events[iri]
        sources = sorted(event.pop("sources"))
        event["article"], event["evidence"] = sources[0] if sources else ("", "")
        if len(sources) > 1:
            event["sources"] = [{"article": a, "evidence": e} for a, e in sources[1:]]
        g.add_edge(event.pop("s"), event.pop("o"), key=iri, **event)
    return select(g, **filters) if filters else g

