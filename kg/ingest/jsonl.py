"""JSONL articles: one ``{"id", "date", "title"?, "url"?, "text"}`` per line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import PurePath

from kg.errors import InputError
from kg.ingest.seed import make_article, parse_date
from kg.model import Article


def is_annotation_file(text: str) -> bool:
    """True for gold or ``kg extract`` output (FORMAT.md): records with facts and no text."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return (isinstance(record, dict) and "text" not in record
            and any(key in record for key in ("entities", "relations", "positions")))


def parse_jsonl(text: str, *, path: str, max_bytes: int,
                on_error: Callable[[InputError], None]) -> Iterator[Article]:
    stem = PurePath(path).stem
    any_line = False
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        any_line = True
        try:
            yield _parse_record(line, path=path, line=number, stem=stem, max_bytes=max_bytes)
        except InputError as err:
            on_error(err)
    if not any_line:
        raise InputError("empty file", path=path)


def _parse_record(raw: str, *, path: str, line: int, stem: str, max_bytes: int) -> Article:
    if len(raw.encode()) > max_bytes:
        raise InputError(f"record is over the {max_bytes} byte limit (raise it with --max-size)",
                         path=path, line=line)
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as err:
        raise InputError(f"not JSON: {err.msg} at column {err.colno}", path=path, line=line,
                         column=err.colno) from err
    if not isinstance(record, dict):
        raise InputError("a record must be a JSON object", path=path, line=line)
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError('record has no "text"', path=path, line=line)
    date_value = record.get("date")
    published = None
    if date_value not in (None, ""):
        published = parse_date(str(date_value)[:10] if "T" in str(date_value) else str(date_value),
                               path=path, line=line)
    article_id = str(record.get("id") or f"{stem}-{line}")
    title = record.get("title")
    url = record.get("url")
    return make_article(article_id=article_id, text=text, published=published, source=path,
                        title=str(title) if title else None, url=str(url) if url else None, line=line)
