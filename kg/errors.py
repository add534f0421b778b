"""Exceptions raised by vnkg.

    KGError
    ├── InputError (ValueError)      a bad article file or record: path, line
    │   └── ArticleTimeoutError      one article took longer than --article-timeout
    ├── PluginNotFoundError (LookupError)
    ├── StoreError                   the RDF store refused or failed
    │   └── StoreLockedError         another build holds the store
    ├── QueryError (ValueError)      a SPARQL syntax or evaluation error
    └── MissingDependencyError (ImportError)

The CLI catches ``KGError`` once and prints its message as one line.
"""

from __future__ import annotations


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


class PluginNotFoundError(KGError, LookupError):
    pass


class StoreError(KGError):
    pass


class StoreLockedError(StoreError):
    pass


class QueryError(KGError, ValueError):
    pass


class MissingDependencyError(KGError, ImportError):
    pass
