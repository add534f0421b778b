"""Running SPARQL and printing the answers: an aligned table, plain records (JSON, CSV, TSV),
or the W3C SPARQL 1.1 results JSON."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode

from kg.store.results import QueryResult

__all__ = ["FORMATS", "compact", "format_result", "point_at_error", "read_query", "run_query",
           "with_prefixes"]

FORMATS = ("table", "csv", "tsv", "json", "sparql-json")
# The prefixes a query may use without declaring them.
PREDECLARED = ("vnkg", "skos", "schema", "rdfs", "rdf", "xsd", "prov", "owl")
_DECLARED = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?\s*:", re.IGNORECASE)
_ERROR_AT = re.compile(r"line (\d+), column (\d+)")
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


def with_prefixes(sparql: str) -> str:
    """The query with a ``PREFIX`` line for each usual prefix it uses without declaring.

    >>> print(with_prefixes("SELECT ?p { ?p a vnkg:Person }"))
    PREFIX vnkg: <https://vnkg.org/ontology#>
    SELECT ?p { ?p a vnkg:Person }
    >>> with_prefixes("PREFIX vnkg: <urn:x#> ASK { ?s vnkg:p ?o }")
    'PREFIX vnkg: <urn:x#> ASK { ?s vnkg:p ?o }'
    """
    return _prefix_lines(sparql) + sparql


def _prefix_lines(sparql: str) -> str:
    from kg.rdf import NS

    declared = {name or "" for name in _DECLARED.findall(sparql)}
    missing = [name for name in PREDECLARED
               if name not in declared and re.search(rf"(?<![\w:?$<]){name}:", sparql)]
    return "".join(f"PREFIX {name}: <{NS[name]}>\n" for name in missing)


def point_at_error(message: str, sparql: str) -> str:
    r"""A syntax error's message followed by the offending line and a caret under its column.

    >>> print(point_at_error("SPARQL syntax error at line 2, column 3: expected }", "ASK {\n ?s ?p\n}"))
    SPARQL syntax error at line 2, column 3: expected }
      2 |  ?s ?p
        |   ^
    """
    found = _ERROR_AT.search(message)
    lines = sparql.splitlines()
    if not found or not 1 <= int(found.group(1)) <= len(lines):
        return message
    line, column = int(found.group(1)), int(found.group(2))
    gutter = f"{line:>3} | "
    return f"{message}\n{gutter}{lines[line - 1]}\n{' ' * (len(gutter) - 2)}| {' ' * max(column - 1, 0)}^"


def run_query(store: Any, sparql: str, *, update: bool = False, timeout: float | None = None,
              memory_mb: int | None = None) -> QueryResult | None:
    """Run a query (or, with ``update``, an update) on a store; the usual prefixes are predeclared.

    With ``timeout`` (seconds) or ``memory_mb`` (this process's resident
    memory) a query that goes past either raises ``QueryError`` at once, and
    so does Ctrl-C (``KeyboardInterrupt``); see ``kg.query.bounded`` for what
    happens to the abandoned evaluation. Updates are never abandoned half way.

    Raises:
        QueryError: a syntax error's message gives the line and column in ``sparql``, and its
            ``context`` shows that line with a caret under the column.
    """
    from kg.errors import QueryError

    prefixes = _prefix_lines(sparql)
    full = prefixes + sparql
    try:
        if update:
            store.update(full)
            return None
        if timeout is None and memory_mb is None:
            return store.query(full)
        from kg.query.bounded import run_bounded

        return run_bounded(lambda: store.query(full), timeout=timeout, memory_mb=memory_mb)
    except QueryError as err:
        added = prefixes.count("\n")
        message = _ERROR_AT.sub(lambda m: f"line {int(m.group(1)) - added}, column {m.group(2)}", str(err))
        pointed = QueryError(message)
        pointed.context = point_at_error(message, sparql)[len(message) + 1:]  # type: ignore[attr-defined]
        raise pointed from None


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
    text = compact(term.value) if isinstance(term, NamedNode) else _plain(term)
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


def _record_value(term: Any) -> Any:
    from kg.store.results import to_python

    value = to_python(term)
    return value.isoformat() if isinstance(value, dt.date) else value


def format_result(result: QueryResult, fmt: str = "table", *, rdf_terms: bool = False) -> str:
    """Render a result as ``table``; as plain values in ``json`` (a list of records), ``csv`` and
    ``tsv``; or as the W3C ``sparql-json``. With ``rdf_terms``, CSV and TSV cells keep the RDF
    term syntax (``<iri>``, ``"text"@vi``).

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
        if fmt == "sparql-json":
            return json.dumps({"head": {}, "boolean": bool(result.boolean)})
        return "true" if result.boolean else "false"
    variables = result.variables
    cell = str if rdf_terms else _plain
    if fmt == "json":
        records = [{var: _record_value(term) for var, term in zip(variables, row, strict=False)} for row in result.terms]
        return json.dumps(records, ensure_ascii=False, indent=1)
    if fmt == "sparql-json":
        bindings = [{var: _json_term(term) for var, term in zip(variables, row, strict=False) if term is not None}
                    for row in result.terms]
        return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False, indent=1)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(variables)
        for row in result.terms:
            writer.writerow(["" if term is None else cell(term) for term in row])
        return buffer.getvalue().rstrip("\r\n")
    if fmt == "tsv":
        tsv_cell = _tsv_term if rdf_terms else _tsv_plain
        lines = ["\t".join(f"?{var}" if rdf_terms else var for var in variables)]
        for row in result.terms:
            lines.append("\t".join("" if term is None else tsv_cell(term) for term in row))
        return "\n".join(lines)
    return _table(variables, [[_cell(term) for term in row] for row in result.terms])


def _tsv_plain(term: Any) -> str:
    return " ".join(_plain(term).replace("\t", " ").splitlines())


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
        return " | ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=False)).rstrip()
    out = [line(variables), "-+-".join("-" * width for width in widths)]
    out.extend(line(row) for row in rows)
    out.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(out)
