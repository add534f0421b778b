"""Issue 10: relations and their dates on realstyle (../shared/eval/realstyle) stay at the issue's bars.

Entities and positions there belong to the names work; their bars are where they stand today.
"""

import pytest

from tests.test_issue3_seeds import SHARED, _check

REALSTYLE = SHARED / "eval" / "realstyle"


@pytest.mark.slow
def test_issue10_realstyle_relations_and_dates_meet_the_bars():
    if not (REALSTYLE / "gold.jsonl").is_file():
        pytest.skip("shared/eval/realstyle is not present")
    _check(REALSTYLE / "gold.jsonl", REALSTYLE, {"relations": 0.85, "entities": 0.85, "positions": 0.85}, dates=0.8)
