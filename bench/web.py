"""Benchmark: what reading web pages adds to a build, side by side in one run.

For each ``data/`` article rendered as a news page (tests/ingest/newssite.py),
three costs per article: reading the ``.txt`` file, reading the page with
trafilatura (``kg.ingest.html``), and extracting the article (underthesea and
the rules). Printed as ms per article and as ratios, best of ``--repeat``.
Fetching is left out: it is the network's and the ``--delay``'s time.

    .venv/bin/python bench/web.py
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "ingest")]

from newssite import STYLES, SourceArticle, render

from kg.ingest import read_articles
from kg.ingest.html import parse_html_article
from kg.runner import extract_article as extract


def _best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    paths = sorted((ROOT / "data").glob("*.txt"))
    styles = list(STYLES)
    pages = [render(SourceArticle.read(p.stem), styles[i % len(styles)], canonical=f"https://x.example.vn/{i}")
             .encode() for i, p in enumerate(paths)]
    articles = list(read_articles(paths))
    extract(articles[0])  # models loaded before timing

    txt = _best(args.repeat, lambda: list(read_articles(paths)))
    html = _best(args.repeat, lambda: [parse_html_article(page, article_id=str(i), source="bench")
                                        for i, page in enumerate(pages)])
    nlp = _best(args.repeat, lambda: [extract(article) for article in articles])
    n = len(paths)
    print(f"{n} articles, {sum(map(len, pages)) / n / 1000:.1f} kB of HTML each, best of {args.repeat}")
    print(f"  read .txt        {txt / n * 1000:8.2f} ms/article")
    print(f"  read HTML page   {html / n * 1000:8.2f} ms/article")
    print(f"  extract          {nlp / n * 1000:8.2f} ms/article")
    print(f"  HTML read / extract = {html / nlp:.3f}; HTML read / .txt read = {html / txt:.1f}")


if __name__ == "__main__":
    main()
