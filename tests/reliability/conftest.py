"""Fixtures for the reliability tests: the sample articles extracted once, in two versions."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1]))
sys.path.insert(0, str(Path(__file__).parent))
from paths import DATA


def edited(article):
    """The article as an editor might change it: its last third cut, so names and facts go."""
    from kg.ingest.seed import content_hash

    cut = article.text.rfind(". ", 0, len(article.text) * 2 // 3)
    text = article.text[:cut + 1] if cut > 0 else article.text[: len(article.text) // 2]
    return dataclasses.replace(article, text=text, content_hash=content_hash(text, article.published))


@pytest.fixture(scope="session")
def versions():
    """Article id -> (extraction of the original, extraction of the edited text), for data/."""
    from kg.ingest import read_articles
    from kg.pipeline import extract_articles

    articles = list(read_articles([DATA]))
    originals = {e.article.id: e for e in extract_articles(articles, workers=1)}
    changed = {e.article.id: e for e in extract_articles([edited(a) for a in articles], workers=1)}
    return {article_id: (originals[article_id], changed[article_id]) for article_id in sorted(originals)}
