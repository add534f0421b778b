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

from kg.cli._terminal import error_line, escape_controls
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
        click.echo(f"warning: {error_line(message)}", err=True)


def _verbose_option(ctx: click.Context, param: click.Parameter, value: int) -> None:
    if value:
        set_verbosity(max(verbosity(), 0) + value)


def _quiet_option(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if value:
        set_verbosity(-1)


def verbosity_params() -> list[click.Option]:
    """``-v``/``-q`` for a subcommand, so ``kg build data -q`` works as ``kg -q build data`` does."""
    return [
        click.Option(["-v", "--verbose"], count=True, expose_value=False, callback=_verbose_option,
                     help="More detail; with -v errors show their traceback."),
        click.Option(["-q", "--quiet"], is_flag=True, expose_value=False, callback=_quiet_option,
                     help="Only errors."),
    ]


class KGGroup(click.Group):
    """Turns a ``KGError`` (or any crash) into one line on stderr, traceback only with -v.

    Every subcommand also takes ``-v``/``-q`` after its name."""

    def add_command(self, cmd: click.Command, name: str | None = None) -> None:
        taken = {opt for param in cmd.params for opt in getattr(param, "opts", ())}
        cmd.params.extend(param for param in verbosity_params() if not taken & set(param.opts))
        super().add_command(cmd, name)

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
    click.echo(f"{prefix}: {error_line(str(err))}", err=True)
    context = getattr(err, "context", None)  # lines that show where (a query's caret)
    if context:
        click.echo(escape_controls(context), err=True)


class InputErrors:
    """Collects bad inputs: prints each as one line and remembers the count."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def __call__(self, err: InputError) -> None:
        self.errors.append(err)
        click.echo(f"error: {error_line(str(err))}", err=True)

    def exit_code(self) -> int:
        return EXIT_PARTIAL if self.errors else 0


def progress(items: Iterable[T], *, desc: str, unit: str = "article",
             total: int | None = None) -> Iterator[T]:
    """A tqdm bar on stderr, hidden when stderr is not a terminal or with --quiet."""
    if not progress_shown():  # tqdm's import alone is a tenth of a short run's start-up
        yield from items
        return
    from tqdm import tqdm

    yield from tqdm(items, desc=desc, unit=unit, total=total, file=sys.stderr)


def progress_shown() -> bool:
    return verbosity() >= 0 and sys.stderr.isatty()


def estimate_articles(paths: Iterable[str]) -> int | None:
    """About how many articles ``paths`` hold, for a progress bar's total and ETA: one per page or
    text file, one per line of an article JSONL file; ``None`` when stdin is among them.

    The files are the ones the reader walks to (``kg.ingest.files.expand_paths``), unreadable
    ones counted as none."""
    from kg.ingest.files import expand_paths
    from kg.ingest.web import is_url

    total = 0
    for name in paths:
        if name == "-":
            return None
        if is_url(name):
            total += 1
            continue
        total += sum(_articles_in(path) for path, _ in expand_paths([name], on_error=lambda err: None))
    return total


def _articles_in(path: str) -> int:
    import json

    from kg.ingest import JSONL_SUFFIXES
    from kg.ingest.jsonl import is_annotation_record

    if not path.lower().endswith(JSONL_SUFFIXES):
        return 1
    try:
        with open(path, "rb") as fh:
            first = fh.readline()
            try:
                if is_annotation_record(json.loads(first)):
                    return 0  # gold or kg extract output, passed over by the reader
            except ValueError:
                pass  # a bad first line is the reader's error to report; the rest still counts
            return int(bool(first.strip())) + sum(1 for line in fh if line.strip())
    except OSError:
        return 0


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
        warn(f"{articles} article(s) have no date header (or page date) and no --date: "
             "relative dates in them stay unresolved")
