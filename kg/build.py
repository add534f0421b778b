"""``kg build``: read articles, extract them, store each as one transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from kg.errors import InputError
from kg.ingest import DEFAULT_MAX_BYTES, FetchOptions, read_articles
from kg.store.base import AddReport, KGStore, Progress


def build(paths: Iterable[str | Path], store: KGStore, *, workers: int = 1, force: bool = False,
          date: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
          on_error: Callable[[InputError], None] | None = None, progress: Progress | None = None,
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

    def refuse(err: InputError) -> None:
        read_errors.append(err)
        if on_error is None:
            raise err
        on_error(err)

    articles = read_articles(paths, date=date, max_bytes=max_bytes, on_error=refuse, links=links,
                             feeds=feeds, fetch=fetch)
    report = store.add(articles, force=force, workers=workers, on_error=on_error, progress=progress,
                       dask_address=dask_address, executor=executor)
    report.failed[:0] = read_errors
    return report
