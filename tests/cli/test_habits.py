"""CLI habits: options after the subcommand, predeclared prefixes, plain records, `kg articles`,
and a --store folder that is not a store."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from paths import DATA

from kg.cli import main
from kg.cli._common import estimate_articles

PEOPLE = "SELECT ?name { ?p a vnkg:Person ; skos:prefLabel ?name } ORDER BY ?name"


def _query(store, *args):
    return CliRunner().invoke(main, ["query", *args, "--store", str(store)])


def test_quiet_after_the_subcommand_silences_status_lines(data_store_path):
    loud = CliRunner().invoke(main, ["articles", "--store", str(data_store_path)])
    quiet = CliRunner().invoke(main, ["articles", "-q", "--store", str(data_store_path)])
    before = CliRunner().invoke(main, ["-q", "articles", "--store", str(data_store_path)])
    assert "13 article(s)" in loud.output
    assert "article(s)" not in quiet.output and quiet.output == before.output
    assert len(quiet.output.splitlines()) == 13


def test_verbose_after_the_subcommand_shows_the_traceback(tmp_path):
    target = tmp_path / "a-file"
    target.write_text("x")
    plain = CliRunner().invoke(main, ["stats", "--store", str(target)])
    verbose = CliRunner().invoke(main, ["stats", "--store", str(target), "-v"])
    assert "Traceback" not in plain.output and "Traceback" in verbose.output


def test_query_needs_no_prefix_lines(data_store_path):
    result = _query(data_store_path, PEOPLE, "--format", "json")
    assert result.exit_code == 0, result.output
    names = [record["name"] for record in json.loads(result.output)]
    assert "Tô Lâm" in names and names == sorted(names)


def test_a_declared_prefix_is_not_declared_twice(data_store_path):
    result = _query(data_store_path, "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n" + PEOPLE)
    assert result.exit_code == 0, result.output


def test_json_is_a_list_of_plain_records_with_numbers_and_dates(data_store_path):
    sparql = ("SELECT ?a (COUNT(*) AS ?n) (MIN(?d) AS ?first) "
              "{ ?a a vnkg:Article ; schema:datePublished ?d } GROUP BY ?a ORDER BY ?a")
    records = json.loads(_query(data_store_path, sparql, "-f", "json").output)
    assert len(records) == 13
    assert records[0]["n"] == 1 and len(records[0]["first"]) == 10 and records[0]["first"][4] == "-"


def test_csv_and_tsv_give_plain_values_unless_rdf_terms(data_store_path):
    plain = list(csv.reader(io.StringIO(_query(data_store_path, PEOPLE, "-f", "csv").output)))
    assert plain[0] == ["name"] and "Tô Lâm" in [row[0] for row in plain]
    tsv = _query(data_store_path, PEOPLE, "-f", "tsv").output.splitlines()
    assert tsv[0] == "name" and "Tô Lâm" in tsv
    terms = _query(data_store_path, PEOPLE, "-f", "tsv", "--rdf-terms").output.splitlines()
    assert terms[0] == "?name" and '"Tô Lâm"@vi' in terms
    csv_terms = _query(data_store_path, PEOPLE, "-f", "csv", "--rdf-terms").output
    assert '""Tô Lâm""@vi' in csv_terms


def test_articles_lists_id_date_and_quads(data_store_path):
    result = CliRunner().invoke(main, ["articles", "--store", str(data_store_path), "--json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert sorted(r["id"] for r in records) == sorted(p.stem for p in DATA.glob("*.txt"))
    dates = [r["date"] for r in records]
    assert dates == sorted(dates) and all(r["quads"] > 50 for r in records)
    table = CliRunner().invoke(main, ["articles", "--store", str(data_store_path)])
    assert table.output.splitlines()[0].split("\t")[0] == records[0]["id"]


def test_store_folder_with_other_files_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["build", str(DATA / "101_lao_state_visit_2024.txt"),
                                       "--store", str(tmp_path), "--workers", "1"])
    assert result.exit_code == 2 and "notes.txt" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize("lines, expected", [(['{"id": "a", "text": "x"}', '{"id": "b", "text": "y"}'], 2),
                                             (['{"id": "a", "entities": []}'], 0)])
def test_progress_total_counts_article_lines_not_annotations(tmp_path, lines, expected):
    (tmp_path / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "one.txt").write_text(" date 2025-01-01 Văn bản.", encoding="utf-8")
    (tmp_path / "README.md").write_text("not an article")
    assert estimate_articles([str(tmp_path)]) == expected + 1
    assert estimate_articles(["-"]) is None
