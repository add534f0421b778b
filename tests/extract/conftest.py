"""Extract each test text once per module: underthesea is the slow part."""

from __future__ import annotations

import datetime as dt
from functools import cache

from kg.extract.record import to_record
from kg.ingest import read_article_text
from kg.model import Extraction
from kg.runner import extract_article

REF = dt.date(2025, 3, 10)


@cache
def extracted(text: str, date: dt.date = REF) -> Extraction:
    return extract_article(read_article_text(text, article_id="t", date=date))


def record(text: str, date: dt.date = REF) -> dict:
    return to_record(extracted(text, date))


def rels(text: str, date: dt.date = REF) -> set[tuple]:
    return {(r["s"], r["p"], r["o"]) for r in record(text, date)["relations"]}


def dated(text: str, date: dt.date = REF) -> set[tuple]:
    return {(r["s"], r["p"], r["o"], r.get("date")) for r in record(text, date)["relations"]}


def positions(text: str) -> set[tuple]:
    return {(p["person"], p["title"], p.get("org")) for p in record(text)["positions"]}


def entities(text: str) -> set[tuple]:
    return {(e["name"], e["type"]) for e in record(text)["entities"]}
