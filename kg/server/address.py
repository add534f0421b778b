"""Where a running ``kg serve`` can be reached, written into its store directory while it serves.

``kg backup`` reads it when a writable server holds the store's lock: the
store cannot be opened beside Oxigraph's writer, but the server can be asked
for a consistent copy of every quad.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

ADDRESS_NAME = "vnkg-serve.json"


@dataclass(frozen=True, slots=True)
class Served:
    """A running ``kg serve``: its base URL (ending in ``/``) and whether it takes updates."""

    url: str
    writable: bool


def write_address(location: Path, served: Served) -> Path:
    """Record ``served`` (and this process id) in ``location``; returns the file to remove at the end."""
    path = location / ADDRESS_NAME
    record = {"url": served.url, "writable": served.writable, "pid": os.getpid()}
    path.write_text(json.dumps(record), encoding="utf-8")
    return path


def read_address(location: Path) -> Served | None:
    """The ``kg serve`` on ``location``, or ``None`` when none is recorded or its process is gone."""
    try:
        record = json.loads((location / ADDRESS_NAME).read_text(encoding="utf-8"))
        os.kill(int(record["pid"]), 0)
        return Served(url=str(record["url"]), writable=bool(record["writable"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
