"""Documents listed after the sentence that introduces them, one item a line.

Reports list the documents of a signing as numbered lines or bullets after a
sentence ending in ``gồm:`` or ``các văn kiện sau:``::

    Hai Bộ trưởng đã ký các văn kiện sau:
    1. Bản ghi nhớ về hợp tác y tế;
    2. Hiệp định về vận tải biển.

The sentence splitter (kept equal to underthesea's rules) cuts such a list at
its markers, so the items arrive as sentences of their own, with the marker
alone (``1.``), leading (``a) X``, ``- X``) or trailing the previous item
(``X; 2.``). This module finds, for each introducing sentence, the documents
listed after it; ``kg.extract.relations`` reads them as the objects of the
signing the introduction states (the ``listed_documents`` construction).
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.base import Span, Syl
from kg.extract.lexicon import load_phrase_lists

__all__ = ["ListedDocument", "listed_documents"]

# the words before the colon that announce a list: "gồm:", "bao gồm:", "các văn kiện sau:", "như sau:"
_INTRO_WORDS = frozenset(phrase[0] for phrase in load_phrase_lists("relations.json")["list_intro_words"])
_BULLETS = frozenset({"-", "–", "•", "+", "*"})
_ITEM_ENDS = frozenset({";", ","})  # an item ending so is followed by another

ListedDocument = tuple[Span, list[Syl]]  # an item's document and the syllables of its sentence


def _marker_len(sylls: Sequence[Syl], at: int) -> int:
    """The syllables of a list marker at ``at`` (``1.``, ``2)``, ``a)``, ``-``), 0 when there is none."""
    if at >= len(sylls):
        return 0
    text = sylls[at].text
    if text in _BULLETS:
        return 1
    after = sylls[at + 1].text if at + 1 < len(sylls) else ""
    if text.isdigit() and len(text) <= 2 and after in (".", ")"):
        return 2
    if len(text) == 1 and text.isalpha() and text.islower() and after == ")":
        return 2
    return 0


def _body_end(sylls: Sequence[Syl]) -> int:
    """Where the sentence ends without a marker trailing it (``X; 2.`` ends after ``;``)."""
    for at in (len(sylls) - 2, len(sylls) - 1):
        if at > 0 and _marker_len(sylls, at) == len(sylls) - at:
            return at
    return len(sylls)


def _introduces_list(sylls: Sequence[Syl]) -> bool:
    """The sentence ends in ``gồm:`` / ``sau:`` / ``như sau:`` (a marker may trail the colon)."""
    end = _body_end(sylls)
    return end >= 2 and sylls[end - 1].text == ":" and sylls[end - 2].low in _INTRO_WORDS


def _item(sylls: Sequence[Syl], spans: Sequence[Span]) -> Span | None:
    """The document an item names right after its leading marker, if any."""
    start = _marker_len(sylls, 0)
    return next((sp for sp in spans if sp.i == start and sp.type == "Agreement"), None)


def _items_after(n: int, units: Sequence[tuple[list[Syl], list[Span]]]) -> list[ListedDocument]:
    """The items following the introducing sentence ``n``, up to the first sentence that is none."""
    found: list[ListedDocument] = []
    marked = True  # the first line after the colon is an item, with or without a marker
    for sylls, spans in units[n + 1:]:
        if sylls and _marker_len(sylls, 0) == len(sylls):
            marked = True  # "1." alone on its line
            continue
        doc = _item(sylls, spans)
        if doc is None or not (marked or _marker_len(sylls, 0) or found and found[-1][1] and
                               found[-1][1][_body_end(found[-1][1]) - 1].text in _ITEM_ENDS):
            break
        found.append((doc, sylls))
        marked = _body_end(sylls) < len(sylls)
    return found


def listed_documents(units: Sequence[tuple[list[Syl], list[Span]]]) -> dict[int, list[ListedDocument]]:
    """For each sentence (its syllables and top spans) that introduces a list, the documents listed.

    >>> from kg.extract.base import Syl
    >>> def syls(*words): return [Syl(w, 0, 0, low=w.lower()) for w in words]
    >>> doc = Span(2, 5, "Agreement", 0, 0, "Hiệp định X", "Hiệp định X")
    >>> units = [(syls("ký", "gồm", ":"), []), (syls("1", "."), []), (syls("a", ")", "Hiệp", "định", "X"), [doc])]
    >>> [sp.text for sp, _ in listed_documents(units)[0]]
    ['Hiệp định X']
    """
    out: dict[int, list[ListedDocument]] = {}
    for n, (sylls, _) in enumerate(units):
        if _introduces_list(sylls):
            items = _items_after(n, units)
            if items:
                out[n] = items
    return out
