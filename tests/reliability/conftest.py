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


def _stop(servers: list[Server]) -> None:
    for server in servers:
        if server.proc.poll() is None:
            server.proc.terminate()
            try:
                server.proc.wait(15)
            except subprocess.TimeoutExpired:
                pass
        kill_session(server.proc.pid)


@pytest.fixture
def server_factory() -> Iterator:
    started: list[Server] = []

    def factory(store: Path, *args: str) -> Server:
        server = serve(store, *args)
        started.append(server)
        return server

    yield factory
    _stop(started)


@pytest.fixture(scope="module")
def shared_writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One kg serve --writable for tests that only send requests it must refuse (or harmless ones)."""
    server = serve(make_store(tmp_path_factory.mktemp("shared") / "store"), "--writable")
    yield server
    _stop([server])
