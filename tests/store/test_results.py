"""QueryResult conversions: plain records and pandas DataFrames."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from kg.errors import MissingDependencyError

PREFIX = "PREFIX vnkg: <https://vnkg.org/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
MEETINGS = PREFIX + """
SELECT ?m ?d (COUNT(DISTINCT ?ev) AS ?reports) ?missing WHERE {
  ?m a vnkg:Meeting ; vnkg:evidence ?ev . OPTIONAL { ?m vnkg:date ?d } OPTIONAL { ?m vnkg:nothing ?missing }
} GROUP BY ?m ?d ?missing ORDER BY ?m ?d"""


def test_results_to_records_plain_values_every_variable(sample_store):
    records = sample_store.query(MEETINGS).to_records()
    assert records and all(list(r) == ["m", "d", "reports", "missing"] for r in records)
    assert all(isinstance(r["m"], str) and isinstance(r["reports"], int) and r["missing"] is None
               for r in records)
    assert any(isinstance(r["d"], dt.date) for r in records)
    assert sum(r["reports"] for r in records) >= 4


def test_results_to_pandas_matches_records(sample_store):
    result = sample_store.query(MEETINGS)
    frame = result.to_pandas()
    assert list(frame.columns) == ["m", "d", "reports", "missing"]
    assert len(frame) == len(result)
    assert frame["reports"].tolist() == [r["reports"] for r in result.to_records()]
    assert frame["m"].tolist() == result.column("m")


def test_results_to_pandas_without_pandas_names_the_extra(sample_store, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(MissingDependencyError, match=r"pip install 'vnkg\[pandas\]'"):
        sample_store.query(MEETINGS).to_pandas()


def test_results_conversions_need_a_select(sample_store):
    with pytest.raises(ValueError, match="needs a SELECT result; this one is 'ask'"):
        sample_store.query("ASK { ?s ?p ?o }").to_records()
    with pytest.raises(ValueError, match="'graph'"):
        sample_store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").to_pandas()
