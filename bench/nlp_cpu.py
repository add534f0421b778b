"""Benchmark: CPU seconds of ``kg.nlp.parse`` here against the same at other git revisions.

Each contender parses the same fixed corpus (the articles of data/ and
tests/data, the parse cache off) in a fresh Python process: once to warm up
(models loaded, memos filled), then ``--repeats`` times, each timed with
``time.process_time()``, which a machine busy with other jobs disturbs far
less than wall time. A revision's ``kg`` is taken with ``git archive`` into a
temporary folder put first on ``PYTHONPATH``; the contenders run in turns,
so that a change in the machine's load falls on all of them.

    .venv/bin/python bench/nlp_cpu.py                       # against HEAD
    .venv/bin/python bench/nlp_cpu.py f0c85ff 24e5f2d --rounds 3
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
CORPUS = [ROOT / "data", ROOT / "tests" / "data"]

# Run in a fresh interpreter with the contender's kg first on the path; prints one JSON line.
_CHILD = r"""
import json, sys, time
import kg
from kg.ingest import read_articles
from kg.nlp import parse
try:
    from kg.nlp.cache import use_parse_cache
    use_parse_cache(None)
except ImportError:  # a revision before the parse cache
    pass
articles = list(read_articles(sys.argv[1:-1]))
parse(articles[0])
for article in articles:  # warm-up: models, memos
    parse(article)
seconds = []
for _ in range(int(sys.argv[-1])):
    start = time.process_time()
    for article in articles:
        parse(article)
    seconds.append(time.process_time() - start)
print(json.dumps({"kg": kg.__file__, "articles": len(articles),
                  "characters": sum(len(a.text) for a in articles), "cpu": seconds}))
"""


def _export(revision: str, folder: Path) -> Path:
    """The ``kg`` package at ``revision``, unpacked under ``folder``."""
    target = folder / revision
    target.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "kg"],
                             check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)
    return target


def _run(source: Path, repeats: int) -> dict:
    env = dict(os.environ, PYTHONPATH=str(source))
    out = subprocess.run([sys.executable, "-c", _CHILD, *map(str, CORPUS), str(repeats)],
                         env=env, check=True, capture_output=True, text=True, cwd=source).stdout
    result = json.loads(out.splitlines()[-1])
    if not result["kg"].startswith(str(source)):
        raise RuntimeError(f"ran the kg at {result['kg']}, not the one in {source}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", nargs="*", default=["HEAD"], help="git revisions to compare with")
    parser.add_argument("--repeats", type=int, default=3, help="timed passes per process")
    parser.add_argument("--rounds", type=int, default=2, help="processes per contender, in turns")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nlp_cpu_") as folder:
        sources = {"current tree": ROOT}
        sources.update({rev: _export(rev, Path(folder)) for rev in args.revisions})
        best: dict[str, float] = {}
        for _ in range(args.rounds):
            for name, source in sources.items():
                result = _run(source, args.repeats)
                best[name] = min(best.get(name, float("inf")), *result["cpu"])
                print(f"  {name}: {', '.join(f'{s:.3f}' for s in result['cpu'])} s CPU", file=sys.stderr)
    print(f"{result['articles']} articles, {result['characters']:,} characters; "
          f"best CPU seconds of {args.rounds} x {args.repeats} passes")
    for name, seconds in best.items():
        print(f"{name:>14}: {seconds:.3f} s  ({seconds / best['current tree']:.2f}x the current tree)")


if __name__ == "__main__":
    main()
