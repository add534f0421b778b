"""The page's explorer mode in Chromium, fed by kg.export.explorer over a plain HTTP server on 127.0.0.1.

kg serve mounts the same three functions; this server is the least that does it,
so the page is tested on its own.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from browser import launch

from kg.export import explorer

playwright = pytest.importorskip("playwright.sync_api")


def _handler(store, calls):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            url = urlparse(self.path)
            args = {k: v[0] for k, v in parse_qs(url.query).items()}
            calls.append(url.path + "?" + url.query)
            if url.path == "/":
                self._send(explorer.explorer_page(api_base="/api").encode(), "text/html; charset=utf-8")
            elif url.path == "/api/search":
                self._json(explorer.search(store, args.get("q", "")))
            elif url.path == "/api/node":
                rel = args.get("rel")
                self._json(explorer.neighbourhood(
                    store, args["id"], hops=int(args.get("hops", 1)), relations=rel.split(",") if rel else None,
                    date_from=args.get("from"), date_to=args.get("to")))
            else:
                self.send_error(404)

        def _json(self, value):
            self._send(json.dumps(value, ensure_ascii=False).encode(), "application/json")

        def _send(self, body, kind):
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture(scope="module")
def server(data_store):
    calls: list[str] = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(data_store, calls))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", calls
    httpd.shutdown()


def test_explorer_page_searches_opens_and_expands_from_the_server(server):
    base, calls = server
    with playwright.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        outside: list[str] = []
        page.on("request", lambda r: None if r.url.startswith(base) else outside.append(r.url))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(base + "/")
        page.wait_for_function("() => window.vnkg && window.vnkg.ready", timeout=60_000)
        assert page.evaluate("window.vnkg.data.nodes.length") == 0 and page.is_visible("#expand")
        page.fill("#search", "xi jinping")
        page.wait_for_function("() => document.querySelectorAll('#matches li').length > 0")
        page.press("#search", "Enter")
        page.wait_for_function("() => window.vnkg.state.selected !== null", timeout=30_000)
        assert page.text_content("#details h2") == "Tập Cận Bình"
        labels = page.evaluate("window.vnkg.data.nodes.map(n => n.label)")
        assert "Tô Lâm" in labels
        before = len(labels)
        page.evaluate("window.vnkg.select(window.vnkg.data.nodes.find(n => n.label === 'Tô Lâm').id)")
        page.click("#expand")
        page.wait_for_function(f"() => window.vnkg.data.nodes.length > {before}", timeout=30_000)
        page.wait_for_function("() => window.vnkg.state.selected !== null && "
                               "document.querySelector('#details h2').textContent === 'Tô Lâm'", timeout=30_000)
        iris = page.evaluate("window.vnkg.data.nodes.map(n => n.iri)")
        assert len(iris) == len(set(iris))  # merged by IRI, never twice
        assert "#sel=" in page.evaluate("location.hash")
        assert any(c.startswith("/api/search?q=xi") for c in calls)
        assert any(c.startswith("/api/node?id=https%3A%2F%2Fvnkg.org%2Fid%2Fperson%2Fto-lam") for c in calls)
        assert not outside and not errors
        browser.close()
