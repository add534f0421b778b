"""When an office mention describes: the article's day, an earlier time, or a past office.

A title is evidence that its holder held the office at the time its sentence
speaks of, which need not be the article's date:

- ``chuyến thăm của Chủ tịch nước X hồi tháng 8/2024``: the office in 2024-08;
- ``Năm 2019, Thủ tướng X ...``: a clause opened by a year speaks of that year;
- ``nguyên``/``cựu``/``cố`` (former, late) before the title, ``khi còn là``
  (when he was still) before it: a past office;
- ``(2016-2021)`` right after the name: when the office was held;
- a person the lexicon lists as historical (``Chủ tịch Hồ Chí Minh``): the
  title is an honorific of the past, never a current office.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kg.extract.dates import TimeExpr, dates_in
from kg.extract.mention_words import mention_words

__all__ = ["Tenure", "tenure_of"]

_FORMER_PREFIXES = tuple(prefix + " " for prefix in mention_words()["former_prefixes"])
# "khi còn là Bộ trưởng", "lúc đó là", "thời kỳ làm": the words before a title that put it in the past
# (the lookahead: a match starts with one of those letters, so other positions fail at one test)
_PAST_LEAD = re.compile(r"(?=[klht])\b(?:khi|lúc|hồi|thời|thuở)\s+(?:còn\s+(?:là|làm|giữ\s+chức)|đó\s+là|ấy\s+là|là)\s*$",
                        re.IGNORECASE)
_SPAN_AFTER_NAME = re.compile(r"^\s*\((?:nhiệm kỳ\s+)?(\d{4})\s*[-–—]\s*(\d{4})\)")
_CLAUSE_BREAK = re.compile(r"[;:]|\.\s")
# a date this close after the person's name belongs to the mention: "... Tô Lâm hồi tháng 8/2024"
_AFTER_NAME_REACH = 24


@dataclass(frozen=True, slots=True)
class Tenure:
    """What one office mention says about when the office was held.

    ``date``: the earlier time the sentence describes (ISO, possibly partial),
    None for the article's own time. ``former``: the office is past.
    ``held_from``/``held_until``: years the text gives for the term.
    """

    date: str | None = None
    former: bool = False
    held_from: str | None = None
    held_until: str | None = None


def tenure_of(sentence: str, start: int, end: int, published: dt.date | None, *,
              historical: bool = False) -> Tenure:
    """The tenure described by the office mention ``sentence[start:end]`` (title and name).

    >>> ref = dt.date(2025, 1, 18)
    >>> s = "Nổi bật là chuyến thăm của Chủ tịch nước Lê Văn A hồi tháng 8/2024."
    >>> tenure_of(s, s.index("Chủ"), s.index(" hồi"), ref).date
    '2024-08'
    >>> s = "Chiều 17/1, Chủ tịch nước Lê Văn A tiếp Đại sứ."
    >>> tenure_of(s, s.index("Chủ"), s.index(" tiếp"), ref)
    Tenure(date=None, former=False, held_from=None, held_until=None)
    >>> s = "Ông B, nguyên Thủ tướng (2006-2016), phát biểu."
    >>> t = tenure_of(s, s.index("nguyên"), s.index(" ("), ref)
    >>> t.former, t.held_from, t.held_until
    (True, '2006', '2016')
    """
    before = sentence[:start]
    former = historical or sentence[start:end].lower().startswith(_FORMER_PREFIXES) or \
        _PAST_LEAD.search(before) is not None
    held_from = held_until = None
    term = _SPAN_AFTER_NAME.match(sentence[end:])
    if term:
        held_from, held_until = term.group(1), term.group(2)
        former = former or (published is not None and int(held_until) < published.year)
    date = _described_date(sentence, start, end, published)
    if held_until and date is None and former:
        date = held_until
    return Tenure(date, former, held_from, held_until)


def _described_date(sentence: str, start: int, end: int, published: dt.date | None) -> str | None:
    """An earlier time the mention's clause speaks of, if any."""
    if published is None:
        return None
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    clause_end = next((m.start() for m in _CLAUSE_BREAK.finditer(sentence, end)), len(sentence))
    for expr in dates_in(sentence[clause_start:clause_end], published):
        at = TimeExpr(expr.start + clause_start, expr.end + clause_start, expr.value, expr.period_end)
        if _in_parentheses(sentence, at.start):
            continue  # "(18/1/1950 - 18/1/2025)": a span cited, not the time described
        opens_clause = at.start < start and not sentence[clause_start:at.start].strip(" ,")
        follows_name = 0 <= at.start - end <= _AFTER_NAME_REACH and "," not in sentence[end:at.start]
        if (opens_clause or follows_name) and _earlier(at.value, published):
            return at.value
    return None


def _in_parentheses(sentence: str, at: int) -> bool:
    return sentence.rfind("(", 0, at) > sentence.rfind(")", 0, at)


def _earlier(value: str, published: dt.date) -> bool:
    """Earlier than the article's month (or its year, for a year alone)."""
    if len(value) < 4 or not value[:4].isdigit():
        return False
    if len(value) == 4:
        return int(value) < published.year
    return value[:7] < published.isoformat()[:7]
