"""JSONL articles: one ``{"id", "date", "title"?, "url"?, "text"}`` per line.

Read line by line, so memory stays flat however large the file; each line is
decoded and checked on its own, so one bad line costs only that record.
"""

from __future__ import annotations

import io
import json
import logging
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import PurePath
from typing import Any, BinaryIO

from kg.errors import InputError
from kg.ingest.files import check_no_nul, sniff_bom
from kg.ingest.seed import check_has_words, make_article, parse_date
from kg.model import Article

logger = logging.getLogger(__name__)
_TEXT_FIELDS = ("date", "title", "url")  # optional strings; "id" and "text" are checked apart
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean",
               int: "an integer", float: "a number", type(None): "null"}


def is_annotation_record(record: object) -> bool:
    """True for gold or ``kg extract`` output (FORMAT.md): records with facts and no text."""
    return (isinstance(record, dict) and "text" not in record
            and any(key in record for key in ("entities", "relations", "positions")))


def read_jsonl(stream: BinaryIO, *, path: str, max_bytes: int, named: bool,
               on_error: Callable[[InputError], None]) -> Iterator[tuple[Article, int]]:
    """(article, line number) for each record; each bad line goes to ``on_error``, named by its number.

    A file whose first record is an annotation (gold, ``kg extract`` output) and
    that was found in a directory, not named, is passed over.
    """
    stem = PurePath(path).stem
    any_line = False
    first = True
    for number, line in _lines(stream, path=path, max_bytes=max_bytes):
        if isinstance(line, InputError):
            any_line = True
            on_error(_detached(line))
            continue
        if not line.strip():
            continue
        any_line = True
        try:
            record = _load(line, path=path, number=number)
            if first and not named and is_annotation_record(record):
                # gold or extraction output beside the articles (data/gold.jsonl): not articles
                logger.info("%s holds annotations, not articles: skipped", path)
                return
            first = False
            yield _to_article(record, path=path, line=number, stem=stem), number
        except InputError as err:
            first = False
            on_error(_detached(err))
    if not any_line:
        raise InputError("empty file", path=path)


def _detached(err: InputError) -> InputError:
    """The error without its traceback and cause: their frames hold the refused line, and a
    caller that keeps every error (a report) would otherwise keep every refused record."""
    err.__traceback__ = err.__cause__ = err.__context__ = None
    return err


def _lines(stream: BinaryIO, *, path: str, max_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """(line number, text) for each line, or an ``InputError`` for a line that cannot be read."""
    head = stream.peek(4)[:4] if isinstance(stream, io.BufferedReader) else b""
    bom = sniff_bom(head)
    if bom and bom[0] != "utf-8":
        yield from _wide_lines(stream, codec=bom[0], name=bom[1], path=path, max_bytes=max_bytes)
        return
    number = 0
    while True:
        raw = stream.readline(max_bytes + 1)
        if not raw:
            return
        number += 1
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if len(raw) > max_bytes and not raw.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield number, InputError(f"record is over the {max_bytes} byte limit (raise it with "
                                     "--max-size)", path=path, line=number)
            continue
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as err:
            yield number, InputError(
                f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at column {err.start + 1}); "
                "the other lines are read", path=path, line=number, column=err.start + 1)


def _skip_rest_of_line(stream: BinaryIO) -> None:
    while chunk := stream.readline(1 << 20):
        if chunk.endswith(b"\n"):
            return


def _wide_lines(stream: BinaryIO, *, codec: str, name: str, path: str,
                max_bytes: int) -> Iterator[tuple[int, str | InputError]]:
    """Lines of a UTF-16 or UTF-32 file (with a BOM), decoded as a stream."""
    stream.read({"utf-16-le": 2, "utf-16-be": 2}.get(codec, 4))
    text = io.TextIOWrapper(stream, encoding=codec, newline=None)
    number = 0
    try:
        for number, line in enumerate(text, 1):
            if len(line) > max_bytes:
                yield number, InputError(f"record is over the {max_bytes} byte limit "
                                         "(raise it with --max-size)", path=path, line=number)
            else:
                yield number, line
    except UnicodeDecodeError as err:
        yield number + 1, InputError(f"not valid {name} ({err.reason}); the rest of the file "
                                     "is not read", path=path, line=number + 1)
    finally:
        text.detach()


def _load(line: str, *, path: str, number: int) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"not JSON: {err.msg} at column {err.colno}", path=path, line=number,
                         column=err.colno) from err
    except RecursionError as err:
        raise InputError("JSON nested too deeply", path=path, line=number) from err
    except ValueError as err:  # e.g. an integer of more than 4300 digits
        raise InputError(f"not usable JSON: {err}", path=path, line=number) from err


def _to_article(record: Any, *, path: str, line: int, stem: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"a record must be a JSON object: got {_type_name(record)}",
                         path=path, line=line)
    text = record.get("text")
    if text is None:
        raise InputError('record has no "text"', path=path, line=line)
    fields = {"text": _string(record, "text", path=path, line=line)}
    for key in _TEXT_FIELDS:
        if record.get(key) is not None:
            fields[key] = _string(record, key, path=path, line=line)
    if not fields["text"].strip():
        raise InputError('record has no "text"', path=path, line=line)
    article_id = _article_id(record.get("id"), path=path, line=line) or f"{stem}-{line}"
    published = parse_date(fields["date"], path=path, line=line) if fields.get("date") else None
    article = make_article(article_id=article_id, text=fields["text"], published=published, source=path,
                           title=fields.get("title") or None, url=fields.get("url") or None, line=line)
    return check_has_words(article, line=line)


def _string(record: dict[str, Any], key: str, *, path: str, line: int) -> str:
    value = record[key]
    if not isinstance(value, str):
        raise InputError(f'"{key}" must be a string, not {_type_name(value)}', path=path, line=line)
    _check_encodable(value, key=key, path=path, line=line)
    check_no_nul(value, path=path, line=line)
    return value


def _article_id(value: Any, *, path: str, line: int) -> str | None:
    """The record's id: a string or an integer, in NFC, without control characters."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise InputError(f'"id" must be a string or an integer, not {_type_name(value)}',
                         path=path, line=line)
    _check_encodable(value, key="id", path=path, line=line)
    article_id = unicodedata.normalize("NFC", value.strip())
    if any(unicodedata.category(ch) == "Cc" for ch in article_id):
        raise InputError(f'"id" {article_id!r} holds a control character',
                         path=path, line=line)
    return article_id or None


def _check_encodable(value: str, *, key: str, path: str, line: int) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InputError(f'"{key}" holds a lone surrogate {value[err.start]!r} at character '
                         f"{err.start} (not valid Unicode)", path=path, line=line) from err


def _type_name(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)
