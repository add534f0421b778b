"""Names and offices as real reporting writes them (issue #11), on sentences written for the tests."""

from __future__ import annotations

from tests.extract.conftest import entities, positions, record


def _titles(text: str, person: str) -> set[str]:
    return {t.lower() for p, t, _ in positions(text) if p == person}


def test_titles_stacked_without_a_comma_are_one_persons_offices():
    text = "Về phía Thái Lan có Phó Thủ tướng Bộ trưởng Quốc phòng Somchai Prasert."
    assert _titles(text, "Somchai Prasert") == {"phó thủ tướng", "bộ trưởng quốc phòng"}


def test_titles_minister_then_head_of_the_government_office():
    text = "Cùng dự có Bộ trưởng Chủ nhiệm Văn phòng Chính phủ Trần Minh Đức."
    assert _titles(text, "Trần Minh Đức") == {"bộ trưởng", "chủ nhiệm văn phòng chính phủ"}


def test_titles_acting_minister_in_charge_of_a_body_keeps_the_body():
    text = "Dự có Phó Thủ tướng Quyền Bộ trưởng phụ trách Văn phòng Hội đồng Bộ trưởng Chea Vuthy."
    assert _titles(text, "Chea Vuthy") == {"phó thủ tướng", "quyền bộ trưởng phụ trách văn phòng hội đồng bộ trưởng"}
    assert ("Văn phòng Hội đồng Bộ trưởng", "Organization") in entities(text)


def test_titles_stacked_are_not_taken_for_an_earlier_holders_list():
    text = ("Dự có Phó Thủ tướng Chan Dara, Phó Thủ tướng Bộ trưởng Quan hệ Quốc hội, Thượng viện "
            "và Thanh tra Bounmy Sith.")
    assert _titles(text, "Bounmy Sith") == {"phó thủ tướng", "bộ trưởng quan hệ quốc hội, thượng viện và thanh tra"}


def test_titles_body_name_ending_in_lower_case_words_before_the_name():
    text = "Dự có Phó Thủ tướng Chủ tịch Cơ quan Quốc gia Phòng chống ma tuý Sok Rith."
    assert "chủ tịch cơ quan quốc gia phòng chống ma túy" in _titles(text, "Sok Rith")
    assert ("Cơ quan Quốc gia Phòng chống ma túy", "Organization") in entities(text)


def test_titles_body_known_by_its_acronym_is_the_posts_organization():
    text = "Thủ tướng làm việc với Chủ tịch Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA) Kim Min Su."
    assert ("Kim Min Su", "Chủ tịch", "Cơ quan Hợp tác Quốc tế Hàn Quốc") in positions(text)


def test_titles_military_staff_office_with_a_lower_case_army():
    text = "Đón đoàn có Tổng tư lệnh quân đội Hoàng gia Campuchia Pol Dara."
    assert ("Pol Dara", "Person") in entities(text)
    assert ("quân đội Hoàng gia Campuchia", "Organization") in entities(text)
    assert any(t.startswith("tổng tư lệnh quân đội") for t in _titles(text, "Pol Dara"))


def test_titles_royal_government_before_a_country_is_not_the_name():
    text = "Thủ tướng Chính phủ Hoàng gia Campuchia Samdech Techo Hun Sen phát biểu."
    assert ("Hun Sen", "Person") in entities(text)
    assert not any(name.startswith("Hoàng") for name, _ in entities(text))


def test_titles_provincial_and_state_offices_keep_the_province():
    text = "Bí thư tỉnh Nghệ An Trần Quang Minh tiếp Thủ hiến bang Sabah Hajiji Noor."
    assert _titles(text, "Trần Quang Minh") == {"bí thư tỉnh nghệ an"}
    assert _titles(text, "Hajiji Noor") == {"thủ hiến bang sabah"}
    assert ("Sabah", "Location") in entities(text)


def test_titles_assistant_to_a_leader_is_an_office_of_its_own():
    text = "Cùng dự có Trợ lý Chủ tịch nước Đỗ Minh Tâm."
    assert _titles(text, "Đỗ Minh Tâm") == {"trợ lý chủ tịch nước"}


def test_titles_envoy_of_a_leader_is_the_person_after_la():
    text = "Sáng 3/3, Đặc phái viên của Thủ tướng Lê Văn Hải là Bộ trưởng Bộ Công Thương Đỗ Minh Tâm đã tới Lào."
    assert _titles(text, "Đỗ Minh Tâm") == {"đặc phái viên của thủ tướng", "bộ trưởng bộ công thương"}
    assert _titles(text, "Lê Văn Hải") == {"thủ tướng"}


def test_names_one_slip_in_a_syllable_is_the_same_person_when_the_office_agrees():
    text = ("Bộ trưởng Nguyễn Chí Thành và Chủ tịch Ủy ban Park Jea Won chủ trì lễ ký. "
            "Sau đó Bộ trưởng Nguyễn Chính Thành và Chủ tịch Park Jae Won trao văn kiện.")
    persons = {e["name"]: e["aliases"] for e in record(text)["entities"] if e["type"] == "Person"}
    assert len(persons) == 2
    assert {"Nguyễn Chí Thành", "Nguyễn Chính Thành"} & ({n for n in persons} | {a for al in persons.values() for a in al})
    assert not any(t == "chủ tịch" for p, t, _ in positions(text))  # the short form joins the long one


def test_names_namesakes_with_different_offices_stay_apart():
    text = "Thứ trưởng Lê Văn Nam gặp Đại sứ Lê Văn Năm tại Hà Nội."
    persons = {e["name"] for e in record(text)["entities"] if e["type"] == "Person"}
    assert {"Lê Văn Nam", "Lê Văn Năm"} <= persons
