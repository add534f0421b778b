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
from kg.store.base import KGStore, replace_update
from kg.store.results import QueryResult, from_pyoxigraph

_RESULTS_JSON = "application/sparql-results+json"
_NTRIPLES = "application/n-triples"
_ACCEPT = f"{_RESULTS_JSON}, {_NTRIPLES};q=0.9, text/turtle;q=0.8"
_ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


class RemoteStore(KGStore):
    """A SPARQL 1.1 server as a vnkg store; no local lock (the server serializes writes)."""

    remote = True

    def __init__(self, *, query_endpoint: str, update_endpoint: str | None = None,
                 graph_store_endpoint: str | None = None, union_param: bool = False,
                 timeout: float = 60.0, read_only: bool = False) -> None:
        self.query_endpoint = query_endpoint
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
                   graph_store_endpoint=base + "/store", union_param=True, **kwargs)

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
        _, ctype, data = self._request("POST", url, body=sparql.encode(),
                                       content_type="application/sparql-query", accept=_ACCEPT)
        ctype = ctype.split(";")[0].strip()
        try:
            if ctype == _RESULTS_JSON or ctype == "application/json":
                return from_pyoxigraph(parse_query_results(data, QueryResultsFormat.JSON))
            if ctype == "application/sparql-results+xml":
                return from_pyoxigraph(parse_query_results(data, QueryResultsFormat.XML))
            if ctype == "text/turtle":
                return QueryResult(kind="graph", triples=[q.triple for q in parse(data, RdfFormat.TURTLE)])
            return QueryResult(kind="graph", triples=[q.triple for q in parse(data, RdfFormat.N_TRIPLES)])
        except (SyntaxError, ValueError) as err:
            raise StoreError(f"{self.query_endpoint} answered {ctype!r} that cannot be read: {err}") from err

    def _update(self, sparql: str) -> None:
        if self.update_endpoint is None:
            raise StoreError(f"store {self.location} has no update endpoint; give --update-endpoint")
        self._request("POST", self.update_endpoint, body=sparql.encode(),
                      content_type="application/sparql-update")

    def _graph_url(self, graph_iri: str) -> str:
        assert self.graph_store_endpoint is not None
        return f"{self.graph_store_endpoint}?graph={urllib.parse.quote(graph_iri, safe='')}"

    # ---------------------------------------------------------------- primitives

    def _write_article(self, article_id: str, quads: list[Quad], *, replace: bool) -> None:
        from kg import ids

        # One update request: the server applies it as one transaction, so the
        # article's old graph goes and its new one comes in together.
        self._update(replace_update(ids.article_graph_iri(article_id), quads))

    def count(self) -> int:
        result = self._query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(result.rows()[0][0])

    def quads(self) -> Iterator[Quad]:
        result = self._query(_ALL_QUADS)
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


def _clean(detail: str) -> str:
    """Oxigraph's 400 body for a syntax error, made one line like the embedded store's."""
    from kg.store.base import syntax_error

    if "error at" in detail:
        return str(syntax_error(Exception(detail[detail.index("error at"):]), ""))
    try:
        return json.loads(detail).get("message", detail)
    except (ValueError, AttributeError):
        return detail


__all__ = ["NamedNode", "RemoteStore"]
