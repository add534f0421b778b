"""Where the repository's test inputs are (imported by tests; conftest.py files are not importable by name)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
QUERIES = ROOT / "examples" / "queries"
SHARED = ROOT.parent / "shared"
