"""Extraction on a Dask cluster gives what a local run gives (extractions, then the graph)."""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

import pytest

from kg.pipeline import extract_articles

distributed = pytest.importorskip("distributed")

sys.path.insert(0, str(Path(__file__).parent))
from pipeline_fns import make_articles, ner_entities  # noqa: E402

HAS_ENGINE = importlib.util.find_spec("kg.extract.pipeline") is not None


def _extract_fn():
    # The real engine once it is there; until then a small NER extractor.
    return None if HAS_ENGINE else ner_entities


@pytest.fixture(scope="module")
def cluster():
    """One in-process cluster over TCP: tasks and results really go through serialization."""
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp",
                                  dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
        yield cluster


def test_dask_address_equals_local(cluster):
    articles = make_articles(9)
    local = list(extract_articles(articles, extract_fn=_extract_fn()))
    remote = list(extract_articles(articles, dask_address=cluster.scheduler_address,
                                   extract_fn=_extract_fn()))
    assert remote == local
    assert [e.article.id for e in remote] == [a.id for a in articles]


def test_dask_client_equals_local(cluster):
    articles = make_articles(5)
    with distributed.Client(cluster) as client:
        remote = list(extract_articles(articles, executor=client, extract_fn=_extract_fn()))
        assert not client.status == "closed"  # a client we were given is left open
    assert remote == list(extract_articles(articles, extract_fn=_extract_fn()))


def test_dask_local_cluster_without_address():
    articles = make_articles(3)
    remote = list(extract_articles(articles, executor="dask", extract_fn=_extract_fn()))
    assert remote == list(extract_articles(articles, extract_fn=_extract_fn()))


def _open_store():
    import kg

    return getattr(kg, "open_store", None)


@pytest.mark.skipif(not HAS_ENGINE, reason="the extraction engine is not there yet")
def test_dask_build_graph_equals_local(cluster, tmp_path):
    open_store = _open_store()
    if open_store is None:
        pytest.skip("kg.open_store is not there yet")
    articles = make_articles(8)
    graphs = []
    for name, options in [("local", {}), ("dask", {"dask_address": cluster.scheduler_address})]:
        store = open_store(tmp_path / name)
        try:
            store.add(extract_articles(articles, **options))
            rows = store.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
            graphs.append(sorted(tuple(str(term) for term in row) for row in rows))
        finally:
            close = getattr(store, "close", None)
            if close is not None:
                close()
    local, remote = graphs
    assert local and remote == local
