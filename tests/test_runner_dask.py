"""Extraction on a Dask cluster gives what a local run gives (extractions, then the graph)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from kg.runner import extract_articles

distributed = pytest.importorskip("distributed")

from runner_fns import make_articles


def _extract_fn():
    return None  # the real extraction: parse, then every extractor


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
        assert client.status != "closed"  # a client we were given is left open
    assert remote == list(extract_articles(articles, extract_fn=_extract_fn()))


def test_dask_local_cluster_without_address():
    articles = make_articles(3)
    remote = list(extract_articles(articles, executor="dask", extract_fn=_extract_fn()))
    assert remote == list(extract_articles(articles, extract_fn=_extract_fn()))


def test_dask_build_graph_equals_local(cluster, tmp_path):
    """`kg build --dask ADDRESS` path: add_articles extracts on the cluster; same quads as locally."""
    from kg.build import add_articles
    from kg.ingest import read_articles
    from kg.store import open_store

    data = sorted((Path(__file__).parents[1] / "data").glob("*.txt"))[:4]
    articles = list(read_articles(data)) + make_articles(4)
    graphs, failures = [], []
    for name, options in [("local", {"workers": 1}), ("dask", {"dask_address": cluster.scheduler_address})]:
        failed: list = []
        with open_store(tmp_path / name) as store:
            report = add_articles(store, articles, on_error=failed.append, **options)
            graphs.append(sorted(str(quad) for quad in store.quads()))
        failures.append(sorted(str(err) for err in failed))
        assert report.added + len(failed) == len(articles)
    local, remote = graphs
    assert local and remote == local
    assert failures[1] == failures[0]


def test_dask_cli_build_equals_local_build(cluster, tmp_path):
    """`kg build --dask ADDRESS` and `kg build --executor dask` write the graph a serial build writes."""
    from click.testing import CliRunner

    from kg.cli import main
    from kg.store import open_store

    data = sorted((Path(__file__).parents[1] / "data").glob("*.txt"))[:3]
    runs = {
        "serial": ["--workers", "1", "--executor", "serial"],
        "address": ["--dask", cluster.scheduler_address],
        "executor": ["--executor", "dask", "--workers", "1"],
    }
    graphs = {}
    for name, options in runs.items():
        store = tmp_path / name
        result = CliRunner().invoke(main, ["build", *map(str, data), "--store", str(store), *options])
        assert result.exit_code == 0, (name, result.stderr)
        with open_store(store, read_only=True) as opened:
            graphs[name] = sorted(str(quad) for quad in opened.quads())
    assert graphs["serial"]
    assert graphs["address"] == graphs["serial"]
    assert graphs["executor"] == graphs["serial"]
