"""The only place vnkg mints IRIs.

Every IRI is a pure function of names, never of an article or a run, so the
same person read from two articles is one node, and the same real-world event
reported twice is one event node::

    https://vnkg.org/ontology#Person              classes and properties (``ONT``)
    https://vnkg.org/id/person/to-lam             entities: /id/{type}/{slug}
    https://vnkg.org/id/office/tong-bi-thu        an office title
    https://vnkg.org/id/position/to-lam--tong-bi-thu--viet-nam
    https://vnkg.org/id/event/meeting/2025-w49/luong-cuong--thongloun-sisoulith
    https://vnkg.org/id/statistic/trade-turnover/2024/trung-quoc--viet-nam/2.056e11
    https://vnkg.org/id/article/{article id}      the article itself
    https://vnkg.org/id/evidence/{article id}/{start}-{end}-{hash of the fact}
    https://vnkg.org/graph/article/{article id}   the named graph holding its facts
    https://vnkg.org/graph/names                  shared: entity and office names, positions

Slugs are ASCII: diacritics stripped (``kg.text.strip_diacritics``), lower
case, runs of anything else turned into one hyphen. Article ids are kept as
written, percent-encoded where an IRI needs it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from urllib.parse import quote

from kg.model import ENTITY_TYPE_INFO
from kg.text import strip_diacritics

BASE = "https://vnkg.org/"
ONT = BASE + "ontology#"
ID = BASE + "id/"
GRAPH = BASE + "graph/article/"
# Names (entity types and labels, offices, who holds which office) are
# functions of the names themselves, shared by every article that uses them:
# one copy in this graph keeps joins on labels free of per-article duplicates.
NAMES_GRAPH = BASE + "graph/names"

_NON_SLUG = re.compile(r"[^a-z0-9]+")
# an entity key's type prefix, as in "person:tô lâm"
_TYPE_PREFIX = re.compile(
    r"^(" + "|".join(t.name.lower() for t in ENTITY_TYPE_INFO.values()) + r")\s*[:/|]\s*", re.IGNORECASE)

# Reports of one event dated this many days apart or less usually share a
# bucket; see ``date_bucket``.
BUCKET_DAYS = 7


@lru_cache(maxsize=16384)
def slug(text: str) -> str:
    """ASCII, lower-case, hyphenated form of a name.

    >>> slug("Tô Lâm")
    'to-lam'
    >>> slug("Đảng Cộng sản Việt Nam")
    'dang-cong-san-viet-nam'
    >>> slug("Person:tô lâm")
    'to-lam'
    """
    text = _TYPE_PREFIX.sub("", text.strip())
    ascii_text = strip_diacritics(text).lower()
    out = _NON_SLUG.sub("-", ascii_text).strip("-")
    if out:
        return out
    # A name with no Latin letters at all (e.g. only CJK): keep it, encoded.
    return quote(text.lower().replace(" ", "-"), safe="")


def entity_iri(type_: str, key: str) -> str:
    """IRI of an entity from its type and its key (or canonical name).

    >>> entity_iri("Country", "Lào")
    'https://vnkg.org/id/country/lao'
    >>> entity_iri("Event", "Hội nghị Thượng đỉnh ASEAN 46")
    'https://vnkg.org/id/event/hoi-nghi-thuong-dinh-asean-46'

    Raises:
        ValueError: ``type_`` is not one of ``kg.model.ENTITY_TYPES``.
    """
    try:
        prefix = ENTITY_TYPE_INFO[type_].id_prefix
    except KeyError:
        raise ValueError(f"No entity type {type_!r}. Available: {', '.join(ENTITY_TYPE_INFO)}") from None
    return f"{ID}{prefix}/{slug(key)}"


def office_iri(title: str) -> str:
    """IRI of an office title (``Tổng Bí thư``), shared by everyone who holds it.

    >>> office_iri("Tổng Bí thư")
    'https://vnkg.org/id/office/tong-bi-thu'
    """
    return f"{ID}office/{slug(title)}"


def position_iri(person_key: str, title: str, org_key: str | None) -> str:
    """IRI of one person holding one office of one country or organization.

    >>> position_iri("Tô Lâm", "Tổng Bí thư", "Việt Nam")
    'https://vnkg.org/id/position/to-lam--tong-bi-thu--viet-nam'
    """
    parts = [slug(person_key), slug(title)]
    if org_key:
        parts.append(slug(org_key))
    return f"{ID}position/" + "--".join(parts)


def date_bucket(date: str | None) -> str:
    """The time window used to decide that two reports describe one event.

    A full date falls in a ``BUCKET_DAYS``-day window (``2025-w49`` style,
    counted from 0001-01-01 so it needs no calendar); a month or a year is its
    own bucket; no date gives ``undated``. Two reports of one event on
    neighbouring days share a bucket unless they straddle a window's edge;
    then the store gives the later one the stored IRI (``kg.store.events``).

    >>> date_bucket("2025-12-01") == date_bucket("2025-12-02")
    True
    >>> date_bucket("2024-07"), date_bucket(None)
    ('2024-07', 'undated')
    """
    if not date:
        return "undated"
    if len(date) == 10:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            return slug(date)
        return f"w{day.toordinal() // BUCKET_DAYS}"
    return slug(date)


def neighbouring_event_iris(iri: str, day: dt.date, within: int) -> list[str]:
    """The IRIs one event would have in the date windows next to ``iri``'s, if ``day`` is near them.

    A report dated ``day`` may describe the event another report dated
    ``within`` days earlier or later put in the window before or after.

    >>> friday = event_iri("meeting", ("A", "B"), "2025-12-05")
    >>> neighbouring_event_iris(friday, dt.date(2025, 12, 5), 3) == [
    ...     event_iri("meeting", ("A", "B"), "2025-12-07")]
    True
    >>> neighbouring_event_iris(event_iri("meeting", ("A", "B"), "2025-12-03"), dt.date(2025, 12, 3), 3)
    []
    """
    prefix = f"{ID}event/"
    if not iri.startswith(prefix):
        return []
    kind, bucket, names = iri[len(prefix):].split("/", 2)
    if not bucket.startswith("w") or not bucket[1:].isdigit():
        return []
    window = int(bucket[1:])
    day_number = day.toordinal()
    neighbours = []
    if day_number - within < window * BUCKET_DAYS:
        neighbours.append(f"{prefix}{kind}/w{window - 1}/{names}")
    if day_number + within >= (window + 1) * BUCKET_DAYS:
        neighbours.append(f"{prefix}{kind}/w{window + 1}/{names}")
    return neighbours


def event_iri(kind: str, participants: tuple[str, ...], date: str | None) -> str:
    """IRI of an event from its kind, its participants' keys and its date bucket.

    Participants are sorted, so "A met B" and "B met A" give one node.

    >>> event_iri("meeting", ("Thongloun Sisoulith", "Lương Cường"), "2025-12-01") == \\
    ...     event_iri("meeting", ("Lương Cường", "Thongloun Sisoulith"), "2025-12-02")
    True
    """
    names = "--".join(sorted(slug(p) for p in participants))
    return f"{ID}event/{slug(kind)}/{date_bucket(date)}/{names}"


def statistic_iri(metric: str, period: str | None, subjects: tuple[str, ...], value: float) -> str:
    """IRI of a stated figure: two articles quoting the same figure give one node.

    >>> statistic_iri("trade_turnover", "2024", ("Việt Nam", "Trung Quốc"), 2.056e11)
    'https://vnkg.org/id/statistic/trade-turnover/2024/trung-quoc--viet-nam/2.056e+11'
    """
    names = "--".join(sorted(slug(s) for s in subjects)) or "none"
    return f"{ID}statistic/{slug(metric)}/{slug(period or 'undated')}/{names}/{value:.4g}"


def _article_part(article_id: str) -> str:
    return quote(article_id, safe="-._~")


def article_iri(article_id: str) -> str:
    """IRI of the article as a document.

    >>> article_iri("2025-12-01 lao")
    'https://vnkg.org/id/article/2025-12-01%20lao'
    """
    return f"{ID}article/{_article_part(article_id)}"


def article_graph_iri(article_id: str) -> str:
    """IRI of the named graph holding everything one article says.

    >>> article_graph_iri("tolam-lao")
    'https://vnkg.org/graph/article/tolam-lao'
    """
    return f"{GRAPH}{_article_part(article_id)}"


def article_id_from_graph(graph_iri: str) -> str:
    """The article id back from its graph IRI.

    >>> article_id_from_graph(article_graph_iri("a b"))
    'a b'
    """
    from urllib.parse import unquote

    if not graph_iri.startswith(GRAPH):
        raise ValueError(f"{graph_iri!r} is not an article graph (expected {GRAPH}...)")
    return unquote(graph_iri[len(GRAPH):])


def evidence_iri(article_id: str, start: int, end: int, fact: str) -> str:
    """IRI of one evidence record: one report of one fact (an IRI), in one article.

    One span can support several facts ("A met B and C"), so the fact's IRI
    is part of the evidence IRI.

    >>> evidence_iri("a", 10, 42, "https://vnkg.org/id/event/x")
    'https://vnkg.org/id/evidence/a/10-42-2852b22b'
    """
    digest = hashlib.blake2s(fact.encode(), digest_size=4).hexdigest()
    return f"{ID}evidence/{_article_part(article_id)}/{start}-{end}-{digest}"
