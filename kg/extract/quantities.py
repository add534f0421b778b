"""Trade and investment figures: "Kim ngạch thương mại ... đạt gần 2,5 tỷ USD, tăng 50,4%"."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["RawQuantity", "find_quantities"]

_NUMBER = r"(\d+(?:[.,]\d+)*)"
_AMOUNT_WORDS = ("gần", "hơn", "khoảng", "trên", "xấp xỉ", "đạt", "gần như", "tới", "lên tới")
_COUNT_WORDS = ("gần", "hơn", "khoảng", "trên")


def _starts(words: tuple[str, ...]) -> str:
    """A lookahead for how a figure with one of ``words`` before it starts: a match at any other
    position fails at one test instead of trying each word (a figure is rare, "đồng" is not)."""
    return "(?=[\\d" + "".join(sorted({word[0] for word in words})) + "])"


_AMOUNT = re.compile(
    rf"{_starts(_AMOUNT_WORDS)}(?:({'|'.join(_AMOUNT_WORDS)})\s+)?{_NUMBER}\s*(nghìn tỷ|tỷ|triệu|nghìn|ngàn)?\s*"
    r"(USD|đô la Mỹ|đô la|đồng|EUR|euro|yen|nhân dân tệ)\b", re.IGNORECASE)
_COUNT = re.compile(rf"{_starts(_COUNT_WORDS)}(?:({'|'.join(_COUNT_WORDS)})\s+)?{_NUMBER}\s+(dự án)\b", re.IGNORECASE)
_CHANGE = re.compile(rf"(tăng|giảm)\s+(?:gần|hơn|khoảng)?\s*{_NUMBER}\s*%", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
# a part of every unit of _AMOUNT, and _COUNT's unit: found faster than the patterns run
_CURRENCY = re.compile(r"USD|đô la|đồng|EUR|yen|nhân dân tệ", re.IGNORECASE)
_PROJECTS = re.compile(r"dự án", re.IGNORECASE)
_SCALE = {"nghìn tỷ": 1e12, "tỷ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3, None: 1.0}
_METRICS = [("kim ngạch", "trade_turnover"), ("thương mại", "trade_turnover"), ("xuất khẩu", "exports"),
            ("nhập khẩu", "imports"), ("vốn đăng ký", "registered_capital"), ("vốn", "investment_capital"),
            ("đầu tư", "investment"), ("viện trợ", "aid"), ("ODA", "aid")]
_APPROX = {"gần": "approx", "khoảng": "approx", "xấp xỉ": "approx", "hơn": "over", "trên": "over"}


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
                               _number(change.group(2)) * (1 if change.group(1).lower() == "tăng" else -1)
                               if change else None, m.start(), m.end()))
    for m in counts:
        out.append(RawQuantity("project_count", _number(m.group(2)), "project",
                               _APPROX.get((m.group(1) or "").lower(), ""), None, m.start(), m.end()))
    return sorted(out, key=lambda q: q.start)
