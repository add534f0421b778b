"""kg query: a pathological query ends at its --timeout or --memory-limit, and Ctrl-C stops it at once."""

from __future__ import annotations

import signal
import subprocess
import time

import pytest
from kgproc import COUNT_CUBE, CROSS_PRODUCT, KG, start

pytestmark = pytest.mark.reliability


@pytest.mark.parametrize("sparql", [CROSS_PRODUCT, COUNT_CUBE], ids=["sorted-cross-product", "count-cube"])
def test_issue13_query_timeout_ends_a_pathological_query(store_dir, sparql):
    began = time.monotonic()
    proc = start(["query", sparql, "--store", str(store_dir), "--timeout", "2"],
                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    elapsed = time.monotonic() - began
    assert proc.returncode == 1
    assert "longer than 2 s" in err.decode() or "MB of memory" in err.decode()
    assert elapsed < 20, elapsed  # startup included; unbounded, the sorted cross product takes minutes


def test_issue13_query_memory_limit_stops_a_growing_query(store_dir):
    proc = start(["query", CROSS_PRODUCT, "--store", str(store_dir), "--timeout", "600",
                  "--memory-limit", "300"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _, err = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 1
    assert "more than 300 MB of memory" in err.decode()


def test_issue13_ctrl_c_stops_a_running_query_at_once(store_dir):
    proc = start(["query", COUNT_CUBE, "--store", str(store_dir), "--timeout", "600"],
                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        time.sleep(3)  # started, and deep in the evaluation
        assert proc.poll() is None
        sent = time.monotonic()
        proc.send_signal(signal.SIGINT)
        proc.communicate(timeout=30)
        assert time.monotonic() - sent < 3
    finally:
        proc.kill()
    assert proc.returncode != 0


def test_query_timeout_leaves_ordinary_queries_alone(store_dir):
    done = subprocess.run([KG, "query", "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
                           "--store", str(store_dir), "--timeout", "30", "--format", "csv"],
                          capture_output=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout.decode().split()[1]) > 3000
