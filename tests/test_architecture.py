"""Imports flow one way: the store knows nothing of extraction, the extractors nothing of the NLP layer
(they take its ``Doc``, which lives in ``kg.model``).

Read from the source with ``ast``, so an import inside a function counts too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[1] / "kg"


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, anywhere in it (``from a import b`` gives ``a`` and ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _offending(package: str, forbidden: tuple[str, ...]) -> list[str]:
    out = []
    for path in sorted((KG / package).rglob("*.py")):
        for name in sorted(_imports(path)):
            if any(name == f or name.startswith(f + ".") for f in forbidden):
                out.append(f"{path.relative_to(KG.parent)} imports {name}")
    return out


def test_architecture_store_imports_no_extraction() -> None:
    assert _offending("store", ("kg.extract", "kg.nlp", "kg.runner", "kg.build")) == []


def test_architecture_extractors_import_no_nlp_layer() -> None:
    assert _offending("extract", ("kg.nlp", "kg.runner", "kg.build", "kg.store")) == []


@pytest.mark.parametrize("source, forbidden", [
    ("from kg.nlp import parse", "kg.nlp"),
    ("def f():\n    import kg.runner", "kg.runner"),
    ("from kg.nlp.cache import active_cache", "kg.nlp"),
])
def test_architecture_check_sees_imports_anywhere(tmp_path: Path, source: str, forbidden: str) -> None:
    module = tmp_path / "m.py"
    module.write_text(source, encoding="utf-8")
    assert any(name.startswith(forbidden) for name in _imports(module))

