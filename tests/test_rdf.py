"""Extraction -> quads: IRIs, graphs, labels, dates, event merging."""

from __future__ import annotations

import pytest
import samples

from kg import ids
from kg.rdf import date_literal, title_english, to_quads

PREF = "http://www.w3.org/2004/02/skos/core#prefLabel"


def _objects(quads, s, p):
    return {q.object.value for q in quads if q.subject.value == s and q.predicate.value == p}


def test_rdf_one_person_from_two_articles_is_one_node():
    a, b = to_quads(samples.lao_a()), to_quads(samples.lao_b())
    person = ids.entity_iri("Person", "Tô Lâm")
    assert person == "https://vnkg.org/id/person/to-lam"
    assert any(q.subject.value == person for q in a) and any(q.subject.value == person for q in b)


def test_rdf_facts_in_article_graph_names_in_names_graph():
    quads = to_quads(samples.lao_a())
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {ids.article_graph_iri("lao-a"), ids.NAMES_GRAPH}
    names = [q for q in quads if q.graph_name.value == ids.NAMES_GRAPH]
    assert all(q.predicate.value != "https://vnkg.org/ontology#evidence" for q in names)


def test_rdf_english_labels_for_countries_and_offices():
    quads = to_quads(samples.lao_a())
    assert "Laos" in _objects(quads, "https://vnkg.org/id/country/lao", PREF)
    assert "General Secretary" in _objects(quads, ids.office_iri("Tổng Bí thư"), PREF)
    assert title_english("Chủ tịch nước") == "President"


def test_rdf_same_meeting_two_reports_same_event_iri():
    def meetings(ex):
        return {q.subject.value for q in to_quads(ex)
                if q.object.value == "https://vnkg.org/ontology#Meeting"}
    assert meetings(samples.lao_a()) == meetings(samples.lao_b())


def test_rdf_month_and_day_of_one_meeting_in_one_article_are_one_event():
    from dataclasses import replace

    ex = samples.lao_b()
    day = ex.relations[0]
    month = replace(day, subject=day.object, object=day.subject, date="2025-12")
    quads = to_quads(replace(ex, relations=(month, day)))
    meetings = {q.subject.value for q in quads if q.object.value == "https://vnkg.org/ontology#Meeting"}
    assert len(meetings) == 1
    [event] = meetings
    assert _objects(quads, event, "https://vnkg.org/ontology#date") == {"2025-12-02"}


def test_rdf_met_is_stored_both_ways():
    quads = to_quads(samples.lao_b())
    met = {(q.subject.value, q.object.value) for q in quads if q.predicate.value.endswith("#met")}
    a, b = ids.entity_iri("Person", "Tô Lâm"), ids.entity_iri("Person", "Thongloun Sisoulith")
    assert met == {(a, b), (b, a)}


@pytest.mark.parametrize("value,datatype", [("2025-12-02", "date"), ("2024-07", "gYearMonth"),
                                            ("2024", "gYear")])
def test_rdf_partial_dates(value, datatype):
    assert date_literal(value).datatype.value.endswith("#" + datatype)


def test_rdf_dangling_key_raises():
    with pytest.raises(ValueError, match="Ai Đó"):
        to_quads(samples.bad())


def test_rdf_deterministic():
    assert to_quads(samples.lao_a()) == to_quads(samples.lao_a())


def test_rdf_article_headline_url_and_publisher_from_a_web_page():
    from dataclasses import replace

    from kg.model import Extraction

    article = replace(samples.lao_a().article, title="Chủ tịch nước thăm Lào",
                      url="https://tin.example.vn/the-gioi/a.html", outlet="Thời sự Quốc tế")
    quads = to_quads(Extraction(article=article))
    node = ids.article_iri(article.id)
    schema = "http://schema.org/"
    assert _objects(quads, node, schema + "headline") == {"Chủ tịch nước thăm Lào"}
    assert _objects(quads, node, schema + "url") == {"https://tin.example.vn/the-gioi/a.html"}
    assert _objects(quads, node, schema + "publisher") == {"Thời sự Quốc tế"}
    bare = to_quads(Extraction(article=samples.lao_a().article))
    assert _objects(bare, node, schema + "publisher") == set()
