"""Memory stays flat in corpus size: `kg extract` streams read -> extract -> write.

Each run is a fresh process (bench/extract.py) whose peak RSS is
``ru_maxrss``. What may grow with the corpus is the bounded caches (word
features, folded texts, the sentence memo: about 25 MB when all are full);
anything kept per article (Docs, extractions, a list of the input) grows
without end. The bounds are in megabytes, not a share of the start: the
process starts at about 75 MB since it no longer imports underthesea, so
a share would loosen or tighten with unrelated start-up work.

The default run compares 200 with 1,000 articles: more than 5 MB of growth,
that is retaining ~6 KB or more per article (a Doc or an Extraction each),
fails it, and it runs in about 20 s. 20,000 articles take minutes at real
extraction speed, so that run is ``slow``: more than 30 MB of growth, about
1.5 KB per article beyond the caches, fails it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import synthetic_article, write_synthetic_corpus
from extract import has_engine, run

MODE = "kg" if has_engine() else "nlp"


def _peak_mb(tmp_path: Path, count: int) -> float:
    corpus = write_synthetic_corpus(tmp_path / f"corpus-{count}", count)
    result = run(MODE, corpus, workers=1)
    assert result["lines"] == count
    return result["peak_mb"]


def test_memory_synthetic_articles_differ_and_have_dates():
    texts = {synthetic_article(i) for i in range(200)}
    assert len(texts) == 200
    assert all(t.startswith(" date 20") for t in texts)


def test_memory_flat_200_vs_1000(tmp_path):
    small, large = _peak_mb(tmp_path, 200), _peak_mb(tmp_path, 1_000)
    assert large - small <= 5, f"peak RSS {small:.0f} MB for 200 articles, {large:.0f} MB for 1,000"


@pytest.mark.slow
def test_memory_flat_200_vs_20000(tmp_path, request):
    markexpr = request.config.option.markexpr or ""
    if "slow" not in markexpr or "not slow" in markexpr:
        pytest.skip("minutes long: run with -m slow")
    small, large = _peak_mb(tmp_path, 200), _peak_mb(tmp_path, 20_000)
    assert large - small <= 30, f"peak RSS {small:.0f} MB for 200 articles, {large:.0f} MB for 20,000"
