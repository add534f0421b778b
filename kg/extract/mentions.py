"""Entity mentions in one sentence: titles + names, honorifics, gazetteer, head nouns.

underthesea's NER misses titles and tags foreign names as places, so the
patterns here lead and underthesea's tags (POS ``Np``, ``B-PER``) only help
to tell a person's name from the organization before it.

Patterns (over syllables):
- ``TITLE (, TITLE)* [nước] [COUNTRY|ORG] NAME``: a person with offices;
  without NAME, a title-only mention resolved later by ``coref``.
- ``ông|bà|đồng chí NAME``: a person.
- gazetteer names (countries, cities, international organizations, leaders).
- head nouns: organizations (``Đảng``, ``Bộ``, ``Học viện`` + capitalized
  words), events (``Lễ kỷ niệm ...``, ``Hội nghị ...``), agreements
  (``văn kiện``, ``hiệp định`` ...), places (``Sân bay``, ``Công viên`` ...).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any, NamedTuple, cast

from kg.extract.base import PUNCT_BREAK, Span, SpanType, Syl
from kg.extract.lexicon import HOME_COUNTRY, Lexicon, Place, derived, syllable_key
from kg.extract.mention_words import mention_words
from kg.text import fold_case_and_spaces, one_slip

__all__ = ["MentionFinder", "find_mentions"]

_DASHES = {"-", "–", "&"}
_DOMAIN = re.compile(r"\w+\.(?:vn|com|net|org|gov|info)$", re.IGNORECASE)
_DOMAIN_AFTER = re.compile(r"\.(?:vn|com|net|org|gov|info)\b", re.IGNORECASE)


# a syllable that makes an office the first half of an institution's name: "Đại sứ quán", "Lãnh sự quán"
# the word lists are data: kg/resources/mentions_words.tsv says what each one means
_WORDS = mention_words()
_OFFICE_SUFFIX_BLOCK = frozenset(_WORDS["office_suffix_blocks"])
_TITLE_PREFIXES = frozenset(_WORDS["title_prefixes"])
_FORMER_PREFIXES = frozenset(_WORDS["former_prefixes"])
_ACTING_PREFIXES = frozenset(_WORDS["acting_prefixes"])
_MISSION_HEADS = frozenset(tuple(phrase.split()) for phrase in _WORDS["mission_heads"])
_PROVINCE_WORDS = frozenset(_WORDS["province_words"])
_NAME_PARTICLES_EXTRA = frozenset(_WORDS["name_particles_extra"])
_PLAIN_HONORIFICS = frozenset(_WORDS["plain_honorifics"])
_HONORIFIC_PREFIXES = tuple(form + " " for word in _WORDS["plain_honorifics"] for form in (word, word.capitalize()))
_UNNAMED_DOCUMENT_AFTER = frozenset(_WORDS["unnamed_document_after"])
_DOCUMENT_COUNTS = frozenset(_WORDS["document_counts"])
_DOCUMENT_COUNTS_OK_AFTER = frozenset(_WORDS["document_counts_ok_after"])
_WELCOME_WORDS = frozenset(_WORDS["welcome_words"])
_PLURAL_MARKERS = frozenset(_WORDS["plural_markers"])
_VENUE_PREPOSITIONS = frozenset(_WORDS["venue_prepositions"])
_PLACE_PREPOSITIONS = frozenset(_WORDS["place_prepositions"])
_SIGNING_WORDS = frozenset(_WORDS["signing_words"])
_STOP_COMPOUNDS = frozenset(tuple(phrase.split()) for phrase in _WORDS["extent_stop_compounds"])
_ORDINALS = tuple(tuple(phrase.split()) for phrase in _WORDS["ordinal_markers"])
_ORDINAL_FIRSTS = frozenset(phrase[0] for phrase in _ORDINALS)  # most syllables start none: asked first
_STOP_COMPOUND_ENDS = frozenset(phrase[-1] for phrase in _STOP_COMPOUNDS)
_LATE_PREFIXES = frozenset(_WORDS["late_prefixes"])
_CONCURRENT = frozenset(_WORDS["concurrent_office_words"])
_IN_CHARGE = tuple(tuple(phrase.split()) for phrase in _WORDS["in_charge_words"])
_CITY_WORDS = tuple(tuple(phrase.split()) for phrase in _WORDS["city_words"])
_STATE_WORDS = frozenset(_WORDS["state_words"])
_COUNTRY_NOUNS = frozenset(_WORDS["country_nouns"])
_ROYAL_WORDS = tuple(tuple(phrase.split()) for phrase in _WORDS["royal_words"])
# Grammar words, each the hinge of the patterns that name it, not a list to grow:
_AND = "và"  # coordination inside and between names: "Bộ Công Thương và Bộ Tài chính"
_OF = "của"  # an owner: "Ủy ban Đối ngoại của Quốc hội", "Đặc phái viên của Tổng Bí thư"
_BETWEEN = "giữa"  # the parties inside an event's or document's name: "Hiệp định giữa A và B"
_ABOUT = "về"  # the topic inside a document's name: "Bản ghi nhớ về hợp tác"
_IS = "là"  # "Đặc phái viên của X là Bộ trưởng Y", "là văn kiện"
_AT = "tại"  # the host after an office or a mission: "Đại sứ Việt Nam tại Lào"
_ALL_THE = "các"  # the plural before a list of ministries: "các bộ: Ngoại giao, Công an"
_MINISTRY = "bộ"  # the noun of a list of ministries, and the head each portfolio's name gets ("Bộ Công an")
_HOME = HOME_COUNTRY


@dataclass(slots=True)
class _Offices:
    """What ``title_person`` has read before the name: the offices and whose they are."""

    titles: list[str] = field(default_factory=list)
    inner: list[Span] = field(default_factory=list)  # entities named inside the titles
    org: str | None = None
    org_type: str | None = None


class _Table(NamedTuple):
    """Keys of folded syllables, indexed by their first syllable.

    Most syllables start no key and are skipped at once; at the others only
    the lengths some key has are tried, longest first.
    """

    keys: Any  # a dict or set with syllable tuples as keys
    lengths: dict[str, tuple[int, ...]]  # first syllable -> the lengths of the keys it starts
    maxlen: int


def _table(keys: Any) -> _Table:
    lengths: dict[str, set[int]] = {}
    for key in keys:
        if key:
            lengths.setdefault(key[0], set()).add(len(key))
    return _Table(keys, {first: tuple(sorted(ns, reverse=True)) for first, ns in lengths.items()},
                  max((len(key) for key in keys), default=1))


def _longest(lows: list[str], i: int, table: _Table, maxlen: int) -> int:
    """The length of the longest key of ``table`` at syllable ``i``, of at most ``maxlen`` syllables (0: none)."""
    if i >= len(lows):
        return 0
    lengths = table.lengths.get(lows[i])
    if lengths is None:
        return 0
    left = min(len(lows) - i, maxlen)  # the syllables a key may take from i
    keys = table.keys
    for n in lengths:
        if n <= left and tuple(lows[i:i + n]) in keys:
            return n
    return 0


def _match(lows: list[str], i: int, table: _Table) -> tuple[int, Any] | None:
    """The longest key of ``table`` at syllable ``i`` and its value."""
    if i >= len(lows):
        return None
    lengths = table.lengths.get(lows[i])
    if lengths is None:
        return None
    left = len(lows) - i  # the syllables a key may take from i (no key is longer than table.maxlen)
    keys = table.keys
    for n in lengths:
        if n <= left:
            key = tuple(lows[i:i + n])
            if key in keys:
                return n, keys[key]
    return None


_SET_TABLES: dict[frozenset, _Table] = {}  # keyed by the set itself: its hash is cached


def _in_set(lows: list[str], i: int, keys: frozenset, maxlen: int = 6) -> int:
    """``_longest`` for a set made on the spot (the heads of an office)."""
    table = _SET_TABLES.get(keys)
    if table is None:
        table = _SET_TABLES[keys] = _table(keys)
    return _longest(lows, i, table, maxlen)


class _WordLists(dict):
    """The lexicon's word lists by name; a missing list is empty."""

    def __missing__(self, name: str) -> _Table:
        return _table(frozenset())


class _Index:
    """The lexicon's tables as the patterns look them up: built once per lexicon."""

    def __init__(self, lex: Lexicon) -> None:
        self.offices = _table(lex.offices)
        self.places = _table(lex.places)
        self.leaders = _table(lex.leaders)
        self.lists = _WordLists({name: _table(keys) for name, keys in lex.sets.items()})
        self.particles = {key[0] for key in lex.set("name_particles")} | _NAME_PARTICLES_EXTRA
        self.lower_plan, self.cap_plan, self.cap_default = _patterns_by_first_syllable(self)
        self.misspelt: dict[str, tuple[str, tuple[str, ...]] | None] = {}  # name -> _leader_misspelt's answer


class _CapitalFirst(dict):
    """A first character -> whether a syllable starting with it is capitalized (an upper-case letter).

    Looked up through ``map`` for a whole sentence at once, with no Python step per syllable.
    """

    def __missing__(self, char: str) -> bool:
        self[char] = capital = char.isupper() and char.isalnum()
        return capital


_CAPITAL_FIRST = _CapitalFirst()
_LOW, _TEXT, _FIRST = attrgetter("low"), attrgetter("text"), itemgetter(0)


def _index(lex: Lexicon) -> _Index:
    return derived(lex, "mention_index", _Index)


def _one_syllable_verb(syl: Syl) -> bool:
    """A verb or preposition of one syllable (``coi``, ``đến``): it ends a name, where ``phát triển`` need not."""
    return syl.pos in ("V", "E") and syl.token_start == syl.start and syl.token_end == syl.end


def _text(text: str, sylls: list[Syl], i: int, j: int) -> str:
    return text[sylls[i].start:sylls[j - 1].end]


class MentionFinder:
    """Finds the candidate spans of one sentence; ``find()`` returns them, not overlapping."""

    def __init__(self, text: str, sylls: list[Syl], lex: Lexicon, *, inside_name: bool = False) -> None:
        self.text, self.s, self.lex = text, sylls, lex
        self.inside_name = inside_name  # the words of an event's, agreement's or body's name
        self.n = len(sylls)
        # the folded text and capitalization of each syllable, asked for many times per position
        self.lows = list(map(_LOW, sylls))
        self.caps = list(map(_CAPITAL_FIRST.__getitem__, map(_FIRST, map(_TEXT, sylls))))
        self.ix = _index(lex)

    def has(self, i: int, name: str, maxlen: int = 6) -> int:
        """The length of the longest entry of the word list ``name`` at syllable ``i`` (0 when none)."""
        table = self.ix.lists[name]
        if i < self.n and self.lows[i] not in table.lengths:
            return 0  # most syllables start no entry: the quick answer
        return _longest(self.lows, i, table, maxlen)

    # -- small predicates -------------------------------------------------
    def cap(self, i: int) -> bool:
        return i < self.n and self.caps[i]

    def _phrase_len(self, j: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """The length of the first of ``phrases`` whose syllables start at ``j``, else 0."""
        first = self.low(j)
        for phrase in phrases:
            if phrase[0] == first and all(self.low(j + t) == w for t, w in enumerate(phrase[1:], 1)):
                return len(phrase)
        return 0

    def low(self, i: int) -> str:
        return self.lows[i] if i < self.n else ""

    def cap_run(self, i: int) -> int:
        j = i
        while self.cap(j):
            j += 1
        return j

    def office_at(self, i: int) -> tuple[int, str, tuple[str, ...]] | None:
        if not self.cap(i):
            return None
        found = _match(self.lows, i, self.ix.offices)
        if not found:
            return None
        n, (title, heads) = found
        # the title must end on a word boundary: "Đại sứ" is not the start of "Đại sứ quán" (the embassy)
        if self.low(i + n) in _OFFICE_SUFFIX_BLOCK:
            return None
        return n, title, heads

    def place_at(self, i: int, *, strict: bool = True) -> tuple[int, Place, str] | None:
        if i >= self.n or self.lows[i] not in self.ix.places.lengths:
            return None  # most syllables start no place: asked before the longer lookup
        found = _match(self.lows, i, self.ix.places)
        if not found or not self.s[i].is_word:
            return None
        n, entries = found
        form, place = entries[0]
        for f, p in entries:
            if p.type == "Country":
                form, place = f, p
                break
        if form[0].isupper() and not self.s[i].is_cap:
            return None
        if strict and n == 1 and len(self.s[i].text) <= 6:  # noqa: SIM102 - when to doubt, then why
            # "Đức", "Mỹ", "Nam" are also syllables of people's names
            if (i > 0 and self.cap(i - 1) and self.place_at(i - 1, strict=False) is None
                    and not self.has(i - 1, "extent_stops", 1)) or \
                    (self.cap(i + 1) and self.place_at(i + 1, strict=False) is None):
                return None
        if strict and self.cap(i + n) and n > 1 and self.place_at(i + n, strict=False) is None \
                and self.cap_run(i + n) - (i + n) >= 2 and place.type != "Country":
            return None
        return n, place, form

    def is_domain(self, i: int) -> bool:
        """``Chinhphu.vn``, ``Baoquocte.vn``: a web address, never a name."""
        syl = self.s[i]
        # each pattern needs a dot where it looks (most syllables have none): asked first
        return ("." in syl.text and _DOMAIN.match(syl.text) is not None) or \
            (self.text[syl.end:syl.end + 1] == "." and _DOMAIN_AFTER.match(self.text, syl.end) is not None)

    def is_person_start(self, i: int) -> bool:
        """A run of capitalized syllables at ``i`` that reads as a person's name."""
        if not self.cap(i) or self.is_domain(i) or self.place_at(i, strict=False) or self.office_at(i):
            return False
        if self.has(i, "org_allcap_words") or self.has(i, "org_heads"):
            return False
        if _match(self.lows, i, self.ix.leaders):
            return True
        run = self.cap_run(i) - i
        if run >= 2:
            return True
        syl = self.s[i]
        return run == 1 and (syl.pos == "Np" or "PER" in syl.ner) and len(syl.text) > 3 and \
            not self.s[i].text.isupper()

    def name_end(self, i: int) -> int:
        """End of a person's name starting at ``i`` (0 syllables when there is none)."""
        if i < self.n and self.is_domain(i):
            return i
        # neither the start of a name nor a lone capitalized word that is nothing else
        if not self.is_person_start(i) and not (
                self.cap(i) and self.cap_run(i) - i == 1 and not self.place_at(i, strict=False)
                and not self.office_at(i) and not self.has(i, "cap_common")
                and not self.has(i, "org_heads") and not self.s[i].text.isupper()):
            return i
        j = self.cap_run(i)
        while j < self.n and "-" in self.s[j].text and self.s[j].text.split("-", 1)[0] in self.ix.particles \
                and self.s[j].text.split("-", 1)[1][:1].isupper():
            j = self.cap_run(j + 1)  # "el-Sisi", "al-Sudani"
        particles = 0
        while (after := self._after_particles(j)) > j and self.cap(after) \
                and not self.place_at(after, strict=False) and not self.office_at(after):
            particles += after - j
            j = self.cap_run(after)  # "Lula da Silva", "Ursula von der Leyen", "Mohammed bin Abdulrahman bin ..."
        # a name followed by a country or a title ends before it
        vietnamese = self.has(i, "vn_surnames", 1) and j - i >= 3
        for k in range(i + 1, j):
            if self.has(k, "event_heads") >= 2 or \
                    self.has(k, "agreement_heads") >= 2:
                return k  # "với Thủ tướng Phạm Minh Chính Diễn đàn Doanh nghiệp ...": the name ends before an event
            place = self.place_at(k, strict=False)
            if place and place[1].type == "Country" and k + place[0] == j \
                    and not (vietnamese and j - k == 1 and not self.s[k].text.isupper()):
                return k  # (but "Đỗ Hùng Việt": a given name may be a country's short form)
        return min(j, i + 6 + particles)

    def _after_particles(self, j: int) -> int:
        """Past the name particles (``von der``, ``bin``) starting at ``j``."""
        while self.low(j) in self.ix.particles:
            j += 1
        return j

    def _name_with_particles_at(self, j: int) -> bool:
        """``Sultan bin Saad``: a capitalized word, particles, a capitalized word: a person's name."""
        after = self._after_particles(j + 1)
        return after > j + 1 and self.cap(after)

    def stop_at(self, j: int, maxlen: int = 3) -> int:
        """A word that ends a name (``và``, ``tại``, ``do`` ...); ``do`` in ``tự do`` (free) is not one."""
        if self.low(j) in _STOP_COMPOUND_ENDS and j > 0 and (self.s[j - 1].low, self.low(j)) in _STOP_COMPOUNDS:
            return 0
        return self.has(j, "extent_stops", maxlen)

    # -- organizations and extents -------------------------------------------
    def org_end(self, i: int, *, head_len: int | None = None, lower_head: bool = False) -> int:
        """End of an organization name starting with a head noun at ``i`` (``i`` when none).

        ``lower_head``: the head may be written in lower case when a name follows
        (``quân đội Hoàng gia ...`` after a title).
        """
        n = head_len if head_len is not None else self.has(i, "org_heads")
        if (not n and head_len is None) or not (self.cap(i) or lower_head and self.cap(i + n)):
            return i
        j = i + n
        last_good = j
        while j < self.n:
            syl = self.s[j]
            if syl.low in _ORDINAL_FIRSTS and (n_ord := self._phrase_len(j, _ORDINALS)) and j + n_ord < self.n and self.s[j + n_ord].is_word:
                j = last_good = j + n_ord + 1  # "Trung tâm Cách mạng công nghiệp lần thứ tư"
                continue
            if syl.low == _OF and self.cap(j + 1) and (top := self.has(j + 1, "top_bodies")):
                j = last_good = j + 1 + top  # "Ủy ban Đối ngoại của Quốc hội": a body of the assembly
                continue
            lower_place = self.place_at(j, strict=False) if syl.is_word and not syl.is_cap else None
            if lower_place and self.cap(j + 1):
                j = last_good = j + lower_place[0]  # "Hiệp hội Thương mại tự do châu Âu"
                continue
            if j - last_good >= 2:
                if j - last_good == 2 and self._lower_tail_before_name(last_good, j):
                    last_good = j
                elif j - last_good == 2 and self.cap(j) and (p := self.place_at(j, strict=False)) and \
                        p[1].type == "Country":
                    j = last_good = j + p[0]  # "Quân đội nhân dân Việt Nam"
                    continue
                break  # more than two lower-case words in a row: the name has ended
            if syl.is_word and syl.is_cap:
                place = self.place_at(j, strict=False)
                if place:
                    j += place[0]
                    last_good = j
                    continue
                allcap = self.has(j, "org_allcap_words") or \
                    self.has(j, "portfolios", 4)  # "Hợp tác quốc tế" as a portfolio
                if allcap:
                    j += allcap
                    last_good = j
                    continue
                office = self.office_at(j)
                if office and j == i + n and n:
                    j += office[0]  # "Văn phòng Đại diện Thương mại Hoa Kỳ": an office's own bureau
                    last_good = j
                    continue
                if (self.is_person_start(j) and self.cap_run(j) - j != 1) or office \
                        or self._name_with_particles_at(j):
                    if not office and self._lower_tail_before_name(last_good, j):
                        last_good = j
                    break
                j += 1
                # the lower-case syllables of the same word ("Ngoại giao", "Cộng sản")
                while j < self.n and self.s[j].is_word and not self.s[j].is_cap and \
                        self.s[j].token_start == self.s[j - 1].token_start and self.s[j].token_start >= 0 \
                        and (self.s[j - 1].is_cap or not self.stop_at(j, 2)):
                    j += 1
                last_good = j
            elif syl.is_word and not syl.is_num and syl.low != _AND and \
                    not self.stop_at(j, 3) and not _one_syllable_verb(syl):
                j += 1  # lower-case words inside ("Ủy ban nhân dân tỉnh ...")
            elif (syl.low == _AND or syl.text in _DASHES) and self.cap(j + 1) and \
                    (not self.is_person_start(j + 1) or syl.low == _AND and
                     self.has(j + 1, "portfolios", 4)) and \
                    not self.office_at(j + 1) and \
                    not self.has(j + 1, "org_heads") and \
                    not self.has(j + 1, "top_bodies"):
                j += 1
            else:
                break
        return last_good

    def _lower_tail_before_name(self, last_good: int, j: int) -> bool:
        """``Cơ quan Quốc gia Phòng chống ma túy X``: one or two lower-case words end the name before a person's."""
        return 0 < j - last_good <= 2 and self.cap(j) and self.is_person_start(j) and \
            self.cap_run(j) - j != 1 and \
            all(self.s[m].is_word and not self.has(m, "honorifics", 1) for m in range(last_good, j))

    def extent_end(self, i: int, n: int, *, kind: str) -> int:
        """End of an event, agreement or place name: head then words up to a stop."""
        j = i + n
        last_good = j
        seen_between = False
        limit = i + n + 14
        doc_event = kind == "Event" and self.has(i, "document_ceremonies") == n and \
            self.has(i + n, "agreement_heads") > 0
        while j < self.n and j < limit:
            syl = self.s[j]
            if syl.low in _ORDINAL_FIRSTS and (n_ord := self._phrase_len(j, _ORDINALS)) and j + n_ord < self.n and \
                    (self.s[j + n_ord].is_num or self.s[j + n_ord].is_word and not self.cap(j + n_ord)):
                # an ordinal is part of the name: "lần thứ 47", "lần thứ hai", "lần thứ 44, 45"
                j += n_ord + 1
                while j + 1 < self.n and self.s[j].text in (",", _AND) and self.s[j + 1].is_num:
                    j += 2
                last_good = j
                continue
            if syl.text in PUNCT_BREAK:
                break
            if syl.text in _DASHES:
                if self.cap(j + 1) and self.cap(j - 1):
                    j += 1
                    continue
                break
            low = syl.low
            if kind in ("Event", "Agreement") and low == _BETWEEN and self.cap(j + 1):
                seen_between = True
                limit += 8  # "... giữa Việt Nam và Liên minh Kinh tế Á - Âu": two parties' names
                j += 1
                continue
            if kind == "Agreement" and low == _ABOUT or \
                    kind == "Event" and low == _ABOUT and self.has(i, "discussion_heads"):
                j += 1  # "Bản ghi nhớ về ...", "phiên thảo luận về tương lai ..."
                continue
            if doc_event and (low == _ABOUT or low == _OF and self.cap(j + 1)):
                j += 1  # "Lễ mở ký Công ước của Liên Hợp Quốc về ...": the document's name goes on
                continue
            if kind == "Event" and j == i + n and self.has(i, "document_ceremonies") and \
                    self.has(j, "quantifiers", 2) and \
                    self.has(j + self.has(j, "quantifiers", 2), "agreement_heads"):
                j += self.has(j, "quantifiers", 2)  # "lễ ký nhiều văn kiện hợp tác"
                continue
            if syl.text in _DASHES and self.s[j - 1].is_num and self.cap(j + 1) is False and \
                    j + 1 < self.n and self.s[j + 1].is_num:
                j += 1
                continue
            if low == _AND and self.cap(j + 1) and (seen_between or kind != "Agreement") and \
                    not self.office_at(j + 1) and not self.is_person_start(j + 1) and \
                    not self.has(j + 1, "agreement_heads") and \
                    not self.has(j + 1, "event_heads"):
                j += 1
                continue
            if kind == "Location" and j == i + n and (office := self.office_at(j)) and \
                    self.name_end(j + office[0]) > j + office[0] + \
                    (1 if self.has(i, "memorial_heads") else 0):
                # "Dinh Tổng thống Merdeka": a residence is named after the office, one word is enough
                # "Lăng Chủ tịch Hồ Chí Minh": a place named after a person with a title
                j = last_good = self.name_end(j + office[0])
                break
            if (not syl.is_cap and self.stop_at(j, 3)) or self.office_at(j):
                break
            if kind != "Event" and syl.is_word and self.has(j, "event_heads"):
                break
            j += 1
            last_good = j
        return last_good

    def _portfolio_end(self, k: int) -> int:
        """End of the portfolio words after ``Bộ trưởng`` (``Thương mại, Công nghiệp và Năng lượng``)."""
        end = m = k
        while m < self.n and self.cap(m):
            n = self.has(m, "portfolios", 4)
            if not n:
                break
            m = end = m + n
            if self.low(m) in (",", _AND) and self.cap(m + 1) and self.has(m + 1, "portfolios", 4):
                m += 1
        return end

    def company_end(self, i: int, n: int) -> int:
        """End of ``Tập đoàn DP World`` / ``Hãng xe điện VinFast`` (``i`` when the head is not a company's)."""
        if not self.has(i, "company_heads") or not self.cap(i):
            return i
        k = i + n
        m = k
        while m < k + 3 and m < self.n and self.s[m].is_word and not self.s[m].is_cap and not self.stop_at(m, 1):
            m += 1  # "Hãng xe điện VinFast": what the company does
        if not self.cap(m) or self.office_at(m) or self.has(m, "org_heads"):
            return i
        end = self._company_end(m)
        return end if end > m else min(self.cap_run(m), m + 3)

    def _company_end(self, k: int) -> int:
        """``Vietjet Đinh Việt Phương``, ``Airbus Guillaume Faury``: the company's words before a name."""
        run = self.cap_run(k)
        if run - k < 3 or self.has(k, "vn_surnames", 1):
            return k
        for m in range(k + 1, run - 1):
            if self.has(m, "vn_surnames", 1):
                return m
        end = self.name_end(run) if self.low(run) in self.ix.particles else run  # "Sultan Ahmed bin Sulayem"
        for m in range(k + 1, run - 1):
            # the name as written elsewhere with an honorific ("ông Francisco Gomes Neto") is the person's
            name = _text(self.text, self.s, m, end)
            if any(h + name in self.text for h in _HONORIFIC_PREFIXES):
                return m
        return run - 2

    # -- the patterns ------------------------------------------------------
    def title_person(self, i: int) -> Span | None:
        """``TITLE (, TITLE)* [nước] [COUNTRY|ORG] NAME``: a person with offices, or a title alone."""
        prefixed = self._title_prefixes(i)
        if prefixed is None:
            return None
        start_i, (i, former, acting) = i, prefixed
        offices = _Offices()
        j = self._read_offices(i, acting, offices)
        if not offices.titles:
            return self._rank_person(i, j) if start_i == i else None
        k = self._office_owner(j, offices)
        rest = self._more_offices(start_i, j, k, offices, former)
        if rest is not None:
            return rest
        return self._titled_span(start_i, j, self._name_start(k), offices, former)

    def _title_prefixes(self, i: int) -> tuple[int, bool, str] | None:
        """Past ``nguyên``, ``cựu``, ``cố``, ``quyền``, ``tân``: where the office starts, former, acting."""
        former = False
        acting = ""
        while i < self.n and self.low(i) in _TITLE_PREFIXES:
            if self.low(i) in _LATE_PREFIXES and not self.office_at(i + 1):
                return None  # "Cố vấn", "cố gắng": not "cố Thủ tướng" (the late Prime Minister)
            if self.low(i) in _FORMER_PREFIXES:
                former = True
            if self.low(i) in _ACTING_PREFIXES:
                acting = self.low(i) + " "
            i += 1
        return i, former, acting

    def _read_offices(self, i: int, acting: str, offices: _Offices) -> int:
        """The offices from ``i`` (``Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao``) into ``offices``; where they end."""
        j = i
        while True:
            while self.has(j, "ranks") and self.cap(j):
                j += self.has(j, "ranks")
            found = self.office_at(j)
            if not found:
                if offices.titles and self.cap(j) and self.cap(j - 1) is False and self.s[j - 1].text == ",":
                    j -= 1
                return j
            j, title = self._one_office(j, found, offices)
            offices.titles.append(acting + title)
            joint = self._next_office(j)
            if joint is None:
                return j
            j, now_acting = joint
            if now_acting:
                acting = now_acting  # "Phó Thủ tướng Quyền Bộ trưởng ... X"

    def _next_office(self, j: int) -> tuple[int, str] | None:
        """Past what joins an office to the next (``,``, ``kiêm``, ``Quyền``), and the acting prefix it says."""
        if (self.low(j) == "," or self.low(j) in _CONCURRENT) and (self.office_at(j + 1) or self.has(j + 1, "ranks")):
            return j + 1, ""
        if self.office_at(j):
            return j, ""  # "Phó Thủ tướng Bộ trưởng Quốc phòng X": offices stacked without a comma
        if self.low(j) in _ACTING_PREFIXES and self.cap(j) and self.office_at(j + 1):
            return j + 1, self.low(j) + " "
        if self.low(j) in _CONCURRENT and self.low(j + 1) == ",":
            return j + 1, ""
        return None

    def _one_office(self, j: int, found: tuple[int, str, tuple[str, ...]], offices: _Offices) -> tuple[int, str]:
        """One office at ``j`` with its portfolio, body and region: where it ends and the title as written."""
        n, title, heads = found
        title, k = self._portfolio(j, j + n, title, offices)
        title, k, heads = self._office_place(k, title, heads, offices)
        title, k = self._office_body(j, k, title, heads, offices)
        title, k = self._office_region(k, title, offices)
        self._orgs_in_title(j, n, k, offices)
        return k, title

    def _portfolio(self, j: int, k: int, title: str, offices: _Offices) -> tuple[str, int]:
        """``Bộ trưởng Thương mại, Công nghiệp và Năng lượng``, ``Quốc vụ khanh phụ trách X``: a portfolio without ``Bộ``."""
        port = self._portfolio_end(j + 2) if syllable_key(title)[:2] in self.lex.set("portfolio_offices") else k
        after = k + self._phrase_len(k, _IN_CHARGE)
        in_charge = after > k
        if in_charge and self._portfolio_end(after) > after:
            port = self._portfolio_end(after)  # "Quốc vụ khanh phụ trách Ngoại thương"
        elif in_charge and self.cap(after) and \
                self.has(after, "org_heads") and self.org_end(after) > after + self.has(after, "org_heads"):
            # "Bộ trưởng phụ trách Văn phòng Hội đồng Bộ trưởng": the body in charge is in the title
            port = self.org_end(after)
            offices.inner.append(self._span(after, port, "Organization", _text(self.text, self.s, after, port)))
        if port > k:
            return _text(self.text, self.s, j, port), port
        return title, k

    def _office_place(self, k: int, title: str, heads: tuple[str, ...],
                      offices: _Offices) -> tuple[str, int, tuple[str, ...]]:
        """A known body or city right after an office that takes any body (``heads == ("*",)``)."""
        known = self.place_at(k, strict=False) if heads == ("*",) else None
        if known and known[1].type in ("Organization", "Country"):
            return title, k, ()  # "Tổng Thư ký ASEAN", "Giám đốc điều hành WEF": the org is named after the title
        if known and known[1].type == "Location" and known[1].country == _HOME:
            # "Chủ tịch UBND TP.HCM X": a city's office keeps the city, a place and not a body
            offices.inner.append(self._place_span(k, k + known[0], known[1]))
            return title + " " + _text(self.text, self.s, k, k + known[0]), k + known[0], ()
        return title, k, heads

    def _office_body(self, j: int, k: int, title: str, heads: tuple[str, ...],
                     offices: _Offices) -> tuple[str, int]:
        """The body an office belongs to, after it (``Thứ trưởng Bộ Ngoại giao``): into the title or ``offices``."""
        lower_head = heads != ("*",) and not self.cap(k) and self.cap(k + 2) and \
            _in_set(self.lows, k, frozenset(syllable_key(h) for h in heads)) == 2
        short = self._short_body_at(k, heads)
        if short is not None:
            # "Bộ trưởng Bộ GD-ĐT": the body's full name in the title, the short form its alias
            offices.inner.append(self._place_span(k, k + short[0], short[1]))
            return title + " " + short[1].name, k + short[0]
        if not heads or not (self.cap(k) or lower_head):
            return title, k
        tail, k, company = self._office_tail(k, heads, lower_head, offices)
        if tail > k:
            return self._office_with_body(j, k, tail, title, heads, company, offices), tail
        return title, k

    def _office_tail(self, k: int, heads: tuple[str, ...], lower_head: bool,
                     offices: _Offices) -> tuple[int, int, bool]:
        """Where the body after an office ends, where it starts, and whether it is a company."""
        if heads == ("*",):
            tail = self.org_end(k, head_len=0) if not self.has(k, "org_heads") else self.org_end(k)
            company = tail == k and not self.has(k, "org_heads")
            return (self._company_end(k) if company else tail), k, company
        head_len = _in_set(self.lows, k, frozenset(syllable_key(h) for h in heads))
        if head_len and self.company_end(k, self.has(k, "org_heads")) > k:
            # "Chủ tịch Tập đoàn X NAME": the company is the post's organization, not part of the title
            tail = self.company_end(k, self.has(k, "org_heads"))
            self._office_org(k, tail, offices)
            return tail, tail, False
        if not head_len:
            return k, k, False
        tail = self.org_end(k, head_len=head_len, lower_head=lower_head)
        if self._acronym_at(tail) and self.has(k, "org_heads") == 2:
            # "Chủ tịch Cơ quan Hợp tác Quốc tế Nhật Bản (JICA) X": a body known by its
            # acronym is the post's organization, not part of the title
            self._office_org(k, tail, offices)
            return tail, tail, False
        return tail, k, False

    def _office_org(self, k: int, tail: int, offices: _Offices) -> None:
        """The organization ``[k, tail)`` is the post's, not part of its title."""
        offices.org, offices.org_type = _text(self.text, self.s, k, tail), "Organization"
        offices.inner.append(self._span(k, tail, "Organization", offices.org))

    def _office_with_body(self, j: int, k: int, tail: int, title: str, heads: tuple[str, ...], company: bool,
                          offices: _Offices) -> str:
        """The title with the body ``[k, tail)`` after it; a country ending the body is the post's."""
        org_text = _text(self.text, self.s, k, tail)
        cut = self._country_ending_body(j, k, tail, offices)
        title = title + " " + _text(self.text, self.s, k, cut)
        if heads != ("*",) or self.has(k, "org_heads"):
            offices.inner.append(self._span(k, tail, "Organization", org_text))
        elif company and offices.org is None and not self.place_at(k, strict=False):
            # "Giám đốc điều hành Airbus X": the company is the organization of the post
            offices.org, offices.org_type = org_text, "Organization"
            offices.inner.append(self._span(k, tail, "Organization", org_text))
            title = title[:len(title) - len(org_text)].rstrip()
        return title

    def _country_ending_body(self, j: int, k: int, tail: int, offices: _Offices) -> int:
        """A ministry named with its country keeps it as an entity, not in the title: where the title's body ends."""
        cut = tail
        party = next((m for m in range(j, k + 1) if self.has(m, "country_named_orgs", 2)), None)
        for m in range(k + 1, tail):
            p = self.place_at(m, strict=False)
            if not p or p[1].type != "Country" or m + p[0] != tail:
                continue
            if party is None:
                cut = m  # (but "Đảng Cộng sản Cuba": a party's country is part of its name and title)
            offices.org, offices.org_type = p[1].name, "Country"
            offices.inner.append(self._place_span(m, tail, p[1]))
        return cut

    def _office_region(self, k: int, title: str, offices: _Offices) -> tuple[str, int]:
        """``Bí thư tỉnh Nghệ An X``, ``Thủ hiến bang Kerala X``: a province's or state's office keeps it."""
        if self.low(k) in _PROVINCE_WORDS and self.s[k].is_word:
            at = k + (self._phrase_len(k, _CITY_WORDS) or 1)
            province = self.place_at(at, strict=False)
            if at > k and province and province[1].country == _HOME and province[1].type == "Location":
                offices.inner.append(self._place_span(at, at + province[0], province[1]))
                return title + " " + _text(self.text, self.s, k, at + province[0]), at + province[0]
        elif self.low(k) in _STATE_WORDS and self.cap(k + 1) and not self.office_at(k + 1):
            # an unknown state name is the capitalized words before the last two (the holder's name)
            known = self.place_at(k + 1, strict=False)
            size = known[0] if known else max(1, self.cap_run(k + 1) - (k + 1) - 2)
            state = known[1].name if known else _text(self.text, self.s, k + 1, k + 1 + size)
            state_span = self._span(k + 1, k + 1 + size, "Location", state)
            state_span.source = "title"
            offices.inner.append(state_span)
            return title + " " + _text(self.text, self.s, k, k + 1 + size), k + 1 + size
        return title, k

    def _orgs_in_title(self, j: int, n: int, k: int, offices: _Offices) -> None:
        """A known organization inside a title (``Chủ tịch ASEAN``) and the body inside it
        (``Ủy viên Bộ Chính trị``, ``Thứ trưởng Bộ Ngoại giao``) are entities too."""
        for h in range(j + 1, j + n):
            known = self.place_at(h, strict=False)
            if known and known[1].type == "Organization" and h + known[0] <= j + n:
                offices.inner.append(self._place_span(h, h + known[0], known[1]))
                break
        for h in range(j + 1, k):
            hn = self.has(h, "org_heads")
            if hn and self.cap(h) and not any(sp.i <= h < sp.j for sp in offices.inner):
                end = self.org_end(h)
                name = _text(self.text, self.s, h, min(end, k))
                if syllable_key(name) not in self.lex.set("top_bodies") and \
                        (min(end, k) > h + hn or syllable_key(name) in self.lex.set("org_bare_ok")):
                    offices.inner.append(self._span(h, min(end, k), "Organization", name))
                break

    def _rank_person(self, i: int, j: int) -> Span | None:
        """``Đại tướng X``: a military rank and a name, no office."""
        end = self.name_end(j) if j > i else j
        if end <= j + 1:
            return None
        span = self._span(i, end, "Person", _text(self.text, self.s, j, end))
        span.source = "rank"
        return span

    def _office_owner(self, j: int, offices: _Offices) -> int:
        """``[nước] [COUNTRY | ORG] [tại COUNTRY]`` after the offices: whose they are; where that ends."""
        k = j
        if self.low(k) in _COUNTRY_NOUNS and not self.s[k].is_cap:
            k += 1
        if (royal := self._phrase_len(k, _ROYAL_WORDS)) and \
                (p := self.place_at(k + royal, strict=False)) and p[1].type == "Country":
            k += royal  # "Thủ tướng Chính phủ Hoàng gia Campuchia X": the royal government's country
        place = self.place_at(k, strict=False)
        city_ok = syllable_key(offices.titles[-1]) in self.lex.set("place_offices")
        if place and (place[1].type in ("Country", "Organization") or city_ok and place[1].type == "Location"):
            offices.org, offices.org_type = place[1].name, place[1].type
            offices.inner.append(self._place_span(k, k + place[0], place[1]))
            k += place[0]
        elif self.has(k, "org_heads") and self.cap(k):
            end = self.org_end(k)
            name = _text(self.text, self.s, k, end)
            if syllable_key(name) in self.lex.set("top_bodies"):
                k = end
            elif end > k + 1:
                offices.org, offices.org_type = name, "Organization"
                offices.inner.append(self._span(k, end, "Organization", name))
                k = end
        if self.low(k) == _AT and (p := self.place_at(k + 1, strict=False)):
            offices.inner.append(self._place_span(k + 1, k + 1 + p[0], p[1]))
            k += 1 + p[0]
        return k

    def _more_offices(self, start_i: int, j: int, k: int, offices: _Offices, former: bool) -> Span | None:
        """``Phó Tổng thống, Thủ tướng UAE, Tiểu vương Dubai X``: more offices after the country."""
        if offices.org is None or k <= j or self.low(k) != "," or not self.office_at(k + 1):
            return None
        rest = self.title_person(k + 1)
        if rest is None or rest.type != "Person":
            return None
        rest.i, rest.start = start_i, self.s[start_i].start
        rest.text = _text(self.text, self.s, start_i, rest.j)
        rest.titles = tuple(offices.titles) + rest.titles
        rest.org, rest.org_type, rest.former = offices.org, offices.org_type, former or rest.former
        rest.inner = offices.inner + rest.inner
        return rest

    def _name_start(self, k: int) -> int:
        """Past an acronym, ranks and honorifics between the titles and the name."""
        if self.low(k) == "(" and k + 2 < self.n and self.s[k + 1].text.isupper() and self.low(k + 2) == ")" \
                and self.cap(k + 3):
            k += 3  # "Chủ tịch Phòng Thương mại và Công nghiệp Việt Nam (VCCI) X": the acronym before the name
        while self.has(k, "ranks") and self.cap(k):
            k += self.has(k, "ranks")
        # an honorific between the titles and the name ("... Campuchia Samdech Techo Hun Sen") is not the name
        while self.cap(k) and (h := self.has(k, "honorifics", 2)) and self.cap(k + h):
            k += h
        return k

    def _titled_span(self, start_i: int, j: int, k: int, offices: _Offices, former: bool) -> Span:
        """The person named at ``k`` with the offices before, or the offices alone (a ``Title`` span)."""
        end = self.name_end(k)
        titles = tuple(offices.titles)
        if end > k and f" {_OF} " in titles[-1] and self.low(end) == _IS and \
                (envoy := self._envoy_after(start_i, k, end, titles, offices.org, offices.org_type)) is not None:
            return envoy
        if end > k:
            name = _text(self.text, self.s, k, end)
            span = self._span(start_i, end, "Person", name)
            leader = _match(self.lows, k, self.ix.leaders)
            if leader and leader[0] == end - k:
                span.name = leader[1][0]
                span.english = leader[1][1]
            elif (misspelt := self._leader_misspelt(name)) is not None:
                span.name, span.english = misspelt  # "Tổng thống Vladimir Putn": the article's slip
                span.aliases = (name,)
        else:
            span = self._span(start_i, max(j, k), "Title", _text(self.text, self.s, start_i, j))
        span.titles, span.org, span.org_type, span.former, span.inner = \
            titles, offices.org, offices.org_type, former, offices.inner
        span.source = "title"
        return span

    def _short_body_at(self, k: int, heads: tuple[str, ...]) -> tuple[int, Place] | None:
        """A known body written short (``Bộ GD-ĐT``) at ``k`` whose full name starts with one of ``heads``."""
        if not heads or heads == ("*",) or not self.cap(k):
            return None
        known = self.place_at(k, strict=False)
        if known is None or known[1].type != "Organization":
            return None
        n, place, _ = known
        written = syllable_key(_text(self.text, self.s, k, k + n))
        full = syllable_key(place.name)
        if written == full or not any(full[:len(syllable_key(h))] == syllable_key(h) for h in heads):
            return None
        return n, place

    def _top_body_of_a_country(self, i: int, n: int, end: int) -> bool:
        """``Chính phủ Việt Nam`` outside a document's or event's name, and no signing in the sentence.

        The top bodies of a state are entities only as parties to an agreement
        or inside a name (FORMAT.md); otherwise they stand for the country.
        """
        if self.inside_name or syllable_key(_text(self.text, self.s, i, i + n)) not in self.lex.set("top_bodies"):
            return False
        place = self.place_at(i + n, strict=False)
        if place is None or place[1].type != "Country" or i + n + place[0] != end:
            return False
        return not any(self.lows[m] in _SIGNING_WORDS for m in range(self.n))

    def _leader_misspelt(self, name: str) -> tuple[str, tuple[str, ...]] | None:
        """The one leader of the table whose name differs from ``name`` by a slip in one syllable."""
        memo = self.ix.misspelt
        if name not in memo:  # an article names its people again and again
            if len(memo) >= 4096:
                memo.clear()
            memo[name] = self._find_leader_misspelt(name)
        return memo[name]

    def _find_leader_misspelt(self, name: str) -> tuple[str, tuple[str, ...]] | None:
        by_rest = derived(self.ix.leaders, "leaders_by_all_but_one_syllable", _leaders_by_rest)
        folded = fold_case_and_spaces(name).split()
        candidates = {pair for at in range(len(folded))
                      for pair in by_rest.get((len(folded), at, (*folded[:at], *folded[at + 1:])), ())}
        found = {entry for key, entry in candidates
                 if len(key) == len(name.split()) and one_slip(" ".join(key), name)}
        return found.pop() if len(found) == 1 else None

    def _acronym_at(self, k: int) -> bool:
        """``(JICA)``: an acronym in parentheses at syllable ``k``."""
        return self.low(k) == "(" and k + 2 < self.n and self.s[k + 1].text.isupper() and \
            len(self.s[k + 1].text) >= 2 and self.low(k + 2) == ")"

    def _envoy_after(self, start_i: int, k: int, end: int, titles: tuple[str, ...],
                     org: str | None, org_type: str | None) -> Span | None:
        """``Đặc phái viên của Tổng Bí thư X là Bộ trưởng Y``: Y is the envoy, X the one who sent him."""
        envoy = self.title_person(end + 1) or self.honorific_person(end + 1)
        if envoy is None or envoy.type != "Person":
            return None
        sender_title = titles[-1].partition(f" {_OF} ")[2]
        sender = self._span(k, end, "Person", _text(self.text, self.s, k, end))
        sender.titles, sender.org, sender.org_type, sender.source = (sender_title,), org, org_type, "title"
        envoy.i, envoy.start = start_i, self.s[start_i].start
        envoy.text = _text(self.text, self.s, start_i, envoy.j)
        envoy.titles = (*titles[:-1], titles[-1], *envoy.titles)
        envoy.inner = [sender, *envoy.inner]
        return envoy

    def honorific_person(self, i: int) -> Span | None:
        n = self.has(i, "honorifics", 2)
        if not n:
            return None
        if not self.s[i].is_cap and i > 0 and self.s[i - 1].is_word and self.s[i - 1].is_cap \
                and self.low(i) in _PLAIN_HONORIFICS:
            return None
        end = self.name_end(i + n)
        if end <= i + n:
            return None
        span = self._span(i, end, "Person", _text(self.text, self.s, i + n, end))
        span.source = "honorific"
        return span

    def leader(self, i: int) -> Span | None:
        found = _match(self.lows, i, self.ix.leaders)
        if not found or not self.cap(i) or self.cap(i + found[0]) and self.cap(i - 1 if i else i + found[0]):
            return None
        n, (name, latin) = found
        span = self._span(i, i + n, "Person", name)
        span.english = latin
        span.source = "leader"
        return span

    def gazetteer(self, i: int) -> Span | None:
        found = self.place_at(i)
        if not found:
            return None
        n, place, _ = found
        if place.type == "Location" and syllable_key(place.name) in self.lex.set("regions") and \
                self.low(i + n) in _DASHES:
            other = self.place_at(i + n + 1, strict=False)
            if other and other[1].type == "Location" and syllable_key(other[1].name) in self.lex.set("regions"):
                # "châu Á - Thái Bình Dương": two regions joined name one
                end = i + n + 1 + other[0]
                span = self._span(i, end, "Location", _text(self.text, self.s, i, end))
                span.source = "gazetteer"
                return span
        return self._place_span(i, i + n, place)

    def organization(self, i: int) -> Span | None:
        n = self.has(i, "org_heads")
        if not n or not self.cap(i):
            return None
        end = self.org_end(i)
        known = self.place_at(i, strict=False)
        if known and known[1].type == "Organization" and i + known[0] >= end:
            return None  # the gazetteer's name, whole ("Đại hội đồng Liên nghị viện ASEAN")
        if end <= i + n:
            end = max(end, self.company_end(i, n))
        if end == i + n and _in_set(self.lows, i, _MISSION_HEADS, 4):
            return None  # "mở Đại sứ quán tại Abu Dhabi": whose embassy is left unsaid; not a named organization
        if self.low(end) == _AT and _in_set(self.lows, i, _MISSION_HEADS, 4):
            # "Đại sứ quán Việt Nam tại Lào": a mission is named with its host
            place = self.place_at(end + 1)
            if place:
                end = end + 1 + place[0]
        name = _text(self.text, self.s, i, end)
        key = syllable_key(name)
        if key in self.lex.set("top_bodies") or key in self.lex.set("cap_common"):
            return None
        if self._top_body_of_a_country(i, n, end):
            return None
        if end <= i + n and key not in self.lex.set("org_bare_ok"):
            return None
        if all(not s.is_cap for s in self.s[i + n:end]) and key not in self.lex.set("org_bare_ok"):
            return None
        if i > 0 and self.low(i - 1) in _VENUE_PREPOSITIONS and key in self.lex.set("venue_buildings"):
            span = self._span(i, end, "Location", name)  # "tại Văn phòng Chính phủ": the building, a venue
            span.source = "venue"
            return span
        span = self._span(i, end, "Organization", name)
        span.source = "org_head"
        return span

    def head_noun(self, i: int) -> Span | None:
        known = self.place_at(i, strict=False)
        if known and known[1].type == "Organization" and \
                known[0] >= max(self.has(i, h) for h in ("event_heads", "agreement_heads")):
            return None  # "Diễn đàn Kinh tế thế giới": a known organization, not an event
        for kind, heads in (("Event", "event_heads"), ("Agreement", "agreement_heads"),
                            ("Location", "location_heads")):
            n = self.has(i, heads)
            if not n:
                continue
            if kind == "Event" and not self.cap(i) and \
                    not self.has(i, "event_heads_lowercase_ok"):
                continue
            if kind == "Location" and not self.cap(i) and \
                    not self.has(i, "location_named_only"):
                continue
            if kind == "Agreement" and self.has(i, "agreement_heads_named_only") == n and \
                    (i == 0 or not self.cap(i) or not self.cap(i + n)):
                continue  # "tuyên bố" (declare) is a verb; "Tuyên bố Hà Nội" names a declaration
            if kind == "Agreement" and not self.cap(i) and (
                    self.low(i - 1) == _IS or self.low(i + n) in _UNNAMED_DOCUMENT_AFTER or
                    self.low(i - 1) in _DOCUMENT_COUNTS and self.low(i - 2) not in _DOCUMENT_COUNTS_OK_AFTER):
                continue  # "CEPA là hiệp định ...", "các văn kiện khác", "văn kiện nào", "nhiều thỏa thuận": no name
            if kind == "Event" and self.low(i + n) in _WELCOME_WORDS:
                return None
            if kind == "Location" and self.has(i, "location_named_only"):
                place = self.place_at(i + n, strict=False)
                if place:
                    end = i + n + place[0]
                    span = self._place_span(i, end, place[1])
                    span.aliases = (_text(self.text, self.s, i, end),)
                    return span
                end = self.cap_run(i + n)
                if (h := self.has(i + n, "honorifics", 2)) and self.name_end(i + n + h) > i + n + h:
                    end = self.name_end(i + n + h)  # "tượng đài Lãnh tụ V.I. Lê-nin"
                office = self.office_at(i + n)
                if office and self.name_end(i + n + office[0]) > i + n + office[0]:
                    end = self.name_end(i + n + office[0])  # "tượng đài Tổng thống X": named after a person
                if end == i + n or not self.s[i].is_cap and i > 0 and \
                        self.has(i - 1, "location_head_blockers", 1):
                    return None  # "Đại lễ đường Nhân dân": the head is the end of another word
                name_i = i + n if self.has(i, "location_strip_heads") else i
                span = self._span(i, end, "Location", _text(self.text, self.s, name_i, end))
                span.aliases = (_text(self.text, self.s, i, end),)
                return span
            end = self.extent_end(i, n, kind=kind)
            if kind == "Location" and end == i + n and \
                    syllable_key(_text(self.text, self.s, i, end)) not in self.lex.set("location_bare_ok"):
                continue
            if kind == "Event" and end == i + n and not self.cap(i):
                continue
            if kind == "Event" and self.low(i - 1) in _PLURAL_MARKERS and \
                    not any(self.cap(m) or self.s[m].is_num for m in range(i + n, end)):
                continue  # "các Hội nghị cấp cao liên quan": a kind of event, not one named
            name = _text(self.text, self.s, i, end)
            span = self._span(i, end, kind, name)
            span.source = "head"
            return span
        return None

    def ministry_list(self, i: int) -> Span | None:
        """``các bộ: Ngoại giao, Công an và Quốc phòng``: each portfolio a ministry, ``Bộ Ngoại giao`` ...

        Also ``các Bộ Ngoại giao, Công an`` and ``Bộ Ngoại giao, Công an``. A span of
        type ``List`` that is no entity itself; its ministries are.
        """
        m = i + 1 if self.low(i) == _ALL_THE else i
        if self.low(m) != _MINISTRY or (m == i and self.low(m + 1) != ":"):
            return None  # "Bộ Giáo dục và Đào tạo", "Bộ Văn hóa, Thể thao và Du lịch": one ministry
        known = self.place_at(m, strict=False)
        m += 1
        if self.low(m) == ":":
            m += 1
        items: list[tuple[int, int]] = []
        while self.cap(m) and (k := self.has(m, "portfolios", 4)) and not self.place_at(m, strict=False):
            items.append((m, m + k))
            m += k
            if self.low(m) in (",", _AND) and self.cap(m + 1) and self.has(m + 1, "portfolios", 4):
                m += 1
                continue
            break
        commas = sum(1 for a, _ in items[1:] if self.low(a - 1) == ",")
        if len(items) < 2 or not commas or self.cap(m) and not self.place_at(m, strict=False) or \
                known and known[0] > items[0][1] - i - (1 if self.low(i) == _ALL_THE else 0):
            return None  # one ministry, or the list runs into a longer name
        span = self._span(i, m, "List", _text(self.text, self.s, i, m))
        for a, b in items:
            ministry = self._span(a, b, "Organization", _MINISTRY.capitalize() + " " + _text(self.text, self.s, a, b))
            ministry.source = "list"
            span.inner.append(ministry)
        return span

    def group(self, i: int) -> Span | None:
        n = self.has(i, "group_subjects", 6)
        if not n:
            return None
        return self._span(i, i + n, "Group", _text(self.text, self.s, i, i + n))

    def _span(self, i: int, j: int, type_: str, name: str) -> Span:
        return Span(i, j, cast(SpanType, type_), self.s[i].start, self.s[j - 1].end, _text(self.text, self.s, i, j), name)

    def _place_span(self, i: int, j: int, place: Place) -> Span:
        span = self._span(i, j, place.type, place.name)
        span.english = place.english
        span.aliases = place.aliases
        span.org = place.country
        span.source = "gazetteer"
        return span

    # -- all together ------------------------------------------------------
    def find(self) -> list[Span]:
        spans: list[Span] = []
        free = 0  # the first syllable after the last span found
        lower_plan = self.ix.lower_plan
        # only where a pattern can start (a capitalized syllable, or one that starts a pattern's
        # words), left to right: most syllables start none
        for i in [i for i, (low, cap) in enumerate(zip(self.lows, self.caps, strict=True)) if cap or low in lower_plan]:
            if i < free:
                continue
            span = self._first_span_at(i)
            if span is None or span.j <= i:
                continue
            spans.append(span)
            if span.type in ("Event", "Agreement", "Location", "Organization") and span.j - span.i > 1 and \
                    (span.source != "gazetteer" or span.type == "Organization"):
                self._find_inside(span)
            free = span.j
        return spans

    def _first_span_at(self, i: int) -> Span | None:
        """The span of the first pattern, in ``find``'s order, that matches at ``i``."""
        if self.caps[i]:
            patterns = self.ix.cap_plan.get(self.lows[i], self.ix.cap_default)
        elif self.s[i].is_word:
            patterns = self.ix.lower_plan[self.lows[i]]
        else:
            return None
        for pattern in patterns:
            span = pattern(self, i)
            if span is not None:
                return span
        return None

    def _find_inside(self, span: Span) -> None:
        """The entities named inside an event's, document's, place's or body's name, into ``span.inner``."""
        inner = MentionFinder(self.text, _split_compounds(self.s[span.i + 1:span.j]), self.lex,
                              inside_name=True).find()
        # a person named in a place ("Lăng Chủ tịch Hồ Chí Minh") is an entity, never an actor
        keep: tuple[str, ...] = ("Country", "Organization", "Location")
        if span.type == "Location" and self.has(span.i, "memorial_heads"):
            keep = ("Country", "Organization", "Location", "Person")
        if span.source == "gazetteer":
            keep = ("Organization",)  # "Đại hội đồng Liên nghị viện ASEAN": only a known body inside
        span.inner.extend(sp for sp in inner if sp.type in keep and not (
            sp.type == "Location" and syllable_key(sp.name) in self.lex.set("regions")))

    def context_place(self, i: int) -> Span | None:
        """An unknown place read from its context: ``tới Zurich (Thụy Sĩ)``, ``tại Burabay, Kazakhstan``, ``tại Bogor``."""
        if i == 0 or not self.cap(i) or self.low(i - 1) not in _PLACE_PREPOSITIONS or \
                self.s[i].text.isupper() or self.is_domain(i) or self.office_at(i) or \
                self.has(i, "org_heads") or self.has(i, "cap_common"):
            return None
        end = self.cap_run(i)
        if end - i > 3 or any(self.place_at(m, strict=False) for m in range(i, end)) or \
                end < self.n and self.s[end].is_word and self.s[end].token_start == self.s[end - 1].token_start >= 0:
            return None  # "Đài Độc lập": the capitals begin a longer common word
        country = None
        if self.low(end) in ("(", ","):
            p = self.place_at(end + 1, strict=False)
            if p and p[1].type == "Country" and (self.low(end) == "," or self.low(end + 1 + p[0]) == ")"):
                country = p[1].name
        if country is None and (self.low(i - 1) not in _VENUE_PREPOSITIONS or end - i > 2 or
                                (self.s[i].pos and self.s[i].pos != "Np") or self.cap(end)):
            return None
        span = self._span(i, end, "Location", _text(self.text, self.s, i, end))
        span.org = country
        span.source = "context"
        return span

    def fallback(self, i: int) -> Span | None:
        """underthesea's PER tag on a proper noun that no pattern took."""
        syl = self.s[i]
        if syl.pos == "Np" and syl.ner.endswith("PER") and syl.ner.startswith("B") and self.cap(i):
            end = self.name_end(i)
            if end > i and not self.has(i, "cap_common"):
                span = self._span(i, end, "Person", _text(self.text, self.s, i, end))
                span.source = "ner"
                return span
        return None


def _split_compounds(sylls: list[Syl]) -> list[Syl]:
    """``Campuchia-Lào-Myanmar-Việt`` inside a name: each capitalized part a syllable, the hyphens between.

    >>> [s.text for s in _split_compounds([Syl("Lào-Việt", 0, 8, low="lào-việt"), Syl("Nam", 9, 12, low="nam")])]
    ['Lào', '-', 'Việt', 'Nam']
    """
    out: list[Syl] = []
    for syl in sylls:
        parts = syl.text.split("-")
        if len(parts) < 2 or not all(p[:1].isupper() for p in parts):
            out.append(syl)
            continue
        at = syl.start
        for n, part in enumerate(parts):
            if n:
                out.append(syl._replace(text="-", start=at, end=at + 1, low="-"))
                at += 1
            out.append(syl._replace(text=part, start=at, end=at + len(part), low=fold_case_and_spaces(part)))
            at += len(part)
    return out


Pattern = Callable[[MentionFinder, int], Span | None]


def _patterns_by_first_syllable(ix: _Index) -> tuple[dict[str, tuple[Pattern, ...]],
                                                       dict[str, tuple[Pattern, ...]], tuple[Pattern, ...]]:
    """The patterns worth trying at a syllable, in the order ``find`` tries them.

    A pattern can only start where one of its word lists does (a title where an
    office, a rank or "nguyên" does), so each syllable gets the few patterns
    whose lists start with it: one table for a lower-case syllable, one for a
    capitalized one, and the patterns for any capitalized syllable.
    """
    def firsts(*tables: _Table) -> frozenset[str]:
        return frozenset().union(*(table.lengths for table in tables))

    lists = ix.lists
    heads = firsts(lists["event_heads"], lists["agreement_heads"], lists["location_heads"])
    # (pattern, first syllables in lower case, first syllables capitalized; None: any)
    patterns: list[tuple[Pattern, frozenset[str], frozenset[str] | None]] = [
        (MentionFinder.ministry_list, frozenset({_ALL_THE}), frozenset({_ALL_THE, _MINISTRY})),
        (MentionFinder.title_person, _TITLE_PREFIXES,
         _TITLE_PREFIXES | firsts(lists["ranks"], ix.offices)),
        (MentionFinder.honorific_person, firsts(lists["honorifics"]), firsts(lists["honorifics"])),
        (MentionFinder.group, firsts(lists["group_subjects"]), firsts(lists["group_subjects"])),
        (MentionFinder.head_noun, heads, heads),
        (MentionFinder.leader, frozenset(), firsts(ix.leaders)),
        (MentionFinder.organization, frozenset(), firsts(lists["org_heads"])),
        (MentionFinder.gazetteer, firsts(ix.places), firsts(ix.places)),
        (MentionFinder.context_place, frozenset(), None),
        (MentionFinder.fallback, frozenset(), None),
    ]
    syllables = frozenset().union(*(lower | (cap or frozenset()) for _, lower, cap in patterns))
    lower_plan = {syl: tuple(p for p, lower, _ in patterns if syl in lower) for syl in syllables}
    cap_plan = {syl: tuple(p for p, _, cap in patterns if cap is None or syl in cap) for syl in syllables}
    cap_default = tuple(p for p, _, cap in patterns if cap is None)
    return {syl: plan for syl, plan in lower_plan.items() if plan}, cap_plan, cap_default


def find_mentions(text: str, sylls: list[Syl], lex: Lexicon) -> list[Span]:
    """Non-overlapping spans of one sentence, left to right."""
    return MentionFinder(text, sylls, lex).find()


def _leaders_by_rest(leaders: Any) -> dict[tuple[int, int, tuple[str, ...]], list[tuple[Any, Any]]]:
    """The leaders table's (key, entry) pairs under each of their names with one syllable left out:
    a name one slip away from a leader's shares all its other syllables, so only those are tried."""
    index: dict[tuple[int, int, tuple[str, ...]], list[tuple[Any, Any]]] = {}
    for key, entry in leaders.keys.items():
        folded = fold_case_and_spaces(" ".join(key)).split()
        for at in range(len(folded)):
            index.setdefault((len(folded), at, (*folded[:at], *folded[at + 1:])), []).append((key, entry))
    return index
