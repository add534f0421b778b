"""``kg load``: dumps restored into an empty on-disk store, in parallel, whole files or nothing."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError, StoreError
from kg.store import EmbeddedStore, open_store
from kg.store import load as loader


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut files of a few kB too, so the parallel path runs on small dumps."""
    monkeypatch.setattr(loader, "MIN_CHUNK_BYTES", 1024)


@pytest.fixture(scope="module")
def data_dump(data_store, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("dumps") / "data.nq"
    with open(path, "wb") as out:
        data_store.dump(out, "nq")
    return path


def _quads(store) -> set[str]:
    return {str(q) for q in store.quads()}


def _synthetic_nquads(path: Path, lines: int, *, graph: str = "g") -> Path:
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(f'<https://example.org/s{i}> <https://example.org/p> "giá trị {i}" <https://example.org/{graph}> .\n'
                       for i in range(lines))
    return path


def test_load_restores_an_export_in_parallel_and_a_build_then_skips_every_article(
        small_chunks, data_store, data_dump, tmp_path):
    chunks = loader.plan_chunks(data_dump, 2)
    assert len(chunks) == 2  # the parallel path really runs
    with open_store(tmp_path / "copy") as copy:
        report = copy.load_dumps([data_dump], threads=2)
        assert report.loaded == [data_dump] and not report.failed
        assert _quads(copy) == _quads(data_store)
        assert copy.article_hashes() == data_store.article_hashes()
    result = CliRunner().invoke(main, ["build", str(Path(__file__).parents[2] / "data"),
                                       "--store", str(tmp_path / "copy"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert "0 added" in result.output and "13 unchanged" in result.output


def test_chunks_end_at_line_ends_and_cover_the_file(small_chunks, tmp_path):
    dump = _synthetic_nquads(tmp_path / "d.nq", 500)
    data = dump.read_bytes()
    for threads in (1, 2, 3, 7):
        chunks = loader.plan_chunks(dump, threads)
        assert len(chunks) == threads
        assert chunks[0].start == 0 and chunks[-1].end == len(data)
        assert all(a.end == b.start for a, b in pairwise(chunks))
        assert all(data[c.end - 1:c.end] == b"\n" for c in chunks)


def test_blank_nodes_keep_one_identity_across_the_file(small_chunks, tmp_path):
    dump = _synthetic_nquads(tmp_path / "d.nq", 400)
    with open(dump, "a", encoding="utf-8") as out:
        out.write('_:b1 <https://example.org/p> "last" <https://example.org/g> .\n')
    text = dump.read_text(encoding="utf-8")
    dump.write_text('_:b1 <https://example.org/p> "first" <https://example.org/g> .\n' + text, encoding="utf-8")
    assert len(loader.plan_chunks(dump, 2)) == 1  # a bulk_load call renames blank nodes: no cutting
    with open_store(tmp_path / "s") as store:
        store.load_dumps([dump], threads=2)
        assert len(store.query('SELECT DISTINCT ?b { ?b ?p ?o FILTER(isBlank(?b)) }')) == 1


def test_a_bad_line_names_the_file_and_line_and_the_good_files_still_load(small_chunks, tmp_path):
    good = _synthetic_nquads(tmp_path / "good.nq", 300, graph="good")
    bad = _synthetic_nquads(tmp_path / "bad.nq", 300, graph="bad")
    lines = bad.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[250] = lines[250].replace('"giá', 'giá', 1)  # in the second of two chunks
    bad.write_text("".join(lines), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not RDF", encoding="utf-8")
    seen: list[InputError] = []
    with open_store(tmp_path / "s") as store:
        report = store.load_dumps([bad, good, tmp_path / "missing.nq", tmp_path / "notes.txt"],
                                  threads=2, on_error=seen.append)
        assert [(Path(e.path).name, e.line) for e in seen] == [
            ("missing.nq", None), ("notes.txt", None), ("bad.nq", 251)]
        assert "unknown RDF format '.txt'" in str(seen[1])
        assert report.loaded == [good]
        graphs = set(store.query("SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }").column("g"))
        assert graphs == {"https://example.org/good"}
        assert store.count() == 300


def test_a_store_that_holds_anything_is_refused_and_kept(sample_store, tmp_path):
    dump = _synthetic_nquads(tmp_path / "d.nq", 10)
    before = sample_store.count()
    with pytest.raises(StoreError, match="not empty"):
        sample_store.load_dumps([dump])
    assert sample_store.count() == before


def test_a_load_killed_midway_is_refused_until_loaded_again(tmp_path):
    dump = _synthetic_nquads(tmp_path / "big.nq", 400_000)
    store_dir = tmp_path / "s"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "load", str(dump), "--store", str(store_dir)],
                            stderr=subprocess.PIPE)
    marker = store_dir / "vnkg-loading"
    deadline = time.monotonic() + 60
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    if not marker.exists():
        pytest.skip("the load finished before it could be killed")
    for read_only in (True, False):  # readers and writers refuse the half-loaded store
        with pytest.raises(StoreError, match="kg load"):
            EmbeddedStore(store_dir, read_only=read_only)
    with EmbeddedStore(store_dir, loading=True) as store:
        store.load_dumps([dump])  # kg load again starts over
        assert store.count() == 400_000
    assert not marker.exists()


def test_cli_load_reports_each_bad_file_and_exits_3(data_dump, tmp_path):
    broken = tmp_path / "broken.trig"
    broken.write_text("@prefix : <https://example.org/> .\n:a :b :c .\n:a :b :c :d .\n:e :f :g .\n",
                      encoding="utf-8")
    result = CliRunner().invoke(main, ["load", str(data_dump), str(broken), "--store", str(tmp_path / "s")])
    assert result.exit_code == 3, result.output
    assert f"{broken}:3: column 10: A dot is expected" in result.output
    assert "loaded 1 file(s)" in result.output and "1 failed" in result.output
    again = CliRunner().invoke(main, ["load", str(data_dump), "--store", str(tmp_path / "s")])
    assert again.exit_code == 1 and "is not empty" in again.output


def test_cli_load_into_a_server_url_says_what_to_do_instead(data_dump, tmp_path):
    result = CliRunner().invoke(main, ["load", str(data_dump), "--store", "http://127.0.0.1:7878"])
    assert result.exit_code == 2 and "oxigraph load" in result.output
    assert not Path("http:").exists()
