"""Hand-made extractions: the store and query tests' own small world.

Four articles, built without the extractor so the tests pin the store and the
queries alone:

- ``lao-a`` (2025-12-01): Tổng Bí thư Tô Lâm holds talks with Tổng Bí thư,
  Chủ tịch nước Lào Thongloun Sisoulith in Viêng Chăn on 2025-12-01, on a
  state visit to Lào (at Thongloun's invitation); the two sides (Việt Nam,
  Lào) sign the Hiệp định hợp tác quốc phòng; trade 2024: 2.2 billion USD.
- ``lao-b`` (2025-12-02): a second report of the same talks, dated 2025-12-02.
- ``apec`` (2025-10-31): Chủ tịch nước Lương Cường attends the APEC summit in
  Gyeongju and meets Tập Cận Bình.
- ``to-lam-2024`` (2024-08-03): Chủ tịch nước Tô Lâm receives Thongloun.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from kg.model import Article, Entity, Evidence, Extraction, Position, Quantity, Relation


def _article(article_id: str, date: str, text: str) -> Article:
    return Article(id=article_id, text=text, published=dt.date.fromisoformat(date),
                   source=f"tests/{article_id}.txt",
                   content_hash=hashlib.sha256(f"{date}\n{text}".encode()).hexdigest())


def _ev(article: Article, phrase: str) -> Evidence:
    start = article.text.index(phrase)
    return Evidence(article.id, article.text, 0, start, start + len(phrase))


TO_LAM = Entity("Tô Lâm", "Person", "Tô Lâm", aliases=("Tổng Bí thư Tô Lâm",))
THONGLOUN = Entity("Thongloun Sisoulith", "Person", "Thongloun Sisoulith")
LUONG_CUONG = Entity("Lương Cường", "Person", "Lương Cường")
XI = Entity("Tập Cận Bình", "Person", "Tập Cận Bình", aliases=("Xi Jinping",))
VN = Entity("Việt Nam", "Country", "Việt Nam", english_name="Vietnam")
LAO = Entity("Lào", "Country", "Lào", aliases=("CHDCND Lào",), english_name="Laos")
HAN = Entity("Hàn Quốc", "Country", "Hàn Quốc", english_name="South Korea")
CN = Entity("Trung Quốc", "Country", "Trung Quốc", english_name="China")
VIENTIANE = Entity("Viêng Chăn", "Location", "Viêng Chăn")
GYEONGJU = Entity("Gyeongju", "Location", "Gyeongju")
AGREEMENT = Entity("Hiệp định hợp tác quốc phòng", "Agreement", "Hiệp định hợp tác quốc phòng")
APEC = Entity("Hội nghị Cấp cao APEC 2025", "Event", "Hội nghị Cấp cao APEC 2025")


def lao_a() -> Extraction:
    text = ("Ngày 1/12, tại Viêng Chăn, Tổng Bí thư Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước "
            "Lào Thongloun Sisoulith trong chuyến thăm cấp nhà nước tới Lào theo lời mời của "
            "Tổng Bí thư Thongloun Sisoulith. Hai bên đã ký Hiệp định hợp tác quốc phòng. "
            "Năm 2024, kim ngạch thương mại hai nước đạt 2,2 tỷ USD.")
    art = _article("lao-a", "2025-12-01", text)
    ev = lambda phrase: _ev(art, phrase)
    return Extraction(
        article=art,
        entities=(TO_LAM, THONGLOUN, VN, LAO, VIENTIANE, AGREEMENT),
        positions=(
            Position("Tô Lâm", "Tổng Bí thư", "Việt Nam", None, ev("Tổng Bí thư Tô Lâm")),
            Position("Thongloun Sisoulith", "Tổng Bí thư", "Lào", None, ev("Tổng Bí thư, Chủ tịch nước")),
            Position("Thongloun Sisoulith", "Chủ tịch nước", "Lào", None, ev("Chủ tịch nước")),
        ),
        relations=(
            Relation("Tô Lâm", "met", "Thongloun Sisoulith", "2025-12-01", ev("hội đàm"),
                     kind="hội đàm", cameo="040", place="Viêng Chăn", confidence=0.9),
            Relation("Tô Lâm", "visited", "Lào", "2025-12-01", ev("thăm cấp nhà nước"),
                     kind="thăm cấp nhà nước", cameo="042"),
            Relation("Thongloun Sisoulith", "invited", "Tô Lâm", None, ev("theo lời mời"), cameo="039"),
            Relation("Việt Nam", "signed", "Hiệp định hợp tác quốc phòng", "2025-12-01", ev("đã ký"),
                     cameo="057"),
            Relation("Lào", "signed", "Hiệp định hợp tác quốc phòng", "2025-12-01", ev("đã ký"),
                     cameo="057"),
        ),
        quantities=(
            Quantity("trade_turnover", 2.2e9, "USD", "2024", ("Việt Nam", "Lào"),
                     ev("kim ngạch thương mại hai nước đạt 2,2 tỷ USD")),
        ),
        extractors=("hand.v1",),
    )


def lao_b() -> Extraction:
    text = "Hôm qua, Tổng Bí thư Tô Lâm đã hội đàm với Tổng Bí thư Thongloun Sisoulith."
    art = _article("lao-b", "2025-12-02", text)
    return Extraction(
        article=art,
        entities=(TO_LAM, THONGLOUN, VN),
        positions=(Position("Tô Lâm", "Tổng Bí thư", "Việt Nam", None, _ev(art, "Tổng Bí thư Tô Lâm")),),
        relations=(Relation("Thongloun Sisoulith", "met", "Tô Lâm", "2025-12-02", _ev(art, "hội đàm"),
                            kind="hội đàm", cameo="040"),),
        extractors=("hand.v1",),
    )


def apec() -> Extraction:
    text = ("Chủ tịch nước Lương Cường dự Hội nghị Cấp cao APEC 2025 tại Gyeongju, Hàn Quốc, "
            "và hội kiến Chủ tịch Trung Quốc Tập Cận Bình.")
    art = _article("apec", "2025-10-31", text)
    return Extraction(
        article=art,
        entities=(LUONG_CUONG, XI, VN, HAN, CN, GYEONGJU, APEC),
        positions=(
            Position("Lương Cường", "Chủ tịch nước", "Việt Nam", None, _ev(art, "Chủ tịch nước Lương Cường")),
            Position("Tập Cận Bình", "Chủ tịch", "Trung Quốc", None, _ev(art, "Chủ tịch Trung Quốc")),
        ),
        relations=(
            Relation("Lương Cường", "attended", "Hội nghị Cấp cao APEC 2025", "2025-10-31",
                     _ev(art, "dự Hội nghị"), kind="dự", place="Gyeongju"),
            Relation("Lương Cường", "met", "Tập Cận Bình", "2025-10-31", _ev(art, "hội kiến"),
                     kind="hội kiến", cameo="040", place="Gyeongju"),
            Relation("Lương Cường", "visited", "Hàn Quốc", "2025-10-30", _ev(art, "tại Gyeongju, Hàn Quốc"),
                     kind="thăm"),
        ),
        extractors=("hand.v1",),
    )


def to_lam_2024() -> Extraction:
    text = "Chủ tịch nước Tô Lâm tiếp Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith."
    art = _article("to-lam-2024", "2024-08-03", text)
    return Extraction(
        article=art,
        entities=(TO_LAM, THONGLOUN, VN, LAO),
        positions=(
            Position("Tô Lâm", "Chủ tịch nước", "Việt Nam", None, _ev(art, "Chủ tịch nước Tô Lâm")),
            Position("Thongloun Sisoulith", "Tổng Bí thư", "Lào", None, _ev(art, "Tổng Bí thư")),
        ),
        relations=(Relation("Tô Lâm", "met", "Thongloun Sisoulith", "2024-08-03", _ev(art, "tiếp"),
                            kind="tiếp", cameo="040"),),
        extractors=("hand.v1",),
    )


def all_samples() -> list[Extraction]:
    return [lao_a(), lao_b(), apec(), to_lam_2024()]


def bad() -> Extraction:
    """Refers to an entity it does not define: must be refused whole."""
    text = "Tô Lâm gặp Ai Đó."
    art = _article("bad", "2025-01-01", text)
    return Extraction(article=art, entities=(TO_LAM,),
                      positions=(Position("Tô Lâm", "Tổng Bí thư", None, None, _ev(art, "Tô Lâm")),),
                      relations=(Relation("Tô Lâm", "met", "Ai Đó", None, _ev(art, "gặp")),))
