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

# Characters that syndicated feeds print for the ones meant, each one for one
# (so offsets do not move): the Icelandic eth for Đ/đ, spaces that do not
# break, and the hyphens that typesetting swaps in.
_LOOKALIKES = str.maketrans({
    "\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ",
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u3000": " ",
    "\u2010": "-", "\u2011": "-",
})
# Cyrillic letters that look Latin; folded only inside a word that also has
# Latin letters ("Нà Nội" typed on a mixed keyboard), never in Russian text.
_CYRILLIC_TWINS = str.maketrans(dict(zip(
    "аеорсухіјѕԁАВЕКМНОРСТХІЈЅ",
    "aeopcyxijsdABEKMHOPCTXIJS", strict=False,
)))
_MIXED_WORD = re.compile(r"\w*(?:[^\W\d_a-zA-Z\u00c0-\u024f\u1e00-\u1eff]\w*[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]|"
                         r"[a-zA-Z\u00c0-\u024f\u1e00-\u1eff]\w*[\u0400-\u04ff])\w*")
# an en or em dash between two letters is a hyphen inside a name ("Jae–in")
_DASH_IN_WORD = re.compile(r"(?<=[^\W\d_])[\u2013\u2014](?=[^\W\d_])")
_CYRILLIC = re.compile("[\u0400-\u04ff]")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# "...anh-1.jpgThủ tướng ...": a caption glued to the image's file name
_GLUED_FILE = re.compile(r"(\.(?:jpe?g|png|gif|webp))(?=[^\W\d_])", re.IGNORECASE)


def fold_lookalikes(text: str) -> str:
    """Look-alike characters to the ones meant; the length does not change.

    >>> fold_lookalikes("\u00d0ảng Cộng sản, Moon Jae\u2013in")
    'Đảng Cộng sản, Moon Jae-in'
    >>> fold_lookalikes("Москва") == "Москва"
    True
    """
    text = text.translate(_LOOKALIKES)
    text = _DASH_IN_WORD.sub("-", text)
    if _CYRILLIC.search(text):
        text = _MIXED_WORD.sub(lambda m: m.group(0).translate(_CYRILLIC_TWINS)
                               if any(ch.isascii() for ch in m.group(0)) or
                               any("\u00c0" <= ch <= "\u1eff" for ch in m.group(0)) else m.group(0), text)
    return text


def clean_printed(text: str) -> str:
    """Text as a page printed it, made readable once at ingest (before any offset).

    Drops zero-width characters and soft hyphens, and parts a caption from the
    image file name it is glued to. Unlike ``normalize_text`` this may change
    the length, so only ``kg.ingest`` calls it.

    >>> clean_printed("Vi\u200bệt Nam")
    'Việt Nam'
    >>> clean_printed("anh-1.jpgThủ tướng phát biểu").splitlines()
    ['anh-1.jpg', 'Thủ tướng phát biểu']
    """
    text = _INVISIBLE.sub("", text)
    return _GLUED_FILE.sub(lambda m: m.group(1) + "\n", text)


def normalize_text(text: str) -> str:
    """NFC, look-alikes folded, one tone-mark placement; the tone move keeps the length.

    >>> normalize_text("Hoà Bình thuỷ chung")
    'Hòa Bình thủy chung'
    >>> normalize_text("quý khách")
    'quý khách'
    """
    text = fold_lookalikes(unicodedata.normalize("NFC", text))
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(1)], text)


def fold_case_and_spaces(text: str) -> str:
    """A matching key: normalized, lower case, single spaces.

    >>> fold_case_and_spaces("  Tổng  Bí Thư ")
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


def one_slip(a: str, b: str) -> bool:
    """Two spellings of one name that differ by a slip in one syllable (a letter or two swapped).

    >>> one_slip("Song Jea Ho", "Song Jae Ho"), one_slip("Nguyễn Chính Dũng", "Nguyễn Chí Dũng")
    (True, True)
    >>> one_slip("Bùi Văn Nam", "Trần Văn Nam"), one_slip("Lê Văn Nam", "Lê Văn Năm")
    (False, False)
    """
    xs, ys = fold_case_and_spaces(a).split(), fold_case_and_spaces(b).split()
    if len(xs) != len(ys) or len(xs) < 2:
        return False
    diff = [(x, y) for x, y in zip(xs, ys, strict=True) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    if x[0] != y[0] or min(len(x), len(y)) < 2 or strip_diacritics(x) == strip_diacritics(y):
        return False  # "Nam"/"Năm": a different name, not a slip
    return _edit_distance(strip_diacritics(x), strip_diacritics(y)) <= 2


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance counting a swap of two neighbouring letters as one edit."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]
