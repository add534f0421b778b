"""Real kg processes for the reliability tests (helpers; fixtures in conftest.py): stores on disk, kg serve and kg build in their own sessions.

Every process a test starts runs in a new session, so whatever it leaves
behind is found by session id in /proc and killed at teardown (and counted
by the tests as a failure first).
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

KG = str(Path(sys.executable).parent / "kg")
CROSS_PRODUCT = "SELECT * { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
COUNT_CUBE = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
FILLER_QUADS = 3000


def make_store(path: Path, *, quads: int = FILLER_QUADS) -> Path:
    """An on-disk store with the sample articles plus ``quads`` filler quads (a cross product of them is huge)."""
    import samples
    from pyoxigraph import Literal, NamedNode, Quad

    from kg.store import open_store

    with open_store(path) as store:
        store.add(samples.all_samples())
    import pyoxigraph

    raw = pyoxigraph.Store(str(path))
    graph = NamedNode("https://vnkg.org/graph/filler")
    raw.extend(Quad(NamedNode(f"https://vnkg.org/id/filler/{i}"), NamedNode("https://vnkg.org/ontology#n"),
                    Literal(str(i)), graph) for i in range(quads))
    raw.flush()
    del raw
    return path


def session_processes(sid: int) -> list[tuple[int, str]]:
    """(pid, command line) of every live process in session ``sid``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getsid(int(entry.name)) != sid:
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ProcessLookupError):
            continue
        if state != "Z":
            found.append((int(entry.name), cmdline.strip()))
    return found


def session_rss_mb(sid: int) -> float:
    total = 0
    for pid, _ in session_processes(sid):
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, ValueError):
            continue
    return total * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024


def wait_for_no_processes(sid: int, seconds: float) -> list[tuple[int, str]]:
    deadline = time.monotonic() + seconds
    while True:
        left = session_processes(sid)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.1)


def kill_session(sid: int) -> None:
    for pid, _ in session_processes(sid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def port_open(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        return True
    except OSError:
        return False


def start(args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
    """A kg command in its own session with SIGINT at its default (a shell's background jobs ignore it)."""
    return subprocess.Popen([KG, *args], start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # noqa: PLW1509
                            **kwargs)  # type: ignore[call-overload]


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int
    store: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def request(self, path: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
                method: str | None = None, timeout: float = 30) -> tuple[int, bytes]:
        request = urllib.request.Request(self.url + path, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.read()

    def count(self) -> int:
        status, body = self.request("/query", data=b"SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }",
                                    headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"})
        assert status == 200, body
        return int(body.decode().split()[1])


def serve(store: Path, *args: str) -> Server:
    port = free_port()
    proc = start(["serve", "--store", str(store), "--bind", f"127.0.0.1:{port}", *args],
                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not port_open(port):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"kg serve did not start: {proc.stderr.read().decode()[-800:]}")  # type: ignore[union-attr]
        time.sleep(0.1)
    return Server(proc, port, store)


