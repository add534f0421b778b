
from tests.extract.conftest import dated, record, rels


def test_met_dropped_subject_and_coordinated_objects():
    text = ("Chiều 5/3, Chủ tịch Quốc hội Trần Thanh Mẫn đã hội đàm với Chủ tịch Hạ viện Malaysia Johari Abdul; "
            "hội kiến Quốc vương Malaysia Sultan Ibrahim, Thủ tướng Anwar Ibrahim; dự Diễn đàn Nghị viện ASEAN.")
    got = rels(text)
    assert ("Trần Thanh Mẫn", "met", "Johari Abdul") in got
    assert ("Trần Thanh Mẫn", "met", "Sultan Ibrahim") in got
    assert ("Trần Thanh Mẫn", "met", "Anwar Ibrahim") in got
    assert ("Trần Thanh Mẫn", "attended", "Diễn đàn Nghị viện ASEAN") in got
    assert all(d == "2025-03-05" for *_, d in dated(text))


def test_visited_with_date_in_front_and_planned():
    text = "Tháng 6/2024, Tổng thống Nga Vladimir Putin đã thăm cấp nhà nước Việt Nam."
    assert ("Vladimir Putin", "visited", "Việt Nam", "2024-06") in dated(text)
    planned = record("Ngày 20-21/3, Thủ tướng Phạm Minh Chính sẽ thăm chính thức Singapore.")["relations"]
    row = next(r for r in planned if r["p"] == "visited")
    assert (row["o"], row["modality"], row["date"], row["kind"], row["cameo"]) == \
        ("Singapore", "planned", "2025-03-20", "thăm chính thức", "042")


def test_visited_place_and_its_country():
    got = rels("Sáng 2/3, Phó Thủ tướng Bùi Thanh Sơn đến Kuala Lumpur, Malaysia.")
    assert {("Bùi Thanh Sơn", "visited", "Kuala Lumpur"), ("Bùi Thanh Sơn", "visited", "Malaysia")} <= got


def test_negated_relation_is_not_reported_as_fact():
    rec = record("Tổng thống Hàn Quốc Lee Jae-myung không dự Hội nghị Cấp cao G20.")
    assert not [r for r in rec["relations"] if r["p"] == "attended"]
    assert [r for r in rec["other_relations"] if r["modality"] == "negated"]


def test_passive_reception():
    got = rels("Đại sứ Nhật Bản Ito Naoki được Chủ tịch nước Lương Cường tiếp tại Phủ Chủ tịch.")
    assert ("Lương Cường", "met", "Ito Naoki") in got or ("Ito Naoki", "met", "Lương Cường") in got


def test_invitation_names_the_inviter():
    text = ("Nhận lời mời của Thủ tướng Thái Lan Paetongtarn Shinawatra, Thủ tướng Phạm Minh Chính "
            "sẽ thăm chính thức Thái Lan.")
    got = rels(text)
    assert ("Paetongtarn Shinawatra", "invited", "Phạm Minh Chính") in got
    assert ("Phạm Minh Chính", "visited", "Thái Lan") in got


def test_two_sides_sign_for_both_countries():
    text = "Sau hội đàm, Việt Nam và Indonesia đã trao đổi ý kiến; hai bên đã ký kết hiệp định về thương mại."
    got = rels(text)
    assert ("Việt Nam", "signed", "hiệp định về thương mại") in got
    assert ("Indonesia", "signed", "hiệp định về thương mại") in got


def test_witnessing_a_signing_is_not_signing():
    got = rels("Thủ tướng Phạm Minh Chính và Thủ tướng Lawrence Wong chứng kiến lễ ký kết các văn kiện hợp tác.")
    assert not [r for r in got if r[1] == "signed"]


def test_phone_talks_are_met_with_cameo_041():
    rec = record("Tối qua, Tổng Bí thư Tô Lâm điện đàm với Tổng thống Hoa Kỳ Donald Trump.")
    row = next(r for r in rec["relations"] if r["p"] == "met")
    assert (row["kind"], row["cameo"], row["date"]) == ("điện đàm", "041", "2025-03-09")


def test_relation_evidence_points_at_the_trigger():
    text = "Thủ tướng Phạm Minh Chính tiếp Đại sứ Pháp Olivier Brochet."
    rec = record(text)
    row = rec["relations"][0]
    ev = row["evidence"]
    assert ev["sentence"] == text and text[ev["start"]:ev["end"]] == "tiếp"
