"""ontology/vnkg.ttl declares every class and property of kg.model's table and of kg.rdf; the shapes cover them."""

from __future__ import annotations

import datetime as dt

import pyshacl
import pytest
import rdflib
from paths import ROOT
from pyoxigraph import Literal, NamedNode
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SH

from kg import ids, rdf
from kg.model import (
    ENTITY_TYPE_INFO,
    PREDICATE_INFO,
    RELATION_PREDICATES,
    Article,
    Entity,
    Evidence,
    Extraction,
    Relation,
)
from kg.rdf import XSD_STRING

VNKG = rdflib.Namespace(ids.ONT)
ONTOLOGY = ROOT / "ontology" / "vnkg.ttl"
SHAPES = ROOT / "ontology" / "shapes.ttl"


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(SHAPES, format="turtle")


def _labelled(g: rdflib.Graph, term: rdflib.URIRef) -> bool:
    langs = {label.language for label in g.objects(term, RDFS.label)}
    return {"vi", "en"} <= langs


def test_ontology_declares_every_entity_class(ontology):
    for info in ENTITY_TYPE_INFO.values():
        cls = VNKG[info.rdf_class]
        assert (cls, RDF.type, OWL.Class) in ontology, cls
        assert _labelled(ontology, cls), cls


def test_ontology_agents_are_the_tables_actors(ontology):
    prov_agent = rdflib.URIRef("http://www.w3.org/ns/prov#Agent")
    for info in ENTITY_TYPE_INFO.values():
        supers = set(ontology.transitive_objects(VNKG[info.rdf_class], RDFS.subClassOf))
        assert (prov_agent in supers) == info.actor, info.name


def test_ontology_declares_every_event_class_and_direct_property(ontology):
    for info in PREDICATE_INFO.values():
        cls, prop = VNKG[info.event_class], VNKG[info.direct_property]
        assert (cls, RDF.type, OWL.Class) in ontology, cls
        assert VNKG.Event in set(ontology.transitive_objects(cls, RDFS.subClassOf)), cls
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology, prop
        assert ((prop, RDF.type, OWL.SymmetricProperty) in ontology) == info.symmetric, prop
        assert _labelled(ontology, cls) and _labelled(ontology, prop)


def test_ontology_declares_every_term_rdf_writes(ontology):
    """The other classes and properties of kg.rdf (offices, evidence, figures, articles)."""
    terms = [*rdf.P.values(), rdf.C_ARTICLE, rdf.C_EVIDENCE, rdf.C_POSITION, rdf.C_OFFICE, rdf.C_STATISTIC]
    declared = set(ontology.subjects(RDF.type, OWL.Class)) | set(ontology.subjects(RDF.type, OWL.ObjectProperty)) \
        | set(ontology.subjects(RDF.type, OWL.DatatypeProperty))
    missing = [t.value for t in terms if rdflib.URIRef(t.value) not in declared]
    assert not missing


def _classes(shapes: rdflib.Graph, node: rdflib.term.Node) -> set[rdflib.term.Node]:
    """The classes a shape node requires: its sh:class, or each sh:class of its sh:or."""
    found = set(shapes.objects(node, SH["class"]))
    for alternatives in shapes.objects(node, SH["or"]):
        for alternative in Collection(shapes, alternatives):
            found |= set(shapes.objects(alternative, SH["class"]))
    return found


def _rdf_classes(types: tuple[str, ...]) -> set[rdflib.term.Node]:
    return {VNKG[ENTITY_TYPE_INFO[t].rdf_class] for t in types}


def test_shapes_target_every_entity_and_event_class(shapes):
    targets = set(shapes.objects(None, SH.targetClass))
    for info in ENTITY_TYPE_INFO.values():
        assert VNKG[info.rdf_class] in targets, info.rdf_class
    for pred in PREDICATE_INFO.values():
        assert VNKG[pred.event_class] in targets, pred.event_class


@pytest.mark.parametrize("pred", RELATION_PREDICATES)
def test_shapes_check_each_direct_triple_with_the_tables_types(shapes, pred):
    info = PREDICATE_INFO[pred]
    prop = VNKG[info.direct_property]
    (shape,) = shapes.subjects(SH.targetSubjectsOf, prop)
    assert _classes(shapes, shape) == _rdf_classes(info.subject_types)
    (prop_shape,) = [p for p in shapes.objects(shape, SH.property) if (p, SH.path, prop) in shapes]
    assert _classes(shapes, prop_shape) == _rdf_classes(info.object_types)


def _graph(pred: str, subject_type: str, object_type: str) -> rdflib.Graph:
    article = Article(id="t", text="A B", published=dt.date(2025, 3, 10), source="t.txt", content_hash="h")
    subject = Entity(f"{subject_type.lower()}:an", subject_type, "An")
    obj = Entity(f"{object_type.lower()}:binh", object_type, "Bình")
    rel = Relation(subject.key, pred, obj.key, "2025-03-10", Evidence("t", "A B", 0, 0, 3), cameo="040")
    g = rdflib.Graph()
    for q in rdf.to_quads(Extraction(article=article, entities=(subject, obj), relations=(rel,))):
        g.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    return g


def _term(term: NamedNode | Literal) -> rdflib.term.Node:
    if isinstance(term, NamedNode):
        return rdflib.URIRef(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype == XSD_STRING:  # plain, as rdflib's parsers (and sh:in lists) make it
        return rdflib.Literal(term.value)
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def _violated_paths(g: rdflib.Graph, shapes: rdflib.Graph) -> set[rdflib.term.Node]:
    _, results, _ = pyshacl.validate(g, shacl_graph=shapes, inference="none", advanced=True)
    return {results.value(r, SH.sourceShape) for r in results.subjects(RDF.type, SH.ValidationResult)}


@pytest.mark.parametrize("pred", RELATION_PREDICATES)
def test_shapes_accept_what_rdf_writes_for_each_predicate(shapes, pred):
    info = PREDICATE_INFO[pred]
    assert not _violated_paths(_graph(pred, info.subject_types[0], info.object_types[0]), shapes)


def test_shapes_reject_a_direct_triple_of_the_wrong_types(shapes):
    """A Person "visited" an Agreement, and an Agreement "laid a wreath": both caught."""
    visited = _graph("visited", "Person", "Agreement")
    assert any((s, SH.path, VNKG.visited) in shapes for s in _violated_paths(visited, shapes))
    wreath = _graph("laid_wreath", "Agreement", "Location")
    assert any((s, SH.targetSubjectsOf, VNKG.laidWreathAt) in shapes for s in _violated_paths(wreath, shapes))
