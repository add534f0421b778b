"""Walk input paths and read raw bytes safely (links, encodings, NULs, size checks)."""

from __future__ import annotations

import codecs
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from kg.errors import ErrorHandler, InputError

DEFAULT_MAX_BYTES = 5_000_000
ARTICLE_SUFFIXES = (".txt", ".jsonl", ".ndjson", ".html", ".htm")

# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32LE"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16LE"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16BE"),
)


def expand_paths(paths: Iterable[str | Path], *, on_error: ErrorHandler) -> Iterator[tuple[str, bool]]:
    """(path, named) pairs: files as given (named), directories walked recursively
    in sorted order (not named); "-" kept. Link loops, dangling links, unreadable
    directories and special files go to ``on_error``, named."""
    visited: set[tuple[int, int]] = set()
    for raw in paths:
        if str(raw) == "-":
            yield "-", True
            continue
        path = str(raw)
        problem = _stat_problem(path)
        if problem:
            on_error(InputError(problem, path=path))
        elif os.path.isdir(path):
            yield from ((p, False) for p in _walk(path, visited=visited, on_error=on_error))
        elif os.path.isfile(path):
            yield path, True
        else:
            on_error(InputError(f"not a regular file or directory ({_kind(path)})", path=path))


def _stat_problem(path: str) -> str | None:
    """Why ``path`` cannot be followed, for the cases ``os.path`` answers with a silent False."""
    try:
        os.stat(path)
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop (the link points back to itself); not followed"
        if os.path.islink(path):
            return f"dangling symbolic link (to {os.readlink(path)!r}, which does not exist)"
        if err.errno == errno.ENOENT:
            return "no such file or directory"
        return f"cannot read: {err.strerror or err}"
    return None


def _kind(path: str) -> str:
    mode = os.stat(path).st_mode
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
                       (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "a special file"


def _walk(directory: str, *, visited: set[tuple[int, int]], on_error: ErrorHandler) -> Iterator[str]:
    """Article files below ``directory`` in sorted path order, hidden entries skipped.

    Lazy, one directory listing at a time: a huge archive is never listed whole.
    Files and subdirectories sort together by name, as the paths they make do.
    A directory reached again through a symbolic link is reported, not read twice.
    """
    try:
        info = os.stat(directory)
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as err:
        on_error(InputError(f"cannot read directory: {err.strerror or err}", path=directory))
        return
    names = {entry.name for entry in entries}
    visited.add((info.st_dev, info.st_ino))
    for entry in entries:
        if entry.name.startswith(".") or _is_saved_page_assets(entry.name, names):
            continue
        is_link = entry.is_symlink()
        problem = _stat_problem(entry.path) if is_link else None
        if problem:
            on_error(InputError(problem, path=entry.path))
            continue
        if entry.is_dir():
            target = entry.stat()
            if is_link and (target.st_dev, target.st_ino) in visited:
                on_error(InputError(
                    f"symbolic link to a directory already read ({os.path.realpath(entry.path)}): "
                    "a link loop or a second way in; not followed again", path=entry.path))
                continue
            yield from _walk(entry.path, visited=visited, on_error=on_error)
        elif os.path.splitext(entry.name)[1].lower() not in ARTICLE_SUFFIXES:
            continue
        elif entry.is_file():
            yield entry.path
        else:
            on_error(InputError(f"not a regular file ({_kind(entry.path)})", path=entry.path))


def _is_saved_page_assets(name: str, siblings: set[str]) -> bool:
    """``X_files/``: what a browser's "Save page as" keeps beside ``X.html`` (scripts, ad frames)."""
    stem = name[:-len("_files")] if name.endswith("_files") else None
    return stem is not None and any(f"{stem}{suffix}" in siblings for suffix in (".html", ".htm"))


def read_limited(path: Path, *, max_bytes: int | None) -> bytes:
    """The bytes of ``path``, or an ``InputError`` if it is over ``max_bytes`` or unreadable."""
    try:
        with open(path, "rb") as stream:
            return read_stream_limited(stream, max_bytes=max_bytes, path=str(path))
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}", path=str(path)) from err


def read_stream_limited(stream: BinaryIO, *, max_bytes: int | None, path: str) -> bytes:
    """At most ``max_bytes`` of ``stream`` (a file or stdin): more is an ``InputError``."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"over the {_human(max_bytes)} limit (raise it with --max-size)", path=path)
    return data


def sniff_bom(head: bytes) -> tuple[str, str, int] | None:
    """(codec, display name, BOM length) when ``head`` starts with a byte-order mark."""
    for bom, codec, name in _BOMS:
        if head.startswith(bom):
            return codec, name, len(bom)
    return None


def bomless_utf16(head: bytes) -> str | None:
    """"UTF-16LE"/"UTF-16BE" when ``head`` looks like UTF-16 text without a BOM.

    Latin-script text in UTF-16 has a NUL in every other byte; binary files do not.
    """
    sample = head[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.6 * len(odd) and even.count(0) == 0:
        return "UTF-16LE"
    if even.count(0) >= 0.6 * len(even) and odd.count(0) == 0:
        return "UTF-16BE"
    return None


def decode_bytes(data: bytes, *, path: str) -> str:
    """The text of a whole file, or an ``InputError`` saying why not.

    UTF-8 (with or without BOM), UTF-16 and UTF-32 with a BOM are decoded;
    UTF-16 without a BOM, binary data, NULs and invalid bytes are named.
    """
    bom = sniff_bom(data[:4])
    codec, name, skip = bom or ("utf-8", "UTF-8", 0)
    if bom is None:
        guess = bomless_utf16(data)
        if guess:
            raise InputError(f"looks like {guess} text without a byte-order mark; "
                             "save it as UTF-8", path=path)
        nul = data.find(b"\x00")
        if 0 <= nul < 8192:
            raise InputError("binary file (contains NUL bytes), not a text article", path=path)
    try:
        text = data[skip:].decode(codec)
    except UnicodeDecodeError as err:
        offset = skip + err.start
        line = data[:offset].count(b"\n") + 1 if codec == "utf-8" else None
        raise InputError(f"not valid {name} (byte 0x{data[offset]:02x} at offset {offset}); "
                         "convert the file to UTF-8", path=path, line=line) from err
    check_no_nul(text, path=path)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_no_nul(text: str, *, path: str, line: int | None = None) -> None:
    """A NUL anywhere in article text is an error: no news text holds one."""
    nul = text.find("\x00")
    if nul >= 0:
        where = line if line is not None else text.count("\n", 0, nul) + 1
        raise InputError(f"NUL character at character {nul} (not text)", path=path, line=where)


def _human(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"
