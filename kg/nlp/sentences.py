"""Sentence splitting: underthesea's ``sent_tokenize`` rules, answered as character spans.

underthesea 9.5's splitter walks the text one character at a time in Python.
Its rules only act at ``.``, ``?`` and ``!``, so this module jumps between
those with a regular expression and applies the same rules there: a run of
three or more dots ends a sentence before an upper-case letter or the end; a
dot between two digits (``1.500``) or after an abbreviation (``TP.``, ``Dr.``,
any single letter) does not; any other mark does, together with the marks
right after it. Spans come out directly, so nothing has to be found again in
the text. ``tests/nlp/test_sentences.py`` checks the spans against
underthesea's own splitter on every article we have and on generated text.
"""

from __future__ import annotations

import json
import re
import string
from functools import cache

from kg.nlp.underthesea_files import literal_in_source, package_dir

__all__ = ["abbreviations", "sentence_spans"]

_MARK = re.compile(r"[.?!]")
_MARKS = ".?!"
_GAP = " \t\n\r"


@cache
def abbreviations() -> frozenset[str]:
    """Lower-cased words after which a dot does not end a sentence (underthesea's list)."""
    folder = "pipeline/sent_tokenize"
    with open(package_dir() / folder / "punkt_params.json", encoding="utf-8") as fh:
        learned = json.load(fh).get("abbrev_types", [])
    custom = literal_in_source(f"{folder}/__init__.py", "custom_abbrevs")
    return frozenset(learned) | frozenset(custom) | frozenset(string.ascii_letters)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, surrounding white space left out.

    >>> text = "Ông A đến TP. Hồ Chí Minh lúc 9.30. Rồi sao?! Hết..."
    >>> [text[s:e] for s, e in sentence_spans(text)]
    ['Ông A đến TP. Hồ Chí Minh lúc 9.30.', 'Rồi sao?!', 'Hết...']
    """
    spans: list[tuple[int, int]] = []
    n, start, i = len(text), 0, 0
    abbrevs = abbreviations()
    while (found := _MARK.search(text, i)) is not None:
        i = found.start()
        if text[i] == "." and (dots_end := _dots_end(text, i)) - i >= 3:
            if _ellipsis_ends_sentence(text, dots_end):
                _add(spans, text, start, dots_end)
                start = _skip(text, dots_end, _GAP)
            i = dots_end
            continue
        if text[i] != "." or _dot_ends_sentence(text, i, abbrevs):
            end = _skip(text, i + 1, _MARKS)
            _add(spans, text, start, end)
            start = i = _skip(text, end, _GAP)
            continue
        i += 1
    _add(spans, text, start, n)
    return spans


def _dots_end(text: str, i: int) -> int:
    return _skip(text, i, ".")


def _skip(text: str, i: int, chars: str) -> int:
    n = len(text)
    while i < n and text[i] in chars:
        i += 1
    return i


def _ellipsis_ends_sentence(text: str, after_dots: int) -> bool:
    after = _skip(text, after_dots, " \t")
    return after >= len(text) or text[after].isupper()


def _dot_ends_sentence(text: str, i: int, abbrevs: frozenset[str]) -> bool:
    if i > 0 and text[i - 1].isdigit() and i + 1 < len(text) and text[i + 1].isdigit():
        return False
    word_start = i - 1
    while word_start >= 0 and (text[word_start].isalnum() or text[word_start] == "."):
        word_start -= 1
    word = text[word_start + 1:i]
    return not (word and word.lower() in abbrevs)


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    segment = text[start:end]
    stripped = segment.strip()
    if stripped:
        lead = start + len(segment) - len(segment.lstrip())
        spans.append((lead, lead + len(stripped)))
