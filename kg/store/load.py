"""Loading RDF dumps into an empty embedded store, on every core.

A dump is what ``kg export`` writes (or any N-Quads, N-Triples, TriG,
Turtle, RDF/XML or JSON-LD file). Oxigraph's bulk loader parses on one
thread, so a line-based file (N-Quads, N-Triples) is cut at line ends into
one byte range per thread and the ranges are loaded side by side: about
twice as fast on two cores. A file with blank nodes is loaded whole, since
each ``bulk_load`` call gives its blank nodes fresh identities.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pyoxigraph

from kg.errors import InputError

__all__ = ["DUMP_FORMATS", "Chunk", "load_file", "plan_chunks"]

DUMP_FORMATS = {
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".rdf": pyoxigraph.RdfFormat.RDF_XML,
    ".owl": pyoxigraph.RdfFormat.RDF_XML,
    ".jsonld": pyoxigraph.RdfFormat.JSON_LD,
}
LINE_BASED = frozenset({pyoxigraph.RdfFormat.N_QUADS, pyoxigraph.RdfFormat.N_TRIPLES})
# Below this a file is loaded in one piece: threads would cost more than they save.
MIN_CHUNK_BYTES = 4 << 20
_BUFFER = 1 << 20


@dataclass(frozen=True)
class Chunk:
    """Bytes ``start``..``end`` of a dump, cut at line ends."""

    path: Path
    start: int
    end: int


def dump_format(path: Path) -> pyoxigraph.RdfFormat:
    try:
        return DUMP_FORMATS[path.suffix.lower()]
    except KeyError:
        raise InputError(f"unknown RDF format {path.suffix!r}; use one of {', '.join(DUMP_FORMATS)}",
                         path=str(path)) from None


def plan_chunks(path: Path, threads: int) -> list[Chunk]:
    """The file in ``threads`` line-aligned ranges, or whole when it cannot or need not be cut."""
    size = path.stat().st_size
    pieces = min(threads, size // MIN_CHUNK_BYTES)
    if pieces <= 1 or dump_format(path) not in LINE_BASED or _has_blank_nodes(path):
        return [Chunk(path, 0, size)]
    bounds = [0]
    with open(path, "rb") as fh:
        for k in range(1, pieces):
            fh.seek(max(size * k // pieces, bounds[-1]))
            fh.readline()  # to the next line end
            bounds.append(fh.tell())
    bounds.append(size)
    return [Chunk(path, a, b) for a, b in pairwise(bounds) if b > a]


def _has_blank_nodes(path: Path) -> bool:
    """Whether ``_:`` occurs anywhere (a literal that holds it only costs the parallelism)."""
    with open(path, "rb") as fh:
        tail = b""
        while block := fh.read(_BUFFER):
            if b"_:" in tail + block[:1] or b"_:" in block:
                return True
            tail = block[-1:]
    return False


def load_file(store: pyoxigraph.Store, path: Path, *, threads: int = 1) -> None:
    """Bulk-load one dump, its line-aligned chunks in parallel threads.

    Raises ``InputError`` (the file, the line, the parser's words) for a
    dump that does not parse. Not atomic: by then part of the file may be stored (the caller
    undoes it). pyoxigraph lets go of the GIL while it parses and writes, so
    the threads use separate cores.
    """
    fmt = dump_format(path)
    chunks = plan_chunks(path, threads)
    errors: list[tuple[Chunk, BaseException]] = []
    whole = len(chunks) == 1

    def run(chunk: Chunk) -> None:
        try:
            _load_chunk(store, chunk, fmt, whole=whole)
        except BaseException as err:  # noqa: BLE001 - re-raised in the caller's thread
            # without its frames: they would hold the store open in a reference cycle
            errors.append((chunk, err.with_traceback(None)))

    if len(chunks) == 1:
        run(chunks[0])
    else:
        workers = [threading.Thread(target=run, args=(chunk,), name=f"load-{i}") for i, chunk in enumerate(chunks)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
    if errors:
        chunk, err = min(errors, key=lambda item: item[0].start)
        if isinstance(err, SyntaxError):
            raise InputError(_reason(err), path=str(path), line=_line_in_file(chunk, err)) from None
        if isinstance(err, (OSError, ValueError)):
            raise InputError(str(err), path=str(path)) from None
        raise err


def _load_chunk(store: pyoxigraph.Store, chunk: Chunk, fmt: pyoxigraph.RdfFormat, *, whole: bool) -> None:
    if whole:  # Oxigraph reads the file itself
        store.bulk_load(path=str(chunk.path), format=fmt)
        return
    with io.BufferedReader(_ByteRange(chunk), _BUFFER) as reader:
        store.bulk_load(reader, format=fmt)


class _ByteRange(io.RawIOBase):
    """Bytes ``start``..``end`` of a file, read as a stream."""

    def __init__(self, chunk: Chunk) -> None:
        super().__init__()
        self._file = open(chunk.path, "rb", buffering=0)  # noqa: SIM115 - closed in close()
        self._file.seek(chunk.start)
        self._left = chunk.end - chunk.start

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        size = min(len(buffer), self._left)
        if size <= 0:
            return 0
        got = self._file.readinto(memoryview(buffer)[:size]) or 0
        self._left -= got
        return got

    def close(self) -> None:
        self._file.close()
        super().close()


def _reason(err: SyntaxError) -> str:
    """The parser's message without its chunk-relative position (the line is given apart)."""
    message = err.msg if isinstance(err.msg, str) else str(err)
    detail = message.split(": ", 1)[1] if message.startswith("Parser error") and ": " in message else message
    return f"column {err.offset}: {detail}" if err.offset else detail


def _line_in_file(chunk: Chunk, err: SyntaxError) -> int | None:
    """The parser's line number within the chunk, as a line of the whole file."""
    if not err.lineno:
        return None
    return _lines_before(chunk.path, chunk.start) + err.lineno


def _lines_before(path: Path, offset: int) -> int:
    count = 0
    with open(path, "rb") as fh:
        while offset > 0:
            block = fh.read(min(_BUFFER, offset))
            if not block:
                break
            count += block.count(b"\n")
            offset -= len(block)
    return count
