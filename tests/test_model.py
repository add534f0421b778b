"""The one table of entity types and predicates (kg.model) and the tables derived from it."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from paths import QUERIES

from kg import ids, rdf
from kg.export import html, sparql
from kg.extract.constructions import CONSTRUCTIONS
from kg.extract.lexicon import load_lexicon
from kg.model import (
    ENTITY_TYPE_INFO,
    ENTITY_TYPES,
    PREDICATE_INFO,
    RELATION_PREDICATES,
    Article,
    Entity,
    Evidence,
    Extraction,
    Relation,
)

ONT = ids.ONT
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_COLOUR = re.compile(r"^#[0-9a-f]{6}$")


def test_model_table_names_classes_and_prefixes_are_unique():
    for values in (
        [t.rdf_class for t in ENTITY_TYPE_INFO.values()],
        [t.id_prefix for t in ENTITY_TYPE_INFO.values()],
        [p.event_class for p in PREDICATE_INFO.values()],
        [p.event_kind for p in PREDICATE_INFO.values()],
        [p.direct_property for p in PREDICATE_INFO.values()],
    ):
        assert len(set(values)) == len(values), values
    assert tuple(ENTITY_TYPE_INFO) == ENTITY_TYPES and tuple(PREDICATE_INFO) == RELATION_PREDICATES


def test_model_predicates_name_known_types_colours_and_cameo_codes():
    for info in (*ENTITY_TYPE_INFO.values(), *PREDICATE_INFO.values()):
        assert _COLOUR.match(info.color), info
        assert info.label_vi and info.label_en, info
    for pred in PREDICATE_INFO.values():
        assert pred.subject_types and set(pred.subject_types) <= set(ENTITY_TYPES), pred
        assert pred.object_types and set(pred.object_types) <= set(ENTITY_TYPES), pred
        assert pred.cameo is None or re.fullmatch(r"\d{3}", pred.cameo), pred


def test_model_verb_lexicon_stays_inside_the_table():
    """Every trigger verb's predicate, object types and CAMEO code agree with its predicate's row."""
    verbs = load_lexicon().verbs
    assert verbs
    for verb in verbs:
        pred = PREDICATE_INFO[verb.predicate]
        assert set(verb.objects) <= set(pred.object_types), (verb, pred.object_types)
        if pred.cameo is None:
            assert verb.cameo is None, verb
        else:  # a finer code of the same CAMEO root: 040 consult, 041 discuss by telephone, 043 host
            assert verb.cameo is not None and verb.cameo[:2] == pred.cameo[:2], (verb, pred.cameo)


def test_model_constructions_emit_only_known_predicates():
    for construction in CONSTRUCTIONS:
        assert set(construction.predicates) <= set(PREDICATE_INFO), construction.name


@pytest.mark.parametrize("type_", ENTITY_TYPES)
def test_model_entity_types_reach_ids_rdf_export_and_page(type_):
    info = ENTITY_TYPE_INFO[type_]
    assert ids.entity_iri(type_, "Tên") == f"{ids.ID}{info.id_prefix}/ten"
    assert ids.slug(f"{type_.lower()}:Tên") == "ten"
    assert rdf.ENTITY_CLASSES[type_] == info.rdf_class
    assert sparql.ENTITY_CLASSES[info.rdf_class] == type_
    assert html.TYPE_STYLES[type_]["color"] == info.color
    assert html.LABELS["vi"][type_] == info.label_vi and html.LABELS["en"][type_] == info.label_en


def test_model_unknown_entity_type_is_refused_with_the_valid_ones():
    with pytest.raises(ValueError, match="No entity type 'Ship'. Available: Person, Country"):
        ids.entity_iri("Ship", "x")
    with pytest.raises(ValueError, match="not one of Person, Country"):
        Entity("ship:x", "Ship", "x")


def _extraction(pred: str, subject_type: str, object_type: str) -> Extraction:
    article = Article(id="t", text="A B", published=dt.date(2025, 3, 10), source="t.txt", content_hash="h")
    subject = Entity(f"{subject_type.lower()}:an", subject_type, "An")
    obj = Entity(f"{object_type.lower()}:binh", object_type, "Bình")
    evidence = Evidence("t", "A B", 0, 0, 3)
    return Extraction(article=article, entities=(subject, obj),
                      relations=(Relation(subject.key, pred, obj.key, "2025-03-10", evidence),))


@pytest.mark.parametrize("pred", RELATION_PREDICATES)
def test_model_predicates_reach_rdf_export_and_page(pred):
    info = PREDICATE_INFO[pred]
    quads = rdf.to_quads(_extraction(pred, info.subject_types[0], info.object_types[0]))
    subject = ids.entity_iri(info.subject_types[0], "An")
    obj = ids.entity_iri(info.object_types[0], "Bình")
    events = {q.subject.value for q in quads
              if q.predicate.value == RDF_TYPE and q.object.value == ONT + info.event_class}
    assert len(events) == 1 and f"/event/{info.event_kind}/" in next(iter(events))
    direct = {(q.subject.value, q.object.value) for q in quads
              if q.predicate.value == ONT + info.direct_property}
    assert direct == ({(subject, obj), (obj, subject)} if info.symmetric else {(subject, obj)})
    assert sparql.EVENT_CLASSES[info.event_class] == pred
    assert html.RELATION_COLORS[pred] == info.color
    assert html.LABELS["vi"][pred] == info.label_vi and html.LABELS["en"][pred] == info.label_en


@pytest.mark.parametrize("query", ["events_vs_reports.rq", "events_at_place.rq"])
def test_model_example_queries_list_every_event_class(query):
    """The example queries that count every kind of event name each event class (SPARQL cannot import)."""
    text = (QUERIES / query).read_text(encoding="utf-8")
    listed = set(re.findall(r"vnkg:([A-Z]\w+)", text))
    assert {p.event_class for p in PREDICATE_INFO.values()} <= listed
