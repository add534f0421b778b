"""Store benchmark: embedded on-disk Oxigraph vs rdflib's in-memory store, and vnkg's ingest path.

A synthetic graph shaped like ours (articles, people, countries, offices,
meetings, visits, signings with evidence, figures) is made from synthetic
``Extraction`` objects through ``kg.rdf.to_quads``, so the triples are exactly
what ``kg build`` writes. Each backend runs in its own process so its peak
memory (max RSS) is its own.

    python bench/store.py                   # 1,000,000 triples
    python bench/store.py --triples 50000   # a quick run

Reports: load rate (triples/s), the latency of every example query
(examples/queries/*.rq; median of --repeat runs), peak memory, and the rate
of vnkg's own ingest path (Extraction -> quads -> store, one transaction per
article), side by side with the ratios.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
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
        ev = lambda k: Evidence(article.id, text[:50], 0, k, k + 10)
        ppl = rng.sample(people, 5)
        cts = rng.sample(countries, 3)
        pl, ag, evn = rng.choice(places), rng.choice(agreements), rng.choice(events)
        ents = [Entity(p, "Person", p, aliases=(f"ông {p}",)) for p in ppl]
        ents += [Entity(c, "Country", c, aliases=(f"nước {c}",)) for c in cts]
        ents += [Entity(pl, "Location", pl), Entity(ag, "Agreement", ag), Entity(evn, "Event", evn)]
        date = day.isoformat()
        positions = tuple(Position(ppl[k], rng.choice(titles), cts[k % 3], None, ev(k)) for k in range(3))
        relations = (
            Relation(ppl[0], "met", ppl[1], date, ev(1), kind="hội đàm", cameo="040", place=pl),
            Relation(ppl[0], "met", ppl[2], date, ev(2), kind="hội kiến", cameo="040", place=pl),
            Relation(ppl[3], "met", ppl[4], date, ev(3), kind="tiếp", cameo="040"),
            Relation(ppl[0], "visited", cts[1], date, ev(4), kind="thăm cấp nhà nước", cameo="042"),
            Relation(cts[0], "signed", ag, date, ev(5), cameo="057"),
            Relation(cts[1], "signed", ag, date, ev(6), cameo="057"),
            Relation(ppl[1], "attended", evn, date, ev(7), kind="dự", place=pl),
        )
        quantities = (Quantity("trade_turnover", rng.randrange(1, 300) * 1e9, "USD", str(day.year - 1),
                               (cts[0], cts[1]), ev(8), qualifier="hơn"),)
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


def _time_queries(run, repeat: int) -> dict[str, float]:
    out = {}
    for path in QUERIES:
        sparql = path.read_text(encoding="utf-8")
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            run(sparql)
            times.append(time.perf_counter() - t0)
        out[path.stem] = statistics.median(times)
    return out


def run_backend(backend: str, n_articles: int, repeat: int) -> dict:
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

    quads = [q for ex in synthetic_extractions(n_articles) for q in to_quads(ex)]
    if backend == "oxigraph":
        import pyoxigraph

        with tempfile.TemporaryDirectory() as tmp:
            store = pyoxigraph.Store(str(Path(tmp) / "store"))
            base_rss = _max_rss_mb()
            t0 = time.perf_counter()
            # as kg build loads new articles: bulk batches of ~50k quads
            for start in range(0, len(quads), 50_000):
                store.bulk_extend(quads[start:start + 50_000])
            store.flush()
            load = time.perf_counter() - t0
            queries = _time_queries(
                lambda q: list(store.query(q, use_default_graph_as_union=True)), repeat)
            result = {"triples": len(quads), "load_seconds": load, "load_rate": len(quads) / load,
                      "queries": queries, "rss_mb": _max_rss_mb(), "base_rss_mb": base_rss}
            del store
            return result

    if backend == "rdflib":
        import rdflib

        def term(t):
            import pyoxigraph
            if isinstance(t, pyoxigraph.NamedNode):
                return rdflib.URIRef(t.value)
            if isinstance(t, pyoxigraph.Literal):
                if t.language:
                    return rdflib.Literal(t.value, lang=t.language)
                return rdflib.Literal(t.value, datatype=rdflib.URIRef(t.datatype.value))
            return rdflib.BNode(t.value)
        rows = [(term(q.subject), term(q.predicate), term(q.object), term(q.graph_name)) for q in quads]
        del quads
        ds = rdflib.Dataset(default_union=True)
        base_rss = _max_rss_mb()
        t0 = time.perf_counter()
        graphs: dict = {}
        for s, p, o, g in rows:
            graph = graphs.get(g)
            if graph is None:
                graph = graphs[g] = ds.graph(g)
            graph.add((s, p, o))
        load = time.perf_counter() - t0
        queries = _time_queries(lambda q: list(ds.query(q)), repeat)
        return {"triples": len(rows), "load_seconds": load, "load_rate": len(rows) / load,
                "queries": queries, "rss_mb": _max_rss_mb(), "base_rss_mb": base_rss}
    raise SystemExit(f"No backend {backend!r}. Available: ingest, oxigraph, rdflib")


# ---------------------------------------------------------------- driver

def _child(backend: str, n_articles: int, repeat: int) -> dict:
    cmd = [sys.executable, __file__, "--child", backend, "--articles", str(n_articles), "--repeat", str(repeat)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (median)")
    parser.add_argument("--rdflib-repeat", type=int, default=1, help="runs per query on rdflib (it is slow)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--articles", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--json", action="store_true", help="print the raw results as JSON too")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_backend(args.child, args.articles, args.repeat)))
        return
    n_articles = articles_for(args.triples)
    print(f"synthetic graph: {n_articles} articles, about {args.triples:,} triples (quads)\n", flush=True)
    ingest = _child("ingest", n_articles, 1)
    ox = _child("oxigraph", n_articles, args.repeat)
    rd = _child("rdflib", n_articles, args.rdflib_repeat)

    print(f"{'':28}{'oxigraph (disk)':>18}{'rdflib (memory)':>18}{'ratio':>9}")
    print(f"{'load, triples/s':28}{ox['load_rate']:>18,.0f}{rd['load_rate']:>18,.0f}"
          f"{ox['load_rate'] / rd['load_rate']:>8.1f}x")
    print(f"{'peak memory (max RSS), MB':28}{ox['rss_mb']:>18,.0f}{rd['rss_mb']:>18,.0f}")
    ratios = []
    for name in ox["queries"]:
        a, b = ox["queries"][name], rd["queries"][name]
        ratios.append(b / a)
        print(f"{'  ' + name:28}{a * 1000:>16.1f}ms{b * 1000:>16.1f}ms{b / a:>8.1f}x")
    print(f"{'median query speed-up':28}{'':36}{statistics.median(ratios):>8.1f}x")
    print(f"{'slowest ratio (min)':28}{'':36}{min(ratios):>8.1f}x")
    print(f"\nvnkg ingest path (Extraction -> quads -> on-disk store via KGStore.add, all or nothing per article): "
          f"{ingest['rate']:,.0f} quads/s ({ingest['quads']:,} quads in {ingest['seconds']:.1f}s, "
          f"{ingest['stored']:,} stored)")
    if args.json:
        print(json.dumps({"ingest": ingest, "oxigraph": ox, "rdflib": rd}, indent=1))


if __name__ == "__main__":
    main()
