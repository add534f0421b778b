"""The mention finder's word lists in kg/resources/mentions_words.tsv."""

from __future__ import annotations

import re
from pathlib import Path

from kg.extract import mentions
from kg.extract.mention_words import mention_words


def test_mention_words_are_lower_case_and_unique_in_each_list():
    for name, words in mention_words().items():
        assert words, name
        assert len(set(words)) == len(words), name
        assert all(word == word.lower() and word == word.strip() for word in words), name


def test_mention_words_every_list_is_read_and_every_read_list_exists():
    source = Path(mentions.__file__).read_text(encoding="utf-8")
    read = set(re.findall(r'_WORDS\["([a-z_]+)"\]', source))
    assert read == set(mention_words())
