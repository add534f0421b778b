"""``kg build``: read articles, extract them (``kg.runner``), store the extractions (``KGStore.add``).

The one place the stages meet:

    read_articles ──Article──> extract_articles ──Extraction──> store.add
    (kg.ingest)                (kg.runner: parse, then extractors)   (kg.store)

Articles the store already holds unchanged (same content hash) are skipped
before extraction, so an incremental build extracts only what is new.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import ErrorHandler, InputError, handle_with
from kg.ingest import DEFAULT_MAX_BYTES, FetchOptions, read_articles
from kg.model import Article, Extraction
from kg.store.base import AddReport, KGStore

__all__ = ["Progress", "add_articles", "build"]

Progress = Callable[[Iterable[Extraction]], Iterable[Extraction]]


def build(paths: Iterable[str | Path], store: KGStore, *, workers: int = 1, force: bool = False,
          date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
          on_error: ErrorHandler | None = None, progress: Progress | None = None,
          dask_address: str | None = None, executor: str | None = None,
          links: Iterable[str | Path] = (), feeds: Iterable[str] = (),
          fetch: FetchOptions | None = None) -> AddReport:
    """Ingest the articles under ``paths`` (files, directories, URLs), the ``links``
    files and the ``feeds`` into ``store`` (see ``kg.ingest.read_articles``).

    Articles unchanged since the last build (same content hash) are skipped
    unless ``force``; a bad file or article goes to ``on_error`` (raised when
    there is none) and the build goes on.

    Returns:
        An ``AddReport``; ``failed`` holds every refused input.

    >>> import tempfile, pathlib
    >>> from kg.store import open_store
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "bad.txt").write_text(" date 2025-13-01 x", encoding="utf-8")
    >>> errors = []
    >>> build([d], open_store(None), on_error=errors.append).summary()
    '0 added, 0 replaced, 0 unchanged (skipped), 1 failed; 0 quads written'
    """
    read_errors: list[InputError] = []
    handle = handle_with(on_error)

    def refuse(err: InputError) -> None:
        read_errors.append(err)
        handle(err)

    articles = read_articles(paths, date=date, max_bytes=max_bytes, on_error=refuse, links=links,
                             feeds=feeds, fetch=fetch)
    report = add_articles(store, articles, force=force, workers=workers, on_error=on_error,
                          progress=progress, dask_address=dask_address, executor=executor)
    report.failed[:0] = read_errors
    return report


def add_articles(store: KGStore, articles: Iterable[Article], *, force: bool = False, workers: int = 1,
                 on_error: ErrorHandler | None = None, progress: Progress | None = None,
                 dask_address: str | None = None, executor: str | None = None) -> AddReport:
    """Extract the articles the store does not hold unchanged and store their extractions.

    The convenience behind ``kg.add_articles(store, kg.read_articles(...))``: it
    composes ``kg.runner.extract_articles`` and ``KGStore.add``.

    Args:
        force: extract and store articles even if the store holds them unchanged.
        workers, dask_address, executor: how to extract (see ``kg.runner.extract_articles``).
        on_error: called with each article that fails to extract or to store;
            default: raise.
        progress: wraps the stream of extractions on its way to the store
            (a progress bar, a counter).

    Returns:
        An ``AddReport``: ``skipped`` counts the unchanged articles never extracted.

    >>> from kg.ingest import read_article_text
    >>> from kg.store import open_store
    >>> store = open_store(None)
    >>> article = read_article_text("Thủ tướng Phạm Minh Chính thăm Nhật Bản.", article_id="a")
    >>> add_articles(store, [article]).added, add_articles(store, [article]).skipped
    (1, 1)
    """
    from kg.runner import extract_articles

    stored = {} if force else store.article_hashes()
    failed: list[InputError] = []
    handle = handle_with(on_error)
    skipped = 0

    def fail(err: InputError) -> None:
        failed.append(err)
        handle(err)

    def changed() -> Iterator[Article]:
        nonlocal skipped
        for article in articles:
            if not isinstance(article, Article):
                raise TypeError(f"expected Article objects, got {type(article).__name__}")
            if stored.get(article.id) == article.content_hash:
                skipped += 1
            else:
                yield article

    extractions = extract_articles(changed(), workers=workers, on_error=fail, dask_address=dask_address,
                                   executor=executor)
    # A write that fails (a server gone) leaves the runner suspended: close it here, so its
    # worker pool shuts down while the interpreter can still wait for it.
    with contextlib.closing(extractions):
        report = store.add(progress(extractions) if progress else extractions, force=force, on_error=on_error)
    report.skipped += skipped
    report.failed[:0] = failed
    return report
