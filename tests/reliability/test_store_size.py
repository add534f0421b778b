"""Issue 13, point 9: a store whose every article was replaced, again and again, stays near a clean build's size."""

from __future__ import annotations

from pathlib import Path

from reliability_helpers import copies

from kg.store import open_store


def _size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and "parse-cache" not in str(p))


def test_issue13_store_after_replacing_every_article_within_2x_a_clean_build(versions, tmp_path):
    originals = [c for original, _ in versions.values() for c in [original, *copies(original, 9)]]
    edits = [c for _, edit in versions.values() for c in [edit, *copies(edit, 9)]]
    with open_store(tmp_path / "kept") as store:
        store.add(originals)
        for items in (edits, originals, edits, originals):  # four full replaces
            report = store.add(items)
            assert report.replaced == len(items)
    with open_store(tmp_path / "clean") as store:
        store.add(originals)
    kept, clean = _size(tmp_path / "kept"), _size(tmp_path / "clean")
    print(f"after four full replaces: {kept / 1e6:.1f} MB, a clean build {clean / 1e6:.1f} MB, "
          f"{kept / clean:.2f}x")
    assert kept <= 2 * clean, f"{kept:,} bytes against a clean build's {clean:,}"
