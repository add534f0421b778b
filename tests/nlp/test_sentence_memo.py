"""A sentence met again gets the tags it got the first time, from a memo of bounded size."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.nlp.sentence_memo import CAPACITY_VAR, DEFAULT_CAPACITY, SentenceMemo, memo_capacity


class CountingTagger:
    """A tagger over white-space words whose tags depend on the word, counting its calls."""

    def __init__(self, labels: int = 5) -> None:
        self.calls: list[str] = []
        self.labels = labels

    def __call__(self, sentence: str) -> list[tuple[str, str, str, str]]:
        self.calls.append(sentence)
        return [(word, f"P{len(word) % self.labels}", f"C{n % 2}", "B-PER" if word.istitle() else "O")
                for n, word in enumerate(sentence.split())]


def test_a_sentence_met_again_is_answered_from_the_memo() -> None:
    tagger = CountingTagger()
    memo = SentenceMemo(tagger, capacity=8)
    sentence = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản."
    first = memo(sentence)
    expected = list(first)
    again = memo(sentence)
    assert len(tagger.calls) == 1
    assert again == expected == tagger(sentence)
    again.append(("x", "N", "O", "O"))  # a caller's change does not reach the memo
    first.clear()
    assert memo(sentence) == expected


def test_the_memo_keeps_the_last_sentences_used() -> None:
    tagger = CountingTagger()
    memo = SentenceMemo(tagger, capacity=2)
    memo("Một hai.")
    memo("Ba bốn.")
    memo("Một hai.")  # used again: now the most recent
    memo("Năm sáu.")  # evicts "Ba bốn."
    assert len(memo) == 2
    tagger.calls.clear()
    memo("Một hai.")
    memo("Năm sáu.")
    memo("Ba bốn.")
    assert tagger.calls == ["Ba bốn."]


def test_sentences_the_compact_form_cannot_hold_are_tagged_every_time() -> None:
    tagger = CountingTagger()
    memo = SentenceMemo(tagger, capacity=8)
    odd = "Hai bên\x1fký kết."  # holds the memo's word separator
    assert memo(odd) == memo(odd) == tagger(odd)
    assert len(memo) == 0
    assert memo("") == [] and memo("") == []


def test_more_tag_labels_than_a_byte_numbers_still_tag_right() -> None:
    tagger = CountingTagger(labels=400)
    memo = SentenceMemo(tagger, capacity=1_000)
    sentences = [" ".join("a" * (n + k) for k in range(3)) for n in range(300)]
    first = [memo(s) for s in sentences]
    assert [memo(s) for s in sentences] == first == [tagger(s) for s in sentences]


def test_a_zero_capacity_keeps_nothing() -> None:
    tagger = CountingTagger()
    memo = SentenceMemo(tagger, capacity=0)
    memo("Một hai.")
    memo("Một hai.")
    assert len(memo) == 0 and len(tagger.calls) == 2


def test_capacity_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(CAPACITY_VAR, raising=False)
    assert memo_capacity() == DEFAULT_CAPACITY
    monkeypatch.setenv(CAPACITY_VAR, "0")
    assert memo_capacity() == 0
    for bad in ("many", "-3"):
        monkeypatch.setenv(CAPACITY_VAR, bad)
        with pytest.raises(KGError, match=CAPACITY_VAR):
            memo_capacity()


def test_the_taggers_answer_a_repeated_sentence_as_the_first_time() -> None:
    pytest.importorskip("underthesea_core")
    from kg.nlp.taggers import get_taggers

    taggers = get_taggers()
    sentence = "Chủ tịch nước Lương Cường hội kiến Tổng thống Brazil Lula da Silva tại Brasilia."
    fresh = taggers.tag_words(taggers.words(sentence))
    assert taggers.tag(sentence) == fresh
    assert taggers.tag(sentence) == fresh
