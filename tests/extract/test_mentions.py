from tests.extract.conftest import entities, positions, record


def test_titles_comma_joined_give_one_person_two_offices():
    text = "Tổng thống, Chủ tịch Đảng Dân chủ Indonesia Budi Santoso phát biểu tại hội nghị."
    assert ("Budi Santoso", "Person") in entities(text)
    got = positions(text)
    assert ("Budi Santoso", "Tổng thống", "Indonesia") in got


def test_titles_country_between_title_and_name():
    got = positions("Thủ tướng Nhật Bản Ishiba Shigeru và Tổng thống Pháp Emmanuel Macron có mặt.")
    assert ("Ishiba Shigeru", "Thủ tướng", "Nhật Bản") in got
    assert ("Emmanuel Macron", "Tổng thống", "Pháp") in got


def test_titles_ministry_stays_in_title_and_is_an_entity():
    text = "Bộ trưởng Bộ Quốc phòng Campuchia Tea Seiha đã tiếp Thứ trưởng Bộ Công an Lê Quốc Hùng."
    got = positions(text)
    assert ("Tea Seiha", "Bộ trưởng Bộ Quốc phòng", "Campuchia") in {(a, b, c) for a, b, c in got} or \
        any(p[0] == "Tea Seiha" and p[1] == "Bộ trưởng Bộ Quốc phòng" for p in got)
    assert any(p[0] == "Lê Quốc Hùng" and p[1] == "Thứ trưởng Bộ Công an" for p in got)
    assert ("Bộ Công an", "Organization") in entities(text)


def test_titles_rank_is_not_an_office():
    got = positions("Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc phòng, Đại tướng Phan Văn Giang dự lễ.")
    titles = {t for p, t, _ in got if p == "Phan Văn Giang"}
    assert titles == {"Ủy viên Bộ Chính trị", "Bộ trưởng Bộ Quốc phòng"}


def test_honorific_names_are_persons():
    ents = entities("Trong buổi làm việc, ông Nguyễn Văn Bình và bà Hoàng Thị Lan đã trao đổi ý kiến.")
    assert {("Nguyễn Văn Bình", "Person"), ("Hoàng Thị Lan", "Person")} <= ents


def test_gazetteer_aliases_and_english_names():
    rec = record("Mỹ và Cộng hòa Dân chủ Nhân dân Lào nhất trí tăng cường hợp tác.")
    by_name = {e["name"]: e for e in rec["entities"]}
    assert by_name["Hoa Kỳ"]["type"] == "Country"
    assert "United States" in by_name["Hoa Kỳ"]["aliases"]
    assert by_name["Lào"]["type"] == "Country"


def test_sino_vietnamese_leader_names_carry_latin_forms():
    rec = record("Chủ tịch Trung Quốc Tập Cận Bình phát biểu.")
    person = next(e for e in rec["entities"] if e["type"] == "Person")
    assert person["name"] == "Tập Cận Bình" and "Xi Jinping" in person["aliases"]


def test_head_nouns_give_organizations_events_agreements_places():
    ents = entities("Đoàn đến Quảng trường Ba Đình, dự Hội nghị Thượng đỉnh Mekong - Nhật Bản "
                    "và thăm Học viện Quốc phòng Thái Lan; hai bên ký bản ghi nhớ về hợp tác du lịch.")
    assert ("Quảng trường Ba Đình", "Location") in ents
    assert ("Hội nghị Thượng đỉnh Mekong - Nhật Bản", "Event") in ents
    assert ("Học viện Quốc phòng Thái Lan", "Organization") in ents
    assert ("bản ghi nhớ về hợp tác du lịch", "Agreement") in ents


def test_captions_credits_are_not_actors():
    text = "Chủ tịch nước Lương Cường tiếp Đại sứ Pháp Olivier Brochet.\nẢnh: Văn Điệp - TTXVN"
    names = {n for n, _ in entities(text)}
    assert "Văn Điệp" not in names and "Lương Cường" in names


def test_coref_short_and_title_only_mentions():
    text = ("Thủ tướng Campuchia Hun Manet tới Hà Nội. Ông Manet cho biết sẽ thăm Đà Nẵng. "
            "Chiều cùng ngày, Thủ tướng đã gặp Bộ trưởng Bộ Tài chính Nguyễn Văn Thắng.")
    rec = record(text)
    persons = [e["name"] for e in rec["entities"] if e["type"] == "Person"]
    assert persons.count("Hun Manet") == 1 and "Manet" not in persons
    assert ("Hun Manet", "met", "Nguyễn Văn Thắng") in {(r["s"], r["p"], r["o"]) for r in rec["relations"]}


def test_coref_spelling_variants_merge():
    from kg.extract.coref import variant_key

    assert variant_key("Xaysomphone Phomvihane") == variant_key("Saysomphone Phomvihane")
    assert variant_key("Nguyễn Văn An") != variant_key("Nguyễn Văn Ân")


def test_entity_keys_are_stable_across_articles():
    from tests.extract.conftest import extracted

    a = extracted("Thủ tướng Phạm Minh Chính thăm Singapore.")
    b = extracted("Hôm nay, Thủ tướng Phạm Minh Chính đã gặp ông Lawrence Wong.")
    key = {e.key for e in a.entities if e.type == "Person"} & {e.key for e in b.entities if e.type == "Person"}
    assert key == {"person:phạm minh chính"}
