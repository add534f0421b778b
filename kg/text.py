"""Text normalization shared by ingest and name matching.

Vietnamese has two tone-mark placements in use ("hoà"/"hòa", "thuỷ"/"thủy");
news sites mix them, so the same name arrives spelled two ways. We keep one:
the mark on the first vowel of oa/oe/uy, as the evaluation format does.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_MOVES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_MOVES.update({k.capitalize(): v.capitalize() for k, v in list(_TONE_MOVES.items())})
_TONE_MOVES.update({k.upper(): v.upper() for k, v in list(_TONE_MOVES.items()) if k.islower()})
# "quý", "quỳnh", "quá": after q the u is part of the consonant, the mark sits
# on the following vowel and must not move.
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, _TONE_MOVES)) + r")(?![^\W\d_])")


def normalize_text(text: str) -> str:
    """NFC plus one tone-mark placement; the length of the text may not change.

    >>> normalize_text("Hoà Bình thuỷ chung")
    'Hòa Bình thủy chung'
    >>> normalize_text("quý khách")
    'quý khách'
    """
    text = unicodedata.normalize("NFC", text)
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(1)], text)


def fold(text: str) -> str:
    """A matching key: normalized, lower case, single spaces.

    >>> fold("  Tổng  Bí Thư ")
    'tổng bí thư'
    """
    if len(text) <= _CACHED_FOLD_LEN:
        return _fold_short(text)
    return _fold(text)


# The extractors fold the same syllables and names millions of times per
# corpus: short strings are cached, a bounded cache keeps memory flat.
_CACHED_FOLD_LEN = 48


def _fold(text: str) -> str:
    return " ".join(normalize_text(text).lower().split())


_fold_short = lru_cache(maxsize=8192)(_fold)


def strip_diacritics(text: str) -> str:
    """ASCII-ish form used for IRIs: "Tô Lâm" -> "To Lam".

    >>> strip_diacritics("Đảng Cộng sản Việt Nam")
    'Dang Cong san Viet Nam'
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
