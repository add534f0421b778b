"""Extraction: ``Doc`` -> ``Extraction`` (entities, positions, relations, quantities)."""

from __future__ import annotations

import os

from kg.model import Article, Extraction

DEFAULT_ARTICLE_TIMEOUT = 60.0
TIMEOUT_VARIABLE = "KG_ARTICLE_TIMEOUT"  # how `kg build --article-timeout` reaches worker processes


def extract(article: Article, *, timeout: float | None = None) -> Extraction:
    """Run the NLP layer and every extractor over one article.

    Args:
        timeout: seconds one article may take (0: no limit); default
            ``$KG_ARTICLE_TIMEOUT``, else 60.

    Raises:
        ArticleTimeoutError: the article took longer; it names the file.
    """
    from kg.extract.lexicon import load_lexicon
    from kg.extract.pipeline import extract_article
    from kg.nlp import load_models
    from kg.nlp.deadline import time_limit

    load_models()  # once per process, and not counted against the first article's time
    load_lexicon()
    with time_limit(article_timeout() if timeout is None else timeout, article):
        return extract_article(article)


def article_timeout() -> float:
    """The per-article time limit of this process: ``$KG_ARTICLE_TIMEOUT`` or 60 s."""
    value = os.environ.get(TIMEOUT_VARIABLE, "")
    try:
        return float(value) if value.strip() else DEFAULT_ARTICLE_TIMEOUT
    except ValueError:
        return DEFAULT_ARTICLE_TIMEOUT
