"""Extract functions for the pipeline tests, importable by name in worker processes."""

from __future__ import annotations

from kg.ingest import read_article_text
from kg.model import Article, Entity, Extraction, Mention

TEXTS = [
    "Thủ tướng Phạm Minh Chính thăm Nhật Bản.",
    "Tổng Bí thư Tô Lâm hội đàm với Tổng thống Hoa Kỳ Joe Biden tại Hà Nội.\nẢnh: TTXVN",
    "Bộ trưởng Ngoại giao Bùi Thanh Sơn tiếp Đại sứ Lào. Hai bên ký bản ghi nhớ.",
    "Chủ tịch nước Lương Cường dự Hội nghị cấp cao APEC tại Lima, Peru.",
]



def make_articles(n: int) -> list[Article]:
    return [read_article_text(TEXTS[i % len(TEXTS)], article_id=f"a{i:05d}") for i in range(n)]


_TYPES = {"PER": "Person", "LOC": "Location", "ORG": "Organization"}


def ner_entities(article: Article) -> Extraction:
    """A small real extractor: one entity per NER span; exercises NLP and pickling."""
    from kg.nlp import parse

    doc = parse(article)
    entities = []
    for sentence in doc.sentences:
        for token in sentence.tokens:
            if token.ner.startswith("B-") and token.ner[2:] in _TYPES:
                kind = _TYPES[token.ner[2:]]
                mention = Mention(token.start, token.end, token.text, token.ner[2:])
                entities.append(Entity(key=f"{kind}:{token.text}", type=kind, name=token.text,
                                       mentions=(mention,)))
    return Extraction(article=article, entities=tuple(entities), extractors=("test.ner",))


def echo(article: Article) -> Extraction:
    return Extraction(article=article)


def worker_pid(article: Article) -> Extraction:
    """Which process extracted the article (its pid, as the only extractor name), after 5 ms of
    work: long enough that batches queue as they do on real articles."""
    import os
    import time

    time.sleep(0.005)
    return Extraction(article=article, extractors=(str(os.getpid()),))


def fail_on_odd(article: Article) -> Extraction:
    if int(article.id[1:]) % 2:
        raise ValueError(f"odd article {article.id}")
    return Extraction(article=article)


class KeywordOnlyError(Exception):
    """Keyword-only arguments: does not survive pickling (InputError does, since issue #13)."""

    def __init__(self, message: str, *, where: str) -> None:
        super().__init__(message)
        self.where = where


def fail_unpicklable(article: Article) -> Extraction:
    raise KeywordOnlyError("bad article", where=article.id)


def wait_for_later_articles(article: Article) -> Extraction:
    """The first article waits until ``needed`` later ones are done (each leaves a mark in the
    folder named by its ``source``), at most a minute; it reports how many it saw."""
    import time
    from pathlib import Path

    marks = Path(article.source)
    if article.id != "a00000":
        (marks / article.id).touch()
        return Extraction(article=article)
    needed = int(article.text)
    deadline = time.monotonic() + 60
    while len(list(marks.iterdir())) < needed and time.monotonic() < deadline:
        time.sleep(0.02)
    return Extraction(article=article, extractors=(str(len(list(marks.iterdir()))),))
