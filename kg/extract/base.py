"""Shared shapes of the extraction stage: syllables and candidate spans.

underthesea's word segmentation sometimes glues a verb to the next noun
("dự Lễ"), so the patterns work on syllables, which keep their character
span in the article, and consult underthesea's tags where those help.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal, NamedTuple

from kg.model import Sentence
from kg.text import fold_case_and_spaces

__all__ = ["PUNCT_BREAK", "Span", "SpanType", "Syl", "split_syllables"]

# (?=\S) first: at a space between syllables the pattern fails at once, not after each alternative
_SYL = re.compile(r"(?=\S)(?:\b(?:[A-ZĐ]|Jr|TP|Tp|St)\.(?=\s|\w)|\w+(?:[-'’.&]\w+)*|…|\S)")
PUNCT_BREAK = frozenset({",", ";", ".", ":", "…", "(", ")", "!", "?", '"', "“", "”", "'", "‘", "’", "/"})


class Syl(NamedTuple):
    """A syllable (or punctuation mark) with its span in the article and its token's tags.

    A named tuple, not a frozen dataclass: an article makes tens of thousands
    of them, and a tuple is built several times faster.
    """

    text: str
    start: int
    end: int
    pos: str = ""
    ner: str = ""
    token_start: int = -1
    token_end: int = -1
    low: str = ""  # the folded text, what the lexicons match against: split_syllables fills it

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        return self.text[0].isupper()

    @property
    def is_num(self) -> bool:
        return self.text[0].isdigit()


# What a span names, fixed when the span is made. Title: an office standing for its holder
# ("Thủ tướng đã hội đàm"), resolved to a person by coreference; Title-attached: a title already
# given to the person beside it ("X, Bộ trưởng Bộ Y"), which covers its syllables but names no
# one itself (the engine builds it in place of the Title span once it gives the title to X);
# Group: "hai bên", "hai Bộ trưởng"; List: a coordination of names read as one.
SpanType = Literal["Person", "Country", "Organization", "Location", "Event", "Agreement", "Title",
                   "Title-attached", "Group", "List"]


@dataclass(slots=True, eq=False)  # compared and hashed by identity: two spans are one only if they are the same
class Span:
    """A candidate mention over syllables ``[i, j)`` of one sentence."""

    i: int
    j: int
    type: SpanType
    start: int
    end: int
    text: str
    name: str  # the canonical surface: a person's name without title, a place's gazetteer name
    titles: tuple[str, ...] = ()
    org: str | None = None  # surface name of the country or organization of the titles
    org_type: str | None = None
    english: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    former: bool = False
    source: str = ""
    inner: list[Span] = field(default_factory=list)  # entities named inside (ministry in a title)


def split_syllables(text: str, sentence: Sentence) -> list[Syl]:
    """The syllables of ``sentence`` with article offsets and the tags of the token they sit in."""
    sylls: list[Syl] = []
    append, fold, new, syl_type, find = sylls.append, _fold_syllable, _new_syl, Syl, text.find
    tokens = sentence.tokens
    n = len(tokens)
    k = -1
    # the current token's fields, kept in locals: read once per token, not once per syllable
    t_start = t_end = -1
    pos = ner = ""
    end = sentence.start
    # findall, not finditer: no match object per syllable. Between two matches there is only
    # white space (``\S`` takes any other character), so a syllable starts where its text is
    # next found
    for word in _SYL.findall(text, sentence.start, sentence.end):
        start = find(word, end)
        end = start + len(word)
        if start >= t_end:  # past the current token: find the first one ending after start
            k += 1
            while k < n and tokens[k].end <= start:
                k += 1
            if k < n:
                token = tokens[k]
                t_start, t_end, pos, ner = token.start, token.end, token.pos, token.ner
            else:
                t_start = t_end = _PAST_END
        if t_start <= start:  # and start < t_end, by the step above
            append(new(syl_type, (word, start, end, pos, ner, t_start, t_end, fold(word))))
        else:
            append(new(syl_type, (word, start, end, "", "", -1, -1, fold(word))))
    return sylls


_PAST_END = 1 << 62  # a token position after every text: no token left

# an article has thousands of syllables, mostly repeated: one cached call each, and the
# tuple made without the Python-level __new__ of a named tuple
_fold_syllable = lru_cache(maxsize=1 << 14)(fold_case_and_spaces)
_new_syl = tuple.__new__
