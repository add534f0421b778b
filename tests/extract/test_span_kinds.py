"""Span kinds are fixed when a span is made: giving a title to a person builds a new span."""

from __future__ import annotations

from kg.extract.base import Span, Syl
from kg.extract.coref import EntityTable
from kg.extract.engine import _attach_appositive_titles
from kg.text import fold_case_and_spaces


def _sylls(words: list[str]) -> list[Syl]:
    out, at = [], 0
    for word in words:
        out.append(Syl(word, at, at + len(word), low=fold_case_and_spaces(word)))
        at += len(word) + 1
    return out


def _span(sylls: list[Syl], i: int, j: int, kind, **kw) -> Span:
    text = " ".join(s.text for s in sylls[i:j])
    return Span(i, j, kind, sylls[i].start, sylls[j - 1].end, text, kw.pop("name", text), **kw)


def test_appositive_title_is_replaced_by_an_attached_span_not_retyped():
    # "Ông Lê Văn A, Bộ trưởng Bộ Ngoại giao, cho biết"
    sylls = _sylls(["Ông", "Lê", "Văn", "A", ",", "Bộ", "trưởng", "Bộ", "Ngoại", "giao", ",", "cho", "biết"])
    person = _span(sylls, 0, 4, "Person", name="Lê Văn A", source="honorific")
    title = _span(sylls, 5, 10, "Title", titles=("Bộ trưởng Bộ Ngoại giao",))
    spans = [person, title]
    table = EntityTable()
    table.add(person)
    _attach_appositive_titles(sylls, spans, table)
    assert title.type == "Title"  # the span made by the mention finder keeps its kind
    attached = spans[1]
    assert attached is not title and attached.type == "Title-attached"
    assert (attached.start, attached.end, attached.titles) == (title.start, title.end, title.titles)
    assert [t for _, t, _ in table.get(person).titles] == ["Bộ trưởng Bộ Ngoại giao"]


def test_title_object_before_a_person_stays_a_title():
    # "Tiếp Tổng Bí thư, ông Lê Văn A": the title is the object, not A's
    sylls = _sylls(["Tiếp", "Tổng", "Bí", "thư", ",", "ông", "Lê", "Văn", "A"])
    title = _span(sylls, 1, 4, "Title", titles=("Tổng Bí thư",))
    person = _span(sylls, 5, 9, "Person", name="Lê Văn A", source="honorific")
    spans = [title, person]
    table = EntityTable()
    table.add(person)
    _attach_appositive_titles(sylls, spans, table)
    assert spans == [title, person] and title.type == "Title"
    assert table.get(person).titles == []


def test_person_name_ending_a_company_name_is_rebuilt_as_the_company():
    # "Tập đoàn DP World ... DP World muốn ...": the short name is the company, not a person
    sylls = _sylls(["Tập", "đoàn", "DP", "World", "và", "DP", "World"])
    company = _span(sylls, 0, 4, "Organization", source="org_head")
    short = _span(sylls, 5, 7, "Person", source="ner")
    table = EntityTable()
    table.add(company)
    table.add(short)
    table.merge_short_names()
    assert short.type == "Person"  # the span the mention finder made keeps its kind
    rebuilt = table.replaced[short]
    assert rebuilt.type == "Organization" and (rebuilt.start, rebuilt.end) == (short.start, short.end)
    assert table.get(short) is None and table.get(rebuilt) is table.get(company)
    assert [ent.type for ent in table.ents] == ["Organization"]
    assert rebuilt in table.get(company).mentions and short not in table.get(company).mentions


def test_no_module_of_extract_assigns_a_kind_after_construction():
    import ast
    from pathlib import Path

    import kg.extract

    assigned = []
    for path in Path(kg.extract.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else \
                [node.target] if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            assigned += [f"{path.name}:{node.lineno}" for t in targets
                         if isinstance(t, ast.Attribute) and t.attr == "type"]
    assert assigned == []
