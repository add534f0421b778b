"""Issue 12 in a real headless Chromium: the page of data/ as a reader meets it."""

from __future__ import annotations

import csv
import io

import pytest
from browser import launch, node_id, open_page

playwright = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = launch(p)
        yield b
        b.close()


@pytest.fixture(scope="module")
def data_page(data_store, tmp_path_factory):
    from kg.export import to_networkx
    from kg.export.html import write_html

    return write_html(to_networkx(data_store), tmp_path_factory.mktemp("views") / "data.html", title="data/")


def _offline(log):
    assert not log.errors and not log.blocked and not log.dialogs
    assert all(url.startswith(("file:", "data:")) for url in log.requests), log.requests


def test_first_view_hides_unconnected_and_labels_the_biggest_in_vietnamese(browser, data_page):
    page, log = open_page(browser, data_page)
    assert page.evaluate("document.documentElement.lang") == "vi"
    assert page.text_content("#search-go") == "Tìm" and page.text_content("#fit") == "Vừa khung"
    shown = page.evaluate("window.vnkg.nodes.get({filter: n => !n.hidden}).map(n => n.id)")
    unconnected = page.evaluate("window.vnkg.data.nodes.filter(n => n.degree === 0).length")
    assert unconnected > 0 and len(shown) == page.evaluate("window.vnkg.data.nodes.length") - unconnected
    assert str(unconnected) in page.text_content("#isolated-label")
    # the biggest nodes' labels are drawn at the first zoom (vis-network skips labels under 7 px)
    on_screen = page.evaluate("""() => window.vnkg.labelled().map(id =>
        window.vnkg.nodes.get(id).font.size * window.vnkg.network.getScale())""")
    assert len(on_screen) >= 10 and min(on_screen) >= 7
    assert "Tô Lâm" in page.evaluate("window.vnkg.labelled().map(id => window.vnkg.data.nodes[id].label)")
    page.check("#show-isolated")
    assert page.evaluate("window.vnkg.nodes.get({filter: n => !n.hidden}).length") == len(shown) + unconnected
    _offline(log)
    page.context.close()


def test_select_dims_the_rest_and_empty_canvas_clears(browser, data_page):
    page, log = open_page(browser, data_page)
    page.fill("#search", "xi jinping")
    page.press("#search", "Enter")
    xi, to_lam = node_id(page, "Tập Cận Bình"), node_id(page, "Tô Lâm")
    assert page.text_content("#details h2") == "Tập Cận Bình"
    opacity = page.evaluate("ids => ids.map(id => window.vnkg.nodes.get(id).opacity)", [xi, to_lam])
    assert 0.15 not in opacity  # he and whom he met
    lit = page.evaluate("""() => window.vnkg.nodes.get({filter: n => !n.hidden && n.opacity !== 0.15}).length""")
    assert 2 <= lit < 15 and page.evaluate("window.vnkg.nodes.get({filter: n => n.opacity === 0.15}).length") > 50
    assert "gặp, hội đàm" in page.text_content("#details") and "hội đàm" in page.text_content("#details")
    assert "độ tin cậy" in page.text_content("#details")
    box = page.locator("#graph").bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + 5)
    assert page.evaluate("window.vnkg.state.selected") is None
    assert page.evaluate("window.vnkg.network.getSelectedNodes()") == []
    assert page.evaluate("window.vnkg.nodes.get({filter: n => n.opacity === 0.15}).length") == 0
    _offline(log)
    page.context.close()


def test_fit_button_and_filters_refit(browser, data_page):
    page, log = open_page(browser, data_page)
    inside = """() => {
        const net = window.vnkg.network, r = document.getElementById('graph').getBoundingClientRect();
        const ids = window.vnkg.nodes.get({filter: n => !n.hidden}).map(n => n.id);
        const pos = net.getPositions(ids);
        return ids.every(id => { const d = net.canvasToDOM(pos[id]);
            return d.x >= -1 && d.y >= -1 && d.x <= r.width + 1 && d.y <= r.height + 1; });
    }"""
    page.evaluate("window.vnkg.network.moveTo({scale: 4, position: {x: 3000, y: 3000}})")
    assert not page.evaluate(inside)
    page.click("#fit")
    assert page.evaluate(inside)
    page.evaluate("window.vnkg.network.moveTo({scale: 4, position: {x: 3000, y: 3000}})")
    page.uncheck("#relations input[data-name=met]")
    assert page.evaluate(inside)
    _offline(log)
    page.context.close()


def test_phone_layout_collapses_the_panel_and_a_tap_shows_the_tooltip(browser, data_page):
    page, log = open_page(browser, data_page, width=390, height=844, has_touch=True, is_mobile=True)
    assert page.locator("#graph").bounding_box()["width"] >= 380
    assert not page.is_visible("#side") and page.is_visible("#side-toggle")
    x, y = page.evaluate("""id => {
        const net = window.vnkg.network; net.focus(id, {scale: 1, animation: false});
        const d = net.canvasToDOM(net.getPositions([id])[id]);
        const r = document.getElementById('graph').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y]; }""", node_id(page, "Tô Lâm"))
    page.touchscreen.tap(x, y)
    page.wait_for_selector("#tip:not([hidden])")
    assert "Tô Lâm" in page.text_content("#tip h4")
    page.tap("#side-toggle")
    assert page.is_visible("#side") and page.text_content("#details h2") == "Tô Lâm"
    _offline(log)
    page.context.close()


def test_png_and_csv_export_what_is_shown(browser, data_page, tmp_path):
    page, log = open_page(browser, data_page)
    page.uncheck("#relations input[data-name=met]")
    with page.expect_download() as png:
        page.click("#export-png")
    path = tmp_path / "view.png"
    png.value.save_as(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 5000
    with page.expect_download() as got:
        page.click("#export-csv")
    got.value.save_as(tmp_path / "view.csv")
    rows = list(csv.reader(io.StringIO((tmp_path / "view.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["chủ thể", "quan hệ", "đối tượng", "ngày", "hình thức", "câu", "bài báo", "tiêu đề", "đường dẫn"]
    shown = page.evaluate("""() => window.vnkg.data.edges.filter(e => !window.vnkg.edges.get(e.id).hidden)
        .reduce((n, e) => n + e.live.length, 0)""")
    assert len(rows) - 1 == shown > 0
    assert "gặp, hội đàm" not in {r[1] for r in rows[1:]} and "ký" in {r[1] for r in rows[1:]}
    assert all(r[5] and r[6] for r in rows[1:])
    _offline(log)
    page.context.close()


def test_permalink_reopens_the_same_view(browser, data_page):
    page, log = open_page(browser, data_page)
    page.fill("#search", "xi jinping")
    page.press("#search", "Enter")
    page.uncheck("#relations input[data-name=visited]")
    page.fill("#since", "2024-01-01")
    page.dispatch_event("#since", "change")
    page.click("#lang")
    hash_ = page.evaluate("location.hash")
    state = page.evaluate("""() => ({sel: window.vnkg.state.selected, since: window.vnkg.state.since,
        rel: [...window.vnkg.state.relations].sort(), lang: window.vnkg.lang(),
        shown: window.vnkg.visible()})""")
    _offline(log)
    page.context.close()
    again, log = open_page(browser, data_page, hash=hash_)
    assert again.evaluate("""() => ({sel: window.vnkg.state.selected, since: window.vnkg.state.since,
        rel: [...window.vnkg.state.relations].sort(), lang: window.vnkg.lang(),
        shown: window.vnkg.visible()})""") == state
    assert again.text_content("#details h2") == "Tập Cận Bình" and again.text_content("#search-go") == "Find"
    assert not again.is_checked("#relations input[data-name=visited]") and again.input_value("#since") == "2024-01-01"
    _offline(log)
    again.context.close()


def test_english_switch_and_arrow_keys_in_search(browser, data_page):
    page, log = open_page(browser, data_page)
    page.click("#lang")
    assert page.text_content("#search-go") == "Find" and "met" in page.text_content("#relations")
    page.fill("#search", "ph")
    page.dispatch_event("#search", "input")
    items = page.locator("#matches li").all_text_contents()
    assert len(items) >= 2
    page.press("#search", "ArrowDown")
    page.press("#search", "ArrowDown")
    page.press("#search", "Enter")
    assert page.text_content("#details h2") == items[1].split(" · ")[0]
    _offline(log)
    page.context.close()


def test_timeline_draws_a_time_axis_with_year_shortcuts(browser, data_page):
    page, log = open_page(browser, data_page)
    page.fill("#search", "to lam")
    page.press("#search", "Enter")
    page.click("#tab-timeline")
    assert page.locator("#axis circle").count() >= 10 and page.locator("#axis text").count() >= 1
    page.click("#years button[data-year='2024']")
    assert page.input_value("#since") == "2024-01-01" and page.input_value("#until") == "2024-12-31"
    metas = page.locator("#timeline .event > .meta:first-child").all_text_contents()
    assert metas and all(m.startswith("2024") for m in metas)
    _offline(log)
    page.context.close()
