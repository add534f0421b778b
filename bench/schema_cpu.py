"""Benchmark: CPU seconds of extraction and of ``kg.rdf.to_quads`` here against other git revisions.

Written for issue 15's one table of predicates and entity types (``kg.model``),
which the relation finder, ``kg.ids`` and ``kg.rdf`` now read instead of their
own literals: neither stage may get slower. Each contender runs in its own
Python process, all started together, on the articles of data/ and tests/data
with a parse cache of its own (filled in the warm-up, so a pass times the
extraction rules, not underthesea). Then, ``--rounds`` times and in turns,
each makes one timed pass: every article extracted, then every extraction
turned into quads five times, each timed with ``time.process_time()``. The ratio reported
is the median of the rounds' ratios (see ``bench/nlp_cpu.py`` for why).

    .venv/bin/python bench/schema_cpu.py 08df57a --rounds 7
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from nlp_cpu import _export

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "data", ROOT / "tests" / "data"]

_CHILD = r"""
import sys, time
import kg
try:  # since the stages work of issue 15: the runner parses (through the cache), the engine takes a Doc
    from kg.runner import extract_article
except ImportError:
    from kg.extract.pipeline import extract_article
from kg.ingest import read_articles
from kg.nlp.cache import use_parse_cache
from kg.rdf import to_quads
use_parse_cache(sys.argv[1])
articles = list(read_articles(sys.argv[2:]))
extractions = [extract_article(a) for a in articles]  # warm-up: models, memos, the parse cache
quads = sum(len(to_quads(ex)) for ex in extractions)
print("ready", kg.__file__, len(articles), quads, flush=True)
for _ in sys.stdin:
    start = time.process_time()
    extractions = [extract_article(a) for a in articles]
    middle = time.process_time()
    for _ in range(5):  # a short stage: five times, so the timer's share of noise is smaller
        for ex in extractions:
            to_quads(ex)
    print(middle - start, time.process_time() - middle, flush=True)
"""


def _start(source: Path, cache: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(source))
    return subprocess.Popen([sys.executable, "-c", _CHILD, str(cache), *map(str, CORPUS)], env=env,
                            cwd=source, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def _ready(child: subprocess.Popen[str], source: Path) -> tuple[str, str]:
    assert child.stdout is not None
    _, module, articles, quads = child.stdout.readline().split()
    if not module.startswith(str(source)):
        raise RuntimeError(f"ran the kg at {module}, not the one in {source}")
    return articles, quads


def _timed_pass(child: subprocess.Popen[str]) -> tuple[float, float]:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write("go\n")
    child.stdin.flush()
    extract, rdf = child.stdout.readline().split()
    return float(extract), float(rdf)


def _report(stage: str, seconds: dict[str, list[float]]) -> None:
    mine = seconds["current tree"]
    for name, times in seconds.items():
        ratio = statistics.median(theirs / ours for theirs, ours in zip(times, mine, strict=False))
        print(f"{stage:>8} {name:>14}: median {statistics.median(times):.3f} s, best {min(times):.3f} s; "
              f"median ratio to the current tree {ratio:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="*", default=["HEAD"], help="git revisions to compare with")
    parser.add_argument("--rounds", type=int, default=7, help="timed passes per contender, in turns")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="schema_cpu_") as folder:
        sources = {"current tree": ROOT}
        sources.update({rev: _export(rev, Path(folder)) for rev in args.revisions})
        children = {name: _start(source, Path(folder) / f"cache-{i}")
                    for i, (name, source) in enumerate(sources.items())}
        corpora = {name: _ready(child, sources[name]) for name, child in children.items()}
        if len({articles for articles, _ in corpora.values()}) != 1:
            raise RuntimeError(f"the contenders read different corpora: {corpora}")
        if len({quads for _, quads in corpora.values()}) != 1:  # extraction changed on purpose in between
            print(f"note: the contenders write different numbers of quads: {corpora}", file=sys.stderr)
        extract: dict[str, list[float]] = {name: [] for name in children}
        rdf: dict[str, list[float]] = {name: [] for name in children}
        for _ in range(args.rounds):
            for name, child in children.items():
                e, r = _timed_pass(child)
                extract[name].append(e)
                rdf[name].append(r)
            print("  " + ", ".join(f"{name} {extract[name][-1]:.3f}+{rdf[name][-1]:.3f}" for name in children),
                  file=sys.stderr)
        for child in children.values():
            child.communicate()
    articles, quads = next(iter(corpora.values()))
    print(f"{articles} articles, {quads} quads; CPU seconds of a pass over {args.rounds} rounds")
    _report("extract", extract)
    _report("to_quads", rdf)


if __name__ == "__main__":
    main()
