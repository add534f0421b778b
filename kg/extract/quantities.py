"""Trade and investment figures: "Kim ngạch thương mại ... đạt gần 2,5 tỷ USD, tăng 50,4%"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["RawQuantity", "find_quantities"]


def _read_lists() -> dict[str, list[tuple[str, str]]]:
    """``kg/resources/quantities.tsv``: each list's (word, value) rows, in file order."""
    text = resources.files("kg.resources").joinpath("quantities.tsv").read_text(encoding="utf-8")
    lists: dict[str, list[tuple[str, str]]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, word, *value = line.split("\t")
            lists.setdefault(name, []).append((word, value[0] if value else ""))
    return lists


def _either(name: str) -> str:
    """A regex alternation of one list's words, in file order."""
    return "|".join(re.escape(word) for word, _ in _LISTS[name])


_LISTS = _read_lists()
_NUMBER = r"(\d+(?:[.,]\d+)*)"


def _words(name: str) -> tuple[str, ...]:
    return tuple(word for word, _ in _LISTS[name])


def _starts(words: tuple[str, ...]) -> str:
    """A lookahead for how a figure with one of ``words`` before it starts: a match at any other
    position fails at one test instead of trying each word (a figure is rare, "đồng" is not)."""
    return "(?=[\\d" + "".join(sorted({word[0] for word in words})) + "])"


_AMOUNT = re.compile(
    rf"{_starts(_words('amount_qualifiers'))}(?:({_either('amount_qualifiers')})\s+)?{_NUMBER}\s*"
    rf"({_either('scales')})?\s*({_either('currencies')})\b", re.IGNORECASE)
_COUNT = re.compile(rf"{_starts(_words('count_qualifiers'))}(?:({_either('count_qualifiers')})\s+)?{_NUMBER}\s+"
                    rf"({_either('project_nouns')})\b", re.IGNORECASE)
_CHANGE = re.compile(rf"({_either('rises')}|{_either('falls')})\s+(?:{_either('change_qualifiers')})?\s*{_NUMBER}\s*%",
                     re.IGNORECASE)
_RISES = {word.lower() for word, _ in _LISTS["rises"]}
_DIGIT = re.compile(r"\d")


def _parts(name: str) -> re.Pattern[str]:
    """The words of a list no other of its words is part of ("đô la" for "đô la Mỹ"): one of them is in
    every match of the list, and they are found faster than the patterns run."""
    words = [word.lower() for word, _ in _LISTS[name]]
    return re.compile("|".join(re.escape(word) for word in words if not any(other != word and other in word
                                                                            for other in words)), re.IGNORECASE)


_CURRENCY = _parts("currencies")
_PROJECTS = _parts("project_nouns")
_SCALE: dict[str | None, float] = {word.lower(): float(value) for word, value in _LISTS["scales"]}
_SCALE[None] = 1.0
_METRICS = [(word, metric) for word, metric in _LISTS["metrics"]]
_APPROX = {word.lower(): meaning for word, meaning in _LISTS["qualifier_meanings"]}


@dataclass(frozen=True, slots=True)
class RawQuantity:
    metric: str
    value: float
    unit: str
    qualifier: str
    change_pct: float | None
    start: int
    end: int


def _number(text: str) -> float:
    # Vietnamese writes 2,5 for 2.5 and 1.000 for 1000
    if "," in text:
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return float(text.replace(".", ""))
    return float(text)


def _metric(prefix: str) -> str | None:
    low = prefix.lower()
    best = None
    for word, metric in _METRICS:
        at = low.rfind(word.lower())
        if at >= 0 and (best is None or at > best[0]):
            best = (at, metric)
    return best[1] if best else None


def find_quantities(text: str) -> list[RawQuantity]:
    """Figures in one sentence with the metric named before them.

    >>> q = find_quantities("Kim ngạch thương mại đạt gần 2,5 tỷ USD, tăng 50,4% so với năm 2024")
    >>> (q[0].metric, q[0].value, q[0].unit, q[0].qualifier, q[0].change_pct)
    ('trade_turnover', 2500000000.0, 'USD', 'approx', 50.4)
    """
    if _DIGIT.search(text) is None:
        return []  # every figure has a digit, and most sentences have none
    out = []
    amounts = _AMOUNT.finditer(text) if _CURRENCY.search(text) else ()
    counts = _COUNT.finditer(text) if _PROJECTS.search(text) else ()
    for m in amounts:
        metric = _metric(text[:m.start()])
        if metric is None:
            continue
        value = _number(m.group(2)) * _SCALE[m.group(3).lower() if m.group(3) else None]
        change = _CHANGE.search(text, m.end(), m.end() + 40)
        out.append(RawQuantity(metric, value, m.group(4), _APPROX.get((m.group(1) or "").lower(), ""),
                               _number(change.group(2)) * (1 if change.group(1).lower() in _RISES else -1)
                               if change else None, m.start(), m.end()))
    for m in counts:
        out.append(RawQuantity("project_count", _number(m.group(2)), "project",
                               _APPROX.get((m.group(1) or "").lower(), ""), None, m.start(), m.end()))
    return sorted(out, key=lambda q: q.start)
