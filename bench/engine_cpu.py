"""Benchmark: CPU seconds of the extraction engine alone here against the same at other git revisions.

Like ``bench/nlp_cpu.py`` (whose helpers it uses), with the NLP taken out:
each contender parses the corpus (the articles of data/ and tests/data) once
in its own process, then ``extract_article`` reads those parses, so a pass
times mentions, coreference, dates, offices and relations only. Passes are
made in turns, timed with ``time.process_time()``; the ratio reported is the
median of the rounds' ratios.

    .venv/bin/python bench/engine_cpu.py 08df57a --rounds 9
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from nlp_cpu import CORPUS, ROOT, _export, _ready, _timed_pass

_CHILD = r"""
import sys, time
import kg
import kg.nlp
from kg.ingest import read_articles
from kg.extract.pipeline import extract_article
try:
    from kg.nlp.cache import use_parse_cache
    use_parse_cache(None)
except ImportError:  # a revision before the parse cache
    pass
articles = list(read_articles(sys.argv[1:]))
docs = {article.id: kg.nlp.parse(article) for article in articles}
kg.nlp.parse = lambda article: docs[article.id]  # the pipeline imports parse when it runs
for article in articles:  # warm-up: lexicons, memos
    extract_article(article)
print("ready", kg.__file__, len(articles), sum(len(a.text) for a in articles), flush=True)
for _ in sys.stdin:
    start = time.process_time()
    for article in articles:
        extract_article(article)
    print(time.process_time() - start, flush=True)
"""


def _start(source: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(source))
    return subprocess.Popen([sys.executable, "-c", _CHILD, *map(str, CORPUS)], env=env, cwd=source,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="*", default=["HEAD"], help="git revisions to compare with")
    parser.add_argument("--rounds", type=int, default=7, help="timed passes per contender, in turns")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="engine_cpu_") as folder:
        sources = {"current tree": ROOT}
        sources.update({rev: _export(rev, Path(folder)) for rev in args.revisions})
        children = {name: _start(source) for name, source in sources.items()}
        corpora = [_ready(child, sources[name]) for name, child in children.items()]
        seconds: dict[str, list[float]] = {name: [] for name in children}
        for _ in range(args.rounds):
            for name, child in children.items():
                seconds[name].append(_timed_pass(child))
            print("  " + ", ".join(f"{name} {times[-1]:.3f}" for name, times in seconds.items()), file=sys.stderr)
        for child in children.values():
            child.communicate()
    print(f"{corpora[0]}; engine CPU seconds of a pass over {args.rounds} rounds")
    mine = seconds["current tree"]
    for name, times in seconds.items():
        ratio = statistics.median(theirs / ours for theirs, ours in zip(times, mine, strict=False))
        print(f"{name:>14}: median {statistics.median(times):.3f} s, best {min(times):.3f} s; "
              f"median ratio to the current tree {ratio:.2f}x")


if __name__ == "__main__":
    main()
