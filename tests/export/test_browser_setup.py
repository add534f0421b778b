"""The browser tests skip without Chromium on a developer's machine, and fail without it in CI."""

from __future__ import annotations

import browser
import pytest
from _pytest.outcomes import Failed, Skipped


def test_launch_without_chromium_skips_outside_ci(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(Skipped):
        browser.launch(object())


def test_launch_without_chromium_fails_in_ci(monkeypatch):
    monkeypatch.setattr(browser, "CHROMIUM", "/nonexistent/chromium")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(Failed, match="missing in CI"):
        browser.launch(object())
