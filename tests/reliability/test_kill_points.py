"""Issue 13, point 10: SIGKILL a writer at random moments; the store stays consistent.

Each trial starts a real writing process (``kg remove``, ``kg load``, ``kg
build``, or ``KGStore.add`` of new or edited extractions, the path ``kg
build`` takes after extracting), kills it after a seeded random delay, and
checks that the store equals a clean build of what was committed (every
article whole or absent) and that the same command then runs to the end.
"""

from __future__ import annotations

import pickle
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from paths import DATA
from reliability_helpers import clean_build, copies, nquads

from kg.errors import StoreError
from kg.store import EmbeddedStore, open_store

TRIALS = 3
SEED = 13
_ADD = """
import pickle, sys
from kg.store import open_store
extractions = pickle.load(open(sys.argv[1], "rb"))
with open_store(sys.argv[2]) as store:
    store.add(extractions)
"""


@pytest.fixture(scope="module")
def corpus(versions, tmp_path_factory):
    """130 articles (data/ and nine copies of each), original and edited, pickled for a child."""
    originals = [c for original, _ in versions.values() for c in [original, *copies(original, 9)]]
    edits = [c for _, edit in versions.values() for c in [edit, *copies(edit, 9)]]
    edits = [_same_id(e, o) for e, o in zip(edits, originals, strict=True)]  # the ids of the originals
    root = tmp_path_factory.mktemp("kill")
    for name, items in (("originals", originals), ("edits", edits)):
        (root / f"{name}.pickle").write_bytes(pickle.dumps(items))
    built = root / "built"
    with open_store(built) as store:
        store.add(originals)
    return {"root": root, "originals": originals, "edits": edits, "built": built}


def _same_id(edit, original):
    import dataclasses

    article = dataclasses.replace(edit.article, id=original.article.id,
                                  content_hash=edit.article.content_hash + original.article.id)
    return dataclasses.replace(edit, article=article)


def _killed(command: list[str], delay: float) -> bool:
    """Run ``command``, SIGKILL it after ``delay`` seconds; False if it ended first."""
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + delay
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    if proc.poll() is not None:
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return True


def _kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


def _committed(store, by_hash) -> list:
    """The extractions the store holds, by their content hash."""
    held = store.article_hashes()
    assert set(held.values()) <= set(by_hash), "a stored article has a hash no version has"
    return [by_hash[h] for h in held.values()]


def _assert_clean(path, by_hash, final=None):
    with EmbeddedStore(path) as store:  # a writer's open finishes any recovery
        held = _committed(store, by_hash)
        if final is not None:
            assert {e.article.id for e in held} == {e.article.id for e in final}
        got = nquads(store)
    want = nquads(clean_build(held))
    assert got == want, f"{len(set(got) - set(want))} extra, {len(set(want) - set(got))} missing quads"


@pytest.mark.parametrize("operation", ["build", "replace"])
def test_kill_store_add(corpus, tmp_path, operation):
    rng = random.Random(f"{SEED}-{operation}")
    items = corpus["originals"] if operation == "build" else corpus["edits"]
    by_hash = {e.article.content_hash: e for e in corpus["originals"] + corpus["edits"]}
    pickled = corpus["root"] / ("originals.pickle" if operation == "build" else "edits.pickle")
    kills = 0
    for trial in range(TRIALS):
        store = tmp_path / f"s{trial}"
        if operation == "replace":
            shutil.copytree(corpus["built"], store)
        kills += _killed([sys.executable, "-c", _ADD, str(pickled), str(store)], rng.uniform(0.5, 4.0))
        _assert_clean(store, by_hash)
        subprocess.run([sys.executable, "-c", _ADD, str(pickled), str(store)], check=True)
        _assert_clean(store, by_hash, final=items)
    print(f"{operation}: {kills} of {TRIALS} trials killed mid-run")


def test_kill_kg_remove(corpus, tmp_path):
    rng = random.Random(f"{SEED}-remove")
    by_hash = {e.article.content_hash: e for e in corpus["originals"]}
    gone = [e.article.id for e in corpus["originals"][::2]]
    final = corpus["originals"][1::2]
    for trial in range(TRIALS):
        store = tmp_path / f"s{trial}"
        shutil.copytree(corpus["built"], store)
        _killed(_kg("remove", *gone, "--store", str(store)), rng.uniform(0.5, 3.0))
        _assert_clean(store, by_hash)
        again = subprocess.run(_kg("remove", *gone, "--store", str(store)), check=False,
                               capture_output=True, text=True)
        assert again.returncode == 0, again.stderr  # ids already gone are a warning
        _assert_clean(store, by_hash, final=final)


def test_kill_kg_load_of_two_files(corpus, tmp_path):
    rng = random.Random(f"{SEED}-load")
    dumps = [tmp_path / "a.nq", tmp_path / "b.nq"]
    with open_store(corpus["built"], read_only=True) as store:
        lines = nquads(store)
    half = len(lines) // 2
    for dump, part in zip(dumps, (lines[:half], lines[half:]), strict=True):
        dump.write_text("\n".join(part) + "\n", encoding="utf-8")
    for trial in range(TRIALS):
        store = tmp_path / f"s{trial}"
        _killed(_kg("load", *map(str, dumps), "--store", str(store), "--threads", "1"), rng.uniform(0.3, 2.5))
        if not (store / "CURRENT").exists():
            continue  # killed before it made the store
        if (store / "vnkg-loading").exists():  # part loaded: nobody may use it but kg load
            for read_only in (True, False):
                with pytest.raises(StoreError, match="kg load"):
                    EmbeddedStore(store, read_only=read_only)
        else:
            with open_store(store, read_only=True) as loaded:
                assert nquads(loaded) in (lines, [])  # all or nothing
        finished = subprocess.run(_kg("load", *map(str, dumps), "--store", str(store)), check=False,
                                  capture_output=True)
        with open_store(store, read_only=True) as loaded:
            assert nquads(loaded) == lines, finished.stderr


@pytest.mark.slow
def test_kill_kg_build_of_data(tmp_path, versions):
    rng = random.Random(f"{SEED}-kg-build")
    by_hash = {o.article.content_hash: o for o, _ in versions.values()}
    for trial in range(TRIALS):
        store = tmp_path / f"s{trial}"
        _killed(_kg("build", str(DATA), "--store", str(store), "--workers", "1"), rng.uniform(2.0, 20.0))
        if (store / "CURRENT").exists():
            _assert_clean(store, by_hash)
        subprocess.run(_kg("build", str(DATA), "--store", str(store), "--workers", "1"), check=True,
                       capture_output=True)
        _assert_clean(store, by_hash, final=[o for o, _ in versions.values()])
