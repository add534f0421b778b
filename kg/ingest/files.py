"""Walk input paths and read raw bytes safely (binary, encoding, size checks)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from kg.errors import InputError

DEFAULT_MAX_BYTES = 5_000_000
ARTICLE_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".html", ".htm")


def expand_paths(paths: Iterable[str | Path], *,
                 on_error: Callable[[InputError], None]) -> Iterator[tuple[str, bool]]:
    """(path, named) pairs: files as given (named), directories walked recursively
    in sorted order (not named); "-" kept."""
    for raw in paths:
        if str(raw) == "-":
            yield "-", True
            continue
        path = Path(raw)
        if path.is_dir():
            yield from ((p, False) for p in _walk(str(path)))
        elif path.is_file():
            yield str(path), True
        elif path.exists():
            on_error(InputError("not a regular file or directory", path=str(path)))
        else:
            on_error(InputError("no such file or directory", path=str(path)))


def _walk(directory: str) -> Iterator[str]:
    """Article files below ``directory`` in sorted path order, hidden entries skipped.

    Lazy, one directory listing at a time: a huge archive is never listed whole.
    Files and subdirectories sort together by name, as the paths they make do.
    """
    try:
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError:
        return
    names = {entry.name for entry in entries}
    for entry in entries:
        if entry.name.startswith(".") or _is_saved_page_assets(entry.name, names):
            continue
        if entry.is_dir():
            yield from _walk(entry.path)
        elif entry.is_file() and os.path.splitext(entry.name)[1].lower() in ARTICLE_SUFFIXES:
            yield entry.path


def _is_saved_page_assets(name: str, siblings: set[str]) -> bool:
    """``X_files/``: what a browser's "Save page as" keeps beside ``X.html`` (scripts, ad frames)."""
    stem = name[:-len("_files")] if name.endswith("_files") else None
    return stem is not None and any(f"{stem}{suffix}" in siblings for suffix in (".html", ".htm"))


def read_limited(path: Path, *, max_bytes: int | None) -> bytes:
    try:
        size = path.stat().st_size
        if max_bytes is not None and size > max_bytes:
            raise InputError(
                f"file is {_human(size)}, over the {_human(max_bytes)} limit "
                f"(raise it with --max-size)", path=str(path))
        return path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=str(path)) from err


def decode_bytes(data: bytes, *, path: str) -> str:
    """UTF-8 text, or an ``InputError`` saying why not (binary, other encoding)."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not a text article", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[:err.start].count(b"\n") + 1
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "convert the file to UTF-8", path=path, line=line) from err
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _human(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"
