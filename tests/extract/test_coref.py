"""kg.extract.coref: title-only mentions (``EntityTable.resolve_titles`` against ``resolve_title``), and
which spellings of a name are one person."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.base import Span
from kg.extract.coref import EntityTable
from tests.extract.conftest import positions, record

_PEOPLE = [("Phạm Minh Chính", ("Thủ tướng",), None), ("Lê Văn A", ("Bộ trưởng",), "Lào"),
           ("Nguyễn Văn B", ("Thủ tướng",), "Lào"), ("Trần Thị C", ("Chủ tịch",), None)]
_TITLES = [("Thủ tướng", None), ("Bộ trưởng", "Lào"), ("Thủ tướng", "Lào"), ("Chủ tịch", None), ("Đại sứ", None)]


def _article(picks: list[tuple[bool, int]]) -> tuple[EntityTable, list[tuple[int, Span]]]:
    """Person and title-only mentions, one every 20 characters, in the order picked."""
    table = EntityTable()
    order = []
    for n, (is_person, which) in enumerate(picks):
        start = 20 * n
        if is_person:
            name, titles, org = _PEOPLE[which % len(_PEOPLE)]
            span = Span(0, 1, "Person", start, start + len(name), name, name, titles=titles, org=org)
            ent = table.add(span)
            assert ent is not None
            ent.titles.extend((start, title, org) for title in titles)
        else:
            title, org = _TITLES[which % len(_TITLES)]
            span = Span(0, 1, "Title", start, start + len(title), title, title, titles=(title,), org=org)
        order.append((start, span))
    return table, order


def test_resolve_titles_nearest_holder_before_else_after():
    table, order = _article([(False, 0), (True, 0), (True, 1), (False, 0), (False, 1), (False, 4)])
    found = table.resolve_titles(order)
    names = {pos: found[span].name for pos, span in order if span in found}
    assert names == {0: "Phạm Minh Chính", 60: "Phạm Minh Chính", 80: "Lê Văn A"}


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 4)), max_size=25))
def test_resolve_titles_equals_resolve_title_for_each(picks):
    table, order = _article(picks)
    expected = {span: table.resolve_title(span, pos, order) for pos, span in order if span.type == "Title"}
    assert table.resolve_titles(order) == {key: ent for key, ent in expected.items() if ent is not None}


@pytest.mark.issue(11)
def test_names_one_slip_in_a_syllable_is_the_same_person_when_the_office_agrees():
    text = ("Bộ trưởng Nguyễn Chí Thành và Chủ tịch Ủy ban Park Jea Won chủ trì lễ ký. "
            "Sau đó Bộ trưởng Nguyễn Chính Thành và Chủ tịch Park Jae Won trao văn kiện.")
    persons = {e["name"]: e["aliases"] for e in record(text)["entities"] if e["type"] == "Person"}
    assert len(persons) == 2
    assert {"Nguyễn Chí Thành", "Nguyễn Chính Thành"} & ({n for n in persons} | {a for al in persons.values() for a in al})
    assert not any(t == "chủ tịch" for p, t, _ in positions(text))  # the short form joins the long one


@pytest.mark.issue(11)
def test_names_namesakes_with_different_offices_stay_apart():
    text = "Thứ trưởng Lê Văn Nam gặp Đại sứ Lê Văn Năm tại Hà Nội."
    persons = {e["name"] for e in record(text)["entities"] if e["type"] == "Person"}
    assert {"Lê Văn Nam", "Lê Văn Năm"} <= persons


@pytest.mark.issue(11)
def test_foreign_names_hyphenated_and_spaced_are_one_person():
    text = "Tổng thống Moon Jae In hội đàm với Thủ tướng. Ông Moon Jae-in cảm ơn nước chủ nhà."
    persons = [e for e in record(text)["entities"] if e["type"] == "Person"]
    assert len(persons) == 1 and "Moon Jae-in" in persons[0]["aliases"] + [persons[0]["name"]]


@pytest.mark.issue(11)
def test_foreign_names_an_initial_is_an_alias_of_the_full_name():
    text = "Tổng thống Mỹ Joe Biden đến Hà Nội. Ông J. Biden được đón tại sân bay."
    persons = [e for e in record(text)["entities"] if e["type"] == "Person"]
    assert [p["name"] for p in persons] == ["Joe Biden"]
    assert "J. Biden" in persons[0]["aliases"]


@pytest.mark.issue(11)
def test_names_a_misspelt_known_leader_with_a_title_is_the_leader():
    text = "Chủ tịch Trung Quốc Tập Cận Bìng tiếp đoàn. Tổng thống Vladimir Putn gọi điện."
    persons = {e["name"]: e["aliases"] for e in record(text)["entities"] if e["type"] == "Person"}
    assert set(persons) == {"Tập Cận Bình", "Vladimir Putin"}
    assert "Tập Cận Bìng" in persons["Tập Cận Bình"] and "Vladimir Putn" in persons["Vladimir Putin"]


_SYLLABLES = ["Song", "Jae", "Jea", "Ho", "Nguyễn", "Chí", "Chính", "Dũng", "Văn", "Nam", "Năm", "J."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_SYLLABLES), min_size=0, max_size=4).map(" ".join), min_size=1, max_size=8))
def test_slip_candidates_hold_every_pair_one_slip_accepts(names: list[str]) -> None:
    """The index of names one syllable apart leaves out no pair that ``one_slip`` would merge."""
    from kg.extract.coref import CorefEntity, _slip_candidates
    from kg.text import one_slip

    persons = [CorefEntity("Person", name) for name in names]
    slips = _slip_candidates(persons)
    for ent in persons:
        for other in persons:
            if one_slip(ent.name, other.name):
                assert other in slips[ent]
