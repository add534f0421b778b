"""In a real Chromium: a page on another loopback origin cannot change a --writable kg serve, and a
DNS-rebinding page (another name resolving to the server's address and port) cannot read it."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from browser import ARGS, launch

pytestmark = [pytest.mark.reliability, pytest.mark.server, pytest.mark.browser]

ATTACK = """<!doctype html><html><body>
<form id="urlencoded" method="POST" action="{target}/update" target="f1">
  <input name="update" value="CLEAR ALL"></form>
<form id="plain" method="POST" action="{target}/update" enctype="text/plain" target="f2">
  <input name="CLEAR ALL #" value=""></form>
<form id="multipart" method="POST" action="{target}/update" enctype="multipart/form-data" target="f3">
  <input name="update" value="CLEAR ALL"></form>
<iframe name="f1"></iframe><iframe name="f2"></iframe><iframe name="f3"></iframe>
<script>
window.attack = async () => {{
  for (const id of ["urlencoded", "plain", "multipart"]) document.getElementById(id).submit();
  const tries = [
    fetch("{target}/update", {{method: "POST", mode: "no-cors", body: "CLEAR ALL"}}),
    fetch("{target}/update", {{method: "POST", mode: "no-cors", headers: {{"Content-Type": "text/plain"}},
                               body: "CLEAR ALL"}}),
    fetch("{target}/update", {{method: "POST", headers: {{"Content-Type": "application/sparql-update"}},
                               body: "CLEAR ALL"}}),
    fetch("{target}/store?graph=" + encodeURIComponent("https://vnkg.org/graph/filler"),
          {{method: "DELETE"}}),
  ];
  const out = [];
  for (const t of tries) {{ try {{ const r = await t; out.push(r.type + ":" + r.status); }}
                           catch (e) {{ out.push("blocked"); }} }}
  return out;
}};
</script></body></html>"""


class _AttackPage(BaseHTTPRequestHandler):
    body = b""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        return


@pytest.fixture
def attacker_origin(writable_server):
    handler = type("Page", (_AttackPage,), {"body": ATTACK.format(target=writable_server.url).encode()})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def writable_server(server_factory, store_dir):
    return server_factory(store_dir, "--writable")


def test_issue13_cross_origin_page_cannot_change_a_writable_store(writable_server, attacker_origin):
    playwright = pytest.importorskip("playwright.sync_api")
    before = writable_server.count()
    with playwright.sync_playwright() as p:
        browser = launch(p)
        try:
            page = browser.new_page()
            page.goto(attacker_origin)
            outcome = page.evaluate("window.attack()")
            page.wait_for_timeout(1500)  # the three form posts land in their frames
        finally:
            browser.close()
    assert len(outcome) == 4
    assert writable_server.count() == before > 3000


def test_issue13_dns_rebinding_page_cannot_read_the_graph(writable_server):
    playwright = pytest.importorskip("playwright.sync_api")
    rebound = f"http://rebound.test:{writable_server.port}"
    with playwright.sync_playwright() as p:
        if not Path("/usr/bin/chromium").exists():
            pytest.skip("/usr/bin/chromium is missing")
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=[*ARGS, "--host-resolver-rules=MAP rebound.test 127.0.0.1"])
        try:
            page = browser.new_page()
            response = page.goto(rebound + "/")
            status = page.evaluate(
                "async () => (await fetch('/query?query=' + encodeURIComponent('SELECT * { ?s ?p ?o } LIMIT 1')))"
                ".status")
        finally:
            browser.close()
    assert response is not None and response.status == 403
    assert status == 403
