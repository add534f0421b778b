"""The page of kg viz, without a browser: safe JSON, nothing fetched, edges aggregated."""

from __future__ import annotations

import html
import json
import re

from export_samples import IMG, SCRIPT, sample_graph

from kg.export.html import page_data, render_html, script_json


def _data_block(page: str) -> str:
    return page.split('<script type="application/json" id="vnkg-data">', 1)[1].split("</script>", 1)[0]


def test_script_json_escapes_what_could_end_the_block():
    text = script_json({"s": SCRIPT + IMG + "&amp; \u2028\u2029 <!--"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text)["s"] == SCRIPT + IMG + "&amp; \u2028\u2029 <!--"


def test_render_html_keeps_payloads_inside_the_json_block():
    page = render_html(sample_graph(), title=SCRIPT)
    data = _data_block(page)
    assert json.loads(data)["nodes"][2]["label"] == IMG
    assert "<img" not in page and "<script>alert" not in page
    assert len(re.findall(r"^<script", page, re.MULTILINE)) == 3  # the JSON, vis-network, ours


def test_render_html_loads_nothing_from_outside():
    page = render_html(sample_graph())
    tags = re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", page)
    assert all("src=" not in tag and "href=" not in tag for tag in tags), tags
    assert "cdn" not in " ".join(tags).lower()
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == directives["connect-src"] == "'none'"
    assert "unsafe" not in directives["script-src"] and directives["script-src"].count("'sha256-") == 2


def test_page_data_aggregates_events_per_pair_and_relation():
    data = page_data(sample_graph())
    assert len(data["nodes"]) == 7 and len(data["edges"]) == 7
    met = [e for e in data["edges"] if e["relation"] == "met" and len(e["events"]) > 1]
    assert len(met) == 1 and [ev["date"] for ev in met[0]["events"]] == ["2023-12-12", "2024-08-19", "2025-04-14"]
    assert met[0]["arrows"] == ""
    visited = [e for e in data["edges"] if e["relation"] == "visited"]
    assert all(e["arrows"] == "to" for e in visited)
    assert data["layout"] == "physics" and "x" not in data["nodes"][0]


def test_page_data_fixed_layout_gives_every_node_distinct_coordinates():
    data = page_data(sample_graph(), layout="fixed")
    assert data["options"]["physics"] == {"enabled": False}
    assert len({(n["x"], n["y"]) for n in data["nodes"]}) == len(data["nodes"])
