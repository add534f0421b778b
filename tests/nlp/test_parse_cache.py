"""The parse cache: a hit is the same Doc, a warm re-run never tags, a corrupt entry is parsed
again, the folder stays bounded, and writers running side by side leave whole entries."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest
from click.testing import CliRunner
from paths import DATA

import kg.nlp
from kg.cli import main
from kg.ingest import read_article_text, read_articles
from kg.nlp import parse
from kg.nlp.cache import ENV_VAR, ParseCache, use_parse_cache

TEXT = " date 2025-03-02 Chiều 1/3, Thủ tướng Phạm Minh Chính hội kiến Tổng thống Chile Gabriel Boric."


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    use_parse_cache(tmp_path / "parses")
    yield tmp_path / "parses"
    use_parse_cache(None)


def _no_tagging(monkeypatch):
    def refuse(sentence):
        raise AssertionError(f"tagged again: {sentence!r}")
    monkeypatch.setattr(kg.nlp, "tag_sentence", refuse)


def test_a_hit_is_the_parse_itself_and_needs_no_tagger(cache_dir, monkeypatch):
    article = read_article_text(TEXT, article_id="a")
    first = parse(article)
    _no_tagging(monkeypatch)
    again = parse(read_article_text(TEXT, article_id="b"))
    assert again.sentences == first.sentences and again.article.id == "b"


def test_another_text_is_parsed(cache_dir, monkeypatch):
    parse(read_article_text(TEXT, article_id="a"))
    _no_tagging(monkeypatch)
    with pytest.raises(AssertionError, match="tagged again"):
        parse(read_article_text(TEXT + " Hai bên ký kết.", article_id="a"))


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"\xe9\x01\x02"])
def test_a_corrupt_entry_is_ignored_and_written_anew(cache_dir, damage):
    article = read_article_text(TEXT, article_id="a")
    good = parse(article)
    [entry] = list(cache_dir.rglob("*.doc"))
    entry.write_bytes(damage)
    assert ParseCache(cache_dir).get(article) is None and not entry.exists()
    assert parse(article).sentences == good.sentences
    assert ParseCache(cache_dir).get(article).sentences == good.sentences


def test_the_folder_stays_within_its_bound(tmp_path):
    articles = list(read_articles([DATA]))[:6]
    docs = [parse(article) for article in articles]
    cache = ParseCache(tmp_path, max_bytes=1 << 30)
    for doc in docs:
        cache.put(doc)
    sizes = sorted(p.stat().st_size for p in tmp_path.rglob("*.doc"))
    bound = sizes[-1] + sizes[-2]
    assert len(sizes) == 6
    removed = ParseCache(tmp_path, max_bytes=bound).evict()
    left = sorted(p.stat().st_size for p in tmp_path.rglob("*.doc"))
    assert removed >= 4 and len(left) == 6 - removed and sum(left) <= bound


def test_writers_side_by_side_leave_whole_entries(tmp_path):
    doc = parse(read_article_text(TEXT, article_id="a"))
    caches = [ParseCache(tmp_path) for _ in range(4)]
    threads = [threading.Thread(target=lambda c=c: [c.put(doc) for _ in range(50)]) for c in caches]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [p.name for p in tmp_path.rglob("*") if p.is_file() and not p.name.endswith(".doc")] == []
    assert ParseCache(tmp_path).get(doc.article).sentences == doc.sentences


def test_the_version_names_the_folder(tmp_path):
    cache = ParseCache(tmp_path)
    assert cache.folder.parent == tmp_path and "underthesea-9.5.0-nlp-" in cache.folder.name


def test_build_keeps_parses_in_the_store_and_force_rebuild_reads_them(tmp_path):
    store = tmp_path / "store"
    one = str(DATA / "101_lao_state_visit_2024.txt")
    first = CliRunner().invoke(main, ["build", one, "--store", str(store), "--workers", "1"])
    assert first.exit_code == 0, first.output
    entries = list((store / "vnkg-parse-cache").rglob("*.doc"))
    assert len(entries) == 1
    # A rebuild in a fresh process whose tagger cannot run: every parse must come from the cache.
    script = ("import sys, kg.nlp\n"
              "kg.nlp.tag_sentence = lambda s: (_ for _ in ()).throw(RuntimeError('tagged'))\n"
              "from kg.cli import main\n"
              "sys.exit(main(sys.argv[1:]))\n")
    rebuilt = subprocess.run([sys.executable, "-c", script, "build", one, "--store", str(store),
                              "--workers", "1", "--force"], check=False, capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert "1 replaced" in rebuilt.stderr
    off = CliRunner().invoke(main, ["build", one, "--store", str(tmp_path / "s2"), "--workers", "1",
                                    "--no-parse-cache"])
    assert off.exit_code == 0 and not (tmp_path / "s2" / "vnkg-parse-cache").exists()


def test_extract_loads_no_underthesea_package_code():
    script = ("import sys\nfrom kg.nlp import parse\nfrom kg.ingest import read_article_text\n"
              f"parse(read_article_text({TEXT!r}, article_id='x'))\n"
              "print(sorted(m for m in sys.modules if m.split('.')[0] == 'underthesea'))")
    result = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=300,
                            env={**os.environ, ENV_VAR: ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
