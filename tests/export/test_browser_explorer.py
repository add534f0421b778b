"""The explorer in Chromium against a real ``kg serve`` process on 127.0.0.1: search, click, expand, stay inert.

The store is data/ (built once per session) with one more article whose
names, office and sentence carry the two XSS payloads of export_samples.
"""

from __future__ import annotations

import datetime as dt
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from browser import launch
from export_samples import IMG, SCRIPT

from kg.model import Article, Entity, Evidence, Extraction, Position, Relation

playwright = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.browser, pytest.mark.server]

KG = str(Path(sys.executable).parent / "kg")


def _payload_article() -> Extraction:
    text = "Tổng Bí thư Tô Lâm tiếp " + IMG + ". " + SCRIPT
    article = Article(id="payload", text=text, published=dt.date(2024, 9, 1), source="t", content_hash="payload")
    ev = Evidence(article_id="payload", sentence=text, sentence_start=0, start=0, end=len(text))
    to_lam = Entity(key="Tô Lâm", type="Person", name="Tô Lâm")
    evil = Entity(key="evil", type="Person", name=IMG, aliases=(SCRIPT,))
    return Extraction(article=article, entities=(to_lam, evil),
                      positions=(Position(person="evil", title=SCRIPT, org=None, date="2024-09-01", evidence=ev),),
                      relations=(Relation(subject="Tô Lâm", predicate="met", object="evil", date="2024-09-01",
                                          evidence=ev, kind=SCRIPT),))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served(data_store_path, tmp_path_factory):
    """``kg serve`` (read-only, loopback) on a copy of the data/ store plus the payload article."""
    from kg.store import open_store

    path = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(data_store_path, path, ignore=shutil.ignore_patterns("*.lock", "LOCK"))
    with open_store(path) as store:
        store.add([_payload_article()])
    port = _free_port()
    proc = subprocess.Popen([KG, "serve", "--store", str(path), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                pytest.fail(f"kg serve did not start: {proc.stderr.read().decode()[-800:]}")  # type: ignore[union-attr]
            time.sleep(0.2)
    yield f"http://127.0.0.1:{port}"
    proc.terminate()
    proc.wait(20)


def _click_node(page, label: str) -> None:
    """Click, with the mouse, the node drawn for ``label``."""
    x, y = page.evaluate("""label => {
        const net = window.vnkg.network, id = window.vnkg.data.nodes.find(n => n.label === label).id;
        const d = net.canvasToDOM(net.getPositions([id])[id]);
        const r = document.getElementById("graph").getBoundingClientRect();
        return [r.left + d.x, r.top + d.y];
    }""", label)
    page.mouse.click(x, y)


def test_explorer_served_by_kg_serve_searches_expands_on_click_and_stays_inert(served):
    with playwright.sync_playwright() as p:
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        requests: list[str] = []
        outside: list[str] = []

        def route(r) -> None:
            if r.request.url.startswith(served + "/"):
                r.continue_()
            else:
                outside.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("request", lambda r: requests.append(r.url))
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(served + "/")
        page.wait_for_function("() => window.vnkg && window.vnkg.ready", timeout=60_000)
        assert page.evaluate("window.vnkg.data.nodes.length") == 0 and page.is_visible("#expand")

        page.fill("#search", "xi jinping")
        page.wait_for_function("() => document.querySelectorAll('#matches li').length > 0", timeout=30_000)
        page.press("#search", "Enter")
        page.wait_for_function("() => document.querySelector('#details h2') && "
                               "document.querySelector('#details h2').textContent === 'Tập Cận Bình'",
                               timeout=30_000)
        labels = page.evaluate("window.vnkg.data.nodes.map(n => n.label)")
        assert "Tô Lâm" in labels and IMG not in labels  # the payload met Tô Lâm, not Xi

        page.wait_for_timeout(1500)  # the physics settle before a node is clicked where it is drawn
        _click_node(page, "Tô Lâm")
        page.wait_for_function("() => document.querySelector('#details h2').textContent === 'Tô Lâm'",
                               timeout=30_000)
        before = len(labels)
        page.click("#expand")
        page.wait_for_function(f"() => window.vnkg.data.nodes.length > {before}", timeout=30_000)
        iris = page.evaluate("window.vnkg.data.nodes.map(n => n.iri)")
        assert len(iris) == len(set(iris))  # merged by IRI, never twice
        assert IMG in page.evaluate("window.vnkg.data.nodes.map(n => n.label)")
        # a neighbour arrives without its offices (they cost its reports): asked for when it is selected
        evil = "window.vnkg.data.nodes.find(n => n.label === label)"
        assert page.evaluate(f"label => [{evil}.partial, {evil}.offices.length]", IMG) == [True, 0]
        evil_iri = page.evaluate(f"label => {evil}.iri", IMG)

        page.evaluate(f"label => window.vnkg.select({evil}.id)", IMG)
        page.wait_for_function("label => document.querySelector('#details h2').textContent === label", arg=IMG,
                               timeout=30_000)
        page.wait_for_function("() => document.querySelectorAll('#details li').length > 0", timeout=30_000)
        assert page.evaluate(f"label => [{evil}.partial, {evil}.offices.map(o => o.title)]", IMG) == [None, [SCRIPT]]
        assert page.text_content("#details li") == f"{SCRIPT} (2024-09-01)"  # the office, shown as text
        assert SCRIPT in (page.text_content("#details") or "")  # and the alias
        assert page.evaluate("document.querySelectorAll('img[src=x], #details script, #matches script').length") == 0

        # two steps: the events Tô Lâm takes no part in come without their reports, read when shown
        page.select_option("#hops", "2")
        page.evaluate("window.vnkg.select(window.vnkg.data.nodes.find(n => n.label === 'Tô Lâm').id)")
        before = page.evaluate("window.vnkg.data.nodes.length")
        page.click("#expand")
        page.wait_for_function(f"() => window.vnkg.data.nodes.length > {before}", timeout=30_000)
        lazy = page.evaluate("""() => window.vnkg.data.edges.flatMap(e => e.events.filter(ev => ev.partial)
                                  .map(ev => [e.from, ev.event, ev.evidence]))""")
        assert lazy and all(evidence == "" for _, _, evidence in lazy)
        end, event = lazy[0][0], lazy[0][1]
        page.wait_for_timeout(2000)  # the physics settle and the expand selects Tô Lâm again
        page.evaluate(f"window.vnkg.select({end})")
        page.wait_for_function("end => document.querySelector('#details h2').textContent === "
                               "window.vnkg.data.nodes[end].label", arg=end, timeout=30_000)
        page.wait_for_function("""end => window.vnkg.data.edges.filter(e => e.from === end || e.to === end)
                                  .every(e => e.events.every(ev => !ev.partial))""", arg=end, timeout=30_000)
        sentence = page.evaluate("""event => window.vnkg.data.edges.flatMap(e => e.events)
                                    .find(ev => ev.event === event).evidence""", event)
        assert sentence and sentence in (page.text_content("#details") or "")
        assert dialogs == [] and errors == []

        assert any("/api/search?q=xi" in url for url in requests)
        assert any("/api/node?id=https%3A%2F%2Fvnkg.org%2Fid%2Fperson%2Fto-lam" in url for url in requests)
        # details asked once for each neighbour selected: Tô Lâm (clicked), the payload entity, the last one
        asked = [urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)["id"][0] for url in requests
                 if url.endswith("&hops=0")]
        assert asked == ["https://vnkg.org/id/person/to-lam", evil_iri, page.evaluate(f"window.vnkg.data.nodes[{end}].iri")]
        assert any("/api/reports?ids=" in url for url in requests)
        assert outside == [] and all(url.startswith(served + "/") for url in requests)
        browser.close()
