"""An advisory lock on a store directory, so two writers never meet.

RocksDB (under pyoxigraph) already refuses a second read-write open, but a
read-only open (``kg query``, ``kg serve``) is allowed beside a writer and its
behaviour is then undefined. So vnkg takes its own lock first: writers
exclusive, readers shared, never waiting. The lock file lives in the store
directory and is released when the process ends, even on a crash.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.errors import StoreLockedError

LOCK_NAME = "vnkg.lock"


class StoreLock:
    """``fcntl.flock`` on ``DIR/vnkg.lock``: ``exclusive`` for writers, shared for readers."""

    def __init__(self, directory: str | Path, *, exclusive: bool) -> None:
        import fcntl

        self.path = Path(directory) / LOCK_NAME
        self.exclusive = exclusive
        self._fd: int | None = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
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

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = None

    def __del__(self) -> None:
        self.release()
