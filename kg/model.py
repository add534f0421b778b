"""Data objects passed between the stages of vnkg.

ingest -> ``Article``; nlp -> ``Doc`` (``Sentence`` of ``Token``); extract ->
``Extraction`` (``Entity``, ``Position``, ``Relation``, ``Quantity``, each
fact with its ``Evidence``). All are frozen: a stage returns new objects, it
never edits the ones it was given, so character offsets into
``Article.text`` stay valid from ingest to the store.

``ENTITY_TYPE_INFO`` and ``PREDICATE_INFO`` are the one table of entity types
and predicates (classes, properties, IRIs, labels, colours, CAMEO codes) that
every other module derives its own from.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from types import MappingProxyType

# ------------------------------------------------------------------ the schema
#
# The one table of entity types and predicates. ``kg.ids``, ``kg.rdf``, the
# relation finder, the exports and the page derive their tables from it;
# ``tests/test_ontology.py`` checks that ``ontology/vnkg.ttl`` declares every
# class and property named here and that ``ontology/shapes.ttl`` covers them.


@dataclass(frozen=True, slots=True)
class EntityTypeInfo:
    """One entity type: ``Entity.type``, its ontology class, its IRIs and how it is drawn."""

    name: str  # Entity.type; its lower case opens the entity keys ("person:tô lâm")
    rdf_class: str  # vnkg:{rdf_class}
    id_prefix: str  # https://vnkg.org/id/{id_prefix}/{slug}
    color: str
    shape: str  # a vis-network node shape
    label_vi: str
    label_en: str
    actor: bool = False  # acts and takes part in events (a prov:Agent): people, states, bodies


@dataclass(frozen=True, slots=True)
class PredicateInfo:
    """One relation predicate: who may be its subject and object, and its RDF event and triple.

    ``cameo`` is the CAMEO code of the predicate as a whole (CAMEO 1.1b3,
    Schrodt 2012), or None where no CAMEO category fits; the trigger verbs in
    ``kg/resources/verbs.tsv`` give finer codes of the same root, and the
    protocol kinds (hội đàm, thăm cấp nhà nước ...), which stay there.
    """

    name: str  # Relation.predicate
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    event_kind: str  # the event IRI's kind: https://vnkg.org/id/event/{event_kind}/...
    event_class: str  # vnkg:{event_class}
    direct_property: str  # vnkg:{direct_property}, the short triple beside each event
    label_vi: str
    label_en: str
    color: str
    cameo: str | None
    symmetric: bool = False  # the direct triple is stored both ways; one event per unordered pair
    group_subject: bool = False  # a group of parties ("hai bên", "các nước") may be the subject
    keyed_by_object: bool = False  # one event per object: all who sign one agreement in one week
    object_participates: bool = False  # an actor object takes part (vnkg:participant)
    object_is_place: bool = False  # the object is the event's place unless the text names one


ENTITY_TYPE_INFO: MappingProxyType[str, EntityTypeInfo] = MappingProxyType({t.name: t for t in (
    EntityTypeInfo("Person", "Person", "person", "#4e79a7", "dot", "Người", "Person", actor=True),
    EntityTypeInfo("Country", "Country", "country", "#e15759", "diamond", "Quốc gia", "Country", actor=True),
    EntityTypeInfo("Organization", "Organization", "organization", "#59a14f", "square", "Tổ chức",
                   "Organization", actor=True),
    EntityTypeInfo("Location", "Location", "location", "#b07aa1", "triangle", "Địa điểm", "Location"),
    EntityTypeInfo("Event", "NamedEvent", "event", "#f28e2b", "star", "Sự kiện", "Event"),
    EntityTypeInfo("Agreement", "Agreement", "agreement", "#edc948", "hexagon", "Văn kiện", "Agreement"),
)})

_ACTOR_TYPES = tuple(t.name for t in ENTITY_TYPE_INFO.values() if t.actor)

PREDICATE_INFO: MappingProxyType[str, PredicateInfo] = MappingProxyType({p.name: p for p in (
    PredicateInfo("met", ("Person",), ("Person",), "meeting", "Meeting", "met",
                  "gặp, hội đàm", "met", "#4e79a7", "040",  # consult
                  symmetric=True, object_participates=True),
    PredicateInfo("visited", ("Person",), ("Country", "Location", "Organization"), "visit", "Visit",
                  "visited", "thăm", "visited", "#e15759", "042",  # make a visit
                  object_is_place=True),
    PredicateInfo("signed", _ACTOR_TYPES, ("Agreement",), "signing", "Signing", "signed",
                  "ký", "signed", "#59a14f", "057",  # sign formal agreement
                  group_subject=True, keyed_by_object=True),
    PredicateInfo("attended", ("Person",), ("Event",), "attendance", "Attendance", "attended",
                  "dự", "attended", "#f28e2b", "044",  # meet at a "third" location
                  keyed_by_object=True),
    PredicateInfo("invited", ("Person", "Country"), ("Person", "Country"), "invitation", "Invitation",
                  "invited", "mời", "invited", "#b07aa1", "036",  # express intent to meet or negotiate
                  object_participates=True),
    PredicateInfo("said", ("Person",), _ACTOR_TYPES, "statement", "Statement", "said",
                  "phát biểu về", "said about", "#76b7b2", "010",  # make statement
                  ),
    PredicateInfo("hosted", ("Person",), ("Person", "Event"), "hosting", "Hosting", "hosted",
                  "chủ trì, đón", "hosted", "#ff9da7", "043",  # host a visit
                  object_participates=True),
    PredicateInfo("inaugurated", ("Person",), ("Location", "Organization"), "inauguration",
                  "Inauguration", "inaugurated", "khánh thành", "inaugurated", "#9c755f", None),
    PredicateInfo("laid_wreath", ("Person",), ("Location",), "wreath-laying", "WreathLaying",
                  "laidWreathAt", "đặt vòng hoa", "laid a wreath at", "#bab0ac", None),
)})

ENTITY_TYPES = tuple(ENTITY_TYPE_INFO)
RELATION_PREDICATES = tuple(PREDICATE_INFO)
MODALITIES = ("done", "planned", "ongoing", "negated")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article; ``text`` is already normalized (NFC, one tone-mark placement)."""

    id: str
    text: str
    published: dt.date | None
    source: str
    content_hash: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # the publisher's name: "Báo Quốc tế", or the web host

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("Article.id must not be empty")


@dataclass(frozen=True, slots=True)
class Token:
    """A word (one or more syllables) with underthesea's tags and its span in the article."""

    text: str
    start: int
    end: int
    pos: str
    chunk: str
    ner: str


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Doc:
    article: Article
    sentences: tuple[Sentence, ...]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.article.text[sentence.start:sentence.end]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the article; invariant: ``article.text[start:end] == text``."""

    start: int
    end: int
    text: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact is stated: the sentence and the span that says it."""

    article_id: str
    sentence: str
    sentence_start: int
    start: int
    end: int

    @property
    def sentence_end(self) -> int:
        return self.sentence_start + len(self.sentence)


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing named in an article.

    ``key`` is stable across articles (type plus the folded canonical name) and
    is what positions and relations refer to.
    """

    key: str
    type: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    english_name: str | None = None

    def __post_init__(self) -> None:
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"Entity type {self.type!r} is not one of {', '.join(ENTITY_TYPES)}")


@dataclass(frozen=True, slots=True)
class Position:
    """A person holds an office (``title``) in a country or organization."""

    person: str  # Entity.key
    title: str
    org: str | None  # Entity.key
    date: str | None  # ISO 8601, possibly partial: 2025-12-02, 2024-07, 2024
    evidence: Evidence
    confidence: float = 1.0
    former: bool = False  # "nguyên Thủ tướng", "cố Thủ tướng", "khi còn là Thủ tướng"
    held_from: str | None = None  # a term the text gives: "(2016-2021)"
    held_until: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """``subject predicate object`` as stated in one sentence.

    ``kind`` keeps the Vietnamese protocol word (hội đàm, hội kiến, tiếp,
    thăm cấp nhà nước, ...), which carries rank; ``cameo`` the matching
    CAMEO event code for interoperability.
    """

    subject: str  # Entity.key
    predicate: str
    object: str  # Entity.key
    date: str | None
    evidence: Evidence
    kind: str = ""
    cameo: str | None = None
    modality: str = "done"
    place: str | None = None  # Entity.key
    confidence: float = 1.0
    extractor: str = ""
    construction: str = ""  # the named construction that found it (kg.extract.constructions)

    def __post_init__(self) -> None:
        if self.predicate not in RELATION_PREDICATES:
            raise ValueError(
                f"Relation predicate {self.predicate!r} is not one of {', '.join(RELATION_PREDICATES)}")
        if self.modality not in MODALITIES:
            raise ValueError(f"Relation modality {self.modality!r} is not one of {', '.join(MODALITIES)}")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure stated in the text: trade, investment, projects ...

    ``metric`` is a short English slug (trade_turnover, registered_capital,
    project_count), ``period`` an ISO date or a range ``2025-01/2025-10``.
    """

    metric: str
    value: float
    unit: str
    period: str | None
    subjects: tuple[str, ...]  # Entity.key of the countries involved
    evidence: Evidence
    qualifier: str = ""  # gần, hơn, khoảng: approximate / lower bound
    change_pct: float | None = None
    confidence: float = 1.0


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    positions: tuple[Position, ...] = ()
    relations: tuple[Relation, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    extractors: tuple[str, ...] = field(default=())

    def entity(self, key: str) -> Entity:
        for ent in self.entities:
            if ent.key == key:
                return ent
        raise KeyError(key)
