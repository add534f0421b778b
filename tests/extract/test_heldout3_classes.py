"""Classes of failure found on the third held-out set, tested on new sentences (other people, other states)."""

import datetime as dt

from tests.extract.conftest import dated, entities, positions, record, rels

D = dt.date(2025, 6, 12)


# -- offices ------------------------------------------------------------------

def test_a_known_organization_after_a_title_is_its_org_not_part_of_the_title():
    text = "Chiều 10/6, Thủ tướng Phạm Minh Chính tiếp Tổng Giám đốc WTO Ngozi Okonjo-Iweala."
    got = positions(text)
    assert any(p == "Ngozi Okonjo-Iweala" and t == "Tổng Giám đốc" for p, t, _ in got), got


def test_city_offices_take_a_city_and_offices_continue_after_the_country():
    text = ("Sáng 10/6, Chủ tịch nước Lương Cường tiếp Phó Tổng thống, Bộ trưởng Ngoại giao Peru, "
            "Thị trưởng Lima Ana Cecilia Gervasi.")
    got = {(p, t) for p, t, _ in positions(text)}
    for title in ("Phó Tổng thống", "Bộ trưởng Ngoại giao", "Thị trưởng"):
        assert ("Ana Cecilia Gervasi", title) in got, got
    assert ("Lương Cường", "met", "Ana Cecilia Gervasi") in rels(text, D)


def test_phụ_trách_and_a_portfolio_is_part_of_the_title():
    text = ("Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên hội đàm với Quốc vụ khanh phụ trách Thương mại Oman "
            "Qais bin Mohammed Al Yousef.")
    assert any(t == "Quốc vụ khanh phụ trách Thương mại" for p, t, _ in positions(text)), positions(text)


def test_joined_minister_and_chairman_titles_give_two_rows():
    text = "Tiếp đoàn tại sân bay có Bộ trưởng, Chủ nhiệm Ủy ban Dân tộc Hầu A Lềnh."
    got = {(p, t) for p, t, _ in positions(text)}
    assert ("Hầu A Lềnh", "Bộ trưởng") in got and ("Hầu A Lềnh", "Chủ nhiệm Ủy ban Dân tộc") in got, got


def test_a_company_after_chairman_is_the_org_and_its_short_name_is_not_a_person():
    text = ("Thủ tướng tiếp Chủ tịch Tập đoàn Embraer Francisco Gomes Neto. "
            "Ông Francisco Gomes Neto cho biết Embraer muốn mở văn phòng tại Hà Nội.")
    assert ("Francisco Gomes Neto", "Chủ tịch", "Tập đoàn Embraer") in positions(text)
    assert ("Embraer", "Person") not in entities(text)


def test_an_acronym_between_the_organization_and_the_name():
    text = "Chủ tịch Hiệp hội Xuất khẩu Peru (ADEX) Julio Pérez Alván cho biết như vậy."
    assert any(p == "Julio Pérez Alván" and t == "Chủ tịch" for p, t, _ in positions(text)), positions(text)


def test_a_title_after_là_belongs_to_the_named_person_after_the_comma():
    text = "Khi còn là Thị trưởng Lima, ông Rafael López Aliaga đã sang thăm Việt Nam."
    assert any(p == "Rafael López Aliaga" and t == "Thị trưởng" for p, t, _ in positions(text)), positions(text)


def test_a_title_object_before_a_comma_is_not_the_next_persons():
    text = "Tiếp Tổng Bí thư, ông Joko Widodo bày tỏ vui mừng được gặp lại người bạn cũ."
    assert not any(p == "Joko Widodo" and t == "Tổng Bí thư" for p, t, _ in positions(text))


# -- entities -------------------------------------------------------------------

def test_regions_are_locations_and_two_regions_joined_name_one():
    text = ("Peru coi trọng quan hệ với Đông Nam Á và Trung Á; hai bên hợp tác tại khu vực "
            "Ấn Độ Dương - Thái Bình Dương.")
    got = entities(text)
    assert ("Đông Nam Á", "Location") in got and ("Trung Á", "Location") in got
    assert ("Ấn Độ Dương - Thái Bình Dương", "Location") in got, got
    assert ("Bình Dương", "Location") not in got


def test_a_residence_named_after_an_office_holds_no_person_a_memorial_does():
    text = ("Sáng 10/6, tại Dinh Tổng thống Jubilee ở Addis Ababa, Thủ tướng Ethiopia Abiy Ahmed hội đàm với "
            "Chủ tịch nước. Trước đó, Chủ tịch nước đặt vòng hoa tại tượng đài Hoàng đế Haile Selassie.")
    got = entities(text)
    assert ("Dinh Tổng thống Jubilee", "Location") in got, got
    assert ("Jubilee", "Person") not in got


def test_a_known_organization_is_not_an_event_and_tự_do_does_not_end_a_name():
    text = ("Việt Nam là thành viên tích cực của Diễn đàn Hợp tác Kinh tế châu Á - Thái Bình Dương. "
            "Hai bên nhất trí khai thác Hiệp định Thương mại tự do Việt Nam - Israel.")
    got = entities(text)
    assert ("APEC", "Organization") in got, got
    assert ("Hiệp định Thương mại tự do Việt Nam - Israel", "Agreement") in got, got


def test_ordinals_and_lower_case_places_inside_organization_names():
    text = "Ông cho biết Ngân hàng Đầu tư châu Âu sẽ hỗ trợ Trung tâm Hợp tác nghề cá lần thứ hai tại Lima."
    got = entities(text)
    assert ("Ngân hàng Đầu tư châu Âu", "Organization") in got, got
    assert ("Trung tâm Hợp tác nghề cá lần thứ hai", "Organization") in got, got


def test_document_ceremonies_and_discussions_keep_their_words():
    text = ("Chiều 10/6, hai Thủ tướng chứng kiến lễ trao nhiều văn kiện hợp tác. "
            "Thủ tướng Phạm Minh Chính dự phiên thảo luận về an ninh lương thực trong khuôn khổ "
            "Hội nghị Thượng đỉnh G20.")
    got = entities(text)
    assert ("Lễ trao nhiều văn kiện hợp tác", "Event") in got or ("lễ trao nhiều văn kiện hợp tác", "Event") in got, got
    r = rels(text, D)
    assert any(p == "attended" and o.lower().startswith("phiên thảo luận về an ninh") for _, p, o in r), r
    assert any(p == "attended" and o.startswith("Hội nghị Thượng đỉnh G20") for _, p, o in r), r


def test_descriptions_unnamed_embassies_bylines_and_web_addresses_are_not_entities():
    text = ("(Baoquocte.vn) - RCEP là hiệp định thương mại lớn nhất thế giới; một số văn kiện khác "
            "về giáo dục được trao tại buổi lễ. Năm 2010, Peru mở Đại sứ quán tại Hà Nội.\n"
            "Minh Thư - Quang Vinh (PV TTXVN tại Peru)")
    got = entities(text)
    names = {n for n, _ in got}
    assert not any(n.lower().startswith(("hiệp định thương mại lớn", "văn kiện khác")) for n in names), got
    assert not any(n.startswith("Đại sứ quán") for n in names), got
    assert not any(t == "Person" for _, t in got), got


def test_a_one_word_surname_inside_a_hispanic_name_is_that_person():
    text = ("Chủ tịch nước hội đàm với Tổng thống Colombia Gustavo Francisco Petro Urrego. "
            "Tổng thống Petro khẳng định Colombia coi Việt Nam là đối tác ưu tiên.")
    assert ("Petro", "Person") not in entities(text)


def test_an_unknown_place_read_from_its_context():
    text = ("Thủ tướng Phạm Minh Chính tới Arequipa (Peru) tối 5/6. Hai nhà lãnh đạo từng gặp nhau tại Cusco.")
    got = entities(text)
    assert ("Arequipa", "Location") in got and ("Cusco", "Location") in got, got
    r = rels(text, D)
    assert ("Phạm Minh Chính", "visited", "Arequipa") in r and ("Phạm Minh Chính", "visited", "Peru") in r, r


# -- relations ------------------------------------------------------------------

def test_a_relative_clause_signs_the_agreement_named_before_it():
    text = ("Hai nhà lãnh đạo nhất trí khai thác Hiệp định Thương mại tự do Việt Nam - Israel (VIFTA) mà hai nước "
            "ký kết năm 2023, cũng như Hiệp định Đối tác Kinh tế Toàn diện Khu vực.")
    got = dated(text, D)
    assert ("Việt Nam", "signed", "Hiệp định Thương mại tự do Việt Nam - Israel", "2023") in got, got
    assert not any(o.startswith("Hiệp định Đối tác") for _, p, o, _ in got if p == "signed"), got


def test_a_passive_signing_with_a_signature_names_the_signer():
    text = ("Hai bên đề nghị khai thác Hiệp định Đầu tư giữa Việt Nam và Peru, được ký ngày 5/3/2019 tại Lima "
            "với chữ ký của Bộ trưởng Ngoại giao Peru Néstor Popolizio.")
    got = rels(text, D)
    assert any(s == "Néstor Popolizio" and p == "signed" for s, p, _ in got), got
    assert not any(s in ("Việt Nam", "Peru") and p == "signed" for s, p, _ in got), got


def test_witnesses_before_a_comma_are_not_signers():
    text = ("Dưới sự chứng kiến của hai nhà lãnh đạo, Bộ trưởng Ngoại giao Bùi Thanh Sơn và Bộ trưởng Ngoại giao "
            "Kenya Musalia Mudavadi đã ký Bản ghi nhớ về tham vấn chính trị.")
    got = rels(text, D)
    assert ("Musalia Mudavadi", "signed", "Bản ghi nhớ về tham vấn chính trị") in got, got
    assert not any(s in ("Việt Nam", "Kenya") for s, p, _ in got if p == "signed"), got


def test_a_headline_signing_takes_the_body_day():
    text = ("Việt Nam - Peru ký Bản ghi nhớ về hợp tác giáo dục\n"
            "Sáng 5/6, tại Hà Nội, Bộ trưởng Nguyễn Kim Sơn và Bộ trưởng Giáo dục Peru Morgan Quero "
            "ký Bản ghi nhớ về hợp tác giáo dục.")
    got = dated(text, D)
    assert ("Peru", "signed", "Bản ghi nhớ về hợp tác giáo dục", "2025-06-05") in got, got
    assert ("Việt Nam", "signed", "Bản ghi nhớ về hợp tác giáo dục", "2025-06-05") in got, got


def test_goods_regions_and_quotes_are_not_visits():
    text = ("Tổng thống Peru Dina Boluarte mở đầu chuyến công du Đông Nam Á. Peru xuất khẩu sang Việt Nam "
            "chủ yếu đồng và cá. \"Tôi đã nhiều lần đến Việt Nam\", bà nói.")
    got = rels(text, D)
    assert not any(p == "visited" for _, p, _ in got), got


def test_an_apposition_after_the_guest_is_the_guests_visit():
    text = ("Chiều 10/6, Thủ tướng Phạm Minh Chính hội đàm với Tổng thống Peru Dina Boluarte, đang thăm chính thức "
            "Việt Nam theo lời mời của Thủ tướng Phạm Minh Chính.")
    got = rels(text, D)
    assert ("Dina Boluarte", "visited", "Việt Nam") in got, got
    assert ("Phạm Minh Chính", "visited", "Việt Nam") not in got
    assert ("Phạm Minh Chính", "invited", "Dina Boluarte") in got, got


def test_coordinated_visits_and_a_verb_after_the_invitation():
    text = ("Thủ tướng Phạm Minh Chính tới Nairobi tối 5/6, sau khi kết thúc chuyến thăm chính thức Ethiopia "
            "và Kenya. Rời Kenya, Thủ tướng sẽ thăm chính thức Peru theo lời mời của Tổng thống Dina Boluarte "
            "và dự Tuần lễ Cấp cao APEC tại Lima.")
    got = rels(text, D)
    assert ("Phạm Minh Chính", "visited", "Ethiopia") in got and ("Phạm Minh Chính", "visited", "Kenya") in got, got
    assert any(s == "Phạm Minh Chính" and p == "attended" and o.startswith("Tuần lễ Cấp cao APEC")
               for s, p, o in got), got
    assert ("Dina Boluarte", "invited", "Phạm Minh Chính") in got, got


def test_record_round_trip_has_no_region_visits():
    # a guard: the record keeps a tour's region as a Location entity
    text = "Chủ tịch nước đến Lima tối 10/11, mở đầu chuyến thăm Nam Mỹ kéo dài một tuần."
    rec = record(text, D)
    assert any(e["name"] == "Nam Mỹ" and e["type"] == "Location" for e in rec["entities"])
    assert not any(r["o"] == "Nam Mỹ" for r in rec["relations"])


def test_more_offices_of_any_state_and_their_bureaus():
    text = ("Chiều 10/6, Bộ trưởng Nguyễn Hồng Diên điện đàm với Đại diện Thương mại Canada Mary Ng; "
            "Văn phòng Đại diện Thương mại Canada sẵn sàng hợp tác. Thượng nghị sĩ Úc Penny Wong và "
            "Bộ trưởng Nông nghiệp và Chăn nuôi Peru Ángel Manero cùng dự.")
    got = {(p, t) for p, t, _ in positions(text)}
    assert ("Mary Ng", "Đại diện Thương mại") in got, got
    assert ("Penny Wong", "Thượng nghị sĩ") in got, got
    assert ("Ángel Manero", "Bộ trưởng Nông nghiệp và Chăn nuôi") in got, got
    assert ("Văn phòng Đại diện Thương mại Canada", "Organization") in entities(text), entities(text)


def test_a_known_organization_inside_an_office_is_an_entity():
    text = "Thủ tướng Phạm Minh Chính hội kiến Chủ tịch ASEAN, Thủ tướng Lào Sonexay Siphandone."
    assert ("ASEAN", "Organization") in entities(text)


def test_ministries_joined_by_và_a_vietnamese_name_ending_in_a_country_form_and_khi_đó_là():
    text = ("Cùng đi có Phó Thủ tướng, Bộ trưởng Bộ Ngoại giao và Hợp tác quốc tế Campuchia Prak Sokhonn. "
            "Thứ trưởng Bộ Ngoại giao Lê Thị Thu Hằng và Thứ trưởng Bộ Công Thương Phan Thị Thắng Việt cùng dự. "
            "Trước đó, Đại tướng Phùng Quang Thanh, khi đó là Bộ trưởng Bộ Quốc phòng, đã thăm Peru.")
    got = {(p, t) for p, t, _ in positions(text)}
    assert ("Prak Sokhonn", "Bộ trưởng Bộ Ngoại giao và Hợp tác quốc tế") in got, got
    assert ("Phan Thị Thắng Việt", "Thứ trưởng Bộ Công Thương") in got, got
    assert ("Phùng Quang Thanh", "Bộ trưởng Bộ Quốc phòng") in got, got


def test_a_known_organization_is_taken_whole_with_the_body_named_inside_it():
    text = "Hai bên nhất trí phối hợp chặt chẽ tại Đại hội đồng Liên nghị viện ASEAN (AIPA) và Liên Hợp Quốc."
    got = entities(text)
    assert ("Đại hội đồng Liên Nghị viện ASEAN", "Organization") in got, got
    assert ("ASEAN", "Organization") in got, got
