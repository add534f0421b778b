"""Classes of failure found on the held-out articles, tested on new sentences (other people, other states)."""

import pytest

from tests.extract.conftest import entities, positions, rels


def test_titles_portfolio_without_bo_joined_by_and_and_commas():
    text = ("Bộ trưởng Kinh tế, Thương mại và Công nghiệp Nhật Bản Muto Yoji và "
            "Phó Thủ tướng, Bộ trưởng Tài chính và Kế hoạch Ai Cập Rania Al-Mashat ký Bản ghi nhớ về hợp tác năng lượng.")
    got = {(p, t) for p, t, _ in positions(text)}
    assert ("Muto Yoji", "Bộ trưởng Kinh tế, Thương mại và Công nghiệp") in got
    assert ("Rania Al-Mashat", "Bộ trưởng Tài chính và Kế hoạch") in got
    assert ("Rania Al-Mashat", "Phó Thủ tướng") in got
    assert ("Muto Yoji", "signed", "Bản ghi nhớ về hợp tác năng lượng") in rels(text)


def test_titles_company_head_splits_company_from_name():
    text = "Tổng Giám đốc Petrobras Magda Chambriard và Chủ tịch điều hành Embraer Francisco Gomes Neto dự hội thảo."
    got = {(p, t) for p, t, _ in positions(text)}
    assert ("Magda Chambriard", "Tổng Giám đốc") in got
    assert ("Petrobras", "Organization") in entities(text)


@pytest.mark.xfail(strict=True, reason="a three-word foreign name after an unknown company is cut at two "
                                       "words: 'Embraer Francisco' / 'Gomes Neto'")
def test_titles_company_head_with_a_three_word_name():
    text = "Chủ tịch điều hành Embraer Francisco Gomes Neto dự hội thảo."
    got = {(p, t) for p, t, _ in positions(text)}
    assert ("Francisco Gomes Neto", "Chủ tịch điều hành") in got


def test_titles_party_keeps_its_country_in_the_title():
    text = "Ông hội kiến Tổng Bí thư Đảng Lao động Triều Tiên Kim Jong-un tại Bình Nhưỡng."
    got = {(p, t) for p, t, _ in positions(text)}
    assert ("Kim Jong-un", "Tổng Bí thư Đảng Lao động Triều Tiên") in got or \
        ("Kim Jong-un", "Tổng Bí thư") in got


def test_titles_first_secretary_and_assembly_president():
    text = ("Ông tiếp Bí thư thứ nhất Đảng Cộng sản Việt Nam Nguyễn Văn Linh và "
            "Chủ tịch Đại hội đồng Liên Hợp Quốc Csaba Kőrösi.")
    got = {(p, t) for p, t, _ in positions(text)}
    assert ("Csaba Kőrösi", "Chủ tịch Đại hội đồng") in got
    assert any(p == "Nguyễn Văn Linh" and t.startswith("Bí thư thứ nhất") for p, t in got)


def test_ranks_before_a_name_with_appositive_offices():
    text = ("Thượng tướng Lê Văn Nam, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Quốc phòng đã tiếp "
            "Bộ trưởng Quốc phòng Brazil José Múcio.")
    assert ("Lê Văn Nam", "Person") in entities(text)
    assert ("Lê Văn Nam", "Thứ trưởng Bộ Quốc phòng") in {(p, t) for p, t, _ in positions(text)}
    assert ("Lê Văn Nam", "met", "José Múcio") in rels(text)


def test_spouse_with_name_is_a_person():
    text = "Chủ tịch nước đón Tổng thống Brazil Lula da Silva và Phu nhân Rosângela da Silva."
    assert ("Rosângela da Silva", "Person") in entities(text)


def test_named_buildings_without_a_name_after_the_head():
    text = ("Sáng 5/3, tại Phủ Tổng thống Ai Cập, hai bên hội đàm; chiều cùng ngày, ông tới Trụ sở Liên minh châu Âu "
            "và Nhà Quốc hội, rồi đặt hoa tại Khu tưởng niệm Tutankhamun trên đường Al-Tahrir Square.")
    got = entities(text)
    assert ("Phủ Tổng thống Ai Cập", "Location") in got
    assert ("Nhà Quốc hội", "Location") in got
    assert ("Khu tưởng niệm Tutankhamun", "Location") in got
    assert any(t == "Location" and n.startswith("Trụ sở Liên minh châu Âu") for n, t in got)


def test_head_inside_another_word_is_no_place():
    text = "Lễ đón diễn ra tại Đại lễ đường Nhân dân ở Bắc Kinh."
    assert not any(n.lower().startswith("đường") for n, _ in entities(text))


def test_dates_day_span_and_from_to_are_spans():
    import datetime as dt

    from kg.extract.dates import find_dates
    ref = dt.date(2025, 9, 10)
    got = [(d.value, d.period_end) for d in find_dates("thăm Brazil từ ngày 8-10/9 và từ ngày 30/9 đến 2/10", ref)]
    assert got == [("2025-09-08", "2025-09-10"), ("2025-09-30", "2025-10-02")]


def test_dates_same_day_carries_a_day_not_a_month_nor_a_span_start():
    from tests.extract.conftest import dated
    text = ("Sáng 9/3, Tổng thống Ai Cập Abdel Fattah el-Sisi hội đàm với Thủ tướng Phạm Minh Chính, "
            "nhân dịp thăm chính thức Việt Nam từ ngày 8-10/3. "
            "Hai bên nhắc lại chuyến thăm Cairo của Chủ tịch nước Lương Cường hồi tháng 12/2024. "
            "Chiều cùng ngày, Tổng thống Abdel Fattah el-Sisi hội kiến Chủ tịch Quốc hội Trần Thanh Mẫn.")
    got = dated(text)
    assert ("Abdel Fattah el-Sisi", "met", "Trần Thanh Mẫn", "2025-03-09") in got


def test_relations_fronted_clause_takes_the_subject_after_its_comma():
    text = ("Thủ tướng Ai Cập Mostafa Madbouly hội đàm với Thủ tướng Phạm Minh Chính. "
            "Đến Brasilia từ tối qua, Tổng thống Chile Gabriel Boric sẽ hội kiến Tổng thống Brazil Lula da Silva. "
            "Tối 5/3, ngay sau khi tới Cairo, Chủ tịch nước Lương Cường đã gặp cộng đồng người Việt.")
    got = rels(text)
    assert ("Gabriel Boric", "visited", "Brasilia") in got
    assert ("Mostafa Madbouly", "visited", "Brasilia") not in got
    assert ("Lương Cường", "visited", "Cairo") in got


def test_gazetteer_formal_state_prefix_before_a_short_name():
    text = "Tổng thống Lula da Silva sẽ thăm cấp Nhà nước Cộng hòa Ai Cập và Vương quốc Bỉ vào tháng 5."
    got = entities(text)
    assert ("Ai Cập", "Country") in got
    assert ("Lula da Silva", "visited", "Ai Cập") in rels(text)


def test_relations_passive_clause_keeps_the_chain_subject():
    text = ("Chiều cùng ngày, Tổng thống Ai Cập Abdel Fattah Al-Sisi hội kiến Thủ tướng Phạm Minh Chính, "
            "được Chủ tịch Quốc hội Trần Thanh Mẫn tiếp, và dự Diễn đàn Doanh nghiệp Việt Nam - Ai Cập.")
    got = rels(text)
    assert ("Abdel Fattah Al-Sisi", "attended", "Diễn đàn Doanh nghiệp Việt Nam - Ai Cập") in got
    assert ("Trần Thanh Mẫn", "attended", "Diễn đàn Doanh nghiệp Việt Nam - Ai Cập") not in got


def test_relations_passive_with_two_agents():
    text = ("Chiều nay, Thủ tướng Phạm Minh Chính sẽ được Tổng thống Brazil Lula da Silva và "
            "Phó Tổng thống Geraldo Alckmin lần lượt tiếp.")
    got = {frozenset((s, o)) for s, p, o in rels(text) if p == "met"}
    assert frozenset(("Phạm Minh Chính", "Geraldo Alckmin")) in got
    assert frozenset(("Lula da Silva", "Geraldo Alckmin")) not in got


def test_places_named_after_a_titled_person_and_honorific_prefixes():
    text = ("Tổng thống Argentina Javier Milei đặt vòng hoa tại Lăng Chủ tịch Hồ Chí Minh; "
            "Samdech Techo Hun Manet và Giáo sư Nguyễn Văn Bình cùng có mặt.")
    got = entities(text)
    assert ("Lăng Chủ tịch Hồ Chí Minh", "Location") in got
    assert ("Hun Manet", "Person") in got and ("Nguyễn Văn Bình", "Person") in got
    assert not any(s == "Hồ Chí Minh" for s, _, _ in rels(text))


def test_titles_honorific_between_title_and_name_is_not_in_the_name():
    text = "Thủ tướng tiếp Tổng thống Indonesia Ngài Joko Widodo và Chủ tịch Thượng viện Campuchia Samdech Techo Say Chhum."
    names = {name for name, kind in entities(text) if kind == "Person"}
    assert {"Joko Widodo", "Say Chhum"} <= names
    assert not any(name.startswith(("Ngài", "Samdech")) for name in names)
