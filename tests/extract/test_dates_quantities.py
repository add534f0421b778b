import datetime as dt

import pytest

from kg.extract.dates import find_dates
from kg.extract.quantities import find_quantities

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


def test_quantities_trade_and_investment():
    text = ("Kim ngạch thương mại song phương năm 2024 đạt hơn 3,2 tỷ USD, tăng 12,5%; "
            "Hàn Quốc có 10.000 dự án với tổng vốn đăng ký khoảng 87 tỷ USD.")
    got = {(q.metric, q.value, q.qualifier, q.change_pct) for q in find_quantities(text)}
    assert ("trade_turnover", 3.2e9, "over", 12.5) in got
    assert ("registered_capital", 87e9, "approx", None) in got
    assert ("project_count", 10000.0, "", None) in got


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


def test_quantities_any_case_passes_the_quick_tests():
    got = {(q.metric, q.value, q.unit) for q in find_quantities("Vốn đăng ký 87 TỶ Usd, gồm 10 DỰ ÁN")}
    assert got == {("registered_capital", 87e9, "Usd"), ("project_count", 10.0, "project")}
