"""kg.runner: same extractions in the same order with any number of workers."""

from __future__ import annotations

import dataclasses
import sys

import pytest

# Worker processes unpickle extract functions by module name, which pytest's
# importlib mode does not give test modules: they live in a plain module.
from runner_fns import (
    echo,
    fail_on_odd,
    fail_unpicklable,
    make_articles,
    ner_entities,
    wait_for_later_articles,
)

from kg.errors import InputError, MissingDependencyError
from kg.runner import BATCH_ARTICLES, HELD_PER_WORKER, WINDOW_PER_WORKER, extract_articles

_articles = make_articles


def _executor(workers: int) -> str:
    return "serial" if workers == 1 else "processes"


def test_runner_small_input_skips_the_pool(monkeypatch):
    import kg.runner

    def no_pool(*args, **kwargs):
        raise AssertionError("a process pool was started")

    monkeypatch.setattr(kg.runner, "_run_processes", no_pool)
    assert len(list(extract_articles(_articles(5), workers=2, extract_fn=echo))) == 5
    with pytest.raises(AssertionError, match="pool was started"):
        list(extract_articles(_articles(BATCH_ARTICLES), workers=2, extract_fn=echo))


def test_runner_serial_keeps_order():
    articles = _articles(6)
    out = list(extract_articles(articles, extract_fn=ner_entities))
    assert [e.article.id for e in out] == [a.id for a in articles]
    assert ("Person:Phạm Minh Chính" in {ent.key for ent in out[0].entities})


def test_runner_two_workers_equal_one():
    articles = _articles(12)
    one = list(extract_articles(articles, workers=1, extract_fn=ner_entities))
    two = list(extract_articles(articles, workers=2, executor="processes", extract_fn=ner_entities))
    assert two == one


def test_runner_mention_offsets_slice_back():
    for extraction in extract_articles(_articles(4), extract_fn=ner_entities):
        for ent in extraction.entities:
            for mention in ent.mentions:
                assert extraction.article.text[mention.start:mention.end] == mention.text


def test_runner_reads_input_lazily_with_bounded_window():
    pulled = 0

    def counting(n):
        nonlocal pulled
        for article in _articles(n):
            pulled += 1
            yield article

    workers = 2
    bound = (HELD_PER_WORKER * workers + 1) * BATCH_ARTICLES
    yielded = 0
    for _extraction in extract_articles(counting(3000), workers=workers, extract_fn=echo):
        yielded += 1
        assert pulled - yielded <= bound
    assert yielded == pulled == 3000


def test_runner_slow_first_batch_leaves_no_worker_idle(tmp_path):
    """Results are yielded in order, but while the first batch is still at work the other worker
    goes on with more batches than the in-flight window holds."""
    import hashlib

    from kg.model import Article

    workers = 2
    later = BATCH_ARTICLES - 1 + BATCH_ARTICLES * (WINDOW_PER_WORKER * workers + 1)  # beyond the window
    articles = [Article(id="a00000", text=str(later), published=None, source=str(tmp_path), content_hash="0")]
    articles += [Article(id=f"a{i:05d}", text="x", published=None, source=str(tmp_path),
                         content_hash=hashlib.sha256(str(i).encode()).hexdigest())
                 for i in range(1, BATCH_ARTICLES * (HELD_PER_WORKER * workers))]
    out = list(extract_articles(articles, workers=workers, executor="processes", extract_fn=wait_for_later_articles))
    assert [e.article.id for e in out] == [a.id for a in articles]
    assert int(out[0].extractors[0]) >= later


@pytest.mark.parametrize("workers", [1, 2])
def test_runner_error_raised_in_order(workers):
    got = []
    with pytest.raises(ValueError, match="odd article a00001"):
        for extraction in extract_articles(_articles(5), workers=workers, executor=_executor(workers),
                                           extract_fn=fail_on_odd):
            got.append(extraction.article.id)
    assert got == ["a00000"]


@pytest.mark.parametrize("workers", [1, 2])
def test_runner_on_error_skips_and_reports(workers):
    failed = []
    out = list(extract_articles(_articles(5), workers=workers, executor=_executor(workers),
                                extract_fn=fail_on_odd, on_error=failed.append))
    assert [e.article.id for e in out] == ["a00000", "a00002", "a00004"]
    assert [type(err) for err in failed] == [InputError, InputError]
    assert [err.path for err in failed] == ["a00001", "a00003"]
    assert [err.reason for err in failed] == [
        f"extraction failed (ValueError: odd article {n}); article {n!r} skipped" for n in ("a00001", "a00003")]
    assert isinstance(failed[0].__cause__, ValueError)


def test_runner_unpicklable_error_from_worker_keeps_message():
    with pytest.raises(RuntimeError, match="bad article"):
        list(extract_articles(_articles(2), workers=2, executor="processes", extract_fn=fail_unpicklable))


def test_runner_rejects_bad_options():
    with pytest.raises(ValueError, match="at least 1"):
        list(extract_articles(_articles(1), workers=0, extract_fn=echo))
    with pytest.raises(ValueError, match="Available: serial, processes, dask"):
        list(extract_articles(_articles(1), executor="spark", extract_fn=echo))


def test_runner_missing_dask_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(MissingDependencyError, match=r"vnkg\[dask\]"):
        list(extract_articles(_articles(1), executor="dask", extract_fn=echo))


def test_runner_extractions_pickle():
    import pickle

    out = list(extract_articles(_articles(2), extract_fn=ner_entities))
    assert pickle.loads(pickle.dumps(out)) == out
    assert dataclasses.is_dataclass(out[0])


def test_runner_real_extraction_two_workers_equal_one():
    articles = _articles(8)
    two = list(extract_articles(articles, workers=2, executor="processes"))
    assert two == list(extract_articles(articles, workers=1))
