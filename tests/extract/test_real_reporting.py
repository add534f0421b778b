"""Constructions of real reporting (issue #10), on sentences of our own; the checks that cut wrong rows."""

from __future__ import annotations

from tests.extract.conftest import record, rels


def _by_construction(text: str) -> dict[tuple[str, str, str], str]:
    return {(r["s"], r["p"], r["o"]): r.get("construction", "") for r in record(text)["relations"]}


def test_issue10_official_does_not_visit_his_own_country_the_guest_does():
    text = ("Sáng 4/3, Chủ tịch nước Trần Văn Bình tiếp Tổng thống Chile Gabriel Boric, nhân dịp ông sang "
            "Việt Nam dự Diễn đàn Kinh tế Mekong.")
    got = _by_construction(text)
    assert got[("Gabriel Boric", "visited", "Việt Nam")] == "foreign_visitor"
    assert ("Gabriel Boric", "attended", "Diễn đàn Kinh tế Mekong") in got  # the guest's errand, not the host's
    assert ("Trần Văn Bình", "visited", "Việt Nam") not in got
    assert ("Trần Văn Bình", "attended", "Diễn đàn Kinh tế Mekong") not in got


def test_issue10_a_home_visit_with_no_guest_gives_no_row():
    assert not [r for r in rels("Thủ tướng Lê Văn Hòa sẽ thăm chính thức Việt Nam.") if r[1] == "visited"]


def test_issue10_a_foreign_leader_still_visits_the_host():
    got = rels("Tổng thống Chile Gabriel Boric sẽ thăm chính thức Việt Nam.")
    assert ("Gabriel Boric", "visited", "Việt Nam") in got
