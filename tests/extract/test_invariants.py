"""Offsets slice back to their text, and extraction is deterministic.

Hypothesis strings pieces together; each piece keeps the tags of its written
parse, so any order of pieces is a ``Doc`` built without underthesea.
"""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kg.extract import extract_doc
from kg.ingest import read_article_text
from kg.model import Doc
from tests.extract.conftest import doc_for
from tests.extract.doc_files import doc_of

_PIECES = ["Thủ tướng Phạm Minh Chính", "hội đàm với", "Tổng thống Hàn Quốc Lee Jae-myung", ", ", "; ",
           "thăm chính thức", "Nhật Bản", "ngày 3/12", "dự Hội nghị Cấp cao ASEAN", "ông Nguyễn Văn An",
           "ký bản ghi nhớ về hợp tác", ".", "\n", "Ảnh: Minh Anh", "hai bên"]


def _words(piece: str) -> list[tuple[str, str, str, str]]:
    if not piece.strip():
        return []
    return [word for sentence in doc_for(piece.strip()).sentences
            for word in ((t.text, t.pos, t.chunk, t.ner) for t in sentence.tokens)]


def _pieced_doc(pieces: list[str]) -> Doc:
    """One sentence a line, each word tagged as in its piece's own parse."""
    article = read_article_text(" ".join(pieces), article_id="h")
    words = doc_of(article, [[word for piece in pieces for word in _words(piece)]]).sentences[0].tokens
    lines, start = [], 0
    for line in article.text.split("\n"):
        end = start + len(line)
        lines.append([(t.text, t.pos, t.chunk, t.ner) for t in words if start <= t.start < end])
        start = end + 1
    return doc_of(article, lines)


def test_every_piece_has_a_written_parse():
    assert all(_words(piece) for piece in _PIECES if piece.strip())


@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12))
def test_offsets_slice_back_to_text(pieces):
    assume(" ".join(pieces).strip())  # an empty article is an input error, not a text
    doc = _pieced_doc(pieces)
    ex = extract_doc(doc)
    text = doc.article.text
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
    first = extract_doc(doc_for(text, article_id="d"))
    second = extract_doc(doc_for(text, article_id="d"))
    assert first.relations and first == second
