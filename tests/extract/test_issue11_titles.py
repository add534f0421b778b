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


def test_abbreviated_assembly_in_a_title_reads_in_full():
    assert ("Trần Văn Hùng", "Chủ tịch Quốc hội", "Việt Nam") in positions("Chủ tịch QH Trần Văn Hùng phát biểu.")


def test_abbreviated_ministries_expand_with_the_short_form_as_alias():
    text = ("Bộ trưởng Bộ GD-ĐT Lê Thị Mai, Thứ trưởng Bộ KH&CN Phạm Văn Tâm, Bộ trưởng Bộ VH-TT-DL "
            "Hồ Văn Long và Thứ trưởng Bộ LĐ-TB-XH Ngô Thị Hà dự họp tại Bộ TN-MT.")
    got = positions(text)
    assert ("Lê Thị Mai", "Bộ trưởng Bộ Giáo dục và Đào tạo", "Việt Nam") in got
    assert ("Phạm Văn Tâm", "Thứ trưởng Bộ Khoa học và Công nghệ", "Việt Nam") in got
    assert ("Hồ Văn Long", "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch", "Việt Nam") in got
    assert ("Ngô Thị Hà", "Thứ trưởng Bộ Lao động - Thương binh và Xã hội", "Việt Nam") in got
    orgs = {e["name"]: e["aliases"] for e in record(text)["entities"] if e["type"] == "Organization"}
    assert "Bộ GD-ĐT" in orgs["Bộ Giáo dục và Đào tạo"]
    assert "Bộ TN-MT" in orgs["Bộ Tài nguyên và Môi trường"]


def test_abbreviated_city_and_front_in_titles():
    text = "Chủ tịch UBND TP.HCM Đinh Văn Lâm gặp Chủ tịch Ủy ban Trung ương MTTQ Việt Nam Hà Văn Đông."
    got = positions(text)
    assert ("Đinh Văn Lâm", "Chủ tịch UBND TP.HCM", "Việt Nam") in got
    assert ("Hà Văn Đông", "Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Việt Nam") in got
    assert ("Thành phố Hồ Chí Minh", "Location") in entities(text)
    assert ("TP.HCM", "Organization") not in entities(text)


def test_honorifics_come_off_the_name_and_stay_aliases():
    text = ("Thủ tướng Ấn Độ Shri Narendra Modi tiếp Sheikh Tamim bin Hamad, Tun Abdul Razak, "
            "Datuk Seri Anwar Ibrahim và Dr. Jose Ramos-Horta.")
    persons = {e["name"]: e["aliases"] for e in record(text)["entities"] if e["type"] == "Person"}
    assert set(persons) == {"Narendra Modi", "Tamim bin Hamad", "Abdul Razak", "Anwar Ibrahim", "Jose Ramos-Horta"}
    assert "Datuk Seri Anwar Ibrahim" in persons["Anwar Ibrahim"]
    assert "Dr. Jose Ramos-Horta" in persons["Jose Ramos-Horta"]


def test_honorifics_ngai_and_ba_before_a_name():
    text = "Ngài Lee Hsien Loong và bà Halimah Yacob tới Hà Nội."
    persons = {e["name"] for e in record(text)["entities"] if e["type"] == "Person"}
    assert persons == {"Lee Hsien Loong", "Halimah Yacob"}


def test_foreign_names_hyphenated_and_spaced_are_one_person():
    text = "Tổng thống Moon Jae In hội đàm với Thủ tướng. Ông Moon Jae-in cảm ơn nước chủ nhà."
    persons = [e for e in record(text)["entities"] if e["type"] == "Person"]
    assert len(persons) == 1 and "Moon Jae-in" in persons[0]["aliases"] + [persons[0]["name"]]


def test_foreign_names_an_initial_is_an_alias_of_the_full_name():
    text = "Tổng thống Mỹ Joe Biden đến Hà Nội. Ông J. Biden được đón tại sân bay."
    persons = [e for e in record(text)["entities"] if e["type"] == "Person"]
    assert [p["name"] for p in persons] == ["Joe Biden"]
    assert "J. Biden" in persons[0]["aliases"]


def test_titles_short_and_long_form_of_one_office_give_the_fullest():
    text = "Bộ trưởng Bộ Công an Lương Văn Tài tiếp đoàn. Bộ trưởng Lương Văn Tài cảm ơn."
    assert _titles(text, "Lương Văn Tài") == {"bộ trưởng bộ công an"}


def test_titles_party_posts_before_a_state_post():
    text = "Ủy viên Trung ương Đảng, Bộ trưởng Bộ Xây dựng Lâm Văn Tú dự lễ."
    assert _titles(text, "Lâm Văn Tú") == {"ủy viên trung ương đảng", "bộ trưởng bộ xây dựng"}


def test_titles_apposition_after_a_name():
    text = "Ông Lâm Văn Tú, Chủ nhiệm Văn phòng Quốc hội, dự lễ."
    assert "chủ nhiệm văn phòng quốc hội" in _titles(text, "Lâm Văn Tú")


def test_entities_top_body_of_a_country_is_no_entity_outside_a_name():
    assert not any(t == "Organization" for _, t in entities("Chính phủ Việt Nam luôn coi trọng quan hệ với Lào."))
    text = "Hai bên ký Hiệp định giữa Chính phủ Việt Nam và Chính phủ Lào về hợp tác."
    assert ("Chính phủ Việt Nam", "Organization") in entities(text)


def test_entities_countries_joined_by_hyphens_inside_an_event_name():
    text = "Thủ tướng dự Hội nghị Cấp cao Hợp tác Campuchia-Lào-Myanmar-Việt Nam lần thứ 8."
    got = entities(text)
    assert {("Campuchia", "Country"), ("Lào", "Country"), ("Myanmar", "Country"), ("Việt Nam", "Country")} <= got


def test_entities_a_province_printed_with_a_tight_hyphen():
    got = entities("Đoàn thăm tỉnh Bà Rịa-Vũng Tàu.")
    assert ("Bà Rịa - Vũng Tàu", "Location") in got
    assert not any(t == "Person" for _, t in got)


def test_entities_elliptical_list_of_ministries_gives_each_ministry():
    got = entities("Đại diện các bộ: Ngoại giao, Công an, Quốc phòng và Công Thương dự họp.")
    assert {("Bộ Ngoại giao", "Organization"), ("Bộ Công an", "Organization"),
            ("Bộ Quốc phòng", "Organization"), ("Bộ Công Thương", "Organization")} <= got


def test_entities_a_list_that_is_one_ministry_is_left_to_the_organization_pattern():
    assert ("Bộ Ngoại giao", "Organization") in entities("Bộ Ngoại giao cho biết.")


def test_entities_bare_ministry_is_an_alias_of_the_one_named_with_its_country():
    text = "Bộ trưởng Bộ Quốc phòng Lào Chansamone Chanyalath thăm Việt Nam. Bộ Quốc phòng cảm ơn."
    orgs = {e["name"]: e["aliases"] for e in record(text)["entities"] if e["type"] == "Organization"}
    assert "Bộ Quốc phòng" not in orgs
    assert "Bộ Quốc phòng" in orgs["Bộ Quốc phòng Lào"]


def test_entities_government_building_as_a_venue_is_a_location():
    text = "Chiều 5/3, tại Văn phòng Chính phủ, Thủ tướng tiếp đoàn. Chủ nhiệm Văn phòng Chính phủ Trần Văn Sơn dự."
    got = entities(text)
    assert ("Văn phòng Chính phủ", "Location") in got
    assert ("Văn phòng Chính phủ", "Organization") in got  # inside the title it is the body


def test_entities_a_ministry_with_and_in_its_name_is_no_list():
    got = entities("Lãnh đạo Bộ Giáo dục và Đào tạo Việt Nam và Bộ Văn hóa, Thể thao và Du lịch dự lễ.")
    assert ("Bộ Đào tạo", "Organization") not in got and ("Bộ Thể thao", "Organization") not in got


def test_entities_unnamed_people_are_no_entities():
    got = entities("Phu nhân Thủ tướng và Bộ trưởng Ngoại giao Singapore cùng dự tiệc.")
    assert not any(t == "Person" for _, t in got)


def test_entities_a_person_inside_a_museum_name_is_no_entity():
    got = entities("Đoàn thăm Bảo tàng Lê-nin tại Moskva.")
    assert ("Bảo tàng Lê-nin", "Location") in got
    assert not any(t == "Person" for _, t in got)


def test_titles_a_committee_of_the_assembly_keeps_cua_quoc_hoi():
    text = "Tổng Bí thư tiếp Chủ tịch Ủy ban Đối ngoại của Quốc hội Lê Tấn Hòa."
    assert _titles(text, "Lê Tấn Hòa") == {"chủ tịch ủy ban đối ngoại của quốc hội"}
    assert ("Ủy ban Đối ngoại của Quốc hội", "Organization") in entities(text)


def test_historical_honorific_before_an_initialled_name_in_a_monument():
    text = "Đoàn đặt hoa tại tượng đài Lãnh tụ V.I. Lê-nin."
    assert ("tượng đài Lãnh tụ V.I. Lê-nin", "Location") in entities(text)
    assert not positions(text)


def test_names_a_misspelt_known_leader_with_a_title_is_the_leader():
    text = "Chủ tịch Trung Quốc Tập Cận Bìng tiếp đoàn. Tổng thống Vladimir Putn gọi điện."
    persons = {e["name"]: e["aliases"] for e in record(text)["entities"] if e["type"] == "Person"}
    assert set(persons) == {"Tập Cận Bình", "Vladimir Putin"}
    assert "Tập Cận Bìng" in persons["Tập Cận Bình"] and "Vladimir Putn" in persons["Vladimir Putin"]


def test_titles_an_office_of_a_foreign_province_is_not_vietnams_for_a_sino_vietnamese_name():
    text = "Bí thư Tỉnh ủy Quảng Đông Hoàng Khôn Minh đón đoàn. Bí thư Thành ủy Hà Nội Đinh Tiến Dũng cùng dự."
    got = positions(text)
    assert ("Hoàng Khôn Minh", "Bí thư Tỉnh ủy Quảng Đông", None) in got
    assert ("Đinh Tiến Dũng", "Bí thư Thành ủy Hà Nội", "Việt Nam") in got
