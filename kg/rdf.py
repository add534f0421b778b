"""Extraction -> RDF quads in the terms of ``ontology/vnkg.ttl``.

Shape of the graph (prefixes in ``PREFIXES``; IRIs minted in ``kg.ids``; the
class, event and direct property of each entity type and predicate from the
table in ``kg.model``).
What one article says lives in its named graph
``<https://vnkg.org/graph/article/{id}>``; what a name means (an entity's type
and labels, an office's labels, a position's holder, office and organization)
lives once in the shared graph ``<https://vnkg.org/graph/names>``, so a join
on "Việt Nam" does not repeat once per article. Queries read the union of the
graphs (the store's default graph is the union). Event triples are repeated
in each reporting article's graph, so use ``SELECT DISTINCT`` or
``COUNT(DISTINCT ...)`` over events. Removing an article drops its graph and
then the names no remaining article uses::

    # the article
    <id/article/{id}> a vnkg:Article ; rdfs:label "{title or id}" ;
        schema:datePublished "2025-12-01"^^xsd:date ; schema:headline "..." ;
        schema:url <https://...> ; schema:publisher "Báo Quốc tế" ;  # from web pages
        vnkg:contentHash "sha256..." ; vnkg:sourceFile "data/x.txt" ;
        vnkg:extractor "patterns.v1" ; vnkg:mentions <entity> ... .

    # entities (names graph): vnkg:Person | Country | Organization | Location | NamedEvent | Agreement
    <id/person/to-lam> a vnkg:Person ;
        rdfs:label "Tô Lâm"@vi ; skos:prefLabel "Tô Lâm"@vi ;
        skos:altLabel "Tổng Bí thư Tô Lâm"@vi .
    <id/country/lao> a vnkg:Country ; rdfs:label "Lào"@vi , "Laos"@en ;
        skos:prefLabel "Lào"@vi , "Laos"@en ; skos:altLabel "CHDCND Lào"@vi .

    # an event per reported relation; one node for all reports of one event
    <id/event/meeting/w105655/luong-cuong--thongloun-sisoulith>  # w: 7-day bucket
        a vnkg:Meeting ;                   # Visit Signing Attendance Invitation
                                           # Statement Hosting Inauguration WreathLaying
        vnkg:agent <subject> ; vnkg:object <object> ;
        vnkg:participant <subject> , <object> ;   # every actor taking part
        vnkg:date "2025-12-02"^^xsd:date ;        # or xsd:gYearMonth / xsd:gYear
        vnkg:place <id/location/vieng-chan> ;     # a visit: its destination by default
        vnkg:modality "done" ;                    # planned | ongoing | negated
        vnkg:protocolKind "hội đàm"@vi ; vnkg:cameoCode "040" ;
        vnkg:evidence <id/evidence/{article}/{start}-{end}-{hash}> .
    <id/evidence/...> a vnkg:Evidence ; vnkg:article <id/article/{id}> ;
        vnkg:sentence "..."@vi ; vnkg:sentenceStart 120 ; vnkg:start 131 ; vnkg:end 170 ;
        vnkg:confidence 0.9 ; vnkg:extractor "patterns.v1" .

    # beside each event (not for negated ones) a direct triple:
    <subject> vnkg:met <object> .          # met is stored in both directions
    # vnkg:visited vnkg:signed vnkg:attended vnkg:invited vnkg:said vnkg:hosted
    # vnkg:inaugurated vnkg:laidWreathAt

    # offices: type, holder, office, title, organization in the names graph;
    # observedOn, former and evidence in the article's graph
    <id/person/to-lam> vnkg:holdsPosition <id/position/to-lam--tong-bi-thu--viet-nam> .
    <id/position/to-lam--tong-bi-thu--viet-nam> a vnkg:Position ;
        vnkg:holder <id/person/to-lam> ; vnkg:office <id/office/tong-bi-thu> ;
        vnkg:title "Tổng Bí thư"@vi , "General Secretary"@en ;
        vnkg:organization <id/country/viet-nam> ;
        vnkg:observedOn "2025-12-01"^^xsd:date ;  # one per report: the time it describes
                                                  # ("hồi tháng 8/2024" -> 2024-08), else its date
        vnkg:former true ;                        # "nguyên", "cố", "khi còn là", a historical figure
        vnkg:heldFrom "2016"^^xsd:gYear ; vnkg:heldUntil "2021"^^xsd:gYear ;  # a term the text gives
        vnkg:evidence <id/evidence/...> .
    <id/office/tong-bi-thu> a vnkg:Office ;
        rdfs:label "Tổng Bí thư"@vi , "General Secretary"@en ; skos:prefLabel ... .

    # stated figures
    <id/statistic/trade-turnover/2024/trung-quoc--viet-nam/2.056e+11> a vnkg:Statistic ;
        vnkg:metric "trade_turnover" ; vnkg:value 2.056e11 ; vnkg:unit "USD" ;
        vnkg:period "2024" ; vnkg:year 2024 ; vnkg:about <country> , <country> ;
        vnkg:qualifier "hơn" ; vnkg:changePercent 19.3 ; vnkg:evidence <...> .

Event merging: the event IRI is a function of (kind, participants, date
bucket) (``kg.ids.event_iri``): meetings are keyed by both people, visits
and invitations by subject and object, signings by the agreement alone and
attendances by the event alone (co-signers and co-attendees share one node).
Counting ``vnkg:evidence`` counts reports; counting event nodes counts events.
Reports of one event dated up to three days apart that fall on either side
of a window's edge are joined when they are stored (``kg.store.events``).

Writing is fast by construction: pyoxigraph terms are built directly (no
rdflib on the write path) and IRIs and language-tagged literals are cached.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad

from kg import ids
from kg.model import ENTITY_TYPE_INFO, PREDICATE_INFO, Entity, Evidence, Extraction, Relation

__all__ = [
    "DIRECT_PREDICATES",
    "EVENT_CLASSES",
    "NS",
    "PREFIXES",
    "Pair",
    "Row",
    "date_literal",
    "nquads_line",
    "quads_of",
    "title_english",
    "to_quads",
    "to_rows",
]

NS = {
    "vnkg": ids.ONT,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "owl": "http://www.w3.org/2002/07/owl#",
}
PREFIXES = "".join(f"PREFIX {k}: <{v}>\n" for k, v in NS.items())

# relation predicate -> (event kind slug, event class, direct property), from kg.model
EVENT_CLASSES = {p.name: (p.event_kind, p.event_class, p.direct_property) for p in PREDICATE_INFO.values()}
DIRECT_PREDICATES = {pred: ids.ONT + direct for pred, (_, _, direct) in EVENT_CLASSES.items()}
ENTITY_CLASSES = {t.name: t.rdf_class for t in ENTITY_TYPE_INFO.values()}
_ACTORS = frozenset(t.name for t in ENTITY_TYPE_INFO.values() if t.actor)
_SYMMETRIC = frozenset(p.name for p in PREDICATE_INFO.values() if p.symmetric)
# events keyed by the object alone: every signer of one agreement, every
# attendee of one summit, in one week, is one event
_OBJECT_KEYED = frozenset(p.name for p in PREDICATE_INFO.values() if p.keyed_by_object)
# predicates whose object, when an actor, takes part in the event
_OBJECT_PARTICIPATES = frozenset(p.name for p in PREDICATE_INFO.values() if p.object_participates)
_OBJECT_IS_PLACE = frozenset(p.name for p in PREDICATE_INFO.values() if p.object_is_place)



def title_english(title: str) -> str | None:
    """The English name of an office title, where known.

    >>> title_english("Tổng Bí thư"), title_english("quyền Chủ tịch nước")
    ('General Secretary', 'Acting President')
    >>> title_english("Trưởng thôn") is None
    True
    """
    title = " ".join(title.split())
    known = _titles_english()
    if title in known:
        return known[title]
    for prefix, english in (("quyền ", "Acting "), ("nguyên ", "Former ")):
        if title.lower().startswith(prefix):
            rest = title_english(title[len(prefix):])
            return english + rest if rest else None
    return None


def _titles_english() -> dict[str, str]:
    """Office title -> English name, from offices.tsv (English labels for analysts who query in English)."""
    from kg.extract.lexicon import load_titles_en

    return load_titles_en()


@lru_cache(maxsize=1)
def _country_english() -> dict[str, str]:
    """Country name -> English name from the gazetteer, for entities that lack one."""
    from kg.extract.lexicon import load_countries

    return {name: country.english[0] for name, country in load_countries().items() if country.english}


# ------------------------------------------------------------------ terms

_XSD = NS["xsd"]
_DATATYPES = {10: NamedNode(_XSD + "date"), 7: NamedNode(_XSD + "gYearMonth"),
              4: NamedNode(_XSD + "gYear")}
XSD_STRING = NamedNode(_XSD + "string")
XSD_INTEGER = NamedNode(_XSD + "integer")
XSD_DOUBLE = NamedNode(_XSD + "double")
XSD_BOOLEAN = NamedNode(_XSD + "boolean")


# The builder works on pairs (term, its N-Triples text as ``str(term)`` writes it): an article's
# quads are made as plain tuples of pairs (``Row``), whose N-Quads lines cost no call into
# pyoxigraph, so an article the store holds unchanged is told by its digest without one
# ``Quad`` being built (``kg.store.digest``).
Term = NamedNode | Literal
Pair = tuple[Term, str]
Row = tuple[Pair, Pair, Pair, Pair]  # subject, predicate, object, graph


def _pair(term: Term) -> Pair:
    return term, str(term)


@lru_cache(maxsize=262144)
def _iri(value: str) -> Pair:
    return _pair(NamedNode(value))


@lru_cache(maxsize=131072)
def _vi(text: str) -> Pair:
    return _pair(Literal(text, language="vi"))


@lru_cache(maxsize=4096)
def _en(text: str) -> Pair:
    return _pair(Literal(text, language="en"))


@lru_cache(maxsize=16384)
def _str(text: str) -> Pair:
    return _pair(Literal(text))


@lru_cache(maxsize=16384)
def date_literal(value: str) -> Literal:
    """An ISO date as precise as it is: xsd:date, xsd:gYearMonth or xsd:gYear.

    >>> date_literal("2024-07").datatype.value
    'http://www.w3.org/2001/XMLSchema#gYearMonth'
    >>> date_literal("2025-01/2025-10").datatype.value
    'http://www.w3.org/2001/XMLSchema#string'
    """
    datatype = _DATATYPES.get(len(value))
    if datatype is None or not value[:4].isdigit():
        return Literal(value)
    return Literal(value, datatype=datatype)


@lru_cache(maxsize=16384)
def _date(value: str) -> Pair:
    return _pair(date_literal(value))


def _o(name: str) -> NamedNode:
    return NamedNode(ids.ONT + name)


RDF_TYPE = NamedNode(NS["rdf"] + "type")
RDFS_LABEL = NamedNode(NS["rdfs"] + "label")
PREF = NamedNode(NS["skos"] + "prefLabel")
ALT = NamedNode(NS["skos"] + "altLabel")
S_PUBLISHED = NamedNode(NS["schema"] + "datePublished")
S_HEADLINE = NamedNode(NS["schema"] + "headline")
S_URL = NamedNode(NS["schema"] + "url")
S_PUBLISHER = NamedNode(NS["schema"] + "publisher")
C_ARTICLE, C_EVIDENCE, C_POSITION, C_OFFICE, C_STATISTIC = (
    _o("Article"), _o("Evidence"), _o("Position"), _o("Office"), _o("Statistic"))
P = {name: _o(name) for name in (
    "agent", "object", "participant", "date", "place", "modality", "protocolKind", "cameoCode",
    "evidence", "article", "sentence", "sentenceStart", "start", "end", "confidence", "extractor",
    "holder", "office", "title", "organization", "observedOn", "former", "holdsPosition",
    "heldFrom", "heldUntil",
    "metric", "value", "unit", "period", "year", "about", "qualifier", "changePercent",
    "contentHash", "sourceFile", "mentions")}
_EVENT_TYPE = {pred: _o(cls) for pred, (_, cls, _) in EVENT_CLASSES.items()}
_DIRECT = {pred: NamedNode(iri) for pred, iri in DIRECT_PREDICATES.items()}
_ENTITY_TYPE = {t: _o(cls) for t, cls in ENTITY_CLASSES.items()}
_TRUE = Literal("true", datatype=XSD_BOOLEAN)
NAMES = NamedNode(ids.NAMES_GRAPH)


@lru_cache(maxsize=65536)
def _int(value: int) -> Pair:
    return _pair(Literal(str(value), datatype=XSD_INTEGER))


def _double(value: float) -> Pair:
    return _pair(Literal(repr(float(value)), datatype=XSD_DOUBLE))


_TYPE_, _LABEL_, _PREF_, _ALT_ = _pair(RDF_TYPE), _pair(RDFS_LABEL), _pair(PREF), _pair(ALT)
_PUBLISHED_, _HEADLINE_, _URL_, _PUBLISHER_ = _pair(S_PUBLISHED), _pair(S_HEADLINE), _pair(S_URL), _pair(S_PUBLISHER)
_ARTICLE_, _EVIDENCE_, _POSITION_, _OFFICE_, _STATISTIC_ = (
    _pair(C_ARTICLE), _pair(C_EVIDENCE), _pair(C_POSITION), _pair(C_OFFICE), _pair(C_STATISTIC))
_P = {name: _pair(term) for name, term in P.items()}
_EVENT_TYPE_ = {pred: _pair(term) for pred, term in _EVENT_TYPE.items()}
_DIRECT_ = {pred: _pair(term) for pred, term in _DIRECT.items()}
_ENTITY_TYPE_ = {t: _pair(term) for t, term in _ENTITY_TYPE.items()}
_TRUE_, _NAMES_ = _pair(_TRUE), _pair(NAMES)


# ------------------------------------------------------------------ mapping

class _Builder:
    """Collects the quads of one article; raises ``ValueError`` on a dangling key."""

    __slots__ = ("article", "default_date", "ex", "g", "keys", "names", "rows")

    def __init__(self, extraction: Extraction) -> None:
        article = extraction.article
        self.ex = extraction
        self.g = _iri(ids.article_graph_iri(article.id))
        self.names = _NAMES_
        self.article = _iri(ids.article_iri(article.id))
        self.rows: list[Row] = []
        self.keys: dict[str, tuple[Pair, Entity]] = {}
        self.default_date = article.published.isoformat() if article.published else None

    def add(self, s: Pair, p: Pair, o: Pair) -> None:
        self.rows.append((s, p, o, self.g))

    def name(self, s: Pair, p: Pair, o: Pair) -> None:
        self.rows.append((s, p, o, self.names))

    def node(self, key: str, *, what: str) -> tuple[Pair, Entity]:
        try:
            return self.keys[key]
        except KeyError:
            pass
        # A key the extractor implied from context ("country:việt nam" for the
        # org of an office) without listing the entity: its type is in the key,
        # its IRI is the one the named entity gets, its labels come from the
        # articles that name it.
        prefix, sep, rest = key.partition(":")
        type_ = prefix.capitalize()
        if sep and rest and type_ in ENTITY_CLASSES:
            ent = Entity(key=key, type=type_, name=rest)
            node = _iri(ids.entity_iri(type_, key))
            self.keys[key] = (node, ent)
            self.name(node, _TYPE_, _ENTITY_TYPE_[type_])
            self.add(self.article, _P["mentions"], node)
            return node, ent
        raise ValueError(
                f"article {self.ex.article.id!r}: {what} refers to entity key {key!r}, "
                "which is not among the extraction's entities")

    def entities(self) -> None:
        add, name_, article = self.add, self.name, self.article
        countries = None
        for ent in self.ex.entities:
            node = _iri(ids.entity_iri(ent.type, ent.key))
            self.keys[ent.key] = (node, ent)
            name_(node, _TYPE_, _ENTITY_TYPE_[ent.type])
            name = _vi(ent.name)
            name_(node, _LABEL_, name)
            name_(node, _PREF_, name)
            english = ent.english_name
            if english is None and ent.type == "Country":
                countries = countries if countries is not None else _country_english()
                english = countries.get(ent.name)
            if english and english != ent.name:
                name_(node, _LABEL_, _en(english))
                name_(node, _PREF_, _en(english))
            for alias in ent.aliases:
                if alias != ent.name:
                    name_(node, _ALT_, _vi(alias))
            add(article, _P["mentions"], node)

    def article_meta(self) -> None:
        art, add = self.ex.article, self.add
        node = self.article
        add(node, _TYPE_, _ARTICLE_)
        add(node, _LABEL_, _vi(art.title) if art.title else _str(art.id))
        if art.title:
            add(node, _HEADLINE_, _vi(art.title))
        if art.published:
            add(node, _PUBLISHED_, _date(art.published.isoformat()))
        if art.url:
            try:
                add(node, _URL_, _pair(NamedNode(art.url)))
            except ValueError:
                add(node, _URL_, _str(art.url))
        if art.outlet:
            add(node, _PUBLISHER_, _str(art.outlet))
        add(node, _P["contentHash"], _str(art.content_hash))
        add(node, _P["sourceFile"], _str(art.source))
        for name in self.ex.extractors:
            add(node, _P["extractor"], _str(name))

    def evidence(self, fact: Pair, ev: Evidence, confidence: float, extractor: str) -> None:
        node = _iri(ids.evidence_iri(self.ex.article.id, ev.start, ev.end, fact[0].value))
        add = self.add
        add(fact, _P["evidence"], node)
        add(node, _TYPE_, _EVIDENCE_)
        add(node, _P["article"], self.article)
        add(node, _P["sentence"], _vi(ev.sentence))
        add(node, _P["sentenceStart"], _int(ev.sentence_start))
        add(node, _P["start"], _int(ev.start))
        add(node, _P["end"], _int(ev.end))
        add(node, _P["confidence"], _double(confidence))
        if extractor:
            add(node, _P["extractor"], _str(extractor))

    def relation(self, rel: Relation) -> None:
        kind, _, _ = EVENT_CLASSES[rel.predicate]
        subj, _ = self.node(rel.subject, what=f"{rel.predicate} subject")
        obj, obj_ent = self.node(rel.object, what=f"{rel.predicate} object")
        obj_slug = obj[0].value.rsplit("/", 1)[1]
        if rel.predicate in _OBJECT_KEYED:
            key: tuple[str, ...] = (obj_slug,)
        else:
            key = (subj[0].value.rsplit("/", 1)[1], obj_slug)
        event = _iri(ids.event_iri(kind, key, rel.date or self.default_date))
        add = self.add
        add(event, _TYPE_, _EVENT_TYPE_[rel.predicate])
        add(event, _P["agent"], subj)
        add(event, _P["object"], obj)
        add(event, _P["participant"], subj)
        if rel.predicate in _OBJECT_PARTICIPATES and obj_ent.type in _ACTORS:
            add(event, _P["participant"], obj)
        if rel.date:
            add(event, _P["date"], _date(rel.date))
        if rel.place:
            place, _ = self.node(rel.place, what=f"{rel.predicate} place")
            add(event, _P["place"], place)
        elif rel.predicate in _OBJECT_IS_PLACE:
            add(event, _P["place"], obj)
        add(event, _P["modality"], _str(rel.modality))
        if rel.kind:
            add(event, _P["protocolKind"], _vi(rel.kind))
        if rel.cameo:
            add(event, _P["cameoCode"], _str(rel.cameo))
        self.evidence(event, rel.evidence, rel.confidence, rel.extractor)
        if rel.modality != "negated":
            direct = _DIRECT_[rel.predicate]
            add(subj, direct, obj)
            if rel.predicate in _SYMMETRIC:
                add(obj, direct, subj)

    def positions(self) -> None:
        add, name_ = self.add, self.name
        for pos in self.ex.positions:
            person, _ = self.node(pos.person, what="position holder")
            org_node = self.node(pos.org, what="position organization")[0] if pos.org else None
            node = _iri(ids.position_iri(pos.person, pos.title, pos.org))
            office = _iri(ids.office_iri(pos.title))
            english = title_english(pos.title)
            name_(person, _P["holdsPosition"], node)
            name_(node, _TYPE_, _POSITION_)
            name_(node, _P["holder"], person)
            name_(node, _P["office"], office)
            name_(node, _P["title"], _vi(pos.title))
            name_(office, _TYPE_, _OFFICE_)
            name_(office, _LABEL_, _vi(pos.title))
            name_(office, _PREF_, _vi(pos.title))
            if english:
                name_(node, _P["title"], _en(english))
                name_(office, _LABEL_, _en(english))
                name_(office, _PREF_, _en(english))
            if org_node is not None:
                name_(node, _P["organization"], org_node)
            date = pos.date or self.default_date
            if date:
                add(node, _P["observedOn"], _date(date))
            if pos.former:
                add(node, _P["former"], _TRUE_)
            if pos.held_from:
                add(node, _P["heldFrom"], _date(pos.held_from))
            if pos.held_until:
                add(node, _P["heldUntil"], _date(pos.held_until))
            self.evidence(node, pos.evidence, pos.confidence, "")

    def quantities(self) -> None:
        add = self.add
        for qty in self.ex.quantities:
            subjects = [self.node(key, what=f"{qty.metric} figure")[0] for key in qty.subjects]
            node = _iri(ids.statistic_iri(qty.metric, qty.period, tuple(s[0].value for s in subjects),
                                          qty.value))
            add(node, _TYPE_, _STATISTIC_)
            add(node, _P["metric"], _str(qty.metric))
            add(node, _P["value"], _double(qty.value))
            add(node, _P["unit"], _str(qty.unit))
            if qty.period:
                add(node, _P["period"], _str(qty.period))
                if qty.period[:4].isdigit():
                    add(node, _P["year"], _int(int(qty.period[:4])))
            for subj in subjects:
                add(node, _P["about"], subj)
            if qty.qualifier:
                add(node, _P["qualifier"], _vi(qty.qualifier))
            if qty.change_pct is not None:
                add(node, _P["changePercent"], _double(qty.change_pct))
            self.evidence(node, qty.evidence, qty.confidence, "")


def _event_identity(rel: Relation) -> tuple[object, ...]:
    if rel.predicate in _OBJECT_KEYED:
        return (rel.predicate, rel.object)
    if rel.predicate in _SYMMETRIC:
        return (rel.predicate, frozenset((rel.subject, rel.object)))
    return (rel.predicate, rel.subject, rel.object)


def _precise_dates(relations: Iterable[Relation]) -> Iterator[Relation]:
    """Give a month- or year-dated relation the day another sentence of the article gives
    the same event ("tháng 10/2024" and "ngày 11/10"), so that both are one event node.

    >>> import datetime as dt
    >>> from kg.model import Evidence
    >>> ev = Evidence("a", "x", 0, 0, 1)
    >>> rels = [Relation("p:a", "met", "p:b", "2024-10", ev), Relation("p:b", "met", "p:a", "2024-10-11", ev)]
    >>> [r.date for r in _precise_dates(rels)]
    ['2024-10-11', '2024-10-11']
    """
    relations = list(relations)
    days: dict[tuple[object, ...], list[str]] = {}
    for rel in relations:
        if rel.date and len(rel.date) == 10:
            days.setdefault(_event_identity(rel), []).append(rel.date)
    for rel in relations:
        if rel.date and len(rel.date) < 10:
            within = sorted(day for day in days.get(_event_identity(rel), ()) if day.startswith(rel.date))
            if within:
                rel = replace(rel, date=within[0])
        yield rel


def to_quads(extraction: Extraction) -> list[Quad]:
    """All quads of one article: its facts in its named graph, its names in the names graph.

    Raises:
        ValueError: a position, relation or figure names an entity key that
            the extraction does not define; nothing of the article is kept.

    >>> import datetime as dt
    >>> from kg.model import Article
    >>> art = Article(id="a", text="x", published=dt.date(2025, 12, 1), source="a.txt",
    ...               content_hash="h")
    >>> quads = to_quads(Extraction(article=art, entities=(Entity("Lào", "Country", "Lào"),)))
    >>> sorted({q.graph_name.value for q in quads})
    ['https://vnkg.org/graph/article/a', 'https://vnkg.org/graph/names']
    >>> any(q.object == Literal("Laos", language="en") for q in quads)
    True
    """
    return quads_of(to_rows(extraction))


def to_rows(extraction: Extraction) -> list[Row]:
    """``to_quads`` as plain tuples of (term, N-Triples text) pairs, for ``kg.store``.

    >>> import datetime as dt
    >>> from kg.model import Article
    >>> art = Article(id="a", text="x", published=None, source="a.txt", content_hash="h")
    >>> s, p, o, g = to_rows(Extraction(article=art))[0]
    >>> s[1], p[1], o[1] == str(o[0])
    ('<https://vnkg.org/id/article/a>', '<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>', True)
    """
    builder = _Builder(extraction)
    builder.article_meta()
    builder.entities()
    builder.positions()
    for rel in _precise_dates(extraction.relations):
        builder.relation(rel)
    builder.quantities()
    return builder.rows


def quads_of(rows: Iterable[Row]) -> list[Quad]:
    """The pyoxigraph quads of ``to_rows``' rows."""
    return [Quad(s[0], p[0], o[0], g[0]) for s, p, o, g in rows]  # type: ignore[arg-type]


def nquads_line(row: Row) -> str:
    """The row as ``str(Quad)`` writes it: N-Quads without the final dot."""
    s, p, o, g = row
    return f"{s[1]} {p[1]} {o[1]} {g[1]}"
