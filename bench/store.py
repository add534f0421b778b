"""Store benchmark: embedded on-disk Oxigraph vs rdflib's in-memory store, and vnkg's ingest path.

A synthetic graph shaped like ours (articles, people, countries, offices,
meetings, visits, signings with evidence, figures) is made from synthetic
``Extraction`` objects through ``kg.rdf.to_quads``, so the triples are exactly
what ``kg build`` writes. Each backend runs in its own process so its peak
memory (max RSS) is its own.

    python bench/store.py                   # 1,000,000 triples
    python bench/store.py --triples 50000   # a quick run

The graph is serialized once to an N-Quads file; the headline load rate is
each store loading that same file (Oxigraph: ``kg load``, i.e.
``EmbeddedStore.load_dumps``: the bulk loader on every core, into a
directory; rdflib: ``Dataset.parse``), as a user loads a dump; one plain
``Store.bulk_load`` call (one thread) is reported beside it. Then the
latency of every example query (examples/queries/*.rq; median of --repeat
runs) with its row count, and peak memory. Second comparison: loading the
quads already built as Python terms (no parsing). Last, the rate of vnkg's
own ingest path (Extraction -> quads -> store, all or nothing per article).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))


# ---------------------------------------------------------------- synthetic data

def _names(prefix: str, n: int) -> list[str]:
    return [f"{prefix} {i}" for i in range(n)]


def synthetic_extractions(n_articles: int, *, seed: int = 7):
    """Extractions shaped like vnkg's: 12 entities, 3 offices, 7 relations, 1 figure per article."""
    from kg.model import Article, Entity, Evidence, Extraction, Position, Quantity, Relation

    rng = random.Random(seed)
    scale = max(1, n_articles // 50)
    people = _names("Nguyễn Văn", 40 * scale) + ["Tô Lâm", "Phạm Minh Chính", "Tập Cận Bình"]
    countries = ["Việt Nam", "Lào", "Campuchia", "Trung Quốc", "Hoa Kỳ", "Nhật Bản"] + _names("Quốc gia", 60)
    places = ["Viêng Chăn", "Hà Nội"] + _names("Thành phố", 10 * scale)
    agreements = _names("Hiệp định", 10 * scale)
    events = ["Hội nghị Cấp cao ASEAN 47"] + _names("Hội nghị", 5 * scale)
    titles = ["Tổng Bí thư", "Chủ tịch nước", "Thủ tướng", "Bộ trưởng Bộ Ngoại giao", "Đại sứ", "Phó Thủ tướng"]
    start = dt.date(2023, 1, 1)
    for i in range(n_articles):
        day = start + dt.timedelta(days=rng.randrange(1000))
        text = f"Bài {i}. " + "Tổng Bí thư Tô Lâm hội đàm với Chủ tịch nước Lào. " * 6
        article = Article(id=f"a{i:07d}", text=text, published=day, source=f"bench/{i}.txt",
                          content_hash=f"h{i}", title=f"Tin {i}")
        ev = partial(Evidence, article.id, text[:50], 0)
        ppl = rng.sample(people, 5)
        cts = rng.sample(countries, 3)
        pl, ag, evn = rng.choice(places), rng.choice(agreements), rng.choice(events)
        ents = [Entity(p, "Person", p, aliases=(f"ông {p}",)) for p in ppl]
        ents += [Entity(c, "Country", c, aliases=(f"nước {c}",)) for c in cts]
        ents += [Entity(pl, "Location", pl), Entity(ag, "Agreement", ag), Entity(evn, "Event", evn)]
        date = day.isoformat()
        positions = tuple(Position(ppl[k], rng.choice(titles), cts[k % 3], None, ev(k, k + 10)) for k in range(3))
        relations = (
            Relation(ppl[0], "met", ppl[1], date, ev(1, 11), kind="hội đàm", cameo="040", place=pl),
            Relation(ppl[0], "met", ppl[2], date, ev(2, 12), kind="hội kiến", cameo="040", place=pl),
            Relation(ppl[3], "met", ppl[4], date, ev(3, 13), kind="tiếp", cameo="040"),
            Relation(ppl[0], "visited", cts[1], date, ev(4, 14), kind="thăm cấp nhà nước", cameo="042"),
            Relation(cts[0], "signed", ag, date, ev(5, 15), cameo="057"),
            Relation(cts[1], "signed", ag, date, ev(6, 16), cameo="057"),
            Relation(ppl[1], "attended", evn, date, ev(7, 17), kind="dự", place=pl),
        )
        quantities = (Quantity("trade_turnover", rng.randrange(1, 300) * 1e9, "USD", str(day.year - 1),
                               (cts[0], cts[1]), ev(8, 18), qualifier="hơn"),)
        yield Extraction(article=article, entities=tuple(ents), positions=positions, relations=relations,
                         quantities=quantities, extractors=("bench.v1",))


def quads_per_article() -> float:
    from kg.rdf import to_quads

    sample = list(synthetic_extractions(50))
    return sum(len(to_quads(ex)) for ex in sample) / len(sample)


def articles_for(triples: int) -> int:
    return max(10, int(triples / quads_per_article()))


# ---------------------------------------------------------------- one backend per process

def _max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _time_queries(run, repeat: int) -> dict[str, dict]:
    """Median seconds and row count of every example query."""
    out = {}
    for path in QUERIES:
        sparql = path.read_text(encoding="utf-8")
        times, rows = [], 0
        for _ in range(repeat):
            t0 = time.perf_counter()
            rows = len(run(sparql))
            times.append(time.perf_counter() - t0)
        out[path.stem] = {"seconds": statistics.median(times), "rows": rows}
    return out


def _rdflib_term(t):
    """A pyoxigraph term as the rdflib term its N-Quads line parses to (xsd:string: a plain literal)."""
    import pyoxigraph
    import rdflib

    if isinstance(t, pyoxigraph.NamedNode):
        return rdflib.URIRef(t.value)
    if isinstance(t, pyoxigraph.Literal):
        if t.language:
            return rdflib.Literal(t.value, lang=t.language)
        if t.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
            return rdflib.Literal(t.value)
        return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))
    return rdflib.BNode(t.value)


def run_backend(backend: str, n_articles: int, repeat: int, dump: str | None) -> dict:
    from kg.rdf import to_quads

    if backend == "ingest":
        from kg.store import open_store

        extractions = list(synthetic_extractions(n_articles))
        with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "store") as store:
            t0 = time.perf_counter()
            written = store.add(extractions).quads  # what kg build does after extraction
            elapsed = time.perf_counter() - t0
            return {"quads": written, "seconds": elapsed, "rate": written / elapsed,
                    "stored": store.count(), "rss_mb": _max_rss_mb()}

    if backend == "dump":
        return {"quads": write_dump(n_articles, Path(dump))}
    if dump is not None and backend != "dump":
        lines = quads_in(dump)
    if backend == "oxigraph":  # `kg load` the dump (bulk loader, on every core), then query
        from kg.store import EmbeddedStore

        with tempfile.TemporaryDirectory() as tmp, EmbeddedStore(Path(tmp) / "store") as embedded:
            base_rss = _max_rss_mb()
            t0 = time.perf_counter()
            embedded.load_dumps([dump])  # flushed when it returns
            load = time.perf_counter() - t0
            store = embedded.native
            queries = _time_queries(
                lambda q: list(store.query(q, use_default_graph_as_union=True)), repeat)
            return {"triples": lines, "stored": len(store), "load_seconds": load,
                    "load_rate": lines / load, "queries": queries, "rss_mb": _max_rss_mb(),
                    "base_rss_mb": base_rss, "threads": os.cpu_count()}

    if backend == "oxigraph-load":  # `kg load` only (TriG is not cut: one thread)
        from kg.store import EmbeddedStore

        with tempfile.TemporaryDirectory() as tmp, EmbeddedStore(Path(tmp) / "store") as embedded:
            t0 = time.perf_counter()
            embedded.load_dumps([dump])
            load = time.perf_counter() - t0
            stored = embedded.count()
        return {"triples": lines, "stored": stored, "load_seconds": load, "load_rate": lines / load}

    if backend == "oxigraph-1thread":  # one Store.bulk_load call: what pyoxigraph does alone
        import pyoxigraph

        with tempfile.TemporaryDirectory() as tmp:
            store = pyoxigraph.Store(str(Path(tmp) / "store"))
            t0 = time.perf_counter()
            store.bulk_load(path=dump, format=pyoxigraph.RdfFormat.N_QUADS)
            store.flush()
            load = time.perf_counter() - t0
            del store
        return {"triples": lines, "load_seconds": load, "load_rate": lines / load}

    if backend == "rdflib-load":
        import rdflib

        ds = rdflib.Dataset(default_union=True)
        t0 = time.perf_counter()
        ds.parse(dump, format=_FORMATS[Path(dump).suffix][1])
        load = time.perf_counter() - t0
        return {"triples": lines, "stored": sum(len(g) for g in ds.graphs()), "load_seconds": load,
                "load_rate": lines / load}

    if backend == "rdflib":  # parse the dump into the in-memory Dataset, then query
        import rdflib

        ds = rdflib.Dataset(default_union=True)
        base_rss = _max_rss_mb()
        t0 = time.perf_counter()
        ds.parse(dump, format="nquads")
        load = time.perf_counter() - t0
        queries = _time_queries(lambda q: list(ds.query(q)), repeat)
        return {"triples": lines, "stored": sum(len(g) for g in ds.graphs()), "load_seconds": load,
                "load_rate": lines / load, "queries": queries, "rss_mb": _max_rss_mb(),
                "base_rss_mb": base_rss}

    # Term-level loads: the quads already built as Python objects, no parsing.
    quads = [q for ex in synthetic_extractions(n_articles) for q in to_quads(ex)]
    if backend == "oxigraph-terms":
        import pyoxigraph

        from kg.store.embedded import EmbeddedStore

        batch = EmbeddedStore.batch_quads
        with tempfile.TemporaryDirectory() as tmp:
            store = pyoxigraph.Store(str(Path(tmp) / "store"))
            t0 = time.perf_counter()
            for start in range(0, len(quads), batch):  # as kg build loads new articles
                store.bulk_extend(quads[start:start + batch])
            store.flush()
            load = time.perf_counter() - t0
            del store
        return {"triples": len(quads), "load_seconds": load, "load_rate": len(quads) / load,
                "batch": batch}

    if backend == "rdflib-terms":
        import rdflib

        rows = [tuple(map(_rdflib_term, (q.subject, q.predicate, q.object, q.graph_name))) for q in quads]
        del quads
        ds = rdflib.Dataset(default_union=True)
        t0 = time.perf_counter()
        graphs: dict = {}
        for s, p, o, g in rows:
            graph = graphs.get(g)
            if graph is None:
                graph = graphs[g] = ds.graph(g)
            graph.add((s, p, o))
        load = time.perf_counter() - t0
        return {"triples": len(rows), "load_seconds": load, "load_rate": len(rows) / load}
    raise SystemExit(f"No backend {backend!r}. Available: dump, ingest, oxigraph, oxigraph-1thread, oxigraph-load, rdflib, rdflib-load, oxigraph-terms, rdflib-terms")


def write_dump(n_articles: int, path: Path) -> int:
    """The synthetic graph serialized once as N-Quads (what both stores load) and as TriG beside it.

    Returns the number of quads in each file.
    """
    import pyoxigraph

    from kg.rdf import NS, to_quads

    quads = [q for ex in synthetic_extractions(n_articles) for q in to_quads(ex)]
    pyoxigraph.serialize(quads, str(path), pyoxigraph.RdfFormat.N_QUADS)
    pyoxigraph.serialize(quads, str(path.with_suffix(".trig")), pyoxigraph.RdfFormat.TRIG,
                         prefixes=dict(NS))
    return len(quads)


def quads_in(dump: str) -> int:
    """Quads in the N-Quads dump (one a line); the TriG file beside it holds the same ones."""
    with open(Path(dump).with_suffix(".nq"), "rb") as fh:
        return sum(1 for _ in fh)


_FORMATS = {".nq": ("N_QUADS", "nquads"), ".trig": ("TRIG", "trig")}


# ---------------------------------------------------------------- driver

def _child(backend: str, n_articles: int, repeat: int, dump: Path | None) -> dict:
    cmd = [sys.executable, __file__, "--child", backend, "--articles", str(n_articles), "--repeat", str(repeat)]
    if dump is not None:
        cmd += ["--dump", str(dump)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (median)")
    parser.add_argument("--rdflib-repeat", type=int, default=1, help="runs per query on rdflib (it is slow)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--dump", help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON too")
    parser.add_argument("--growth", action="store_true",
                        help="instead: every example query at several sizes with many reports per event "
                             "(bench/growth.py)")
    parser.add_argument("--sizes", default="100,1000,3000", help="--growth: articles per store")
    parser.add_argument("--reports", type=int, default=10, help="--growth: reports per event")
    parser.add_argument("--dir", type=Path, help="--growth: where the stores are built once and kept "
                                                 "(default: vnkg-bench-growth in the temp directory)")
    parser.add_argument("--skip", default="", help="--growth: example queries left out (names, comma-separated)")
    parser.add_argument("--query", type=Path, action="append", default=[],
                        help="--growth: one more query file to time beside the examples (repeatable)")
    parser.add_argument("--remove", nargs="*", metavar="REVISION",
                        help="instead: kg remove of 100 articles from the 1,000-article --growth store, "
                             "side by side with the same at these git revisions (default: main)")
    parser.add_argument("--remove-from", type=int, default=1000, help="--remove: the store's articles")
    parser.add_argument("--remove-many-names", action="store_true",
                        help="instead: kg remove's old and new names cleanup in memory at --sizes, each "
                             "article giving its entities one more alias")
    args = parser.parse_args()
    if args.remove_many_names:
        sys.path.insert(0, str(Path(__file__).parent))
        from growth import remove_many_names

        remove_many_names([int(n) for n in args.sizes.split(",")], **({"cache": args.dir} if args.dir else {}))
        return
    if args.remove is not None:
        sys.path.insert(0, str(Path(__file__).parent))
        from growth import remove_cost

        remove_cost(args.remove or ["main"], n_articles=args.remove_from, rounds=args.repeat,
                    **({"cache": args.dir} if args.dir else {}))
        return
    if args.growth:
        sys.path.insert(0, str(Path(__file__).parent))
        from growth import main as growth

        growth([int(n) for n in args.sizes.split(",")], args.reports, args.repeat,
               tuple(filter(None, args.skip.split(","))), extra=tuple(args.query),
               **({"cache": args.dir} if args.dir else {}))
        return
    if args.child:
        print(json.dumps(run_backend(args.child, args.articles, args.repeat, args.dump)))
        return
    n_articles = articles_for(args.triples)
    with tempfile.TemporaryDirectory() as tmp:
        dump = Path(tmp) / "graph.nq"
        # in a child: a parent holding the quads would raise every child's max RSS
        # (Linux children start from their parent's high-water mark)
        lines = _child("dump", n_articles, 1, dump)["quads"]
        print(f"synthetic graph: {n_articles} articles, {lines:,} quads, "
              f"N-Quads dump {dump.stat().st_size / 1e6:,.0f} MB\n", flush=True)
        ox = _child("oxigraph", n_articles, args.repeat, dump)
        ox_single = _child("oxigraph-1thread", n_articles, 1, dump)
        rd = _child("rdflib", n_articles, args.rdflib_repeat, dump)
        trig = dump.with_suffix(".trig")
        ox_trig = _child("oxigraph-load", n_articles, 1, trig)
        rd_trig = _child("rdflib-load", n_articles, 1, trig)
        trig_mb = trig.stat().st_size / 1e6
    ox_terms = _child("oxigraph-terms", n_articles, 1, None)
    rd_terms = _child("rdflib-terms", n_articles, 1, None)
    ingest = _child("ingest", n_articles, 1, None)

    print(f"{'':32}{'oxigraph (disk)':>18}{'rdflib (memory)':>18}{'ratio':>9}")
    load_label = f"kg load N-Quads ({ox['threads']} thr), t/s"
    print(f"{load_label:32}{ox['load_rate']:>18,.0f}{rd['load_rate']:>18,.0f}"
          f"{ox['load_rate'] / rd['load_rate']:>8.1f}x")
    print(f"{'  seconds':32}{ox['load_seconds']:>18.1f}{rd['load_seconds']:>18.1f}")
    print(f"{'  one bulk_load call (1 thread)':32}{ox_single['load_rate']:>18,.0f}{'':18}"
          f"{ox_single['load_rate'] / rd['load_rate']:>8.1f}x")
    print(f"{f'load TriG dump ({trig_mb:,.0f} MB), triples/s':32}{ox_trig['load_rate']:>18,.0f}"
          f"{rd_trig['load_rate']:>18,.0f}{ox_trig['load_rate'] / rd_trig['load_rate']:>8.1f}x")
    print(f"{'  distinct quads stored':32}{ox['stored']:>18,}{rd['stored']:>18,}")
    print(f"{'peak memory (max RSS), MB':32}{ox['rss_mb']:>18,.0f}{rd['rss_mb']:>18,.0f}"
          f"{ox['rss_mb'] / rd['rss_mb']:>8.2f}x")
    ratios = []
    for name in ox["queries"]:
        a, b = ox["queries"][name], rd["queries"][name]
        ratios.append(b["seconds"] / a["seconds"])
        rows = "" if a["rows"] == b["rows"] else f"  rows differ: {a['rows']} vs {b['rows']}"
        print(f"{'  ' + name:32}{a['seconds'] * 1000:>16.1f}ms{b['seconds'] * 1000:>16.1f}ms"
              f"{ratios[-1]:>8.1f}x  ({a['rows']} rows){rows}")
    print(f"{'median query speed-up':32}{'':36}{statistics.median(ratios):>8.1f}x")
    print(f"{'slowest ratio (min)':32}{'':36}{min(ratios):>8.1f}x")
    print(f"\nterm-level load (quads already Python objects, no parsing):\n"
          f"{'  triples/s':32}{ox_terms['load_rate']:>18,.0f}{rd_terms['load_rate']:>18,.0f}"
          f"{ox_terms['load_rate'] / rd_terms['load_rate']:>8.1f}x"
          f"   (oxigraph: bulk_extend in batches of {ox_terms['batch']:,}; rdflib: Graph.add)")
    print(f"\nvnkg ingest path (Extraction -> quads -> on-disk store via KGStore.add, all or nothing per article): "
          f"{ingest['rate']:,.0f} quads/s ({ingest['quads']:,} quads in {ingest['seconds']:.1f}s, "
          f"{ingest['stored']:,} stored)")
    if args.json:
        print(json.dumps({"ingest": ingest, "oxigraph": ox, "oxigraph_1thread": ox_single, "rdflib": rd,
                          "oxigraph_trig": ox_trig, "rdflib_trig": rd_trig, "oxigraph_terms": ox_terms,
                          "rdflib_terms": rd_terms}, indent=1))


if __name__ == "__main__":
    main()
