"""Compacting an on-disk store: every quad written out, the store emptied, the dump loaded back.

Oxigraph never forgets a string (an IRI or a literal's text) once stored,
even when no quad uses it any more, and RocksDB's own compaction
(``Store.optimize``) cannot know it is unused. After every article was
replaced by an edited version the store held both versions' strings: twice
a clean build's size, and growing with each round of edits. Rewriting the
quads drops them.

The rewrite is safe to kill: the dump is written in full under a temporary
name and renamed to ``vnkg-compacting.nq`` before the store is touched, and
that file's presence means "the store is to be exactly this dump". A writer
opening the store finishes an interrupted compaction (``finish``); readers
refuse it until then.
"""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph

__all__ = ["DUMP_NAME", "finish", "pending", "rewrite"]

DUMP_NAME = "vnkg-compacting.nq"


def pending(directory: Path) -> bool:
    """Whether a compaction of the store in ``directory`` was interrupted."""
    return (directory / DUMP_NAME).exists()


def rewrite(store: pyoxigraph.Store, directory: Path) -> None:
    """Rewrite every quad of ``store`` (kept in ``directory``), dropping the strings no quad uses."""
    dump = directory / DUMP_NAME
    part = dump.with_name(DUMP_NAME + ".part")
    store.flush()
    store.dump(str(part), pyoxigraph.RdfFormat.N_QUADS)
    with open(part, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(part, dump)
    _sync_directory(directory)
    finish(store, directory)


def finish(store: pyoxigraph.Store, directory: Path) -> None:
    """Make the store exactly the compaction dump in ``directory``, then delete the dump."""
    from kg.store.load import load_file

    (directory / (DUMP_NAME + ".part")).unlink(missing_ok=True)  # the store was not touched yet
    dump = directory / DUMP_NAME
    if not dump.exists():
        return
    store.clear()
    store.flush()
    store.optimize()  # the emptied store's old files go
    load_file(store, dump, threads=os.cpu_count() or 1)
    # No optimize after the load: the bulk loader's files are already compact, and RocksDB's
    # compaction of them wrote files 1.7x their size.
    store.flush()
    dump.unlink()
    _sync_directory(directory)


def _sync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
