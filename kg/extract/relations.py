"""Who met, visited, signed, attended and invited whom, sentence by sentence.

A trigger verb from ``verbs.tsv`` finds its subject and objects among the
sentence's mentions, the way Vietnamese news writes:

- the subject is stated once and dropped in the following clauses and
  ``;`` lists, so a clause without one takes the previous clause's (or the
  previous sentence's);
- objects are coordinated ("hội kiến X, Y và Z");
- passives: "được X tiếp/đón" makes X the subject;
- "nhận lời mời của X" (X invited the sentence's subject);
- "hai bên" / "lãnh đạo hai nước" sign for the two countries in context;
- tense and mood: sẽ / dự kiến (planned), không / chưa (negated), đang;
- the time expression nearest before the verb (else after it, in its clause).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from operator import attrgetter

from kg.extract.base import Span, Syl
from kg.extract.coref import entity_key, entity_type
from kg.extract.dates import TimeExpr
from kg.extract.document_lists import ListedDocument
from kg.extract.lexicon import Lexicon, Verb, derived, load_phrase_lists, syllable_key
from kg.model import PREDICATE_INFO
from kg.text import fold_case_and_spaces

__all__ = ["Discourse", "RawRelation", "find_relations"]

# the word lists of kg/resources/relations.json (what each means: kg/resources/README.md)
_LISTS = load_phrase_lists("relations.json")


def _words(name: str) -> frozenset[str]:
    """A list of single syllables, as a set."""
    return frozenset(phrase[0] for phrase in _LISTS[name])


def _phrases(name: str) -> list[tuple[str, ...]]:
    """A list of phrases, each as its syllables, in file order."""
    return list(_LISTS[name])


def _texts(name: str) -> frozenset[str]:
    """A list of phrases, each as its text (syllables joined by spaces), as a set."""
    return frozenset(" ".join(phrase) for phrase in _LISTS[name])


_OBJECT_MARKERS = _words("object_markers")
# words that may open a sentence before a fronted verb: "Ngay sau khi đến ...", "Trước khi thăm ..."
_FRONT_OK = _words("fronted_clause_openers")
_PLANNED = _phrases("planned_markers")
_SPOUSE = set(_phrases("spouse_titles"))
# a lowercase reference back to the event in context: "chủ trì phiên khai mạc", "Dự hội nghị có ..."
_EVENT_ANAPHORS = _phrases("event_anaphors")
_CEREMONY_NOUNS = _phrases("ceremony_nouns")
# the last syllable of a verb that sends goods, not people: "xuất khẩu sang", "vận chuyển tới"
_GOODS_VERBS = _words("goods_verb_ends")
_TRADE_FLOWS = set(_phrases("trade_flows"))
_FIRST_PERSON = _phrases("first_person")
_FIRST_PERSON_FIRSTS = frozenset(phrase[0] for phrase in _FIRST_PERSON)  # most syllables start none: asked first
# a verb after these is what someone is asked to do, not what was done: "đề nghị Việt Nam cử đoàn sang dự X"
_REQUESTS = _phrases("requests")
_REQUEST_FIRSTS = frozenset(phrase[0] for phrase in _REQUESTS)
_NEGATED = _phrases("negated_markers")
_ONGOING = _phrases("ongoing_markers")
_DONE = _phrases("done_markers")


def _by_first_word(phrases: Sequence[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        index.setdefault(phrase[0], []).append(phrase)
    return index


# the markers of each modality by their first word, in the order the modalities are tried
_MODALITIES = [("negated", _by_first_word(_NEGATED)), ("planned", _by_first_word(_PLANNED)),
               ("ongoing", _by_first_word(_ONGOING)), ("done", _by_first_word(_DONE))]
# "ký 14 văn kiện và công bố Tuyên bố chung": a document issued, not signed
_ISSUING = set(_phrases("issuing_verbs"))
# what may open an inverted welcome: "Có mặt tại sân bay (X) để đón ... có A, B", "Ra sân bay đón ... có A"
_AT_THE_AIRPORT = _words("airport_welcome_openers")
# what may stand between the items of a list of documents: "X (1994), Y (2002); Z và W", "1. X; 2. Y"
_LIST_GLUE = _words("document_list_glue")
# a state's top bodies: "theo lời mời của Quốc hội và Chính phủ Chile" is Chile's invitation
_TOP_BODIES = set(_phrases("state_top_bodies"))
_TOP_BODY_WORDS = {word for body in _TOP_BODIES for word in body}
# frames opening a sentence whose named event the subject after them attended
_FRAMES = _phrases("frames")
_FRAME_FIRSTS = {f[0] for f in _FRAMES}
# the trigger verbs of a journey ("sang Nhật Bản"), and those that also name a message's addressee
_JOURNEY = _words("journey_triggers")
_ENTRY = _words("entry_triggers")  # "vào": a visit only into a named place, after a person
_JOURNEY_OR_ENTRY = _JOURNEY | _ENTRY
_ADDRESSEE = _words("addressee_triggers")
_ENTRY_OPENERS = _words("entry_verb_openers")
_SIGNING_NOUN_OPENERS = _words("signing_noun_openers")
_TALK_NOUN_FIRSTS = _words("talk_noun_firsts")
_TALKS_AS_NOUN_AFTER = {phrase for phrase in _phrases("talks_as_noun_after") if len(phrase) == 2}
_TALKS_AS_NOUN_AFTER_WORD = {phrase[0] for phrase in _phrases("talks_as_noun_after") if len(phrase) == 1}
_PRONOUN_SUBJECT_SKIP = _words("pronoun_subject_skip")
_THIRD_PERSON = _words("third_person_pronouns")
_PRONOUN_OBJECT_MARKERS = _words("pronoun_object_markers")
_DELEGATION_VERB_GLUE = _words("delegation_verb_glue")
_DELEGATION_FOLLOWERS = _words("delegation_followers")
_MESSAGE_RELAY_VERBS = _words("message_relay_verbs")
_SUBJECT_BEFORE_VERB = _words("subject_before_verb")
_NOMINAL_CLASSIFIERS = _words("nominal_trigger_classifiers")
_INVITER_PRONOUNS = _words("inviter_pronouns")
_ACCEPTANCES = _texts("acceptance_triggers")
_PASSIVE_ASPECT = _words("passive_aspect_words")
_RELATIVE_OBJECT_GLUE = _words("relative_object_glue")
_BOTH_SIDES = [" ".join(phrase) for phrase in _phrases("both_sides")]
_GUEST_APPOSITION = _words("guest_apposition_words")
_INDEFINITE_OWNERS = _words("indefinite_owners")
_GUEST_REFERENCES = _words("guest_references")
_RELATIVE_CLAUSE_ASPECT = _words("relative_clause_aspect")
_VISIT_MODIFIERS = _words("visit_modifiers")
# a ceremony at which documents are signed or exchanged: its listed documents' parties signed them
_SIGNING_CEREMONIES = _phrases("signing_ceremonies")
_INVITE_VERBS = _texts("invite_verbs")
_INVITEE_SUBJECT = _texts("invitee_subject_triggers")
_MESSAGE_NOUNS = _words("message_nouns")
_WITNESS_VERBS = _phrases("witness_verbs")
_CHAIRING = _texts("chairing_triggers")
_CO_CHAIRING = _texts("co_chairing_triggers")
_AGENT_MARKERS = _words("agent_markers")
_DELEGATION_NOUNS = _words("delegation_nouns")
_BOTH_COUNTRIES = _texts("both_countries")
_COUNTERPART_NOUNS = _phrases("counterpart_nouns")
_PAIR_NUMERALS = _words("pair_numerals")
_OCCASION_FRAME_FIRSTS = _words("occasion_frame_firsts")
_ATTENDANCE_WORDS = _words("attendance_words")
_FRAME_TRIGGER = " ".join(_phrases("frame_trigger")[0])
_LISTED_DOCUMENT_TRIGGER = " ".join(_phrases("listed_document_trigger")[0])
_REQUEST_VERB_ENDS = _words("request_verb_ends")
_ISSUING_WORDS = _words("issuing_words")
_FRAME_NOUN_ENDS = _phrases("frame_noun_ends")
_LIST_OPENERS = _words("document_list_openers")
_DEMONSTRATIVES = _words("demonstratives")
_TOPIC_MARKERS = _words("topic_markers")
_RECALLED_TRIPS = _phrases("recalled_trips")
_WELCOME_VERBS = _words("welcome_verbs")
_LEADER_NOUNS = _phrases("leader_nouns")
_SIGNATURE_OF = _phrases("signature_of")
_APPOSITION_COPULAS = _phrases("apposition_copulas")
_REGION_NOUNS = _phrases("region_nouns")
# Grammar words, each the hinge of the constructions that name it, not a list to grow:
_AND = "và"  # coordination: "A và B", "X, Y và Z"
_OF = "của"  # the owner after a noun: "lời mời của X", "chữ ký của X"
_PASSIVE = "được"  # the passive: "được X tiếp", "đã được A và B ký"
_BETWEEN = "giữa"  # the two sides of a meeting or document: "hội đàm giữa A và B"
_WITH = "với"  # the partner: "hội đàm với X", "đồng chủ trì với B"
_HAS = "có"  # the inverted clause's subjects after it: "Dự X có A, B"
_WHICH = "mà"  # a relative clause on a document: "X mà A ký"
_WHO = "người"  # a relative clause on a person: "X, người sẽ dự Y"
_LOW = attrgetter("low")  # a syllable's folded text
_AT = "tại"  # the one-syllable frame "Tại X, A ...": its marker ends after one syllable, the others' after two
_SUBJECT_TYPES = {p.name: {*p.subject_types, *(("Group",) if p.group_subject else ())}
                  for p in PREDICATE_INFO.values()}


@dataclass(frozen=True, slots=True)
class RawRelation:
    subject: str
    predicate: str
    object: str
    verb: Verb
    modality: str
    date: str | None
    trigger_start: int
    trigger_end: int
    start: int
    end: int
    confidence: float
    construction: str = "verb_clause"  # the name of the construction that found it (kg.extract.constructions)


@dataclass(slots=True)
class Discourse:
    """What carries across sentences: the last subject and the two countries in context."""

    subject: str | None = None
    countries: tuple[str, ...] = ()
    event: str | None = None  # the last event named
    agreement: str | None = None  # the last document named with a capital: "văn kiện này" refers to it
    spouses: set[str] = field(default_factory=set)  # introduced as a spouse ("Phu nhân X"): never visitors
    pairs: list[tuple[str, str]] | None = None  # the people who met, in order: "hai Bộ trưởng" after their talks
    titles: dict[str, tuple[str, ...]] | None = None  # entity key -> the offices it holds, lower-cased
    visitor: str | None = None  # the last one who visited: "đón Đoàn", "tiễn Đoàn" mean their delegation
    offices: dict[str, tuple[tuple[str, str], ...]] | None = None  # person key -> (title, org), folded
    names: dict[str, str] | None = None  # entity key -> canonical name, for "Bộ X hai nước" -> "Bộ X <country>"
    homes: dict[str, str] | None = None  # person key -> the folded country whose office they hold


@dataclass(slots=True)
class _Chain:
    """What one clause hands the next in the same sentence."""

    subject: list[str] | None = None
    modality: str = "done"
    used_as_object: set[Span] = field(default_factory=set)
    guests: list[str] = field(default_factory=list)
    inviters: set[Span] = field(default_factory=set)
    visitors: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Clause:
    """One trigger's working state while its arguments are found."""

    t: int
    k: int  # the trigger's first syllable
    e: int  # one past its last
    verb: Verb
    region_end: int  # where its objects end
    clause_start: int
    prev_e: int
    prev_verb: Verb | None
    fronted: Span | None
    nominal: bool  # "chuyến thăm", "cuộc hội đàm": the trigger is a noun
    stypes: set[str]
    otypes: set[str]
    objects: list[Span] = field(default_factory=list)
    object_keys: list[str] = field(default_factory=list)
    subject_keys: list[str] = field(default_factory=list)
    given: list[str] = field(default_factory=list)
    passive: list[Span] | None = None
    inherited: bool = False
    own_date: bool = False  # a reduced relative clause dates itself: "Hiệp định ... ký năm 2009"
    construction: str = "verb_clause"

    def tag(self, name: str) -> None:
        """Name the construction after the first special step that bound an argument."""
        if name and self.construction == "verb_clause":
            self.construction = name


def _verbs_by_first_syllable(verbs: list[Verb]) -> dict[str, list[tuple[Verb, tuple[str, ...]]]]:
    """The lexicon's verbs by the first syllable of their trigger, in lexicon order (longest first)."""
    def make(verbs: list[Verb]) -> dict[str, list[tuple[Verb, tuple[str, ...]]]]:
        index: dict[str, list[tuple[Verb, tuple[str, ...]]]] = {}
        for verb in verbs:
            key = syllable_key(verb.trigger)
            index.setdefault(key[0], []).append((verb, key))
        return index

    return derived(verbs, "verbs_by_first_syllable", make)


class _Sentence:
    def __init__(self, sylls: list[Syl], spans: list[Span], resolve: Callable[[Span], tuple[str, str] | None],
                 dates: list[TimeExpr], lex: Lexicon, discourse: Discourse) -> None:
        self.sylls, self.spans, self.resolve, self.dates, self.lex, self.discourse = sylls, spans, resolve, dates, lex, discourse
        self.n = len(sylls)
        self._trigger_starts: list[int] = []  # set by run: where each trigger begins
        self.lows = list(map(_LOW, sylls))
        self.covered: list[Span | None] = [None] * self.n  # syllable -> span
        for sp in spans:
            self.covered[sp.i:sp.j] = [sp] * (sp.j - sp.i)
        self.verbs = _verbs_by_first_syllable(lex.verbs)
        for sp in spans:
            if sp.type == "Person" and ((self.low(sp.i), self.low(sp.i + 1)) in _SPOUSE
                                        or (self.low(sp.i - 2), self.low(sp.i - 1)) in _SPOUSE):
                got = resolve(sp)
                if got:
                    discourse.spouses.add(got[0])

    def low(self, k: int) -> str:
        return self.lows[k] if 0 <= k < self.n else ""

    def lows_between(self, a: int, b: int) -> list[str]:
        """``[self.low(m) for m in range(a, b)]`` without the positions outside the sentence (all "")."""
        return self.lows[max(a, 0):max(b, 0)]

    def _phrase_at(self, m: int, phrases: Sequence[tuple[str, ...]]) -> tuple[str, ...] | None:
        """The first of ``phrases`` whose syllables start at ``m``."""
        first = self.low(m)
        for phrase in phrases:
            if phrase[0] == first and all(self.low(m + t) == w for t, w in enumerate(phrase[1:], 1)):
                return phrase
        return None

    def _phrase_before(self, k: int, phrases: Sequence[tuple[str, ...]]) -> tuple[str, ...] | None:
        """The first of ``phrases`` whose syllables end just before ``k``."""
        return next((p for p in phrases if self._phrase_at(k - len(p), (p,)) is not None), None)

    def clause_start(self, k: int) -> int:
        """Where the ``;``-clause of syllable ``k`` begins."""
        before = self.lows_between(0, k)
        return len(before) - before[::-1].index(";") if ";" in before else 0

    def triggers(self) -> list[tuple[int, int, Verb]]:
        found: list[tuple[int, int, Verb]] = []
        free = 0  # the first syllable after the last trigger found
        verbs = self.verbs
        # only where a trigger's first syllable is, left to right (most syllables start none)
        for k in [k for k, low in enumerate(self.lows) if low in verbs]:
            if k < free or self.covered[k] is not None:
                continue
            hit = self._trigger_at(k, verbs[self.lows[k]])
            if hit is None or (hit[2].trigger in _JOURNEY and found and
                               found[-1][2].predicate == "visited" and k - found[-1][1] <= 4):
                continue
            found.append(hit)
            free = hit[1]
        return found

    def _trigger_at(self, k: int, verbs: list[tuple[Verb, tuple[str, ...]]]) -> tuple[int, int, Verb] | None:
        """The first of ``verbs`` (their trigger's syllables given) that is a trigger at ``k``."""
        for verb, key in verbs:
            n = len(key)
            if tuple(self.lows[k:k + n]) == key and self._ok(k, n, verb):
                return k, k + n, verb
        return None

    def _ok(self, k: int, n: int, verb: Verb) -> bool:
        nxt = self.low(k + n)
        last = self.low(k + n - 1)
        if n == 1 and nxt in self.lex.blocked_next.get(last, ()):
            return False
        if self.sylls[k].is_cap and k > 0 and self.sylls[k - 1].is_word:
            return False  # inside a name
        prev = self.low(k - 1)
        if verb.predicate == "invited" and verb.trigger in _INVITE_VERBS and prev in _MESSAGE_NOUNS:
            return False
        if verb.trigger in _ENTRY:
            # "Thủ tướng X vào Thành phố Hồ Chí Minh": only a person going into a named place, not
            # "vào ngày", "đầu tư vào", "đi vào hoạt động"
            before = self.covered[k - 1] if k > 0 else None
            after = self.covered[k + 1] if k + 1 < self.n else None
            if not (before is not None and before.type in ("Person", "Title") or prev in _ENTRY_OPENERS) \
                    or after is None or after.i != k + 1 or after.type not in ("Location", "Country"):
                return False
        if verb.predicate == "visited" and verb.trigger in _JOURNEY and prev in _GOODS_VERBS:
            return False  # "xuất khẩu sang Việt Nam": goods travel, people visit
        if verb.predicate == "visited" and verb.trigger in _JOURNEY_OR_ENTRY:
            for m in range(k - 1, max(-1, k - 7), -1):
                if self.sylls[m].text in (",", ";", ".", ":"):
                    break
                if (self.low(m - 1), self.low(m)) in _TRADE_FLOWS:
                    return False  # "kim ngạch xuất khẩu của Việt Nam sang Hoa Kỳ"
        if verb.predicate == "visited" and verb.trigger in _JOURNEY and k + n < self.n \
                and self.sylls[k + n].is_num:
            return False  # "từ ngày 30/7 đến 1/8", "lên tới 46%": a range's end, not a journey
        if verb.predicate == "visited" and verb.trigger in _ADDRESSEE and self._relays_message(k):
            return False  # "chuyển lời mời / lời chào của X tới Y": the addressee, not a journey
        if verb.predicate == "signed" and prev in _SIGNING_NOUN_OPENERS:
            return False  # "mở ký" opens a document for signature, "chữ ký" (a signature) and "lễ ký" are nouns
        if verb.predicate == "signed" and any(self._phrase_at(m, _WITNESS_VERBS) for m in range(max(0, k - 5), k)):
            return False  # "chứng kiến lễ ký": a witness, not a signer
        if verb.predicate == "met" and len(verb.trigger.split()) >= 2 and verb.trigger.split()[0] in _TALK_NOUN_FIRSTS \
                and (prev in _TALKS_AS_NOUN_AFTER_WORD or (self.low(k - 2), prev) in _TALKS_AS_NOUN_AFTER):
            return False  # "Sau hội đàm, ...", "Phát biểu tại hội kiến, ...": the talks as a noun, not a verb
        if verb.trigger in _CHAIRING and not self._span_after(k + n, {"Event"}, 3) \
                and not (self.discourse.event and self._anaphor_at(k + n)) \
                and not self._named_before_agents(k, "Event"):  # noqa: SIM103 - a guard like those above
            return False
        return True

    def _named_before_agents(self, k: int, span_type: str) -> bool:
        """``Hội nghị X do A chủ trì``: a ``span_type`` span ends at a ``do`` before the verb at ``k``."""
        for m in range(k - 1, max(-1, k - 25), -1):
            if self.low(m) in (".", ";"):
                return False
            if self.low(m) in _AGENT_MARKERS:
                return any(sp.type == span_type and sp.j == m for sp in self.spans)
        return False

    def _pronoun_before(self, k: int) -> bool:
        """``ông mời``, ``bà đã thăm``: a third-person pronoun is the verb's subject."""
        m = k - 1
        while m >= 0 and self.low(m) in _PRONOUN_SUBJECT_SKIP:
            m -= 1
        return self.low(m) in _THIRD_PERSON and self.covered[m] is None \
            and self.low(m - 1) not in _PRONOUN_OBJECT_MARKERS

    def _delegation_at(self, e: int) -> bool:
        """A bare ``Đoàn`` (the visiting delegation) right after the verb: ``tiếp và chiêu đãi Đoàn``."""
        m = e
        while m < e + 3 and self.low(m) in _DELEGATION_VERB_GLUE:
            m += 1
        if self.low(m) not in _DELEGATION_NOUNS or self.covered[m] is not None:
            return False
        return m + 1 >= self.n or not self.sylls[m + 1].is_word or \
            self.low(m + 1) in _DELEGATION_FOLLOWERS

    def _requested(self, k: int) -> bool:
        """A request (``đề nghị``, ``kêu gọi``, ``cử đoàn``) earlier in the verb's clause, up to a comma."""
        m = k - 1
        while m >= 0 and self.sylls[m].text not in (",", ";", ".", ":"):
            if self.lows[m] in _REQUEST_FIRSTS:
                for phrase in _REQUESTS:
                    if tuple(self.lows[m:m + len(phrase)]) == phrase:
                        return True
            m -= 1
        return False

    def _relays_message(self, k: int) -> bool:
        """``chuyển lời ... tới``, ``gửi lời ... đến``: a message passed on, since the clause began."""
        for m in range(k - 1, max(-1, k - 12), -1):
            if self.sylls[m].text in (",", ";", ".", ":"):
                return False
            if self.low(m) in _MESSAGE_NOUNS and self.low(m - 1) in _MESSAGE_RELAY_VERBS:
                return True
        return False

    def _span_after(self, k: int, types: set[str], within: int) -> Span | None:
        for m in range(k, min(self.n, k + within + 1)):
            sp = self.covered[m]
            if sp is not None and sp.i == m and sp.type in types:
                return sp
        return None

    def _modality(self, lo: int, k: int) -> str | None:
        window = self.lows_between(max(lo, k - 5), k)
        for value, phrases in _MODALITIES:
            for m, word in enumerate(window):
                for phrase in phrases.get(word, ()):
                    if tuple(window[m:m + len(phrase)]) == phrase:
                        return value
        return None

    def _date(self, k: int, end: int) -> str | None:
        start = self.sylls[k].start
        named = [sp for sp in self.spans if sp.type in ("Event", "Agreement")]
        # "dự Hội nghị Hợp tác đầu tư năm 2025": a year inside a name is not when the verb happened;
        # but "ký Bản ghi nhớ về ... năm 2011" ending an agreement's name is when it was signed
        dates = [d for d in self.dates if not any(
            sp.start <= d.start and d.end <= sp.end and not (sp.type == "Agreement" and d.end == sp.end)
            for sp in named)]
        before = [d for d in dates if d.end <= start]
        after = [d for d in dates if d.start >= start and d.start <= end]
        if before and after and len(after[0].value) >= len(before[-1].value) \
                and any(sy.text == "," and before[-1].end <= sy.start < start for sy in self.sylls[:k]):
            # "Trong năm 2024, ... chuyến thăm ... hồi tháng 8/2024": the date in the verb's own
            # clause, when it is at least as precise, beats one in an earlier clause
            return after[0].value
        if before:
            precise = [d for d in before if len(d.value) > 4 and d.value.startswith(before[-1].value)]
            if len(before[-1].value) == 4 and precise:
                return precise[-1].value  # "Sáng 26/10, X, Chủ tịch ASEAN năm 2025, đã ...": the day
            return before[-1].value
        return after[0].value if after else None

    def _resolve_all(self, spans: list[Span], types: set[str]) -> list[str]:
        keys: list[str] = []
        for sp in spans:
            if sp.type == "Group":
                pair = self._titled_pair(sp) if "Person" in types else None
                if pair:
                    keys.extend(k for k in pair if k not in keys)  # "hai Bộ trưởng ký": the two ministers
                elif "Group" in types and self._each_countrys(sp):
                    keys.extend(k for k in self._each_countrys(sp) if k not in keys)
                elif "Group" in types:
                    keys.extend(self.discourse.countries[:2])
                continue
            got = self.resolve(sp)
            if got and got[1] in types and got[0] not in keys:
                keys.append(got[0])
        return keys

    def _each_countrys(self, sp: Span) -> list[str]:
        """``Bộ Quốc phòng hai nước``: each country's ministry, when the article names both."""
        if sp.text.lower() not in _BOTH_COUNTRIES or not self.discourse.names or len(self.discourse.countries) < 2:
            return []
        org = self.covered[sp.i - 1] if sp.i > 0 else None
        if org is None or org.j != sp.i or org.type != "Organization":
            return []
        keys = []
        for country in self.discourse.countries[:2]:
            name = self.discourse.names.get(country)
            key = entity_key("Organization", org.name + " " + name) if name else None
            if key not in self.discourse.names:
                return []
            keys.append(key)
        return keys

    def _counterpart(self, m: int, me: str) -> str | None:
        """``người đồng cấp Lào``: the one person in the article holding ``me``'s office (for that country)."""
        noun = self._phrase_at(m, _COUNTERPART_NOUNS)
        if noun is None or not self.discourse.offices:
            return None
        country = None
        after = m + len(noun)
        sp = self.covered[after] if after < self.n else None
        if sp is not None and sp.i == after and sp.type == "Country":
            got = self.resolve(sp)
            country = fold_case_and_spaces(self.discourse.names.get(got[0], "")) if got and self.discourse.names else None
        mine = {title for title, _ in self.discourse.offices.get(me, ())}
        found = [key for key, offices in self.discourse.offices.items()
                 if key != me and any(title in mine for title, _ in offices)
                 and (not country or any(org and (country in org or org in country) for _, org in offices))]
        return found[0] if len(found) == 1 else None

    def _titled_pair(self, sp: Span) -> tuple[str, str] | None:
        """``hai Bộ trưởng``: the last two people who met and both hold that office."""
        words = sp.text.split()
        if len(words) < 2 or words[0].lower() not in _PAIR_NUMERALS or not words[1][:1].isupper():
            return None
        office = " ".join(words[1:]).lower()
        titles = self.discourse.titles or {}

        def holds(key: str) -> bool:
            return any(t == office or t.startswith(office + " ") for t in titles.get(key, ()))

        for pair in reversed(self.discourse.pairs or []):
            if holds(pair[0]) and holds(pair[1]):
                return pair
        return None

    def _is_object_marked(self, sp: Span) -> bool:
        if self.low(sp.j) in _SUBJECT_BEFORE_VERB:
            return False  # the subject right before its verb
        return self.low(sp.i - 1) in _OBJECT_MARKERS or (self.low(sp.i - 1) == "," and self._prev_marked(sp))

    def _prev_marked(self, sp: Span) -> bool:
        # "với X, Y": Y is marked like X
        m = sp.i - 2
        while m >= 0 and self.covered[m] is not None:
            m -= 1
        return self.low(m) in _OBJECT_MARKERS

    def run(self) -> list[RawRelation]:
        """Each trigger's arguments, clause by clause; the steps below in the order they apply."""
        out: list[RawRelation] = []
        triggers = self.triggers()
        self._trigger_starts = [k for k, _, _ in triggers]
        chain = _Chain()
        for t, (k, e, verb) in enumerate(triggers):
            if t == 0 and verb.predicate in ("met", "attended"):
                inverted = self._inverted(k, e, verb)
                if inverted is not None:
                    out.extend(inverted)
                    break
            c = self._clause(t, triggers)
            if verb.predicate == "invited" and verb.trigger not in _INVITE_VERBS:
                out.extend(self._invitation(c, chain))
                continue
            if self._asked(c, triggers):
                continue  # "mời X sang thăm Y", "nhận lời mời của X sang thăm Y": what is asked, not done
            self._find_objects(c)
            if not self._find_subjects(c, chain):
                continue
            out.extend(self._emit(c, chain))
        return out + self._frame_rows(out)

    def _frame_opening(self) -> tuple[int, int] | None:
        """Where a frame opens the sentence (``Bên lề X,``, ``Trong khuôn khổ X,``, ``Tại X,``, ``Nhân dịp
        tham dự X,``): the marker's first syllable and the comma that closes the frame before its subject."""
        # past a time expression: "Tối 5/3, bên lề ..."
        m = next((m for m, low in enumerate(self.lows[:8]) if low in _FRAME_FIRSTS), min(self.n, 8))
        if m >= min(self.n, 8) or not any(self.lows[m:m + len(f)] == list(f) for f in _FRAMES) \
                or (m > 0 and self.low(m - 1) != ","):
            return None
        for x in range(m + 1, self.n - 1):
            if self.low(x) in (";", ".", ":"):
                return None
            sp = self.covered[x + 1]
            if self.low(x) == "," and sp is not None and sp.i == x + 1 and sp.type in ("Person", "Title"):
                return m, x
        return None

    def _frame_rows(self, found: list[RawRelation]) -> list[RawRelation]:
        """``Bên lề Hội nghị X, A gặp B``: A attended X; ``nhân dịp`` frames only when they say dự."""
        opening = self._frame_opening()
        if opening is None:
            return []
        m, comma = opening
        words = self.lows[m:comma]
        if words[0] in _OCCASION_FRAME_FIRSTS and not _ATTENDANCE_WORDS.intersection(words):
            return []  # "Nhân dịp kỷ niệm X, ...": the occasion, not an event attended
        # a named event, not a bare head ("Bên lề Hội nghị,") whose antecedent is a guess
        events = self._resolve_all([sp for sp in self.spans if m < sp.i and sp.j <= comma and sp.type == "Event"
                                    and sp.j - sp.i >= 3], {"Event"})
        subject = self._resolve_all([self.covered[comma + 1]], {"Person"})  # type: ignore[list-item]
        verb = next((v for v in self.lex.verbs if v.predicate == "attended" and v.trigger == _FRAME_TRIGGER), None)
        if not events or not subject or verb is None:
            return []
        main = [rel for rel in found if rel.subject == subject[0]]
        modality = main[0].modality if main else "done"
        date = main[0].date if main else self._date(comma + 1, self.sylls[-1].end)
        have = {(rel.subject, rel.predicate, rel.object) for rel in found}
        marker_end = m + (1 if words[0] == _AT else 2)
        return [self._make(subject[0], verb, event, m, marker_end, comma, date, 0.85, modality,
                           construction="frame_attended")
                for event in events if (subject[0], "attended", event) not in have]

    def _clause(self, t: int, triggers: list[tuple[int, int, Verb]]) -> _Clause:
        k, e, verb = triggers[t]
        next_k = triggers[t + 1][0] if t + 1 < len(triggers) else self.n
        region_end = next((m for m in range(e, next_k) if self.sylls[m].text in (";", ".")), next_k)
        fronted = self._fronted_subject(k, e) if t == 0 else None
        if fronted is not None:
            region_end = min(region_end, fronted.i - 1)
        return _Clause(t=t, k=k, e=e, verb=verb, region_end=region_end, clause_start=self.clause_start(k),
                       prev_e=triggers[t - 1][1] if t else 0, prev_verb=triggers[t - 1][2] if t else None,
                       fronted=fronted, nominal=self.low(k - 1) in _NOMINAL_CLASSIFIERS,
                       stypes=_SUBJECT_TYPES.get(verb.predicate, {"Person"}), otypes=set(verb.objects))

    def _inviter_spans(self, e: int, region_end: int) -> list[Span]:
        """``lời mời của X``, ``lời mời của X và Y``: the inviters after the trigger."""
        inviter: list[Span] = []
        for sp in self.spans:
            if sp.i < e or sp.i >= region_end:
                continue
            if not inviter:
                if self._after_of(sp, e):
                    inviter.append(sp)
            elif sp.i == inviter[-1].j + 1 and self.low(sp.i - 1) == _AND \
                    and sp.type in ("Person", "Title", "Country", "Organization"):
                inviter.append(sp)
            else:
                break
        return inviter

    def _after_of(self, sp: Span, e: int) -> bool:
        """``của X``, or ``của Quốc hội và X``: the top bodies before X stand for the same state."""
        m = sp.i - 1
        while m >= e and (self.low(m) in _TOP_BODY_WORDS or self.low(m) == _AND):
            m -= 1
        return self.low(m) == _OF

    def _inviter_keys(self, inviter: list[Span]) -> list[str]:
        """People and countries; a state's top body (``Chính phủ Chile``) invites for its country."""
        keys: list[str] = []
        for sp in inviter:
            if sp.type == "Organization" and tuple(self.lows[sp.i:sp.i + 2]) in _TOP_BODIES:
                found = self._resolve_all([inner for inner in sp.inner if inner.type == "Country"], {"Country"})
            else:
                found = self._resolve_all([sp], {"Person", "Country"})
            keys.extend(key for key in found if key not in keys)
        return keys

    def _invitation(self, c: _Clause, chain: _Chain) -> list[RawRelation]:
        """``nhận lời mời của X``, ``theo lời mời của X``: X invited the one who travels."""
        k, e, verb = c.k, c.e, c.verb
        inviter = self._inviter_spans(e, c.region_end)
        inviter_keys = self._inviter_keys(inviter[:2])
        if not inviter and self.low(e) == _OF and self.low(e + 1) in _INVITER_PRONOUNS:
            # "đề nghị Đại sứ chuyển lời mời của ông tới Y": the pronoun is the sentence's subject
            own = [sp for sp in self.spans if sp.j < k and sp.type in ("Person", "Title")
                   and not self._is_object_marked(sp) and self.low(sp.i - 1) not in _REQUEST_VERB_ENDS]
            inviter_keys = self._resolve_all(own[:1], {"Person"})
        last = max((sp.j for sp in inviter), default=e)
        invitee = [sp for sp in self.spans if sp.i >= last and sp.type in ("Person", "Title")
                   and not self._is_object_marked(sp)]
        invitee_keys = self._resolve_all(invitee[:1], {"Person"})
        if not invitee_keys and verb.trigger in _ACCEPTANCES:
            # "X chuyển lời thăm hỏi tới Y và nhận lời mời của Z": the one who accepts is the subject
            before = [sp for sp in self.spans if sp.j <= k and sp.type in ("Person", "Title")
                      and not self._is_object_marked(sp) and self._same_clause(sp.j, k)]
            invitee_keys = chain.subject or self._resolve_all(before[:1], {"Person"})
        if not invitee_keys and chain.visitors and self.low(k - 1) != ".":
            invitee_keys = chain.visitors  # "X thăm Y từ ngày 27-28/4 theo lời mời của Z"
        if not invitee_keys and self.discourse.subject:
            invitee_keys = [self.discourse.subject]
        if not inviter_keys and invitee_keys and self.low(e) == _OF:
            counterpart = self._counterpart(e + 1, invitee_keys[0])
            inviter_keys = [counterpart] if counterpart else []  # "theo lời mời của người đồng cấp Ấn Độ"
        out = [self._make(s, verb, o, k, e, c.region_end, None, 0.9, construction="invitation_of")
               for s in inviter_keys for o in invitee_keys if s != o and o not in self.discourse.spouses]
        chain.inviters.update(inviter)
        if verb.trigger in _INVITEE_SUBJECT and invitee_keys:
            chain.subject = invitee_keys  # "nhận lời mời của X sẽ sang thăm Y": the invitee visits
        return out

    def _asked(self, c: _Clause, triggers: list[tuple[int, int, Verb]]) -> bool:
        """A visit or attendance that an invitation before it asks for."""
        t, k = c.t, c.k
        p = t - 1
        if p > 0 and triggers[p][1] == k and triggers[p][2].trigger in _JOURNEY:
            p -= 1  # "mời X sang dự Y": the journey and what it is for are both asked
        return t > 0 and triggers[p][2].predicate == "invited" and c.verb.predicate in ("visited", "attended") \
            and not any(self.sylls[m].text in (",", ";", ".", ":") for m in range(triggers[p][1], k)) \
            and self._modality(triggers[p][1], k) not in ("planned", "done") \
            and not (self.low(k - 1) == _AND and triggers[p][2].trigger not in _INVITE_VERBS)

    def _issued_not_signed(self, e: int, sp: Span) -> bool:
        """``ký 14 văn kiện và ra / công bố / thông qua Tuyên bố chung``: issued, not signed."""
        return any(self.low(m - 1) in (_AND, ",") and (self.low(m) in _ISSUING_WORDS or (self.low(m), self.low(m + 1))
                                                        in _ISSUING)
                   for m in range(e, sp.i))

    def _typed_objects(self, c: _Clause, objects: list[Span]) -> list[Span]:
        """The objects of attended, signed, inaugurated and laid_wreath: named events, documents, places."""
        verb, k, e = c.verb, c.k, c.e
        typed = [sp for sp in objects if sp.type in c.otypes]
        listed = self._document_list(typed) if verb.predicate == "signed" else []
        objects = listed if len(listed) > 3 else typed[:3]
        if len(listed) > 3:
            c.tag("document_list")
        if verb.predicate == "signed":
            enumerated = self._enumerated(c)
            if enumerated:
                objects = enumerated  # "ký 4 văn kiện, gồm: X; Y; Z": the documents, not the count
                c.tag("enumerated_documents")
            objects = [sp for sp in objects if not self._issued_not_signed(e, sp)]
            head = self._relative_object(k, c.prev_e)
            if head is not None:
                objects = [head]  # "Hiệp định X (VCFTA) mà hai nước ký kết năm 2011"
                c.tag("relative_object")
        if verb.predicate in ("signed", "attended") and not objects:
            # "Bản ghi nhớ X do A và B ký", "Hội nghị do A và B đồng chủ trì": the
            # agreement or event is named before its agents
            by = [m for m in range(max(c.clause_start, c.prev_e), k) if self.low(m) in _AGENT_MARKERS]
            named = "Agreement" if verb.predicate == "signed" else "Event"
            if by:
                objects = [sp for sp in self.spans if sp.type == named and sp.j == by[-1]]
                c.tag("named_before_agents")
        if objects and verb.predicate == "attended":
            frame = [sp for sp in self.spans if sp.type == "Event" and e < sp.i < c.region_end and
                     self._phrase_before(sp.i, _FRAME_NOUN_ENDS) is not None]
            objects = [sp for sp in objects if sp.i - e <= 12]
            if objects:
                # "dự phiên X trong khuôn khổ Hội nghị Y": attending the session is attending Y
                objects += [sp for sp in frame if sp not in objects]
        return objects

    def _document_list(self, docs: list[Span]) -> list[Span]:
        """``X (1994), Y (2002); Z và W``: the documents that follow one another as one list."""
        found = docs[:1]
        for sp in docs[1:]:
            between = self.lows_between(found[-1].j, sp.i)
            if not all(w in _LIST_GLUE or w.isdigit() for w in between):
                break
            found.append(sp)
        return found

    def _enumerated(self, c: _Clause) -> list[Span]:
        """``ký 4 văn kiện hợp tác, gồm: X; Y và Z``: the documents listed after gồm / bao gồm, past any ``;``."""
        first_stop = next((m for m in range(c.e, self.n) if self.low(m) in (";", ".")), self.n)
        at = next((m for m in range(c.e, min(first_stop, c.e + 12)) if self.low(m) in _LIST_OPENERS), None)
        if at is None or (c.t + 1 < len(self._trigger_starts) and self._trigger_starts[c.t + 1] < at):
            return []
        docs = [sp for sp in self.spans if sp.i > at and sp.type == "Agreement"]
        return self._document_list(docs) if docs and docs[0].i <= at + 3 else []

    def _year_after(self, sp: Span) -> str | None:
        """``Hiệp định X (1994)``: the year in parentheses right after a document's name."""
        if self.low(sp.j) == "(" and self.low(sp.j + 2) == ")" and self.low(sp.j + 1).isdigit() \
                and len(self.low(sp.j + 1)) == 4:
            return self.low(sp.j + 1)
        return None

    def _find_objects(self, c: _Clause) -> None:
        verb, e = c.verb, c.e
        objects = [sp for sp in self.spans if e <= sp.i < c.region_end and sp.type in c.otypes | {"Title"}]
        if verb.predicate == "visited":
            objects = self._visit_objects(e, c.region_end, verb)
        elif verb.predicate in ("attended", "signed", "inaugurated", "laid_wreath"):
            objects = self._typed_objects(c, objects)
        c.objects = objects
        c.object_keys = self._resolve_all(objects, c.otypes)
        if verb.predicate == "signed" and self.discourse.agreement and len(objects) == 1 \
                and self.low(objects[0].j) in _DEMONSTRATIVES and not self.sylls[objects[0].i].is_cap:
            c.object_keys = [self.discourse.agreement]  # "ký văn kiện này": the document named before
            c.tag("document_anaphor")
        if verb.predicate == "met" and not objects and self.discourse.visitor and self._delegation_at(e):
            c.object_keys = [self.discourse.visitor]  # "X ra sân bay tiễn Đoàn": the visiting delegation's head
            c.tag("delegation_anaphor")
        if verb.predicate == "met" and self.low(e) == _BETWEEN and len(c.object_keys) >= 2:
            # "cuộc hội đàm giữa A và B": the two sides are both named after the noun
            c.given, c.object_keys = c.object_keys[:1], c.object_keys[1:2]
            c.tag("talks_between")
        if verb.predicate == "attended" and not c.object_keys and self.discourse.event and self._anaphor_at(e):
            c.object_keys = [self.discourse.event]  # "chủ trì phiên khai mạc": the session named before
            c.tag("event_anaphor")

    def _passive_agents(self, c: _Clause) -> list[Span] | None:
        """``được X tiếp``: the people after ``được`` before the verb."""
        first = max(c.clause_start, c.prev_e, c.k - 20, 0)
        window = self.lows[first:c.k]
        if _PASSIVE not in window:
            return None
        m = first + window.index(_PASSIVE)
        agents = [sp for sp in self.spans if m < sp.i and sp.j <= c.k and sp.type in ("Person", "Title")]
        return agents or None

    def _passive_signing(self, c: _Clause) -> None:
        """``Tuyên bố chung đã được A và B ký kết``: the agents signed the document named before được."""
        if c.verb.predicate != "signed" or not c.passive or c.object_keys:
            return
        m = c.passive[0].i - 1
        while m > 0 and self.low(m) != _PASSIVE:
            m -= 1
        m -= 1
        while m > 0 and self.low(m) in _PASSIVE_ASPECT:
            m -= 1
        doc = self.covered[m] if m >= 0 else None
        if doc is None or doc.type != "Agreement" or doc.j != m + 1:
            return
        signers = self._resolve_all(c.passive, c.stypes)
        if signers:
            c.objects, c.object_keys, c.subject_keys = [doc], self._resolve_all([doc], c.otypes), signers
            c.tag("passive_signing")

    def _candidates(self, c: _Clause, chain: _Chain) -> list[Span]:
        """The spans before the verb, in its clause, that may be its subject."""
        k = c.k
        earliest = max(c.clause_start, c.prev_e if self._same_clause(c.prev_e, k) else 0)
        cands = [sp for sp in self.spans if earliest <= sp.i and sp.j <= k and not self._is_object_marked(sp)
                 and (sp not in chain.used_as_object or (c.verb.predicate == "visited" and k - sp.j <= 1))]
        if c.passive:
            cands = [sp for sp in cands if sp.j <= c.passive[0].i]
        cands = [sp for sp in cands if not self._in_relative(sp) and sp not in chain.inviters]
        relative = self._relative_head(k)
        if relative is not None:
            c.tag("relative_clause_subject")
            return [relative]
        return cands

    def _reduced_relative(self, c: _Clause) -> bool:
        """``theo Hiệp định giữa Chính phủ hai nước ký năm 2009``: the two countries signed it."""
        reduced = self.covered[c.k - 1] if c.verb.predicate == "signed" and c.k > 0 else None
        if reduced is None or reduced.type != "Agreement" or reduced.j != c.k or c.object_keys:
            return False
        parties = self._parties(reduced)
        if not parties and (not any(w in fold_case_and_spaces(reduced.text) for w in _BOTH_SIDES) or not self.discourse.countries):
            return False
        c.object_keys = self._resolve_all([reduced], c.otypes)
        c.objects = [reduced]
        if c.object_keys:
            c.given, c.own_date = parties or list(self.discourse.countries[:2]), True
            c.tag("reduced_relative")
        return True

    def _parties(self, doc: Span) -> list[str]:
        """``Bản ghi nhớ giữa A và B về X``: the organizations or countries named inside as its parties."""
        between = next((m for m in range(doc.i, doc.j) if self.low(m) == _BETWEEN), None)
        if between is None:
            return []
        topic = next((m for m in range(between, doc.j) if self.low(m) in _TOPIC_MARKERS), None)
        end = self.sylls[topic].start if topic is not None else doc.end
        # inner spans count syllables from their own parse; their character offsets are the sentence's
        inner = [sp for sp in doc.inner if self.sylls[between].end <= sp.start and sp.end <= end
                 and sp.type in ("Organization", "Country")]
        keys = self._resolve_all(inner, {"Organization", "Country"})
        return keys if len(keys) >= 2 else []

    def _parties_as_signers(self, c: _Clause) -> None:
        """A signing with no signer named: the parties inside the document's name (``ký Bản ghi nhớ giữa A và B``)."""
        if c.verb.predicate != "signed" or c.subject_keys:
            return
        for sp in c.objects:
            parties = self._parties(sp) if sp.type == "Agreement" else []
            if parties:
                c.subject_keys = parties
                c.construction = "parties_in_name"  # it bound the signers, the row's telling part
                return

    def _subject_of(self, c: _Clause, cands: list[Span]) -> list[str]:
        """The nearest candidate that resolves, with those coordinated to it."""
        # "X chúc mừng Y ... và nhắc lại kỷ niệm trong chuyến thăm Z": the visit is the sentence subject's
        recalled = c.nominal and c.verb.predicate == "visited" and self._phrase_before(c.k, _RECALLED_TRIPS) is not None
        for sp in cands if recalled else reversed(cands):
            keys = self._resolve_all([sp], c.stypes)
            if not keys:
                continue
            if c.verb.predicate == "met" and not c.object_keys:
                # coordinated subjects: "A và B hội đàm"
                for other in cands:
                    if other is not sp and other.j < sp.i:
                        more = self._resolve_all([other], c.stypes)
                        if more and self.low(other.j) in (_AND, ","):
                            keys = more + keys
            elif c.verb.predicate in ("attended", "signed", "visited"):
                joined = self._coordinated(sp, cands, c.stypes)
                if joined:
                    c.tag("coordinated_subjects")
                keys = joined + keys
            return keys
        return []

    def _guest_subject(self, c: _Clause, chain: _Chain) -> None:
        """A visit said of the guest just welcomed or met: ``chủ trì lễ đón X và Phu nhân thăm Y``."""
        if c.verb.predicate != "visited" or not chain.guests or c.prev_verb is None \
                or c.prev_verb.predicate != "met":
            return
        if _WELCOME_VERBS.intersection(c.prev_verb.trigger.split()):
            c.subject_keys = chain.guests
            c.tag("guest_visit")
        before = [sp for sp in self.spans if sp.j <= c.k]
        words = [self.low(m) for m in range(before[-1].j, c.k)] if before else []
        if words and words[0] == "," and all(w in _GUEST_APPOSITION
                                             for w in words[1:]):
            # "hội đàm với X, đang thăm chính thức Y": the apposition is about the guest X
            c.subject_keys = chain.guests
            c.tag("guest_visit")

    def _nominal_owner(self, c: _Clause) -> bool:
        """``chuyến thăm ... của X``: X visited; False when the owner is someone unnamed."""
        if not (c.nominal and c.verb.predicate == "visited"):
            return True
        owner = [sp for sp in self.spans if c.e <= sp.i < c.region_end and self.low(sp.i - 1) == _OF]
        first_of = next((m for m in range(c.e, c.region_end) if self.low(m) == _OF), None)
        if first_of is not None and self.low(first_of + 1) in _INDEFINITE_OWNERS:
            return False  # "chuyến thăm đầu tiên của một thành viên Nội các của Tổng thống X": someone unnamed
        if owner:
            keys = self._resolve_all(owner[:1], c.stypes)
            if keys:
                c.tag("nominal_visit")
            c.subject_keys = keys or c.subject_keys
        return True

    def _first_person(self, c: _Clause) -> bool:
        """``Tôi đã nhiều lần đến Việt Nam``, ông nói: the speaker, not the one in focus."""
        return any(self.low(m) in _FIRST_PERSON_FIRSTS and self._phrase_at(m, _FIRST_PERSON) is not None
                   for m in range(max(c.clause_start, c.prev_e), c.k))

    def _leader_of(self, c: _Clause) -> list[str]:
        """``Nhà lãnh đạo Belarus đánh giá cao ...``: the one person of the article holding that country's office."""
        for sp in self.spans:
            if sp.type != "Country" or not (c.clause_start <= sp.i and sp.j <= c.k) \
                    or self._phrase_before(sp.i, _LEADER_NOUNS) is None:
                continue
            got = self.resolve(sp)
            name = fold_case_and_spaces((self.discourse.names or {}).get(got[0], "")) if got else ""
            holders = [key for key, home in (self.discourse.homes or {}).items() if name and home == name]
            return holders if len(holders) == 1 else []
        return []

    def _fallback_subject(self, c: _Clause, chain: _Chain) -> None:
        """No subject before the verb: a fronted clause's, a pronoun's topic, the previous clause's."""
        if c.fronted is not None:
            c.subject_keys = self._resolve_all([c.fronted], c.stypes)
            c.tag("fronted_clause" if c.subject_keys else "")
        if not c.subject_keys and self._pronoun_before(c.k):
            # "A cảm ơn B; nhân dịp này, ông mời C": the pronoun is the sentence's topic
            topic = [sp for sp in self.spans if sp.j <= c.k and sp.type in ("Person", "Title")
                     and not self._is_object_marked(sp)]
            c.subject_keys = self._resolve_all(topic[:1], {"Person"})
            c.tag("pronoun_subject" if c.subject_keys else "")
        if not c.subject_keys:
            c.subject_keys = self._leader_of(c)
            c.tag("leader_of_country" if c.subject_keys else "")
        if c.subject_keys:
            return
        if chain.subject and c.t > 0:
            c.subject_keys, c.inherited = chain.subject, True
            c.tag("dropped_subject")
        elif self.discourse.subject and not any(sp.type in ("Person", "Title") and sp.j <= c.k for sp in self.spans) \
                and not c.nominal:
            c.subject_keys, c.inherited = [self.discourse.subject], True
            c.tag("subject_in_context")

    def _find_subjects(self, c: _Clause, chain: _Chain) -> bool:
        """The subject keys of ``c``; False when the clause states no relation after all."""
        c.passive = self._passive_agents(c)
        cands = self._candidates(c, chain)
        if self._reduced_relative(c):
            cands = []
        if c.verb.predicate == "signed" and self.low(c.k - 1) == _PASSIVE:
            by = [(m, len(phrase)) for m in range(c.e, c.region_end - 2)
                  if (phrase := self._phrase_at(m, _SIGNATURE_OF)) is not None]
            cands = [sp for sp in self.spans if by and sp.i == by[0][0] + by[0][1]]  # "với chữ ký của X"; else none
            c.tag("signature_of" if cands else "")
        c.subject_keys = self._subject_of(c, cands)
        self._passive_signing(c)
        if c.given:
            c.subject_keys = c.given
        self._guest_subject(c, chain)
        if not self._nominal_owner(c):
            return False
        if not c.subject_keys and self._first_person(c):
            return False
        if not c.subject_keys:
            self._fallback_subject(c, chain)
        self._parties_as_signers(c)
        if c.inherited and c.verb.predicate == "visited" and \
                not any(sp.type in ("Person", "Title") and sp.j <= c.k for sp in self.spans):
            # "hàng ... đi tiếp tới Trung Đông", ông X cho biết: a region reached with no one named
            # travelling is trade, not a visit
            regions = self.lex.set("regions")
            if len(c.object_keys) == len(c.objects):
                c.object_keys = [key for key, sp in zip(c.object_keys, c.objects, strict=False)
                                 if sp.type != "Location" or syllable_key(sp.name) not in regions]
        self._foreign_visitor(c, chain)
        return True

    def _at_home(self, person: str, country: str) -> bool:
        """The person holds an office of ``country`` (from the article's titles)."""
        name = (self.discourse.names or {}).get(country)
        return bool(name) and (self.discourse.homes or {}).get(person) == fold_case_and_spaces(name or "")

    def _foreign_visitor(self, c: _Clause, chain: _Chain) -> None:
        """An official does not visit his own country: ``A tiếp B, nhân dịp sang Việt Nam dự X``: B visits."""
        if c.verb.predicate != "visited" or not c.subject_keys:
            return
        countries = [key for key in c.object_keys if entity_type(key) == "Country"]
        if not countries or not all(self._at_home(s, countries[0]) for s in c.subject_keys):
            return
        guests = [g for g in chain.guests if entity_type(g) == "Person" and not self._at_home(g, countries[0])]
        c.subject_keys = guests
        if guests:
            c.construction = "foreign_visitor"

    def _complete_met(self, c: _Clause) -> None:
        """``hội đàm với người đồng cấp Lào``, ``A và B hội đàm``: met's object from the subject's side."""
        if c.verb.predicate != "met" or c.object_keys or not c.subject_keys:
            return
        counterpart = self._counterpart(c.e + (1 if self.low(c.e) == _WITH else 0), c.subject_keys[0])
        if counterpart:
            c.object_keys = [counterpart]
            c.tag("counterpart")
        elif len(c.subject_keys) >= 2:
            first, *rest = c.subject_keys
            c.subject_keys, c.object_keys = [first], rest
            c.tag("joint_subjects")

    def _co_chair(self, c: _Clause) -> None:
        """``A đồng chủ trì với B Diễn đàn X``: B co-chairs X too."""
        if c.verb.trigger not in _CO_CHAIRING or self.low(c.e) != _WITH or not c.subject_keys:
            return
        partner = self.covered[c.e + 1] if c.e + 1 < self.n else None
        if partner is not None and partner.i == c.e + 1 and partner.type in ("Person", "Title"):
            c.subject_keys = c.subject_keys + [key for key in self._resolve_all([partner], {"Person"})
                                               if key not in c.subject_keys]

    def _emit(self, c: _Clause, chain: _Chain) -> list[RawRelation]:
        """The rows of one clause, and what it hands the next."""
        k, e, verb = c.k, c.e, c.verb
        clause_subject = c.subject_keys
        if c.passive:
            agent_keys = self._resolve_all(c.passive, {"Person"})
            if agent_keys and verb.predicate == "met":
                # "X hội kiến A, được B tiếp, và dự C": X, not B, stays the subject of what follows
                c.object_keys = c.subject_keys or ([self.discourse.subject] if self.discourse.subject else [])
                clause_subject = c.object_keys
                c.subject_keys = agent_keys
                c.tag("passive_agent")
        modality = self._modality(c.clause_start if not c.inherited else c.prev_e, k)
        if modality is None:
            modality = chain.modality if c.inherited or c.t > 0 and self._same_clause(c.prev_e, k) else "done"
        self._complete_met(c)
        if c.subject_keys and not c.inherited and verb.predicate != "invited" and not c.passive:
            chain.subject = c.subject_keys  # "A đặt vòng hoa tại X; chào B": B's subject is A
        self._co_chair(c)
        if not c.subject_keys or not c.object_keys or self._requested(k):
            return []
        for sp in c.objects:
            chain.used_as_object.add(sp)
        if verb.predicate == "met":
            chain.guests = c.object_keys
        if verb.predicate == "visited" and not c.inherited:
            chain.visitors = [key for key in c.subject_keys if key not in self.discourse.spouses]
        date = self._date(k, self.sylls[c.region_end - 1].end if c.region_end > 0 else self.sylls[k].end)
        if c.own_date:
            # the relative clause carries its own time: "Hiệp định ... ký năm 2009"
            # ("ký tại P ngày D"), up to the clause's first comma
            stop = next((self.sylls[m].start for m in range(e, c.region_end) if self.sylls[m].text == ","), self.sylls[-1].end)
            clause_dates = [d for d in self.dates if self.sylls[e - 1].end <= d.start <= min(self.sylls[e - 1].end + 40, stop)]
            date = clause_dates[0].value if clause_dates else None
        conf = 0.9 if not c.inherited else 0.75
        # "đã ký X (1994), Y (2002)": each document dated by its own year
        years = {key: year for sp in c.objects if verb.predicate == "signed" and (year := self._year_after(sp))
                 for key in self._resolve_all([sp], c.otypes)}
        # "X và Phu nhân Y thăm ...": the spouse accompanies, the gold has her meet, not visit
        out = [self._make(s, verb, o, k, e, c.region_end, years.get(o, date), conf, modality,
                          construction=c.construction)
               for s in c.subject_keys if not (verb.predicate == "visited" and s in self.discourse.spouses)
               for o in c.object_keys if s != o]
        if verb.predicate != "invited":
            if all(entity_type(key) != "Country" or verb.predicate == "signed" for key in clause_subject):
                chain.subject = clause_subject
            chain.modality = modality
        return out

    def _inverted(self, k: int, e: int, verb: Verb) -> list[RawRelation] | None:
        """``Dự X có A; B; C``, ``Đón X tại sân bay có A``: the subjects follow ``có``, the object precedes it."""
        if any(sp.i < k and sp.type != "Location" for sp in self.spans) or any(
                self.sylls[m].is_word and not self.sylls[m].is_num and self.covered[m] is None
                and self.low(m) not in _FRONT_OK | _AT_THE_AIRPORT for m in range(k)):
            return None
        has = None
        for m in range(e, min(self.n, e + 25)):
            if self.low(m) in (";", ".", ",", ":"):
                return None
            if self.low(m) == _HAS:
                has = m
                break
        if has is None:
            return None
        subjects = self._resolve_all([sp for sp in self.spans if sp.i > has and sp.type in ("Person", "Title")],
                                     {"Person"})
        phrase = [sp for sp in self.spans if e <= sp.i and sp.j <= has]
        if verb.predicate == "met":
            objects = self._resolve_all([sp for sp in phrase if sp.type in ("Person", "Title")], {"Person"})
            if not objects and self.discourse.subject and any(self.low(m) in _GUEST_REFERENCES
                                                      for m in range(e, has)):
                objects = [self.discourse.subject]  # "Đón ông / Đoàn tại sân bay có X": the guest in context
        else:
            objects = self._resolve_all([sp for sp in phrase if sp.type == "Event"], {"Event"})
            if not objects and not phrase and self._event_anaphor(e, has) and self.discourse.event:
                objects = [self.discourse.event]
        if not subjects or not objects:
            return []
        date = self._date(k, self.sylls[-1].end)
        return [self._make(s, verb, o, k, e, self.n, date, 0.85, construction="inverted_has")
                for s in subjects for o in objects if s != o]

    def _anaphor_at(self, m: int) -> int:
        """Length of a lowercase event noun at ``m`` that names nothing itself (no name after it)."""
        if self.covered[m] is not None if m < self.n else True:
            return 0
        for a in _EVENT_ANAPHORS:
            n = len(a)
            if tuple(self.low(m + x) for x in range(n)) == a and not self.sylls[m].is_cap \
                    and not (m + n < self.n and (self.sylls[m + n].is_cap or self.sylls[m + n].is_num)):
                return n
        return 0

    def _event_anaphor(self, e: int, end: int) -> bool:
        """Between ``e`` and ``end`` only a lowercase event noun (or nothing): ``phiên khai mạc``."""
        words = tuple(self.low(m) for m in range(e, end) if self.sylls[m].is_word)
        return not words or words in _CEREMONY_NOUNS or \
            any(words[:len(a)] == a and len(words) == len(a) for a in _EVENT_ANAPHORS)

    def _fronted_subject(self, k: int, e: int) -> Span | None:
        """``Đến Hà Nội từ tối qua, Thủ tướng X ...``: a clause opening the sentence has the subject after its comma."""
        if any(sp.i < k for sp in self.spans) or any(self.sylls[m].is_word and not self.sylls[m].is_num
                                                      and self.low(m) not in _FRONT_OK for m in range(k)):
            return None
        for m in range(e, self.n):
            if self.low(m) in (";", ".", ":", _HAS):
                return None  # "Đón ông tại sân bay có X, Y và Z": X, Y, Z are the subjects, after "có"
            if self.low(m) == ",":
                sp = self.covered[m + 1] if m + 1 < self.n else None
                if sp is not None and sp.i == m + 1 and sp.type in ("Person", "Title"):
                    return sp
        return None

    def _coordinated(self, sp: Span, cands: list[Span], stypes: set[str]) -> list[str]:
        """``A và B cùng dự X``, ``A, B và C ký X``: the subjects joined to ``sp`` before it."""
        # objects-marked spans count too: "chứng kiến A và B ký X"
        by_end = {other.j: other for other in self.spans if other.j <= sp.i}
        joined: list[Span] = []
        cur = sp
        if sp.type == "Country" and sp.i - 1 in by_end and self.sylls[sp.i - 1].text in ("-", "–") and \
                by_end[sp.i - 1].type == "Country":
            return self._resolve_all([by_end[sp.i - 1]], stypes)  # "Việt Nam - Nhật Bản ký X": both sign
        if self.low(sp.i - 1) == _AND and self.low(sp.i - 2) == ",":
            # "A, khi đó là Bộ trưởng Bộ Quốc phòng, và B đã ký X": A is joined across its apposition
            m = sp.i - 3
            while m > 0 and m > sp.i - 16 and self.low(m) not in (",", ";", "."):
                m -= 1
            if self.low(m) == "," and m in by_end and self._phrase_at(m + 1, _APPOSITION_COPULAS) is not None:
                return self._resolve_all([by_end[m]], stypes)
        while cur.i - 1 in by_end and self.low(cur.i - 1) in (_AND, ","):
            if self.low(cur.i - 1) == "," and not joined and self.low(sp.i - 1) != _AND:
                break  # "X, Chủ tịch Y": an apposition, not a list
            if self.low(cur.i - 1) == "," and by_end[cur.i - 1].type == "Group":
                break  # "Dưới sự chứng kiến của hai nhà lãnh đạo, A và B ký": the witnesses end the list
            cur = by_end[cur.i - 1]
            joined.append(cur)
        if not joined or self.low(sp.i - 1) != _AND:
            return []
        return [key for other in reversed(joined) for key in self._resolve_all([other], stypes)]

    def _relative_object(self, k: int, lo: int) -> Span | None:
        """``X mà A ký``, ``X, được ký ... với chữ ký của A``: the agreement named before a relative clause."""
        rel = k - 1 if self.low(k - 1) == _PASSIVE else None
        for r in range(k - 1, max(lo, k - 8) - 1, -1):
            if rel is None and self.low(r) == _WHICH:
                rel = r
                break
        if rel is None:
            return None
        for sp in reversed(self.spans):
            if sp.j <= rel and sp.type == "Agreement":
                between = [self.sylls[x].text for x in range(sp.j, rel)]
                if all(t in _RELATIVE_OBJECT_GLUE or self.sylls[sp.j].text == "(" for t in between) \
                        and len(between) <= 4:
                    return sp
                return None
        return None

    def _in_relative(self, sp: Span) -> bool:
        """``X, người tháp tùng Tổng thống, đã ...``: a mention inside the relative clause is not the subject."""
        m = sp.i - 1
        while m >= 0 and self.low(m) != ",":
            if self.low(m) == _WHO and self.low(m - 1) == ",":
                head = self.covered[m - 2] if m >= 2 else None
                # "Trước đó, người tiền nhiệm ... là X": no one before the comma, so no relative clause
                return head is not None and head.type in ("Person", "Title", "Country", "Organization")
            m -= 1
        return False

    def _relative_head(self, k: int) -> Span | None:
        """``gặp X, người sẽ dự Y``: the verb of a relative clause has the person before ``người``."""
        m = k - 1
        while m >= 0 and self.low(m) in _RELATIVE_CLAUSE_ASPECT:
            m -= 1
        if self.low(m) != _WHO or self.low(m - 1) != ",":
            return None
        sp = self.covered[m - 2] if m >= 2 else None
        return sp if sp is not None and sp.type in ("Person", "Title") else None

    def _same_clause(self, a: int, b: int) -> bool:
        return ";" not in self.lows_between(a, b)

    def _visit_objects(self, e: int, end: int, verb: Verb) -> list[Span]:
        travel = verb.trigger in _JOURNEY_OR_ENTRY
        m = e
        while m < end and self.covered[m] is None and self.low(m) in _VISIT_MODIFIERS and not travel:
            m += 1
        region = self._phrase_at(m, _REGION_NOUNS) if travel else None
        if region is not None and self.covered[m] is None:
            m += len(region)  # "tới khu vực Đông Nam Á"
        sp = self.covered[m] if m < end else None
        if sp is not None and sp.i == m and sp.type == "Organization" and "Organization" in verb.objects \
                and self.sylls[m].is_cap and self.low(m - 1) == verb.trigger.split()[-1]:
            return [sp]  # "thăm Đại học Oxford", "thăm Ban Thư ký ASEAN": an institution's premises
        if sp is None or sp.i != m or sp.type not in ("Country", "Location"):
            return []
        if sp.type == "Location" and syllable_key(sp.name) in self.lex.set("regions") and not travel:
            # "chuyến thăm Mỹ Latinh": a tour's region, the visits are to countries; but "tới châu Âu",
            # "sang khu vực Trung Đông": a journey to the region itself
            return []
        found = [sp]
        # "Kuala Lumpur, Malaysia": the place and its country
        if sp.j < end and self.low(sp.j) == "," and sp.j + 1 < self.n:
            nxt = self.covered[sp.j + 1]
            # "Sân bay Quốc tế Nội Bài, Hà Nội": the city of an arrival point too
            if nxt is not None and nxt.i == sp.j + 1 and (nxt.type == "Country" or nxt.type == "Location"
                                                          and sp.type == "Location"):
                found.append(nxt)
        # "Zurich (Thụy Sĩ)": the place and, in parentheses, its country
        if sp.type == "Location" and self.low(sp.j) == "(" and sp.j + 1 < self.n:
            nxt = self.covered[sp.j + 1]
            if nxt is not None and nxt.i == sp.j + 1 and nxt.type == "Country" and self.low(nxt.j) == ")":
                found.append(nxt)
        # "thăm chính thức Ba Lan và Cộng hòa Séc": coordinated countries
        last = found[-1]
        while self.low(last.j) in (_AND, ",") and last.j + 1 < end:
            nxt = self.covered[last.j + 1]
            if nxt is None or nxt.i != last.j + 1 or nxt.type != "Country" or last.type != "Country":
                break
            found.append(nxt)
            last = nxt
        return found

    def listed_rows(self, found: list[RawRelation], listed: Sequence[ListedDocument]) -> list[RawRelation]:
        """``ký các văn kiện sau:`` or ``chứng kiến lễ trao đổi các văn kiện, gồm:`` and one document a line.

        A signing stated in this sentence gives its signers each listed document, in place of the
        summary it signed (``các văn kiện``); a signing or exchange ceremony with no signer gives
        the parties named inside each document (an item with none gives no row).
        """
        summary = [rel for rel in found if rel.predicate == "signed" and self._summary_document(rel.object)]
        if summary:
            rows = [replace(rel, object=key, construction="listed_documents") for rel in summary
                    for doc, _ in listed for key in self._resolve_all([doc], {"Agreement"}) if key != rel.subject]
            return [rel for rel in found if rel not in summary] + rows
        signing = self._signing_without_signer()
        if signing is None or any(rel.predicate == "signed" for rel in found):
            return found
        k, e, verb = signing
        modality = self._modality(self.clause_start(k), k) or "done"
        if modality == "negated":
            return found
        date = self._date(k, max((d.end for d in self.dates), default=0))
        return found + [self._make(party, verb, key, k, e, self.n, date, 0.85, modality,
                                   construction="listed_documents")
                        for doc, sylls in listed for key in self._resolve_all([doc], {"Agreement"})
                        for party in self._item_parties(doc, sylls)]

    def _signing_without_signer(self) -> tuple[int, int, Verb] | None:
        """A signing or exchange ceremony (``lễ ký``, ``việc trao đổi``), else a signing verb with no signer
        (``Các văn kiện được ký kết gồm:``): where it is said and the verb its rows carry."""
        k = next((m for m in range(self.n) if self._ceremony_len(m)), None)
        verb = next((v for v in self.lex.verbs if v.predicate == "signed" and v.trigger == _LISTED_DOCUMENT_TRIGGER), None)
        if k is not None and verb is not None:
            return k, k + self._ceremony_len(k), verb
        return next(((k, e, verb) for k, e, verb in self.triggers() if verb.predicate == "signed"), None)

    def _item_parties(self, doc: Span, sylls: list[Syl]) -> list[str]:
        """The parties inside the name of a document listed on a line of its own, read in that line."""
        return _Sentence(sylls, [doc], self.resolve, [], self.lex, Discourse())._parties(doc)

    def _summary_document(self, key: str) -> bool:
        """The document a signing row names is a lower-case summary (``các văn kiện``, ``3 thỏa thuận``)."""
        return any(sp.type == "Agreement" and not sp.text[:1].isupper() and (got := self.resolve(sp)) is not None
                   and got[0] == key for sp in self.spans)

    def _ceremony_len(self, k: int) -> int:
        """The syllables of a signing or exchange ceremony's head at ``k`` (``lễ ký kết``, ``lễ trao đổi``)."""
        return next((len(head) for head in _SIGNING_CEREMONIES if tuple(self.lows[k:k + len(head)]) == head), 0)

    def _make(self, s: str, verb: Verb, o: str, k: int, e: int, region_end: int, date: str | None,
              conf: float, modality: str = "done", *, construction: str = "verb_clause") -> RawRelation:
        return RawRelation(s, verb.predicate, o, verb, modality, date, self.sylls[k].start, self.sylls[e - 1].end,
                           self.sylls[0].start, self.sylls[-1].end, conf, construction)


def find_relations(sylls: list[Syl], spans: list[Span], resolve: Callable[[Span], tuple[str, str] | None],
                   dates: list[TimeExpr], lex: Lexicon, discourse: Discourse,
                   listed: Sequence[ListedDocument] = ()) -> list[RawRelation]:
    """The relations stated in one sentence; updates ``discourse.subject``.

    ``resolve`` maps a span to ``(entity key, entity type)`` or ``None``; ``listed``: the
    documents listed on the lines after the sentence (``kg.extract.document_lists``).
    """
    sentence = _Sentence(sylls, spans, resolve, dates, lex, discourse)
    found = sentence.run()
    if listed:
        found = sentence.listed_rows(found, listed)
    for sp in spans:
        got = resolve(sp) if sp.type == "Event" else None
        if got and got[1] == "Event":
            discourse.event = got[0]
    for sp in spans:
        got = resolve(sp) if sp.type == "Agreement" and sp.text[:1].isupper() else None
        if got and got[1] == "Agreement":
            discourse.agreement = got[0]
    joint: dict[int, list[str]] = {}
    for rel in found:
        if entity_type(rel.subject) == "Person" and rel.predicate in ("attended", "signed") \
                and rel.subject not in joint.setdefault(rel.trigger_start, []):
            joint[rel.trigger_start].append(rel.subject)  # "A và B đồng chủ trì X": they are a pair too
    for subjects in joint.values():
        if len(subjects) == 2:
            if discourse.pairs is None:
                discourse.pairs = []
            discourse.pairs.append((subjects[0], subjects[1]))
    for rel in found:
        if rel.predicate == "visited" and entity_type(rel.subject) == "Person" and rel.modality != "planned":
            discourse.visitor = rel.subject
        if rel.predicate == "met" and entity_type(rel.subject) == entity_type(rel.object) == "Person":
            if discourse.pairs is None:
                discourse.pairs = []
            discourse.pairs.append((rel.subject, rel.object))
        if entity_type(rel.subject) == "Person" and rel.predicate != "invited":
            discourse.subject = rel.subject  # an inviter ("theo lời mời của X") is not the one in focus
    if not found:
        for sp in spans:
            got = resolve(sp)
            if got and got[1] == "Person" and sp.i < 4:
                discourse.subject = got[0]
                break
    return found
