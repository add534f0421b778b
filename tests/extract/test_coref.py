"""Coreference of title-only mentions: ``EntityTable.resolve_titles`` against ``resolve_title``."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.extract.base import Span
from kg.extract.coref import EntityTable

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
