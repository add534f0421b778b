"""The Oxigraph engine behind ``kg serve``: a child process with a time limit and a memory cap that cannot outlive vnkg.

The child listens on a private loopback port. It is started with
Oxigraph's own ``--timeout-s``, a cap on its resident memory (watched from
vnkg: past it the child is killed and restarted instead of growing the
machine into swap) and a parent-death signal (``PR_SET_PDEATHSIG``: it is
killed when the vnkg process goes, however that process ends).

The cap is on resident memory, not address space: Oxigraph's server keeps a
thread, with its stack reserved, for each recent connection (for as long as
``--timeout-s``), so an address-space limit failed ordinary queries with
"Resource temporarily unavailable" once a few hundred had been asked. It also holds the
store lock's descriptor, so the lock lasts exactly as long as anything serves.
"""

from __future__ import annotations

import ctypes
import os
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from kg.errors import StoreError
from kg.query.bounded import resident_bytes

PR_SET_PDEATHSIG = 1
START_SECONDS = 30.0
STOP_SECONDS = 5.0
MEMORY_POLL_S = 0.05  # Oxigraph was seen to grow 330 MB a second: an overshoot of some 20 MB


@dataclass(frozen=True, slots=True)
class EngineLimits:
    """Bounds on one query: seconds (Oxigraph's ``--timeout-s``) and the engine's resident memory in MB."""

    timeout_s: float
    memory_mb: int


@dataclass(frozen=True, slots=True)
class EngineExit:
    """How a child ended: its return code, and whether it ran out of memory."""

    code: int
    out_of_memory: bool
    detail: str

    def describe(self, limits: EngineLimits) -> str:
        if self.out_of_memory:
            return f"the query engine ran out of memory (its limit is {limits.memory_mb} MB)"
        return f"the query engine stopped (exit code {self.code}){': ' + self.detail if self.detail else ''}"


class OxigraphChild:
    """One ``oxigraph serve`` (or ``serve-read-only``) on a free loopback port; ``start`` again after it dies.

    Start it from a thread that lives as long as the server (the main
    thread): the parent-death signal fires when the *thread* that forked it ends.
    """

    def __init__(self, binary: str, location: Path, *, writable: bool, limits: EngineLimits,
                 lock_fd: int | None) -> None:
        self.binary = binary
        self.location = location
        self.writable = writable
        self.limits = limits
        self.lock_fd = lock_fd
        self.port = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._stderr: IO[bytes] | None = None
        self._killed_for_memory: int | None = None  # the pid the memory watch killed

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def start(self) -> None:
        """Start the engine and wait until it accepts connections."""
        self.port = _free_port()
        command = [self.binary, "serve" if self.writable else "serve-read-only", "--location",
                   str(self.location), "--bind", f"127.0.0.1:{self.port}", "--union-default-graph",
                   "--timeout-s", str(max(1, round(self.limits.timeout_s)))]
        if self._stderr is not None:
            self._stderr.close()  # the previous engine's
        self._stderr = tempfile.TemporaryFile()  # noqa: SIM115 - kept open for the child's life, closed in stop()
        env = {**os.environ, "MALLOC_ARENA_MAX": "2"}  # fewer glibc arenas, less memory held idle
        self._proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self._stderr, env=env,
            pass_fds=(self.lock_fd,) if self.lock_fd is not None else (),
            # Only setpgid and prctl run between fork and exec, no locks taken, so threads are no hazard.
            preexec_fn=_child_setup(os.getpid()))  # noqa: PLW1509
        threading.Thread(target=self._watch_memory, args=(self._proc,), name="vnkg-engine-memory",
                         daemon=True).start()
        self._wait_ready()

    def _watch_memory(self, proc: subprocess.Popen[bytes]) -> None:
        limit = self.limits.memory_mb * 1024 * 1024
        while proc.poll() is None:
            if resident_bytes(proc.pid) > limit:
                self._killed_for_memory = proc.pid
                proc.kill()
                return
            time.sleep(MEMORY_POLL_S)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            ended = self.poll()
            if ended is not None:
                raise StoreError(f"oxigraph did not start on {self.location}: {ended.detail}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise StoreError(f"oxigraph did not start on {self.location} within {START_SECONDS:.0f} s")

    def poll(self) -> EngineExit | None:
        """``None`` while the child runs; how it ended otherwise."""
        if self._proc is None or self._proc.poll() is None:
            return None
        code = self._proc.returncode
        detail = self._stderr_tail()
        oom = (self._killed_for_memory == self._proc.pid or code == -signal.SIGABRT
               or "memory allocation" in detail)
        return EngineExit(code=code, out_of_memory=oom, detail=detail)

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        self._stderr.seek(0, os.SEEK_END)
        size = self._stderr.tell()
        self._stderr.seek(max(0, size - 2000))
        lines = self._stderr.read().decode("utf-8", "replace").strip().splitlines()
        return lines[-1] if lines else ""

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after a few seconds; wait for it either way."""
        if self._proc is None:
            return
        if self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        if self._stderr is not None:
            self._stderr.close()
            self._stderr = None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _child_setup(parent_pid: int):  # type: ignore[no-untyped-def]
    """What runs in the child between fork and exec; looked up beforehand, since it must not allocate much."""
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux: no parent-death signal
        prctl = None

    def setup() -> None:
        os.setpgid(0, 0)  # a terminal's Ctrl-C reaches vnkg only, which stops the engine in order
        if prctl is not None:
            prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
            if os.getppid() != parent_pid:  # the parent died before prctl took effect
                os._exit(1)

    return setup
