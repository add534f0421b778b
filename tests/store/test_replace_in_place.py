"""Replacing articles on disk: only the difference is written, the result is a clean build's, and
compaction follows the articles that lost facts, not those whose digest alone changed."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
import samples

import kg.store.base
from kg.store import EmbeddedStore, open_store

_SPOIL = ("PREFIX vnkg: <https://vnkg.org/ontology#> DELETE { GRAPH ?g { ?a vnkg:factsDigest ?d } } "
          "INSERT { GRAPH ?g { ?a vnkg:factsDigest \"stale\" } } WHERE { GRAPH ?g { ?a vnkg:factsDigest ?d } }")


def _nquads(store) -> list[str]:
    buffer = io.BytesIO()
    store.dump(buffer, "nq")
    return sorted(line for line in buffer.getvalue().decode("utf-8").split("\n") if line)


def _edited(ex):
    """The extraction with one relation fewer and another confidence: some facts go, most stay."""
    rels = tuple(replace(rel, confidence=0.5) for rel in ex.relations[1:])
    return replace(ex, relations=rels)


@pytest.fixture
def compactions(monkeypatch):
    calls = []
    monkeypatch.setattr(kg.store.base, "_COMPACT_AFTER", 1)
    monkeypatch.setattr(EmbeddedStore, "compact", lambda self: calls.append(self.location))
    return calls


def test_replace_in_place_a_stale_digest_rewrites_only_the_digest(tmp_path, compactions):
    with open_store(tmp_path / "s") as store:
        store.add(samples.all_samples())
        store.update(_SPOIL)
        report = store.add(samples.all_samples(), force=True)
        assert (report.replaced, report.identical) == (4, 0)
        assert _nquads(store) == _nquads(_clean(samples.all_samples()))
    assert compactions == []  # no fact was lost, no string died


def test_replace_in_place_edited_articles_equal_a_clean_build_and_compact(tmp_path, compactions):
    edits = [_edited(ex) for ex in samples.all_samples()]
    with open_store(tmp_path / "s") as store:
        store.add(samples.all_samples())
        report = store.add(edits, force=True)
        assert (report.replaced, report.identical) == (4, 0)
        assert _nquads(store) == _nquads(_clean(edits))
        store.add(samples.all_samples(), force=True)  # and back
        assert _nquads(store) == _nquads(_clean(samples.all_samples()))
    assert len(compactions) == 2


def _clean(extractions):
    store = open_store(None)
    store.add(extractions)
    return store
