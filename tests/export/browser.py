"""Driving the kg viz page in a real headless Chromium (Debian's /usr/bin/chromium) with Playwright."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def launch(playwright_module: Any) -> Any:
    """The browser, or a skip outside CI when Chromium is missing (in CI it must be there)."""
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing in CI")
        pytest.skip(f"{CHROMIUM} is missing")
    return playwright_module.chromium.launch(executable_path=CHROMIUM, args=ARGS)


@dataclass
class Log:
    url: str
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


def open_page(browser: Any, path: Path, *, hash: str = "", width: int = 1280, height: int = 800,
              **context_options: Any) -> tuple[Any, Log]:
    """Open ``path`` (with ``hash``, the view's state) with every outside request blocked and recorded;
    wait until the network is drawn."""
    url = path.resolve().as_uri()
    log = Log(url)
    context = browser.new_context(viewport={"width": width, "height": height}, **context_options)
    page = context.new_page()

    def route(r: Any) -> None:
        if r.request.url == url:
            r.continue_()
        else:
            log.blocked.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.errors.append(str(e)))
    page.on("request", lambda r: log.requests.append(r.url))

    def dialog(d: Any) -> None:
        log.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(url + hash)
    page.wait_for_function("() => window.vnkg && window.vnkg.ready", timeout=60_000)
    return page, log


def counts(page: Any) -> dict[str, int]:
    """Nodes and edges drawn, read from vis-network's DataSets."""
    return page.evaluate("""() => ({
        nodes: window.vnkg.nodes.get({filter: n => !n.hidden}).length,
        edges: window.vnkg.edges.get({filter: e => !e.hidden}).length,
        total_nodes: window.vnkg.nodes.length, total_edges: window.vnkg.edges.length})""")


def node_id(page: Any, label: str) -> int:
    return page.evaluate("label => window.vnkg.data.nodes.find(n => n.label === label).id", label)


def hover_node(page: Any, label: str) -> None:
    """Move the mouse onto the node drawn for ``label``."""
    x, y = page.evaluate("""id => {
        const net = window.vnkg.network, p = net.getPositions([id])[id], d = net.canvasToDOM(p);
        const r = document.getElementById("graph").getBoundingClientRect();
        return [r.left + d.x, r.top + d.y];
    }""", node_id(page, label))
    page.mouse.move(x - 30, y - 30)
    page.mouse.move(x, y, steps=4)


def hover_edge(page: Any, a: str, b: str, *, expect: str = "") -> None:
    """Move the mouse onto the edge between two nodes until the tooltip shows ``expect``.

    Tries points a third, half and two thirds of the way: another node or
    edge may lie on one of them.
    """
    ids = [node_id(page, a), node_id(page, b)]
    for fraction in (1 / 3, 1 / 2, 2 / 3):
        x, y = page.evaluate("""([a, b, f]) => {
            const net = window.vnkg.network, p = net.getPositions([a, b]);
            const q = {x: p[a].x + (p[b].x - p[a].x) * f, y: p[a].y + (p[b].y - p[a].y) * f};
            const d = net.canvasToDOM(q), r = document.getElementById("graph").getBoundingClientRect();
            return [r.left + d.x, r.top + d.y];
        }""", [*ids, fraction])
        page.mouse.move(x - 20, y - 20)
        page.mouse.move(x, y, steps=4)
        page.wait_for_timeout(100)
        if page.evaluate("expect => !document.getElementById('tip').hidden && "
                         "document.getElementById('tip').textContent.includes(expect)", expect):
            return
    raise AssertionError(f"no tooltip showing {expect!r} on the edge {a} - {b}")
