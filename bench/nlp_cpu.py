"""Benchmark: CPU seconds of ``kg.nlp.parse`` here against the same at other git revisions.

Each contender parses the same fixed corpus (the articles of data/ and
tests/data, the parse cache off) in its own Python process, all of them
started together: once to warm up (models loaded, memos filled), then one
timed pass each in turn, ``--rounds`` times, each timed with
``time.process_time()``. On a machine busy with other jobs CPU time still
drifts by 10-20% from minute to minute, so each round compares passes made
within seconds of each other, and the ratio reported is the median of the
rounds' ratios. A revision's ``kg`` is taken with ``git archive`` into a
temporary folder put first on ``PYTHONPATH``.

    .venv/bin/python bench/nlp_cpu.py                       # against HEAD
    .venv/bin/python bench/nlp_cpu.py f0c85ff 24e5f2d --rounds 9
    .venv/bin/python bench/nlp_cpu.py 08df57a --stage engine   # the extraction engine alone
    .venv/bin/python bench/nlp_cpu.py 3bf8b0a --stage engine --distinct 200   # on fresh text

``--stage engine`` times the engine (``extract_doc``) on parses made once in the
warm-up (the engine without the NLP); ``--stage both`` the whole of it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = [ROOT / "data", ROOT / "tests" / "data"]

# Run in a fresh interpreter with the contender's kg first on the path: prints "ready" after
# the warm-up, then the CPU seconds of one pass for each line read.
_CHILD = r"""
import sys, time
import kg
import kg.nlp
from kg.ingest import read_articles
from kg.nlp import parse
try:
    from kg.nlp.cache import use_parse_cache
    use_parse_cache(None)
except ImportError:  # a revision before the parse cache
    pass
stage = sys.argv[1]
articles = list(read_articles(sys.argv[2:]))
docs = {article.id: parse(article) for article in articles}  # warm-up: models, memos
work = parse
if stage != "nlp":
    try:  # since the stages work of issue 15 the engine takes a Doc
        from kg.extract import extract_doc
        if stage == "engine":
            work = lambda article: extract_doc(docs[article.id])
        else:
            work = lambda article: extract_doc(parse(article))
    except ImportError:  # a revision whose pipeline parses by itself
        from kg.extract.pipeline import extract_article
        work = extract_article
        if stage == "engine":  # the pipeline asks kg.nlp.parse at each call: give it the warm-up's parses
            kg.nlp.parse = lambda article: docs[article.id]
    for article in articles:
        work(article)
print("ready", kg.__file__, len(articles), sum(len(a.text) for a in articles), flush=True)
for _ in sys.stdin:
    start = time.process_time()
    for article in articles:
        work(article)
    print(time.process_time() - start, flush=True)
"""


def _export(revision: str, folder: Path) -> Path:
    """The ``kg`` package at ``revision``, unpacked under ``folder``."""
    target = folder / revision
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "kg"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def _start(source: Path, stage: str, corpus: list[Path]) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(source))
    return subprocess.Popen([sys.executable, "-c", _CHILD, stage, *map(str, corpus)], env=env, cwd=source,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def _ready(child: subprocess.Popen[str], source: Path) -> str:
    """Wait for the warm-up; the corpus it read, as a phrase."""
    assert child.stdout is not None
    _, module, articles, characters = child.stdout.readline().split()
    if not module.startswith(str(source)):
        raise RuntimeError(f"ran the kg at {module}, not the one in {source}")
    return f"{articles} articles, {int(characters):,} characters"


def _timed_pass(child: subprocess.Popen[str]) -> float:
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write("go\n")
    child.stdin.flush()
    return float(child.stdout.readline())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="*", default=["HEAD"], help="git revisions to compare with")
    parser.add_argument("--rounds", type=int, default=7, help="timed passes per contender, in turns")
    parser.add_argument("--stage", choices=("nlp", "engine", "both"), default="nlp",
                        help="kg.nlp.parse, the extraction engine on ready parses, or extract_article whole")
    parser.add_argument("--distinct", type=int, default=0, metavar="N",
                        help="instead of data/ and tests/data, N articles of bench/extract.py's distinct corpus")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nlp_cpu_") as folder:
        corpus = CORPUS
        if args.distinct:
            from extract import build_distinct_corpus  # bench/extract.py, beside this file

            corpus = [build_distinct_corpus(Path(folder) / "distinct", args.distinct)]
        sources = {"current tree": ROOT}
        sources.update({rev: _export(rev, Path(folder)) for rev in args.revisions})
        children = {name: _start(source, args.stage, corpus) for name, source in sources.items()}
        corpora = [_ready(child, sources[name]) for name, child in children.items()]  # all warm
        seconds: dict[str, list[float]] = {name: [] for name in children}
        for _ in range(args.rounds):
            for name, child in children.items():
                seconds[name].append(_timed_pass(child))
            print("  " + ", ".join(f"{name} {times[-1]:.3f}" for name, times in seconds.items()), file=sys.stderr)
        for child in children.values():
            child.communicate()
    print(f"{corpora[0]}; CPU seconds of a pass ({args.stage}) over {args.rounds} rounds")
    mine = seconds["current tree"]
    for name, times in seconds.items():
        ratio = statistics.median(theirs / ours for theirs, ours in zip(times, mine, strict=False))
        print(f"{name:>14}: median {statistics.median(times):.3f} s, best {min(times):.3f} s; "
              f"median ratio to the current tree {ratio:.2f}x")


if __name__ == "__main__":
    main()
