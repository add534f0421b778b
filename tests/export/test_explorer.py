"""kg.export.explorer against a real on-disk store built from data/ (kg serve mounts these)."""

from __future__ import annotations

import json

import pytest

from kg.errors import KGError
from kg.export import explorer

TO_LAM = "https://vnkg.org/id/person/to-lam"


def _labels(data):
    return {n["label"] for n in data["nodes"]}


def _edges(data, relation=None):
    iris = [n["iri"] for n in data["nodes"]]
    return {(iris[ev["from"]], iris[ev["to"]], e["relation"]) for e in data["edges"] for ev in e["events"]
            if relation is None or e["relation"] == relation}


def test_explorer_search_matches_names_and_aliases_without_diacritics(data_store):
    hits = explorer.search(data_store, "to lam")
    assert hits[0] == {"id": TO_LAM, "label": "Tô Lâm", "type": "Person"}
    assert [h["label"] for h in explorer.search(data_store, "XI JINPING")] == ["Tập Cận Bình"]
    assert all(set(h) == {"id", "label", "type"} for h in explorer.search(data_store, "a", limit=5))
    assert len(explorer.search(data_store, "a", limit=5)) == 5
    assert explorer.search(data_store, "   ") == [] and explorer.search(data_store, "zzzqqq") == []


def test_explorer_neighbourhood_is_the_graph_around_the_node(data_store):
    from kg.export import to_networkx

    data = explorer.neighbourhood(data_store, TO_LAM)
    json.dumps(data)  # what the server sends
    assert data["focus"] == [next(n["id"] for n in data["nodes"] if n["iri"] == TO_LAM)]
    g = to_networkx(data_store)
    around = {(u, v, g.edges[u, v, k]["relation"]) for u, v, k in g.edges(keys=True) if TO_LAM in (u, v)}
    assert {e for e in _edges(data) if TO_LAM in e[:2]} == around
    assert {g.nodes[n]["label"] for n in {x for e in around for x in e[:2]}} == _labels(data)
    met = {e[0] if e[1] == TO_LAM else e[1] for e in _edges(data, "met")}
    assert len(met) >= 15 and TO_LAM not in met


def test_explorer_neighbourhood_filters_in_the_query(data_store):
    only_met = explorer.neighbourhood(data_store, TO_LAM, relations=["met"])
    assert {e[2] for e in _edges(only_met)} == {"met"}
    dated = explorer.neighbourhood(data_store, TO_LAM, date_from="2025-01-01", date_to="2025-12-31")
    dates = [ev["date"] for e in dated["edges"] for ev in e["events"]]
    assert dates and all(d[:4] == "2025" for d in dates)
    whole = explorer.neighbourhood(data_store, TO_LAM)
    assert len(_edges(dated)) < len(_edges(whole))
    two = explorer.neighbourhood(data_store, TO_LAM, hops=2)
    assert _labels(whole) < _labels(two)
    small = explorer.neighbourhood(data_store, TO_LAM, limit=5)
    assert len(small["nodes"]) == 5 and small["dropped"]["nodes"] == len(whole["nodes"]) - 5


def test_explorer_evidence_carries_confidence_and_article(data_store):
    data = explorer.neighbourhood(data_store, TO_LAM, relations=["met"])
    events = [ev for e in data["edges"] for ev in e["events"]]
    assert all(ev["evidence"] and ev["article"] and ev["confidence"] is not None for ev in events)
    assert all(ev["article"] in data["articles"] for ev in events)
    assert any(data["articles"][ev["article"]]["date"] for ev in events)


@pytest.mark.parametrize("bad", [{"node_id": "x> } DROP"}, {"hops": 9}, {"relations": ["kissed"]},
                                 {"date_from": "2024-13-99x"}])
def test_explorer_neighbourhood_rejects_bad_input(data_store, bad):
    args = {"node_id": TO_LAM, **bad}
    with pytest.raises(KGError):
        explorer.neighbourhood(data_store, args.pop("node_id"), **args)


def test_explorer_unknown_node_is_an_empty_view(data_store):
    data = explorer.neighbourhood(data_store, "https://vnkg.org/id/person/nobody")
    assert data["nodes"] == [] and data["edges"] == []


def test_explorer_page_is_the_viz_page_in_explorer_mode():
    page = explorer.explorer_page(api_base="/api/v1")
    assert '"explorer":{"api":"/api/v1"}' in page
    assert "connect-src &#x27;self&#x27;" in page and 'id="search"' in page and 'id="expand"' in page


def test_explorer_neighbours_details_come_with_hops_0_as_the_whole_graph_has_them(data_store):
    from kg.export import to_networkx

    g = to_networkx(data_store)
    data = explorer.neighbourhood(data_store, TO_LAM)
    (focus,) = [n for n in data["nodes"] if n["iri"] == TO_LAM]
    assert "partial" not in focus and focus["offices"] and focus["articles"] == g.nodes[TO_LAM]["articles"]
    neighbours = [n for n in data["nodes"] if n["iri"] != TO_LAM]
    assert neighbours and all(n["partial"] and n["offices"] == [] and n["articles"] == 0 for n in neighbours)
    with_offices = 0
    for n in neighbours:
        alone = explorer.neighbourhood(data_store, n["iri"], hops=0)
        assert alone["edges"] == [] and len(alone["nodes"]) == 1
        (one,) = alone["nodes"]
        assert "partial" not in one and one["label"] == n["label"] and one["aliases"] == n["aliases"]
        assert one["articles"] == g.nodes[n["iri"]]["articles"] > 0
        assert one["offices"] == g.nodes[n["iri"]]["offices"]
        with_offices += bool(one["offices"])
    assert with_offices >= 3


def test_explorer_reports_fill_the_events_two_steps_away_as_their_own_neighbourhood_has_them(data_store):
    data = explorer.neighbourhood(data_store, TO_LAM, hops=2)
    iris = [n["iri"] for n in data["nodes"]]
    fields = ("evidence", "article", "confidence", "caption", "reports", "sources")
    lazy = {ev["event"]: ev for e in data["edges"] for ev in e["events"] if ev.get("partial")}
    told = [ev for e in data["edges"] for ev in e["events"] if not ev.get("partial")]
    assert lazy and told and all(ev["evidence"] == "" for ev in lazy.values())
    assert all(TO_LAM in (iris[ev["from"]], iris[ev["to"]]) for ev in told)
    got = explorer.reports(data_store, sorted(lazy))
    assert set(got["events"]) == set(lazy)
    for iri, ev in lazy.items():
        party = iris[ev["from"]]
        around = explorer.neighbourhood(data_store, party)
        (same,) = {json.dumps({k: x[k] for k in fields}) for e in around["edges"] for x in e["events"]
                   if x["event"] == iri}
        assert got["events"][iri] == json.loads(same) and got["events"][iri]["evidence"]
    assert {e["article"] for e in got["events"].values()} <= set(got["articles"])
    with pytest.raises(KGError):
        explorer.reports(data_store, ["x> } DROP"])


class _Watched:
    """A store that counts the queries running at once, runs them one at a time if ``serial``,
    and fails those containing ``fail``."""

    def __init__(self, store, *, serial=False, fail=None):
        import threading

        self.store, self.serial, self.fail = store, serial, fail
        self.count_lock, self.one_at_a_time = threading.Lock(), threading.Lock()
        self.running = self.most = 0

    def query(self, sparql):
        from contextlib import nullcontext

        from kg.errors import QueryError

        with self.one_at_a_time if self.serial else nullcontext():
            with self.count_lock:
                self.running += 1
                self.most = max(self.most, self.running)
            try:
                if self.fail and self.fail in sparql:
                    raise QueryError(f"refused: {self.fail}")
                return self.store.query(sparql)
            finally:
                with self.count_lock:
                    self.running -= 1


def test_explorer_reports_read_beside_the_walk_give_the_serial_answer(data_store):
    for hops in (1, 2):
        beside, serial = _Watched(data_store), _Watched(data_store, serial=True)
        data = explorer.neighbourhood(beside, TO_LAM, hops=hops)
        assert json.dumps(data, sort_keys=True) == json.dumps(
            explorer.neighbourhood(serial, TO_LAM, hops=hops), sort_keys=True)
        assert beside.most <= 2 and serial.most == 1
        told = [ev for e in data["edges"] for ev in e["events"] if not ev.get("partial")]
        assert told and all(ev["evidence"] and ev["article"] in data["articles"] for ev in told)


def test_explorer_a_failed_reports_query_fails_the_neighbourhood(data_store):
    with pytest.raises(KGError, match="refused"):
        explorer.neighbourhood(_Watched(data_store, fail="How many reports each"), TO_LAM, hops=2)


def test_explorer_own_events_a_further_step_finds_wait_for_reports_as_their_neighbourhood_has_them(data_store):
    # the first step stops at `most` events: the second may find more of Tô Lâm's (which ones is the
    # engine's order), whose reports are asked for later
    for most in (5, 10, 20, 30, 40):
        data = explorer.neighbourhood(data_store, TO_LAM, hops=2, max_events=most)
        iris = [n["iri"] for n in data["nodes"]]
        events = {ev["event"]: ev for e in data["edges"] for ev in e["events"]}
        told = {iri for iri, ev in events.items() if not ev.get("partial")}
        own_later = {iri: ev for iri, ev in events.items() if ev.get("partial")
                     and TO_LAM in (iris[ev["from"]], iris[ev["to"]])}
        assert 0 < len(told) <= most and data["dropped"]["events"]
        if own_later:
            break
    assert own_later
    assert all(ev["evidence"] == "" for ev in own_later.values())
    whole = explorer.neighbourhood(data_store, TO_LAM)  # every event of his, reports read
    fields = ("evidence", "article", "confidence", "caption", "reports", "sources")
    expected = {ev["event"]: {k: ev[k] for k in fields} for e in whole["edges"] for ev in e["events"]}
    got = explorer.reports(data_store, sorted(own_later))
    assert got["events"] == {iri: expected[iri] for iri in own_later}
    assert all(got["events"][iri]["evidence"] for iri in own_later)
