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
