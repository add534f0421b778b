"""A news page in HTML -> ``Article``: main text, title, date, outlet and URL by trafilatura.

The text is laid out as the plain-text articles in ``data/`` are: the
headline on the first line, then the lead (sapo) and the body, paragraphs
separated by a blank line. Boilerplate (menus, related-story boxes, comments,
footers) is trafilatura's job; the date is htmldate's.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from kg.errors import InputError
from kg.ingest.seed import make_article
from kg.model import Article

__all__ = ["MIN_TEXT_CHARS", "PageHints", "parse_html_article"]

# Less main text than this is a menu, a login wall or a photo page, not an article.
MIN_TEXT_CHARS = 60

_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.IGNORECASE)

# trafilatura logs every page it discards at WARNING; our caller reports it once, as an InputError.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


@dataclass(frozen=True, slots=True)
class PageHints:
    """What is known of a page before reading it (from a feed entry, or ``--date``);
    used only where the page itself says nothing."""

    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None


def parse_html_article(data: bytes | str, *, article_id: str, source: str, url: str | None = None,
                       hints: PageHints = PageHints()) -> Article:
    """The article in one HTML page.

    Args:
        data: the page as fetched (bytes: trafilatura finds the encoding) or as text.
        article_id: the id the article gets.
        source: where the page came from (file path or URL), for messages and ``vnkg:sourceFile``.
        url: the address it was fetched from; the page's canonical URL wins over it.
        hints: title, date and outlet to fall back on.

    Raises:
        InputError: no article text found in the page.

    >>> page = ("<html><head><title>Thủ tướng tiếp Đại sứ | Báo Mẫu</title>"
    ...         "<meta property='og:site_name' content='Báo Mẫu'></head><body><article>"
    ...         "<h1>Thủ tướng tiếp Đại sứ</h1><p>Chiều 3/12, tại Hà Nội, Thủ tướng Phạm Minh Chính "
    ...         "tiếp Đại sứ Nhật Bản.</p></article></body></html>")
    >>> article = parse_html_article(page, article_id="a", source="a.html")
    >>> article.title, article.outlet, article.text.split("\\n\\n")[0]
    ('Thủ tướng tiếp Đại sứ', 'Báo Mẫu', 'Thủ tướng tiếp Đại sứ')
    """
    import trafilatura
    from trafilatura.settings import Document

    doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False, include_images=False,
                                      date_extraction_params=_date_params())
    body = _paragraphs(doc.text or "") if isinstance(doc, Document) else []
    if not isinstance(doc, Document) or sum(map(len, body)) < MIN_TEXT_CHARS:
        raise InputError("no article text found in the page", path=source)
    title = _clean(doc.title) or hints.title
    lead = _clean(doc.description)
    if lead and not _contains(body, lead) and _contains(_paragraphs(trafilatura.html2txt(data)), lead):
        # The sapo often sits above the body container, where trafilatura does not look;
        # it is kept only when the page shows it, not when it is a summary in <meta> alone.
        body.insert(0, lead)
    if title and not _casefold_spaces(body[0]).startswith(_casefold_spaces(title)):
        body.insert(0, title)
    page_url = _clean(doc.url) or url or _saved_from(data)
    return make_article(article_id=article_id, text="\n\n".join(body),
                        published=_date(doc.date) or hints.published, source=source,
                        title=title, url=page_url, outlet=_clean(doc.sitename) or hints.outlet
                        or _host(page_url))


def _saved_from(data: bytes | str) -> str | None:
    """The address a browser noted when saving the page: ``<!-- saved from url=(0042)https://... -->``."""
    head = data[:2048].decode("utf-8", "replace") if isinstance(data, bytes) else data[:2048]
    match = _SAVED_FROM.search(head)
    return match.group(1) if match else None


def _date_params() -> dict[str, object]:
    # Not htmldate's extensive search: on a page without a publication date in its
    # metadata, it takes a date from the running text (a date the article mentions).
    return {"extensive_search": False, "original_date": True, "max_date": dt.date.today().isoformat()}


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value and value.strip() else None


def _casefold_spaces(text: str) -> str:
    return " ".join(text.split()).casefold()


def _contains(paragraphs: list[str], text: str) -> bool:
    return _casefold_spaces(text) in _casefold_spaces(" ".join(paragraphs))


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
