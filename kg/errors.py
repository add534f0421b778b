"""Exceptions raised by vnkg, and the one kind of error handler.

    KGError
    ├── InputError (ValueError)      a bad article file or record, or an article
    │   │                            extraction failed on: path, line
    │   └── ArticleTimeoutError      one article took longer than --article-timeout
    ├── StoreError                   the RDF store refused or failed
    │   └── StoreLockedError         another build holds the store
    ├── QueryError (ValueError)      a SPARQL syntax or evaluation error
    └── MissingDependencyError (ImportError)

The CLI catches ``KGError`` once and prints its message as one line.

Every stage that can refuse one article and go on (``kg.ingest.read_articles``,
``kg.runner.extract_articles``, ``KGStore.add``, ``kg.build``) takes an
``on_error`` of type ``ErrorHandler``: called with each ``InputError``, it
logs or counts it and the stage goes on; without one the error is raised.
"""

from __future__ import annotations

from collections.abc import Callable

ErrorHandler = Callable[["InputError"], None]


class KGError(Exception):
    """Base class of every error vnkg raises on purpose."""


class InputError(KGError, ValueError):
    """An input file or record that cannot be read as an article."""

    def __init__(self, message: str, *, path: str, line: int | None = None,
                 column: int | None = None) -> None:
        self.path = path
        self.line = line
        self.column = column
        self.reason = message
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {message}")

    def __reduce__(self) -> tuple[object, ...]:
        # keyword-only arguments: without this a worker's error would not survive pickling
        # and would come back as a RuntimeError carrying a traceback
        return _rebuild_input_error, (type(self), self.reason, self.path, self.line, self.column)


def _rebuild_input_error(cls: type[InputError], reason: str, path: str, line: int | None,
                         column: int | None) -> InputError:
    return cls(reason, path=path, line=line, column=column)


class ArticleTimeoutError(InputError):
    """Extracting one article took longer than its time limit; the article is refused."""


class StoreError(KGError):
    pass


class StoreLockedError(StoreError):
    pass


class QueryError(KGError, ValueError):
    pass


class MissingDependencyError(KGError, ImportError):
    pass


def handle_with(on_error: ErrorHandler | None) -> ErrorHandler:
    """``on_error``, or a handler that raises each error when there is none."""
    return on_error or _raise


def _raise(err: InputError) -> None:
    raise err
