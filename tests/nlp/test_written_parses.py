"""The parses written for tests/extract (``tests/extract/docs/*.conll``) are still underthesea's.

tests/extract builds its ``Doc``s from those files and never runs the parser,
so a change in kg.nlp or in underthesea would leave them stale without this
check. A parse marked ``# edited = why`` pins a tagging underthesea does not
give, on purpose: it is skipped by name, and must differ from the real parse
(else the mark is stale).
"""

from __future__ import annotations

import pytest

from kg.model import Article
from kg.nlp import parse
from tests.extract.conftest import RECORD_COMMAND
from tests.extract.doc_files import DOCS_DIR, Parse, doc_of, read_parses

_FILES = sorted(DOCS_DIR.glob("*.conll"))


def _same_as_kg_nlp(written: Parse) -> bool:
    """The Doc built from the file equals kg.nlp's: words, tags, offsets and sentence spans."""
    article = Article(id="t", text=written.text, published=None, source="t", content_hash="t")
    return doc_of(article, written.sentences) == parse(article)


def test_written_parses_exist():
    assert _FILES, f"no doc files in {DOCS_DIR}"


@pytest.mark.parametrize("path", _FILES, ids=[path.name for path in _FILES])
def test_written_parse_equals_kg_nlp_parse(path):
    stale = [written.text for written in read_parses(path)
             if not written.edited and not _same_as_kg_nlp(written)]
    assert not stale, (f"{path.name}: kg.nlp now parses these texts differently: {stale}; delete their "
                       f"blocks and re-record them with {RECORD_COMMAND}, then check the tests still hold")


@pytest.mark.parametrize("path", _FILES, ids=[path.name for path in _FILES])
def test_written_parse_marked_edited_differs_from_kg_nlp(path):
    same = [written.text for written in read_parses(path)
            if written.edited and _same_as_kg_nlp(written)]
    assert not same, f"{path.name}: marked '# edited' but equal to kg.nlp's parse: {same}"
