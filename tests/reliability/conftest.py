"""Fixtures for the reliability tests: a store on disk with a large filler graph, kg serve processes cleaned up."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from kgproc import Server, kill_session, make_store, serve


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return make_store(tmp_path / "store")


@pytest.fixture
def server_factory() -> Iterator:
    started: list[Server] = []

    def factory(store: Path, *args: str) -> Server:
        server = serve(store, *args)
        started.append(server)
        return server

    yield factory
    for server in started:
        if server.proc.poll() is None:
            server.proc.terminate()
            try:
                server.proc.wait(15)
            except subprocess.TimeoutExpired:
                pass
        kill_session(server.proc.pid)
