"""Benchmark of ``kg viz``, the graph exports and the explorer, from real stores; and of the page in Chromium.

``--stores`` (the default): stores of 100, 1,000 and 10,000 articles
(bench/view_stores.py: data/ extracted once, copies with their own ids, each
event told by ten articles, dates moving a week every ten copies). For each:
``kg viz`` and ``kg export --format graphml``, ``gexf`` and ``json`` end to
end (a fresh ``kg`` process each, as a user runs them; best of ``--repeat``),
their CPU time (steadier than wall time on a shared machine) per article and
its ratio to the 1,000-article store; then the explorer's calls (search, a
node's neighbourhood at one and two hops, filtered, the biggest hub, what
selecting a neighbour asks for: its details, ``hops=0``, and the reports of
up to 100 events two steps away), warm, median of ``--calls``: over HTTP to a
real ``kg serve`` (wall time) and in-process on the embedded store (CPU time).

    .venv/bin/python bench/views.py [--sizes 100,1000,10000] [--dir /tmp/vnkg-view-stores]

``--against DIR``: a second ``kg serve`` runs the code of the source tree
DIR (an older commit: ``git archive COMMIT | tar -x -C DIR``) on the same
store, and the two servers answer each explorer request in turns; both are
printed side by side, with the CPU of each server and its engine.

``--page``: the page itself. Synthetic graphs shaped like ours (persons, countries, organizations ...,
about two events per node, a few hubs, a Vietnamese evidence sentence per
event), drawn in headless Chromium (/usr/bin/chromium) through Playwright.

"Drawn and idle" is measured from navigation start to the moment the page
has drawn the network once (``window.vnkg.ready``) and the main thread then
answers a timer within 50 ms twice in a row. "Select + filter" is the time
the page takes to select a node and untick a relation (the check that
tests/export/test_browser.py makes without a clock).

    .venv/bin/python bench/views.py --page [--nodes 500,2000,10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]
TYPES = (("Person", 0.55), ("Country", 0.1), ("Organization", 0.2), ("Location", 0.1), ("Agreement", 0.05))
RELATIONS = ("met", "visited", "signed", "attended", "invited", "hosted")
SENTENCE = ("Chiều {d}, tại Hà Nội, {a} đã hội đàm với {b}; hai bên nhất trí thúc đẩy hợp tác "
            "kinh tế, thương mại, đầu tư và giao lưu nhân dân.")


def synthetic_graph(n: int, *, edges_per_node: float = 2.0, seed: int = 1):
    """``n`` entities and about ``edges_per_node * n`` events, shaped like a diplomatic news graph.

    Entities fall into countries of about 50 (a Country node and its people,
    organizations, places); one home country holds a tenth of them. Half of
    the events stay within a country, a third involve the home country, the
    rest link two countries; partners are picked in proportion to the events
    they already have, so leaders and countries become hubs as in the news.
    """
    from kg.export.graph import add_entity, add_event, new_graph

    rng = random.Random(seed)
    g = new_graph()
    names, weights = [t for t, _ in TYPES], [w for _, w in TYPES]
    countries = max(3, n // 50)
    members: list[list[str]] = [[] for _ in range(countries)]
    community = {}
    for i in range(n):
        c = i if i < countries else (0 if rng.random() < 0.1 else rng.randrange(countries))
        kind = "Country" if i < countries else rng.choices(names, weights)[0]
        iri = f"https://vnkg.org/id/{kind.lower()}/n{i}"
        add_entity(g, iri, type=kind, label=f"{kind} Nguyễn Văn {i}", aliases=[f"Ông {i}"],
                   offices=[{"title": "Bộ trưởng", "org": "Bộ Ngoại giao", "date": "2024-01-02"}]
                   if kind == "Person" else [], articles=rng.randint(1, 9))
        members[c].append(iri)
        community[iri] = c
    nodes = list(community)
    # every endpoint once per event, per country: sampling from it attaches preferentially
    ends: list[list[str]] = [list(m[:1]) for m in members]
    for k in range(int(n * edges_per_node)):
        a = nodes[k % n] if k < n else rng.choice(nodes)
        roll = rng.random()
        c = community[a] if roll < 0.5 else 0 if roll < 0.85 else rng.randrange(countries)
        b = rng.choice(ends[c]) if rng.random() < 0.6 else rng.choice(members[c])
        if a == b:
            continue
        date = f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        add_event(g, a, b, key=f"https://vnkg.org/id/event/e{k}", relation=rng.choice(RELATIONS), date=date,
                  kind="hội đàm", evidence=SENTENCE.format(d=date, a=g.nodes[a]["label"], b=g.nodes[b]["label"]),
                  article=f"article-{k // 7}")
        ends[community[a]].append(a)
        ends[community[b]].append(b)
    return g


def measure(n: int, out: Path, browser) -> dict:
    from kg.export.html import write_html

    g = synthetic_graph(n)
    start = time.perf_counter()
    path = write_html(g, out / f"view-{n}.html", title=f"bench {n}")
    generated = time.perf_counter() - start
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    start = time.perf_counter()
    page.goto(path.resolve().as_uri(), timeout=120_000)
    page.wait_for_function("() => window.vnkg && window.vnkg.ready", timeout=120_000, polling=20)
    drawn = time.perf_counter() - start
    page.evaluate("""() => new Promise(done => {
        let calm = 0, last = performance.now();
        (function tick() {
          const now = performance.now();
          calm = now - last < 50 ? calm + 1 : 0;
          last = now;
          if (calm >= 2) done(); else setTimeout(tick, 0);
        })();
    })""")
    idle = time.perf_counter() - start
    shown = page.evaluate("window.vnkg.visible()")
    # what tests/export/test_browser.py checks without a clock: select a node, untick a relation
    select_filter = page.evaluate("""() => {
        const t = performance.now();
        window.vnkg.select(window.vnkg.data.nodes[0].id);
        document.querySelector('#relations input[data-name=met]').click();
        return performance.now() - t;
    }""")
    page.close()
    return {"nodes": n, "edges": g.number_of_edges(), "drawn_nodes": shown["nodes"], "drawn_edges": shown["edges"],
            "generate_s": generated, "size_mb": path.stat().st_size / 1e6, "drawn_s": drawn, "idle_s": idle,
            "select_filter_ms": select_filter,
            "errors": errors}


ROOT = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).parent / "kg")


def _run(args: list[str], repeat: int) -> tuple[float, float]:
    """Best wall time and best CPU time (the child's user + system) of ``kg args`` in a fresh process."""
    import resource

    wall = cpu = float("inf")
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([KG, *args], check=True, capture_output=True)
        wall = min(wall, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = min(cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return wall, cpu


def _median_ms(call, calls: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of ``call`` (the embedded store runs in this process), warm."""
    call()  # warm: imports, caches of the store
    walls, cpus = [], []
    for _ in range(calls):
        start, cpu = time.perf_counter(), time.process_time()
        call()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls) * 1000, statistics.median(cpus) * 1000


EXPORTS = ("graphml", "gexf", "json")


def _start_serve(store_path: Path, tree: Path) -> tuple[subprocess.Popen, str]:
    """A real ``kg serve`` of ``store_path`` on a free loopback port, running the code of the source tree ``tree``."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # python -m puts the working directory first on sys.path: the tree's kg is imported
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store_path),
                             "--bind", f"127.0.0.1:{port}"], cwd=tree,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    return proc, f"http://127.0.0.1:{port}"


def _cpu_s(pid: int) -> float:
    """CPU seconds (user + system) of process ``pid`` and its descendants (kg serve and its engine), from /proc."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    stats = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / tick)
    family, total = {pid}, 0.0
    while True:
        grown = family | {p for p, (ppid, _) in stats.items() if ppid in family}
        if grown == family:
            break
        family = grown
    for p in family:
        total += stats.get(p, (0, 0.0))[1]
    return total


def _served_ms(store_path: Path, paths: dict[str, str], calls: int,
               trees: dict[str, Path]) -> dict[str, dict[str, tuple[float, float]]]:
    """Tree -> request -> (median wall ms, mean CPU ms of kg serve and its engine) of each explorer
    request to a real ``kg serve`` per source tree on loopback, warm; the trees' servers take turns,
    request by request, the first of each turn alternating."""
    import urllib.request

    servers = {name: _start_serve(store_path, tree) for name, tree in trees.items()}
    try:
        out: dict[str, dict[str, tuple[float, float]]] = {name: {} for name in trees}
        for request, path in paths.items():
            walls: dict[str, list[float]] = {name: [] for name in trees}
            cpus = dict.fromkeys(trees, 0.0)
            order = list(trees)
            for call in range(calls + 1):  # the first call of each warms it
                for name in order if call % 2 else order[::-1]:
                    proc, base = servers[name]
                    cpu, start = _cpu_s(proc.pid), time.perf_counter()
                    with urllib.request.urlopen(base + path, timeout=300) as response:
                        response.read()
                    if call:
                        walls[name].append(time.perf_counter() - start)
                        cpus[name] += _cpu_s(proc.pid) - cpu
            for name in trees:
                out[name][request] = (statistics.median(walls[name]) * 1000, cpus[name] / calls * 1000)
        return out
    finally:
        for proc, _ in servers.values():
            proc.terminate()
            proc.wait(30)


def measure_store(store_path: Path, out: Path, *, repeat: int, calls: int, commands: bool = True,
                  against: Path | None = None) -> dict:
    from urllib.parse import quote

    from kg.export import explorer
    from kg.store import open_store

    n = int(store_path.name.rsplit("-", 1)[1])
    timed: dict[str, tuple[float, float]] = {}
    if commands:
        timed["viz"] = _run(["viz", "--store", str(store_path), "-o", str(out / f"viz-{n}.html"), "--force"], repeat)
        for fmt in EXPORTS:
            timed[fmt] = _run(["export", "--store", str(store_path), "--format", fmt, "-o",
                               str(out / f"g-{n}.{fmt}"), "--force"], repeat)
    with open_store(store_path, read_only=True) as store:
        to_lam = explorer.search(store, "Tô Lâm")[0]["id"]
        viet_nam = explorer.search(store, "Việt Nam")[0]["id"]
        # what selecting a node two steps away asks for: the reports of its events left out of the hop
        two = explorer.neighbourhood(store, to_lam, hops=2)
        lazy = sorted({ev["event"] for e in two["edges"] for ev in e["events"] if ev.get("partial")})[:100]
        # and what the page asks right after a two-hop view: the reports of the opened node's own events
        # that the second step found (the first stopped at 100), shown in its details
        ends = [n["iri"] for n in two["nodes"]]
        own = sorted({ev["event"] for e in two["edges"] for ev in e["events"]
                      if ev.get("partial") and to_lam in (ends[ev["from"]], ends[ev["to"]])})[:100]
        embedded = {
            "search": _median_ms(lambda: explorer.search(store, "to lam"), calls),
            "node": _median_ms(lambda: explorer.neighbourhood(store, to_lam), calls),
            "node_2hops": _median_ms(lambda: explorer.neighbourhood(store, to_lam, hops=2), calls),
            "node_filtered": _median_ms(lambda: explorer.neighbourhood(
                store, to_lam, relations=["met"], date_from="2024-01-01", date_to="2024-12-31"), calls),
            "hub": _median_ms(lambda: explorer.neighbourhood(store, viet_nam), calls),
            "details": _median_ms(lambda: explorer.neighbourhood(store, viet_nam, hops=0), calls),
            "reports": _median_ms(lambda: explorer.reports(store, lazy), calls),
        }
        if own:  # none where the first step read every event of the node
            embedded["own_reports"] = _median_ms(lambda: explorer.reports(store, own), calls)
        quads = store.count()
    served = _served_ms(store_path, {
        "search": "/api/search?q=to%20lam", "node": f"/api/node?id={quote(to_lam, safe='')}",
        "node_2hops": f"/api/node?id={quote(to_lam, safe='')}&hops=2",
        "node_filtered": f"/api/node?id={quote(to_lam, safe='')}&rel=met&from=2024-01-01&to=2024-12-31",
        "hub": f"/api/node?id={quote(viet_nam, safe='')}",
        "details": f"/api/node?id={quote(viet_nam, safe='')}&hops=0",
        "reports": f"/api/reports?ids={quote(' '.join(lazy), safe='')}",
        **({"own_reports": f"/api/reports?ids={quote(' '.join(own), safe='')}"} if own else {})},
        calls, {"this tree": ROOT, **({"against": against} if against else {})})
    html = out / f"viz-{n}.html"
    return {"articles": n, "quads": quads, "timed": timed, "embedded": embedded, "served": served,
            "html_mb": html.stat().st_size / 1e6 if html.exists() else float("nan")}


def stores_main(args: argparse.Namespace) -> int:
    sys.path.insert(0, str(Path(__file__).parent))
    from view_stores import build_store, extractions_of_data

    base_dir = Path(args.dir)
    sizes = [int(s) for s in args.sizes.split(",")]
    base = None
    for n in sizes:
        if not (base_dir / f"store-{n}").exists():
            base = base or extractions_of_data()
            print(f"building the store of {n} articles ...", file=sys.stderr, flush=True)
            build_store(base_dir / f"store-{n}", n, base)
    out = Path(tempfile.mkdtemp(prefix="vnkg-views-"))
    results = [measure_store(base_dir / f"store-{n}", out, repeat=args.repeat, calls=args.calls,
                             commands=not args.explorer_only, against=args.against) for n in sizes]
    ref = next((r for r in results if r["articles"] == 1000), results[0])
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in __import__('os').getloadavg())}")
    if not args.explorer_only:
        print("CPU seconds of each command (the child's user + system), per article, and that cost as a multiple "
              "of the 1,000-article store's; wall seconds in brackets")
        print()
        names = ["viz", *EXPORTS]
        print("| articles | quads | " + " | ".join(f"{c} CPU s (wall) | ms/article | x 1,000's" for c in names)
              + " | page (MB) |")
        print("|---:|---:|" + "---:|---:|---:|" * len(names) + "---:|")
        for r in results:
            cells = []
            for c in names:
                wall, cpu = r["timed"][c]
                per, ref_per = cpu / r["articles"] * 1000, ref["timed"][c][1] / ref["articles"] * 1000
                cells.append(f"{cpu:.2f} ({wall:.1f}) | {per:.2f} | {per / ref_per:.2f}")
            print(f"| {r['articles']:,} | {r['quads']:,} | " + " | ".join(cells) + f" | {r['html_mb']:.1f} |")
    print()
    print("Explorer: through a real kg serve (HTTP on loopback, wall ms, median) and in-process on the "
          "embedded store (CPU ms, median)")
    print()
    print("| articles | search | node, 1 hop | 2 hops | met in 2024 | Việt Nam, 1 hop | Việt Nam's details "
          "| reports two steps away | 2 hops: its own reports after |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    keys = ("search", "node", "node_2hops", "node_filtered", "hub", "details", "reports", "own_reports")
    for r in results:
        print(f"| {r['articles']:,} | " + " | ".join(
            f"{r['served']['this tree'][k][0]:.0f} ({r['embedded'][k][1]:.0f} CPU)" if k in r["embedded"] else "–"
            for k in keys) + " |")
    if args.against:
        _print_against(results, keys)
    return 0


def _print_against(results: list[dict], keys: tuple[str, ...]) -> None:
    print()
    print("This tree and --against side by side, through a kg serve each, taking turns: wall ms (median) and, "
          "in brackets, CPU ms of kg serve and its engine (mean, from /proc: 10 ms ticks); then against / this")
    print()
    print("| articles | code | search | node, 1 hop | 2 hops | met in 2024 | Việt Nam, 1 hop | Việt Nam's details "
          "| reports two steps away | 2 hops: its own reports after |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in results:
        served = r["served"]
        for name in ("against", "this tree"):
            print(f"| {r['articles']:,} | {name} | " + " | ".join(
                f"{served[name][k][0]:.0f} ({served[name][k][1]:.0f} CPU)" if k in served[name] else "–"
                for k in keys) + " |")
        print(f"| {r['articles']:,} | against / this | " + " | ".join(
            f"{served['against'][k][0] / served['this tree'][k][0]:.2f}x" if k in served["against"] else "–"
            for k in keys) + " |")


def page_main(args: argparse.Namespace) -> int:
    from playwright.sync_api import sync_playwright

    out = Path(args.keep or tempfile.mkdtemp(prefix="vnkg-views-"))
    out.mkdir(parents=True, exist_ok=True)
    print("| nodes | events | edges drawn | generate (s) | file (MB) | drawn (s) | drawn and idle (s) "
          "| select + filter (ms) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in (int(s) for s in args.nodes.split(",")):
            r = measure(n, out, browser)
            print(f"| {r['nodes']:,} | {r['edges']:,} | {r['drawn_edges']:,} | {r['generate_s']:.2f} | "
                  f"{r['size_mb']:.1f} | {r['drawn_s']:.2f} | {r['idle_s']:.2f} | {r['select_filter_ms']:.0f} |", flush=True)
            if r["errors"]:
                print(f"console errors at {n}: {r['errors'][:3]}", file=sys.stderr)
        browser.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", action="store_true", help="Time the page in Chromium instead of the stores.")
    parser.add_argument("--sizes", default="100,1000,10000", help="Store sizes in articles.")
    parser.add_argument("--dir", default="/tmp/vnkg-view-stores", help="Where the stores are built and kept.")
    parser.add_argument("--repeat", type=int, default=1, help="Runs of each kg command (the best is kept).")
    parser.add_argument("--calls", type=int, default=5, help="Explorer calls timed (the median is kept).")
    parser.add_argument("--explorer-only", action="store_true", help="Skip kg viz and kg export.")
    parser.add_argument("--against", type=Path, help="Another source tree (e.g. `git archive COMMIT | tar -x "
                        "-C DIR`): its kg serve answers the explorer's requests too, in turns with this tree's.")
    parser.add_argument("--nodes", default="500,2000,10000", help="With --page: graph sizes in nodes.")
    parser.add_argument("--keep", help="With --page: directory to keep the pages in.")
    args = parser.parse_args()
    return page_main(args) if args.page else stores_main(args)


if __name__ == "__main__":
    sys.exit(main())
