"""A second writer (or a reader during a write) fails at once and cleanly."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from kg.errors import StoreError, StoreLockedError
from kg.store import open_store


def test_lock_second_writer_in_process(tmp_path):
    with open_store(tmp_path / "s"), pytest.raises(StoreLockedError, match="is locked"):
        open_store(tmp_path / "s")
    with open_store(tmp_path / "s"):  # released on close
        pass


def test_lock_reader_during_write_fails_and_readers_share(tmp_path):
    open_store(tmp_path / "s").close()
    with open_store(tmp_path / "s"), pytest.raises(StoreLockedError, match="kg build"):
        open_store(tmp_path / "s", read_only=True)
    with open_store(tmp_path / "s", read_only=True), open_store(tmp_path / "s", read_only=True), \
            pytest.raises(StoreLockedError):
        open_store(tmp_path / "s")


def test_lock_second_build_in_another_process_fails_cleanly(tmp_path):
    path = tmp_path / "s"
    holder = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import sys, time
            from kg.store import open_store
            store = open_store({str(path)!r})
            print("ready", flush=True)
            sys.stdin.read()
        """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = subprocess.run([sys.executable, "-m", "kg", "build", "data", "--store", str(path)],
                                capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode == 1
        assert result.stderr.strip().splitlines()[-1].startswith(f"error: store {path} is locked")
        assert "Traceback" not in result.stderr
    finally:
        holder.communicate("", timeout=30)
    with open_store(path) as store:  # intact and usable afterwards
        assert store.count() == 0


def test_lock_read_only_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store at .*kg build"):
        open_store(tmp_path / "missing", read_only=True)


def test_lock_interrupted_batch_is_taken_out_on_next_open(tmp_path):
    """A crash during a bulk batch leaves its journal; the next open removes those articles whole."""
    import json

    import samples

    from kg.store.embedded import JOURNAL_NAME

    path = tmp_path / "s"
    with open_store(path) as store:
        store.add(samples.all_samples()[:2])
        kept = store.count()
        store.add(samples.all_samples()[2:])
    (path / JOURNAL_NAME).write_text(json.dumps(["apec", "to-lam-2024"]), encoding="utf-8")
    with open_store(path) as store:
        assert store.articles() == ["lao-a", "lao-b"]
        assert store.count() == kept
        assert not (path / JOURNAL_NAME).exists()
