"""The seed format (`` date YYYY-MM-DD `` then the article) and plain text."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata

from kg.errors import InputError
from kg.model import Article
from kg.text import clean_printed, normalize_text

_HEADER = re.compile(r"\A\s*date\s+(\S+)(?:\s+|\Z)")


def parse_date(value: str, *, path: str, line: int | None = None) -> dt.date:
    """Strict ``YYYY-MM-DD``, or an ISO 8601 date-time (its date); anything else is an ``InputError``.

    >>> parse_date("2025-01-17T08:00:00+07:00", path="x")
    datetime.date(2025, 1, 17)
    """
    if len(value) > 10 and value[10] in "T " and value.isascii():
        try:
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        except ValueError as err:
            raise InputError(f"malformed date-time {value!r}: {err}", path=path, line=line) from err
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise InputError(f"malformed date {value!r} (expected YYYY-MM-DD)", path=path, line=line)
    try:
        return dt.date.fromisoformat(value)
    except ValueError as err:
        raise InputError(f"malformed date {value!r}: {err}", path=path, line=line) from err


def content_hash(text: str, published: dt.date | None) -> str:
    """What 'unchanged since the last build' compares: the text and its date."""
    stamp = published.isoformat() if published else ""
    return hashlib.sha256(f"{stamp}\n{text}".encode()).hexdigest()


def make_article(*, article_id: str, text: str, published: dt.date | None, source: str,
                 title: str | None = None, url: str | None = None, line: int | None = None,
                 outlet: str | None = None) -> Article:
    text = normalize_text(clean_printed(text)).strip()
    article_id = unicodedata.normalize("NFC", article_id)  # NFD ids (macOS file names) are the same id
    if not text:
        raise InputError("empty article (no text)", path=source, line=line)
    return Article(id=article_id, text=text, published=published, source=source,
                   content_hash=content_hash(text, published), title=title, url=url,
                   outlet=outlet)


def check_has_words(article: Article, *, line: int | None = None) -> Article:
    """An article read from a file must hold a letter or a digit: one of control characters
    or punctuation only is junk, not news. (Text handed over in Python is taken as it is.)"""
    if not any(ch.isalnum() for ch in article.text):
        raise InputError("no words in the article (only punctuation, symbols or control characters)",
                         path=article.source, line=line)
    return article


def parse_text_article(text: str, *, article_id: str, path: str,
                       default_date: dt.date | None) -> Article:
    if not text.strip():
        raise InputError("empty file", path=path)
    match = _HEADER.match(text)
    published = default_date
    if match:
        published = parse_date(match.group(1), path=path, line=1)
        text = text[match.end():]
    return make_article(article_id=article_id, text=text, published=published, source=path)
