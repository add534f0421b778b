"""underthesea's CRF taggers fed in one pass: words, then POS, chunk and NER tags.

``underthesea.ner(s)`` calls ``chunk(s)``, which calls ``pos_tag(s)``, which
calls ``word_tokenize(s)``; each stage builds its CRF features in pure Python
with quadratic work per sentence. ``Taggers`` loads the same models once per
process and feeds them features from ``kg.nlp.features``, so each stage runs
once per sentence in linear time and the tags are the ones ``ner()`` gives.

Word segmentation runs the same way: underthesea's tokenizer pattern and
syllable normalization, then the segmenter's CRF model (the one
``word_tokenize`` loads) fed features built here from its feature templates
and dictionary rather than by underthesea_core's featurizer.

This relies on underthesea internals (the ``CRF*Predictor`` singletons, their
``.model`` and ``.transformer.template``; the segmenter's model directory and
``regex_tokenize.patterns``), checked against underthesea
``TESTED_UNDERTHESEA``: ``tests/nlp/test_taggers.py`` compares every tag
with underthesea's own functions and every feature string with theirs, and
fails on another underthesea version. One ``Taggers`` per process; it holds
no per-call state (its caches only memoize pure functions), so threads may
share it.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from kg.nlp.features import (
    CompiledTemplate,
    compile_template,
    compile_templates,
    segmenter_functions,
    sentence_features,
)
from kg.nlp.sentence_memo import SentenceMemo, memo_capacity

__all__ = ["TESTED_UNDERTHESEA", "Taggers", "get_taggers"]

TESTED_UNDERTHESEA = "9.5.0"

Tags = list[tuple[str, str, str, str]]
_matched_text = itemgetter(0)  # of a re.Match: m[0], without a Python frame per match
_Stage = tuple[Any, CompiledTemplate]


class Taggers:
    """The word segmenter and the POS, chunk and NER CRF models of underthesea."""

    def __init__(self) -> None:
        from underthesea_core import CRFTagger  # type: ignore[import-untyped]

        from kg.nlp.underthesea_files import crf_stage, segmenter_dir, text_normalizers, tokenizer_pattern

        # The segmenter's CRF model, loaded as word_tokenize loads it, but without
        # underthesea_core's featurizer: its features are built here (faster than
        # the featurizer returning them as Python strings), so it is never needed.
        model_dir = segmenter_dir()
        segmenter = CRFTagger()
        segmenter.load(str(model_dir / "models.bin"))
        self._tag_syllables = segmenter.tag
        dictionary = _load_pickle(model_dir / "dictionary.bin")
        if not isinstance(dictionary, (set, frozenset)):  # a set already (underthesea 9.5.0): no copy
            dictionary = frozenset(dictionary)
        self._syllable_templates = compile_template(_load_pickle(model_dir / "features.bin"),
                                                    functions=segmenter_functions(dictionary))
        self._tokenizer_pattern = tokenizer_pattern()
        self._normalize_characters, normalize_token = text_normalizers()
        # word_tokenize normalizes each syllable (a pure function): once per distinct syllable
        self._normalize = lru_cache(maxsize=1 << 12)(normalize_token)
        stages = [crf_stage(folder) for folder in ("pos_tag", "chunking", "ner")]
        models = []
        for model_file, _ in stages:
            model = CRFTagger()
            model.load(str(model_file))
            models.append(model)
        pos_template, chunk_template, ner_template = compile_templates([template for _, template in stages])
        self._pos: _Stage = (models[0], pos_template)
        self._chunk: _Stage = (models[1], chunk_template)
        self._ner: _Stage = (models[2], ner_template)
        self._memo = SentenceMemo(self._tag_sentence, capacity=memo_capacity())

    def words(self, sentence: str) -> list[str]:
        """Word segmentation, as ``underthesea.word_tokenize`` (default options)."""
        syllables = list(map(self._normalize, self._tokens(self._normalize_characters(sentence))))
        if not syllables:
            return []
        tags = self._tag_syllables(sentence_features([syllables], self._syllable_templates))
        words: list[str] = []
        for tag, syllable in zip(tags, syllables, strict=False):
            if tag == "I-W" and words:
                words[-1] = words[-1] + " " + syllable
            else:
                words.append(syllable)
        return words

    def _tokens(self, text: str) -> list[str]:
        """regex_tokenize.tokenize's tokens, without building a groupdict per match.

        No alternative of its pattern matches white space, so it is run piece by
        piece, and a piece of letters only is one ``word`` token (every earlier
        alternative needs a digit or a mark). A piece is followed by a space
        unless it ends the text, so ``(?!$)`` sees what it sees in the whole text.
        """
        tokens: list[str] = []
        pieces = text.split()
        last = len(pieces) - 1 if not text[-1:].isspace() else -1
        finditer = self._tokenizer_pattern.finditer
        for n, piece in enumerate(pieces):
            if piece.isalpha() and "ʺ" not in piece:  # U+02BA, a letter, is a punct token of its own
                tokens.append(piece)
            else:
                tokens += map(_matched_text, finditer(piece if n == last else piece + " "))
        return tokens

    def tag_words(self, words: Sequence[str]) -> Tags:
        """(word, POS, chunk, NER) for segmented words, as ``ner()`` gives them."""
        n = len(words)
        if n == 0:
            return []
        unknown = ["X"] * n
        shared: dict[Any, list[Sequence[str]]] = {}  # word features, common to the three stages
        pos = self._tag(self._pos, [words, unknown], shared)
        chunk = self._tag(self._chunk, [words, pos, unknown], shared)
        ner = self._tag(self._ner, [words, pos, chunk, unknown], shared)
        return list(zip(words, pos, chunk, ner, strict=False))

    def tag(self, sentence: str) -> Tags:
        """(word, POS, chunk, NER) for each word of ``sentence``, as ``underthesea.ner``;
        a sentence met lately is answered from ``kg.nlp.sentence_memo``."""
        return self._memo(sentence)

    def _tag_sentence(self, sentence: str) -> Tags:
        return self.tag_words(self.words(sentence))

    @staticmethod
    def _tag(stage: _Stage, columns: Sequence[Sequence[str]],
             shared: dict[Any, list[Sequence[str]]]) -> list[str]:
        model, template = stage
        return list(model.tag(sentence_features(columns, template, shared=shared)))


def _load_pickle(path: Path) -> Any:
    """A joblib file holding plain Python objects, read by the C unpickler.

    joblib reads it with the pure-Python unpickler, four times slower for the
    segmenter's 72,000-word dictionary (and importing joblib costs more still);
    a file joblib wrote differently (compressed, numpy arrays) goes to joblib.
    """
    import pickle

    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)  # trusted: a model file of the installed underthesea
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        import joblib  # type: ignore[import-untyped]

        return joblib.load(path)


_TAGGERS: Taggers | None = None


def get_taggers() -> Taggers:
    """The process's ``Taggers``, loading the models on first use (once per process)."""
    global _TAGGERS
    if _TAGGERS is None:
        _TAGGERS = Taggers()
    return _TAGGERS
