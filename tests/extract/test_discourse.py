"""Patterns that reach across clauses and sentences: chained subjects, bare titles, captions."""

import datetime as dt

import pytest

from kg.extract.captions import credit_spans
from tests.extract.conftest import dated, rels

# the day of the held-out sets 2 to 4, which their regression tests extract at
D = dt.date(2025, 6, 12)


def test_relations_subject_chains_past_a_clause_without_relation():
    text = ("Trong chương trình chuyến thăm, Tổng thống Indonesia Prabowo Subianto đã đặt vòng hoa tại "
            "Nghĩa trang Liệt sĩ; chào Chủ tịch nước Lương Cường; hội kiến Thủ tướng Phạm Minh Chính.")
    got = rels(text)
    assert ("Prabowo Subianto", "met", "Lương Cường") in got
    assert ("Prabowo Subianto", "met", "Phạm Minh Chính") in got


def test_relations_bare_title_is_the_home_official():
    text = ("Thủ tướng Phạm Minh Chính tới New Delhi theo lời mời của Thủ tướng Ấn Độ Narendra Modi. "
            "Ngay sau khi tới nơi, Thủ tướng đã hội đàm với người đồng cấp Ấn Độ; sau đó hội kiến "
            "Tổng thống Ấn Độ Droupadi Murmu.")
    got = rels(text)
    assert ("Phạm Minh Chính", "met", "Droupadi Murmu") in got
    assert ("Narendra Modi", "met", "Droupadi Murmu") not in got


def test_credit_spans_stop_where_the_next_sentence_starts():
    text = "Ảnh: Lâm Khánh - TTXVN Trong khuôn khổ chuyến thăm, Thủ tướng"
    assert [text[s:e] for s, e in credit_spans(text)] == ["Ảnh: Lâm Khánh - TTXVN"]
    text = "Ảnh: VGP/Nhật Bắc Tại hội đàm, Thủ tướng"
    assert [text[s:e] for s, e in credit_spans(text)] == ["Ảnh: VGP/Nhật Bắc"]
    text = "Ảnh: Thống Nhất/TTXVN Bộ trưởng Ngoại giao Singapore Vivian Balakrishnan hội kiến ông."
    assert [text[s:e] for s, e in credit_spans(text)] == ["Ảnh: Thống Nhất/TTXVN"]


def test_dates_carry_over_to_later_sentences():
    text = ("Chiều 14/3, tại New Delhi, Thủ tướng Ấn Độ Narendra Modi chủ trì lễ đón Thủ tướng Phạm Minh Chính. "
            "Ngay sau lễ đón, hai nhà lãnh đạo đã hội đàm. "
            "Trước đó, sáng 13/3, Thủ tướng Phạm Minh Chính đã thăm Mumbai. "
            "Cùng ngày, Thủ tướng Phạm Minh Chính hội kiến Tổng thống Ấn Độ Droupadi Murmu.")
    got = dated(text)
    assert ("Phạm Minh Chính", "visited", "Mumbai", "2025-03-13") in got
    assert ("Phạm Minh Chính", "met", "Droupadi Murmu", "2025-03-14") in got


def test_dates_a_visit_named_again_keeps_its_first_date():
    text = ("Thủ tướng Singapore Lawrence Wong thăm chính thức Việt Nam từ ngày 25-27/3. "
            "Đây là chuyến thăm Việt Nam đầu tiên của ông Lawrence Wong trên cương vị Thủ tướng.")
    assert {d for s, p, o, d in dated(text) if p == "visited"} == {"2025-03-25"}


def test_dates_the_verbs_own_clause_wins_when_as_precise():
    text = "Trong năm 2024, nổi bật là chuyến thăm Ấn Độ của Thủ tướng Phạm Minh Chính hồi tháng 8/2024."
    assert ("Phạm Minh Chính", "visited", "Ấn Độ", "2024-08") in dated(text)


def test_events_keep_ordinals_and_skip_generic_kinds():
    text = ("Sáng 12/3, Thủ tướng Singapore Lawrence Wong, Chủ tịch ASEAN năm 2025, chủ trì khai mạc "
            "Hội nghị Cấp cao ASEAN lần thứ 50. Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao Mê Công lần thứ 50, 51 "
            "và các Hội nghị cấp cao liên quan.")
    got = dated(text)
    assert ("Lawrence Wong", "attended", "Hội nghị Cấp cao ASEAN lần thứ 50", "2025-03-12") in got
    assert ("Phạm Minh Chính", "attended", "Hội nghị Cấp cao Mê Công lần thứ 50, 51", "2025-03-12") in got
    assert not [r for r in got if "liên quan" in r[2]]


def test_relations_guest_of_a_welcome_is_the_visitor_and_invitee():
    text = ("Sáng 14/3, Tổng thống Ấn Độ Droupadi Murmu chủ trì lễ đón Thủ tướng Singapore Lawrence Wong và Phu nhân "
            "thăm chính thức Ấn Độ từ ngày 13-15/3 theo lời mời của Thủ tướng Narendra Modi.")
    got = rels(text)
    assert ("Lawrence Wong", "visited", "Ấn Độ") in got
    assert ("Droupadi Murmu", "visited", "Ấn Độ") not in got
    assert ("Narendra Modi", "invited", "Lawrence Wong") in got


def test_relations_relative_clause_with_nguoi():
    text = ("Ngoại trưởng Đức Annalena Baerbock, người tháp tùng Thủ tướng Olaf Scholz, đã gặp Bộ trưởng "
            "Ngoại giao Bùi Thanh Sơn. Thủ tướng Phạm Minh Chính sẽ gặp Thủ tướng Ấn Độ Narendra Modi, "
            "người sẽ dự Hội nghị Cấp cao G20.")
    got = rels(text)
    assert ("Annalena Baerbock", "met", "Bùi Thanh Sơn") in got
    assert ("Olaf Scholz", "met", "Bùi Thanh Sơn") not in got
    assert ("Narendra Modi", "attended", "Hội nghị Cấp cao G20") in got
    assert ("Phạm Minh Chính", "attended", "Hội nghị Cấp cao G20") not in got


def test_relations_issuing_a_joint_statement_is_not_signing():
    text = ("Hai bên đã ký 12 văn kiện hợp tác và ra Tuyên bố chung về quan hệ Đối tác chiến lược "
            "Việt Nam - Singapore.")
    signed = {o for s, p, o in rels(text) if p == "signed"}
    assert signed and not [o for o in signed if o.startswith("Tuyên bố")]


def test_relations_coordinated_subjects_share_the_verb():
    text = ("Thủ tướng Phạm Minh Chính và Thủ tướng Singapore Lawrence Wong cùng dự Diễn đàn Kinh tế Việt Nam - "
            "Singapore. Bộ trưởng Ngoại giao Ấn Độ Subrahmanyam Jaishankar, Bộ trưởng Bộ Ngoại giao Bùi Thanh Sơn "
            "đã hội đàm.")
    got = rels(text)
    assert ("Phạm Minh Chính", "attended", "Diễn đàn Kinh tế Việt Nam - Singapore") in got
    assert ("Lawrence Wong", "attended", "Diễn đàn Kinh tế Việt Nam - Singapore") in got


def test_relations_witnessed_signers_and_minutes():
    text = ("Sáng 12/3, Tổng thống Pháp Emmanuel Macron chứng kiến Thủ tướng Ấn Độ Narendra Modi và Thủ tướng "
            "Singapore Lawrence Wong ký Tuyên bố chung về hợp tác số. Kết thúc Kỳ họp, hai bên đã ký Biên bản "
            "Kỳ họp lần thứ 9 và Kế hoạch hợp tác năm 2026.")
    got = rels(text)
    assert ("Narendra Modi", "signed", "Tuyên bố chung về hợp tác số") in got
    assert ("Lawrence Wong", "signed", "Tuyên bố chung về hợp tác số") in got
    assert ("Emmanuel Macron", "signed", "Tuyên bố chung về hợp tác số") not in got
    assert {o for s, p, o in got if p == "signed"} >= {"Biên bản Kỳ họp lần thứ 9", "Kế hoạch hợp tác năm 2026"}


def test_relations_arriving_at_an_airport_visits_its_city():
    got = rels("Tối 12/3, Thủ tướng Ấn Độ Narendra Modi đã tới Sân bay Quốc tế Changi, Singapore. "
               "Chiều 13/3, Tổng thống Pháp Emmanuel Macron đến Sân bay Quốc tế Nội Bài, Hà Nội.")
    assert ("Narendra Modi", "visited", "Singapore") in got
    assert ("Emmanuel Macron", "visited", "Hà Nội") in got


def test_flashback_opening_in_any_case_and_after_spaces():
    from kg.extract.engine import _is_flashback

    assert _is_flashback("  TRƯỚC ĐÓ, chiều 18/8, hai bên đã hội đàm.")
    assert _is_flashback("Trước  khi về nước, ông thăm Hà Nội.")
    assert not _is_flashback("Trong khi đó, ông thăm Hà Nội.")
    assert not _is_flashback("Thủ tướng trước đó đã thăm Lào.")


@pytest.mark.heldout("heldout2")
def test_an_earlier_day_inside_a_sentence_does_not_move_the_day_in_context():
    text = ("Sáng 11/6, Chủ tịch nước Lương Cường chủ trì lễ đón Tổng thống Kenya William Ruto. "
            "Ông Ruto đến Hà Nội tối 10/6. Cùng ngày, Tổng thống William Ruto hội kiến Tổng Bí thư Tô Lâm.")
    assert ("William Ruto", "met", "Tô Lâm", "2025-06-11") in dated(text, D) or \
        ("Tô Lâm", "met", "William Ruto", "2025-06-11") in dated(text, D)


@pytest.mark.issue(10)
def test_issue10_trong_anh_caption_keeps_its_actors_and_the_next_sentence():
    # the caption runs on to a bracketed credit later on the line: only the credit is no actor
    text = ("Trong ảnh: Chủ tịch nước Trần Văn Bình mời Tổng thống Cộng hòa Chile cùng duyệt đội danh dự. Ngay khi "
            "lễ đón kết thúc, Tổng thống Gabriel Boric và Chủ tịch nước Trần Văn Bình đã tiến hành hội đàm. "
            "(Ảnh: Minh Hà/TTXVN)")
    got = rels(text)
    assert ("Gabriel Boric", "met", "Trần Văn Bình") in got or ("Trần Văn Bình", "met", "Gabriel Boric") in got
    assert not [r for r in got if "Minh Hà" in (r[0], r[2])]
