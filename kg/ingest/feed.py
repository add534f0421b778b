"""RSS and Atom feeds -> the article pages they list, read with feedparser.

Each entry's page is fetched and read like any other page; the entry's title
and date, and the feed's title as the outlet, stand in where the page lacks them.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.ingest.html import PageHints
from kg.ingest.web import Fetcher, is_url

__all__ = ["FeedItem", "read_feed"]

@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str
    hints: PageHints


def read_feed(source: str, *, fetcher: Fetcher, on_error: Callable[[InputError], None]) -> list[FeedItem]:
    """The entries of the feed at ``source`` (an http(s) URL or a file), in feed order.

    A feed is fetched afresh every time (it changes; the cache is for pages).
    An entry without a web link goes to ``on_error``.

    Raises:
        InputError: the feed cannot be fetched or read, or it is not RSS or Atom.
    """
    data = fetcher.fetch(source, accept=None, cache=False).body if is_url(source) else _read_file(source)
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), response_headers={"content-location": source}
                              if is_url(source) else None)
    if not parsed.get("version"):
        reason = parsed.get("bozo_exception") or "no RSS or Atom elements"
        raise InputError(f"not an RSS or Atom feed ({reason})", path=source)
    outlet = parsed.feed.get("title") or None
    items = []
    for number, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        if not is_url(link):
            on_error(InputError(f"feed entry {number} has no http(s) link", path=source))
            continue
        items.append(FeedItem(url=link, hints=PageHints(title=entry.get("title") or None,
                                                        published=_entry_date(entry), outlet=outlet)))
    return items


def _read_file(source: str) -> bytes:
    try:
        return Path(source).read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the feed: {err.strerror or err}", path=source) from err


def _entry_date(entry: Any) -> dt.date | None:
    """The entry's date as the outlet wrote it: its own time zone, not shifted to UTC.

    >>> _entry_date({"published": "Fri, 12 Jul 2024 06:00:00 +0700"})
    datetime.date(2024, 7, 12)
    >>> _entry_date({"updated": "2024-07-12T06:00:00+07:00"})
    datetime.date(2024, 7, 12)
    """
    raw = entry.get("published") or entry.get("updated")
    if not raw:
        return None
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError):
        pass
    try:
        return dt.date.fromisoformat(raw.strip()[:10])
    except ValueError:
        return None
