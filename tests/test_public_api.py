"""The public API is kg.__all__: every name resolves, and import kg stays cheap."""

from __future__ import annotations

import subprocess
import sys


def test_public_api_every_name_resolves_to_a_function_even_after_the_submodules_load() -> None:
    import types

    import kg.build
    import kg.export
    import kg.extract
    import kg.runner
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


def test_public_api_read_extract_store_composes_the_stages(tmp_path) -> None:
    import kg

    (tmp_path / "a.txt").write_text(" date 2025-03-10 Thủ tướng Phạm Minh Chính thăm Nhật Bản.", encoding="utf-8")
    store = kg.open_store(None)
    report = kg.add_articles(store, kg.read_articles([tmp_path]))
    assert (report.added, store.articles()) == (1, ["a"])
    again = kg.add_articles(store, kg.read_articles([tmp_path]))
    assert (again.added, again.skipped, again.quads) == (0, 1, 0)
    # the same graph, stage by stage: the runner's extractions handed to the store
    staged = kg.open_store(None)
    staged.add(kg.extract_articles(kg.read_articles([tmp_path])))
    assert sorted(map(str, staged.quads())) == sorted(map(str, store.quads()))
