"""Issue 12: the graph, the page and every export say what the SPARQL queries say, on data/."""

from __future__ import annotations

import pytest
from paths import QUERIES

from kg.export.graph import select
from kg.export.sparql import EVENT_CLASSES

PREFIXES = "PREFIX vnkg: <https://vnkg.org/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
CLASS_OF = {relation: cls for cls, relation in EVENT_CLASSES.items()}


def query_text(name: str) -> str:
    return (QUERIES / name).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def graph(data_store):
    from kg.export import to_networkx

    return to_networkx(data_store, include_negated=True)


def _labels(g, u, v):
    return g.nodes[u]["label"], g.nodes[v]["label"]


def _edges(g, relation):
    return {(u, v) for u, v, d in g.edges(data=True) if d["relation"] == relation}


def _sparql_pairs(store, relation):
    """Subject -> object pairs straight from SPARQL: meeting participants, else agent x object."""
    cls = CLASS_OF[relation]
    if relation == "met":
        sparql = f"SELECT DISTINCT ?s ?o WHERE {{ ?ev a vnkg:{cls} ; vnkg:participant ?s , ?o . FILTER(STR(?s) < STR(?o)) }}"
    else:
        sparql = f"SELECT DISTINCT ?s ?o WHERE {{ ?ev a vnkg:{cls} ; vnkg:agent ?s ; vnkg:object ?o . FILTER(?s != ?o) }}"
    return {tuple(row) for row in store.query(PREFIXES + sparql)}


def test_consistency_who_met_whom_rows_are_the_met_edges(data_store, graph):
    rows = data_store.query(query_text("who_met_whom.rq")).dicts()
    from_query = {frozenset((r["person1"], r["person2"])) for r in rows}
    from_graph = {frozenset(_labels(graph, u, v)) for u, v in _edges(graph, "met")}
    assert from_query == from_graph
    to_lam = {p for pair in from_query if "Tô Lâm" in pair for p in pair} - {"Tô Lâm"}
    assert len(to_lam) >= 15


@pytest.mark.parametrize("relation", sorted(CLASS_OF))
def test_consistency_every_relation_matches_sparql(data_store, graph, relation):
    expected = _sparql_pairs(data_store, relation)
    if relation == "met":
        got = {tuple(sorted(pair)) for pair in _edges(graph, relation)}
    else:
        got = _edges(graph, relation)
    assert got == expected


def test_consistency_signed_and_visited_queries(data_store, graph):
    signed = data_store.query(query_text("agreements_signed.rq")).dicts()
    vn = next(n for n, d in graph.nodes(data=True) if d["label"] == "Việt Nam")
    by_vn = {graph.nodes[o]["label"] for u, o in _edges(graph, "signed") if u == vn}
    assert {r["agreement"] for r in signed} == by_vn and by_vn
    visits = data_store.query(query_text("visits_to_country.rq")).dicts()
    to_vn = {graph.nodes[u]["label"] for u, o in _edges(graph, "visited") if o == vn}
    assert {r["visitor"] for r in visits} == to_vn and to_vn


def test_consistency_no_self_loop_the_store_does_not_hold(graph):
    assert not [(u, v) for u, v in graph.edges() if u == v]


def test_issue12_focus_xi_jinping_shows_his_meeting_with_to_lam(data_store):
    from kg.export import to_networkx

    view = to_networkx(data_store, focus="Xi Jinping", hops=1)
    labels = {d["label"] for _, d in view.nodes(data=True)}
    assert "Tô Lâm" in labels
    met = {frozenset(_labels(view, u, v)) for u, v, d in view.edges(data=True) if d["relation"] == "met"}
    assert any("Tô Lâm" in pair and len(pair) == 2 for pair in met)


def test_issue12_viet_nam_signed_with_only_signed_ticked(graph):
    view = select(graph, relations=["signed"])
    assert any(d["label"] == "Việt Nam" for _, d in view.nodes(data=True))


def test_consistency_page_and_exports_carry_the_same_edges(graph, tmp_path):
    from kg.export import read_graph, write_graph
    from kg.export.html import page_data

    edges = {(u, v, k) for u, v, k in graph.edges(keys=True)}
    for fmt in ("graphml", "gexf", "json"):
        back = read_graph(write_graph(graph, fmt, tmp_path / f"g.{fmt}"), fmt)
        assert {(u, v, k) for u, v, k in back.edges(keys=True)} == edges, fmt
    data = page_data(graph)
    iris = [n["iri"] for n in data["nodes"]]
    drawn = {(iris[ev["from"]], iris[ev["to"]], ev["event"]) for e in data["edges"] for ev in e["events"]}
    assert drawn == edges


def test_consistency_kg_viz_reading_one_report_per_event_draws_the_same_edges(data_store, graph):
    from kg.export import to_networkx

    sampled = to_networkx(data_store, include_negated=True, all_reports=False)
    assert set(sampled.edges(keys=True)) == set(graph.edges(keys=True))
    assert all(sampled.edges[e]["reports"] == graph.edges[e]["reports"] for e in graph.edges(keys=True))
    assert all(sampled.edges[e]["evidence"] for e in graph.edges(keys=True))
