"""Extract each test text from its written parse (``tests/extract/docs/``), never loading underthesea.

A text without a parse fails and names the command that records it::

    VNKG_RECORD_DOCS=1 .venv/bin/python -m pytest tests/extract

which parses the missing texts with ``kg.nlp`` (the only time these tests
load it) and appends them to ``docs/<test module>.conll``.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from kg.extract import extract_doc
from kg.extract.record import to_record
from kg.ingest import read_article_text
from kg.model import Article, Doc, Extraction
from tests.extract.doc_files import DOCS_DIR, Parse, all_parses, doc_of, parse_of, write_parse

REF = dt.date(2025, 3, 10)
RECORD_COMMAND = "VNKG_RECORD_DOCS=1 .venv/bin/python -m pytest tests/extract"
_NLP_MODULES = ("underthesea", "underthesea_core", "kg.nlp")


def recording() -> bool:
    return os.environ.get("VNKG_RECORD_DOCS") == "1"


@cache
def _parses() -> dict[str, Parse]:
    return all_parses()


def parse_for(article: Article) -> Parse:
    """The written parse of ``article.text``; in record mode, made and written if missing."""
    parse = _parses().get(article.text)
    if parse is not None:
        return parse
    if not recording():
        raise LookupError(f"no written parse of {article.text!r} in {DOCS_DIR}; record it with:\n"
                          f"    {RECORD_COMMAND.replace('tests/extract', _current_test_file())}")
    return _record(article)


def _current_test_file() -> str:
    return os.environ.get("PYTEST_CURRENT_TEST", "tests/extract").split("::")[0]


def _record(article: Article) -> Parse:
    from kg.nlp import parse

    made = parse(article)
    written = parse_of(made)
    if doc_of(article, written.sentences) != made:
        raise ValueError(f"the parse of {article.text!r} does not survive the doc file: {made}")
    write_parse(DOCS_DIR / f"{Path(_current_test_file()).stem}.conll", written)
    _parses()[article.text] = written
    return written


def doc_for(text: str, date: dt.date = REF, *, article_id: str = "t") -> Doc:
    """The ``Doc`` of a test text: the Article as ``kg.ingest`` reads it, the tags from its doc file."""
    article = read_article_text(text, article_id=article_id, date=date)
    return doc_of(article, parse_for(article).sentences)


@cache
def extracted(text: str, date: dt.date = REF, *, article_id: str = "t") -> Extraction:
    return extract_doc(doc_for(text, date, article_id=article_id))


@pytest.fixture(autouse=True)
def no_nlp() -> Iterator[_NlpBlocker | None]:
    """Fail a test that loads underthesea or kg.nlp, even when an earlier test file of the run loaded them.

    The loaded modules are hidden from ``sys.modules`` for the test, so any
    import of them reaches the blocker; they are put back afterwards.
    """
    if recording():
        yield None
        return
    hidden = {name: sys.modules.pop(name) for name in list(sys.modules) if _is_nlp(name)}
    blocker = _NlpBlocker()
    sys.meta_path.insert(0, blocker)
    try:
        yield blocker
    finally:
        sys.meta_path.remove(blocker)
        sys.modules.update(hidden)
    assert not blocker.refused, f"a tests/extract test imported {blocker.refused}: build its Doc with doc_for"


def _is_nlp(name: str) -> bool:
    return any(name == root or name.startswith(root + ".") for root in _NLP_MODULES)


class _NlpBlocker:
    """An import hook refusing the parser's modules."""

    def __init__(self) -> None:
        self.refused: list[str] = []

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if _is_nlp(name):
            self.refused.append(name)
            raise ImportError(f"tests/extract must not import {name}: build the Doc from its written parse")


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
