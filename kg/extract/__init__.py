"""Extraction: ``Doc`` -> ``Extraction`` (entities, positions, relations, quantities).

The extractors read a parsed article; they never run the NLP layer (``kg.runner``
parses each article once, before them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from kg.extract.lexicon import Lexicon
    from kg.model import Doc, Extraction

__all__ = ["extract_doc"]


def extract_doc(doc: Doc, *, lexicon: Lexicon | None = None) -> Extraction:
    """Run every extractor over one parsed article (see ``kg.extract.engine.extract_doc``)."""
    from kg.extract.engine import extract_doc as run_engine

    return run_engine(doc, lexicon=lexicon)
