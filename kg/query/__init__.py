"""Running SPARQL and printing the answers: an aligned table, or SPARQL 1.1 results CSV, TSV, JSON."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode

from kg.store.results import QueryResult

__all__ = ["FORMATS", "compact", "format_result", "read_query", "run_query"]

FORMATS = ("table", "csv", "tsv", "json")
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
_MAX_CELL = 70


def read_query(text_or_path: str) -> str:
    """The query text: a ``.rq`` file's content, or the argument itself.

    >>> read_query("ASK {}")
    'ASK {}'
    """
    candidate = text_or_path.strip()
    if "\n" not in candidate and (candidate.endswith((".rq", ".sparql")) or Path(candidate).is_file()):
        path = Path(candidate)
        if not path.is_file():
            from kg.errors import QueryError

            raise QueryError(f"no query file {candidate}")
        return path.read_text(encoding="utf-8")
    return text_or_path


def run_query(store: Any, sparql: str, *, update: bool = False, timeout: float | None = None,
              memory_mb: int | None = None) -> QueryResult | None:
    """Run a query (or, with ``update``, an update) on a store.

    With ``timeout`` (seconds) or ``memory_mb`` (this process's resident
    memory) a query that goes past either raises ``QueryError`` at once, and
    so does Ctrl-C (``KeyboardInterrupt``); see ``kg.query.bounded`` for what
    happens to the abandoned evaluation. Updates are never abandoned half way.
    """
    if update:
        store.update(sparql)
        return None
    if timeout is None and memory_mb is None:
        return store.query(sparql)
    from kg.query.bounded import run_bounded

    return run_bounded(lambda: store.query(sparql), timeout=timeout, memory_mb=memory_mb)


def compact(iri: str) -> str:
    """A short form of an IRI for tables: ``id:person/to-lam``, ``vnkg:Meeting``.

    >>> compact("https://vnkg.org/id/person/to-lam"), compact("https://vnkg.org/ontology#met")
    ('id:person/to-lam', 'vnkg:met')
    """
    from kg.rdf import NS

    prefixes = {"id": "https://vnkg.org/id/", "graph": "https://vnkg.org/graph/", **NS}
    for prefix, base in prefixes.items():
        if iri.startswith(base) and len(iri) > len(base):
            return f"{prefix}:{iri[len(base):]}"
    return iri


def _plain(term: Any) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, Literal):
        return term.value
    return str(term)


def _cell(term: Any) -> str:
    if isinstance(term, NamedNode):
        text = compact(term.value)
    else:
        text = _plain(term)
    text = " ".join(text.split())
    return text if len(text) <= _MAX_CELL else text[:_MAX_CELL - 1] + "…"


def _json_term(term: Any) -> dict[str, str]:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != _XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """Render a result as ``table``, ``csv``, ``tsv`` or ``json`` (SPARQL 1.1 results formats).

    >>> from kg.store import open_store
    >>> print(format_result(open_store(None).query("SELECT ?x ?y { VALUES (?x ?y) { (1 'a') } }")))
    x | y
    --+--
    1 | a
    (1 row)
    """
    if fmt not in FORMATS:
        raise ValueError(f"No format {fmt!r}. Available: {', '.join(FORMATS)}")
    if result.kind == "graph":
        return "".join(f"{t} .\n" for t in result.triples).rstrip("\n")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)})
        return "true" if result.boolean else "false"
    variables = result.variables
    if fmt == "json":
        bindings = [{var: _json_term(term) for var, term in zip(variables, row) if term is not None}
                    for row in result.terms]
        return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for row in result.terms:
            writer.writerow([_plain(term) for term in row])
        return buffer.getvalue().rstrip("\r\n")
    if fmt == "tsv":
        lines = ["\t".join(f"?{var}" for var in variables)]
        for row in result.terms:
            lines.append("\t".join("" if term is None else _tsv_term(term) for term in row))
        return "\n".join(lines)
    return _table(variables, [[_cell(term) for term in row] for row in result.terms])


def _tsv_term(term: Any) -> str:
    if isinstance(term, Literal) and term.datatype.value in ("http://www.w3.org/2001/XMLSchema#integer",
                                                             "http://www.w3.org/2001/XMLSchema#decimal",
                                                             "http://www.w3.org/2001/XMLSchema#double"):
        return str(term).replace("\t", " ") if term.datatype.value.endswith("double") else term.value
    return str(term).replace("\t", "\\t")


def _table(variables: tuple[str, ...], rows: list[list[str]]) -> str:
    widths = [len(var) for var in variables]
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))
    def line(cells: list[str] | tuple[str, ...]) -> str:
        return " | ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()
    out = [line(variables), "-+-".join("-" * width for width in widths)]
    out.extend(line(row) for row in rows)
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out)
