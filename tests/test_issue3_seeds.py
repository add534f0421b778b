"""Issue 3 regression: the seeds (../shared), data/gold.jsonl and the held-out sets stay above their bars."""

import json
from pathlib import Path

import pytest

from kg.evaluate import score_records
from kg.extract.record import to_record
from kg.ingest import read_articles
from kg.runner import extract_article

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


# Regression guards on the held-out sets (tests/data/README.md): bars at what the
# extractors reached, rounded down to 0.05. Sets 1 to 4 were tuned on after their
# first, unseen scoring; heldout5 never was, so its bars are the honest estimate for
# unseen articles (relations below the issue's 0.85: the gap left to close).
HELDOUT_BARS = {
    "heldout": ({"entities": 0.9, "positions": 0.95, "relations": 0.9}, 0.9),
    "heldout2": ({"entities": 0.85, "positions": 0.85, "relations": 0.9}, 0.9),
    "heldout3": ({"entities": 0.95, "positions": 0.95, "relations": 0.95}, 0.85),
    "heldout4": ({"entities": 0.85, "positions": 0.95, "relations": 0.95}, 0.9),
    "heldout5": ({"entities": 0.9, "positions": 0.85, "relations": 0.7}, 0.85),
    "heldout6": ({"entities": 0.85, "positions": 0.9, "relations": 0.7}, 0.8),
    "heldout7": ({"entities": 0.9, "positions": 0.9, "relations": 0.83}, 0.75),
    # written blind to imitate real reporting; scored before and after issues 10 and 11, never tuned on
    "heldout8": ({"entities": 0.9, "positions": 0.9, "relations": 0.75}, 0.75),
}


@pytest.mark.parametrize("name", sorted(HELDOUT_BARS))
def test_issue3_heldout_gold_meets_its_bars(name: str) -> None:
    heldout = ROOT / "tests" / "data" / name
    if not (heldout / "gold.jsonl").is_file():
        pytest.skip(f"tests/data/{name} is not present")
    bars, dates = HELDOUT_BARS[name]
    _check(heldout / "gold.jsonl", heldout, bars, dates=dates)


def test_issue11_realstyle_names_and_offices_meet_the_bars():
    """Issue 11: names and offices as real reporting writes them (../shared/eval/realstyle, when present)."""
    realstyle = SHARED / "eval" / "realstyle"
    if not (realstyle / "gold.jsonl").is_file():
        pytest.skip("shared/eval/realstyle is not present")
    _check(realstyle / "gold.jsonl", realstyle, {"entities": 0.9, "positions": 0.9, "relations": 0.7}, dates=0.5)
