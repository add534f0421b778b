"""Query results shared by every store backend: SELECT rows, ASK booleans, CONSTRUCT triples."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, Triple

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger",
                            "positiveInteger", "unsignedInt", "unsignedLong")}
_FLOATS = {_XSD + t for t in ("double", "float", "decimal")}


def to_python(term: Any) -> Any:
    """A plain Python value for a pyoxigraph term: IRIs and strings as ``str``,
    numbers as ``int``/``float``, ``xsd:date`` as ``datetime.date``, booleans as ``bool``.

    >>> to_python(Literal("3", datatype=NamedNode(_XSD + "integer")))
    3
    >>> to_python(NamedNode("https://vnkg.org/id/country/lao"))
    'https://vnkg.org/id/country/lao'
    """
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
            if datatype == _XSD + "boolean":
                return term.value in ("true", "1")
            if datatype == _XSD + "date":
                return dt.date.fromisoformat(term.value)
        except ValueError:
            return term.value
        return term.value
    return str(term)


@dataclass
class QueryResult:
    """The answer to one SPARQL query.

    ``kind`` is ``select``, ``ask`` or ``graph``. Iterating a SELECT result
    yields rows as tuples of plain Python values (see ``to_python``); the
    pyoxigraph terms stay in ``terms`` for exact formatting.
    """

    kind: str
    variables: tuple[str, ...] = ()
    terms: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[Triple] = field(default_factory=list)

    def __iter__(self) -> Iterator[tuple[Any, ...]]:
        for row in self.terms:
            yield tuple(to_python(term) for term in row)

    def __len__(self) -> int:
        if self.kind == "graph":
            return len(self.triples)
        if self.kind == "ask":
            return 1
        return len(self.terms)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def rows(self) -> list[tuple[Any, ...]]:
        """All rows as tuples of plain Python values."""
        return list(self)

    def dicts(self) -> list[dict[str, Any]]:
        """All rows as ``{variable: value}``, unbound variables left out."""
        return [{var: val for var, val in zip(self.variables, row, strict=False) if val is not None} for row in self]

    def column(self, name: str) -> list[Any]:
        """The values of one variable, in row order."""
        index = self.variables.index(name)
        return [row[index] for row in self]

    def to_records(self) -> list[dict[str, Any]]:
        """All rows as ``{variable: value}`` with every variable present (``None`` when unbound).

        >>> QueryResult(kind="select", variables=("n",), terms=[(Literal("2", datatype=NamedNode(_XSD + "int")),)]
        ...             ).to_records()
        [{'n': 2}]
        """
        self._check_select("to_records")
        return [dict(zip(self.variables, row, strict=False)) for row in self]

    def to_pandas(self) -> Any:
        """The rows as a ``pandas.DataFrame``, one column per variable, values as in ``to_records``.

        Raises:
            MissingDependencyError: pandas is not installed (``pip install 'vnkg[pandas]'``).
        """
        try:
            import pandas as pd  # type: ignore[import-untyped]
        except ImportError as err:
            from kg.errors import MissingDependencyError

            raise MissingDependencyError("QueryResult.to_pandas needs pandas: pip install 'vnkg[pandas]'") from err
        self._check_select("to_pandas")
        return pd.DataFrame.from_records(self.rows(), columns=list(self.variables))

    def _check_select(self, method: str) -> None:
        if self.kind != "select":
            raise ValueError(f"{method} needs a SELECT result; this one is {self.kind!r} (use .boolean or .triples)")


def from_pyoxigraph(result: Any) -> QueryResult:
    """Materialize what ``pyoxigraph.Store.query`` or ``parse_query_results`` returned."""
    if isinstance(result, QueryBoolean):
        return QueryResult(kind="ask", boolean=bool(result))
    if isinstance(result, QuerySolutions):
        variables = tuple(v.value for v in result.variables)
        terms = [tuple(solution[i] for i in range(len(variables))) for solution in result]
        return QueryResult(kind="select", variables=variables, terms=terms)
    return QueryResult(kind="graph", triples=list(result))
