"""``--article-timeout``: one option shared by ``kg extract`` and ``kg build``."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import click

from kg.runner import DEFAULT_ARTICLE_TIMEOUT, TIMEOUT_VARIABLE


def _export_timeout(ctx: click.Context, param: click.Parameter, value: float) -> float:
    # Worker processes (and a local Dask cluster) start after this and inherit the
    # environment, so the limit reaches every extraction without being passed along.
    previous = os.environ.get(TIMEOUT_VARIABLE)
    os.environ[TIMEOUT_VARIABLE] = repr(value)
    ctx.call_on_close(lambda: _restore(previous))
    return value


def _restore(previous: str | None) -> None:
    """Leave the environment as it was (the CLI can run in-process, as in tests)."""
    if previous is None:
        os.environ.pop(TIMEOUT_VARIABLE, None)
    else:
        os.environ[TIMEOUT_VARIABLE] = previous


def article_timeout_option(func: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--article-timeout", type=click.FloatRange(min=0), default=DEFAULT_ARTICLE_TIMEOUT,
        show_default=True, metavar="SECONDS", envvar=TIMEOUT_VARIABLE, expose_value=False,
        callback=_export_timeout,
        help="Refuse an article whose extraction takes longer (named on stderr; 0: no limit).",
    )(func)
