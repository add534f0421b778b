"""Example queries as the store grows, with many reports per event (issue 13, point 1).

News repeats itself: one meeting is reported by many articles. The corpus is
the sample articles' real extractions (data/, extracted once and cached in
the temp directory) replicated with new ids: ``--reports`` articles tell the
same story (the same events, each with that many reports), and each next
story is an earlier one moved whole years later, so its events are new
nodes. A store of N articles thus holds N / reports stories. Stores are
written through ``KGStore.add`` (the ingest path) once into ``--dir`` (the
temp directory by default) and reused. Every example query runs on every
size (median CPU and wall time of ``--repeat``) and its CPU time per article
is set beside the smallest size's: 1.0 is linear growth. A reference query,
one index lookup per article, shows how the store's own lookups grow.

    python bench/store.py --growth                         # 100, 1,000, 3,000 articles
    python bench/store.py --growth --sizes 100,1000,10000 --reports 10 --dir /tmp/growth-stores
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import pickle
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUERIES = sorted((ROOT / "examples" / "queries").glob("*.rq"))
CACHE = Path(tempfile.gettempdir()) / "vnkg-bench-growth"
_YEAR = re.compile(r"\b(\d{4})")
# Linear by construction (one index lookup per article): how the store's own
# cost per lookup grows with its size, to read the example queries against.
REFERENCE = ("(reference: a lookup per article)",
             ("SELECT (COUNT(*) AS ?n) { ?article a <https://vnkg.org/ontology#Article> ; "
              "<https://vnkg.org/ontology#contentHash> ?hash }"))


def data_extractions(cache: Path = CACHE) -> list:
    """The real extractions of data/ (cached)."""
    cache.mkdir(parents=True, exist_ok=True)
    cached = cache / "data-extractions.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    from kg.ingest import read_articles
    from kg.runner import extract_articles

    extractions = list(extract_articles(read_articles([ROOT / "data"]), workers=1))
    cached.write_bytes(pickle.dumps(extractions))
    return extractions


def _later(value: str | None, years: int) -> str | None:
    if not value:
        return value
    moved = _YEAR.sub(lambda m: str(int(m.group(1)) + years), value)
    return moved.replace("-02-29", "-02-28")


def _later_date(day: dt.date | None, years: int) -> dt.date | None:
    return day and dt.date(day.year + years, day.month, min(day.day, 28 if day.month == 2 else day.day))


def retold(extraction, *, story: int, report: int):
    """``extraction`` as report ``report`` of story ``story``: new id, dates ``story`` years on."""
    years = story
    article = extraction.article
    article_id = f"s{story:05d}-r{report:02d}-{article.id}"
    new_article = dataclasses.replace(article, id=article_id, content_hash=f"{article.content_hash}-{article_id}",
                                      published=_later_date(article.published, years))
    return dataclasses.replace(
        extraction, article=new_article,
        relations=tuple(dataclasses.replace(r, date=_later(r.date, years)) for r in extraction.relations),
        positions=tuple(dataclasses.replace(p, date=_later(p.date, years)) for p in extraction.positions),
        quantities=tuple(dataclasses.replace(q, period=_later(q.period, years)) for q in extraction.quantities))


def reported_corpus(n_articles: int, reports: int, cache: Path = CACHE) -> Iterator:
    base = data_extractions(cache)
    for index in range(n_articles):
        story, report = divmod(index, reports)
        yield retold(base[story % len(base)], story=story, report=report)


def built_store(n_articles: int, reports: int, cache: Path = CACHE) -> Path:
    """The store of ``n_articles`` articles (built once into ``cache``, then reused)."""
    from kg.store import open_store

    path = cache / f"store-{n_articles}-{reports}"
    done = path / "complete"
    if not done.exists():
        import shutil

        shutil.rmtree(path, ignore_errors=True)
        started = time.perf_counter()
        with open_store(path) as store:
            store.add(reported_corpus(n_articles, reports, cache))
        done.write_text(f"{time.perf_counter() - started:.1f}\n")
        print(f"  built {n_articles} articles in {done.read_text().strip()} s", flush=True)
    return path


def time_queries(path: Path, repeat: int, queries: list[tuple[str, str]]) -> dict[str, tuple[float, float, int]]:
    """Query name -> (median seconds, median CPU seconds, rows); CPU time is steadier on a busy machine."""
    from kg.store import open_store

    out = {}
    with open_store(path, read_only=True) as store:
        for name, text in queries:
            times, cpu, rows = [], [], 0
            for _ in range(repeat):
                started, started_cpu = time.perf_counter(), time.process_time()
                rows = len(store.query(text))
                cpu.append(time.process_time() - started_cpu)
                times.append(time.perf_counter() - started)
            out[name] = (statistics.median(times), statistics.median(cpu), rows)
    return out


def main(sizes: list[int], reports: int, repeat: int, skip: tuple[str, ...] = (), *,
         cache: Path = CACHE) -> dict:
    queries = [(q.stem, q.read_text(encoding="utf-8")) for q in QUERIES if q.stem not in skip] + [REFERENCE]
    results = {}
    for n in sizes:
        path = built_store(n, reports, cache)
        print(f"  {n:,} articles: querying (load average {os.getloadavg()[0]:.1f})", flush=True)
        results[n] = time_queries(path, repeat, queries)
    first = sizes[0]
    print(f"\nexample queries, {reports} reports per event, median of {repeat}; CPU ms (rows); "
          f"CPU per article relative to {first:,} articles; wall ms last\n"
          f"{'query':34}" + "".join(f"{f'{n:,} art.':>18}" for n in sizes)
          + "".join(f"{f'x/art {n:,}':>12}" for n in sizes[1:]) + "".join(f"{f'wall {n:,}':>12}" for n in sizes))
    for name, _ in queries:
        cells = "".join(f"{results[n][name][1] * 1000:>11.1f} ({results[n][name][2]:>4})" for n in sizes)
        base = results[first][name][1] / first
        rel = "".join(f"{results[n][name][1] / n / base:>12.2f}" for n in sizes[1:])
        wall = "".join(f"{results[n][name][0] * 1000:>12.1f}" for n in sizes)
        print(f"{name:34}{cells}{rel}{wall}")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return results
