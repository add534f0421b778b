"""Fixtures for the reliability tests: a store on disk with a large filler graph, kg serve processes
cleaned up, and the sample articles extracted once in two versions."""

from __future__ import annotations

import contextlib
import dataclasses
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from kgproc import Server, kill_session, make_store, serve
from paths import DATA


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return make_store(tmp_path / "store")


def _stop(servers: list[Server]) -> None:
    for server in servers:
        if server.proc.poll() is None:
            server.proc.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                server.proc.wait(15)
        kill_session(server.proc.pid)


@pytest.fixture
def server_factory() -> Iterator:
    started: list[Server] = []

    def factory(store: Path, *args: str) -> Server:
        server = serve(store, *args)
        started.append(server)
        return server

    yield factory
    _stop(started)


@pytest.fixture(scope="module")
def shared_writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One kg serve --writable for tests that only send requests it must refuse (or harmless ones)."""
    server = serve(make_store(tmp_path_factory.mktemp("shared") / "store"), "--writable")
    yield server
    _stop([server])


def edited(article):
    """The article as an editor might change it: its last third cut, so names and facts go."""
    from kg.ingest.seed import content_hash

    cut = article.text.rfind(". ", 0, len(article.text) * 2 // 3)
    text = article.text[:cut + 1] if cut > 0 else article.text[: len(article.text) // 2]
    return dataclasses.replace(article, text=text, content_hash=content_hash(text, article.published))


@pytest.fixture(scope="session")
def versions():
    """Article id -> (extraction of the original, extraction of the edited text), for data/."""
    from kg.ingest import read_articles
    from kg.runner import extract_articles

    articles = list(read_articles([DATA]))
    originals = {e.article.id: e for e in extract_articles(articles, workers=1)}
    changed = {e.article.id: e for e in extract_articles([edited(a) for a in articles], workers=1)}
    return {article_id: (originals[article_id], changed[article_id]) for article_id in sorted(originals)}
