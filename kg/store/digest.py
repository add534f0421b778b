"""A digest of everything one article puts in the store, kept in the article's graph.

A ``--force`` rebuild re-extracts every article, and most come out as they
were. With the digest of what was written last time stored as one triple::

    <id/article/x> vnkg:factsDigest "9f2c…" .

an article whose new quads have the same digest need not be rewritten, and
telling so is one lookup instead of reading its graph back. The digest is
taken over the quads as vnkg makes them (N-Quads lines, sorted), never over
what a store hands back, which may write a literal in another form. The
lines come from the rows of ``kg.rdf.to_rows``, which carry each term's
N-Triples text, so telling an unchanged article builds no ``Quad``.
"""

from __future__ import annotations

import hashlib

from pyoxigraph import Literal, NamedNode

from kg import ids
from kg.rdf import Row, nquads_line

__all__ = ["FACTS_DIGEST", "digest_row", "with_digest"]

FACTS_DIGEST = ids.ONT + "factsDigest"
_FACTS_DIGEST = NamedNode(FACTS_DIGEST)
_FACTS_DIGEST_TEXT = str(_FACTS_DIGEST)
_CONTENT_HASH_TEXT = str(NamedNode(ids.ONT + "contentHash"))


def with_digest(rows: list[Row]) -> list[Row]:
    """``rows`` of one article, plus the digest of them on its article node (none without one)."""
    article = next((row for row in rows if row[1][1] == _CONTENT_HASH_TEXT), None)
    if article is None:
        return rows
    lines = sorted(map(nquads_line, rows))
    digest = Literal(hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest())
    return [*rows, (article[0], (_FACTS_DIGEST, _FACTS_DIGEST_TEXT), (digest, str(digest)), article[3])]


def digest_row(rows: list[Row]) -> Row | None:
    """The digest row ``with_digest`` added, if any."""
    return rows[-1] if rows and rows[-1][1][1] == _FACTS_DIGEST_TEXT else None
