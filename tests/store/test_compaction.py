"""Compaction of the embedded store: it drops replaced versions' data, and an interrupted one is finished."""

from __future__ import annotations

import io

import pytest
import samples

from kg.errors import StoreError
from kg.store import EmbeddedStore, compaction


def _nquads(store) -> list[str]:
    buffer = io.BytesIO()
    store.dump(buffer, "nq")
    return sorted(line for line in buffer.getvalue().decode("utf-8").split("\n") if line)


def test_compact_keeps_every_quad(tmp_path):
    with EmbeddedStore(tmp_path / "s") as store:
        store.add(samples.all_samples())
        before = _nquads(store)
        store.compact()
        assert _nquads(store) == before
    assert not compaction.pending(tmp_path / "s")


def test_compaction_interrupted_after_emptying_is_finished_by_the_next_writer(tmp_path, monkeypatch):
    path = tmp_path / "s"
    with EmbeddedStore(path) as store:
        store.add(samples.all_samples())
        before = _nquads(store)

        def die(*args, **kwargs):
            raise KeyboardInterrupt  # as a kill between emptying the store and loading it back

        monkeypatch.setattr("kg.store.load.load_file", die)
        with pytest.raises(KeyboardInterrupt):
            store.compact()
    monkeypatch.undo()
    assert compaction.pending(path)
    with pytest.raises(StoreError, match="compacted"):
        EmbeddedStore(path, read_only=True)
    with EmbeddedStore(path) as store:
        assert _nquads(store) == before
    assert not compaction.pending(path)
    with EmbeddedStore(path, read_only=True) as store:
        assert _nquads(store) == before
