"""The mention finder's small word lists, read once from ``kg/resources/mentions_words.tsv``.

>>> mention_words()["former_prefixes"]
('nguyên', 'cựu', 'cố')
"""

from __future__ import annotations

from functools import cache
from importlib import resources

__all__ = ["mention_words"]


@cache
def mention_words() -> dict[str, tuple[str, ...]]:
    """Each list's words and phrases (lower case, as written), in file order."""
    text = resources.files("kg.resources").joinpath("mentions_words.tsv").read_text(encoding="utf-8")
    lists: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            name, phrase = line.split("\t")[:2]
            lists.setdefault(name.strip(), []).append(phrase.strip())
    return {name: tuple(phrases) for name, phrases in lists.items()}
