"""Benchmark: where the CPU of a warm ``kg build --force`` goes, here against other git revisions.

Each contender (this tree, or a revision taken with ``git archive`` into a
temporary folder put first on ``PYTHONPATH``) builds the same corpus of
distinct articles (``bench/corpus.py``'s ``vary_corpus``) into its own store
with its own parse cache, then runs ``kg build --force`` over it in a fresh
process, one worker, with the stages wrapped to add up their CPU time
(``time.process_time``): start-up (imports, up to the build), loading the
models and the lexicon, reading the articles, the parse cache, the
extraction engine, the quads, the store's writes and the rest. Cases: the
rules unchanged, parse cache warm (nothing rewritten) or, with ``--cold``,
empty; with ``--changed`` every article changed (the stored digests spoilt
first, so every article is replaced, its facts the same); with ``--edited``
every article edited (the same ids with other names, figures and dates,
``vary_corpus`` with another seed; there and back). The
contenders take turns, ``--rounds`` times; the table gives the median of
each figure, and the ratio of the whole builds.

    .venv/bin/python bench/rebuild_stages.py main --articles 200 --rounds 3
    .venv/bin/python bench/rebuild_stages.py main --articles 1000 --rounds 1 --cold
    .venv/bin/python bench/rebuild_stages.py 6df17c0 --articles 200 --rounds 2 --edited
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

# A fresh interpreter: wraps the stages it can find, runs kg build, prints one JSON line.
_CHILD = r"""
import json, resource, sys, time
started = resource.getrusage(resource.RUSAGE_SELF)
cpu = {}
def timed(owner, name, stage, *, generator=False):
    inner = getattr(owner, name, None)
    if inner is None:
        return
    if generator:
        def wrapper(*args, **kwargs):
            it = iter(inner(*args, **kwargs))
            while True:
                t = time.process_time()
                try:
                    item = next(it)
                except StopIteration:
                    cpu[stage] = cpu.get(stage, 0.0) + time.process_time() - t
                    return
                cpu[stage] = cpu.get(stage, 0.0) + time.process_time() - t
                yield item
    else:
        def wrapper(*args, **kwargs):
            t = time.process_time()
            try:
                return inner(*args, **kwargs)
            finally:
                cpu[stage] = cpu.get(stage, 0.0) + time.process_time() - t
    setattr(owner, name, wrapper)
import kg.build, kg.cli, kg.extract, kg.ingest, kg.nlp, kg.rdf, kg.runner
import kg.store.base, kg.store.digest, kg.store.embedded, kg.store.names
import kg.extract.lexicon
startup = time.process_time()
try:
    import kg.nlp.cache
    timed(kg.nlp.cache.ParseCache, "get", "parse cache reads")
except ImportError:
    pass
timed(kg.nlp, "load_models", "models and lexicon")
timed(kg.extract.lexicon, "load_lexicon", "models and lexicon")
timed(kg.build, "read_articles", "reading articles", generator=True)
timed(kg.extract, "extract_doc", "engine")
if hasattr(kg.store.base, "to_rows"):  # since the rows of the write path: quads built only to write
    timed(kg.store.base, "to_rows", "quads: to_quads / to_rows")
    timed(kg.store.base, "quads_of", "quads: Quad objects")
else:
    timed(kg.rdf, "to_quads", "quads: to_quads / to_rows")
timed(kg.store.names, "with_statements", "quads: names records")
timed(kg.store.base, "link_events", "quads: link_events")
timed(kg.store.digest, "with_digest", "quads: digest")
timed(kg.store.embedded.EmbeddedStore, "_write_batch", "store: writes and lookups")
timed(kg.store.embedded.EmbeddedStore, "_event_days", "store: event dates")
timed(kg.store.base.KGStore, "article_hashes", "store: article hashes")
timed(kg.store.embedded.EmbeddedStore, "compact", "store: compaction")
timed(kg.store.embedded.EmbeddedStore, "__init__", "store: open and close")
timed(kg.store.embedded.EmbeddedStore, "close", "store: open and close")
from kg.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    if done.code:
        raise
usage = resource.getrusage(resource.RUSAGE_SELF)
cpu["whole build"] = usage.ru_utime + usage.ru_stime - started.ru_utime - started.ru_stime
cpu["start-up (imports)"] = startup
cpu["rest"] = cpu["whole build"] - sum(v for k, v in cpu.items() if k != "whole build")
print(json.dumps(cpu))
"""

_SPOIL = """
import sys
from kg.store import EmbeddedStore
with EmbeddedStore(sys.argv[1]) as store:
    store.update('PREFIX vnkg: <https://vnkg.org/ontology#> DELETE { GRAPH ?g { ?a vnkg:factsDigest ?d } } '
                 'INSERT { GRAPH ?g { ?a vnkg:factsDigest "stale" } } WHERE { GRAPH ?g { ?a vnkg:factsDigest ?d } }')
"""

ORDER = ["whole build", "start-up (imports)", "models and lexicon", "reading articles", "parse cache reads",
         "engine", "quads: to_quads / to_rows", "quads: Quad objects", "quads: names records", "quads: link_events", "quads: digest",
         "store: article hashes", "store: event dates", "store: writes and lookups", "store: compaction",
         "store: open and close", "rest"]


def checkout(revision: str, into: Path) -> Path:
    """The ``kg`` package of ``revision`` under ``into`` (its parent goes on PYTHONPATH)."""
    into.mkdir(parents=True)
    archive = subprocess.run(["git", "archive", revision, "kg"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into


def run_child(path: Path, args: list[str]) -> dict[str, float]:
    env = {"PYTHONPATH": str(path), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    proc = subprocess.run([sys.executable, "-c", _CHILD, *args], capture_output=True, text=True,
                          cwd=path, env=env, check=False)
    if proc.returncode:
        raise RuntimeError(proc.stderr[-3000:])
    return json.loads(proc.stdout.strip().splitlines()[-1])


def spoil(path: Path, store: Path) -> None:
    env = {"PYTHONPATH": str(path), "PATH": "/usr/bin:/bin", "HOME": str(Path.home())}
    subprocess.run([sys.executable, "-c", _SPOIL, str(store)], env=env, cwd=path, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="*",
                        help="git revisions (or directories holding a kg/) to compare with this tree")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="also a cold-cache (empty) --force build")
    parser.add_argument("--changed", action="store_true", help="also the every-article-changed case")
    parser.add_argument("--edited", action="store_true",
                        help="also every article edited: the same ids, other texts (there and back)")
    parser.add_argument("--workdir", type=Path, help="keep corpus, stores and caches here")
    args = parser.parse_args()
    from extract import build_distinct_corpus

    with tempfile.TemporaryDirectory() as tmp:
        work = args.workdir or Path(tmp)
        corpus = work / f"corpus-{args.articles}"
        if not corpus.exists():
            build_distinct_corpus(corpus, args.articles)
        trees = {"this tree": ROOT}
        for revision in args.revisions:  # a directory holding kg/, or a git revision
            trees[revision] = Path(revision) if Path(revision, "kg").is_dir() else \
                checkout(revision, Path(tmp) / f"rev-{revision}")
        # the same ids with other names, figures and dates: every article edited (bar the unvaried originals)
        edited = work / f"corpus-{args.articles}-edited"
        if args.edited and not edited.exists():
            from corpus import vary_corpus
            from extract import _sources

            vary_corpus(_sources(), edited, args.articles, seed=1)
        cases = ["warm"] + (["cold"] if args.cold else []) + (["changed, warm"] if args.changed else []) \
            + (["edited, warm"] if args.edited else [])
        results: dict[tuple[str, str], list[dict[str, float]]] = {}
        for i, path in enumerate(trees.values()):  # the first builds fill each tree's warm cache
            store, cache = work / f"store-{i}-{path.name}", work / f"cache-{path.name}"
            if args.edited:
                run_child(path, ["-q", "build", str(edited), "--store", str(work / f"scratch-{i}"), "--workers", "1",
                                 "--parse-cache", str(cache)])
            run_child(path, ["-q", "build", str(corpus), "--store", str(store), "--workers", "1",
                             "--parse-cache", str(cache)])
        for round_ in range(args.rounds):
            for case in cases:
                for i, (name, path) in enumerate(trees.items()):
                    store = work / f"store-{i}-{path.name}"
                    cache = work / (f"cold-{round_}-{i}" if case == "cold" else f"cache-{path.name}")
                    if case.startswith("changed"):
                        spoil(path, store)
                    # edited: there (the edited texts replace the originals) and back, two runs
                    for source in [edited, corpus] if case.startswith("edited") else [corpus]:
                        cpu = run_child(path, ["-q", "build", str(source), "--store", str(store), "--workers", "1",
                                               "--parse-cache", str(cache), "--force"])
                        results.setdefault((name, case), []).append(cpu)
                        print(f"  round {round_ + 1}, {case}, {name}: {cpu['whole build']:.2f} s CPU",
                              file=sys.stderr)
        print(f"kg build --force of {args.articles} distinct articles, one worker; CPU seconds, "
              f"median of {args.rounds} rounds")
        for case in cases:
            print({"changed, warm": "\nevery article changed (digests spoilt), warm cache",
                   "edited, warm": "\nevery article edited (other names, figures, dates), warm cache"}.get(
                       case, f"\n{case} parse cache"))
            names = list(trees)
            print("| stage | " + " | ".join(names) + " |")
            print("|---|" + "---:|" * len(names))
            for stage in ORDER:
                cells = [statistics.median(r.get(stage, 0.0) for r in results[(n, case)]) for n in names]
                print(f"| {stage} | " + " | ".join(f"{c:.2f}" for c in cells) + " |")
            if len(names) > 1:
                base = statistics.median(r["whole build"] for r in results[(names[0], case)])
                print("whole build, " + ", ".join(
                    f"{n} / this tree: {statistics.median(r['whole build'] for r in results[(n, case)]) / base:.2f}x"
                    for n in names[1:]))


if __name__ == "__main__":
    main()
