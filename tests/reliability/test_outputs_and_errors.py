"""Issue 13, point 9: outputs written whole or not at all, and clean errors."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner
from paths import DATA
from pyoxigraph import Literal, NamedNode, Quad

from kg.cli import main
from kg.store import open_store


def _small_file_limit() -> None:
    # writes past 64 KiB fail with EFBIG, as a full disk fails them with ENOSPC
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 10, 64 << 10))


@pytest.mark.parametrize("args", [["export", "--format", "nq"], ["export", "--format", "json"],
                                  ["viz"]], ids=["export-nq", "export-json", "viz"])
def test_a_failing_write_keeps_the_old_output_and_leaves_no_temp_file(data_store_path, tmp_path, args):
    out = tmp_path / "out.file"
    out.write_text("the previous output\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kg", *args, "-o", str(out), "--force",
                             "--store", str(data_store_path)],
                            check=False, capture_output=True, text=True, preexec_fn=_small_file_limit,
                            timeout=300)
    assert result.returncode != 0, "the write was expected to fail at the file size limit"
    assert "Traceback" not in result.stderr
    assert out.read_text(encoding="utf-8") == "the previous output\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.file"]


def test_export_output_replaced_whole(data_store_path, tmp_path):
    out = tmp_path / "g.nq"
    out.write_text("old\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", "--format", "nq", "-o", str(out), "--force",
                                       "--store", str(data_store_path)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("\n") > 1000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.nq"]
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_validate_reads_a_url_holding_u2028(tmp_path):
    store_dir = tmp_path / "s"
    with open_store(store_dir) as store:
        store.add([])
        store.native.add(Quad(NamedNode("https://vnkg.org/id/article/x"), NamedNode("http://schema.org/url"),
                              Literal("https://example.org/a\u2028b"),
                              NamedNode("https://vnkg.org/graph/article/x")))
    result = CliRunner().invoke(main, ["validate", "--store", str(store_dir)])
    assert "internal error" not in result.output and "Traceback" not in result.output
    assert "triples" in result.output


def test_remove_of_an_id_already_gone_is_a_warning(tmp_path):
    store_dir = tmp_path / "s"
    article = tmp_path / "a.txt"
    article.write_text(" date 2025-01-02 Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản.\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["build", str(article), "--store", str(store_dir)]).exit_code == 0
    for _ in range(2):
        result = CliRunner().invoke(main, ["remove", "a", "nonexistent", "--store", str(store_dir)])
        assert result.exit_code == 0, result.output
        assert "warning: not in the store" in result.output


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_server_dying_mid_build_is_a_clean_error(tmp_path):
    binary = shutil.which("oxigraph", path=os.path.dirname(sys.executable)) or shutil.which("oxigraph")
    if binary is None:
        pytest.skip("oxigraph server not installed")
    port = _free_port()
    server = subprocess.Popen([binary, "serve", "--location", str(tmp_path / "srv"), "--bind",
                               f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        corpus = tmp_path / "corpus"  # long enough that the server dies while articles still come
        corpus.mkdir()
        for copy in range(6):
            for article in sorted(DATA.glob("*.txt")):
                (corpus / f"{copy}_{article.name}").write_text(article.read_text(encoding="utf-8"),
                                                                encoding="utf-8")
        build = subprocess.Popen([sys.executable, "-m", "kg", "build", str(corpus), "--store", url,
                                  "--workers", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        count = f"{url}/query?query=" + urllib.parse.quote("SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
        for _ in range(600):  # the first articles are in: the build is under way
            answer = urllib.request.urlopen(urllib.request.Request(
                count, headers={"Accept": "text/csv"}), timeout=5).read().decode()
            if answer.split()[-1] != "0" or build.poll() is not None:
                break
            time.sleep(0.1)
    finally:
        server.kill()
        server.wait()
    _, stderr = build.communicate(timeout=600)
    assert build.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1].startswith("error: ")
