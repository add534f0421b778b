"""Issue #13: one bad input, one named error; the good articles beside it are stored.

The corpus (tests/reliability/corpus.py) goes through one real ``kg build``
into an on-disk store; each bad input must get exactly one error line naming
its file (and line) and the problem, each good one must be in the store, and
nothing of a bad one may be.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from pathlib import Path

import pytest

from kg.cli._terminal import escape_controls
from kg.errors import InputError
from kg.ingest import read_articles
from tests.reliability.corpus import GOOD_TEXT, MAX_SIZE, NO_STOPS, write_corpus

pytestmark = pytest.mark.reliability

KG = str(Path(sys.executable).parent / "kg")
ARTICLE_TIMEOUT = "5"


@pytest.fixture(scope="module")
def audit(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The corpus, plus named bad paths and stdin, built once with the real CLI."""
    root = tmp_path_factory.mktemp("audit")
    corpus = root / "corpus"
    corpus.mkdir()
    cases = write_corpus(corpus)
    (corpus / "bad-\x1b[31mname.txt").write_bytes(b"")
    named = root / "named"
    named.mkdir()
    os.symlink("nowhere.txt", named / "dangling.txt")
    os.symlink("loop.txt", named / "loop.txt")
    os.mkfifo(named / "fifo.txt")
    extra = [(named / "dangling.txt", "dangling symbolic link"), (named / "loop.txt", "symbolic link loop"),
             (named / "fifo.txt", "not a regular file or directory (a FIFO)"),
             (named / "missing.txt", "no such file or directory"), ("<stdin>", "over the 1.5 MB limit"),
             (corpus / "bad-\x1b[31mname.txt", "empty file")]
    store = root / "store"
    run = subprocess.run(
        [KG, "build", str(corpus), *(str(p) for p, _ in extra[:4]), "-", "--store", str(store),
         "--workers", "1", "--max-size", str(MAX_SIZE), "--article-timeout", ARTICLE_TIMEOUT],
        input=b" date 2025-01-01 " + b"x" * (MAX_SIZE + 10), capture_output=True, timeout=600, check=False)
    return {"corpus": corpus, "cases": cases, "extra": extra, "store": store, "run": run,
            "stderr": run.stderr.decode("utf-8", "replace")}


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def _named(line: str, path: str | Path, number: int | None) -> bool:
    """Whether an error line names ``path`` (and line ``number``; a whole-file error may add line 1)."""
    where = re.escape(escape_controls(str(path), keep_breaks=False))
    at = f":{number}" if number is not None else r"(:\d+)?"
    return re.match(f"error: {where}{at}: ", line) is not None


def _stored_ids(store: Path) -> set[str]:
    from kg.store import open_store

    with open_store(store, read_only=True) as opened:
        return set(opened.article_hashes())


def test_bad_inputs_corpus_is_large_enough(audit: dict) -> None:
    bad = [c for c in audit["cases"] if c.reason] + audit["extra"]
    assert len(bad) >= 80, len(bad)


def test_bad_inputs_build_finishes_with_partial_exit_and_no_crash(audit: dict) -> None:
    run, stderr = audit["run"], audit["stderr"]
    assert run.returncode == 3, stderr[-3000:]
    assert "internal error" not in stderr and "Traceback" not in stderr
    assert "\x1b" not in stderr and "\x9b" not in stderr  # control characters escaped


@pytest.mark.parametrize("kind", ["file", "line"])
def test_bad_inputs_each_has_one_named_error(audit: dict, kind: str) -> None:
    lines = _error_lines(audit["stderr"])
    corpus: Path = audit["corpus"]
    wrong = []
    for case in audit["cases"]:
        if not case.reason or (case.line is None) != (kind == "file"):
            continue
        hits = [line for line in lines if _named(line, corpus / case.path, case.line)]
        if len(hits) != 1 or case.reason not in hits[0]:
            wrong.append((case.name, case.reason, hits))
    assert wrong == []


def test_bad_inputs_named_paths_and_stdin_are_named(audit: dict) -> None:
    lines = _error_lines(audit["stderr"])
    for path, reason in audit["extra"]:
        hits = [line for line in lines if _named(line, path, None)]
        assert len(hits) == 1 and reason in hits[0], (path, hits)


def test_bad_inputs_no_other_errors(audit: dict) -> None:
    expected = sum(1 for c in audit["cases"] if c.reason) + len(audit["extra"])
    assert len(_error_lines(audit["stderr"])) == expected


def test_bad_inputs_good_articles_stored_and_nothing_of_bad_ones(audit: dict) -> None:
    good = {c.stored_id for c in audit["cases"] if c.stored_id}
    assert _stored_ids(audit["store"]) == good


def test_bad_inputs_query_table_escapes_control_characters(audit: dict) -> None:
    run = subprocess.run(
        [KG, "query", "SELECT ?label { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?label }",
         "--store", str(audit["store"])], capture_output=True, timeout=120, check=False)
    out = run.stdout.decode()
    assert run.returncode == 0, run.stderr
    assert "tiêu đề \\x1b[31mđỏ\\x1b[0m \\x9b2J" in out
    assert "\x1b" not in out and "\x9b" not in out


# -- single defects, each with the test that failed before its fix


def test_issue13_jsonl_memory_is_flat(tmp_path: Path) -> None:
    """Every record refused: the reader's peak memory is a small fraction of the file (old: > 2x)."""
    path = tmp_path / "big.jsonl"
    record = json.dumps({"id": "x", "date": "2025-13-01", "text": "Hà Nội " * 100}, ensure_ascii=False)
    with open(path, "w", encoding="utf-8") as out:
        out.writelines(record + "\n" for _ in range(8_000))
    size = path.stat().st_size
    refused = 0

    def count(err: InputError) -> None:
        nonlocal refused
        refused += 1

    tracemalloc.start()
    try:
        articles = list(read_articles([path], on_error=count))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert articles == [] and refused == 8_000
    assert peak < 0.05 * size, f"peak {peak:,} bytes for a {size:,} byte file"


def test_issue13_refused_records_keep_no_reference_to_their_line(tmp_path: Path) -> None:
    """Reports keep every error: an error must not keep its record alive through a traceback."""
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "date": "2025-13-01", "text": "Hà Nội"}\n{oops\n', encoding="utf-8")
    errors: list[InputError] = []
    list(read_articles([path], on_error=errors.append))
    assert [(e.line, e.__traceback__, e.__cause__) for e in errors] == [(1, None, None), (2, None, None)]


def test_issue13_sentences_of_an_article_without_full_stops_are_capped() -> None:
    from kg.nlp import MAX_SENTENCE_CHARS, split_sentences

    text = (NO_STOPS * 8000)[:1_000_000]
    spans = list(split_sentences(text))
    assert max(end - start for start, end in spans) <= MAX_SENTENCE_CHARS
    assert " ".join(text[s:e] for s, e in spans).split() == text.split()  # nothing lost


def test_issue13_real_sentences_are_under_the_cap() -> None:
    """The cap cuts only sentences over the limit (doctest of cap_sentence): real ones stay whole."""
    from kg.nlp import MAX_SENTENCE_CHARS, split_sentences
    from tests.paths import DATA

    longest = max(end - start for path in DATA.glob("*.txt")
                  for start, end in split_sentences(path.read_text(encoding="utf-8")))
    assert 200 < longest < MAX_SENTENCE_CHARS / 3


def test_issue13_stdin_jsonl_record_over_max_size(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    big = json.dumps({"id": "big", "text": "Hà Nội " * 1000}, ensure_ascii=False)
    small = json.dumps({"id": "small", "text": "Hà Nội."}, ensure_ascii=False)
    stdin = io.TextIOWrapper(io.BytesIO(f"{big}\n{small}\n".encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    errors = []
    assert [a.id for a in read_articles(["-"], max_bytes=2000, on_error=errors.append)] == ["small"]
    assert [str(e) for e in errors] == ["<stdin>:1: record is over the 2000 byte limit (raise it with --max-size)"]


def test_issue13_input_errors_survive_pickling() -> None:
    import pickle

    from kg.errors import ArticleTimeoutError, InputError

    for err in (InputError("bad", path="a.jsonl", line=3, column=2), ArticleTimeoutError("slow", path="b.txt")):
        back = pickle.loads(pickle.dumps(err))
        assert (type(back), str(back), back.line, back.column) == (type(err), str(err), err.line, err.column)


def test_issue13_article_timeout_refuses_with_named_error() -> None:
    from kg.errors import ArticleTimeoutError
    from kg.ingest import read_article_text
    from kg.runner import extract_article as extract

    article = read_article_text(" date 2025-01-01 " + NO_STOPS * 400, article_id="slow")
    with pytest.raises(ArticleTimeoutError, match="'slow' took longer than 0.01 s"):
        extract(article, timeout=0.01)
    assert extract(read_article_text(GOOD_TEXT, article_id="ok"), timeout=30).relations


def _as_nobody(paths: list[str]) -> tuple[list[str], list[str]]:
    """read_articles in a forked child that dropped root (root reads chmod-000 folders)."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.setgid(65534)
            os.setuid(65534)
            errors: list = []
            ids = [a.id for a in read_articles(paths, on_error=errors.append)]
            os.write(writer, json.dumps([ids, [str(e) for e in errors]]).encode())
        finally:
            os._exit(0)
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    ids, errors = json.loads(data)
    return ids, errors


def test_issue13_unreadable_folder_and_file_are_reported() -> None:
    if os.geteuid() == 0 and not hasattr(os, "fork"):
        pytest.skip("root reads chmod-000 folders and this system cannot fork to drop root")
    top = Path(tempfile.mkdtemp(prefix="kg-unreadable-"))
    try:
        top.chmod(0o755)
        (top / "good.txt").write_text(GOOD_TEXT, encoding="utf-8")
        locked = top / "locked"
        locked.mkdir()
        (locked / "hidden-away.txt").write_text(GOOD_TEXT, encoding="utf-8")
        (top / "secret.txt").write_text(GOOD_TEXT, encoding="utf-8")
        locked.chmod(0)
        (top / "secret.txt").chmod(0)
        if os.geteuid() == 0:
            ids, errors = _as_nobody([str(top)])
        else:
            found: list = []
            ids = [a.id for a in read_articles([top], on_error=found.append)]
            errors = [str(e) for e in found]
        assert ids == ["good"]
        assert errors == [f"{locked}: cannot read directory: Permission denied",
                          f"{top / 'secret.txt'}: cannot read: Permission denied"]
    finally:
        (top / "locked").chmod(0o755)
        shutil.rmtree(top)
