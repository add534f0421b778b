"""Plumbing shared by the commands: verbosity, errors as one line, progress bars."""

from __future__ import annotations

import datetime as dt
import os
import sys
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click

from kg.errors import InputError, KGError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_PARTIAL = 3

_state = {"verbosity": 0}
T = TypeVar("T")


def set_verbosity(level: int) -> None:
    _state["verbosity"] = level


def verbosity() -> int:
    return _state["verbosity"]


def info(message: str) -> None:
    """A status line on stderr, unless --quiet."""
    if verbosity() >= 0:
        click.echo(message, err=True)


def warn(message: str) -> None:
    if verbosity() >= 0:
        click.echo(f"warning: {message}", err=True)


class KGGroup(click.Group):
    """Turns a ``KGError`` (or any crash) into one line on stderr, traceback only with -v."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            click.echo("error: interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:  # `kg ... | head`: the reader has all it wants
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except KGError as err:
            _report(err)
            sys.exit(EXIT_ERROR)
        except Exception as err:  # noqa: BLE001 - a bug: still one line unless -v
            _report(err, prefix=f"internal error ({type(err).__name__})")
            sys.exit(EXIT_ERROR)


def _report(err: BaseException, *, prefix: str = "error") -> None:
    if verbosity() >= 1:
        traceback.print_exception(type(err), err, err.__traceback__, file=sys.stderr)
    click.echo(f"{prefix}: {err}", err=True)


class InputErrors:
    """Collects bad inputs: prints each as one line and remembers the count."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def __call__(self, err: InputError) -> None:
        self.errors.append(err)
        click.echo(f"error: {err}", err=True)

    def extraction_failed(self, article: Any, err: BaseException) -> None:
        """An article that read well but broke an extractor: named, skipped, counted."""
        self(InputError(f"extraction failed ({type(err).__name__}: {err}); article {article.id!r} skipped",
                        path=article.source))

    def exit_code(self) -> int:
        return EXIT_PARTIAL if self.errors else 0


def progress(items: Iterable[T], *, desc: str, unit: str = "article",
             total: int | None = None) -> Iterator[T]:
    """A tqdm bar on stderr, hidden when stderr is not a terminal or with --quiet."""
    from tqdm import tqdm

    hidden = verbosity() < 0 or not sys.stderr.isatty()
    yield from tqdm(items, desc=desc, unit=unit, total=total, disable=hidden, file=sys.stderr)


def refuse_overwrite(output: str | None, *, force: bool) -> None:
    """An output file that holds something is overwritten only with --force; an empty one
    (``mktemp``) has nothing to lose."""
    from pathlib import Path

    if output and not force and Path(output).exists() and Path(output).stat().st_size > 0:
        raise click.UsageError(f"{output} exists; add --force to overwrite it")


@contextmanager
def atomic_output(output: str) -> Iterator[str]:
    """A temporary path beside ``output`` to write to; renamed onto ``output`` once the write
    succeeds (after fsync), removed if it fails, so ``output`` is never left half written."""
    import tempfile
    from pathlib import Path

    target = Path(output)
    fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=f".tmp{target.suffix}",
                                dir=target.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)  # as open() would have made it, not mkstemp's 0600
        os.close(fd)
        yield temp
        with open(temp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def parse_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from err


def warn_undated(articles: int) -> None:
    if articles:
        warn(f"{articles} article(s) have no date header and no --date: "
             "relative dates in them stay unresolved")
