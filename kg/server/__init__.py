"""``kg serve``: the store over HTTP, behind checks, with bounded queries, as one unit that starts and stops together.

    kg serve (this process: holds the store lock, serves HTTP on --bind)
      ├── kg.server.guard   refuses foreign Host headers and cross-origin/form writes
      ├── kg.server.http    explorer page and API; proxies /query /update /store
      ├── kg.server.address where it serves, for kg backup (kg.server.backup)
      └── kg.server.child   oxigraph on a private loopback port: --timeout-s,
                            a resident-memory cap, killed if this process dies;
                            restarted when a query makes it run out of memory

The main thread watches: a SIGTERM, SIGINT or SIGHUP stops the HTTP server
and the engine (waited for) before the lock is released; a vanished store
directory stops everything with a message; a dead engine is restarted.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import ThreadingHTTPServer
from pathlib import Path

from kg.errors import StoreError
from kg.server.address import Served, write_address
from kg.server.child import EngineLimits, OxigraphChild
from kg.server.guard import Rules, allowed_hosts
from kg.server.http import Site, handler_for

__all__ = ["EngineLimits", "ServeOptions", "parse_bind", "serve"]

WATCH_S = 0.25
MAX_RESTARTS = 10  # in RESTART_WINDOW_S: an engine that keeps dying is broken, not overloaded
RESTART_WINDOW_S = 60.0


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """What ``kg serve`` was asked for."""

    location: Path
    host: str
    port: int
    writable: bool
    limits: EngineLimits
    host_names: tuple[str, ...] = ()


def parse_bind(bind: str) -> tuple[str, int]:
    """``HOST:PORT`` (``[::1]:PORT`` for IPv6) as a host and a port.

    >>> parse_bind("127.0.0.1:7878"), parse_bind("[::1]:80")
    (('127.0.0.1', 7878), ('::1', 80))
    """
    host, sep, port = bind.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"--bind must be HOST:PORT, not {bind!r}")
    return host.strip("[]"), int(port)


def serve(options: ServeOptions, binary: str, *, say: Callable[[str], None]) -> int:
    """Serve until a signal or the store's disappearance; the exit code (0 on a signal).

    Raises:
        StoreError: no store there, or the engine does not start.
        StoreLockedError: a build holds the store (or another writable server does).
    """
    from kg.store.lock import StoreLock

    location = options.location
    if not (location / "CURRENT").exists():
        raise StoreError(f"no store at {location}; build one first: kg build PATH --store {location}")
    identity = _identity(location)
    lock = StoreLock(location, exclusive=options.writable)
    engine = OxigraphChild(binary, location, writable=options.writable, limits=options.limits,
                           lock_fd=lock._fd)
    stop = _Stop()
    try:
        engine.start()
        site = Site(Rules(allowed_hosts(options.host, options.port, options.host_names), options.writable),
                    engine, options.limits)
        httpd = _http_server(options, site)
        url = f"http://{_url_host(options.host)}:{options.port}/"
        address = write_address(location, Served(url, options.writable))
        try:
            threading.Thread(target=httpd.serve_forever, name="vnkg-http", daemon=True).start()
            say(f"serving on {url} ...")
            return _watch(location, identity, engine, stop, say)
        finally:
            httpd.shutdown()
            httpd.server_close()
            address.unlink(missing_ok=True)
    finally:
        stop.restore()
        engine.stop()
        lock.release()


def _http_server(options: ServeOptions, site: Site) -> ThreadingHTTPServer:
    import socket

    class Server(ThreadingHTTPServer):
        address_family = socket.AF_INET6 if ":" in options.host else socket.AF_INET
        daemon_threads = True

    try:
        return Server((options.host, options.port), handler_for(site))
    except OSError as err:
        raise StoreError(f"cannot listen on {options.host}:{options.port}: {err.strerror or err}") from err


def _watch(location: Path, identity: tuple[int, int], engine: OxigraphChild, stop: _Stop,
           say: Callable[[str], None]) -> int:
    restarts: list[float] = []
    while not stop.event.wait(WATCH_S):
        if _identity(location) != identity or not (location / "CURRENT").exists():
            say(f"the store directory {location} was removed or replaced; stopping the server")
            return 1
        ended = engine.poll()
        if ended is None:
            continue
        say(f"{ended.describe(engine.limits)}; restarting it")
        now = time.monotonic()
        restarts = [t for t in restarts if now - t < RESTART_WINDOW_S] + [now]
        if len(restarts) > MAX_RESTARTS:
            raise StoreError(f"the query engine stopped {len(restarts)} times in a minute: {ended.detail}")
        engine.start()
    say(f"{stop.reason}: stopping the server")
    return 0


def _identity(location: Path) -> tuple[int, int]:
    try:
        info = os.stat(location)
    except OSError:
        return (-1, -1)
    return info.st_dev, info.st_ino


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


class _Stop:
    """SIGTERM, SIGINT and SIGHUP set an event the main thread waits on (and are put back afterwards)."""

    SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGHUP)

    def __init__(self) -> None:
        self.event = threading.Event()
        self.reason = ""
        self._previous = {sig: signal.signal(sig, self._handle) for sig in self.SIGNALS}

    def _handle(self, signum: int, _frame: object) -> None:
        self.reason = signal.Signals(signum).name
        self.event.set()

    def restore(self) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
