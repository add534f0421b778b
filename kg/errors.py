"""Exceptions raised by vnkg.

    KGError
    ├── InputError (ValueError)      a bad article file or record: path, line
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
