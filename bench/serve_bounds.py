"""Reliability: what one pathological query does to a real ``kg serve`` and to the clients beside it.

A real ``kg serve --timeout 3 --memory-limit 512`` (the settings of
``tests/reliability/test_serve.py``) serves an on-disk store: by default the
test's own (the sample articles plus 3,000 filler quads, so a cross product is
huge), or ``--store`` (e.g. a ``bench/growth.py`` store). First ``--clients``
other clients ask a small query (the count of every quad) in a loop for
``--quiet-seconds``, alone: the baseline. Then each pathological query of the
test (a sorted cross product, memory-bound; a count over a triple cross
product, CPU-bound) is sent while the same clients go on, until it ends. For
each: its HTTP status and when it ended, the other clients' queries answered
(right answers only) and failed, their latency (median, max) beside the
baseline's, and the peak RSS of the server (kg serve and its engine, summed).

    .venv/bin/python bench/serve_bounds.py
    .venv/bin/python bench/serve_bounds.py --store /tmp/growth-stores/store-1000-10 --clients 4
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "reliability"), str(ROOT / "tests")]
from kgproc import COUNT_CUBE, CROSS_PRODUCT, Server, kill_session, make_store, serve, session_rss_mb

PATHOLOGICAL = {"sorted cross product": CROSS_PRODUCT, "count cube": COUNT_CUBE}
SPARQL = {"Content-Type": "application/sparql-query", "Accept": "text/csv"}


@dataclass
class Clients:
    """Other clients asking the count in a loop until ``stop`` is set; what they got."""

    server: Server
    expected: int
    latencies: list[float] = field(default_factory=list)
    failed: int = 0
    stop: threading.Event = field(default_factory=threading.Event)

    def _loop(self) -> None:
        while not self.stop.is_set():
            began = time.monotonic()
            try:
                right = self.server.count() == self.expected
            except (AssertionError, OSError):
                right = False  # an error status, or the request caught by an engine restart
            if right:
                self.latencies.append(time.monotonic() - began)
            else:
                self.failed += 1

    def run_while(self, running: Callable[[], bool], n_clients: int, server_sid: int) -> float:
        """Run the clients while ``running()``; the server's peak RSS meanwhile, MB."""
        threads = [threading.Thread(target=self._loop) for _ in range(n_clients)]
        for thread in threads:
            thread.start()
        peak = 0.0
        while running():
            peak = max(peak, session_rss_mb(server_sid))
            time.sleep(0.1)
        self.stop.set()
        for thread in threads:
            thread.join()
        return peak


def _bad_query(server: Server, sparql: str, outcome: dict[str, object]) -> None:
    began = time.monotonic()
    outcome["status"], _ = server.request("/query", data=sparql.encode(), headers=SPARQL, timeout=120)
    outcome["seconds"] = time.monotonic() - began


def _row(name: str, clients: Clients, peak: float, baseline: float | None, outcome: dict[str, object]) -> str:
    lat = clients.latencies
    median = statistics.median(lat) * 1000 if lat else float("nan")
    ratio = f"{median / baseline:.1f}x" if baseline and lat else ""
    status = f"{outcome['status']} at {outcome['seconds']:.1f} s" if outcome else ""
    return (f"{name:22}{status:>14}{len(lat):>10}{clients.failed:>8}{median:>11.1f}"
            f"{(max(lat) * 1000 if lat else float('nan')):>11.1f}{ratio:>10}{peak:>10.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, help="an existing store (default: the test's, built in a temp dir)")
    parser.add_argument("--clients", type=int, default=2, help="other clients asking a small query in a loop")
    parser.add_argument("--quiet-seconds", type=float, default=10.0, help="baseline: the clients alone, seconds")
    parser.add_argument("--timeout", default="3", help="kg serve --timeout")
    parser.add_argument("--memory-limit", default="512", help="kg serve --memory-limit (MB)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="serve_bounds_") as tmp:
        store = args.store or make_store(Path(tmp) / "store")
        server = serve(store, "--timeout", args.timeout, "--memory-limit", args.memory_limit)
        try:
            expected = server.count()
            print(f"kg serve --timeout {args.timeout} --memory-limit {args.memory_limit} on {store} "
                  f"({expected:,} quads), {args.clients} other clients asking its quad count in a loop\n")
            print(f"{'':22}{'bad query':>14}{'answered':>10}{'failed':>8}{'median ms':>11}{'max ms':>11}"
                  f"{'x alone':>10}{'peak MB':>10}")
            quiet = Clients(server, expected)
            until = time.monotonic() + args.quiet_seconds
            peak = quiet.run_while(lambda: time.monotonic() < until, args.clients, server.proc.pid)
            baseline = statistics.median(quiet.latencies) * 1000
            print(_row("clients alone", quiet, peak, None, {}), flush=True)
            for name, sparql in PATHOLOGICAL.items():
                outcome: dict[str, object] = {}
                attacker = threading.Thread(target=_bad_query, args=(server, sparql, outcome))
                attacker.start()
                clients = Clients(server, expected)
                peak = clients.run_while(attacker.is_alive, args.clients, server.proc.pid)
                print(_row(name, clients, peak, baseline, outcome), flush=True)
            print(f"\nstill serving afterwards: {server.count() == expected}")
        finally:
            server.proc.terminate()
            server.proc.wait(30)
            kill_session(server.proc.pid)


if __name__ == "__main__":
    main()
