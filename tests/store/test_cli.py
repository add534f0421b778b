"""The store commands end to end through the CLI (CliRunner), on data/."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pyoxigraph
import pytest
from click.testing import CliRunner
from paths import DATA, QUERIES

from kg.cli import main


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """data/ built through `kg build`, twice: the second run skips everything."""
    store = tmp_path_factory.mktemp("cli") / "store"
    runner = CliRunner()
    first = runner.invoke(main, ["build", str(DATA), "--store", str(store), "--workers", "1"])
    assert first.exit_code == 0, first.output
    count = pyoxigraph_count(store)
    second = runner.invoke(main, ["build", str(DATA), "--store", str(store), "--workers", "1"])
    assert second.exit_code == 0, second.output
    return store, count, second


def pyoxigraph_count(path) -> int:
    from kg.store import open_store

    with open_store(path, read_only=True) as store:
        return store.count()


def test_cli_build_twice_same_triples(built):
    store, count, second = built
    assert pyoxigraph_count(store) == count > 1000
    n = len(list(DATA.glob("*.txt")))
    assert f"0 added, 0 replaced, {n} unchanged (skipped)" in second.output


def test_cli_build_bad_article_reported_rest_stored(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(min(DATA.glob("*.txt")), src / "good.txt")
    (src / "bad.txt").write_text(" date 2025-02-30 Thủ tướng thăm Lào.", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(src), "--store", str(tmp_path / "s"), "--workers", "1"])
    assert result.exit_code == 3
    assert "bad.txt" in result.output and "1 added" in result.output


def test_cli_query_table(built):
    result = CliRunner().invoke(main, ["query", str(QUERIES / "who_met_whom.rq"), "--store", str(built[0])])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split(" | ")[0].strip() == "person1" and set(lines[1]) <= {"-", "+"}
    assert lines[-1].endswith("rows)") and "Tập Cận Bình" in result.output


@pytest.mark.parametrize("fmt", ["csv", "tsv", "sparql-json"])
def test_cli_query_formats_parse(built, fmt):
    result = CliRunner().invoke(main, ["query", str(QUERIES / "who_met_whom.rq"), "--store", str(built[0]),
                                       "--format", fmt] + (["--rdf-terms"] if fmt == "tsv" else []))
    assert result.exit_code == 0, result.output
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(result.output)))
        assert rows[0] == ["person1", "person2", "date", "kinds", "reports"]
    else:
        qfmt = pyoxigraph.QueryResultsFormat.TSV if fmt == "tsv" else pyoxigraph.QueryResultsFormat.JSON
        solutions = list(pyoxigraph.parse_query_results(result.output.encode(), qfmt))
        assert len(solutions) > 10
        if fmt == "sparql-json":
            assert json.loads(result.output)["head"]["vars"][0] == "person1"


def test_cli_query_syntax_error_points_at_the_line(built):
    result = CliRunner().invoke(main, ["query", "SELECT * WHERE { ?s ?p }", "--store", str(built[0])])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0] == ("error: SPARQL syntax error at line 1, column 25: "
                        "expected one of LATERAL, SERVICE, [_]")
    assert lines[1] == "  1 | SELECT * WHERE { ?s ?p }"
    assert lines[2].index("^") - lines[2].index("|") - 2 == 24


def test_cli_query_read_only_without_update(built):
    result = CliRunner().invoke(main, ["query", "DROP ALL", "--store", str(built[0])])
    assert result.exit_code == 1 and "SPARQL syntax error" in result.output
    assert pyoxigraph_count(built[0]) == built[1]


def test_cli_validate_passes_on_data(built):
    result = CliRunner().invoke(main, ["validate", "--store", str(built[0])])
    assert result.exit_code == 0, result.output
    assert "valid:" in result.output


@pytest.mark.parametrize("fmt,rdf_format", [("turtle", pyoxigraph.RdfFormat.TURTLE),
                                            ("nq", pyoxigraph.RdfFormat.N_QUADS)])
def test_cli_export_round_trip(built, tmp_path, fmt, rdf_format):
    out = tmp_path / f"g.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out), "--store", str(built[0])])
    assert result.exit_code == 0, result.output
    parsed = list(pyoxigraph.parse(path=str(out), format=rdf_format))
    from kg.store import open_store

    with open_store(built[0], read_only=True) as store:
        quads = set(store.quads())
    if fmt == "nq":
        assert len(parsed) == len(quads) == built[1]
    else:
        assert len(parsed) == len({q.triple for q in quads})
    again = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out), "--store", str(built[0])])
    assert again.exit_code == 2 and "--force" in again.output


def test_cli_stats(built):
    result = CliRunner().invoke(main, ["stats", "--store", str(built[0]), "--json"])
    counts = json.loads(result.output)
    assert counts["articles"] == len(list(DATA.glob("*.txt")))
    assert counts["quads"] == built[1]
    assert counts["classes"]["https://vnkg.org/ontology#Person"] > 10
    assert counts["event_reports"] >= counts["events"] > 0


def test_cli_remove_and_backup(built, tmp_path):
    copy = tmp_path / "copy"
    result = CliRunner().invoke(main, ["backup", str(copy), "--store", str(built[0])])
    assert result.exit_code == 0, result.output
    assert pyoxigraph_count(copy) == built[1]
    article = min(DATA.glob("*.txt")).stem
    result = CliRunner().invoke(main, ["remove", article, "--store", str(copy)])
    assert result.exit_code == 0 and pyoxigraph_count(copy) < built[1]
    result = CliRunner().invoke(main, ["remove", article, "--store", str(copy)])
    assert result.exit_code == 0 and "not in the store" in result.output  # a warning (issue 13)
