"""``kg backup`` of a store a writable ``kg serve`` holds: the server is asked for every quad, loaded into a new store."""

from __future__ import annotations

import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from kg.errors import StoreError

DUMP_SECONDS = 600.0


def backup_from_server(url: str, target: str | Path) -> int:
    """Copy what the server at ``url`` holds into a new store at ``target``; the number of quads copied.

    Oxigraph reads the whole dataset from one snapshot, so the copy is
    consistent even while updates come in.

    Raises:
        StoreError: ``target`` is not new, or the server cannot be read.
    """
    from kg.store import EmbeddedStore

    target = Path(target)
    if target.exists() and any(target.iterdir()):
        raise StoreError(f"{target} exists and is not empty; choose a new directory")
    request = urllib.request.Request(url.rstrip("/") + "/store", headers={"Accept": "application/n-quads"})
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".vnkg-backup-") as scratch:
        dump = Path(scratch) / "store.nq"
        try:
            with urllib.request.urlopen(request, timeout=DUMP_SECONDS) as response, dump.open("wb") as out:
                shutil.copyfileobj(response, out)
        except (urllib.error.URLError, OSError) as err:
            raise StoreError(f"cannot read the store from the server at {url}: {err}") from err
        with EmbeddedStore(target) as store:
            store.load_dumps([dump], threads=1)
            return store.count()
