"""``kg validate`` and ``kg stats``: SHACL shapes over the graph, counts by class and property."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from kg.store.base import KGStore

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# Package data (kg/ontology links to the top-level ontology/ in a checkout), so an
# installed wheel finds it too.
SHAPES = Path(str(resources.files("kg").joinpath("ontology").joinpath("shapes.ttl")))


@dataclass
class Violation:
    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.severity}: {self.focus}{where}: {self.message}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation] = field(default_factory=list)
    triples: int = 0


def validate(store: KGStore, *, shapes: str | Path = SHAPES) -> ValidationReport:
    """Check the union of the article graphs against the SHACL shapes with pyshacl."""
    import pyshacl
    import rdflib
    from rdflib.namespace import SH

    data = rdflib.Graph()
    # term by term, not through a text format: a stored URL holding U+2028 broke that
    for triple in {quad.triple for quad in store.quads()}:
        data.add((_rdflib_term(triple.subject), _rdflib_term(triple.predicate), _rdflib_term(triple.object)))
    shapes_graph = rdflib.Graph().parse(str(shapes), format="turtle")
    conforms, results, _ = pyshacl.validate(data, shacl_graph=shapes_graph, inference="none",
                                            advanced=True, allow_warnings=True)
    def value(result: rdflib.term.Node, pred: rdflib.URIRef) -> str:
        obj = results.value(result, pred)
        return "" if obj is None else str(obj)

    violations = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        severity = value(result, SH.resultSeverity).rsplit("#", 1)[-1]
        violations.append(Violation(value(result, SH.focusNode), value(result, SH.resultPath),
                                    value(result, SH.resultMessage), severity))
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return ValidationReport(conforms=bool(conforms), violations=violations, triples=len(data))


def _rdflib_term(term: Any) -> Any:
    """The rdflib term for a pyoxigraph one."""
    import rdflib
    from pyoxigraph import BlankNode, Literal, NamedNode

    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, Literal):
        if term.language:
            return rdflib.Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:  # rdflib's plain literal, as its parsers make it
            return rdflib.Literal(term.value)
        return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))
    raise ValueError(f"not an RDF term rdflib can hold: {term}")


_CLASSES = """
SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) ?class
"""
_PROPERTIES = """
SELECT ?property (COUNT(*) AS ?n) WHERE {
  { SELECT DISTINCT ?s ?property ?o WHERE { GRAPH ?g { ?s ?property ?o } } }
} GROUP BY ?property ORDER BY DESC(?n) ?property
"""
_REPORTS = """
PREFIX vnkg: <https://vnkg.org/ontology#>
SELECT (COUNT(DISTINCT ?event) AS ?events) (COUNT(DISTINCT ?ev) AS ?reports) WHERE {
  ?event vnkg:evidence ?ev ; vnkg:agent ?a .
}
"""


def stats(store: KGStore) -> dict[str, object]:
    """Articles, quads, distinct triples, events vs reports, counts by class and by property."""
    classes = {c: n for c, n in store.query(_CLASSES)}
    properties = {p: n for p, n in store.query(_PROPERTIES)}
    events, reports = store.query(_REPORTS).rows()[0]
    return {
        "articles": len(store.article_hashes()),
        "quads": store.count(),
        "triples": sum(properties.values()),
        "events": events,
        "event_reports": reports,
        "classes": classes,
        "properties": properties,
    }
