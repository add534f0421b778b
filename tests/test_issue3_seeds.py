"""Issue 3 regression: the seeds (../shared) and data/gold.jsonl stay above the bars."""

import json
from pathlib import Path

import pytest

from kg.evaluate import score_records
from kg.extract.pipeline import extract_article
from kg.extract.record import to_record
from kg.ingest import read_articles

ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared"
BARS = {"relations": 0.85, "positions": 0.9, "entities": 0.85}


def _check(gold_path: Path, articles_dir: Path, bars: dict[str, float] = BARS, dates: float = 0.8) -> None:
    gold = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            gold[str(obj["id"])] = obj
    pred = {}
    for article in read_articles([articles_dir]):
        if article.id in gold:
            pred[article.id] = to_record(extract_article(article))
    report = score_records(gold, pred)
    for kind, bar in bars.items():
        assert report[kind]["f1"] >= bar, (kind, report[kind])
    if report["dates"]["of"]:
        assert report["dates"]["share"] >= dates, report["dates"]


def test_issue3_seeds_meet_the_bars():
    gold, seeds = SHARED / "eval" / "dev.jsonl", SHARED / "seeds"
    if not gold.is_file() or not seeds.is_dir():
        pytest.skip("shared/ seeds are not present")
    _check(gold, seeds)


def test_issue3_data_gold_meets_the_bars():
    gold = ROOT / "data" / "gold.jsonl"
    if not gold.is_file():
        pytest.skip("data/gold.jsonl is not present")
    _check(gold, ROOT / "data")


def test_issue3_heldout_gold_meets_the_bars():
    """A regression guard on the 8 held-out articles, at what the extractor reached (rounded down to 0.05)."""
    heldout = ROOT / "tests" / "data" / "heldout"
    if not (heldout / "gold.jsonl").is_file():
        pytest.skip("tests/data/heldout is not present")
    _check(heldout / "gold.jsonl", heldout, {"entities": 0.9, "positions": 0.95, "relations": 0.9}, dates=0.9)


def test_issue3_heldout2_gold_meets_the_bars():
    """A regression guard on the second held-out set (8 articles, 3 long), at what was reached, rounded down to 0.05."""
    heldout = ROOT / "tests" / "data" / "heldout2"
    if not (heldout / "gold.jsonl").is_file():
        pytest.skip("tests/data/heldout2 is not present")
    _check(heldout / "gold.jsonl", heldout, {"entities": 0.85, "positions": 0.85, "relations": 0.9}, dates=0.9)


def test_issue3_heldout3_gold_meets_the_bars():
    """A regression guard on the third held-out set (6 articles, 2 long), at what was reached, rounded down to 0.05."""
    heldout = ROOT / "tests" / "data" / "heldout3"
    if not (heldout / "gold.jsonl").is_file():
        pytest.skip("tests/data/heldout3 is not present")
    _check(heldout / "gold.jsonl", heldout, {"entities": 0.95, "positions": 0.95, "relations": 0.95}, dates=0.85)


def test_issue3_heldout4_gold_meets_the_bars():
    """A regression guard on the fourth held-out set (6 articles, 2 long), at what was reached, rounded down to 0.05."""
    heldout = ROOT / "tests" / "data" / "heldout4"
    if not (heldout / "gold.jsonl").is_file():
        pytest.skip("tests/data/heldout4 is not present")
    _check(heldout / "gold.jsonl", heldout, {"entities": 0.85, "positions": 0.95, "relations": 0.95}, dates=0.9)


def test_issue3_heldout5_gold_meets_the_bars():
    """A guard on the fifth held-out set, never tuned on: the honest estimate for unseen articles.

    Its bars are what the extractors reached when it was first scored, rounded down to 0.05;
    relations sit below the issue's 0.85, which is the gap left to close on unseen text.
    """
    heldout = ROOT / "tests" / "data" / "heldout5"
    if not (heldout / "gold.jsonl").is_file():
        pytest.skip("tests/data/heldout5 is not present")
    _check(heldout / "gold.jsonl", heldout, {"entities": 0.9, "positions": 0.85, "relations": 0.7}, dates=0.85)
