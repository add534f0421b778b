"""Shared helpers of the view and export tests live in export_samples.py, next to this file
(importable by name: pyproject's pythonpath holds tests/export)."""
