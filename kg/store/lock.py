"""An advisory lock on a store directory, so two writers never meet.

RocksDB (under pyoxigraph) already refuses a second read-write open, but a
read-only open (``kg query``, ``kg serve``) is allowed beside a writer and its
behaviour is then undefined. So vnkg takes its own lock first: writers
exclusive, readers shared, never waiting. The lock file lives in the store
directory and is released when the process ends, even on a crash.

A reader needs no write access: it opens an existing lock file read-only
(``flock`` works on such a descriptor), and on a store it cannot write at all
(a read-only mount, a backup volume, another user's directory) where no lock
file exists it reads without one: nobody can write there either.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from kg.errors import StoreError, StoreLockedError

LOCK_NAME = "vnkg.lock"
# what opening a file says on a store we may not write
_NOT_WRITABLE = frozenset({errno.EACCES, errno.EPERM, errno.EROFS})


class StoreLock:
    """``fcntl.flock`` on ``DIR/vnkg.lock``: ``exclusive`` for writers, shared for readers."""

    def __init__(self, directory: str | Path, *, exclusive: bool) -> None:
        import fcntl

        self._fd: int | None = None
        self.path = Path(directory) / LOCK_NAME
        self.exclusive = exclusive
        self._fd = _open_lock_file(self.path, exclusive=exclusive)
        if self._fd is None:
            return
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        try:
            fcntl.flock(self._fd, mode)
        except BlockingIOError:
            os.close(self._fd)
            self._fd = None
            what = "another process is reading or writing it" if exclusive else \
                "a kg build (or another writer) is running on it"
            raise StoreLockedError(
                f"store {directory} is locked: {what}; wait for it to finish and retry") from None
        if exclusive:
            os.ftruncate(self._fd, 0)
            os.write(self._fd, f"{os.getpid()}\n".encode())

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    def __del__(self) -> None:
        self.release()


def _open_lock_file(path: Path, *, exclusive: bool) -> int | None:
    """A descriptor on the lock file; ``None`` for a reader where none can be had."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as err:
        if err.errno not in _NOT_WRITABLE:
            raise StoreError(f"cannot open the lock file {path}: {err.strerror}") from err
        if exclusive:
            raise StoreError(f"store {path.parent} is not writable ({err.strerror}); "
                             "it can be read (kg query, stats, export, viz, validate, serve) "
                             "but not changed") from err
    try:
        return os.open(path, os.O_RDONLY)
    except OSError:
        return None  # no lock file and no right to make one: no writer can exist either
