"""How the remote store cuts an article's write into operations of one request."""

from __future__ import annotations

import samples

from kg import ids
from kg.rdf import to_quads
from kg.store.remote import _replace_in_parts


def test_remote_write_drops_then_inserts_in_parts_with_the_hash_last(monkeypatch):
    import kg.store.remote

    monkeypatch.setattr(kg.store.remote, "_INSERT_QUADS", 10)
    quads = to_quads(samples.lao_a())
    graph = ids.article_graph_iri("lao-a")
    update = _replace_in_parts(graph, quads)
    operations = update.split(" ;\n")
    assert operations[0] == f"DROP SILENT GRAPH <{graph}>"
    assert len(operations) == 1 + -(-len(quads) // 10)
    assert all(op.startswith("INSERT DATA {") for op in operations[1:])
    triples = [line for line in update.splitlines() if line.endswith(" .")]
    assert len(triples) == len(quads)
    assert "contentHash" in triples[-1] and sum("contentHash" in t for t in triples) == 1
