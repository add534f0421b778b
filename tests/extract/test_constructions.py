"""Every registered construction gives its examples' rows, under its own name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.errors import KGError
from kg.extract import relations
from kg.extract.constructions import CONSTRUCTIONS, construction
from tests.extract.conftest import record

_EXAMPLES = [(c.name, ex) for c in CONSTRUCTIONS for ex in c.examples]


@pytest.mark.parametrize(("name", "example"), _EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(_EXAMPLES)])
def test_construction_example_gives_its_rows(name, example):
    rows = record(example.text)["relations"]
    got = {(r["s"], r["p"], r["o"]): r.get("construction") for r in rows}
    for row in example.rows:
        assert row in got, f"{name}: {row} not found in {sorted(got)}"
        assert got[row] == name


def test_construction_names_used_by_the_engine_are_registered():
    source = Path(relations.__file__).read_text(encoding="utf-8")
    used = set(re.findall(r'(?:tag\(|construction\s*=\s*)"([a-z_]+)"', source))
    assert used, "the engine tags no construction"
    assert used <= {c.name for c in CONSTRUCTIONS}


def test_construction_registry_is_unique_and_documented():
    names = [c.name for c in CONSTRUCTIONS]
    assert len(names) == len(set(names))
    assert all(c.summary and c.slots and c.predicates for c in CONSTRUCTIONS)


def test_construction_unknown_name_lists_the_valid_ones():
    with pytest.raises(KGError, match="Available: .*verb_clause"):
        construction("no_such_rule")
