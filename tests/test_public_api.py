"""The public API is kg.__all__: every name resolves, and import kg stays cheap."""

from __future__ import annotations

import subprocess
import sys

import kg


def test_public_api_every_name_resolves() -> None:
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name
    assert sorted(dir(kg)) == sorted(kg.__all__)


def test_public_api_import_does_no_heavy_work() -> None:
    code = ("import sys, kg; heavy = [m for m in ('underthesea', 'pyoxigraph', 'rdflib', 'pyvis', 'dask')"
            " if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
