"""Example queries as the store grows, with many reports per event (issue 13, point 1); kg remove.

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

``--remove`` (``remove_cost``) times ``kg remove`` of 100 articles from a copy
of the 1,000-article store (``--remove-from``), in a fresh interpreter per run, the current tree
and git revisions in turns (``git archive`` of their ``kg`` first on
``PYTHONPATH``), and checks that every contender leaves the same store.
``--remove-many-names`` (``remove_many_names``) times the old and the new names
cleanup in one process on in-memory stores where each article also names its
entities by an alias of its own, so subjects gather names as the store grows.

    python bench/store.py --growth                         # 100, 1,000, 3,000 articles
    python bench/store.py --growth --sizes 100,1000,10000 --reports 10 --dir /tmp/growth-stores
    python bench/store.py --remove main --dir /tmp/growth-stores   # kg remove of 100 of 1,000, against main
    python bench/store.py --remove main --remove-from 10000 --repeat 1 --dir /tmp/growth-stores
    python bench/store.py --remove-many-names --sizes 200,1000,2000 --dir /tmp/growth-stores
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
from typing import Any

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
         cache: Path = CACHE, extra: tuple[Path, ...] = ()) -> dict:
    """``extra``: more query files to time beside the examples (e.g. an older version of one)."""
    queries = [(q.stem, q.read_text(encoding="utf-8")) for q in QUERIES if q.stem not in skip]
    queries += [(f"{q.stem} (--query)", q.read_text(encoding="utf-8")) for q in extra] + [REFERENCE]
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


# ---------------------------------------------------------------- kg remove

# Run in a fresh interpreter with a contender's kg first on the path: removes the ids read from
# stdin, one KGStore.remove each as `kg remove` does, and prints CPU and wall seconds and a
# digest of what is left (quad count, articles, names graph: every contender must leave the same).
_REMOVE_CHILD = r"""
import hashlib, sys, time
import kg
from pyoxigraph import NamedNode
from kg import ids
from kg.store import open_store
article_ids = sys.stdin.read().split()
with open_store(sys.argv[1]) as store:
    started, started_cpu = time.perf_counter(), time.process_time()
    for article_id in article_ids:
        assert store.remove(article_id), article_id
    cpu, wall = time.process_time() - started_cpu, time.perf_counter() - started
    names = sorted(str(q) for q in store.native.quads_for_pattern(None, None, None, NamedNode(ids.NAMES_GRAPH)))
    left = hashlib.sha256("\n".join([str(store.count()), *store.articles(), *names]).encode()).hexdigest()
print(kg.__file__, cpu, wall, left[:16], flush=True)
"""


def _export(revision: str, folder: Path) -> Path:
    """The ``kg`` package at ``revision`` (``git archive``), unpacked under ``folder``."""
    import subprocess

    target = folder / revision.replace("/", "_")
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "kg"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def removal_ids(n_articles: int, reports: int, n_remove: int, cache: Path = CACHE) -> list[str]:
    """Half: every report of the first stories (their names go); half: one report of each later
    story (their names stay, recorded by the other reports)."""
    ids = [e.article.id for e in reported_corpus(n_articles, reports, cache)]
    whole = ids[: n_remove // 2]
    first_single = -(-len(whole) // reports) * reports
    return whole + ids[first_single::reports][: n_remove - len(whole)]


def _remove_once(source: Path, store: Path, ids: list[str], folder: Path) -> tuple[float, float, str]:
    import shutil
    import subprocess
    import sys

    copy = folder / "store"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(store, copy)
    env = dict(os.environ, PYTHONPATH=str(source))
    done = subprocess.run([sys.executable, "-c", _REMOVE_CHILD, str(copy)], input="\n".join(ids), env=env,
                          cwd=source, capture_output=True, text=True, check=True)
    module, cpu, wall, left = done.stdout.split()
    if not module.startswith(str(source)):
        raise RuntimeError(f"ran the kg at {module}, not the one in {source}")
    shutil.rmtree(copy)
    return float(cpu), float(wall), left


def remove_cost(revisions: list[str], *, n_articles: int = 1000, n_remove: int = 100, reports: int = 10,
                rounds: int = 3, cache: Path = CACHE) -> dict[str, list[tuple[float, float]]]:
    """``kg remove`` of ``n_remove`` articles from a copy of the ``n_articles`` store, the current
    tree and each revision in turns, ``rounds`` times; prints CPU and wall seconds side by side."""
    store = built_store(n_articles, reports, cache)
    ids = removal_ids(n_articles, reports, n_remove, cache)
    with tempfile.TemporaryDirectory(prefix="remove_cost_") as tmp:
        folder = Path(tmp)
        sources = {"current tree": ROOT} | {rev: _export(rev, folder) for rev in revisions}
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in sources}
        digests = set()
        for _ in range(rounds):
            for name, source in sources.items():
                cpu, wall, left = _remove_once(source, store, ids, folder)
                times[name].append((cpu, wall))
                digests.add(left)
                print(f"  {name}: {cpu:.2f} s CPU, {wall:.2f} s wall", flush=True)
    if len(digests) != 1:
        raise RuntimeError(f"the contenders left different stores: {sorted(digests)}")
    mine = statistics.median(cpu for cpu, _ in times["current tree"])
    print(f"\nkg remove of {len(ids)} articles from {n_articles:,} ({reports} reports per event), "
          f"median of {rounds}; every contender left the same store")
    for name, runs in times.items():
        cpu = statistics.median(c for c, _ in runs)
        wall = statistics.median(w for _, w in runs)
        print(f"{name:>14}: {cpu:8.2f} s CPU {wall:8.2f} s wall   CPU {cpu / mine:5.2f}x the current tree")
    return times


def _with_own_aliases(extractions: Iterator) -> Iterator:
    """Each article also calls each of its entities by a name of its own, so a subject
    gathers names as the store grows (the case ``names.STATED_IN``'s join grew with)."""
    for extraction in extractions:
        tag = extraction.article.id.split("-", 2)[:2]
        entities = tuple(dataclasses.replace(ent, aliases=(*ent.aliases, f"{ent.name} {''.join(tag)}"))
                         for ent in extraction.entities)
        yield dataclasses.replace(extraction, entities=entities)


def _remove_by_stated_in_join(store: Any, article_id: str) -> None:
    """The removal the base class did before ``names.left_unrecorded``: the graph's names joined
    with every graph's records (``names.STATED_IN``), dropped by one ``DELETE ... WHERE``."""
    from kg import ids
    from kg.store import names
    from kg.store.base import replace_update

    graph = ids.article_graph_iri(article_id)
    rows = [f"({n} {p} {o} {f})" for n, p, o, f in
            names.stated(store.query(names.STATED_IN.replace("<G>", f"<{graph}>")).terms)]
    update = replace_update(graph, [])
    if rows:
        update += (f" ;\nDELETE {{ GRAPH <{ids.NAMES_GRAPH}> {{ ?n ?p ?o }} }} WHERE {{\n"
                   f"  VALUES (?n ?p ?o ?f) {{\n  " + "\n  ".join(rows) + "\n  }\n"
                   f"  FILTER NOT EXISTS {{ GRAPH ?g {{ ?n <{names.NAME_FACT}> ?f }} }}\n}}")
    store.update(update)


def remove_many_names(sizes: list[int], *, n_remove: int = 40, reports: int = 10, cache: Path = CACHE) -> None:
    """Removal in memory when subjects gather names: the old path (``_remove_by_stated_in_join``,
    ``names.STATED_IN``) against the embedded store's, same corpus, one process."""
    from kg.store import open_store

    contenders = {"STATED_IN join (main)": _remove_by_stated_in_join,
                  "left_unrecorded (this tree)": lambda store, article_id: store._replace_article(article_id, [])}
    print(f"kg remove of {n_remove} articles, in memory, each article naming its entities by one more alias; CPU s")
    for n in sizes:
        ids = removal_ids(n, reports, n_remove, cache)
        seconds, left = {}, set()
        for name, remove in contenders.items():
            store = open_store(None)
            store.add(_with_own_aliases(reported_corpus(n, reports, cache)))
            started = time.process_time()
            for article_id in ids:
                remove(store, article_id)
            seconds[name] = time.process_time() - started
            left.add(tuple(sorted(map(str, store.quads()))))
        if len(left) != 1:
            raise RuntimeError("the two paths left different stores")
        old, new = seconds.values()
        print(f"  {n:>6,} articles: " + ", ".join(f"{name} {s:.2f}" for name, s in seconds.items())
              + f"; ratio {old / new:.1f}x", flush=True)
