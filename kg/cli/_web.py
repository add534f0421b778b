"""Options of ``kg extract`` and ``kg build`` for web pages, files of links and feeds."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.ingest import FetchOptions


def web_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--links``, ``--feed``, ``--cache``, ``--delay``, ``--timeout``; the command gets
    ``links``, ``feeds`` and ``fetch`` (a ``FetchOptions``)."""
    @click.option("--links", "links", multiple=True, type=click.Path(exists=True, dir_okay=False),
                  metavar="FILE", help="A file of article URLs, one a line (repeatable).")
    @click.option("--feed", "feeds", multiple=True, metavar="URL|FILE",
                  help="An RSS or Atom feed: each entry's page is read (repeatable).")
    @click.option("--cache", "cache_dir", type=click.Path(file_okay=False), metavar="DIR",
                  help="Keep fetched pages here; a rebuild reads them instead of fetching again.")
    @click.option("--delay", type=click.FloatRange(min=0), default=FetchOptions().delay, show_default=True,
                  help="Seconds between two requests to one web host.")
    @click.option("--timeout", type=click.FloatRange(min=0.1), default=FetchOptions().timeout,
                  show_default=True, help="Seconds before a web request is given up.")
    @functools.wraps(func)
    def wrapper(*args: Any, cache_dir: str | None, delay: float, timeout: float, **kwargs: Any) -> Any:
        kwargs["fetch"] = FetchOptions(cache_dir=Path(cache_dir) if cache_dir else None, delay=delay,
                                       timeout=timeout)
        return func(*args, **kwargs)
    return wrapper


def require_input(paths: tuple[str, ...], links: tuple[str, ...], feeds: tuple[str, ...]) -> None:
    if not (paths or links or feeds):
        raise click.UsageError("give PATHS, URLs, --links FILE or --feed URL|FILE")
