"""Shared fixtures: data/ built once per session, the hand-made sample world, a real oxigraph server."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from paths import DATA, QUERIES, ROOT  # noqa: F401


@pytest.fixture(scope="session")
def data_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ built once (real extraction, one worker) into an on-disk store; open it read-only."""
    from kg.build import build
    from kg.store import open_store

    path = tmp_path_factory.mktemp("stores") / "data-store"
    with open_store(path) as store:
        report = build([DATA], store, workers=1)
    assert not report.failed, report.failed
    return path


@pytest.fixture(scope="session")
def data_store(data_store_path: Path):
    from kg.store import open_store

    store = open_store(data_store_path, read_only=True)
    yield store
    store.close()


@pytest.fixture
def sample_store():
    """An in-memory store holding the four hand-made sample articles."""
    import samples

    from kg.store import open_store

    store = open_store(None)
    store.add(samples.all_samples())
    return store


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_binary() -> str | None:
    candidate = Path(sys.executable).parent / "oxigraph"
    return str(candidate) if candidate.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory):
    """A real ``oxigraph serve`` on a free loopback port; yields its base URL."""
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("oxigraph server not installed (pip install 'vnkg[server]')")
    location = tmp_path_factory.mktemp("oxigraph-server")
    port = _free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"oxigraph serve did not start: {proc.stderr.read().decode()[-500:]}")
            time.sleep(0.1)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture
def remote_store(oxigraph_server: str):
    """The server emptied, as a ``RemoteStore``."""
    from kg.store import open_store

    store = open_store(oxigraph_server)
    store.update("DROP ALL")
    yield store
    store.update("DROP ALL")
