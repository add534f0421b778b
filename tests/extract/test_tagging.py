"""Which decisions rest on underthesea's tags and which on the words, on parses edited by hand.

Each text's parse in ``docs/test_tagging.conll`` is marked ``# edited``: it
gives a tag underthesea does not give there (a title tagged as a verb, a
trigger as a noun, a name without its PER tag), so the test pins what the
engine does with that tagging, whatever underthesea says today.
"""

from __future__ import annotations

from tests.extract.conftest import entities, positions, rels

# every one of these is tagged by hand in docs/test_tagging.conll


def test_tagging_title_tagged_as_a_verb_still_makes_an_office():
    text = "Chủ tịch nước Trần Văn Bình tiếp Đại sứ Pháp Olivier Brochet."  # Chủ tịch: V, B-VP
    assert ("Trần Văn Bình", "Chủ tịch nước", "Việt Nam") in positions(text)
    assert ("Trần Văn Bình", "met", "Olivier Brochet") in rels(text)


def test_tagging_trigger_tagged_as_a_noun_is_still_a_trigger():
    text = "Thủ tướng Lê Văn Hòa thăm Singapore."  # thăm: N, B-NP
    assert ("Lê Văn Hòa", "visited", "Singapore") in rels(text)


def test_tagging_bare_name_is_a_person_only_by_its_per_tag():
    tagged = "Sau đó, Sonexay Siphandone gặp các doanh nghiệp Việt Nam."  # underthesea's B-PER
    untagged = "Sau đó, Bounthong Chitmany gặp các doanh nghiệp Việt Nam."  # NER O
    assert ("Sonexay Siphandone", "Person") in entities(tagged)
    assert not {name for name, kind in entities(untagged) if kind == "Person"}


def test_tagging_honorific_makes_a_person_without_per_tag_or_proper_noun():
    text = "Sau đó, ông Bounthong Chitmany gặp các doanh nghiệp Lào."  # the name: N, O
    assert ("Bounthong Chitmany", "Person") in entities(text)
