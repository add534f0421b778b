"""`kg extract` over good and bad inputs: one error line each, the rest still written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

GOOD = (" date 2024-08-19 Chiều 19/8, Chủ tịch nước Tô Lâm hội đàm với Tổng Bí thư, Chủ tịch nước "
        "Trung Quốc Tập Cận Bình tại Bắc Kinh.")


@pytest.fixture()
def inputs(tmp_path: Path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK")
    (tmp_path / "latin1.txt").write_bytes(" date 2025-01-01 Th\xe1i".encode("latin-1"))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "baddate.txt").write_text(" date 2025-13-45 Thủ tướng thăm Lào.", encoding="utf-8")
    (tmp_path / "big.txt").write_text(" date 2025-01-01 " + "Hai bên hội đàm. " * 300, encoding="utf-8")
    (tmp_path / "feed.jsonl").write_text(
        "{oops\n" + json.dumps({"id": "j-notext", "date": "2025-01-01"}) + "\n"
        + json.dumps({"id": "j-good", "date": "2025-01-16", "text": "Thủ tướng Nhật Bản thăm Hà Nội."},
                     ensure_ascii=False) + "\n", encoding="utf-8")
    return tmp_path


def test_extract_reports_each_bad_input_and_writes_the_good_ones(
        inputs: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    out = tmp_path_factory.mktemp("out") / "out.jsonl"
    result = CliRunner().invoke(main, ["extract", str(inputs), "-o", str(out), "--workers", "1",
                                       "--max-size", "2000"])
    assert result.exit_code == 3, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    expected = {
        "binary.txt": "binary file",
        "latin1.txt:1": "not valid UTF-8",
        "empty.txt": "empty file",
        "baddate.txt:1": "malformed date '2025-13-45'",
        "big.txt": "over the 2.0 kB limit",
        "feed.jsonl:1": "not JSON",
        "feed.jsonl:2": 'record has no "text"',
    }
    assert len(errors) == len(expected)
    for where, reason in expected.items():
        assert any(f"{inputs / where}: " in line and reason in line for line in errors), (where, errors)
    assert "Traceback" not in result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ["j-good", "good"]  # sorted paths: feed.jsonl before good.txt
    good = next(r for r in records if r["id"] == "good")
    assert good["date"] == "2024-08-19"
    assert {"name", "type"} <= set(good["entities"][0])


def test_extract_refuses_to_overwrite_without_force(inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "exists.jsonl"
    out.write_text("keep me", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(inputs / "good.txt"), "-o", str(out)])
    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "keep me"


def test_extract_all_good_exits_zero_and_warns_about_undated(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text("Thủ tướng Phạm Minh Chính tiếp Đại sứ Nhật Bản.", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(plain), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert "no date header" in result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["id"] == "plain" and record["date"] is None


def test_cli_every_command_has_help_with_an_example() -> None:
    runner = CliRunner()
    for name in ["extract", "build", "query", "viz", "export", "validate", "eval", "stats"]:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0, (name, result.output)
        assert "Example" in result.output, name


def test_cli_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "0.1.0" in result.output


def test_extract_an_article_that_breaks_the_extractor_is_named_and_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.extract import engine

    real = engine.extract_doc

    def breaks_on_second(doc, *, lexicon=None):
        if doc.article.id == "second":
            raise RuntimeError("unexpected shape")
        return real(doc, lexicon=lexicon)

    monkeypatch.setattr(engine, "extract_doc", breaks_on_second)
    for name in ("first", "second", "third"):
        (tmp_path / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--workers", "1"])
    assert result.exit_code == 3
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["first", "third"]
    [line] = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert str(tmp_path / "second.txt") in line and "RuntimeError: unexpected shape" in line


def test_extract_writes_into_an_empty_existing_file_without_force(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(GOOD, encoding="utf-8")
    out = tmp_path / "made-by-mktemp.jsonl"
    out.write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(article), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["id"] == "a"
