"""The extraction engine on Docs built by hand: no underthesea, one construction at a time.

The tags are written here, as underthesea would give them or deliberately not,
so each test pins what the engine does with a given parse, and runs without
loading a model (as spaCy's tests build their ``Doc``s).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from kg.extract import extract_doc
from kg.model import Doc
from tests.extract.doc_files import make_doc

_TEXT = "Chiều 5/3, Thủ tướng Phạm Minh Chính hội kiến Tổng thống Pháp Emmanuel Macron tại Hà Nội."
# (word, POS, chunk, NER) as underthesea tags this sentence: both leaders come out as places
_TAGGED = [("Chiều", "N", "B-NP", "O"), ("5/3", "M", "B-NP", "O"), (",", "CH", "O", "O"),
           ("Thủ tướng", "N", "B-NP", "B-LOC"), ("Phạm Minh Chính", "Np", "B-NP", "I-LOC"),
           ("hội kiến", "V", "B-VP", "O"), ("Tổng thống", "N", "B-NP", "O"), ("Pháp", "Np", "B-NP", "B-LOC"),
           ("Emmanuel Macron", "Np", "I-NP", "I-LOC"), ("tại", "E", "B-PP", "O"), ("Hà Nội", "Np", "B-NP", "B-LOC"),
           (".", "CH", "O", "O")]


def _people_and_meetings(doc: Doc) -> tuple[set[str], set[tuple[str, str, str | None]]]:
    extraction = extract_doc(doc)
    names = {ent.key: ent.name for ent in extraction.entities}
    people = {ent.name for ent in extraction.entities if ent.type == "Person"}
    met = {(names[rel.subject], names[rel.object], rel.date) for rel in extraction.relations
           if rel.predicate == "met"}
    return people, met


def test_engine_titles_make_people_where_ner_says_place():
    people, met = _people_and_meetings(make_doc(_TEXT, _TAGGED))
    assert {"Phạm Minh Chính", "Emmanuel Macron"} <= people
    assert ("Phạm Minh Chính", "Emmanuel Macron", "2025-03-05") in met


def test_engine_needs_no_ner_tags_for_titled_names():
    untagged = [(word, pos, chunk, "O") for word, pos, chunk, _ in _TAGGED]
    assert _people_and_meetings(make_doc(_TEXT, untagged)) == _people_and_meetings(make_doc(_TEXT, _TAGGED))


def test_engine_runs_without_loading_underthesea():
    code = ("import sys; import tests.extract.test_engine as t;"
            "t.test_engine_titles_make_people_where_ner_says_place();"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('underthesea', 'underthesea_core')"
            " or m.startswith('kg.nlp')); print(loaded); sys.exit(1 if loaded else 0)")
    done = subprocess.run([sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stdout + done.stderr
