"""Article ingest: formats, normalization, and one clear error per bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest import read_article_text, read_articles
from kg.text import normalize_text

GOOD = " date 2025-12-03 Chủ tịch nước Lương Cường hội kiến Thủ tướng Nhật Bản.\n\nHai bên nhất trí."


def _collect(paths, **kwargs):
    errors: list[InputError] = []
    articles = list(read_articles(paths, on_error=errors.append, **kwargs))
    return articles, errors


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "a.txt").write_text(" date 2024-07-11 Tổng Bí thư thăm Lào.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "c.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


def test_read_articles_seed_header_gives_date_and_body(corpus: Path) -> None:
    articles, errors = _collect([corpus / "b.txt"])
    assert errors == []
    [article] = articles
    assert article.id == "b"
    assert article.published == dt.date(2025, 12, 3)
    assert article.text.startswith("Chủ tịch nước Lương Cường")
    assert len(article.content_hash) == 64


def test_read_articles_directory_is_recursive_sorted_and_skips_hidden(corpus: Path) -> None:
    articles, errors = _collect([corpus])
    assert errors == []
    assert [a.id for a in articles] == ["b", "a"]  # b.txt sorts before sub/a.txt
    assert [a.id for a in read_articles([corpus])] == ["b", "a"]  # deterministic


def test_read_articles_plain_text_takes_date_option_or_none(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Thủ tướng tiếp Đại sứ Hoa Kỳ.", encoding="utf-8")
    [undated], _ = _collect([path])
    assert undated.published is None
    [dated], _ = _collect([path], date=dt.date(2024, 1, 2))
    assert dated.published == dt.date(2024, 1, 2)


def test_read_articles_jsonl_records(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        {"id": "x1", "date": "2025-01-16", "title": "Thăm Nhật Bản", "url": "https://example.org/1",
         "text": "Thủ tướng Nhật Bản thăm Việt Nam."},
        {"id": "x2", "date": "2025-01-17T08:00:00+07:00", "text": "Hai bên ký bản ghi nhớ."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in lines) + "\n", encoding="utf-8")
    articles, errors = _collect([path])
    assert errors == []
    assert [(a.id, a.published, a.title, a.url) for a in articles] == [
        ("x1", dt.date(2025, 1, 16), "Thăm Nhật Bản", "https://example.org/1"),
        ("x2", dt.date(2025, 1, 17), None, None),
    ]


def test_read_articles_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(GOOD.encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    [article], errors = _collect(["-"])
    assert errors == [] and article.id == "stdin"
    assert article.published == dt.date(2025, 12, 3)


def test_read_articles_normalizes_tone_marks_and_nfc(tmp_path: Path) -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", " date 2025-01-01 Hoà Bình thuỷ chung, Hòa Bình.")
    (tmp_path / "t.txt").write_text(decomposed, encoding="utf-8")
    [article], _ = _collect([tmp_path / "t.txt"])
    assert article.text == "Hòa Bình thủy chung, Hòa Bình."
    assert unicodedata.is_normalized("NFC", article.text)


# -- bad input: one error naming the file (and line), the good articles still come out


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("latin1.txt", " date 2025-01-01 Th\xe1i Lan".encode("latin-1"), "not valid UTF-8"),
    ("empty.txt", b"   \n", "empty file"),
    ("baddate.txt", " date 2025-13-45 Thủ tướng thăm Lào.".encode(), "malformed date '2025-13-45'"),
    ("header-only.txt", b" date 2025-01-01 ", "empty article"),
])
def test_read_articles_bad_file_is_one_error_and_others_go_on(
        corpus: Path, name: str, content: bytes, reason: str) -> None:
    bad = corpus / name
    bad.write_bytes(content)
    articles, errors = _collect([corpus])
    assert [a.id for a in articles] == ["b", "a"]
    [err] = errors
    assert err.path == str(bad)
    assert reason in str(err)
    assert str(err).startswith(str(bad))


def test_read_articles_oversized_file(corpus: Path) -> None:
    big = corpus / "big.txt"
    big.write_text(" date 2025-01-01 " + "Thủ tướng thăm Lào. " * 400, encoding="utf-8")
    articles, errors = _collect([corpus], max_bytes=4000)
    assert [a.id for a in articles] == ["b", "a"]
    [err] = errors
    assert err.path == str(big) and "over the 4.0 kB limit" in str(err)


def test_read_articles_jsonl_bad_lines_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok1", "date": "2025-01-01", "text": "Thủ tướng thăm Lào."}),
        "{not json",
        json.dumps({"id": "notext", "date": "2025-01-01"}),
        json.dumps({"id": "baddate", "date": "2025-13-45", "text": "x"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "ok2", "text": "Hai bên ký kết hiệp định."}),
    ]), encoding="utf-8")
    articles, errors = _collect([path])
    assert [a.id for a in articles] == ["ok1", "ok2"]
    assert [(e.line, e.reason.split(":")[0]) for e in errors] == [
        (2, "not JSON"), (3, 'record has no "text"'), (4, "malformed date '2025-13-45'"),
        (5, "a record must be a JSON object"),
    ]
    assert str(errors[0]).startswith(f"{path}:2: not JSON")


def test_read_articles_missing_path_and_duplicate_id(
        tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> None:
    other = tmp_path_factory.mktemp("other")
    (other / "b.txt").write_text(GOOD, encoding="utf-8")
    articles, errors = _collect([corpus, other, other / "nope.txt"])
    assert [a.id for a in articles] == ["b", "a"]
    assert [e.reason for e in errors] == [
        f"duplicate article id 'b' (first read from {corpus / 'b.txt'}); skipped",
        "no such file or directory",
    ]


def test_read_articles_raises_without_handler(tmp_path: Path) -> None:
    (tmp_path / "e.txt").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="empty file"):
        list(read_articles([tmp_path / "e.txt"]))


@given(st.text(alphabet="aàáảãạoòóỏõọeèéuùúủũụyỳýỷỹỵqhQHOAUY ", max_size=40))
def test_normalize_text_is_idempotent_and_keeps_length(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert len(once) == len(normalize_text(text))


def test_read_article_text_offsets_point_into_normalized_text() -> None:
    article = read_article_text(" date 2025-01-01 Tuỳ Hoà ký.", article_id="t")
    assert article.text == "Tùy Hòa ký."
    assert article.text[8:10] == "ký"


def test_read_articles_directory_passes_over_annotation_jsonl(corpus: Path) -> None:
    gold = corpus / "gold.jsonl"
    gold.write_text(json.dumps({"id": "b", "date": "2025-12-03", "entities": [], "relations": []}) + "\n",
                    encoding="utf-8")
    articles, errors = _collect([corpus])
    assert [a.id for a in articles] == ["b", "a"] and errors == []
    _, named_errors = _collect([gold])
    assert [e.reason for e in named_errors] == ['record has no "text"']
