"""Read articles from files, directories, JSONL and stdin.

``read_articles`` yields ``Article`` objects with normalized text; a bad file
or record becomes an ``InputError`` handed to ``on_error`` (raised when no
handler is given), and reading goes on with the next input.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from kg.errors import ErrorHandler, InputError, handle_with
from kg.ingest.feed import FeedItem, read_feed
from kg.ingest.files import (
    DEFAULT_MAX_BYTES,
    decode_bytes,
    expand_paths,
    read_limited,
    read_stream_limited,
)
from kg.ingest.html import PageHints, parse_html_article
from kg.ingest.jsonl import read_jsonl
from kg.ingest.seed import check_has_words, parse_text_article
from kg.ingest.web import Fetcher, FetchOptions, article_id_for_url, is_url, read_links
from kg.model import Article

__all__ = ["DEFAULT_MAX_BYTES", "FetchOptions", "read_article_text", "read_articles"]

logger = logging.getLogger(__name__)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
HTML_SUFFIXES = (".html", ".htm")


def read_articles(
    paths: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_error: ErrorHandler | None = None,
    links: Iterable[str | Path] = (),
    feeds: Iterable[str] = (),
    fetch: FetchOptions | None = None,
) -> Iterator[Article]:
    """Yield the articles in ``paths`` (files, directories, URLs, or ``-`` for stdin), then
    those of the ``links`` files, then those listed in the ``feeds``.

    Args:
        paths: files, directories (read recursively, in sorted order), http(s) URLs of
            article pages, or "-". A directory's ``*.jsonl`` files that hold annotations
            (gold or ``kg extract`` output, no "text") are passed over; named, they are errors.
        date: publication date for plain text that has no ``date`` header, and for a
            page where no date is found.
        max_bytes: files larger than this are refused (JSONL: each record).
        on_error: called with each ``InputError``; the default raises it.
        links: files listing article URLs, one a line.
        feeds: RSS or Atom feeds (URLs or files); each entry's page is read.
        fetch: how pages are fetched (cache folder, delay, timeout ...).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text(" date 2025-12-03 Thủ tướng thăm Hoà Bình.", encoding="utf-8")
    >>> [(a.id, str(a.published), a.text) for a in read_articles([d])]
    [('a', '2025-12-03', 'Thủ tướng thăm Hòa Bình.')]
    """
    handle = handle_with(on_error)
    seen: dict[str, str] = {}
    fetcher = Fetcher(replace(fetch or FetchOptions(), max_bytes=max_bytes))
    for article, line in _all_articles(paths, links, feeds, fetcher=fetcher, date=date,
                                       max_bytes=max_bytes, on_error=handle):
        if article.id in seen:
            handle(InputError(f"duplicate article id {article.id!r} (first read from "
                              f"{seen[article.id]}); skipped", path=article.source, line=line))
            continue
        seen[article.id] = article.source if line is None else f"{article.source}:{line}"
        yield article


def _all_articles(paths: Iterable[str | Path], links: Iterable[str | Path], feeds: Iterable[str], *,
                  fetcher: Fetcher, date: dt.date | None, max_bytes: int,
                  on_error: ErrorHandler) -> Iterator[tuple[Article, int | None]]:
    """Every (article, JSONL line or None) of the paths, links files and feeds, in that order."""
    for raw in paths:
        if is_url(raw):
            yield from _read_pages([FeedItem(str(raw), PageHints())], fetcher=fetcher, date=date,
                                   on_error=on_error)
            continue
        for source, named in expand_paths([raw], on_error=on_error):
            try:
                yield from _read_source(source, named=named, date=date, max_bytes=max_bytes,
                                        on_error=on_error)
            except InputError as err:
                on_error(err)
    for links_file in links:
        try:
            items = [FeedItem(url, PageHints()) for url in read_links(links_file)]
        except InputError as err:
            on_error(err)
            continue
        yield from _read_pages(items, fetcher=fetcher, date=date, on_error=on_error)
    for feed in feeds:
        try:
            items = read_feed(feed, fetcher=fetcher, on_error=on_error)
        except InputError as err:
            on_error(err)
            continue
        yield from _read_pages(items, fetcher=fetcher, date=date, on_error=on_error)


def _read_pages(items: Iterable[FeedItem], *, fetcher: Fetcher, date: dt.date | None,
                on_error: ErrorHandler) -> Iterator[tuple[Article, None]]:
    """One article per page; a page that fails is one error and the next one is read."""
    for item in items:
        try:
            page = fetcher.fetch(item.url)
            hints = item.hints if item.hints.published else replace(item.hints, published=date)
            yield parse_html_article(page.body, article_id=article_id_for_url(page.final_url),
                                     source=item.url, url=page.final_url, hints=hints), None
        except InputError as err:
            on_error(err)


def _read_source(source: str, *, named: bool, date: dt.date | None, max_bytes: int,
                 on_error: ErrorHandler) -> Iterator[tuple[Article, int | None]]:
    if source == "-":
        stream, name, stem = _stdin(), "<stdin>", "stdin"
        is_jsonl = _starts_with_brace(stream)
    else:
        path = Path(source)
        is_jsonl = path.suffix.lower() in JSONL_SUFFIXES
        name, stem = str(path), path.stem
        if not is_jsonl:
            data = read_limited(path, max_bytes=max_bytes)
        if path.suffix.lower() in HTML_SUFFIXES:  # trafilatura finds the page's own encoding
            yield parse_html_article(data, article_id=stem, source=name, hints=PageHints(published=date)), None
            return
    if is_jsonl:
        # line by line, never the whole file: memory stays flat (max_bytes is per record)
        with contextlib.nullcontext(stream) if source == "-" else _open_jsonl(path) as lines:
            yield from read_jsonl(lines, path=name, max_bytes=max_bytes, named=named, on_error=on_error)
        return
    if source == "-":
        data = read_stream_limited(stream, max_bytes=max_bytes, path=name)
    text = decode_bytes(data, path=name)
    yield check_has_words(parse_text_article(text, article_id=stem, path=name, default_date=date)), None


def _open_jsonl(path: Path) -> BinaryIO:
    try:
        return open(path, "rb")  # the caller closes it when the lazy reader is done
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=str(path)) from err


def _stdin() -> io.BufferedReader:
    """stdin as a stream that can be peeked at (it is one, unless replaced, as in tests)."""
    stream = sys.stdin.buffer
    if isinstance(stream, io.BufferedReader):
        return stream
    return io.BufferedReader(stream)  # type: ignore[arg-type, type-var]


def _starts_with_brace(stream: io.BufferedReader) -> bool:
    """Whether stdin holds JSONL: its first non-blank byte is "{" (peeked, not consumed)."""
    return stream.peek(4096).lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{"


def read_article_text(text: str, *, article_id: str, date: dt.date | None = None) -> Article:
    """Make an ``Article`` from a string in the seed format or plain text.

    >>> read_article_text(" date 2024-07-11 Chủ tịch nước thăm Lào.", article_id="x").published
    datetime.date(2024, 7, 11)
    """
    return parse_text_article(text, article_id=article_id, path=article_id, default_date=date)
