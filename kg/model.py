"""Data objects passed between the stages of vnkg.

ingest -> ``Article``; nlp -> ``Doc`` (``Sentence`` of ``Token``); extract ->
``Extraction`` (``Entity``, ``Position``, ``Relation``, ``Quantity``, each
fact with its ``Evidence``). All are frozen: a stage returns new objects, it
never edits the ones it was given, so character offsets into
``Article.text`` stay valid from ingest to the store.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

ENTITY_TYPES = ("Person", "Country", "Organization", "Location", "Event", "Agreement")
RELATION_PREDICATES = (
    "met", "visited", "signed", "attended", "invited",
    "said", "hosted", "inaugurated", "laid_wreath",
)
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
