"""kg build with a process pool: a signal to the main process leaves no worker, forkserver or tracker, and pipes close."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from kgproc import kill_session, session_processes, start, wait_for_no_processes

pytestmark = [pytest.mark.reliability, pytest.mark.slow]

DATA = Path(__file__).resolve().parents[2] / "data"
COPIES = 12  # enough articles that the pool is still busy when the signal lands


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for copy in range(COPIES):
        for article in DATA.glob("*.txt"):
            shutil.copy(article, folder / f"{article.stem}-{copy}.txt")
    return folder


def _wait_for_workers(sid: int, seconds: float = 90) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if sum("forkserver" in cmd for _, cmd in session_processes(sid)) >= 3:  # the server and two workers
            return
        time.sleep(0.2)
    raise AssertionError(f"no pool started: {session_processes(sid)}")


def _eof_within(pipe, seconds: float) -> bool:  # type: ignore[no-untyped-def]
    """Whether every writer of ``pipe`` is gone (EOF) within ``seconds``: ``kg build ... | cat`` ends."""
    deadline = time.monotonic() + seconds
    fd = pipe.fileno()
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready and not os.read(fd, 65536):
            return True
    return False


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=lambda s: s.name)
def test_issue13_build_signal_leaves_no_process_and_closes_its_pipe(corpus, tmp_path, sig):
    proc = start(["build", str(corpus), "--store", str(tmp_path / "store"), "--workers", "2",
                  "--executor", "processes"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for_workers(proc.pid)
        proc.send_signal(sig)
        proc.wait(20)
        assert _eof_within(proc.stdout, 20), session_processes(proc.pid)
        assert wait_for_no_processes(proc.pid, 10) == []
    finally:
        kill_session(proc.pid)
        proc.stdout.close()  # type: ignore[union-attr]
