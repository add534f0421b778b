"""The names graph on removal: what only the removed article recorded goes, read from its own records."""

from __future__ import annotations

import samples
from pyoxigraph import Literal, NamedNode, Quad

from kg import ids
from kg.store import names, open_store


def test_names_left_unrecorded_are_what_a_removal_drops():
    store = open_store(None)
    store.add(samples.all_samples())
    graph = NamedNode(ids.article_graph_iri("apec"))
    expected = set(names.left_unrecorded(store.native, graph))
    before = set(store.native.quads_for_pattern(None, None, None, names.NAMES))
    assert store.remove("apec")
    after = set(store.native.quads_for_pattern(None, None, None, names.NAMES))
    assert expected and before - after == expected


def test_names_a_record_that_names_no_triple_is_left_out():
    store = open_store(None)
    store.add(samples.all_samples())
    graph = NamedNode(ids.article_graph_iri("apec"))
    subject = next(store.native.quads_for_pattern(None, names.NAME_FACT_NODE, None, graph)).subject
    # Records are N-Triples text; one written by someone else must not become SPARQL.
    bogus = '<https://x.example/p> "a" } } ; CLEAR ALL ; INSERT DATA { <https://x.example/s> <https://x.example/p> "b" } #'
    store.native.add(Quad(subject, names.NAME_FACT_NODE, Literal(bogus), graph))
    assert store.remove("apec")
    clean = open_store(None)
    clean.add([e for e in samples.all_samples() if e.article.id != "apec"])
    assert sorted(map(str, store.quads())) == sorted(map(str, clean.quads()))
