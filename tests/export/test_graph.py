"""The networkx shape and the filters of kg viz (kg.export.graph)."""

from __future__ import annotations

import pytest
from export_samples import IMG, sample_graph

from kg.errors import KGError
from kg.export.graph import find_nodes, from_extractions, select, strip_diacritics_and_case


def test_fold_ignores_case_diacritics_and_spaces():
    assert strip_diacritics_and_case("  TÔ   lâm ") == strip_diacritics_and_case("To Lam") == "to lam"
    assert strip_diacritics_and_case("Đảng") == "dang"


def test_find_nodes_matches_label_and_alias():
    g = sample_graph()
    assert find_nodes(g, "to lam") == ["p/to-lam"]
    assert find_nodes(g, "xi jinping") == ["p/xi"]
    assert find_nodes(g, "china") == ["c/cn"]


def test_select_focus_hops():
    g = sample_graph()
    one = select(g, focus="Tô Lâm", hops=1)
    assert set(one) == {"p/to-lam", "p/xi", "p/evil", "c/cn", "o/asean"}
    assert one.graph["focus"] == ["p/to-lam"]
    assert set(select(g, focus="Tô Lâm", hops=0)) == {"p/to-lam"}
    assert set(select(g, focus="Tô Lâm", hops=2)) == set(g) - {"p/lonely"}
    assert g.number_of_nodes() == 7  # the input is left alone


def test_select_relations_keep_only_entities_in_matching_events():
    view = select(sample_graph(), relations=["met"])
    assert set(view) == {"p/to-lam", "p/xi", "p/evil"}
    assert {d["relation"] for _, _, d in view.edges(data=True)} == {"met"}
    assert view.number_of_edges() == 4


def test_select_dates_overlap_partial_dates_and_drop_undated():
    g = sample_graph()
    keys = {k for _, _, k in select(g, since="2025-04-30").edges(keys=True)}
    assert keys == {"e4"}  # dated 2025-04: the month overlaps
    keys = {k for _, _, k in select(g, since="2020-06-01", until="2023-12-31").edges(keys=True)}
    assert keys == {"e5", "e6", "e8", "e9"}  # e8 is dated 2020: the year overlaps; e7 is undated
    keys = {k for _, _, k in select(g, since="2021-01-01", until="2023-12-31").edges(keys=True)}
    assert keys == {"e5", "e6", "e9"}


def test_select_types():
    view = select(sample_graph(), types=["Country", "Organization"])
    assert set(view) == {"c/vn", "c/cn", "o/asean"}


def test_select_max_nodes_keeps_most_connected_and_reports():
    view = select(sample_graph(), max_nodes=2)
    assert set(view) == {"p/to-lam", "p/xi"}
    dropped = view.graph["dropped"]
    assert dropped["nodes"] == 5 and dropped["edges"] == 6
    assert dropped["examples"][0] == "Việt Nam"


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"focus": "Nobody"}, "No entity named 'Nobody'"),
    ({"relations": ["mett"]}, "No relation 'mett'. Available: attended"),
    ({"types": ["Persn"]}, "No type 'Persn'. Available: Agreement, Country"),
])
def test_select_errors_name_the_value_and_alternatives(kwargs, message):
    with pytest.raises(KGError, match=message):
        select(sample_graph(), **kwargs)


def test_from_extractions_builds_typed_nodes_and_events():
    import datetime as dt

    from kg.model import Article, Entity, Evidence, Extraction, Position, Relation

    text = "Tổng Bí thư Tô Lâm hội đàm với " + IMG + "."
    article = Article(id="a1", text=text, published=dt.date(2025, 1, 2), source="x", content_hash="h")
    ev = Evidence(article_id="a1", sentence=text, sentence_start=0, start=0, end=len(text))
    extraction = Extraction(
        article=article,
        entities=(Entity(key="person:to lam", type="Person", name="Tô Lâm", aliases=("Tổng Bí thư Tô Lâm",)),
                  Entity(key="person:x", type="Person", name=IMG)),
        positions=(Position(person="person:to lam", title="Tổng Bí thư", org=None, date="2025-01-02",
                            evidence=ev),),
        relations=(Relation(subject="person:to lam", predicate="met", object="person:x", date="2025-01-02",
                            evidence=ev, kind="hội đàm"),))
    g = from_extractions([extraction])
    assert g.nodes["person:to lam"]["offices"] == [{"title": "Tổng Bí thư", "org": None, "date": "2025-01-02"}]
    assert g.nodes["person:x"]["label"] == IMG
    (_, _, d), = g.edges(data=True)
    assert d["relation"] == "met" and d["evidence"] == text and d["article"] == "a1"
