"""One entity per real-world thing in an article: canonical names, aliases, coreference.

- A person's canonical name is the longest name written; spelling variants
  (Saysomphone/Xaysomphone: initial s/x, y/i, diacritics of foreign names)
  share a key and merge.
- ``ông Thongloun`` or ``ông Chính``: a name that is the first or last
  syllables of a known person's name is that person.
- Title-only mentions ("Thủ tướng", "Thứ trưởng Bộ Ngoại giao") are the
  nearest person before (else after) who holds that title.
- Events and agreements named twice, once more fully, become one entity
  named at the fullest mention.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from kg.extract.base import Span, SpanType
from kg.text import fold_case_and_spaces, one_slip, strip_diacritics

# an article's names are folded again and again, long ones too (kg.text caches short strings only)
_fold = lru_cache(maxsize=4096)(fold_case_and_spaces)

__all__ = ["CorefEntity", "EntityTable", "entity_key", "entity_type", "variant_key"]


def _is_home(ent: CorefEntity) -> bool:
    """A Vietnamese official: a Vietnamese office, else a Vietnamese surname and no English name."""
    from kg.extract.lexicon import HOME_COUNTRY, load_lexicon, syllable_key

    orgs = {_fold(org) for _, _, org in ent.titles if org}
    if orgs:
        return _fold(HOME_COUNTRY) in orgs
    return not ent.english and syllable_key(ent.name.split()[0]) in load_lexicon().set("vn_surnames")


def _holds(ent: CorefEntity, wanted: list[str], org: str | None) -> bool:
    """Whether ``ent`` holds one of the ``wanted`` (folded) titles, at ``org`` when both name one."""
    for _, title, held_at in ent.titles:
        t = _fold(title)
        if any(t == w or t.startswith(w + " ") or w.startswith(t + " ") for w in wanted):
            if org and held_at and _fold(held_at) != _fold(org):
                continue
            return True
    return False


@lru_cache(maxsize=8192)  # asked for each entity's key many times an article (CorefEntity.key)
def entity_key(type_: str, name: str) -> str:
    """The identifier of an entity, stable across articles.

    >>> entity_key("Person", "Tô  Lâm")
    'person:tô lâm'
    """
    return f"{type_.lower()}:{_fold(name)}"


def entity_type(key: str) -> str:
    """The type of the entity an ``entity_key`` names.

    >>> entity_type(entity_key("Person", "Tô Lâm")), entity_type("organization:bộ ngoại giao")
    ('Person', 'Organization')
    """
    return key.partition(":")[0].capitalize()


@lru_cache(maxsize=4096)  # an entity is named several times an article
def variant_key(name: str) -> str:
    """A key on which spelling variants of a (foreign) name agree.

    >>> variant_key("Saysomphone Phomvihane") == variant_key("Xaysomphone Phomvihane")
    True
    >>> variant_key("Tô Lâm") == variant_key("Tô Lam")
    False
    """
    folded = _fold(name)
    if strip_diacritics(folded) != folded:  # a Vietnamese name: diacritics matter
        return folded
    syllables = []
    for syl in folded.replace("-", " ").split():
        if syl.startswith("x"):
            syl = "s" + syl[1:]
        syllables.append(syl.replace("y", "i").replace("ph", "p").replace("th", "t"))
    return " ".join(syllables)


def _initials_of(short: str, full: str) -> bool:
    """``J. Biden``, ``V.I. Lê-nin`` abbreviate ``Joe Biden``, ``Vladimir Ilyich Lê-nin``.

    >>> _initials_of("J. Biden", "Joe Biden"), _initials_of("J. Biden", "Jill Stein")
    (True, False)
    """
    folded = _fold(short)
    if "." not in folded:  # no initial: most pairs of names an article compares
        return False
    parts, whole = folded.replace(".", ". ").split(), _fold(full).split()
    initials = [p[0] for p in parts if p.endswith(".") and len(p) == 2]
    rest = [p for p in parts if not (p.endswith(".") and len(p) == 2)]
    if not initials or not rest or len(whole) < len(rest) + 1 or whole[-len(rest):] != rest:
        return False
    given = whole[:-len(rest)]
    return [g[0] for g in given[:len(initials)]] == initials and len(given) >= len(initials)


def _slip_candidates(persons: list[CorefEntity]) -> dict[CorefEntity, set[CorefEntity]]:
    """Each person -> the others whose folded names are the same but in at most one syllable.

    Two names one slip apart (``one_slip``) agree in every syllable but one, so they share a
    key (syllable count, the syllable left out, the others): only such pairs are compared.
    """
    by_rest: dict[tuple[int, int, tuple[str, ...]], list[CorefEntity]] = {}
    keys: dict[CorefEntity, list[tuple[int, int, tuple[str, ...]]]] = {}
    for ent in persons:
        words = _fold(ent.name).split()
        keys[ent] = [(len(words), at, (*words[:at], *words[at + 1:])) for at in range(len(words))]
        for key in keys[ent]:
            by_rest.setdefault(key, []).append(ent)
    return {ent: {other for key in keys[ent] for other in by_rest[key]} for ent in persons}


def _same_office(a: CorefEntity, b: CorefEntity) -> bool:
    """Both hold an office of one kind (first word of the title) at one place, where both name it."""
    if not a.titles or not b.titles:
        return False
    for _, ta, oa in a.titles:
        for _, tb, ob in b.titles:
            if _fold(ta).split()[:2] == _fold(tb).split()[:2] and (not oa or not ob or _fold(oa) == _fold(ob)):
                return True
    return False


# compared and hashed by identity: one object per entity; the table asks "is it still in
# self.ents" often, and comparing two entities field by field (mentions too) cost more
# than the rest of coreference
@dataclass(slots=True, eq=False)
class CorefEntity:
    """An entity of one article as coreference builds it: its names, mentions and titles held."""

    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    english: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    titles: list[tuple[int, str, str | None]] = field(default_factory=list)  # (position, title, org)

    @property
    def key(self) -> str:
        return entity_key(self.type, self.name)


class EntityTable:
    """Collects the spans of an article and resolves them to entities."""

    def __init__(self) -> None:
        self.ents: list[CorefEntity] = []
        self._by_variant: dict[tuple[str, str], CorefEntity] = {}
        self.span_ent: dict[Span, CorefEntity] = {}
        # a span -> the span of another kind built in its place (a span's kind never changes):
        # the caller puts these in its own lists of the article's spans
        self.replaced: dict[Span, Span] = {}

    def add(self, span: Span) -> CorefEntity | None:
        if span.type in ("Title", "Group", "List"):
            return None
        name = span.name
        if span.type in ("Event", "Agreement"):
            name = name[0].upper() + name[1:] if span.type == "Event" else name
        key = (span.type, variant_key(name))
        ent = self._by_variant.get(key)
        if ent is None and span.type in ("Event", "Agreement"):
            low = _fold(name)
            for other in self.ents:
                if other.type == span.type and (low in _fold(other.name) or _fold(other.name) in low):
                    ent = other
                    break
            inside = [other for other in self.ents if other.type == span.type and low in _fold(other.name)]
            if len(inside) > 1:
                # "ký Công ước" after "công ước toàn cầu ... Công ước Hà Nội": the short form is the last one named
                ent = max(inside, key=lambda other: other.mentions[-1].start if other.mentions else -1)
        if ent is None:
            ent = CorefEntity(span.type, name)
            self.ents.append(ent)
            self._by_variant[key] = ent
        elif len(name) > len(ent.name) and span.type != "Person":
            ent.aliases.append(ent.name)
            ent.name = name
        folded_name = _fold(ent.name)
        for alias in (span.text, span.name, *span.aliases):
            if alias and _fold(alias) != folded_name and alias not in ent.aliases:
                ent.aliases.append(alias)
        for eng in span.english:
            if eng not in ent.english:
                ent.english.append(eng)
        ent.mentions.append(span)
        self.span_ent[span] = ent
        return ent

    def merge_short_names(self) -> None:
        """``ông Thongloun`` -> Thongloun Sisoulith: a name inside a longer person name."""
        persons = [e for e in self.ents if e.type == "Person"]
        words = {e: _fold(e.name).split() for e in persons}  # merging changes no name
        for short in persons:
            parts = words[short]
            for full in persons:
                fparts = words[full]
                if full is short or len(fparts) <= len(parts):
                    continue
                if fparts[:len(parts)] == parts or fparts[-len(parts):] == parts:
                    self._merge(short, full)
                    break
            else:
                # "Tổng thống Boric" for Gabriel Boric Font: a one-word surname inside a
                # Hispanic (paternal + maternal) name, when only one person has it
                if len(parts) == 1:
                    inside = [full for full in persons if full is not short and full in self.ents
                              and len(words[full]) >= 3 and parts[0] in words[full][1:-1]]
                    if len(inside) == 1:
                        self._merge(short, inside[0])
        self._merge_initials_and_misspellings()
        self._merge_bare_bodies()
        # "DP World muốn ..." after "Tập đoàn DP World": a name that ends a company's name is the company
        orgs = [e for e in self.ents if e.type == "Organization"]
        for short in [e for e in self.ents if e.type == "Person" and not e.titles]:
            low = _fold(short.name)
            for org in orgs:
                if _fold(org.name).endswith(" " + low) and all(m.source not in ("title", "honorific")
                                                              for m in short.mentions):
                    short.mentions = [self._rebuild(m, "Organization") for m in short.mentions]
                    self._merge(short, org)
                    break

    def _merge_bare_bodies(self) -> None:
        """``Bộ Quốc phòng`` after ``Bộ Quốc phòng Lào``: the bare name is an alias of the one with its country.

        Only when one body of the article carries the bare name with a country, and
        the bare name stands alone (inside a title, ``Bộ trưởng Bộ Ngoại giao X``,
        it is X's own country's ministry).
        """
        countries = {_fold(e.name) for e in self.ents if e.type == "Country"} | \
            {_fold(a) for e in self.ents if e.type == "Country" for a in e.aliases}
        orgs = [e for e in self.ents if e.type == "Organization"]
        for bare in orgs:
            low = _fold(bare.name)
            fuller = [e for e in orgs if e is not bare and e in self.ents and _fold(e.name).startswith(low + " ")
                      and _fold(e.name)[len(low) + 1:] in countries]
            alone = all(m.source == "org_head" for m in bare.mentions)
            if len(fuller) == 1 and bare in self.ents and alone:
                self._merge(bare, fuller[0])

    def _merge_initials_and_misspellings(self) -> None:
        """``J. Biden`` and a one-letter slip (``Song Jea Ho``) are aliases of the full, right name.

        A slip merges only when both forms hold an office of the same kind (the
        title and the country agree), so two namesakes in one article stay apart.
        """
        persons = [e for e in self.ents if e.type == "Person"]
        # what the two tests ask first, once per name: an initial needs a dot, a slip the same syllable count
        dotted = {e: "." in _fold(e.name) for e in persons}
        slips = _slip_candidates(persons)
        merged: set[CorefEntity] = set()  # taken out of self.ents by this loop (a set: no list scan per pair)
        for ent in persons:
            if ent in merged:
                continue
            for other in persons:
                if other is ent or other in merged:
                    continue
                if (dotted[ent] and _initials_of(ent.name, other.name)) or \
                        (other in slips[ent] and one_slip(ent.name, other.name) and _same_office(ent, other) and
                         len(other.mentions) >= len(ent.mentions) and other.mentions[0].start < ent.mentions[0].start):
                    self._merge(ent, other)
                    merged.add(ent)
                    break

    def _rebuild(self, span: Span, kind: SpanType) -> Span:
        """A new span of ``kind`` in place of ``span``, which leaves the table."""
        new = replace(span, type=kind)
        del self.span_ent[span]
        self.replaced[span] = new
        return new

    def _merge(self, src: CorefEntity, dst: CorefEntity) -> None:
        for alias in (src.name, *src.aliases):
            if alias not in dst.aliases and _fold(alias) != _fold(dst.name):
                dst.aliases.append(alias)
        dst.english.extend(e for e in src.english if e not in dst.english)
        dst.mentions.extend(src.mentions)
        dst.titles.extend(src.titles)
        for span in src.mentions:
            self.span_ent[span] = dst
        self.ents.remove(src)

    def resolve_title(self, span: Span, position: int, order: list[tuple[int, Span]]) -> CorefEntity | None:
        """The person a title-only mention refers to: nearest holder before, else after."""
        wanted = [_fold(t) for t in span.titles]
        before = [self.span_ent[s] for p, s in order if p < position and s in self.span_ent]
        after = [self.span_ent[s] for p, s in order if p > position and s in self.span_ent]
        # each entity is asked once, however many times it is named
        named = dict.fromkeys(before + after)
        holders = {ent for ent in named if ent.type == "Person" and _holds(ent, wanted, span.org)}
        if span.org is None:
            # Vietnamese news calls its own officials by the bare title ("Thủ tướng
            # đã hội đàm với người đồng cấp Lào") and foreign ones with their country
            home = {ent for ent in holders if _is_home(ent)}
            if home and home != holders:
                return next(ent for ent in [*reversed(before), *after] if ent in home)
        for ent in [*reversed(before), *after]:
            if ent in holders:
                return ent
        return None

    def resolve_titles(self, order: list[tuple[int, Span]]) -> dict[Span, CorefEntity]:
        """``resolve_title`` for every title-only mention of ``order``: span -> person.

        Linear in the mentions for each title rather than quadratic: the named
        mentions are listed once, in order, and who holds a title is asked
        once per title and place, not once per mention of it.
        """
        named = [(p, self.span_ent[s]) for p, s in order if s in self.span_ent]
        positions = [p for p, _ in named]
        everyone = {ent for _, ent in named}
        holders_of: dict[tuple[tuple[str, ...], str | None], set[CorefEntity]] = {}
        home_of: dict[CorefEntity, bool] = {}
        where: dict[frozenset[CorefEntity], list[int]] = {}  # a set of people -> indexes of named they are at
        out: dict[Span, CorefEntity] = {}
        in_order = all(a <= b for a, b in pairwise(positions))
        for position, span in order:
            if span.type != "Title":
                continue
            lo, hi = bisect_left(positions, position), bisect_right(positions, position)
            if not in_order or lo != hi:  # someone named at the title's own position: ask in full
                ent = self.resolve_title(span, position, order)
            else:
                wanted = tuple(_fold(t) for t in span.titles)
                holders = holders_of.get((wanted, span.org))
                if holders is None:
                    holders = holders_of[wanted, span.org] = {
                        ent for ent in everyone
                        if ent.type == "Person" and _holds(ent, list(wanted), span.org)}
                ent = None
                if span.org is None:
                    for person in holders - home_of.keys():
                        home_of[person] = _is_home(person)
                    home = {person for person in holders if home_of[person]}
                    if home and home != holders:
                        ent = _nearest(named, lo, hi, _indexes(named, home, where))
                if ent is None:
                    ent = _nearest(named, lo, hi, _indexes(named, holders, where))
            if ent is not None:
                out[span] = ent
        return out

    def get(self, span: Span) -> CorefEntity | None:
        return self.span_ent.get(span)


def _indexes(named: list[tuple[int, CorefEntity]], people: set[CorefEntity],
             where: dict[frozenset[CorefEntity], list[int]]) -> list[int]:
    """Where in ``named`` the ``people`` are named, ascending; memoized in ``where``."""
    key = frozenset(people)
    found = where.get(key)
    if found is None:
        found = where[key] = [k for k, (_, ent) in enumerate(named) if ent in people]
    return found


def _nearest(named: list[tuple[int, CorefEntity]], lo: int, hi: int, indexes: list[int]) -> CorefEntity | None:
    """The last of ``named[:lo]`` at one of ``indexes``, else the first of ``named[hi:]``."""
    before = bisect_left(indexes, lo)
    if before > 0:
        return named[indexes[before - 1]][1]
    after = bisect_left(indexes, hi)
    return named[indexes[after]][1] if after < len(indexes) else None
