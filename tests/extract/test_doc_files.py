"""The doc files of tests/extract and the guard that keeps underthesea out of these tests."""

from __future__ import annotations

import pytest

from kg.ingest import read_article_text
from tests.extract.conftest import RECORD_COMMAND, doc_for, parse_for
from tests.extract.doc_files import Parse, all_parses, doc_of, make_doc, read_parses, write_parse


def test_doc_files_round_trip_a_parse_with_a_line_break(tmp_path):
    text = "Thủ tướng thăm Lào.\nẢnh: Minh Anh"
    parse = Parse(text, ((("Thủ tướng", "N", "B-NP", "O"), ("thăm", "V", "B-VP", "O"), ("Lào", "Np", "B-NP", "B-LOC"),
                           (".", "CH", "O", "O")), (("Ảnh", "N", "B-NP", "O"), (":", "CH", "O", "O"),
                                                    ("Minh Anh", "Np", "B-NP", "B-PER"))), edited="a test")
    write_parse(tmp_path / "a.conll", parse)
    write_parse(tmp_path / "a.conll", Parse("#", ((("#", "CH", "O", "O"),),)))
    back = list(read_parses(tmp_path / "a.conll"))
    assert [(p.text, p.sentences, p.edited) for p in back] == [(parse.text, parse.sentences, "a test"),
                                                                ("#", ((("#", "CH", "O", "O"),),), "")]
    doc = make_doc(text, [w for s in parse.sentences for w in s])
    assert [doc.article.text[t.start:t.end] for t in doc.sentences[0].tokens][-2:] == [":", "Minh Anh"]


def test_doc_files_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "bad.conll"
    path.write_text("# text = Hà Nội.\nHà Nội N B-NP\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.conll:2: expected"):
        list(read_parses(path))


def test_doc_files_word_missing_from_the_text_is_an_error():
    article = read_article_text("Thủ tướng thăm Lào.", article_id="t")
    with pytest.raises(ValueError, match="'Nhật' is not in the text"):
        doc_of(article, [[("Thủ tướng", "N", "B-NP", "O"), ("Nhật", "Np", "B-NP", "B-LOC")]])


def test_doc_files_each_text_is_written_once():
    parses = all_parses()
    assert parses and all(parse.sentences for parse in parses.values())


def test_doc_files_text_without_a_parse_names_the_record_command(monkeypatch):
    monkeypatch.delenv("VNKG_RECORD_DOCS", raising=False)
    with pytest.raises(LookupError, match="VNKG_RECORD_DOCS=1") as error:
        parse_for(read_article_text("Một câu không có trong tệp nào.", article_id="t"))
    assert RECORD_COMMAND in str(error.value)


def test_doc_for_keeps_the_article_as_ingest_reads_it():
    text = " date 2025-01-18 Chiều 17/1, Tổng Bí thư Đặng Văn Minh tiếp Đại sứ Lào tại Việt Nam."
    doc = doc_for(text)
    assert doc.article == read_article_text(text, article_id="t")
    assert all(doc.article.text[t.start:t.end] == t.text for s in doc.sentences for t in s.tokens)


def test_extract_tests_cannot_import_the_parser(no_nlp):
    if no_nlp is None:
        pytest.skip("recording parses loads kg.nlp on purpose")
    with pytest.raises(ImportError, match="must not import kg.nlp"):
        from kg.ingest import read_article_text as read
        from kg.runner import extract_article

        extract_article(read("Thủ tướng thăm Lào.", article_id="t"))
    assert no_nlp.refused == ["kg.nlp"]
    no_nlp.refused.clear()
