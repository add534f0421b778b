"""Running a query with a time limit, a memory limit, and an answer to Ctrl-C.

pyoxigraph evaluates a query in Rust with the GIL released and offers no
way to cancel it: ``KeyboardInterrupt`` is only seen when it returns, which
for a cross product may be never. So the query runs in a daemon thread and
the calling thread waits, watching the clock, this process's memory, and
signals. When a limit is hit (or Ctrl-C is pressed) the caller gets the
error at once; the abandoned evaluation stops only when the process ends,
which ``kg query`` does right away.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from kg.errors import QueryError

__all__ = ["resident_bytes", "run_bounded"]

T = TypeVar("T")
POLL_S = 0.05


def run_bounded(call: Callable[[], T], *, timeout: float | None = None, memory_mb: int | None = None) -> T:
    """``call()``, or ``QueryError`` once it runs past ``timeout`` seconds or this process past ``memory_mb``.

    Raises:
        QueryError: a limit was hit (the message names it and the option that raises it).
        KeyboardInterrupt: Ctrl-C, at once, even while Rust code runs.

    >>> run_bounded(lambda: 6 * 7, timeout=5)
    42
    >>> run_bounded(lambda: time.sleep(1), timeout=0.1)
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: the query ran longer than 0.1 s and was stopped (--timeout allows more)
    """
    outcome: list[tuple[bool, object]] = []

    def work() -> None:
        try:
            outcome.append((True, call()))
        except BaseException as err:  # noqa: BLE001 - handed back to the waiting thread
            outcome.append((False, err))

    worker = threading.Thread(target=work, name="vnkg-query", daemon=True)
    started = time.monotonic()
    worker.start()
    while worker.is_alive():
        worker.join(POLL_S)  # interruptible: Ctrl-C raises KeyboardInterrupt here
        if timeout is not None and worker.is_alive() and time.monotonic() - started > timeout:
            raise QueryError(f"the query ran longer than {timeout:g} s and was stopped (--timeout allows more)")
        if memory_mb is not None and worker.is_alive() and resident_bytes() > memory_mb * 1024 * 1024:
            raise QueryError(f"the query needed more than {memory_mb} MB of memory and was stopped "
                             "(--memory-limit allows more)")
    ok, value = outcome[0]
    if ok:
        return value  # type: ignore[return-value]
    raise value  # type: ignore[misc]


def resident_bytes(pid: int | str = "self") -> int:
    """The resident memory of a process, this one by default (0 once it is gone, or where /proc is missing)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    return pages * os.sysconf("SC_PAGE_SIZE")
