"""The tags of sentences seen lately, so a sentence met again is not tagged again.

News repeats itself word for word: agencies' copy is republished by many
outlets, an article is updated and crawled twice, captions and credits
recur. Tagging is a pure function of the sentence, so the tags of the last
``capacity`` distinct sentences are kept and given back for a sentence seen
again. An entry is held compactly (the words in one string, the tags as one
byte each) so that a full memo costs a few megabytes: a long run stays
within the memory of a short one plus that bound.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Callable

from kg.errors import KGError

__all__ = ["CAPACITY_VAR", "DEFAULT_CAPACITY", "SentenceMemo", "memo_capacity"]

DEFAULT_CAPACITY = 2_048
CAPACITY_VAR = "VNKG_SENTENCE_MEMO"  # sentences kept; 0 turns the memo off (benchmarks of unseen text)
_WORD_SEPARATOR = "\x1f"  # unit separator: never inside a word; a sentence holding one is not kept
_MAX_TAGS = 256  # tag strings numbered in one byte; underthesea's models know about 60

Tags = list[tuple[str, str, str, str]]


class SentenceMemo:
    """``tag(sentence)`` with the tags of the last ``capacity`` distinct sentences kept."""

    def __init__(self, tag: Callable[[str], Tags], *, capacity: int = DEFAULT_CAPACITY) -> None:
        self._tag = tag
        self.capacity = capacity
        self._entries: OrderedDict[str, tuple[str, bytes]] = OrderedDict()
        self._tag_names: list[str] = []
        self._tag_codes: dict[str, int] = {}
        self._lock = threading.Lock()  # the Taggers may be shared by threads

    def __len__(self) -> int:
        return len(self._entries)

    def __call__(self, sentence: str) -> Tags:
        if self.capacity <= 0:
            return self._tag(sentence)
        with self._lock:
            entry = self._entries.get(sentence)
            if entry is not None:
                self._entries.move_to_end(sentence)
                return self._unpack(entry)
        tags = self._tag(sentence)
        packed = self._pack(sentence, tags)
        if packed is not None:
            with self._lock:
                self._entries[sentence] = packed
                if len(self._entries) > self.capacity:
                    self._entries.popitem(last=False)
        return tags

    def _pack(self, sentence: str, tags: Tags) -> tuple[str, bytes] | None:
        if _WORD_SEPARATOR in sentence:
            return None
        labels = [label for _, *three in tags for label in three]
        try:
            codes = bytes(map(self._tag_codes.__getitem__, labels))
        except KeyError:
            with self._lock:
                numbered = [self._number(label) for label in labels]
            if None in numbered:
                return None
            codes = bytes(numbered)  # type: ignore[arg-type]
        return _WORD_SEPARATOR.join([word for word, *_ in tags]), codes

    def _number(self, label: str) -> int | None:
        code = self._tag_codes.get(label)
        if code is None and len(self._tag_names) < _MAX_TAGS:
            code = self._tag_codes[label] = len(self._tag_names)
            self._tag_names.append(label)
        return code

    def _unpack(self, entry: tuple[str, bytes]) -> Tags:
        words, codes = entry
        if not codes:
            return []
        names = self._tag_names
        labels = [names[code] for code in codes]
        return list(zip(words.split(_WORD_SEPARATOR), labels[0::3], labels[1::3], labels[2::3], strict=True))


def memo_capacity() -> int:
    """The memo's size: ``VNKG_SENTENCE_MEMO`` if set, else ``DEFAULT_CAPACITY``."""
    value = os.environ.get(CAPACITY_VAR, "").strip()
    if not value:
        return DEFAULT_CAPACITY
    try:
        capacity = int(value)
    except ValueError:
        capacity = -1
    if capacity < 0:
        raise KGError(f"{CAPACITY_VAR}={value!r}: expected a number of sentences, 0 or more")
    return capacity
