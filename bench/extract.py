"""Benchmark: `kg extract` with 1 and 2 workers against the yardstick, side by side.

The yardstick is what a naive extractor does at the least: underthesea
``ner()`` on every sentence. Each contender runs in its own fresh Python
process (model loading included, as a user sees it) over the same corpus and
reports wall time and peak RSS (the process and its worker processes).

    .venv/bin/python bench/extract.py                       # 200 articles (data/ + seeds), best of 3
    .venv/bin/python bench/extract.py --articles 400 --memory 200,20000

Modes: ``kg`` is the real ``kg extract`` command (JSONL written); ``nlp`` is
the same pipeline with no extractors (``kg.nlp.parse`` only): it is used
when the extraction engine is absent, and reported as an extra row.

``--memory A,B`` also runs one-worker `kg extract` on synthetic corpora of A
and B short articles and prints the two peak RSS figures (flat memory).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import replicate_corpus, vary_corpus, write_synthetic_corpus

from kg.nlp.sentence_memo import CAPACITY_VAR

SEEDS = ROOT.parent / "shared" / "seeds"

# Run in a fresh interpreter; prints one JSON line. RUSAGE_SELF covers the
# in-process run, RUSAGE_CHILDREN the worker processes (their largest).
_CHILD = r"""
import json, resource, sys, threading, time
start = time.perf_counter()
tree_peak = [0]
worker_cpu = {}
def sample():  # workers are not our children (forkserver): sum over the tree, PSS if we can
    try:
        import psutil
    except ImportError:
        return
    me = psutil.Process()
    while True:
        began = time.thread_time()
        total = 0
        for proc in [me] + me.children(recursive=True):
            try:
                try:  # proportional set size: pages shared by the workers counted once
                    total += proc.memory_full_info().pss
                except (AttributeError, psutil.AccessDenied):
                    total += proc.memory_info().rss
                if proc.pid != me.pid:
                    worker_cpu[proc.pid] = sum(proc.cpu_times()[:2])
            except psutil.Error:
                pass
        tree_peak[0] = max(tree_peak[0], total)
        # reading smaps for PSS costs milliseconds per process: at most 1% of a core, or with
        # two workers on two cores the sampler itself would slow them
        time.sleep(max(0.05, 100 * (time.thread_time() - began)))
threading.Thread(target=sample, daemon=True).start()
mode, corpus, out, workers = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
if mode == "yardstick":
    from underthesea import ner
    from kg.ingest import read_articles
    from kg.nlp import split_sentences
    with open(out, "w", encoding="utf-8") as f:
        for article in read_articles([corpus]):
            tags = [ner(article.text[s:e]) for s, e in split_sentences(article.text)]
            f.write(json.dumps({"id": article.id, "words": sum(map(len, tags))}) + "\n")
elif mode == "kg":
    from kg.cli import main
    try:
        main(["-q", "extract", corpus, "-o", out, "--force", "--workers", str(workers)])
    except SystemExit as done:
        if done.code:
            raise
else:  # "nlp": the pipeline without extractors (before the extraction engine exists)
    from kg.ingest import read_articles
    from kg.runner import _doc_only, extract_articles
    with open(out, "w", encoding="utf-8") as f:
        for extraction in extract_articles(read_articles([corpus]), workers=workers,
                                           extract_fn=_doc_only):
            f.write(json.dumps({"id": extraction.article.id}) + "\n")
seconds = time.perf_counter() - start
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"seconds": seconds, "self_mb": self_kb / 1024, "children_mb": children_kb / 1024,
                  "tree_mb": tree_peak[0] / 2**20,
                  "cpu_s": usage.ru_utime + usage.ru_stime + sum(worker_cpu.values())}))
"""


def has_engine() -> bool:
    """True once ``kg extract`` has an extraction engine to run."""
    import importlib.util

    return (importlib.util.find_spec("kg.extract.engine") is not None
            and importlib.util.find_spec("kg.extract.record") is not None)


def run(mode: str, corpus: Path, *, workers: int = 1, sentence_memo: bool = True) -> dict:
    """Run one contender in a fresh process: seconds and peak RSS (MB).

    ``sentence_memo=False`` runs kg with ``kg.nlp.sentence_memo`` off, as on text
    that never repeats a sentence.
    """
    env = dict(os.environ)
    if not sentence_memo:
        env[CAPACITY_VAR] = "0"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.jsonl"
        proc = subprocess.run([sys.executable, "-c", _CHILD, mode, str(corpus), str(out), str(workers)],
                              capture_output=True, text=True, cwd=ROOT, check=False, env=env)
        if proc.returncode:
            raise RuntimeError(f"{mode} failed:\n{proc.stderr[-3000:]}")
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        result["lines"] = sum(1 for _ in out.open(encoding="utf-8"))
    # One worker: the exact peak of the process. More: the sampled peak of the
    # summed PSS of the process, its forkserver and workers (shared pages split).
    result["peak_mb"] = result["self_mb"] if workers == 1 else max(result["tree_mb"], result["self_mb"])
    return result


def corpus_size(corpus: Path) -> tuple[int, int]:
    """(articles, characters of normalized article text) as kg reads them."""
    from kg.ingest import read_articles

    articles = chars = 0
    for article in read_articles([corpus]):
        articles += 1
        chars += len(article.text)
    return articles, chars


def _sources() -> list[Path]:
    sources = sorted((ROOT / "data").glob("*.txt")) + sorted((ROOT / "tests" / "data").glob("heldout*/*.txt"))
    if SEEDS.is_dir():
        sources += sorted(SEEDS.glob("*.txt"))
    return sources


def build_corpus(directory: Path, count: int) -> Path:
    """Every article we wrote (data/ and the held-out sets) and the seeds, replicated to ``count``.

    The more distinct articles, the fewer repeats: word caches see each
    text about four times in 200 articles rather than twelve.
    """
    return replicate_corpus(_sources(), directory, count)


def build_distinct_corpus(directory: Path, count: int) -> Path:
    """The same articles, each copy with other names, countries, days and figures: no text repeats."""
    return vary_corpus(_sources(), directory, count)


def startup_table(corpus: Path, *, repeat: int = 5) -> str:
    """`kg extract` on one short article, start to finish, beside `import underthesea` alone."""
    one = min(corpus.glob("*.txt"), key=lambda p: p.stat().st_size)
    commands = {
        "kg extract, one short article": [sys.executable, "-m", "kg", "-q", "extract", str(one)],
        "python -c 'import underthesea' (what kg once imported)": [sys.executable, "-c", "import underthesea"],
        "python -c 'pass'": [sys.executable, "-c", "pass"],
    }
    best = {name: min(_wall(command) for _ in range(repeat)) for name, command in commands.items()}
    lines = [f"one article of {one.stat().st_size:,} bytes; best of {repeat}", "",
             "| command | seconds |", "|---|---:|"]
    lines += [f"| {name} | {seconds:.2f} |" for name, seconds in best.items()]
    return "\n".join(lines)


def _wall(command: list[str], **kwargs: object) -> float:
    import time

    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, **kwargs)  # type: ignore[call-overload]
    return time.perf_counter() - start


_STALE_DIGESTS = """
import sys
from kg.store import EmbeddedStore
with EmbeddedStore(sys.argv[1]) as store:
    store.update('PREFIX vnkg: <https://vnkg.org/ontology#> DELETE { GRAPH ?g { ?a vnkg:factsDigest ?d } } '
                 'INSERT { GRAPH ?g { ?a vnkg:factsDigest "stale" } } WHERE { GRAPH ?g { ?a vnkg:factsDigest ?d } }')
"""


def _cpu_and_wall(command: list[str]) -> tuple[float, float]:
    """CPU seconds (user + system, the child and its workers) and wall seconds of one run."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = _wall(command)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, wall


def rebuild_table(corpus: Path, workdir: Path, *, repeat: int = 2) -> str:
    """`kg build --force` of the corpus into its own store: parse cache cold (empty) against warm.

    Two cases: the rules unchanged (every article comes out as stored, so none is rewritten),
    and every article changed (the stored digests are spoilt before the run, so the store
    replaces every article, as after a rule change that touches them all).
    """
    store, warm = workdir / "rebuild-store", workdir / "warm-cache"
    kg = [sys.executable, "-m", "kg", "-q", "build", str(corpus), "--store", str(store), "--workers", "1"]
    spoil = [sys.executable, "-c", _STALE_DIGESTS, str(store)]
    _wall(kg + ["--parse-cache", str(warm)])  # the first build fills the warm cache
    runs: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for attempt in range(repeat):
        for case in ("unchanged", "every article changed"):
            for cache in ("cold", "warm"):
                if case != "unchanged":
                    _wall(spoil)
                folder = warm if cache == "warm" else workdir / f"cold-{attempt}-{len(runs)}"
                cpu, wall = _cpu_and_wall(kg + ["--force", "--parse-cache", str(folder)])
                runs.setdefault((case, cache), []).append((cpu, wall))
                print(f"  rebuild, {case}, {cache} cache: {cpu:.1f} s CPU, {wall:.1f} s wall", file=sys.stderr)
    articles, _ = corpus_size(corpus)
    lines = [f"kg build --force of {articles} articles, one worker, best of {repeat} (CPU: user + system)", "",
             "| articles | parse cache | CPU s | wall s | cold / warm (CPU) | cold / warm (wall) |",
             "|---|---|---:|---:|---:|---:|"]
    for case in ("unchanged", "every article changed"):
        cold_cpu, cold_wall = (min(t[k] for t in runs[(case, "cold")]) for k in (0, 1))
        warm_cpu, warm_wall = (min(t[k] for t in runs[(case, "warm")]) for k in (0, 1))
        lines.append(f"| {case} | cold (empty) | {cold_cpu:.1f} | {cold_wall:.1f} | 1.0 | 1.0 |")
        lines.append(f"| {case} | warm | {warm_cpu:.1f} | {warm_wall:.1f} | **{cold_cpu / warm_cpu:.2f}** | "
                     f"{cold_wall / warm_wall:.2f} |")
    return "\n".join(lines)


def repeated_sentence_share(corpus: Path) -> float:
    """The share of the corpus's sentence characters in sentences seen before in it."""
    from kg.ingest import read_articles
    from kg.nlp import split_sentences

    seen: set[str] = set()
    total = repeated = 0
    for article in read_articles([str(corpus)]):
        for start, end in split_sentences(article.text):
            sentence = article.text[start:end]
            total += len(sentence)
            if sentence in seen:
                repeated += len(sentence)
            seen.add(sentence)
    return repeated / total if total else 0.0


def speed_table(corpus: Path, *, mode: str, repeat: int = 1, sentence_memo: bool = True) -> list[dict]:
    """Each contender ``repeat`` times, round robin; the best time of each is kept.

    Other jobs share the machine: the fastest run is the one they disturbed
    least, and going round robin spreads their bursts over all contenders.
    """
    articles, chars = corpus_size(corpus)
    contenders = [("yardstick: underthesea ner() per sentence", "yardstick", 1),
                  (f"kg extract --workers 1 ({mode})", mode, 1),
                  (f"kg extract --workers 2 ({mode})", mode, 2)]
    if mode == "kg":  # where the time goes: the NLP layer alone, no extractors
        contenders.append(("kg NLP layer only, 1 worker", "nlp", 1))
    best: dict[str, dict] = {}
    for _ in range(repeat):
        for name, kind, workers in contenders:
            result = run(kind, corpus, workers=workers, sentence_memo=sentence_memo)
            if result["lines"] != articles:
                raise RuntimeError(f"{name}: {result['lines']} output lines for {articles} articles")
            print(f"  {name}: {result['seconds']:.1f} s", file=sys.stderr)
            kept = best.setdefault(name, {"name": name, "seconds": result["seconds"], "peak_mb": 0.0,
                                          "runs": [], "cpu_s": result["cpu_s"]})
            if result["seconds"] <= kept["seconds"]:
                kept["seconds"], kept["cpu_s"] = result["seconds"], result["cpu_s"]
            kept["peak_mb"] = max(kept["peak_mb"], result["peak_mb"])
            kept["runs"].append(result["seconds"])
    rows = [best[name] for name, _, _ in contenders]
    for row in rows:
        row["chars_s"] = chars / row["seconds"]
        row["articles_s"] = articles / row["seconds"]
    return rows


def format_speed(rows: list[dict], *, articles: int, chars: int) -> str:
    base, one = rows[0]["chars_s"], rows[1]["chars_s"]
    lines = [f"{articles} articles, {chars:,} characters; best of {len(rows[0]['runs'])} runs",
             "",
             ("| run | seconds | chars/s | articles/s | × yardstick | × 1 worker | CPU s | peak RSS MB "
              "| all runs (s) |"),
             "|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for row in rows:
        runs = ", ".join(f"{t:.1f}" for t in row["runs"])
        lines.append(f"| {row['name']} | {row['seconds']:.1f} | {row['chars_s']:,.0f} | "
                     f"{row['articles_s']:.1f} | {row['chars_s'] / base:.1f} | "
                     f"{row['chars_s'] / one:.2f} | {row['cpu_s']:.1f} | {row['peak_mb']:.0f} | {runs} |")
    return "\n".join(lines)


def memory_table(sizes: list[int], *, mode: str, workdir: Path) -> str:
    lines = ["| synthetic articles | characters | seconds | peak RSS MB |", "|---:|---:|---:|---:|"]
    peaks = []
    for size in sizes:
        corpus = write_synthetic_corpus(workdir / f"synthetic-{size}", size)
        _, chars = corpus_size(corpus)
        result = run(mode, corpus, workers=1)
        peaks.append(result["peak_mb"])
        lines.append(f"| {size:,} | {chars:,} | {result['seconds']:.1f} | {result['peak_mb']:.0f} |")
        print(f"  memory {size}: {result['peak_mb']:.0f} MB", file=sys.stderr)
    lines.append("")
    lines.append(f"largest / smallest peak RSS: {peaks[-1] / peaks[0]:.3f}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200, help="corpus size (replicated articles)")
    parser.add_argument("--corpus", type=Path, help="use this directory instead of replicating")
    parser.add_argument("--memory", default="", help="synthetic sizes for the memory figure, e.g. 200,20000")
    parser.add_argument("--nlp-only", action="store_true", help="pipeline without extractors")
    parser.add_argument("--no-speed", action="store_true", help="only the memory figure")
    parser.add_argument("--repeat", type=int, default=3, help="runs per contender; the best is kept")
    parser.add_argument("--distinct", action="store_true",
                        help="also the speed table on a corpus where no article repeats")
    parser.add_argument("--startup", action="store_true", help="also kg extract on one short article")
    parser.add_argument("--rebuild", type=int, default=0, metavar="N",
                        help="also a --force rebuild of N articles, parse cache cold against warm")
    args = parser.parse_args()
    mode = "nlp" if args.nlp_only or not has_engine() else "kg"
    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus or build_corpus(Path(tmp) / "corpus", args.articles)
        if not args.no_speed:
            articles, chars = corpus_size(corpus)
            print(f"repeated corpus: {repeated_sentence_share(corpus):.0%} of its sentence characters "
                  "repeat an earlier sentence; kg's sentence memo on")
            print(format_speed(speed_table(corpus, mode=mode, repeat=args.repeat),
                              articles=articles, chars=chars))
            print()
        if args.distinct:
            distinct = build_distinct_corpus(Path(tmp) / "distinct", args.articles)
            articles, chars = corpus_size(distinct)
            print(f"distinct corpus (no article repeats; {repeated_sentence_share(distinct):.0%} of its "
                  "sentence characters repeat an earlier sentence, so kg's sentence memo is off):")
            print(format_speed(speed_table(distinct, mode=mode, repeat=args.repeat, sentence_memo=False),
                              articles=articles, chars=chars))
            print()
        if args.startup:
            print(startup_table(corpus))
            print()
        if args.rebuild:
            print(rebuild_table(build_distinct_corpus(Path(tmp) / "rebuild", args.rebuild), Path(tmp)))
            print()
        if args.memory:
            sizes = [int(s) for s in args.memory.split(",")]
            print(memory_table(sizes, mode=mode, workdir=Path(tmp)))


if __name__ == "__main__":
    main()
