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
                raise RuntimeError(f"oxigraph serve did not start: {proc.stderr.read().decode()[-500:]}") from None
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


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{isql_port}
DisableUnixSocket = 1
DirsAllowed = ., {dir}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0
ThreadsPerQuery = 1
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
Charset = UTF-8
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
"""


def _wait_for_http(url: str, proc: subprocess.Popen, what: str, *, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"{what} did not start at {url} within {seconds:.0f} s") from None
            time.sleep(0.2)


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory):
    """A real Virtuoso Open Source on free loopback ports, with a throwaway database; yields its base URL.

    SPARQL Update is granted to the anonymous ``SPARQL`` user, as a shared
    server behind a firewall would be set up.
    """
    import os

    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt") or shutil.which("isql")
    if binary is None or isql is None:
        reason = "Virtuoso not installed (apt-get install virtuoso-opensource)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " in CI")
        pytest.skip(reason)
    directory = tmp_path_factory.mktemp("virtuoso")
    isql_port, http_port = _free_port(), _free_port()
    ini = directory / "virtuoso.ini"
    ini.write_text(_VIRTUOSO_INI.format(dir=directory, isql_port=isql_port, http_port=http_port))
    proc = subprocess.Popen([binary, "-f", "-c", str(ini)], cwd=directory,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{http_port}"
    try:
        _wait_for_http(f"{url}/sparql?query=ASK%7B%7D", proc, "virtuoso-t", seconds=180)
        grant = "GRANT SPARQL_UPDATE TO \"SPARQL\"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
        subprocess.run([isql, f"127.0.0.1:{isql_port}", "dba", "dba", f"exec={grant}"],
                       check=True, capture_output=True, timeout=60)
    except BaseException:
        _stop(proc)
        raise
    yield url
    _stop(proc)


def clear_vnkg_graphs(store) -> None:
    """Drop vnkg's graphs only: Virtuoso keeps its own system graphs in the same dataset."""
    graphs = store.query('SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } '
                         'FILTER(STRSTARTS(STR(?g), "https://vnkg.org/graph/")) }').column("g")
    for graph in graphs:
        store.update(f"CLEAR GRAPH <{graph}>")


@pytest.fixture
def virtuoso_store(virtuoso_server: str):
    """Virtuoso emptied of vnkg's graphs, as a ``RemoteStore`` on its generic /sparql endpoint."""
    from kg.store import open_store

    endpoint = f"{virtuoso_server}/sparql"
    store = open_store(None, query_endpoint=endpoint, update_endpoint=endpoint)
    clear_vnkg_graphs(store)
    yield store
    clear_vnkg_graphs(store)
