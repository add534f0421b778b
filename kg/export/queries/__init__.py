"""The SPARQL of :mod:`kg.export`, one ``.rq`` file a query.

A query names what the caller fills in as ``$name`` (IRIs, classes, a
limit); :func:`sparql` substitutes them and puts the usual ``PREFIX`` lines
of :mod:`kg.rdf` in front, so the files spell no namespace.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from string import Template


def sparql(name: str, **parts: str) -> str:
    """The query ``name.rq`` with its ``$`` parts filled in, after the PREFIX lines of kg.rdf.

    >>> "VALUES ?e { <urn:a> }" in sparql("entity_types", entities=iris(["urn:a"]))
    True
    """
    from kg.rdf import PREFIXES

    return PREFIXES + Template(_text(name)).substitute(parts)


def fragment(name: str, **parts: str) -> str:
    """A part of a query (``name.rq`` without its comment lines), its ``$`` parts filled in."""
    lines = [line for line in _text(name).splitlines() if not line.lstrip().startswith("#")]
    return Template("\n".join(lines)).substitute(parts)


def iris(values: Iterable[str]) -> str:
    """IRIs as SPARQL terms, sorted, for a ``VALUES`` list.

    >>> iris(["urn:b", "urn:a"])
    '<urn:a> <urn:b>'
    """
    return " ".join(f"<{iri}>" for iri in sorted(set(values)))


@cache
def _text(name: str) -> str:
    return resources.files(__name__).joinpath(f"{name}.rq").read_text(encoding="utf-8")
