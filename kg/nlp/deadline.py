"""A time limit on extracting one article, checked between sentences.

Cooperative, not a signal: it works the same in the main thread, in a worker
process and in a Dask worker thread, and never interrupts a tagger half-way.
Sentences are capped in length (``kg.nlp.cap_sentence``), so the time between
two checks is bounded; an article that finishes past its limit is refused too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from kg.errors import ArticleTimeoutError
from kg.model import Article

_local = threading.local()


@contextmanager
def time_limit(seconds: float | None, article: Article) -> Iterator[None]:
    """Raise ``ArticleTimeoutError`` if the block, working on ``article``, runs past ``seconds``.

    ``None`` or 0: no limit.

    >>> from kg.ingest import read_article_text
    >>> with time_limit(5, read_article_text("Hà Nội.", article_id="x")):
    ...     check_deadline()
    """
    if not seconds:
        yield
        return
    start = time.monotonic()
    outer = getattr(_local, "limit", None)
    _local.limit = (start + seconds, seconds, article)
    try:
        yield
    finally:
        _local.limit = outer
    if time.monotonic() - start > seconds:
        raise _timeout(seconds, article)


def check_deadline() -> None:
    """Raise ``ArticleTimeoutError`` if the current article's time is up."""
    limit = getattr(_local, "limit", None)
    if limit is not None and time.monotonic() > limit[0]:
        raise _timeout(limit[1], limit[2])


def _timeout(seconds: float, article: Article) -> ArticleTimeoutError:
    return ArticleTimeoutError(
        f"article {article.id!r} took longer than {seconds:g} s to extract and is refused "
        f"({len(article.text):,} characters; raise the limit with --article-timeout)",
        path=article.source)
