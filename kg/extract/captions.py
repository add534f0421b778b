"""Photo captions' credits and bylines: their names are not actors.

``Ảnh: Phạm Hải``, ``Ảnh: Thống Nhất - TTXVN``, ``(Nguồn: VGP)`` and a
short closing line that is just a name (the byline) are spans where no
entity is taken.
"""

from __future__ import annotations

import re

__all__ = ["credit_spans"]

# "Trong ảnh: A tiếp B" describes the photo: it is a caption with actors, not a credit
# (the lookahead first: a match starts with a bracket or a keyword's first letter, so the other
# positions of an article fail at one character test instead of the lookbehind and the alternation)
_CREDIT = re.compile(r"(?=[(\[ảẢnNvVcCđĐtTbB])(?<!trong )[(\[]?\b(?:Ảnh|Nguồn|Video|Clip|Đồ họa|Ảnh minh họa|Thực hiện|Bài và ảnh|Bài, ảnh)"
                     r"\s*:\s*[^\n)\]]*[)\]]?", re.IGNORECASE)
_SOURCE = re.compile(r"\((?:theo|nguồn)\s+[^()\n]{1,40}\)|^\s*\(?theo\s+[^\n]{1,60}$", re.IGNORECASE | re.MULTILINE)
_BYLINE = re.compile(r"^\s*(?:[A-ZĐÀ-Ỹ][\w.]*\s*){1,5}(?:\s*[-–/]\s*(?:[A-ZĐÀ-Ỹ][\w.]*\s*){1,4})?"
                     r"(?:\s*\([^()\n]{1,60}\))?\s*$", re.MULTILINE)  # "Minh Anh - Thu Hà (PV TTXVN tại X)"


_PREFIX = re.compile(r"[(\[]?\b\w[\w ]*?\s*:\s*")
_TOKEN = re.compile(r"[^\s/\-–]+|[/\-–]")


def _credit_end(text: str, m: re.Match[str]) -> int:
    """Where a credit ends: a caption run on into the next sentence keeps only the credit.

    A credit is capitalized names and agencies joined by ``-`` or ``/``. When
    a lowercase word follows on the same line, the capitalized word before it
    opens the next sentence; an all-caps agency after the last joiner ends it.
    """
    body = m.group(0)
    if m.group(0).endswith((")", "]")) or len(body.split()) <= 12 and not re.search(r"[.,;]", body[:-1]):
        return m.end()
    head = _PREFIX.match(body)
    pos = m.start() + (head.end() if head else 0)
    tokens = [(t.start(), t.end(), t.group(0)) for t in _TOKEN.finditer(text, pos, m.end())]
    run: list[tuple[int, int, str]] = []
    for tok in tokens:
        if tok[2] in "/-–" or tok[2][:1].isupper() or tok[2][:1].isdigit():
            run.append(tok)
            continue
        words = [t for t in run if t[2] not in "/-–"]
        if len(words) > 1 and run[-1][2] not in "/-–":
            run.pop()  # the first word of the next sentence
        break
    else:
        return m.end()
    joiners = [n for n, t in enumerate(run) if t[2] in "/-–"]
    if joiners and joiners[-1] + 1 < len(run) and run[joiners[-1] + 1][2].isupper() and len(run[joiners[-1] + 1][2]) > 1:
        run = run[:joiners[-1] + 2]
    return run[-1][1] if run else m.end()


def credit_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of credits and bylines.

    >>> t = "Hai nhà lãnh đạo hội đàm. Ảnh: Thống Nhất - TTXVN\\nNội dung.\\nMinh Anh"
    >>> [t[s:e] for s, e in credit_spans(t)]
    ['Ảnh: Thống Nhất - TTXVN', 'Minh Anh']
    >>> credit_spans("Trong ảnh: Thủ tướng tiếp Đại sứ. Hai bên hội đàm.")
    []
    """
    spans = [(m.start(), _credit_end(text, m)) for m in _CREDIT.finditer(text)]
    lines = text.split("\n")
    offset = len(text) - len(lines[-1])
    last = lines[-1]
    if last.strip() and _BYLINE.match(last) and len(last.split("(")[0].split()) <= 6:
        spans.append((offset + len(last) - len(last.lstrip()), offset + len(last.rstrip())))
    for m in _SOURCE.finditer(text):
        if m.end() - m.start() < 70:
            spans.append((m.start(), m.end()))
    return sorted(spans)
