"""kg export --format graphml|gexf|json: every writer round-trips through read_graph."""

from __future__ import annotations

import pytest
from export_samples import IMG, SCRIPT, sample_graph

from kg.errors import KGError
from kg.export.formats import FORMATS, read_graph, write_graph


def _edges(g):
    return sorted((u, v, k, tuple(sorted(d.items(), key=str))) for u, v, k, d in g.edges(keys=True, data=True))


@pytest.mark.parametrize("fmt", FORMATS)
def test_write_graph_round_trip(tmp_path, fmt):
    g = sample_graph()
    g.edges["p/to-lam", "p/xi", "e1"]["sources"] = [{"article": "a9", "evidence": SCRIPT}]
    back = read_graph(write_graph(g, fmt, tmp_path / f"g.{fmt}"), fmt)
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert _edges(back) == _edges(g)
    assert back.nodes["p/evil"]["label"] == IMG


def test_write_graph_unknown_format(tmp_path):
    with pytest.raises(KGError, match="No export format 'dot'. Available: graphml, gexf, json"):
        write_graph(sample_graph(), "dot", tmp_path / "g.dot")


def test_gexf_carries_dates_as_spells_for_the_timeline(tmp_path):
    from kg.export.graph import add_entity, add_event, new_graph

    g = new_graph()
    add_entity(g, "a", type="Person", label="A")
    add_entity(g, "b", type="Country", label="B")
    add_event(g, "a", "b", key="e1", relation="visited", date="2024-07")
    add_event(g, "a", "b", key="e2", relation="visited", date=None)
    text = write_graph(g, "gexf", tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    assert 'start="2024-07-01"' in text and 'end="2024-07-31"' in text
    back = read_graph(tmp_path / "g.gexf", "gexf")
    assert sorted((d["date"] or "", "start" in d) for _, _, d in back.edges(data=True)) == [("", False), ("2024-07", False)]
