"""A digest of everything one article puts in the store, kept in the article's graph.

A ``--force`` rebuild re-extracts every article, and most come out as they
were. With the digest of what was written last time stored as one triple::

    <id/article/x> vnkg:factsDigest "9f2c…" .

an article whose new quads have the same digest need not be rewritten, and
telling so is one lookup instead of reading its graph back. The digest is
taken over the quads as vnkg makes them (N-Quads lines, sorted), never over
what a store hands back, which may write a literal in another form.
"""

from __future__ import annotations

import hashlib

from pyoxigraph import Literal, NamedNode, Quad

from kg import ids

__all__ = ["FACTS_DIGEST", "digest_quad", "with_digest"]

FACTS_DIGEST = ids.ONT + "factsDigest"
_FACTS_DIGEST = NamedNode(FACTS_DIGEST)
_CONTENT_HASH = NamedNode(ids.ONT + "contentHash")


def with_digest(quads: list[Quad]) -> list[Quad]:
    """``quads`` of one article, plus the digest of them on its article node (none without one)."""
    article = next((q for q in quads if q.predicate == _CONTENT_HASH), None)
    if article is None:
        return quads
    lines = sorted(str(q) for q in quads)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return [*quads, Quad(article.subject, _FACTS_DIGEST, Literal(digest), article.graph_name)]


def digest_quad(quads: list[Quad]) -> Quad | None:
    """The digest quad ``with_digest`` added, if any."""
    return quads[-1] if quads and quads[-1].predicate == _FACTS_DIGEST else None
