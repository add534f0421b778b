"""`kg explain` and `kg extract --explain`: each row with the construction and the spans it bound."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.extract.explain import explain
from tests.extract.conftest import extracted

TALKS = "Chiều 5/3, Thủ tướng Nguyễn Văn An đã hội đàm với Thủ tướng Lào Sonexay Siphandone."
PASSIVE = "Đại sứ Pháp Olivier Brochet được Phó Thủ tướng Trần Lưu Quang tiếp tại trụ sở Chính phủ."


def test_explain_binds_subject_trigger_and_object_spans():
    rows = explain(extracted(PASSIVE))
    row = next(r for r in rows if r.predicate == "met")
    assert row.construction == "passive_agent"
    spans = {b.role: b for b in row.bound}
    assert spans["trigger"].text == "tiếp"
    assert spans["subject"].text.endswith("Trần Lưu Quang")
    assert spans["object"].text.endswith("Olivier Brochet")
    # the offsets slice back to the bound text
    text = extracted(PASSIVE).article.text
    assert all(text[b.start:b.end] == b.text for b in row.bound if b.start is not None)


def test_explain_command_prints_the_construction_per_row():
    result = CliRunner().invoke(main, ["explain", TALKS, "--date", "2025-03-10"])
    assert result.exit_code == 0, result.output
    assert "Nguyễn Văn An --met--> Sonexay Siphandone (2025-03-05)" in result.output
    assert "construction: verb_clause" in result.output
    assert "trigger  'hội đàm'" in result.output


def test_explain_command_rejects_a_bad_date():
    result = CliRunner().invoke(main, ["explain", TALKS, "--date", "5/3"])
    assert result.exit_code == 2


def test_extract_explain_flag_explains_each_article(tmp_path: Path):
    (tmp_path / "a.txt").write_text(" date 2025-03-10 " + PASSIVE, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--explain", "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# a\n")
    assert "construction: passive_agent" in result.output
