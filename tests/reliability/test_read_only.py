"""Issue 13, point 3: a store the user cannot write is still read by every reading command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

NOBODY = 65534
READERS = [
    ["query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"],
    ["stats"],
    ["export", "--format", "nq"],
    ["validate"],
    ["viz", "-o", "{out}/graph.html"],
]


def _unprivileged() -> list[str]:
    """A command prefix that runs without the right to write others' files.

    CI runs as root, who writes anything: become nobody where the interpreter
    is readable by nobody, else stay root without capabilities (root then
    obeys file modes like any user).
    """
    if os.getuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot drop the right to write")
    nobody = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    if subprocess.run([*nobody, sys.executable, "-c", "import kg"], check=False, capture_output=True).returncode == 0:
        return nobody
    return [setpriv, "--bounding-set=-all", "--inh-caps=-all"]


def _kg(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([*_unprivileged(), sys.executable, "-m", "kg", *args], check=False,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture
def shared_dir():
    """A directory another user can enter (pytest's tmp_path is private to root)."""
    path = Path(tempfile.mkdtemp(prefix="vnkg-ro-"))
    path.chmod(0o755)
    yield path
    for sub in path.rglob("*"):
        if sub.is_dir():
            sub.chmod(0o755)
    shutil.rmtree(path)


@pytest.fixture
def read_only_store(data_store_path, shared_dir):
    store = shared_dir / "ro-store"
    shutil.copytree(data_store_path, store)
    (store / "vnkg.lock").unlink(missing_ok=True)  # no lock file, and none can be made
    for path in [*store.iterdir(), store]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    out = shared_dir / "out"
    out.mkdir()
    out.chmod(0o777)
    return store, out


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_read_only_store_is_read_by(read_only_store, args):
    store, out = read_only_store
    result = _kg([*(a.replace("{out}", str(out)) for a in args), "--store", str(store)])
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert not (store / "vnkg.lock").exists()


def test_read_only_store_refuses_writers_cleanly(read_only_store):
    store, out = read_only_store
    article = out / "a.txt"
    article.write_text(" date 2025-01-02 Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản.\n", encoding="utf-8")
    article.chmod(0o644)
    for args in (["build", str(article)], ["remove", "x"]):
        result = _kg([*args, "--store", str(store)])
        assert result.returncode == 1, result.stderr
        assert "not writable" in result.stderr and "Traceback" not in result.stderr


def test_a_store_that_cannot_be_opened_is_a_clean_error(shared_dir):
    store = shared_dir / "broken"
    store.mkdir()
    (store / "CURRENT").write_text("MANIFEST-999999\n")
    result = _kg(["stats", "--store", str(store)])
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot open store") and "Traceback" not in result.stderr
