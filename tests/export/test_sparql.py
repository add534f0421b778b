"""to_networkx(store): the store's graph in the networkx shape of kg.export.graph."""

from __future__ import annotations

import datetime as dt

import pytest
from export_samples import IMG, SCRIPT

from kg.model import Article, Entity, Evidence, Extraction, Position, Relation

store_module = pytest.importorskip("kg.store")


def _extraction(article_id: str, date: str, text: str, *, negated: bool = False) -> Extraction:
    article = Article(id=article_id, text=text, published=dt.date.fromisoformat(date), source="t",
                      content_hash=article_id)
    ev = Evidence(article_id=article_id, sentence=text, sentence_start=0, start=0, end=len(text))
    to_lam = Entity(key="Tô Lâm", type="Person", name="Tô Lâm", aliases=("Tổng Bí thư Tô Lâm",))
    xi = Entity(key="Tập Cận Bình", type="Person", name="Tập Cận Bình", aliases=("Xi Jinping",))
    evil = Entity(key="evil", type="Person", name=IMG, aliases=(SCRIPT,))
    cn = Entity(key="Trung Quốc", type="Country", name="Trung Quốc", english_name="China")
    return Extraction(
        article=article, entities=(to_lam, xi, evil, cn),
        positions=(Position(person="Tô Lâm", title="Tổng Bí thư", org=None, date=date, evidence=ev),),
        relations=(Relation(subject="Tô Lâm", predicate="met", object="Tập Cận Bình", date="2024-08-19",
                            evidence=ev, kind="hội đàm"),
                   Relation(subject="Tô Lâm", predicate="visited", object="Trung Quốc", date="2024-08",
                            evidence=ev),
                   Relation(subject="evil", predicate="met", object="Tô Lâm", date=None, evidence=ev,
                            modality="negated" if negated else "done")))


@pytest.fixture(scope="module")
def store():
    store = store_module.open_store(None)
    store.add([_extraction("a1", "2024-08-19", "Tô Lâm hội đàm với Tập Cận Bình tại Bắc Kinh."),
               _extraction("a 2", "2024-08-20", "Hai nhà lãnh đạo đã hội đàm. " + SCRIPT, negated=True)])
    yield store
    store.close()


def test_to_networkx_reads_entities_with_names_offices_and_articles(store):
    from kg.export import to_networkx

    g = to_networkx(store)
    by_label = {d["label"]: (n, d) for n, d in g.nodes(data=True)}
    assert set(by_label) == {"Tô Lâm", "Tập Cận Bình", IMG, "Trung Quốc"}
    iri, to_lam = by_label["Tô Lâm"]
    assert iri.startswith("https://vnkg.org/id/person/")
    assert to_lam["type"] == "Person" and to_lam["aliases"] == ["Tổng Bí thư Tô Lâm"]
    assert to_lam["articles"] == 2
    assert to_lam["offices"] == [{"title": "Tổng Bí thư", "org": None, "date": "2024-08-19/2024-08-20"}]
    assert by_label["Trung Quốc"][1]["aliases"] == ["China"]
    assert by_label[IMG][1]["aliases"] == [SCRIPT]


def test_to_networkx_reads_events_with_evidence(store):
    from kg.export import to_networkx

    g = to_networkx(store)
    events = {d["relation"]: d for _, _, d in g.edges(data=True)}
    assert set(events) == {"met", "visited"}  # the negated meeting is left out
    met = events["met"]
    assert met["date"] == "2024-08-19" and met["kind"] == "hội đàm" and met["modality"] == "done"
    assert met["article"] == "a 2" and met["evidence"] == "Hai nhà lãnh đạo đã hội đàm. " + SCRIPT
    assert met["sources"] == [{"article": "a1", "evidence": "Tô Lâm hội đàm với Tập Cận Bình tại Bắc Kinh.",
                               "confidence": 1.0, "caption": False}]
    assert met["reports"] == 2 and met["confidence"] == 1.0
    assert events["visited"]["date"] == "2024-08"
    assert len(to_networkx(store, include_negated=True).edges) == 3


def test_to_networkx_filters(store):
    from kg.export import to_networkx

    g = to_networkx(store, focus="xi jinping", hops=1)
    assert sorted(d["label"] for _, d in g.nodes(data=True)) == ["Tô Lâm", "Tập Cận Bình"]


@pytest.mark.server
def test_to_networkx_reads_a_sparql_server_as_the_embedded_store(store, remote_store):
    from kg.export import to_networkx

    remote_store.add([_extraction("a1", "2024-08-19", "Tô Lâm hội đàm với Tập Cận Bình tại Bắc Kinh."),
                      _extraction("a 2", "2024-08-20", "Hai nhà lãnh đạo đã hội đàm. " + SCRIPT, negated=True)])
    for all_reports in (True, False):
        here, there = (to_networkx(s, include_negated=True, all_reports=all_reports) for s in (store, remote_store))
        assert sorted(here.nodes(data=True)) == sorted(there.nodes(data=True))
        edges = [sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))
                 for g in (here, there)]
        assert edges[0] == edges[1] and len(edges[0]) == 3
        assert here.graph["articles"] == there.graph["articles"]
