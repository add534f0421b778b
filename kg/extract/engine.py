"""``extract_doc``: a parsed article (``Doc``) -> its ``Extraction``.

Finds mentions, resolves entities, reads offices, relations and figures. The
parse is given (``kg.runner`` parses each article once, through the parse
cache), so nothing here runs the NLP layer.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import replace

from kg.extract.base import Span, split_syllables
from kg.extract.captions import credit_spans
from kg.extract.coref import CorefEntity, EntityTable, entity_key
from kg.extract.dates import dates_in
from kg.extract.document_lists import listed_documents
from kg.extract.lexicon import HOME_COUNTRY, Lexicon, load_lexicon, load_phrase_lists, syllable_key
from kg.extract.mention_words import mention_words
from kg.extract.mentions import find_mentions
from kg.extract.quantities import find_quantities
from kg.extract.relations import Discourse, find_relations
from kg.extract.tenure import Tenure, tenure_of
from kg.model import (
    Article,
    Doc,
    Entity,
    Evidence,
    Extraction,
    Mention,
    Position,
    Quantity,
    Relation,
    Sentence,
)
from kg.text import fold_case_and_spaces

__all__ = ["EXTRACTOR", "extract_doc"]

EXTRACTOR = "patterns.v1"
_HOME = HOME_COUNTRY
# the word lists of kg/resources/engine.json (what each means: kg/resources/README.md)
_LISTS = load_phrase_lists("engine.json")
_FLASHBACK_OPENERS = tuple(" ".join(phrase) for phrase in _LISTS["flashback_openers"])
_FLASHBACK_HEADS = {opener[:2] for opener in _FLASHBACK_OPENERS}
_TITLE_COPULAS = {phrase[0] for phrase in _LISTS["title_copulas"]}
_TITLE_APPOSITION_GLUE = [list(phrase) for phrase in _LISTS["title_apposition_glue"]]
_TITLE_APPOSITION_ENDS = [list(phrase) for phrase in _LISTS["title_apposition_ends"]]
_PAST_OFFICE_PREFIXES = tuple(" ".join(phrase) + " " for phrase in _LISTS["past_office_prefixes"])
_TITLE_PREFIXES = tuple(prefix + " " for prefix in mention_words()["title_prefixes"])
_LONGEST_TITLE_PREFIX = max(map(len, _TITLE_PREFIXES))


def _flatten(spans: list[Span]) -> list[Span]:
    out = []
    for sp in spans:
        out.append(sp)
        out.extend(_flatten(sp.inner))
    return out


def extract_doc(doc: Doc, *, lexicon: Lexicon | None = None) -> Extraction:
    """Everything the patterns find in one parsed article.

    Args:
        doc: the article with its sentences and tagged tokens.
        lexicon: the word lists and gazetteers (default: ``load_lexicon()``).

    >>> from kg.ingest import read_article_text
    >>> from kg.nlp import parse
    >>> doc = parse(read_article_text(
    ...     " date 2025-03-10 Chiều 9/3, Thủ tướng Phạm Minh Chính hội kiến Tổng thống Pháp Emmanuel Macron.",
    ...     article_id="x"))
    >>> [(r.subject, r.predicate, r.object, r.date) for r in extract_doc(doc).relations]
    [('person:phạm minh chính', 'met', 'person:emmanuel macron', '2025-03-09')]
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    article = doc.article
    text = article.text
    credits = credit_spans(text)
    sources = lex.set("news_sources")
    table = EntityTable()
    sentences = []  # (sentence, sylls, top spans, dates)
    order: list[tuple[int, Span]] = []
    weak: set[tuple[CorefEntity, int, str]] = set()  # leading titles of a joined list, without a country
    for sentence in doc.sentences:
        sylls = split_syllables(text, sentence)
        spans = [sp for sp in find_mentions(text, sylls, lex)
                 if not any(s <= sp.start < e for s, e in credits)
                 and syllable_key(sp.name) not in sources]
        sentences.append((sentence, sylls, spans, dates_in(text[sentence.start:sentence.end], article.published)))
        at = len(order)
        for sp in _flatten(spans):
            ent = table.add(sp)
            order.append((sp.start, sp))
            if ent is not None and sp.type == "Person":
                for n, title in enumerate(sp.titles):
                    ent.titles.append((sp.start, title, sp.org))
                    if sp.org is None and n < len(sp.titles) - 1 and fold_case_and_spaces(title) + "," in fold_case_and_spaces(sp.text):
                        # "Chủ tịch nước, Thủ tướng X" may list two people; "Phó Thủ tướng Bộ trưởng X" is one
                        weak.add((ent, sp.start, title))
        if _attach_appositive_titles(sylls, spans, table):
            order[at:] = [(sp.start, sp) for sp in _flatten(spans)]  # with the attached titles built in place
    table.merge_short_names()
    if table.replaced:  # "DP World" after "Tập đoàn DP World": its spans were rebuilt as the company's
        sentences = [(sentence, sylls, [table.replaced.get(sp, sp) for sp in spans], dates)
                     for sentence, sylls, spans, dates in sentences]
        order = [(start, table.replaced.get(sp, sp)) for start, sp in order]
    title_ref: dict[Span, CorefEntity] = table.resolve_titles(order)

    def resolve(sp: Span) -> tuple[str, str] | None:
        ent = table.get(sp) or title_ref.get(sp)
        return (ent.key, ent.type) if ent is not None else None

    countries: Counter[str] = Counter()
    for ent in table.ents:
        if ent.type == "Country":
            countries[ent.key] = len(ent.mentions)
    article_countries = tuple(k for k, _ in countries.most_common(2))  # the two named most
    discourse = Discourse(countries=article_countries)
    discourse.names = {ent.key: ent.name for ent in table.ents}
    discourse.offices = {ent.key: tuple((t.lower(), fold_case_and_spaces(org) if org else "") for _, t, org in ent.titles)
                         for ent in table.ents if ent.type == "Person" and ent.titles}
    discourse.titles = {ent.key: tuple(t.lower() for _, t, _ in ent.titles) for ent in table.ents if ent.titles}
    discourse.homes = _homes(table, lex)
    relations: list[Relation] = []
    quantities: list[Quantity] = []
    last_date: str | None = None
    carried: dict[int, str | None] = {}  # relation index -> the date in context
    lists = listed_documents([(sylls, spans) for _, sylls, spans, _ in sentences])
    for n, (sentence, sylls, spans, dates) in enumerate(sentences):
        stext = text[sentence.start:sentence.end]
        # dates are sentence-relative; article-relative for the finder
        shifted = [type(d)(d.start + sentence.start, d.end + sentence.start, d.value, d.period_end) for d in dates]
        resolved = [resolve(sp) for sp in spans]
        local = Counter(got[0] for got in resolved if got and got[1] == "Country")
        if len(local) >= 2:
            discourse.countries = tuple(k for k, _ in local.most_common(2))
        else:
            discourse.countries = article_countries
        flashback = _is_flashback(stext)
        opening = [d for d in dates if d.start <= 12 and len(d.value) >= 7]
        if opening and not flashback:
            # "Chiều 19/8, ...": the paragraph's day until another is named; a flashback
            # ("Trước đó, chiều 18/8, ...") does not move it
            last_date = opening[0].value
        spans_from = {d.value for d in dates if d.period_end and len(d.value) == 10}
        for raw in find_relations(sylls, spans, resolve, shifted, lex, discourse, lists.get(n, ())):
            evidence = Evidence(article.id, stext, sentence.start, raw.trigger_start, raw.trigger_end)
            date = raw.date
            if date is None and raw.predicate != "invited":
                # "Ngay sau lễ đón, hai nhà lãnh đạo đã hội đàm", "Cùng ngày, ...": the day carries over
                carried[len(relations)] = last_date
            elif date is not None and len(date) == 10 and not flashback \
                    and date not in spans_from and (last_date is None or len(last_date) != 10 or date > last_date):
                # only a day carries to "cùng ngày"; a month ("hồi tháng 12/2022") is a flashback and
                # the first day of a span ("thăm từ ngày 22-24/6") is not the day of the next events;
                # an earlier day inside a sentence ("Ông X đến Hà Nội tối 27/3") is a flashback too
                last_date = date
            relations.append(Relation(raw.subject, raw.predicate, raw.object, date, evidence,
                                      kind=raw.verb.kind, cameo=raw.verb.cameo, modality=raw.modality,
                                      confidence=raw.confidence, extractor=EXTRACTOR,
                                      construction=raw.construction))
        for q in find_quantities(stext):
            subjects = tuple(local) or discourse.countries
            period = dates[0].value if dates else None
            if dates and dates[0].period_end:
                period = f"{dates[0].value}/{dates[0].period_end}"
            evidence = Evidence(article.id, stext, sentence.start, sentence.start + q.start, sentence.start + q.end)
            quantities.append(Quantity(q.metric, q.value, q.unit, period, tuple(subjects), evidence,
                                       qualifier=q.qualifier, change_pct=q.change_pct, confidence=0.8))
    relations = _date_in_context(relations, carried, text.find("\n"))
    positions = _positions(table, sentences, article, lex, weak)
    entities = tuple(
        Entity(ent.key, ent.type, ent.name, tuple(ent.aliases + [e for e in ent.english if e not in ent.aliases]),
               tuple(Mention(sp.start, sp.end, sp.text, sp.type) for sp in ent.mentions),
               ent.english[0] if ent.english else None)
        for ent in table.ents)
    return Extraction(article=article, entities=entities, positions=tuple(positions),
                      relations=tuple(_dedup(relations)), quantities=tuple(quantities), extractors=(EXTRACTOR,))


def _is_flashback(stext: str) -> bool:
    """``Trước đó, ...``, ``Trước khi ...``: the sentence goes back before the day in context."""
    # most sentences do not start as an opener does ("tr") and are not folded at all
    return stext.lstrip()[:2].lower() in _FLASHBACK_HEADS and fold_case_and_spaces(stext).startswith(_FLASHBACK_OPENERS)


def _attach_appositive_titles(sylls, spans: list[Span], table: EntityTable) -> bool:
    """``X, Bộ trưởng Bộ Y`` and ``X trên cương vị Chủ tịch nước``: the titles are X's.

    Each title given to X is replaced in ``spans`` by a span built as ``Title-attached``,
    so no step after this one resolves it to a person of its own. Returns whether any was.
    """
    attached = False
    for k in range(len(spans) - 1):
        a, b = spans[k], spans[k + 1]  # read from the list: a title replaced at k + 1 is seen replaced at k
        if a.type == "Title" and b.type == "Person" and b.source == "honorific" and a.i > 0 and \
                sylls[a.i - 1].low in _TITLE_COPULAS and [s.low for s in sylls[a.j:b.i]] == [","]:
            # "Khi còn là Bộ trưởng Quốc phòng, ông X": the title after "là" is X's
            # (not "Tiếp Tổng Bí thư, ông X": there the title is the object)
            ent = table.get(b)
            if ent is not None:
                for title in a.titles:
                    ent.titles.append((a.start, title, a.org))
                spans[k] = replace(a, type="Title-attached")
                attached = True
            continue
        if a.type != "Person" or b.type != "Title":
            continue
        between = [s.low for s in sylls[a.j:b.i]]
        if between in _TITLE_APPOSITION_GLUE or any(between[-len(end):] == end for end in _TITLE_APPOSITION_ENDS):
            ent = table.get(a)
            if ent is not None:
                for title in b.titles:
                    ent.titles.append((b.start, title, b.org))
                spans[k + 1] = replace(b, type="Title-attached")
                attached = True
    return attached


def _positions(table: EntityTable, sentences, article: Article, lex, weak: set) -> list[Position]:
    out: list[Position] = []
    surnames = lex.set("vn_surnames")
    historical_people = lex.set("historical_people")
    by_start = {}
    for sentence, _, _, _ in sentences:
        by_start[sentence.start] = sentence
    country_names = {e.name for e in table.ents if e.type == "Country"}
    first_holder: dict[str, tuple[int, object]] = {}
    for ent in table.ents:
        if ent.type == "Person":
            for pos, title, _org in ent.titles:
                if fold_case_and_spaces(title) not in first_holder or pos < first_holder[fold_case_and_spaces(title)][0]:
                    first_holder[fold_case_and_spaces(title)] = (pos, ent)
    for ent in table.ents:
        if ent.type != "Person":
            continue
        # "Hội kiến Chủ tịch nước, Thủ tướng X": a title that another person holds, never given
        # to X with a country, is not X's
        with_org = {fold_case_and_spaces(t) for _, t, o in ent.titles if o}
        ent.titles = [(p, t, o) for p, t, o in ent.titles
                      if (ent, p, t) not in weak or fold_case_and_spaces(t) in with_org or first_holder[fold_case_and_spaces(t)][1] is ent
                      or not first_holder[fold_case_and_spaces(t)][0] < p]
        titles: dict[str, tuple[int, str, str | None]] = {}
        seen_at: dict[str, list[int]] = {}
        for pos, title, org in ent.titles:
            titles.setdefault(fold_case_and_spaces(title), (pos, title, org))
            seen_at.setdefault(fold_case_and_spaces(title), []).append(pos)
        historical = syllable_key(ent.name) in historical_people
        for folded, (pos, title, org) in sorted(titles.items(), key=lambda kv: kv[1][0]):
            if any(other != folded and other.startswith(folded + " ") for other in titles):
                continue  # "Thứ trưởng" when "Thứ trưởng Bộ Ngoại giao" is known
            pos, tenure = _tenure(ent, seen_at[folded], title, by_start, article, historical=historical)
            sentence = _sentence_at(by_start, pos)
            stext = article.text[sentence.start:sentence.end] if sentence else ""
            org_name = org
            if org_name is None and syllable_key(ent.name.split()[0]) in surnames and not ent.english \
                    and not _names_a_foreign_place(title, lex):
                org_name = _HOME
            org_key = None
            if org_name:
                org_type = "Country" if org_name in country_names or org_name == _HOME else "Organization"
                org_key = entity_key(org_type, org_name)
            former = tenure.former or title.lower().startswith(_PAST_OFFICE_PREFIXES)
            out.append(Position(ent.key, title, org_key, tenure.date,
                                Evidence(article.id, stext, sentence.start if sentence else 0, pos, pos + len(title)),
                                confidence=0.9, former=former,
                                held_from=tenure.held_from, held_until=tenure.held_until))
    return out


def _sentence_at(by_start: dict[int, Sentence], pos: int) -> Sentence | None:
    """The last sentence of ``by_start`` (in text order) starting at or before ``pos``."""
    starts = list(by_start)
    at = bisect_right(starts, pos) - 1
    return by_start[starts[at]] if at >= 0 else None


def _names_a_foreign_place(title: str, lex) -> bool:
    """``Bí thư Tỉnh ủy Quảng Đông``: an office of a place outside Việt Nam, whatever the holder's surname."""
    key = syllable_key(title)
    for i in range(len(key)):
        for j in range(len(key), i, -1):
            places = lex.places.get(key[i:j])
            if places and all(p.type == "Location" and p.country != _HOME for _, p in places) and \
                    any(form[:1].isupper() for form, _ in places):
                return True
    return False


def _tenure(ent: CorefEntity, starts: list[int], title: str, by_start: dict, article: Article, *,
            historical: bool) -> tuple[int, Tenure]:
    """The time one office of ``ent`` is evidence for, and the mention that shows it.

    An office named once as of the article's time is current, however often
    the article also recalls it; named only in the past, it takes the latest
    time described.
    """
    ends = {sp.start: sp.end for sp in ent.mentions}
    found: list[tuple[int, Tenure]] = []
    for start in starts:
        sentence = _sentence_at(by_start, start)
        if sentence is None:
            continue
        # "nguyên Chủ tịch Quốc hội (2001-2006)": the mention starts at the prefix, before the title
        head = article.text[start:start + _LONGEST_TITLE_PREFIX].lower()
        prefix = next((len(p) for p in _TITLE_PREFIXES if head.startswith(p)), 0)
        end = max(ends.get(start, 0), start + prefix + len(title))
        found.append((start, tenure_of(article.text[sentence.start:sentence.end], start - sentence.start,
                                       end - sentence.start, article.published, historical=historical)))
    if not found:
        return starts[0], Tenure(former=historical)
    current = [(start, t) for start, t in found if t.date is None and not t.former]
    if current:
        return current[0]
    return max(found, key=lambda st: (st[1].date or "", -st[0]))


def _homes(table: EntityTable, lex: Lexicon) -> dict[str, str]:
    """Person key -> the folded country whose office they hold; a Vietnamese name with a bare title is home."""
    surnames = lex.set("vn_surnames")
    homes: dict[str, str] = {}
    for ent in table.ents:
        if ent.type != "Person" or not ent.titles:
            continue
        orgs = [org for _, _, org in ent.titles if org]
        if orgs:
            homes[ent.key] = fold_case_and_spaces(orgs[0])
        elif syllable_key(ent.name.split()[0]) in surnames and not ent.english:
            homes[ent.key] = fold_case_and_spaces(_HOME)
    return homes


def _date_in_context(relations: list[Relation], carried: dict[int, str | None], headline_end: int = -1) -> list[Relation]:
    """Dates for relations whose sentence names none.

    A visit dated once ("thăm chính thức Lào từ ngày 8-9/1") has that date
    where it is named again; anything else takes the day in context.
    """
    from dataclasses import replace

    first: dict[tuple[str, str], str] = {}
    signing: dict[str, str] = {}
    body_signing = next((rel.date or carried.get(n) for n, rel in enumerate(relations)
                         if rel.predicate == "signed" and (rel.date or carried.get(n)) and
                         rel.modality == "done" and rel.evidence.sentence_start > headline_end), None)
    for rel in relations:
        if rel.predicate == "visited" and rel.date and len(rel.date) >= 7:
            first.setdefault((rel.subject, rel.object), rel.date)
        if rel.predicate == "signed" and rel.date and rel.modality != "planned":
            signing.setdefault(rel.object, rel.date)
    out = []
    for n, rel in enumerate(relations):
        if rel.date is None and rel.predicate == "signed" and rel.object in signing:
            # "Việt Nam - Nhật Bản ký X" in the headline: an agreement is signed once, on the day the body gives
            rel = replace(rel, date=signing[rel.object])
        elif rel.date is None and rel.predicate == "signed" and rel.evidence.sentence_start < headline_end \
                and body_signing:
            rel = replace(rel, date=body_signing)  # the headline's signing is the body's first one
        if rel.date is None and n in carried:
            date = first.get((rel.subject, rel.object)) if rel.predicate == "visited" else None
            rel = replace(rel, date=date or carried[n])
        out.append(rel)
    return out


def _dedup(relations: list[Relation]) -> list[Relation]:
    seen = set()
    out = []
    for rel in relations:
        key = (rel.subject, rel.predicate, rel.object, rel.date, rel.modality)
        if key in seen:
            continue
        seen.add(key)
        out.append(rel)
    return out
