"""kg.show, and examples/notebook.ipynb run headless with its graph view drawn offline in a real Chromium."""

from __future__ import annotations

import contextlib
import os

import pytest
from browser import launch
from paths import ROOT

NOTEBOOK = ROOT / "examples" / "notebook.ipynb"


def _page_in(view) -> str:
    """The page held by the iframe of a ``kg.show`` result."""
    import html
    import re

    return html.unescape(re.search(r'srcdoc="([^"]*)"', view.data).group(1))


def test_show_is_the_kg_viz_page(data_store_path, tmp_path):
    from click.testing import CliRunner

    import kg
    from kg.cli import main

    out = tmp_path / "to-lam.html"
    result = CliRunner().invoke(main, ["viz", "--store", str(data_store_path), "--focus", "Tô Lâm",
                                       "--hops", "1", "--relations", "met", "-o", str(out)])
    assert result.exit_code == 0, result.output
    view = kg.show(data_store_path, focus="Tô Lâm", hops=1, relations=["met"])
    assert _page_in(view) == out.read_text(encoding="utf-8")
    assert 'sandbox="allow-scripts' in view.data and "allow-same-origin" not in view.data


def test_show_takes_a_store_or_a_graph(sample_store):
    from export_samples import sample_graph

    import kg
    from kg.export.html import render_html

    assert "Thongloun Sisoulith" in _page_in(kg.show(sample_store, focus="Tô Lâm"))
    g = sample_graph()
    assert _page_in(kg.show(g, title="t")) == render_html(g, title="t")


def test_show_missing_store_is_a_clear_error(tmp_path):
    import kg
    from kg.errors import StoreError

    with pytest.raises(StoreError, match="no store at .*nowhere; run kg build first"):
        kg.show(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """The notebook run top to bottom by a real ipykernel of this Python, building data/ into a fresh store."""
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    kernelspec = pytest.importorskip("ipykernel.kernelspec")

    tmp = tmp_path_factory.mktemp("notebook")
    # a kernel spec of our own, so a system-wide "python3" kernel cannot stand in for this venv
    kernelspec.write_kernel_spec(path=str(tmp / "jupyter" / "kernels" / "vnkg-test"))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    with _environment(VNKG_STORE=str(tmp / "store"), JUPYTER_PATH=str(tmp / "jupyter")):
        nbclient.NotebookClient(nb, timeout=300, kernel_name="vnkg-test",
                                resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return nb


@contextlib.contextmanager
def _environment(**values: str):
    """Set environment variables (the kernel inherits them), then put back what was there."""
    old = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in old.items():
            if value is None:
                del os.environ[name]
            else:
                os.environ[name] = value


def _outputs(nb, needle: str) -> list[dict]:
    cell = next(c for c in nb.cells if c.cell_type == "code" and needle in c.source)
    return cell.outputs


def test_notebook_builds_and_queries_into_a_dataframe(executed):
    printed = "".join(o.get("text", "") for o in _outputs(executed, "kg.add_articles("))
    assert "13 added" in printed and "13 articles" in printed
    table = _outputs(executed, "to_lam = ")[0]["data"]
    assert "<table" in table["text/html"]
    rows = [line for line in table["text/plain"].splitlines()[1:] if line.strip()]
    assert rows and all("Tô Lâm" in line for line in rows)  # every row has Tô Lâm on one side
    assert "Tập Cận Bình" in table["text/plain"]


def test_notebook_view_draws_offline_in_chromium(executed, tmp_path):
    playwright = pytest.importorskip("playwright.sync_api")
    view = _outputs(executed, "kg.show(")[0]["data"]["text/html"]
    assert view.startswith("<div><iframe srcdoc=")
    page_file = tmp_path / "output.html"
    page_file.write_text(f"<!doctype html><meta charset=utf-8><body>{view}</body>", encoding="utf-8")
    url = page_file.as_uri()
    requests: list[str] = []
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 1100, "height": 700})
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        frame = page.wait_for_selector("iframe").content_frame()
        frame.wait_for_function("() => window.vnkg && window.vnkg.ready", timeout=60_000)
        labels = frame.evaluate("window.vnkg.nodes.get({filter: n => !n.hidden}).map(n => n.label)")
        painted = frame.evaluate("""() => {
            const c = document.querySelector('#graph canvas'), d = c.getContext('2d')
                .getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
            return n; }""")
        browser.close()
    assert "Tô Lâm" in labels and len(labels) > 1
    assert painted > 1000  # pixels drawn on the graph canvas
    assert requests == [url] and errors == []
