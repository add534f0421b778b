"""Offices dated by the time their sentence describes (issue #11)."""

from __future__ import annotations

import datetime as dt

from kg.extract.tenure import tenure_of
from kg.store import open_store
from tests.extract.conftest import extracted, record

REF = dt.date(2025, 1, 18)


def _tenure(sentence: str, mention: str, *, historical: bool = False):
    start = sentence.index(mention)
    return tenure_of(sentence, start, start + len(mention), REF, historical=historical)


def test_tenure_of_a_title_in_a_recalled_visit_is_the_month_recalled():
    s = "Hai bên nhắc lại chuyến thăm của Thủ tướng Đặng Văn Minh hồi tháng 6/2024 tới Hà Nội."
    assert _tenure(s, "Thủ tướng Đặng Văn Minh").date == "2024-06"


def test_tenure_of_a_clause_opened_by_a_year_is_that_year():
    s = "Năm 2019, Bộ trưởng Bộ Ngoại giao Lý Thị Hoa đã sang thăm Lào."
    assert _tenure(s, "Bộ trưởng Bộ Ngoại giao Lý Thị Hoa").date == "2019"


def test_tenure_of_a_title_on_the_day_reported_is_the_articles_time():
    s = "Chiều 17/1, Thủ tướng Đặng Văn Minh tiếp Đại sứ Pháp."
    got = _tenure(s, "Thủ tướng Đặng Văn Minh")
    assert got.date is None and not got.former


def test_tenure_ignores_a_past_date_that_belongs_to_another_clause():
    s = "Thủ tướng Đặng Văn Minh nói rằng hai nước đã ký hiệp định năm 2010."
    assert _tenure(s, "Thủ tướng Đặng Văn Minh").date is None


def test_tenure_ignores_a_span_cited_in_parentheses():
    s = "Thủ tướng Đặng Văn Minh dự lễ kỷ niệm 75 năm quan hệ (1950 - 2025) hôm nay."
    assert _tenure(s, "Thủ tướng Đặng Văn Minh").date is None


def test_tenure_former_and_late_titles_are_past_offices():
    assert _tenure("Nguyên Thủ tướng Lưu Văn Bình phát biểu.", "Nguyên Thủ tướng Lưu Văn Bình").former
    assert _tenure("Lễ tưởng niệm cố Chủ tịch nước Lưu Văn Bình.", "cố Chủ tịch nước Lưu Văn Bình").former
    s = "Khi còn là Bộ trưởng Bộ Công Thương, ông Lưu Văn Bình từng sang Lào."
    assert _tenure(s, "Bộ trưởng Bộ Công Thương").former


def test_tenure_term_in_parentheses_gives_start_and_end():
    s = "Ông Lưu Văn Bình, nguyên Chủ tịch Quốc hội (2011-2016), dự lễ."
    got = _tenure(s, "nguyên Chủ tịch Quốc hội")
    assert (got.held_from, got.held_until, got.former, got.date) == ("2011", "2016", True, "2016")


def test_tenure_of_a_historical_honorific_is_past():
    s = "Đoàn đặt vòng hoa tại tượng đài Chủ tịch Hồ Chí Minh."
    assert _tenure(s, "Chủ tịch Hồ Chí Minh", historical=True).former


_RECALLING = (
    " date 2025-01-18 Chiều 17/1, Tổng Bí thư Đặng Văn Minh tiếp Đại sứ Lào tại Việt Nam. "
    "Đại sứ nhắc lại chuyến thăm Lào của Tổng Bí thư, Chủ tịch nước Đặng Văn Minh hồi tháng 8/2024. "
    "Cùng dự có nguyên Phó Thủ tướng Trịnh Văn Khải. "
    "Trước đó, đoàn Lào đã viếng Lăng Chủ tịch Hồ Chí Minh."
)


def test_positions_recalled_office_is_dated_by_the_time_described():
    rows = {(p["person"], p["title"]): p for p in record(_RECALLING[17:], dt.date(2025, 1, 18))["positions"]}
    assert rows[("Đặng Văn Minh", "Chủ tịch nước")].get("date") == "2024-08"
    assert rows[("Đặng Văn Minh", "Tổng Bí thư")].get("date") is None  # also held on the day reported
    assert rows[("Trịnh Văn Khải", "Phó Thủ tướng")].get("former") is True
    assert all(p.get("former") for (person, _), p in rows.items() if person == "Hồ Chí Minh")


def test_store_leaders_as_of_and_holder_on_date_read_the_time_described(tmp_path):
    later = " date 2024-11-20 Sáng 19/11, Chủ tịch nước Lâm Quang Hưng tiếp Thủ tướng Lào thăm Việt Nam."
    with open_store(tmp_path / "store") as store:
        report = store.add([extracted(_RECALLING, article_id="recall"), extracted(later, article_id="later")])
        assert report.added == 2 and not report.failed
        rows = store.query(_HOLDER_ON.replace("DATE", "2024-09-01")).dicts()
        assert [r["holder"] for r in rows] == ["Đặng Văn Minh"]
        rows = store.query(_HOLDER_ON.replace("DATE", "2025-01-18")).dicts()
        assert [r["holder"] for r in rows] == ["Lâm Quang Hưng"]
        holders = {r["holder"] for r in store.query(_PRESIDENTS_EVER).dicts()}
        assert "Hồ Chí Minh" not in holders


def _query(name: str) -> str:
    from paths import QUERIES

    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


_HOLDER_ON = _query("office_holder_on").replace("2024-09-01", "DATE")
# every current holder of a Vietnamese office, as leaders_as_of reads them, on the last day
_PRESIDENTS_EVER = _query("leaders_as_of").replace("2024-12-31", "2099-12-31")


def test_positions_an_apposition_with_a_term_is_a_past_office_with_its_years():
    text = "Ông Nguyễn Văn An, nguyên Chủ tịch Quốc hội (2001-2006), phát biểu tại hội thảo."
    ex = extracted(text, REF)
    got = [(p.title, p.former, p.held_from, p.held_until, p.date) for p in ex.positions]
    assert got == [("Chủ tịch Quốc hội", True, "2001", "2006", "2006")]


def test_positions_late_prefix_is_read_only_before_an_office():
    text = "Cố vấn Lê Văn Tám nói chuyện. Đoàn viếng cố Thủ tướng Phan Văn Khải."
    ex = extracted(text, REF)
    assert [(p.title, p.former) for p in ex.positions] == [("Thủ tướng", True)]
