"""Benchmark corpora in the seed format: synthetic articles, or real ones replicated.

``write_synthetic_corpus`` builds short diplomatic-news articles from
templates (titles, names, countries, protocol verbs, dates), deterministic
for a given seed, so a 20,000-article corpus is cheap to make and every
article is different. ``replicate_corpus`` copies real articles under new
ids until a corpus has the size asked for.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from pathlib import Path

VN_TITLES = ["Tổng Bí thư", "Chủ tịch nước", "Thủ tướng", "Chủ tịch Quốc hội", "Phó Thủ tướng",
             "Bộ trưởng Ngoại giao", "Bộ trưởng Công Thương", "Đại sứ"]
FOREIGN_TITLES = ["Tổng thống", "Thủ tướng", "Quốc vương", "Chủ tịch", "Ngoại trưởng", "Bộ trưởng"]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương"]
MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Đức", "Quốc", "Hữu", "Xuân", "Hồng", "Ngọc"]
GIVEN = ["Chính", "Sơn", "Hùng", "Lan", "Cường", "Huệ", "Long", "Hải", "Dũng", "Trang", "Bình", "Khoa"]
FOREIGN_NAMES = ["Joe Biden", "Emmanuel Macron", "Olaf Scholz", "Fumio Kishida", "Anthony Albanese",
                 "Sonexay Siphandone", "Hun Manet", "Anwar Ibrahim", "Narendra Modi", "Yoon Suk Yeol",
                 "Lula da Silva", "Cyril Ramaphosa", "Prabowo Subianto", "Shigeru Ishiba"]
COUNTRIES = ["Nhật Bản", "Hoa Kỳ", "Pháp", "Đức", "Australia", "Lào", "Campuchia", "Malaysia", "Ấn Độ",
             "Hàn Quốc", "Brazil", "Nam Phi", "Indonesia", "Singapore", "Thái Lan", "Trung Quốc"]
PLACES = ["Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Tokyo", "Paris", "Viêng Chăn", "Phnom Penh",
          "Jakarta", "New Delhi", "Seoul", "Canberra", "Washington"]
ORGS = ["ASEAN", "Liên hợp quốc", "APEC", "Ngân hàng Thế giới", "Quỹ Tiền tệ Quốc tế", "WTO"]
MEETINGS = ["hội đàm với", "hội kiến", "tiếp", "điện đàm với", "gặp"]
VISITS = ["thăm chính thức", "thăm cấp Nhà nước", "thăm làm việc tại", "dự Hội nghị cấp cao tại"]
DOCS = ["bản ghi nhớ về hợp tác kinh tế", "hiệp định thương mại", "tuyên bố chung",
        "thỏa thuận hợp tác quốc phòng", "kế hoạch hành động giai đoạn 2025-2030"]

SENTENCES = [
    "{vt} {vn} {meet} {ft} {country} {fn} tại {place} ngày {day}/{month}/{year}.",
    "Nhân dịp này, hai bên đã ký {doc} và nhất trí tăng cường hợp tác trong khuôn khổ {org}.",
    "{vt} {vn} {visit} {country} từ ngày {day} đến ngày {day2} tháng {month}.",
    "Kim ngạch thương mại song phương năm {year} đạt {amount} tỷ USD, tăng {pct}% so với cùng kỳ.",
    "Phát biểu tại buổi tiếp, {ft} {fn} khẳng định {country} coi trọng quan hệ với Việt Nam.",
    "Theo {vt} {vn}, hai nước cần thúc đẩy hợp tác về thương mại, đầu tư và giáo dục.",
]


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def synthetic_article(index: int, *, seed: int = 0, sentences: tuple[int, int] = (1, 2)) -> str:
    """One article in the seed format (`` date YYYY-MM-DD `` header, then text)."""
    rng = random.Random(seed * 1_000_003 + index)
    year = rng.choice([2023, 2024, 2025])
    month, day = rng.randint(1, 12), rng.randint(1, 26)
    slots = {
        "vt": rng.choice(VN_TITLES), "vn": _person(rng), "ft": rng.choice(FOREIGN_TITLES),
        "fn": rng.choice(FOREIGN_NAMES), "country": rng.choice(COUNTRIES), "place": rng.choice(PLACES),
        "org": rng.choice(ORGS), "meet": rng.choice(MEETINGS), "visit": rng.choice(VISITS),
        "doc": rng.choice(DOCS), "day": day, "day2": day + rng.randint(1, 3), "month": month,
        "year": year, "amount": f"{rng.randint(1, 150)},{rng.randint(0, 9)}", "pct": rng.randint(1, 30),
    }
    count = rng.randint(*sentences)
    body = " ".join(rng.choice(SENTENCES).format(**slots) for _ in range(count))
    return f" date {year}-{month:02d}-{day:02d} {body}\n"


def write_synthetic_corpus(directory: Path, count: int, *, seed: int = 0) -> Path:
    """Write ``count`` synthetic articles as ``directory/NNNNNN.txt``; returns ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (directory / f"{index:06d}.txt").write_text(synthetic_article(index, seed=seed), encoding="utf-8")
    return directory


def replicate_corpus(sources: Sequence[Path], directory: Path, count: int) -> Path:
    """Copy the seed-format files ``sources`` round-robin until there are ``count`` articles."""
    if not sources:
        raise ValueError("no source articles to replicate")
    directory.mkdir(parents=True, exist_ok=True)
    texts = [Path(p).read_text(encoding="utf-8") for p in sources]
    for index in range(count):
        (directory / f"{index:06d}_{Path(sources[index % len(sources)]).stem}.txt").write_text(
            texts[index % len(texts)], encoding="utf-8")
    return directory


_VN_NAME = re.compile(rf"\b(?:{'|'.join(FAMILY)}) [A-ZĐÂÊÔƠƯ][^\s,.;:()]* [A-ZĐÂÊÔƠƯ][^\s,.;:()]*")
_DAY_MONTH = re.compile(r"\b(\d{1,2})/(\d{1,2})\b(?!/)")
_FIGURE = re.compile(r"(?<![\d/-])(?!19\d\d|20\d\d)\d{3,}(?![\d/-])")


def vary_text(text: str, rng: random.Random) -> str:
    """The article with other Vietnamese names, countries, days and figures: same shape, new words.

    The ``date`` header stays, so the article keeps a valid date; a day and month in the body
    (``12/3``) stay a valid day and month.
    """
    head = re.match(r" date \d{4}-\d{2}-\d{2} ", text)
    prefix, body = (text[:head.end()], text[head.end():]) if head else ("", text)
    body = _VN_NAME.sub(lambda _: _person(rng), body)
    body = re.sub("|".join(re.escape(c) for c in COUNTRIES), lambda _: rng.choice(COUNTRIES), body)
    body = _DAY_MONTH.sub(lambda _: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}", body)
    body = _FIGURE.sub(lambda m: str(rng.randint(10 ** (len(m.group()) - 1), 10 ** len(m.group()) - 1)), body)
    return prefix + body


def vary_corpus(sources: Sequence[Path], directory: Path, count: int, *, seed: int = 0) -> Path:
    """Like ``replicate_corpus``, but no two articles are the same text (``vary_text`` per copy)."""
    if not sources:
        raise ValueError("no source articles to vary")
    directory.mkdir(parents=True, exist_ok=True)
    texts = [Path(p).read_text(encoding="utf-8") for p in sources]
    for index in range(count):
        rng = random.Random(seed * 1_000_003 + index)
        text = texts[index % len(texts)]
        (directory / f"{index:06d}_{Path(sources[index % len(sources)]).stem}.txt").write_text(
            vary_text(text, rng) if index >= len(texts) else text, encoding="utf-8")
    return directory
