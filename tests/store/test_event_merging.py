"""Reports of one event dated a few days apart are one event node, even across a date window's edge."""

from __future__ import annotations

import datetime as dt

import pytest

from kg import ids
from kg.ingest import read_article_text
from kg.runner import extract_article
from kg.store import open_store

MEETING = "Ngày {day}/12, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone tại Hà Nội."
MEETINGS = """
PREFIX vnkg: <https://vnkg.org/ontology#>
SELECT ?event (COUNT(DISTINCT ?evidence) AS ?reports) WHERE {
  ?event a vnkg:Meeting ; vnkg:evidence ?evidence
} GROUP BY ?event
"""


def _report(day: int, article_id: str):
    return extract_article(read_article_text(f" date 2025-12-{day:02d} " + MEETING.format(day=day),
                                             article_id=article_id))


def _edge_days() -> tuple[int, int]:
    """Two consecutive December 2025 days in different date windows."""
    for day in range(1, 31):
        if ids.date_bucket(f"2025-12-{day:02d}") != ids.date_bucket(f"2025-12-{day + 1:02d}"):
            return day, day + 1
    raise AssertionError("no window edge in December")


def _meetings(store) -> list[int]:
    return sorted(row[1] for row in store.query(MEETINGS))


@pytest.mark.parametrize("one_build", [True, False], ids=["one build", "two builds"])
def test_reports_a_day_apart_across_a_window_edge_are_one_event(one_build):
    before, after = _edge_days()
    store = open_store(None)
    first, second = _report(before, "first"), _report(after, "second")
    if one_build:
        store.add([first, second])
    else:
        store.add([first])
        store.add([second])
    assert _meetings(store) == [2]  # one meeting, two reports
    dates = store.query("PREFIX vnkg: <https://vnkg.org/ontology#> "
                        "SELECT DISTINCT ?d { ?e a vnkg:Meeting ; vnkg:date ?d }").column("d")
    assert sorted(dates) == [dt.date(2025, 12, before), dt.date(2025, 12, after)]


def test_the_event_outlives_the_report_that_named_it():
    before, after = _edge_days()
    store = open_store(None)
    store.add([_report(before, "first"), _report(after, "second")])
    assert store.remove("first")
    assert _meetings(store) == [1]
    store.add([_report(before, "first")])
    assert _meetings(store) == [2]


def test_reports_more_than_three_days_apart_stay_two_events():
    before, after = _edge_days()
    store = open_store(None)
    store.add([_report(before - 2, "first"), _report(after + 2, "second")])
    assert _meetings(store) == [1, 1]


def test_merging_also_works_on_disk(tmp_path):
    before, after = _edge_days()
    with open_store(tmp_path / "s") as store:
        store.add([_report(before, "first")])
    with open_store(tmp_path / "s") as store:
        store.add([_report(after, "second")])
        assert _meetings(store) == [2]
