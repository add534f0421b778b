"""kg.extract.quantities: trade and investment figures."""

from kg.extract.quantities import find_quantities


def test_quantities_trade_and_investment():
    text = ("Kim ngạch thương mại song phương năm 2024 đạt hơn 3,2 tỷ USD, tăng 12,5%; "
            "Hàn Quốc có 10.000 dự án với tổng vốn đăng ký khoảng 87 tỷ USD.")
    got = {(q.metric, q.value, q.qualifier, q.change_pct) for q in find_quantities(text)}
    assert ("trade_turnover", 3.2e9, "over", 12.5) in got
    assert ("registered_capital", 87e9, "approx", None) in got
    assert ("project_count", 10000.0, "", None) in got


def test_quantities_any_case_passes_the_quick_tests():
    got = {(q.metric, q.value, q.unit) for q in find_quantities("Vốn đăng ký 87 TỶ Usd, gồm 10 DỰ ÁN")}
    assert got == {("registered_capital", 87e9, "Usd"), ("project_count", 10.0, "project")}
