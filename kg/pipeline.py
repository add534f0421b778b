"""Articles in, extractions out: the extraction stage of ``kg extract`` and ``kg build``."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from kg.model import Article, Extraction


def extract_articles(articles: Iterable[Article], *, workers: int = 1) -> Iterator[Extraction]:
    """Extract each article, in input order."""
    from kg.extract import extract

    for article in articles:
        yield extract(article)
