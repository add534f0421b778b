"""The public API is kg.__all__: every name resolves, and import kg stays cheap."""

from __future__ import annotations

import subprocess
import sys


def test_public_api_every_name_resolves_to_a_function_even_after_the_submodules_load() -> None:
    import types

    import kg.export
    import kg.extract
    import kg.pipeline
    import kg.store

    for name in kg.__all__:
        if name != "__version__":
            value = getattr(kg, name)
            assert callable(value) and not isinstance(value, types.ModuleType), name
    assert sorted(dir(kg)) == sorted(kg.__all__)


def test_public_api_import_does_no_heavy_work() -> None:
    code = ("import sys, kg; heavy = [m for m in ('underthesea', 'pyoxigraph', 'rdflib', 'pyvis', 'dask')"
            " if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
