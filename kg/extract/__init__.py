"""Extraction: ``Doc`` -> ``Extraction`` (entities, positions, relations, quantities)."""

from __future__ import annotations

from kg.model import Article, Extraction


def extract(article: Article) -> Extraction:
    """Run the NLP layer and every extractor over one article."""
    from kg.extract.pipeline import extract_article

    return extract_article(article)
