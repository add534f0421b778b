"""Photo captions' credits and bylines: their names are not actors.

``Ảnh: Phạm Hải``, ``Ảnh: Thống Nhất - TTXVN``, ``(Nguồn: VGP)`` and a
short closing line that is just a name (the byline) are spans where no
entity is taken.
"""

from __future__ import annotations

import re

__all__ = ["credit_spans"]

_CREDIT = re.compile(r"[(\[]?\b(?:Ảnh|Nguồn|Video|Clip|Đồ họa|Ảnh minh họa|Thực hiện|Bài và ảnh|Bài, ảnh)"
                     r"\s*:\s*[^\n)\]]*[)\]]?", re.IGNORECASE)
_SOURCE = re.compile(r"\((?:theo|nguồn)\s+[^()\n]{1,40}\)|^\s*\(?theo\s+[^\n]{1,60}$", re.IGNORECASE | re.MULTILINE)
_BYLINE = re.compile(r"^\s*(?:[A-ZĐÀ-Ỹ][\w.]*\s*){1,5}(?:\s*[-–/]\s*(?:[A-ZĐÀ-Ỹ][\w.]*\s*){1,4})?$", re.MULTILINE)


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of credits and bylines.

    >>> t = "Hai nhà lãnh đạo hội đàm. Ảnh: Thống Nhất - TTXVN\\nNội dung.\\nMinh Anh"
    >>> [t[s:e] for s, e in credit_spans(t)]
    ['Ảnh: Thống Nhất - TTXVN', 'Minh Anh']
    """
    spans = [(m.start(), m.end()) for m in _CREDIT.finditer(text)]
    lines = text.split("\n")
    offset = len(text) - len(lines[-1])
    last = lines[-1]
    if last.strip() and _BYLINE.match(last) and len(last.split()) <= 6:
        spans.append((offset + len(last) - len(last.lstrip()), offset + len(last.rstrip())))
    for m in _SOURCE.finditer(text):
        if m.end() - m.start() < 70:
            spans.append((m.start(), m.end()))
    return sorted(spans)
