"""The facts digest: taken from ``kg.rdf.to_rows``' texts, equal to the digest of the quads they
stand for, and enough to leave an unchanged article alone without building its quads."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import samples

import kg.store.base
from kg.rdf import nquads_line, quads_of, to_rows
from kg.store import digest, names, open_store


def _awkward():
    """lao-a with a title and a sentence that N-Triples must escape."""
    ex = samples.lao_a()
    article = replace(ex.article, title='Tiêu đề "trích dẫn" \\ và\ttab\r\nxuống dòng\x07 😀')
    rel = ex.relations[0]
    evidence = replace(rel.evidence, sentence='Câu có "ngoặc kép", \\ gạch chéo\nvà xuống dòng')
    return replace(ex, article=article, relations=(replace(rel, evidence=evidence), *ex.relations[1:]))


def test_digest_rows_write_the_lines_their_quads_write():
    for ex in [*samples.all_samples(), _awkward()]:
        rows = names.with_statements(to_rows(ex))
        assert [nquads_line(row) for row in rows] == [str(q) for q in quads_of(rows)]
        for row in rows:
            assert all(text == str(term) for term, text in row)


def test_digest_equals_the_sha256_of_the_sorted_quads():
    for ex in [*samples.all_samples(), _awkward()]:
        rows = names.with_statements(to_rows(ex))
        lines = sorted(str(q) for q in quads_of(rows))
        want = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
        found = digest.digest_row(digest.with_digest(rows))
        assert found is not None and found[2][0].value == want


def test_digest_an_unchanged_article_builds_no_quad(tmp_path, monkeypatch):
    built = []

    def counting(rows):
        rows = list(rows)
        built.append(len(rows))
        return quads_of(rows)

    with open_store(tmp_path / "store") as store:
        store.add(samples.all_samples())
        monkeypatch.setattr(kg.store.base, "quads_of", counting)
        report = store.add(samples.all_samples(), force=True)
        assert (report.replaced, report.identical, report.quads, built) == (4, 4, 0, [])
        report = store.add([_awkward()], force=True)  # changed: built and written
        assert (report.identical, len(built)) == (0, 1) and report.quads == built[0]
