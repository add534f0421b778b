"""Offsets slice back to their text, and extraction is deterministic."""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kg.ingest import read_article_text
from kg.runner import extract_article

_PIECES = ["Thủ tướng Phạm Minh Chính", "hội đàm với", "Tổng thống Hàn Quốc Lee Jae-myung", ", ", "; ",
           "thăm chính thức", "Nhật Bản", "ngày 3/12", "dự Hội nghị Cấp cao ASEAN", "ông Nguyễn Văn An",
           "ký bản ghi nhớ về hợp tác", ".", "\n", "Ảnh: Minh Anh", "hai bên"]


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_offsets_slice_back_to_text(pieces):
    assume(" ".join(pieces).strip())  # an empty article is an input error, not a text
    article = read_article_text(" ".join(pieces), article_id="h")
    ex = extract_article(article)
    text = article.text
    for ent in ex.entities:
        for m in ent.mentions:
            assert text[m.start:m.end] == m.text
    for fact in (*ex.relations, *ex.positions, *ex.quantities):
        ev = fact.evidence
        assert text[ev.sentence_start:ev.sentence_end] == ev.sentence
        assert ev.sentence_start <= ev.start <= ev.end <= ev.sentence_end


def test_extraction_is_deterministic():
    text = ("Chiều 3/12, Thủ tướng Phạm Minh Chính hội kiến Tổng thống Hàn Quốc Lee Jae-myung; "
            "hai bên ký bản ghi nhớ về hợp tác.")
    first = extract_article(read_article_text(text, article_id="d"))
    second = extract_article(read_article_text(text, article_id="d"))
    assert first == second
