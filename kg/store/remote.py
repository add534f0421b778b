"""A store behind HTTP: SPARQL 1.1 Protocol (query, update) and Graph Store Protocol.

``RemoteStore.oxigraph("http://127.0.0.1:7878")`` talks to ``oxigraph serve``
(``/query``, ``/update``, ``/store``). ``RemoteStore(query_endpoint=...,
update_endpoint=..., graph_store_endpoint=...)`` talks to any SPARQL 1.1
server (Fuseki, GraphDB, Virtuoso, QLever).

vnkg's queries read the union of the article graphs as the default graph.
Oxigraph is asked for it per request (``union-default-graph``); GraphDB,
Virtuoso and QLever query all graphs by default; Fuseki needs
``tdb2:unionDefaultGraph true`` in its dataset configuration.

Each article is replaced atomically by one update request
``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } GRAPH <names> { ... } }``
(its facts and the names it uses go in together); removal uses the Graph
Store Protocol's ``DELETE`` when a graph store endpoint is known. Only the
standard library's ``urllib`` is used.

Servers differ; what this module does about it (see ``_portable``):

* Queries and updates to generic endpoints are sent as an HTML form
  (``query=``/``update=``), the one POST encoding every SPARQL 1.1 server must
  accept: Virtuoso 7 does not answer a bare ``application/sparql-query`` body.
  ``oxigraph serve`` gets the bare body.
* An article's data goes in INSERT DATA operations of at most 2,000 quads,
  all in its one update request: Virtuoso's parser fails on ~5,000 in a block.
* Virtuoso's dataset also holds its own system graphs, so ``count`` and
  ``quads`` read only vnkg's graphs (``https://vnkg.org/graph/...``).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from typing import Any

from pyoxigraph import NamedNode, Quad, QueryResultsFormat, RdfFormat, parse, parse_query_results

from kg.errors import QueryError, StoreError
from kg.store import names
from kg.store.base import KGStore, replace_update
from kg.store.results import QueryResult, from_pyoxigraph

_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_ACCEPT = f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9, text/turtle;q=0.8"
_INSERT_QUADS = 2000
_OWN_GRAPHS = 'FILTER(STRSTARTS(STR(?g), "https://vnkg.org/graph/"))'
_ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } " + _OWN_GRAPHS + " }"
_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } " + _OWN_GRAPHS + " }"


class RemoteStore(KGStore):
    """A SPARQL 1.1 server as a vnkg store; no local lock (the server serializes writes)."""

    remote = True

    def __init__(self, *, query_endpoint: str, update_endpoint: str | None = None,
                 graph_store_endpoint: str | None = None, union_param: bool = False,
                 timeout: float = 60.0, read_only: bool = False, form_post: bool = True) -> None:
        self.query_endpoint = query_endpoint
        self.form_post = form_post
        self.update_endpoint = update_endpoint
        self.graph_store_endpoint = graph_store_endpoint
        self.union_param = union_param
        self.timeout = timeout
        self.read_only = read_only or update_endpoint is None
        self.location = query_endpoint

    @classmethod
    def oxigraph(cls, url: str, **kwargs: Any) -> RemoteStore:
        """The endpoints of ``oxigraph serve`` at ``url`` (``http://HOST:PORT``)."""
        base = url.rstrip("/")
        return cls(query_endpoint=base + "/query", update_endpoint=base + "/update",
                   graph_store_endpoint=base + "/store", union_param=True, form_post=False, **kwargs)

    # ---------------------------------------------------------------- HTTP

    def _request(self, method: str, url: str, *, body: bytes | None = None,
                 content_type: str | None = None, accept: str | None = None,
                 ok_missing: bool = False) -> tuple[int, str, bytes]:
        headers = {}
        if content_type:
            headers["Content-Type"] = content_type
        if accept:
            headers["Accept"] = accept
        request = urllib.request.Request(url, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, response.headers.get("Content-Type", ""), response.read()
        except urllib.error.HTTPError as err:
            if ok_missing and err.code == 404:
                return 404, "", b""
            detail = " ".join(err.read().decode("utf-8", "replace").split())[:500]
            if err.code == 400:
                raise QueryError(_clean(detail) or f"{url}: bad request") from err
            raise StoreError(f"{method} {url} failed: HTTP {err.code} {err.reason}: {detail}") from err
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {reason}") from err

    def _query(self, sparql: str) -> QueryResult:
        url = self.query_endpoint
        if self.union_param:
            url += ("&" if "?" in url else "?") + "union-default-graph"
        body, content_type = self._portable("query", sparql)
        _, ctype, data = self._request("POST", url, body=body, content_type=content_type, accept=_ACCEPT)
        ctype = ctype.split(";")[0].strip()
        try:
            if ctype == _RESULTS_JSON or ctype == "application/json":
                return _ask_as_boolean(from_pyoxigraph(parse_query_results(data, QueryResultsFormat.JSON)))
            if ctype == "application/sparql-results+xml":
                return _ask_as_boolean(from_pyoxigraph(parse_query_results(data, QueryResultsFormat.XML)))
            if ctype == "text/turtle":
                return QueryResult(kind="graph", triples=[q.triple for q in parse(data, RdfFormat.TURTLE)])
            return QueryResult(kind="graph", triples=[q.triple for q in parse(data, RdfFormat.N_TRIPLES)])
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"{self.query_endpoint} answered {ctype!r} that cannot be read: {err}") from err

    def _update(self, sparql: str) -> None:
        if self.update_endpoint is None:
            raise StoreError(f"store {self.location} has no update endpoint; give --update-endpoint")
        body, content_type = self._portable("update", sparql)
        self._request("POST", self.update_endpoint, body=body, content_type=content_type)

    def _portable(self, operation: str, sparql: str) -> tuple[bytes, str]:
        """The POST body for a query or an update: a form, or the bare SPARQL for oxigraph."""
        if self.form_post:
            return urllib.parse.urlencode({operation: sparql}).encode(), "application/x-www-form-urlencoded"
        return sparql.encode(), f"application/sparql-{operation}"

    # ---------------------------------------------------------------- primitives

    def _write_article(self, article_id: str, quads: list[Quad], *, replace: bool) -> None:
        from kg import ids

        # One update request: the server applies it as one transaction, so the
        # article's old graph goes and its new one comes in together (not on
        # Virtuoso: see _replace_in_parts).
        self._update(_replace_in_parts(ids.article_graph_iri(article_id), quads))

    def _replace_article(self, article_id: str, quads: list[Quad]) -> None:
        """Replace an article's graph, then drop the names no article states any more.

        The names no longer recorded are found by a SELECT and dropped with
        DELETE DATA, in requests after the write: Virtuoso, given the one
        ``DELETE ... FILTER NOT EXISTS`` update the embedded store runs, at
        times dropped names that other article graphs still recorded. A
        cleanup lost between the requests leaves extra names (the next replace
        or removal of an article stating them collects them), never a missing one.
        """
        from kg import ids

        graph = ids.article_graph_iri(article_id)
        stated = names.stated(self._query(names.STATED_IN.replace("<G>", f"<{graph}>")).terms)
        self._update(_replace_in_parts(graph, quads))
        if not stated:
            return
        recorded = {(str(n), str(f)) for n, f in self._query(names.recorded_query(stated)).terms}
        stale = [fact for fact in stated if (str(fact[0]), str(fact[3])) not in recorded]
        if stale:
            self._update(names.drop_update(stale))

    def count(self) -> int:
        result = self._query(_COUNT)
        return int(result.rows()[0][0])

    def quads(self) -> Iterator[Quad]:
        result = self._query(_ALL_QUADS)
        expected = self.count()
        if len(result.terms) < expected:  # Virtuoso cuts results at ResultSetMaxRows without an error
            raise StoreError(f"{self.query_endpoint} returned {len(result.terms)} of {expected} quads: it caps "
                             "query results (Virtuoso: raise ResultSetMaxRows in virtuoso.ini)")
        for s, p, o, g in result.terms:
            yield Quad(s, p, o, g)

    def graph(self) -> Any:
        """An in-memory ``rdflib.Dataset`` copy of the remote store."""
        import io

        import rdflib

        buffer = io.BytesIO()
        self.dump(buffer, "nq")
        ds = rdflib.Dataset(default_union=True)
        ds.parse(data=buffer.getvalue().decode(), format="nquads")
        return ds


def _replace_in_parts(graph_iri: str, quads: list[Quad]) -> str:
    """``replace_update`` with its data in several INSERT DATA operations of the same request.

    Virtuoso's SPARQL parser stops ("memory exhausted") near 5,000 triples in one GRAPH block.
    Virtuoso also keeps the operations before one that fails, so the content hash goes in
    last: an article cut short has no hash, and the next build writes it again.
    """
    from kg import ids

    quads = sorted(quads, key=lambda q: q.predicate.value == ids.ONT + "contentHash")
    parts = [quads[start:start + _INSERT_QUADS] for start in range(0, len(quads), _INSERT_QUADS)]
    drop, _, insert = replace_update(graph_iri, parts[0] if parts else []).partition(" ;\n")
    inserts = [insert] + [replace_update(graph_iri, part).partition(" ;\n")[2] for part in parts[1:]]
    return " ;\n".join([drop, *inserts])


def _ask_as_boolean(result: QueryResult) -> QueryResult:
    """Virtuoso answers ASK as a one-column SELECT (``__ASK_RETVAL``, a row holding 1, or no row)."""
    if result.kind == "select" and result.variables == ("__ASK_RETVAL",):
        return QueryResult(kind="ask", boolean=any(row[0] for row in result))
    return result


def _clean(detail: str) -> str:
    """A server's 400 body for a syntax error, made one line like the embedded store's."""
    import re

    from kg.store.base import syntax_error

    virtuoso = re.match(r"Virtuoso \w+ Error \w+: SPARQL compiler, line (\d+): (.*?) SPARQL query:", detail)
    if virtuoso:  # Virtuoso gives the line, not the column
        return f"SPARQL syntax error at line {virtuoso.group(1)}: {virtuoso.group(2)}"
    if "error at" in detail:
        return str(syntax_error(Exception(detail[detail.index("error at"):]), ""))
    try:
        return json.loads(detail).get("message", detail)
    except (ValueError, AttributeError):
        return detail


__all__ = ["NamedNode", "RemoteStore"]
