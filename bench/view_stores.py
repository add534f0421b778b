"""Stores of 100, 1,000, 10,000 articles for bench/views.py: data/ extracted once, replicated and varied.

Extracting 10,000 articles takes too long for a benchmark, so data/ is
extracted once and each copy of an extraction gets a new article id, and its
dates move a week forward every ``REPORTS`` copies: each event is told by
``REPORTS`` articles (as a news day reports one state visit many times), and
the store grows with new events too. Copies go in through ``store.add``, the
same path ``kg build`` takes after extraction.

    .venv/bin/python bench/view_stores.py /tmp/vnkg-view-stores 100,1000,10000
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REPORTS = 10


def _shift(date: str | None, days: int) -> str | None:
    if not date or len(date) != 10 or not days:
        return date
    return (dt.date.fromisoformat(date) + dt.timedelta(days=days)).isoformat()


def _copy(ex, k: int, replica: int):
    """Extraction ``ex`` as article ``k``, of ``replica``: dates moved by ``replica // REPORTS`` weeks."""
    days = 7 * (replica // REPORTS)
    new_id = f"{ex.article.id}~{k:05d}"
    article = replace(ex.article, id=new_id, content_hash=f"{ex.article.content_hash}-{k}",
                      published=ex.article.published + dt.timedelta(days=days) if ex.article.published else None)

    def ev(e):
        return replace(e, article_id=new_id)

    return replace(
        ex, article=article,
        relations=tuple(replace(r, date=_shift(r.date, days), evidence=ev(r.evidence)) for r in ex.relations),
        positions=tuple(replace(p, date=_shift(p.date, days), evidence=ev(p.evidence)) for p in ex.positions),
        quantities=tuple(replace(q, evidence=ev(q.evidence)) for q in ex.quantities))


def extractions_of_data():
    from kg.ingest import read_articles
    from kg.runner import extract_articles

    return list(extract_articles(read_articles([ROOT / "data"]), workers=1))


def build_store(path: Path, count: int, base) -> Path:
    """A store at ``path`` holding ``count`` varied copies of the extractions ``base``."""
    from kg.store import open_store

    if path.exists():
        return path
    with open_store(path) as store:
        store.add(_copy(base[k % len(base)], k, k // len(base)) for k in range(count))
    return path


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/vnkg-view-stores")
    sizes = [int(s) for s in (sys.argv[2] if len(sys.argv) > 2 else "100,1000,10000").split(",")]
    base = extractions_of_data()
    for n in sizes:
        build_store(out / f"store-{n}", n, base)
        print(f"store of {n} articles at {out / f'store-{n}'}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
