"""Documents listed one a line after ``gồm:`` / ``các văn kiện sau:`` (the listed_documents construction)."""

from __future__ import annotations

from kg.extract.base import Span, Syl
from kg.extract.document_lists import listed_documents
from tests.extract.conftest import record, rels

_MINISTERS = "Bộ trưởng Ngoại giao Lê Minh Hải và Ngoại trưởng Chile Alberto van Klaveren"


def _syls(*words: str) -> list[Syl]:
    return [Syl(w, 0, 0, low=w.lower()) for w in words]


def _doc(i: int, j: int) -> Span:
    return Span(i, j, "Agreement", 0, 0, "Hiệp định X", "Hiệp định X")


def test_document_lists_items_end_at_the_first_line_that_is_none():
    units = [(_syls("ký", "các", "văn", "kiện", "sau", ":"), []),
             (_syls("Hiệp", "định", "X", ";"), [_doc(0, 3)]),
             (_syls("-", "Hiệp", "định", "X", "."), [_doc(1, 4)]),
             (_syls("Hiệp", "định", "X", "có", "hiệu", "lực", "."), [_doc(0, 3)])]
    assert [len(sylls) for _, sylls in listed_documents(units)[0]] == [4, 5]


def test_document_lists_need_a_colon_after_gom_or_sau():
    units = [(_syls("ký", "các", "văn", "kiện", "sau", "."), []), (_syls("1", "."), []),
             (_syls("Hiệp", "định", "X", "."), [_doc(0, 3)])]
    assert listed_documents(units) == {}


def test_document_lists_signers_take_each_item_in_place_of_the_summary():
    text = f"{_MINISTERS} đã ký các văn kiện sau:\n- Bản ghi nhớ về hợp tác năng lượng;\n- Thỏa thuận về thương mại."
    signed = {(s, o) for s, p, o in rels(text) if p == "signed"}
    assert signed == {(s, o) for s in ("Lê Minh Hải", "Alberto van Klaveren")
                      for o in ("Bản ghi nhớ về hợp tác năng lượng", "Thỏa thuận về thương mại")}


def test_document_lists_a_summary_with_no_list_after_it_stays_one_row():
    text = f"{_MINISTERS} đã ký các văn kiện hợp tác.\n1. Bản ghi nhớ về hợp tác năng lượng có hiệu lực."
    assert {o for _, p, o in rels(text) if p == "signed"} == {"văn kiện hợp tác"}


def test_document_lists_a_ceremony_gives_the_parties_named_inside_only():
    text = ("Hai Thủ tướng chứng kiến lễ ký các văn kiện sau:\n1. Bản ghi nhớ giữa Bộ Công Thương Việt Nam và "
            "Bộ Năng lượng Chile về điện gió;\n2. Công hàm về viện trợ.")
    signed = {(s, o) for s, p, o in rels(text) if p == "signed"}
    memo = "Bản ghi nhớ giữa Bộ Công Thương Việt Nam và Bộ Năng lượng Chile về điện gió"
    assert signed == {("Bộ Công Thương Việt Nam", memo), ("Bộ Năng lượng Chile", memo)}


def test_document_lists_a_planned_or_negated_signing_gives_no_row():
    planned = ("Hai Thủ tướng sẽ chứng kiến lễ ký các văn kiện sau:\n1. Bản ghi nhớ giữa Bộ Công Thương Việt Nam "
               "và Bộ Năng lượng Chile về điện gió.")
    negated = f"{_MINISTERS} chưa ký các văn kiện sau:\n1. Bản ghi nhớ về hợp tác năng lượng."
    for text in (planned, negated):
        assert not [r for r in record(text)["relations"] if r["p"] == "signed"], text


def test_document_lists_a_signing_with_no_signer_gives_the_parties_named_inside():
    bank = "Thỏa thuận giữa Ngân hàng Nhà nước Việt Nam và Ngân hàng Trung ương Lào về thanh toán"
    for intro in ("Các văn kiện được ký kết trong chuyến thăm gồm:", "Hai Thủ tướng chứng kiến việc ký kết các văn kiện sau:"):
        signed = {(s, o) for s, p, o in rels(f"{intro}\n- {bank};\n- Công hàm về viện trợ.") if p == "signed"}
        assert signed == {("Ngân hàng Nhà nước Việt Nam", bank), ("Ngân hàng Trung ương Lào", bank)}, intro
