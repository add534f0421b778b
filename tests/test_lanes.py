"""kg.lanes: a text met again goes to the worker that had it, unless another worker is idler."""

from __future__ import annotations

import threading
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest
from runner_fns import echo, make_articles, worker_pid

from kg.ingest import read_article_text
from kg.lanes import Lanes
from kg.model import Article
from kg.runner import extract_articles


def _article(text: str, n: int) -> Article:
    return read_article_text(text, article_id=f"a{n:05d}")


@pytest.fixture
def lanes():
    pools = [ThreadPoolExecutor(max_workers=1) for _ in range(2)]
    yield Lanes(pools, slack=1, remembered=8)
    for pool in pools:
        pool.shutdown(wait=True)


def test_a_text_met_again_goes_to_the_lane_that_had_it(lanes):
    first = [lanes.lane_for([_article(f"Bài số {n}.", n)]) for n in range(4)]
    assert sorted(set(first)) == [0, 1]  # new texts are spread: lanes equally idle take turns
    for n in range(4):
        assert lanes.lane_for([_article(f"Bài số {n}.", 10 + n)]) == first[n]


def test_new_texts_go_to_the_idlest_lane(lanes):
    release = threading.Event()
    try:
        for n in range(2):  # the same text twice: both on one lane (one unfinished is within the slack)
            lanes.submit(lambda batch: release.wait(10), [_article("Bài một.", n)])
        loaded = max((0, 1), key=lambda lane: len(lanes._unfinished[lane]))
        assert len(lanes._unfinished[loaded]) == 2
        for n in range(3):
            assert lanes.lane_for([_article(f"Bài mới {n}.", 10 + n)]) != loaded
    finally:
        release.set()


def test_balance_wins_over_affinity(lanes):
    release = threading.Event()
    text = "Thủ tướng thăm Nhật Bản."
    owner = lanes.lane_for([_article(text, 0)])
    for _ in range(3):  # three unfinished batches on the owner's lane
        future = lanes.executors[owner].submit(release.wait, 10)
        lanes._unfinished[owner].append(future)
    try:
        assert lanes.lane_for([_article(text, 1)]) != owner
    finally:
        release.set()


def test_the_lanes_remember_a_bounded_number_of_texts(lanes):
    for n in range(50):
        lanes.lane_for([_article(f"Văn bản {n}.", n)])
    assert len(lanes._owners) == lanes.remembered


def test_routing_never_changes_the_results():
    articles = make_articles(200)
    serial = [e.extractors for e in extract_articles(articles, workers=1, extract_fn=echo)]
    routed = [e.extractors for e in extract_articles(articles, workers=2, executor="processes", extract_fn=echo)]
    assert routed == serial


def test_two_workers_extract_a_repeated_text_mostly_in_one_place():
    """Six long texts over and over (a batch each): each is extracted in (almost) one worker process."""
    texts = [" ".join(f"Đoạn {n} câu {k}: hai bên ký bản ghi nhớ." for k in range(120)) for n in range(6)]
    articles = [read_article_text(texts[n % 6], article_id=f"a{n:05d}") for n in range(300)]
    pids: dict[str, set[int]] = defaultdict(set)
    counts: dict[tuple[str, int], int] = defaultdict(int)
    for extraction in extract_articles(articles, workers=2, executor="processes", extract_fn=worker_pid):
        pid = int(extraction.extractors[0])
        pids[extraction.article.content_hash].add(pid)
        counts[extraction.article.content_hash, pid] += 1
    assert len({pid for group in pids.values() for pid in group}) == 2  # both workers worked
    # Shares of each text's articles in the worker that had most of them: 1.0 when each text
    # stays in one place, about 0.56 on average when a shared queue hands them out at random.
    shares = [max(n for (h, _), n in counts.items() if h == content_hash) / 50 for content_hash in pids]
    assert sum(shares) / len(shares) >= 0.75, shares
