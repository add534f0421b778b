"""The embedded store: an on-disk Oxigraph (RocksDB) directory, written through pyoxigraph's native API."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import time
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph
from pyoxigraph import Literal, NamedNode, Quad

from kg.errors import ErrorHandler, InputError, QueryError, StoreError, StoreLockedError, handle_with
from kg.rdf import Row, quads_of
from kg.store import compaction, digest, names
from kg.store.base import KGStore, replace_update, syntax_error
from kg.store.events import DATE, event_days
from kg.store.lock import StoreLock
from kg.store.results import QueryResult, from_pyoxigraph

DEFAULT_LOCATION = "vnkg-store"
_NAME_FACT = names.NAME_FACT_NODE
_NAMES = names.NAMES
_FACTS_DIGEST = NamedNode(digest.FACTS_DIGEST)
_XSD_DOUBLE = NamedNode("http://www.w3.org/2001/XMLSchema#double")
JOURNAL_NAME = "vnkg-pending.json"
LOAD_MARKER_NAME = "vnkg-loading"


@dataclass
class LoadReport:
    """What ``EmbeddedStore.load_dumps`` did."""

    loaded: list[Path] = field(default_factory=list)
    failed: list[InputError] = field(default_factory=list)
    seconds: float = 0.0


STAGING_PREFIX = "vnkg-new-"


def _same(quad: Quad) -> Any:
    """What a quad read back from the store and one vnkg built agree on: Oxigraph writes a double
    in its canonical form ("1" for "1.0"), so doubles compare by value."""
    value = quad.object
    if isinstance(value, Literal) and value.datatype == _XSD_DOUBLE:
        try:
            return quad.subject, quad.predicate, float(value.value), quad.graph_name
        except ValueError:
            return quad
    return quad


def _create_in_place(path: Path) -> None:
    """Make an empty store in ``path`` that is whole or absent, never half made.

    RocksDB writes ``CURRENT`` before the column families, so a process killed
    while creating a store left a directory that looked like a store and could
    not be opened ("Column family not found"). The store is made in a staging
    folder inside ``path`` and its files are moved in with ``CURRENT`` last.
    The caller holds the directory's exclusive lock.
    """
    for stale in path.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=path))
    made = pyoxigraph.Store(str(staging))
    made.flush()
    del made  # closes RocksDB: the files are complete before they move
    for part in sorted(staging.iterdir(), key=lambda p: p.name == "CURRENT"):
        part.replace(path / part.name)
    staging.rmdir()


class EmbeddedStore(KGStore):
    """An Oxigraph store in a directory (``None``: in memory, for tests and scratch work).

    Writers hold an exclusive lock on the directory and readers
    (``read_only=True``) a shared one, so a second ``kg build`` while one runs
    fails at once with ``StoreLockedError`` instead of corrupting the store.
    """

    transactional = True
    supports_backup = True
    batch_quads = 50_000
    batch_replaces = True

    def __init__(self, location: str | Path | None = DEFAULT_LOCATION, *, read_only: bool = False,
                 create: bool = True, loading: bool = False) -> None:
        self.read_only = read_only
        self.location = str(location) if location is not None else ":memory:"
        self._lock: StoreLock | None = None
        self._journal: Path | None = None
        self._load_marker: Path | None = None
        if location is None:
            self._store = pyoxigraph.Store()
            return
        path = Path(location)
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path} is a file, not a store directory")
        if read_only or not create:
            if not (path / "CURRENT").exists():
                raise StoreError(f"no store at {path}; build one first: kg build PATH --store {path}")
        else:
            path.mkdir(parents=True, exist_ok=True)
        self._lock = StoreLock(path, exclusive=not read_only)
        try:
            if not read_only and not (path / "CURRENT").exists():
                _create_in_place(path)
            self._store = pyoxigraph.Store.read_only(str(path)) if read_only else pyoxigraph.Store(str(path))
        except OSError as err:
            self._lock.release()
            if "lock" in str(err).lower():
                raise StoreLockedError(f"store {path} is locked by another process; "
                                       "wait for it to finish and retry") from err
            raise StoreError(f"cannot open store {path}: {err}") from err
        self._journal = path / JOURNAL_NAME
        self._load_marker = path / LOAD_MARKER_NAME
        if self._load_marker.exists() and not loading:
            self.close()
            raise StoreError(f"store {path} holds a kg load that did not finish (part of the dumps at "
                             f"most); run kg load again with all the files, which starts over "
                             f"(kg load FILE... --store {path}), or remove the directory")
        if compaction.pending(path):
            if read_only:
                self.close()
                raise StoreError(f"store {path} was being compacted when its writer stopped; open it "
                                 f"for writing once to finish (kg build PATH --store {path})")
            compaction.finish(self._store, path)
        if not read_only and self._journal.exists():
            self._recover()

    @property
    def native(self) -> pyoxigraph.Store:
        """The underlying ``pyoxigraph.Store``."""
        return self._store

    # ---------------------------------------------------------------- primitives

    def _write_article(self, article_id: str, quads: list[Quad], *, replace: bool) -> None:
        from kg import ids

        graph = NamedNode(ids.article_graph_iri(article_id))
        try:
            if replace and self._store.contains_named_graph(graph):
                # One update is one transaction: the old version goes and the
                # new one comes in together, or neither does.
                self._store.update(replace_update(graph.value, quads))
            else:
                self._store.extend(quads)  # atomic
        except (OSError, SyntaxError, ValueError) as err:
            raise StoreError(f"writing article {article_id!r} to {self.location} failed: {err}") from err

    def _write_batch(self, batch: list[tuple[str, list[Quad], bool]]) -> int:
        """Bulk-load a batch of new and replaced articles, made all-or-nothing by a journal.

        ``Store.bulk_extend`` is several times faster than a transaction but
        not atomic, so the batch's article ids are journaled first and the
        journal is deleted once the data is flushed. A replaced article's
        stored graph is read and only the difference written: most facts
        survive a rule change, and reading a quad back costs about what
        removing it did, while the unchanged ones need no rewrite. One whose
        facts mostly changed has its graph dropped and rewritten. The names that only the old versions recorded go,
        once for the whole batch (``kg.store.names.unrecorded``). A crash or
        Ctrl-C in between leaves the journal: the next open removes those
        articles (a replaced one then is absent, neither version; the next
        build adds it again). Replaced articles whose facts are stored as
        they are never get here: ``KGStore.add`` asks ``_holds`` first.

        Returns how many replaced articles lost facts (more than their digest).
        """
        if self._journal is not None:
            import json

            with open(self._journal, "w", encoding="utf-8") as fh:
                json.dump([article_id for article_id, _, _ in batch], fh)
                fh.flush()
                os.fsync(fh.fileno())
        try:
            lost, dropped, new_quads = self._replace_in_place(batch)
            if self._journal is None:  # in memory: nothing survives a crash anyway
                self._store.extend(new_quads)
            else:
                self._store.bulk_extend(new_quads)
            if dropped:
                dropped.difference_update((q.subject, q.object) for q in new_quads if q.predicate == _NAME_FACT)
                for quad in names.unrecorded(self._store, dropped):
                    self._store.remove(quad)
            if self._journal is not None:
                self._store.flush()
        except BaseException:
            if self._journal is not None:
                self._recover()
            raise
        if self._journal is not None:
            self._journal.unlink()
        return lost

    def _replace_in_place(self, batch: list[tuple[str, list[Quad], bool]]) -> tuple[int, set[tuple[Any, Any]], list[Quad]]:
        """Take out of the replaced articles' graphs what their new versions no longer say.

        Returns how many lost more than their digest, the names records taken
        out ((subject, record) pairs), and the quads still to write.
        """
        from kg import ids

        lost = 0
        dropped: set[tuple[Any, Any]] = set()
        to_write: list[Quad] = []
        for article_id, quads, replaces in batch:
            if not replaces:
                to_write += quads
                continue
            graph = NamedNode(ids.article_graph_iri(article_id))
            old = {_same(q): q for q in self._store.quads_for_pattern(None, None, None, graph)}
            own = {_same(q): q for q in quads if q.graph_name == graph}
            gone = [q for key, q in old.items() if key not in own]
            if len(gone) * 2 > len(old):  # mostly new: rewriting the graph costs less than the difference
                self._store.remove_graph(graph)
                gone, own_new = list(old.values()), list(own.values())
            else:
                for quad in gone:
                    self._store.remove(quad)
                own_new = [q for key, q in own.items() if key not in old]
            lost += any(q.predicate != _FACTS_DIGEST for q in gone)
            dropped.update((q.subject, q.object) for q in gone if q.predicate == _NAME_FACT)
            to_write += own_new
            # the names triples it states are mostly stored already: a lookup costs less than a write
            to_write += [q for q in quads if q.graph_name == _NAMES and q not in self._store]
        return lost, dropped, to_write

    def _replace_article(self, article_id: str, quads: list[Quad]) -> None:
        """Put ``quads`` (nothing: remove) in place of an article, in one update (one transaction).

        The names only this article records are found through the store's
        indexes (``names.left_unrecorded``) and dropped by ``DELETE DATA`` in
        the same update; only this process writes (the lock), so nothing
        changes between the lookups and the update.
        """
        from kg import ids

        graph = NamedNode(ids.article_graph_iri(article_id))
        stale = names.left_unrecorded(self._store, graph, quads)
        update = replace_update(graph.value, quads)
        if stale:
            update += " ;\n" + names.drop_update((q.subject, q.predicate, q.object, None) for q in stale)
        self._update(update)

    def _holds(self, digest_row: Row | None) -> bool:
        if digest_row is None:
            return False
        return quads_of([digest_row])[0] in self._store

    def _drop_graphs(self, article_ids: Iterable[str]) -> set[tuple[Any, Any]]:
        """Remove the articles' graphs; returns the names records they held, (subject, record) pairs."""
        from kg import ids

        records: set[tuple[Any, Any]] = set()
        for article_id in article_ids:
            graph = NamedNode(ids.article_graph_iri(article_id))
            records.update((q.subject, q.object) for q in self._store.quads_for_pattern(None, _NAME_FACT, None, graph))
            self._store.remove_graph(graph)
        return records

    def _drop_stale_names(self) -> None:
        """Remove every names triple that no article graph records."""
        for quad in names.stale_names(self._store):
            self._store.remove(quad)

    def _recover(self) -> None:
        """Take out the articles of an interrupted batch (listed in the journal)."""
        import json

        from kg import ids

        journal = self._journal
        assert journal is not None  # only on-disk stores journal
        try:
            article_ids = json.loads(journal.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            article_ids = []
        present = [a for a in article_ids if self._has_graph(ids.article_graph_iri(a))]
        self._drop_graphs(present)
        # The batch may have died after dropping old graphs, taking the records that named
        # their subjects: look at every names triple.
        self._drop_stale_names()
        self._store.flush()
        journal.unlink()

    # ---------------------------------------------------------------- dumps

    def load_dumps(self, paths: Iterable[str | Path], *, threads: int | None = None,
                   on_error: ErrorHandler | None = None) -> LoadReport:
        """Restore RDF dumps (``kg export`` output, or any N-Quads, TriG, ... file) into this empty store.

        Oxigraph's bulk loader writes straight to disk, several times faster
        than transactions, and N-Quads / N-Triples files are cut at line ends
        and loaded on ``threads`` cores (default: all). It is all or nothing
        per file: a file that does not parse is reported to ``on_error`` (its
        path, line and the parser's words), the store is emptied and the good
        files loaded again. A marker file makes a crash or Ctrl-C mid-load
        make readers and writers refuse the store, naming ``kg load``, until
        the last file is in; a crash or Ctrl-C mid-load leaves the marker, and
        ``kg load`` run again empties the store and starts over.
        Loading into a store that holds anything is refused, since a partial
        load could not be told apart from what was there.
        """
        from kg.store.load import dump_format, load_file

        self._check_writable()
        if self._load_marker is not None and self._load_marker.exists():
            self._undo_interrupted_load()  # a load killed midway: start over
        if next(self._store.quads_for_pattern(None, None, None), None) is not None:
            raise StoreError(f"{self.location} is not empty; kg load restores dumps into an empty store "
                             "(choose a new --store directory, or kg build the articles)")
        handle = handle_with(on_error)
        report = LoadReport()
        pending: list[Path] = []
        for name in paths:
            path = Path(name)
            try:
                if not path.is_file():
                    raise InputError("no such file" if not path.exists() else "not a file", path=str(path))
                dump_format(path)
            except InputError as err:
                report.failed.append(err)
                handle(err)
                continue
            pending.append(path)
        started = time.perf_counter()
        self._mark_loading()
        try:
            while True:
                try:
                    for path in pending:
                        load_file(self._store, path, threads=threads or os.cpu_count() or 1)
                    break
                except InputError as err:  # undo the partial file, then the good ones again
                    self._store.clear()
                    pending.remove(Path(err.path))
                    # kept by the caller: without its frames, which hold the store open
                    failure = err.with_traceback(None)
                    failure.__cause__ = failure.__context__ = None
                    report.failed.append(failure)
                    handle(failure)
            self._store.flush()
        except BaseException:
            self._undo_interrupted_load()
            raise
        self._unmark_loading()
        report.loaded = pending
        report.seconds = time.perf_counter() - started
        return report

    def _mark_loading(self) -> None:
        if self._load_marker is not None:
            with open(self._load_marker, "w", encoding="utf-8") as fh:
                fh.write("a kg load is running or was interrupted: run kg load again to start over\n")
                fh.flush()
                os.fsync(fh.fileno())

    def _unmark_loading(self) -> None:
        if self._load_marker is not None:
            self._load_marker.unlink(missing_ok=True)

    def _undo_interrupted_load(self) -> None:
        """Back to the empty store the load started from."""
        self._store.clear()
        self._store.flush()
        self._unmark_loading()

    def _event_days(self, event_iri: str, *, excluding: AbstractSet[str] = frozenset()) -> set[dt.date]:
        found: Iterable[Quad] = self._store.quads_for_pattern(NamedNode(event_iri), NamedNode(DATE), None, None)
        if excluding:
            found = [q for q in found if not (isinstance(q.graph_name, NamedNode) and q.graph_name.value in excluding)]
        return event_days(found).get(event_iri, set())

    def _has_graph(self, graph_iri: str) -> bool:
        return self._store.contains_named_graph(NamedNode(graph_iri))

    def _query(self, sparql: str) -> QueryResult:
        try:
            result = self._store.query(sparql, use_default_graph_as_union=True)
            return from_pyoxigraph(result)
        except SyntaxError as err:
            raise syntax_error(err, sparql) from err
        except (OSError, ValueError) as err:
            raise QueryError(f"SPARQL evaluation failed: {err}") from err

    def _update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except SyntaxError as err:
            raise syntax_error(err, sparql) from err
        except (OSError, ValueError) as err:
            raise QueryError(f"SPARQL update failed: {err}") from err

    # ---------------------------------------------------------------- reading

    def count(self) -> int:
        return len(self._store)

    def quads(self) -> Iterator[Quad]:
        return iter(self._store)

    def graph(self) -> Any:
        """An ``rdflib.Dataset`` over this very store (through oxrdflib); union default graph."""
        import rdflib
        from oxrdflib import OxigraphStore

        return rdflib.Dataset(store=OxigraphStore(store=self._store), default_union=True)

    def backup(self, target: str | Path) -> None:
        """A consistent copy of the store into a new directory (``Store.backup``)."""
        target = Path(target)
        if target.exists() and any(target.iterdir()):
            raise StoreError(f"{target} exists and is not empty; choose a new directory")
        if self.location == ":memory:":
            raise StoreError("an in-memory store cannot be backed up")
        try:
            self._store.backup(str(target))
        except OSError as err:
            raise StoreError(f"backup of {self.location} to {target} failed: {err}") from err

    def compact(self) -> None:
        """Rewrite the store's quads (``kg.store.compaction``: drops the strings of replaced
        versions), then reopen it: RocksDB lets go of its spent write-ahead logs only on opening."""
        if self.read_only or self.location == ":memory:":
            return
        compaction.rewrite(self._store, Path(self.location))
        del self._store
        self._store = pyoxigraph.Store(self.location)

    def flush(self) -> None:
        if not self.read_only:
            self._store.flush()

    def close(self) -> None:
        if getattr(self, "_store", None) is not None:
            self.flush()
            del self._store
            self._store = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
            self._lock = None
