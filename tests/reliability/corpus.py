"""The bad-input corpus of issue #13, generated into a directory.

Every case is one file, or one line of a JSONL file, beside good articles.
A bad case names the error it must get (file, line, words of the reason);
a good case that used to be misread (BOM, UTF-16, CRLF, NFD names) names the
article id it must be stored as. ``python tests/reliability/corpus.py DIR``
writes the corpus for a look by hand.
"""

from __future__ import annotations

import json
import os
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

MAX_SIZE = 1_500_000  # --max-size of the audit build: the 1 MB article fits, the 1.6 MB one does not
GOOD_TEXT = " date 2025-03-10 Thủ tướng Phạm Minh Chính hội kiến Tổng thống Pháp Emmanuel Macron."
GOOD_BODY = "Chủ tịch nước Lương Cường tiếp Đại sứ Nhật Bản tại Hà Nội."
# Real-looking prose with its full stops taken out: one "sentence" of a megabyte.
NO_STOPS = ("Thủ tướng Phạm Minh Chính hội kiến Tổng thống Pháp Emmanuel Macron, hai bên thảo luận "
            "về hợp tác kinh tế và thương mại, ")


def no_stops_text(size: int) -> str:
    """``size`` characters of clauses and commas, no full stop, each clause numbered: the pieces
    the sentence cap cuts differ, as in a real run-on text, so none is answered from the memo of
    tagged sentences."""
    clauses, length, n = [], 0, 0
    while length < size:
        clause = NO_STOPS.replace("thảo luận", f"thảo luận lần thứ {n}")
        clauses.append(clause)
        length += len(clause)
        n += 1
    return "".join(clauses)[:size]


@dataclass(frozen=True)
class Case:
    """One input: ``reason`` set for a bad one, ``stored_id`` for a good one."""

    name: str
    path: str            # relative to the corpus root
    line: int | None = None
    reason: str = ""
    stored_id: str = ""


def _txt_cases() -> list[tuple[str, bytes, str]]:
    """(file name, content, reason) of bad plain-text articles."""
    good = GOOD_TEXT.encode()
    dates = ["2025-13-01", "2025-02-30", "2025-00-10", "2025-1-1", "25-01-01", "2025/01/01",
             "01-02-2025", "2025-01-01x", "２０２５-０１-０１", "9999-99-99", "0000-01-01",
             "2025-01-32", "2023-02-29", "yesterday", "2025-01-01T99:00"]
    cases = [(f"date-{i:02d}.txt", f" date {d} {GOOD_BODY}".encode(), "malformed date")
             for i, d in enumerate(dates)]
    cases += [
        ("utf8-truncated-end.txt", good + "Hà Nộ".encode()[:-1], "not valid UTF-8"),
        ("utf8-truncated-middle.txt", good[:40] + b"\xe1\xba" + b" " + good[40:], "not valid UTF-8"),
        ("latin1.txt", " date 2025-01-01 Th\xe1i Lan".encode("latin-1"), "not valid UTF-8"),
        ("cp1258.txt", " date 2025-01-01 Vi\xd2t Nam".encode("latin-1"), "not valid UTF-8"),
        ("lone-continuation.txt", good + b"\x80", "not valid UTF-8"),
        ("overlong.txt", good + b"\xc0\xaf", "not valid UTF-8"),
        ("encoded-surrogate.txt", good + b"\xed\xa0\x80", "not valid UTF-8"),
        ("byte-ff.txt", b"\xff" + good, "not valid UTF-8"),
        ("empty.txt", b"", "empty file"),
        ("whitespace.txt", b"   \n\t \n", "empty file"),
        ("newlines-cr.txt", b"\r\n\r\r\n", "empty file"),
        ("nbsp-only.txt", "\u00a0 \u3000".encode(), "empty file"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty file"),
        ("header-only.txt", b" date 2025-01-01 ", "empty article"),
        ("controls-only.txt", b"\x01\x02\x1b\x07\x7f\x1b", "no words"),
        ("punctuation-only.txt", "... --- !!! …".encode(), "no words"),
        ("nul-first.txt", b"\x00" + good, "binary file"),
        ("nul-100.txt", good[:60] + b"\x00" + good[60:], "binary file"),
        ("nul-after-8k.txt", good + b" x" * 5000 + b"\x00 y", "NUL character"),
        ("nul-last.txt", good + b" a" * 6000 + b"\x00", "NUL character"),
        ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("gzip.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "binary file"),
        ("utf16le-nobom.txt", GOOD_TEXT.encode("utf-16-le"), "UTF-16LE text without a byte-order mark"),
        ("utf16be-nobom.txt", GOOD_TEXT.encode("utf-16-be"), "UTF-16BE text without a byte-order mark"),
        ("utf16le-broken.txt", b"\xff\xfe" + GOOD_TEXT.encode("utf-16-le") + b"\x00\xd8\x41\x00",
         "not valid UTF-16LE"),
        ("utf32le-broken.txt", b"\xff\xfe\x00\x00" + "Hà Nội".encode("utf-32-le") + b"\xff\xff\xff\xff",
         "not valid UTF-32LE"),
        ("oversized.txt", b" date 2025-01-01 " + ("Hà Nội. " * 200_000).encode()[:1_600_000],
         "over the 1.5 MB limit"),
        ("no-full-stops-1mb.txt", b" date 2025-01-01 " + no_stops_text(1_000_000).encode()[:1_000_000].rsplit(b" ", 1)[0],
         "took longer than"),
    ]
    return cases


def _good_files() -> list[tuple[str, bytes, str]]:
    """(file name, content, id) of articles the old reader refused or misread."""
    nfd = unicodedata.normalize("NFD", "Hoà-bình")
    return [
        ("good.txt", GOOD_TEXT.encode(), "good"),
        ("bom-utf8.txt", b"\xef\xbb\xbf" + GOOD_TEXT.encode(), "bom-utf8"),
        ("bom-utf16le.txt", b"\xff\xfe" + GOOD_TEXT.encode("utf-16-le"), "bom-utf16le"),
        ("bom-utf16be.txt", b"\xfe\xff" + GOOD_TEXT.encode("utf-16-be"), "bom-utf16be"),
        ("bom-utf32le.txt", b"\xff\xfe\x00\x00" + GOOD_TEXT.encode("utf-32-le"), "bom-utf32le"),
        ("crlf.txt", GOOD_TEXT.replace(". ", ".\r\n").encode() + b"\r\n", "crlf"),
        ("escape-codes.txt", f" date 2025-01-01 {GOOD_BODY} \x1b[2J\x1b]0;owned\x07".encode(),
         "escape-codes"),
        (f"{nfd}.txt", GOOD_TEXT.encode(), unicodedata.normalize("NFC", nfd)),
    ]


def _jsonl_lines() -> list[tuple[str, str, str]]:
    """(raw line, reason, stored id) for the lines of one JSONL file: reason for bad, id for good."""
    def rec(**fields: object) -> str:
        return json.dumps({"text": GOOD_BODY, **fields}, ensure_ascii=False)

    bad = [
        ("{not json", "not JSON"),
        ('{"id": "t1", "text": "Hà Nội', "not JSON"),
        (rec(id="t2") + " trailing", "not JSON"),
        ("[1, 2, 3]", "must be a JSON object: got an array"),
        ('"just a string"', "must be a JSON object: got a string"),
        ("42", "must be a JSON object: got an integer"),
        ("null", "must be a JSON object: got null"),
        ('{"id": ["a", "b"], "text": "x y"}', '"id" must be a string or an integer, not an array'),
        ('{"id": {"x": 1}, "text": "x y"}', '"id" must be a string or an integer, not an object'),
        ('{"id": true, "text": "x y"}', '"id" must be a string or an integer, not a boolean'),
        ('{"id": false, "text": "x y"}', '"id" must be a string or an integer, not a boolean'),
        ('{"id": 1.5, "text": "x y"}', '"id" must be a string or an integer, not a number'),
        ('{"id": NaN, "text": "x y"}', '"id" must be a string or an integer, not a number'),
        ('{"id": "a\\nb", "text": "x y"}', "control"),
        ('{"id": "a\\u001bb", "text": "x y"}', "control"),
        ('{"id": "x\\ud800", "text": "x y"}', "lone surrogate"),
        (rec(id="tl", title=["a", "b"]), '"title" must be a string, not an array'),
        (rec(id="tn", title=7), '"title" must be a string, not an integer'),
        (rec(id="tb", title=True), '"title" must be a string, not a boolean'),
        (rec(id="to", title={"x": 1}), '"title" must be a string, not an object'),
        (rec(id="un", url=1), '"url" must be a string, not an integer'),
        (rec(id="ul", url=["http://a"]), '"url" must be a string, not an array'),
        ('{"id": "xn", "text": 5}', '"text" must be a string, not an integer'),
        ('{"id": "xl", "text": ["a"]}', '"text" must be a string, not an array'),
        ('{"id": "xo", "text": {"a": 1}}', '"text" must be a string, not an object'),
        ('{"id": "xz", "text": null}', 'record has no "text"'),
        ('{"id": "xe", "text": ""}', 'record has no "text"'),
        ('{"id": "xw", "text": "  \\n "}', 'record has no "text"'),
        ('{"id": "s1", "text": "Hà Nội \\ud800 ngày"}', "lone surrogate"),
        ('{"id": "s2", "text": "Hà Nội \\udc00"}', "lone surrogate"),
        ('{"id": "s3", "text": "\\udc00\\ud800 Hà Nội"}', "lone surrogate"),
        ('{"id": "s4", "title": "\\ud83d", "text": "Hà Nội"}', "lone surrogate"),
        ('{"id": "n1", "text": "Hà Nội\\u0000 ngày"}', "NUL character"),
        ('{"id": "n2", "text": "Hà Nội\u0000 ngày"}', "not JSON"),
        (rec(id="d1", date=20250101), '"date" must be a string, not an integer'),
        (rec(id="d2", date=["2025-01-01"]), '"date" must be a string, not an array'),
        (rec(id="d3", date="2025-13-01"), "malformed date"),
        (rec(id="d4", date="2025-02-30"), "malformed date"),
        (rec(id="d5", date="2025-01-01Tjunk"), "malformed date-time"),
        (rec(id="d6", date="2025-01-01T25:00"), "malformed date-time"),
        (rec(id="d7", date="01/02/2025"), "malformed date"),
        (rec(id="d8", date="2025"), "malformed date"),
        (rec(id="d9", date="tomorrow"), "malformed date"),
        (rec(id="d10", date="2025-01-01 08:00:00+99:00"), "malformed date-time"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"a":' * 100_000 + "1" + "}" * 100_000, "nested too deeply"),
        (rec(id="deep", extra=None)[:-1] + ', "more": ' + "[" * 50_000 + "]" * 50_000 + "}",
         "nested too deeply"),
        ('{"id": ' + "9" * 5000 + ', "text": "x y"}', "not usable JSON"),
        (rec(id="huge", text="Hà Nội " * 250_000), "over the 1500000 byte limit"),
        (rec(id="j-good-1"), "duplicate article id 'j-good-1'"),
        (rec(id=unicodedata.normalize("NFD", "Hoà")), "duplicate article id 'Hoà'"),
        (rec(id="7"), "duplicate article id '7'"),
    ]
    good = [
        (rec(id="j-good-1"), "j-good-1"),
        (rec(id=unicodedata.normalize("NFC", "Hoà")), "Hoà"),
        (rec(id=7), "7"),
        (rec(id="j-datetime", date="2025-01-17T08:00:00+07:00"), "j-datetime"),
        (rec(id="j-escape", title="tiêu đề \x1b[31mđỏ\x1b[0m \x9b2J"), "j-escape"),
    ]
    lines = [(line, "", stored) for line, stored in good]
    lines += [(line, reason, "") for line, reason in bad]
    lines.insert(len(good) + 10, (rec(id="j-good-2"), "", "j-good-2"))
    return lines


def write_corpus(root: Path) -> list[Case]:
    """Write every case under ``root`` (an empty directory); return the cases."""
    cases: list[Case] = []
    for name, content, reason in _txt_cases():
        (root / name).write_bytes(content)
        cases.append(Case(name, name, reason=reason))
    for name, content, article_id in _good_files():
        (root / name).write_bytes(content)
        cases.append(Case(name, name, stored_id=article_id))
    cases += _write_jsonl(root)
    cases += _write_special(root)
    return cases


def _write_jsonl(root: Path) -> list[Case]:
    cases = []
    lines = _jsonl_lines()
    with open(root / "feed.jsonl", "wb") as out:
        for number, (line, reason, stored) in enumerate(lines, 1):
            out.write(line.encode("utf-8", "surrogatepass") + b"\n")
            cases.append(Case(f"feed.jsonl:{number}", "feed.jsonl", number, reason, stored))
        broken = [b'{"id": "b1", "text": "H\xe0 N\xf4i"}', b'{"id": "b2", "text": "H\xc3"}']
        for number, raw in enumerate(broken, len(lines) + 1):
            out.write(raw + b"\n")
            cases.append(Case(f"feed.jsonl:{number}", "feed.jsonl", number, "not valid UTF-8"))
        out.write(b'{"id": "j-after-bad-bytes", "text": "' + GOOD_BODY.encode() + b'"}\n')
        cases.append(Case("feed.jsonl:last", "feed.jsonl", len(lines) + 3, stored_id="j-after-bad-bytes"))
    record = {"id": "", "text": GOOD_BODY}
    files = {
        "empty.jsonl": (b"", "empty file", ""),
        "blank.jsonl": (b"\n  \n\t\n", "empty file", ""),
        "bom.jsonl": (b"\xef\xbb\xbf" + json.dumps(record | {"id": "j-bom"}).encode() + b"\n", "", "j-bom"),
        "utf16.jsonl": (b"\xff\xfe" + (json.dumps(record | {"id": "j-utf16"}, ensure_ascii=False)
                                       + "\n").encode("utf-16-le"), "", "j-utf16"),
        "utf16be.jsonl": (b"\xfe\xff" + (json.dumps(record | {"id": "j-utf16be"}, ensure_ascii=False)
                                         + "\n").encode("utf-16-be"), "", "j-utf16be"),
        "crlf.jsonl": (json.dumps(record | {"id": "j-crlf"}).encode() + b"\r\n", "", "j-crlf"),
        "no-newline.jsonl": (json.dumps(record | {"id": "j-no-eol"}).encode(), "", "j-no-eol"),
    }
    for name, (content, reason, stored) in files.items():
        (root / name).write_bytes(content)
        cases.append(Case(name, name, None if reason.startswith("empty") else 1, reason, stored))
    return cases


def _write_special(root: Path) -> list[Case]:
    """Links and special files: loops, dangling links, a FIFO, a device."""
    os.symlink("self-loop.txt", root / "self-loop.txt")
    os.symlink("loop-b.txt", root / "loop-a.txt")
    os.symlink("loop-a.txt", root / "loop-b.txt")
    os.symlink("does-not-exist.txt", root / "dangling.txt")
    os.symlink("gone", root / "dangling-dir")
    sub = root / "sub"
    sub.mkdir()
    (sub / "inner.txt").write_bytes(GOOD_TEXT.replace("Pháp", "Đức").encode())
    os.symlink("..", sub / "up")
    os.mkfifo(root / "fifo.txt")
    os.symlink("/dev/null", root / "device.txt")
    return [
        Case("self-loop", "self-loop.txt", reason="symbolic link loop"),
        Case("loop-a", "loop-a.txt", reason="symbolic link loop"),
        Case("loop-b", "loop-b.txt", reason="symbolic link loop"),
        Case("dangling", "dangling.txt", reason="dangling symbolic link"),
        Case("dangling-dir", "dangling-dir", reason="dangling symbolic link"),
        Case("dir-loop", "sub/up", reason="symbolic link to a directory already read"),
        Case("fifo", "fifo.txt", reason="not a regular file (a FIFO)"),
        Case("device", "device.txt", reason="not a regular file (a character device)"),
        Case("inner", "sub/inner.txt", stored_id="inner"),
    ]


if __name__ == "__main__":
    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=False)
    made = write_corpus(target)
    print(f"{len(made)} inputs ({sum(1 for c in made if c.reason)} bad) in {target}")
