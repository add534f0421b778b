"""kg.extract.dates: each written form of a date, periods, spans, and dates carried to relations."""

import datetime as dt

import pytest

from kg.extract.dates import find_dates
from tests.extract.conftest import dated

REF = dt.date(2025, 11, 30)


@pytest.mark.parametrize("text,value", [
    ("ngày 1-2/12", "2025-12-01"),
    ("2/12/1975", "1975-12-02"),
    ("Tháng 7/2024,", "2024-07"),
    ("năm 2026", "2026"),
    ("hôm nay", "2025-11-30"),
    ("chiều 3/12", "2025-12-03"),
    ("hồi tháng 9/2024", "2024-09"),
    ("ngày 5 tháng 1 năm 2024", "2024-01-05"),
    ("tối qua", "2025-11-29"),
    ("sáng 28/11", "2025-11-28"),
    ("ngày 3/1", "2026-01-03"),
])
def test_dates_each_form(text, value):
    assert [d.value for d in find_dates(text, REF)] == [value]


def test_dates_first_months_of_a_year_are_a_period():
    (d,) = find_dates("10 tháng đầu năm 2025", REF)
    assert (d.value, d.period_end) == ("2025-01", "2025-10")


@pytest.mark.parametrize("text,value", [
    ("NGÀY 5 THÁNG 1 NĂM 2024", "2024-01-05"),
    ("THÁNG 7/2024", "2024-07"),
    ("Hôm Qua", "2025-11-29"),
    ("SÁNG MAI", "2025-12-01"),
    ("NGÀY 1-2/12", "2025-12-01"),
])
def test_dates_any_case_passes_the_quick_tests(text, value):
    # find_dates skips a pattern when the sentence lacks a word all its matches have; in any case
    assert [d.value for d in find_dates(text, REF)] == [value]


@pytest.mark.heldout("heldout")
def test_dates_day_span_and_from_to_are_spans():
    ref = dt.date(2025, 9, 10)
    got = [(d.value, d.period_end) for d in find_dates("thăm Brazil từ ngày 8-10/9 và từ ngày 30/9 đến 2/10", ref)]
    assert got == [("2025-09-08", "2025-09-10"), ("2025-09-30", "2025-10-02")]


@pytest.mark.heldout("heldout")
def test_dates_same_day_carries_a_day_not_a_month_nor_a_span_start():
    text = ("Sáng 9/3, Tổng thống Ai Cập Abdel Fattah el-Sisi hội đàm với Thủ tướng Phạm Minh Chính, "
            "nhân dịp thăm chính thức Việt Nam từ ngày 8-10/3. "
            "Hai bên nhắc lại chuyến thăm Cairo của Chủ tịch nước Lương Cường hồi tháng 12/2024. "
            "Chiều cùng ngày, Tổng thống Abdel Fattah el-Sisi hội kiến Chủ tịch Quốc hội Trần Thanh Mẫn.")
    got = dated(text)
    assert ("Abdel Fattah el-Sisi", "met", "Trần Thanh Mẫn", "2025-03-09") in got


@pytest.mark.issue(10)
def test_issue10_hyphenated_day_month_dates_the_relation():
    text = "Sáng 24-10, Thủ tướng Lê Văn Hòa đã hội đàm với Thủ tướng Ấn Độ Narendra Modi."
    assert ("Lê Văn Hòa", "met", "Narendra Modi", "2024-10-24") in dated(text, date=dt.date(2024, 10, 25))


@pytest.mark.issue(10)
def test_issue10_a_score_or_a_range_without_a_day_word_is_no_date():
    assert find_dates("Đội tuyển thắng 3-1 trong trận đấu.", dt.date(2025, 3, 10)) == []
