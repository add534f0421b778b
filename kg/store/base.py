"""What every store backend does: add extractions, remove articles, query, dump.

A backend implements the few primitives at the bottom (``_write_article``,
``_remove_graph``, ``_select`` ...); adding, skipping unchanged articles and
reporting bad ones is shared here. The store takes finished extractions: it
knows nothing of parsing, extractors or workers (``kg.build`` composes those).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from pyoxigraph import Quad, RdfFormat

from kg import ids
from kg.errors import ErrorHandler, InputError, QueryError, StoreError, handle_with
from kg.model import Extraction
from kg.rdf import Row, quads_of, to_rows
from kg.store import digest, names
from kg.store.events import DATE, link_events
from kg.store.results import QueryResult

if TYPE_CHECKING:  # typing.Self is Python 3.11+
    from typing_extensions import Self


EXPORT_FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "trig": RdfFormat.TRIG,
    "nq": RdfFormat.N_QUADS,
    "jsonld": RdfFormat.JSON_LD,
}
QUAD_FORMATS = frozenset({"trig", "nq", "jsonld"})

_COMPACT_AFTER = 100  # articles whose earlier versions lost facts
_NOT_AN_EXTRACTION = ("KGStore.add takes Extraction objects, not {}; to extract articles and store them, "
                      "use kg.add_articles(store, articles)")
_HASHES = """
SELECT ?g ?h WHERE { GRAPH ?g { ?a a <https://vnkg.org/ontology#Article> ;
                                   <https://vnkg.org/ontology#contentHash> ?h } }
"""


@dataclass
class AddReport:
    """What ``KGStore.add`` did."""

    added: int = 0       # articles new to the store
    replaced: int = 0    # articles whose earlier version was replaced
    skipped: int = 0     # articles unchanged since the last build (same content hash)
    failed: list[InputError] = field(default_factory=list)
    quads: int = 0       # quads written
    identical: int = 0   # of the replaced, those whose new facts equal the stored ones (not rewritten)

    def summary(self) -> str:
        replaced = f"{self.replaced} replaced"
        if self.identical:
            replaced += f" ({self.identical} identical, not rewritten)"
        parts = [f"{self.added} added", replaced, f"{self.skipped} unchanged (skipped)"]
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        return ", ".join(parts) + f"; {self.quads} quads written"


@dataclass
class _Batch:
    """Articles waiting to be written together, and what later articles must know of them."""

    items: list[tuple[str, list[Quad], bool]] = field(default_factory=list)  # (id, quads, replaces)
    quads: int = 0
    days: dict[str, set[dt.date]] = field(default_factory=dict)  # event dates, not yet stored
    # graphs the batch replaces: their stored dates are no longer known, as if already replaced
    replaced: set[str] = field(default_factory=set)

    def append(self, article_id: str, quads: list[Quad], days: dict[str, set[dt.date]], *,
               replaces: bool) -> None:
        self.items.append((article_id, quads, replaces))
        self.quads += len(quads)
        for event_iri, event_dates in days.items():
            self.days.setdefault(event_iri, set()).update(event_dates)
        if replaces:
            self.replaced.add(ids.article_graph_iri(article_id))

    def clear(self) -> None:
        self.items, self.quads = [], 0
        self.days.clear()
        self.replaced.clear()


class KGStore:
    """Base class of the store backends.

    Capability flags, as rdflib's ``Store`` has them:
    """

    remote: bool = False          # talks HTTP to a SPARQL server
    transactional: bool = True    # each article is written all or nothing
    supports_backup: bool = False
    read_only: bool = False
    location: str = ""
    batch_quads: int = 0          # new articles written together up to this many quads (0: one by one)
    batch_replaces: bool = False  # replaced articles go in those batches too (else one update each)

    # ---------------------------------------------------------------- writing

    def add(self, extractions: Iterable[Extraction], *, force: bool = False,
            on_error: ErrorHandler | None = None) -> AddReport:
        """Store extractions, one transaction each (new articles in all-or-nothing batches).

        Articles whose content hash is already stored are skipped unless
        ``force``. A bad extraction (it refers to an entity it does not define)
        goes to ``on_error`` and the rest go on; with no handler it is raised.
        To extract articles and store them, see ``kg.add_articles``.

        Returns:
            An ``AddReport`` with the counts.

        Raises:
            TypeError: an item is not an ``Extraction``.
        """
        self._check_writable()
        report = AddReport()
        stored = self.article_hashes()
        handle = handle_with(on_error)

        def fail(err: InputError) -> None:
            report.failed.append(err)
            handle(err)

        def changed(extractions: Iterable[Extraction]) -> Iterator[Extraction]:
            for extraction in extractions:
                if not isinstance(extraction, Extraction):
                    raise TypeError(_NOT_AN_EXTRACTION.format(type(extraction).__name__))
                if not force and stored.get(extraction.article.id) == extraction.article.content_hash:
                    report.skipped += 1
                    continue
                yield extraction

        batch = _Batch()
        rewritten = 0  # replaced articles whose old versions lost facts (their strings may be dead)

        def flush() -> None:
            nonlocal rewritten
            if batch.items:
                rewritten += self._write_batch(batch.items)
                batch.clear()

        def days_of(event_iri: str) -> set[dt.date]:
            return self._event_days(event_iri, excluding=batch.replaced) | batch.days.get(event_iri, set())

        for extraction in changed(extractions):
            article = extraction.article
            try:
                rows, days = link_events(_rows(extraction), days_of)
                rows = digest.with_digest(rows)
            except ValueError as err:
                fail(InputError(f"not stored: {err}", path=article.source))
                continue
            replaces = article.id in stored
            report.replaced += replaces
            report.added += not replaces
            stored[article.id] = article.content_hash
            if replaces and self._holds(digest.digest_row(rows)):
                report.identical += 1  # stored as it is: no quad built, nothing written
                continue
            quads = quads_of(rows)
            if replaces and not self.batch_replaces:
                flush()
                self._replace_article(article.id, quads)
                rewritten += 1
            else:
                # Articles are written in batches; each batch is all or nothing
                # (see ``_write_batch``), so never half an article.
                batch.append(article.id, quads, days, replaces=replaces)
                if batch.quads >= self.batch_quads:
                    flush()
            report.quads += len(quads)
        flush()
        if rewritten >= max(_COMPACT_AFTER, len(stored) // 10):
            self.compact()  # replaced versions leave dead data (RocksDB WAL and tombstones)
        return report

    def compact(self) -> None:
        """Reclaim the space old versions of articles held (a no-op where the server does it)."""

    def remove(self, article_id: str) -> bool:
        """Take out everything one article said; False if the store did not have it."""
        self._check_writable()
        if not self._has_graph(ids.article_graph_iri(article_id)):
            return False
        self._replace_article(article_id, [])
        return True

    def _replace_article(self, article_id: str, quads: list[Quad]) -> None:
        """Put ``quads`` (nothing: remove) in place of an article, in one update.

        The names graph is the union of what the stored articles say about
        names (see ``kg.store.names``): each names triple the old version
        recorded goes unless another article still records it. Each backend
        finds those its own way (``names.left_unrecorded``, ``names.recorded_query``).
        """
        raise NotImplementedError

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 Update."""
        self._check_writable()
        self._update(sparql)

    # ---------------------------------------------------------------- reading

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query over the union of the article graphs.

        Raises:
            QueryError: a syntax error (with its line and column) or an evaluation error.
        """
        return self._query(sparql)

    def article_hashes(self) -> dict[str, str]:
        """Article id -> content hash of every stored article."""
        result = self._query(_HASHES)
        out = {}
        for graph, content_hash in result:
            try:
                out[ids.article_id_from_graph(graph)] = content_hash
            except ValueError:
                continue  # a graph someone else wrote
        return out

    def articles(self) -> list[str]:
        """Ids of the stored articles, sorted."""
        return sorted(self.article_hashes())

    def __len__(self) -> int:
        return self.count()

    def count(self) -> int:
        """Number of quads stored."""
        raise NotImplementedError

    def quads(self) -> Iterator[Quad]:
        """Every stored quad."""
        raise NotImplementedError

    def dump(self, output: IO[bytes] | str, fmt: str) -> None:
        """Write the store as ``turtle``, ``nt``, ``trig``, ``nq`` or ``jsonld``.

        The triple formats (turtle, nt) get the union of the article graphs,
        each triple once; the quad formats keep the graphs.
        """
        from pyoxigraph import serialize

        from kg.rdf import NS

        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"No export format {fmt!r}. Available: {', '.join(EXPORT_FORMATS)}")
        rdf_format = EXPORT_FORMATS[fmt]
        prefixes = dict(NS) if fmt in ("turtle", "trig") else None
        if fmt in QUAD_FORMATS:
            data: Iterable[Any] = self.quads()
        else:
            data = _distinct_triples(self.quads())
        try:
            serialize(data, output, rdf_format, prefixes=prefixes)
        except (OSError, ValueError) as err:
            raise StoreError(f"export as {fmt} failed: {err}") from err

    def graph(self) -> Any:
        """An ``rdflib.Dataset`` view of the store, for code that speaks rdflib."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the store (and its lock)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------- backend primitives

    def _write_article(self, article_id: str, quads: list[Quad], *, replace: bool) -> None:
        raise NotImplementedError

    def _write_batch(self, batch: list[tuple[str, list[Quad], bool]]) -> int:
        """Write a batch of articles, each all or nothing; ``True`` marks one replacing a stored version.

        Returns how many replaced articles lost facts (more than their digest).
        """
        for article_id, quads, replaces in batch:
            if replaces:
                self._replace_article(article_id, quads)
            else:
                self._write_article(article_id, quads, replace=False)
        return sum(replaces for _, _, replaces in batch)

    def _holds(self, digest_row: Row | None) -> bool:
        """Whether the store holds this digest (``kg.store.digest``) in its article's graph, so the
        article's facts are stored as they are (False: cannot tell, write them)."""
        return False

    def _has_graph(self, graph_iri: str) -> bool:
        return bool(self._query(f"ASK {{ GRAPH <{graph_iri}> {{ ?s ?p ?o }} }}").boolean)

    def _query(self, sparql: str) -> QueryResult:
        raise NotImplementedError

    def _update(self, sparql: str) -> None:
        raise NotImplementedError

    def _event_days(self, event_iri: str, *, excluding: AbstractSet[str] = frozenset()) -> set[dt.date]:
        """The full dates the stored reports give an event (see ``kg.store.events``), but for
        those of the article graphs ``excluding`` (only a backend that batches replaces gets any)."""
        rows = self.query(f"SELECT DISTINCT ?d WHERE {{ <{event_iri}> <{DATE}> ?d }}").column("d")
        return {day for day in rows if isinstance(day, dt.date)}

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"store {self.location} is open read-only")


def _rows(extraction: Extraction) -> list[Row]:
    return names.with_statements(to_rows(extraction))


def _distinct_triples(quads: Iterable[Quad]) -> list[Any]:
    seen: dict[Any, None] = {}
    for quad in quads:
        seen.setdefault(quad.triple, None)
    return list(seen)


def replace_update(graph_iri: str, quads: list[Quad]) -> str:
    """One SPARQL update (one transaction) replacing an article's graph with ``quads``."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
    update = f"DROP SILENT GRAPH <{graph_iri}>"
    if blocks:
        update += f" ;\nINSERT DATA {{\n{blocks}\n}}"
    return update


def syntax_error(err: Exception, sparql: str) -> QueryError:
    """A SPARQL error as one clear line: ``SPARQL syntax error at line 1, column 25: ...``."""
    import re

    message = " ".join(str(err).split())
    match = re.match(r"error at (\d+):(\d+)(?:-\d+:\d+)?:\s*(.*)", message)
    if match:
        line, column, rest = match.groups()
        return QueryError(f"SPARQL syntax error at line {line}, column {column}: {rest}")
    return QueryError(f"SPARQL error: {message}")
