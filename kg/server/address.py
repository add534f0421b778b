"""Where a running ``kg serve`` can be reached, written into its store directory while it serves.

``kg backup`` reads it when a writable server holds the store's lock: the
store cannot be opened beside Oxigraph's writer, but the server can be asked
for a consistent copy of every quad.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ADDRESS_NAME = "vnkg-serve.json"


def write_address(location: Path, url: str) -> Path:
    """Record ``url`` (and this process id) in ``location``; returns the file to remove at the end."""
    path = location / ADDRESS_NAME
    path.write_text(json.dumps({"url": url, "pid": os.getpid()}), encoding="utf-8")
    return path


def read_address(location: Path) -> str | None:
    """The URL of the ``kg serve`` on ``location``, or ``None`` when none is recorded or its process is gone."""
    try:
        record = json.loads((location / ADDRESS_NAME).read_text(encoding="utf-8"))
        os.kill(int(record["pid"]), 0)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return str(record["url"])
