"""Vietnamese time expressions -> ISO 8601 (possibly partial) strings.

Absolute forms (``2/12/1975``, ``ngày 1-2/12``, ``tháng 7/2024``, ``năm 2026``,
``ngày 3 tháng 12 năm 2025``) and relative ones (``hôm nay``, ``chiều 3/12``,
``hôm qua``, ``10 tháng đầu năm 2025``) are resolved against the article's
date. A day and month without a year take the year that puts them nearest
to the article date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["TimeExpr", "dates_in", "find_dates"]

_PARTS = ("sáng", "chiều", "tối", "trưa", "đêm", "rạng sáng", "ngày", "hôm", "đầu", "cuối", "giữa", "hồi", "vào")
_PART = "(?:" + "|".join(_PARTS) + ")"
_PART_OR_DIGIT = "[\\d" + "".join(sorted({part[0] for part in _PARTS})) + "]"  # how a day-month match starts
# a lookahead for the first character some match can start with comes first where it pays: at
# every other position the pattern fails at one test instead of trying each alternative
_DAY_MONTH_YEAR = re.compile(
    rf"(?={_PART_OR_DIGIT})(?:\b{_PART}\s+)?(?<![\d/])(\d{{1,2}})(?:\s*[-–]\s*(\d{{1,2}}))?\s*/\s*(\d{{1,2}})(?:\s*/\s*(\d{{4}}))?(?![\d/])",
    re.IGNORECASE)
_DAY_WORDS = re.compile(
    r"\bngày\s+(\d{1,2})(?:\s*[-–]\s*\d{1,2})?\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?", re.IGNORECASE)
# "sáng 15-6", "ngày 24-10-2011": day and month joined by a hyphen, anchored by a part of the day
_DAY_DASH_MONTH = re.compile(
    r"\b(?:sáng|chiều|tối|trưa|đêm|rạng sáng|ngày|hôm)\s+(\d{1,2})\s*[-–]\s*(\d{1,2})(?:\s*[-–]\s*(\d{4}))?(?![\d/])",
    re.IGNORECASE)
# "từ ngày 10 đến 12/9": the first day names no month of its own
_DAY_RANGE = re.compile(r"(?=n)\bngày\s+(\d{1,2})\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})"
                        r"(?:\s*/\s*(\d{4}))?(?![\d/])", re.IGNORECASE)
_FIRST_MONTHS = re.compile(r"\b(\d{1,2})\s+tháng\s+(?:đầu\s+)?năm\s+(?:nay|(\d{4}))", re.IGNORECASE)
_MONTH = re.compile(r"(?=t)\btháng\s+(\d{1,2})(?:\s*(?:/|năm)\s*(\d{4}))?(?![\d/])", re.IGNORECASE)
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b|\b((?:19|20)\d\d)\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"\b(?:(?:sáng|chiều|tối|trưa|đêm)\s+)?(hôm nay|hôm qua|hôm kia|ngày mai|nay|qua|mai)\b(?!\s+(?:mai|đây))",
    re.IGNORECASE)
_RELATIVE_ANCHORED = re.compile(r"(?=[sctđhn])\b(?:sáng|chiều|tối|trưa|đêm)\s+(nay|qua|mai)\b|\b(hôm nay|hôm qua|hôm kia|ngày mai)\b",
                                re.IGNORECASE)
# "hồi tháng 8", "vào đầu tháng 9": the words before a month that belong to the expression
_MONTH_PREFIX = re.compile(r"(?:\b(?:hồi|vào|đầu|cuối|giữa)\s+)+$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_MONTH_WORD = re.compile("tháng", re.IGNORECASE)
_RELATIVE_WORD = re.compile("(?=[nqmk])(?:nay|qua|mai|kia)", re.IGNORECASE)  # how every relative day ends
_OFFSETS = {"hôm nay": 0, "nay": 0, "hôm qua": -1, "qua": -1, "hôm kia": -2, "ngày mai": 1, "mai": 1}


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A time expression at ``text[start:end]`` (sentence-relative offsets), resolved to ``value``."""

    start: int
    end: int
    value: str
    period_end: str | None = None


def _nearest_year(day: int, month: int, ref: dt.date | None) -> int | None:
    if ref is None:
        return None
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            distance = abs((dt.date(year, month, day) - ref).days)
        except ValueError:
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    if year is None:
        return None
    if month is None:
        return f"{year:04d}"
    if not 1 <= month <= 12:
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def find_dates(text: str, ref: dt.date | None) -> list[TimeExpr]:
    """Every time expression in ``text``, left to right, without overlaps.

    >>> ref = dt.date(2025, 11, 30)
    >>> [d.value for d in find_dates("ngày 1-2/12, Tháng 7/2024 và năm 2026", ref)]
    ['2025-12-01', '2024-07', '2026']
    >>> [d.value for d in find_dates("Chiều nay, hôm qua", ref)]
    ['2025-11-30', '2025-11-29']
    >>> [(d.value, d.period_end) for d in find_dates("10 tháng đầu năm 2025", ref)]
    [('2025-01', '2025-10')]
    >>> [(d.value, d.period_end) for d in find_dates("Sáng 24-10, thăm từ ngày 24-10 đến ngày 27-10", ref)]
    [('2025-10-24', None), ('2025-10-24', '2025-10-27')]
    """
    found: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: str | None, period_end: str | None = None) -> None:
        if value is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(TimeExpr(start, end, value, period_end))

    # a pattern runs only on sentences with what every match of it has (a digit, a slash,
    # "tháng", "nay"...): most sentences have none of them
    numbered = _DIGIT.search(text) is not None
    slashed = numbered and "/" in text
    monthly = numbered and _MONTH_WORD.search(text) is not None
    if monthly:
        for m in _FIRST_MONTHS.finditer(text):
            year = int(m.group(2)) if m.group(2) else (ref.year if ref else None)
            add(m.start(), m.end(), _iso(year, 1), _iso(year, int(m.group(1))))
    if slashed:
        for m in _DAY_RANGE.finditer(text):
            day, last_day, month = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if day < last_day:
                first_year = int(m.group(4)) if m.group(4) else _nearest_year(day, month, ref)
                add(m.start(), m.end(), _iso(first_year, month, day), _iso(first_year, month, last_day))
    if monthly:
        for m in _DAY_WORDS.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            year = int(m.group(3)) if m.group(3) else _nearest_year(day, month, ref)
            add(m.start(), m.end(), _iso(year, month, day))
    if slashed:
        for m in _DAY_MONTH_YEAR.finditer(text):
            day, month = int(m.group(1)), int(m.group(3))
            year = int(m.group(4)) if m.group(4) else _nearest_year(day, month, ref)
            last = _iso(year, month, int(m.group(2))) if m.group(2) else None  # "ngày 22-24/6": a span
            add(m.start(), m.end(), _iso(year, month, day), last)
    if numbered and ("-" in text or "–" in text):
        for m in _DAY_DASH_MONTH.finditer(text):
            day, month = int(m.group(1)), int(m.group(2))
            year = int(m.group(3)) if m.group(3) else _nearest_year(day, month, ref)
            add(m.start(), m.end(), _iso(year, month, day))
    if monthly:
        for m in _MONTH.finditer(text):
            month = int(m.group(1))
            month_year: int | None
            if m.group(2):
                month_year = int(m.group(2))
            elif ref is not None:
                month_year = ref.year if month <= ref.month + 6 else ref.year - 1
            else:
                month_year = None
            start = m.start()
            prefix = _MONTH_PREFIX.search(text[:start])
            add(prefix.start() if prefix else start, m.end(), _iso(month_year, month))
    if _RELATIVE_WORD.search(text):
        for m in _RELATIVE_ANCHORED.finditer(text):
            word = (m.group(1) or m.group(2)).lower()
            if ref is not None:
                add(m.start(), m.end(), (ref + dt.timedelta(days=_OFFSETS[word])).isoformat())
    if numbered:
        for m in _YEAR.finditer(text):
            year = int(m.group(1) or m.group(2))
            if 1900 <= year <= 2100:
                add(m.start(), m.end(), _iso(year))
    found.sort(key=lambda d: d.start)
    return _join_spans(found, text)


@lru_cache(maxsize=1024)
def dates_in(text: str, ref: dt.date | None) -> tuple[TimeExpr, ...]:
    """``find_dates``, remembered: the engine asks for a sentence's dates, and then the
    office tenures for their clause's, which is most often the whole sentence again.

    >>> dates_in("Sáng 24-10, ông A thăm Lào.", dt.date(2025, 11, 30))[0].value
    '2025-10-24'
    """
    return tuple(find_dates(text, ref))


def _join_spans(found: list[TimeExpr], text: str) -> list[TimeExpr]:
    """``từ ngày 30/7 đến 1/8``: one span, dated by its first day."""
    if len(found) < 2:
        return found  # most sentences: nothing to join
    drop = set()
    for n in range(len(found) - 1):
        a, b = found[n], found[n + 1]
        if len(a.value) == 10 and len(b.value) == 10 and a.period_end is None and \
                re.fullmatch(r"\s*(?:đến|tới|-|–)\s*(?:ngày\s+)?", text[a.end:b.start], re.IGNORECASE) and \
                re.search(r"\btừ\s+(?:ngày\s+)?$", text[:a.start], re.IGNORECASE):
            found[n] = TimeExpr(a.start, b.end, a.value, b.value)
            drop.add(n + 1)
    return [d for n, d in enumerate(found) if n not in drop]
