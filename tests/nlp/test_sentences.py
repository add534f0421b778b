"""kg.nlp.sentences splits as underthesea's sent_tokenize does, on every article we have and on
generated text; split_sentences keeps line breaks as boundaries."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from paths import DATA, ROOT, SHARED

from kg.ingest import read_articles
from kg.nlp import split_sentences
from kg.nlp.sentences import abbreviations, sentence_spans


def _underthesea_spans(line: str) -> list[tuple[int, int]]:
    """What kg.nlp did before: underthesea's sentences, found again in the line."""
    from underthesea import sent_tokenize

    spans, cursor = [], 0
    for sentence in (s.strip() for s in sent_tokenize(line)):
        if sentence:
            found = line.find(sentence, cursor)
            cursor = found + len(sentence)
            spans.append((found, cursor))
    return spans


def _every_line() -> list[str]:
    sources = [DATA, ROOT / "tests" / "data", SHARED / "seeds", SHARED / "eval" / "realstyle"]
    articles = read_articles([p for p in sources if p.is_dir()], on_error=lambda err: None)
    return [line for article in articles for line in article.text.split("\n") if line.strip()]


def test_every_line_of_every_set_splits_as_underthesea_does():
    lines = _every_line()
    assert len(lines) > 500
    differ = [line for line in lines if sentence_spans(line) != _underthesea_spans(line)]
    assert differ == []


_PIECES = ["Thủ tướng", "TP.", "Hồ Chí Minh", "1.500", "9.30", "...", "..", ".", "?!", "!", "?",
           " ", "  ", "\t", "Dr.", "a.", "A", "ông", "e.g.", "(", ")", "\u00a0", "3", "Ảnh:", "…"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25))
def test_generated_text_splits_as_underthesea_does(pieces):
    line = "".join(pieces)
    assert sentence_spans(line) == _underthesea_spans(line)


@pytest.mark.parametrize("line, expected", [
    ("Ông Lee đến TP. Hồ Chí Minh. Hai bên hội đàm.", ["Ông Lee đến TP. Hồ Chí Minh.", "Hai bên hội đàm."]),
    ("Kim ngạch đạt 1.500 triệu USD. Tăng 9.5%.", ["Kim ngạch đạt 1.500 triệu USD.", "Tăng 9.5%."]),
    ("Chờ đợi... Rồi sao?! vâng... tiếp", ["Chờ đợi...", "Rồi sao?!", "vâng... tiếp"]),
])
def test_sentence_spans_on_our_sentences(line, expected):
    assert [line[s:e] for s, e in sentence_spans(line)] == expected


def test_abbreviations_hold_underthesea_lists():
    assert {"tp", "dr", "a", "Z"} <= abbreviations() and "thủ" not in abbreviations()


def test_a_line_break_always_ends_a_sentence():
    text = "Ảnh: TTXVN\nThủ tướng phát biểu tại TP.\nHồ Chí Minh"
    assert [text[s:e] for s, e in split_sentences(text)] == ["Ảnh: TTXVN", "Thủ tướng phát biểu tại TP.",
                                                             "Hồ Chí Minh"]
