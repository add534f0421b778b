"""The wheel is complete: built, installed into a fresh venv, run outside the source tree.

The fresh venv gets only the wheel's own files for ``kg``; the third-party
dependencies are borrowed from the test venv through a ``.pth`` line (a path
added so has its own ``.pth`` files ignored, so the editable install of this
checkout stays invisible). Every command runs from a directory outside the
checkout, and the test checks ``kg`` is imported from the fresh venv.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
from paths import DATA, QUERIES, ROOT


def _run(args: list[str], *, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, f"{args}\nstdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-2000:]}"
    return result


_NOT_SOURCE = (".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis",
               ".mypy_cache", ".ruff_cache", "vnkg-store")


def _clean_copy(target: Path) -> Path:
    """The checkout's files (committed or not, minus ignored ones), symlinks kept: a stale
    build/ folder in the checkout cannot hide a file missing from the package data."""
    try:
        listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
                                cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    except (OSError, subprocess.CalledProcessError):  # no git, or not a checkout (a source tarball)
        shutil.copytree(ROOT, target, symlinks=True, ignore=shutil.ignore_patterns(*_NOT_SOURCE))
        return target
    for name in filter(None, listed):
        src, dst = ROOT / name, target / name
        if not src.exists() and not src.is_symlink():
            continue  # deleted in the work tree, not yet committed
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            dst.symlink_to(os.readlink(src))
        else:
            shutil.copy2(src, dst)
    return target


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(the venv's bin, a work directory outside the checkout, the environment)."""
    work = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    source = _clean_copy(work / "src")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work / "dist"), str(source)],
         cwd=work, env=env)
    [wheel] = (work / "dist").glob("vnkg-*.whl")
    venv = work / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=work, env=env)
    python = venv / "bin" / "python"
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "--no-index",
          "--quiet", str(wheel)], cwd=work, env=env)
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=work, env=env).stdout.strip())
    (site / "zz_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    return venv / "bin", work, env


@pytest.mark.slow
def test_wheel_kg_comes_from_the_fresh_venv(installed):
    bin_dir, work, env = installed
    code = "import kg, kg.store.validate as v; print(kg.__file__); print(v.SHAPES, v.SHAPES.is_file())"
    where = _run([str(bin_dir / "python"), "-c", code], cwd=work, env=env).stdout.split("\n")
    assert where[0].startswith(str(bin_dir.parent)), where
    assert not where[0].startswith(str(ROOT)), where
    assert where[1].startswith(str(bin_dir.parent)) and where[1].endswith(" True"), where


@pytest.mark.slow
def test_wheel_build_validate_viz_query_on_data(installed):
    bin_dir, work, env = installed
    kg = str(bin_dir / "kg")
    _run([kg, "build", str(DATA), "--store", "store", "--workers", "1"], cwd=work, env=env)
    valid = _run([kg, "validate", "--store", "store"], cwd=work, env=env)
    assert "valid:" in valid.stderr
    _run([kg, "viz", "--store", "store", "-o", "graph.html"], cwd=work, env=env)
    page = (work / "graph.html").read_text(encoding="utf-8")
    assert "Tô Lâm" in page and "<script" in page
    met = _run([kg, "query", str(QUERIES / "who_met_whom.rq"), "--store", "store", "--format", "csv"],
               cwd=work, env=env)
    assert "Tập Cận Bình" in met.stdout
