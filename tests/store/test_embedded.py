"""The embedded store's directory: a new store is whole or absent, whatever moment kills its maker."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.errors import StoreError
from kg.store.embedded import STAGING_PREFIX, EmbeddedStore

# Creates a store but dies after moving every file in except CURRENT, as a SIGKILL might.
_DIE_BEFORE_CURRENT = """
import os, sys
from pathlib import Path
import kg.store.embedded as embedded
real_replace = Path.replace
def replace(self, target):
    if self.name == "CURRENT":
        os._exit(9)
    return real_replace(self, target)
Path.replace = replace
embedded.EmbeddedStore(sys.argv[1])
"""


def test_embedded_new_store_leaves_no_staging_and_reopens(tmp_path):
    store = EmbeddedStore(tmp_path / "s")
    store.close()
    assert (tmp_path / "s" / "CURRENT").exists()
    assert not list((tmp_path / "s").glob(STAGING_PREFIX + "*"))
    EmbeddedStore(tmp_path / "s", read_only=True).close()


def test_embedded_store_killed_while_made_is_absent_then_made_again(tmp_path):
    path = tmp_path / "s"
    died = subprocess.run([sys.executable, "-c", _DIE_BEFORE_CURRENT, str(path)], check=False)
    assert died.returncode == 9
    assert not (path / "CURRENT").exists()  # absent, not half made
    with pytest.raises(StoreError, match="no store"):
        EmbeddedStore(path, read_only=True)
    EmbeddedStore(path).close()  # the next writer makes it, sweeping what the dead one left
    assert not list(path.glob(STAGING_PREFIX + "*"))
    with EmbeddedStore(path, read_only=True) as store:
        assert len(store.native) == 0
