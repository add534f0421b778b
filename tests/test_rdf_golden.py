"""Golden graphs: two of our articles, extracted and turned into quads, compared
with frozen Turtle files by graph isomorphism (blank nodes and order free).

A change in either the extractor or ``kg.rdf`` that alters a single triple of
these articles fails here, with the triples that differ. When the change is
intended, regenerate the files and review their diff before committing::

    VNKG_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_rdf_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

import kg
from kg import ids
from kg.rdf import to_quads

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "data" / "golden"
ARTICLES = ["101_lao_state_visit_2024", "109_tolam_trump_phone_call_2025"]


def _graphs(article_id: str) -> dict[str, Graph]:
    # a path relative to the checkout, so the files' vnkg:sourceFile is the same in every clone
    [article] = kg.read_articles([Path("data") / f"{article_id}.txt"])
    quads = to_quads(kg.extract_article(article))
    graphs = {"facts": Graph(), "names": Graph()}
    for quad in quads:
        part = "names" if quad.graph_name.value == ids.NAMES_GRAPH else "facts"
        graphs[part].parse(data=f"{quad.subject} {quad.predicate} {quad.object} .", format="nt")
    return graphs


def _golden_path(article_id: str, part: str) -> Path:
    return GOLDEN / (f"{article_id}.ttl" if part == "facts" else f"{article_id}.names.ttl")


def _described(triples: Graph) -> str:
    lines = sorted(f"  {s.n3()} {p.n3()} {o.n3()}" for s, p, o in triples)
    return "\n".join(lines[:20]) + (f"\n  … {len(lines) - 20} more" if len(lines) > 20 else "")


@pytest.mark.parametrize("article_id", ARTICLES)
def test_rdf_golden_article_graphs_are_isomorphic(article_id, monkeypatch):
    monkeypatch.chdir(ROOT)
    graphs = _graphs(article_id)
    assert len(graphs["facts"]) > 50 and len(graphs["names"]) > 10
    for part, made in graphs.items():
        path = _golden_path(article_id, part)
        if os.environ.get("VNKG_UPDATE_GOLDEN"):
            made.bind("vnkg", "https://vnkg.org/ontology#")
            path.write_text(made.serialize(format="turtle"), encoding="utf-8")
        golden = Graph().parse(path, format="turtle")
        if to_isomorphic(made) != to_isomorphic(golden):
            _, only_golden, only_made = graph_diff(to_isomorphic(golden), to_isomorphic(made))
            pytest.fail(f"{path.name} differs from to_quads:\nonly in the golden file:\n"
                        f"{_described(only_golden)}\nonly in the new output:\n{_described(only_made)}")
