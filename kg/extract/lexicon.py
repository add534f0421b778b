"""The extraction lexicons: offices, verbs, head nouns, gazetteers, as data.

Everything lives in ``kg/resources`` (TSV and JSON) and is read through
``importlib.resources``. A user extends them without touching code: files
with the same names in the directory named by ``VNKG_LEXICON_DIR`` are read
too, and their rows are added to ours.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from kg.extract.base import SpanType
from kg.text import fold_case_and_spaces

__all__ = ["HOME_COUNTRY", "Lexicon", "Place", "Verb", "load_countries", "load_lexicon", "load_phrase_lists", "load_titles_en",
           "syllable_key"]

# the country the news is written in: its provinces (vn_provinces) are its places, its officials'
# offices are named without it ("Thủ tướng Phạm Minh Chính")
HOME_COUNTRY = "Việt Nam"
# the syllables as kg.extract.base splits a sentence ("TP." and "HCM", "KH&CN" whole), so
# that a key made from a word list matches the text it is looked up in
_SYL = re.compile(r"\b(?:[A-ZĐ]|Jr|TP|Tp|St)\.(?=\s|\w)|\w+(?:[-'’.&]\w+)*|…|\S")


def syllable_key(text: str) -> tuple[str, ...]:
    """The folded syllables of a phrase: the key every lexicon is looked up by.

    >>> syllable_key("Tổng  Bí Thư")
    ('tổng', 'bí', 'thư')
    """
    return _syllable_key(text)


@lru_cache(maxsize=8192)  # asked for every mention's name, and names repeat
def _syllable_key(text: str) -> tuple[str, ...]:
    return tuple(fold_case_and_spaces(syl) for syl in _SYL.findall(" ".join(text.split())))


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: canonical name, type, aliases, English names, the country of a city."""

    name: str
    type: SpanType  # Country, Location or Organization
    aliases: tuple[str, ...] = ()
    english: tuple[str, ...] = ()
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Verb:
    trigger: str
    predicate: str
    kind: str
    cameo: str | None
    objects: tuple[str, ...]


@dataclass(slots=True)
class Lexicon:
    """All word lists, keyed by folded syllable tuples where they are matched in text."""

    offices: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    places: dict[tuple[str, ...], list[tuple[str, Place]]] = field(default_factory=dict)
    leaders: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    verbs: list[Verb] = field(default_factory=list)
    words: dict[str, list[str]] = field(default_factory=dict)
    sets: dict[str, frozenset[tuple[str, ...]]] = field(default_factory=dict)
    countries: dict[str, Place] = field(default_factory=dict)  # canonical name -> the country
    # a verb syllable -> the second syllables that make it half of another word ("tiếp tục")
    blocked_next: dict[str, frozenset[str]] = field(default_factory=dict)

    def set(self, name: str) -> frozenset[tuple[str, ...]]:
        return self.sets.get(name, frozenset())


_DERIVED: dict[str, list[tuple[Any, Any]]] = {}  # kind -> (source, derived), newest last
_SOURCES_PER_KIND = 8


def derived(source: Any, kind: str, make: Callable[[Any], Any]) -> Any:
    """``make(source)``, computed once per word list (or lexicon) and remembered.

    Word lists are built once, when the lexicon loads, and never change: an
    index derived from one (its longest key, its first syllables) stays valid.
    The tables are unhashable, so a source is found by identity among the
    last few of its kind (one in a run; a few where tests load other lexicons).
    """
    kept = _DERIVED.setdefault(kind, [])
    for held, value in reversed(kept):
        if held is source:
            return value
    value = make(source)
    kept.append((source, value))
    del kept[:-_SOURCES_PER_KIND]
    return value


def _texts(name: str) -> list[str]:
    texts = [resources.files("kg.resources").joinpath(name).read_text(encoding="utf-8")]
    extra = os.environ.get("VNKG_LEXICON_DIR")
    if extra and (Path(extra) / name).is_file():
        texts.append((Path(extra) / name).read_text(encoding="utf-8"))
    return texts


def _rows(name: str) -> list[list[str]]:
    rows = []
    for text in _texts(name):
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([cell.strip() for cell in line.split("\t")])
    return rows


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _cell(row: list[str], i: int) -> str:
    return row[i] if i < len(row) else ""


def _add_place(lex: Lexicon, form: str, place: Place) -> None:
    for written in {form, form.replace(" - ", "-")}:  # "Bà Rịa - Vũng Tàu" is printed "Bà Rịa-Vũng Tàu" too
        entries = lex.places.setdefault(syllable_key(written), [])
        if all(p.name != place.name or p.type != place.type for _, p in entries):
            entries.append((written, place))


def _abbreviations() -> list[tuple[str, tuple[str, ...]]]:
    """(full form, its short forms) from abbreviations.tsv."""
    return [(row[0], _split(_cell(row, 1))) for row in _rows("abbreviations.tsv")]


def _add_abbreviated_offices(lex: Lexicon, table: list[tuple[str, tuple[str, ...]]]) -> None:
    """``Chủ tịch QH`` is the office ``Chủ tịch Quốc hội``: each office is also found by its short forms."""
    for _key, (title, heads) in list(lex.offices.items()):
        for full, shorts in table:
            if full not in title or full == title:
                continue
            for short in shorts:
                lex.offices.setdefault(syllable_key(title.replace(full, short)), (title, heads))


@lru_cache(maxsize=8)
def _table_rows(name: str) -> tuple[list[str], ...]:
    """A table's rows, read once however many loaders ask (the lexicon, kg.rdf's English labels)."""
    return tuple(_rows(name))


@lru_cache(maxsize=1)
def load_titles_en() -> dict[str, str]:
    """Office title as printed -> its English name (offices.tsv, column 3), without building the lexicon.

    >>> load_titles_en()["Thủ tướng"]
    'Prime Minister'
    """
    titles: dict[str, str] = {}
    for row in _table_rows("offices.tsv"):
        if _cell(row, 2):
            titles.setdefault(row[0], _cell(row, 2))
    return titles


@lru_cache(maxsize=1)
def load_countries() -> dict[str, Place]:
    """Canonical name -> the country (countries.tsv), in file order, without building the lexicon."""
    return {row[0]: Place(row[0], "Country", _split(_cell(row, 1)), _split(_cell(row, 2)))
            for row in _table_rows("countries.tsv")}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read every lexicon file once.

    >>> lex = load_lexicon()
    >>> lex.places[syllable_key("Mỹ")][0][1].name
    'Hoa Kỳ'
    """
    lex = Lexicon()
    for row in _table_rows("offices.tsv"):
        if _cell(row, 3) != "label only":
            lex.offices[syllable_key(row[0])] = (row[0], _split(_cell(row, 1)))
    _add_abbreviated_offices(lex, _abbreviations())
    for row in _table_rows("countries.tsv"):
        country = Place(row[0], "Country", _split(_cell(row, 1)), _split(_cell(row, 2)))
        lex.countries[country.name] = country
        for form in (country.name, *country.aliases, *country.english):
            _add_place(lex, form, country)
        for city in _split(_cell(row, 3)):
            forms = [f.strip() for f in city.split("=") if f.strip()]
            place = Place(forms[0], "Location", tuple(forms[1:]), (), country.name)
            for form in forms:
                _add_place(lex, form, place)
    # "Cộng hòa Ấn Độ", "Vương quốc Bỉ", "Liên bang Brazil": a state's formal prefix before its short name
    prefixes = [syllable_key(w) for w in json.loads(_texts("lexicon.json")[0]).get("state_prefixes", [])]
    for key, entries in list(lex.places.items()):
        for form, place in entries:
            if place.type == "Country" and form == place.name:
                for prefix in prefixes:
                    lex.places.setdefault(prefix + key, [(" ".join(prefix) + " " + form, place)])
    for row in _rows("organizations.tsv"):
        org = Place(row[0], "Organization", _split(_cell(row, 1)), _split(_cell(row, 2)))
        for form in (org.name, *org.aliases, *org.english):
            _add_place(lex, form, org)
    for full, shorts in _abbreviations():
        # "Bộ GD-ĐT" is "Bộ Giáo dục và Đào tạo": a ministry named short, the short form an alias
        ministry = Place("Bộ " + full, "Organization", tuple("Bộ " + short for short in shorts))
        known = [p for _, p in lex.places.get(syllable_key(ministry.name), []) if p.type == "Organization"]
        for form in (ministry.name, *ministry.aliases):
            _add_place(lex, form, known[0] if known else ministry)
    for row in _rows("leaders.tsv"):
        latin = _split(_cell(row, 1))
        for form in (row[0], *latin):
            lex.leaders[syllable_key(form)] = (row[0], latin)
    for row in _rows("blocked_next.tsv"):
        lex.blocked_next[row[0]] = lex.blocked_next.get(row[0], frozenset()) | frozenset(_split(_cell(row, 1)))
    for row in _rows("verbs.tsv"):
        lex.verbs.append(Verb(row[0], row[1], row[2], _cell(row, 3) or None, _split(_cell(row, 4))))
    lex.verbs.sort(key=lambda v: -len(syllable_key(v.trigger)))
    for text in _texts("lexicon.json"):
        for list_name, values in json.loads(text).items():
            lex.words.setdefault(list_name, []).extend(values)
    for list_name, values in lex.words.items():
        lex.sets[list_name] = frozenset(syllable_key(v) for v in values)
    for name in lex.words.get("places", []):
        _add_place(lex, name, Place(name, "Location"))
    for name in lex.words.get("vn_provinces", []):
        _add_place(lex, name, Place(name, "Location", (), (), HOME_COUNTRY))
    return lex


@cache
def load_phrase_lists(name: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The named word lists of the JSON resource ``name``, each phrase as its syllable key, in file order.

    >>> load_phrase_lists("relations.json")["spouse_titles"]
    (('phu', 'nhân'), ('phu', 'quân'))
    """
    lists: dict[str, list[tuple[str, ...]]] = {}
    for text in _texts(name):
        for list_name, values in json.loads(text).items():
            lists.setdefault(list_name, []).extend(syllable_key(value) for value in values)
    return {list_name: tuple(phrases) for list_name, phrases in lists.items()}
