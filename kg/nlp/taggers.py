"""underthesea's CRF taggers fed in one pass: words, then POS, chunk and NER tags.

``underthesea.ner(s)`` calls ``chunk(s)``, which calls ``pos_tag(s)``, which
calls ``word_tokenize(s)``; each stage builds its CRF features in pure Python
with quadratic work per sentence. ``Taggers`` loads the same models once per
process and feeds them features from ``kg.nlp.features``, so each stage runs
once per sentence in linear time and the tags are the ones ``ner()`` gives.

This relies on underthesea internals (the ``CRF*Predictor`` singletons, their
``.model`` and ``.transformer.template``), checked against underthesea
``TESTED_UNDERTHESEA``; ``tests/nlp/test_taggers.py`` compares every tag with
underthesea's own functions.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from kg.nlp.features import FeatureTemplate, compile_template, sentence_features

__all__ = ["TESTED_UNDERTHESEA", "Taggers", "get_taggers"]

TESTED_UNDERTHESEA = "9.5.0"

Tags = list[tuple[str, str, str, str]]


class Taggers:
    """The word segmenter and the POS, chunk and NER CRF models of underthesea."""

    def __init__(self) -> None:
        from underthesea import word_tokenize
        from underthesea.pipeline.chunking.model_crf import CRFChunkingPredictor
        from underthesea.pipeline.ner.model_crf import CRFNERPredictor
        from underthesea.pipeline.pos_tag.model_crf import CRFPOSTagPredictor

        self._word_tokenize = word_tokenize
        word_tokenize("Việt Nam")  # underthesea loads its segmentation model on first use
        pos, chunk, ner = (CRFPOSTagPredictor.Instance(), CRFChunkingPredictor.Instance(),
                           CRFNERPredictor.Instance())
        self._pos: tuple[Any, tuple[FeatureTemplate, ...]] = (
            pos.model, compile_template(pos.transformer.template))
        self._chunk: tuple[Any, tuple[FeatureTemplate, ...]] = (
            chunk.model, compile_template(chunk.transformer.template))
        self._ner: tuple[Any, tuple[FeatureTemplate, ...]] = (
            ner.model, compile_template(ner.transformer.template))

    def words(self, sentence: str) -> list[str]:
        """Word segmentation, as ``underthesea.word_tokenize``."""
        return list(self._word_tokenize(sentence))

    def tag_words(self, words: Sequence[str]) -> Tags:
        """(word, POS, chunk, NER) for segmented words, as ``ner()`` gives them."""
        n = len(words)
        if n == 0:
            return []
        unknown = ["X"] * n
        pos = self._tag(self._pos, [words, unknown])
        chunk = self._tag(self._chunk, [words, pos, unknown])
        ner = self._tag(self._ner, [words, pos, chunk, unknown])
        return list(zip(words, pos, chunk, ner))

    def tag(self, sentence: str) -> Tags:
        """(word, POS, chunk, NER) for each word of ``sentence``, as ``underthesea.ner``."""
        return self.tag_words(self.words(sentence))

    @staticmethod
    def _tag(stage: tuple[Any, tuple[FeatureTemplate, ...]],
             columns: Sequence[Sequence[str]]) -> list[str]:
        model, templates = stage
        return list(model.tag(sentence_features(columns, templates)))


_TAGGERS: Taggers | None = None


def get_taggers() -> Taggers:
    """The process's ``Taggers``, loading the models on first use (once per process)."""
    global _TAGGERS
    if _TAGGERS is None:
        _TAGGERS = Taggers()
    return _TAGGERS
