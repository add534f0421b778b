"""underthesea's data, read from its installed files without importing its package.

``import underthesea`` runs every pipeline's module: it loads a 74,000-word
dictionary three times, a normalization table twice, joblib, requests and
more, most of a second before the first sentence. vnkg uses four CRF models,
the segmenter's dictionary and features, a normalization table, the
tokenizer's pattern and the sentence splitter's abbreviations: this module
finds those files in the installed package and reads the few constants that
live in its source (feature templates, extra abbreviations) with ``ast``, so
no underthesea code runs. ``tests/nlp/test_taggers.py`` checks the result
against underthesea's own functions, on the pinned version.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["crf_stage", "literal_in_source", "package_dir", "segmenter_dir", "tagger_dictionary",
           "text_normalizers", "tokenizer_pattern"]

SEGMENTER_MODEL = "ws_crf_vlsp2013_20230727"  # what underthesea 9.5.0's word_tokenize loads


@cache
def package_dir() -> Path:
    """The installed underthesea package directory (found, not imported)."""
    from kg.errors import MissingDependencyError

    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise MissingDependencyError("underthesea is not installed: pip install vnkg")
    return Path(next(iter(spec.submodule_search_locations)))


def literal_in_source(relative: str, name: str) -> Any:
    """The value of the first ``name = <literal>`` assignment in one of underthesea's source
    files (at any depth: a template list assigned inside ``__init__`` counts).

    >>> literal_in_source("pipeline/ner/model_crf.py", "template")[:2]
    ['T[-2].lower', 'T[-1].lower']
    """
    tree = ast.parse((package_dir() / relative).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id == name for target in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(f"no literal {name!r} in underthesea/{relative}")


def crf_stage(folder: str) -> tuple[Path, list[str]]:
    """The model file and feature template of a tagging stage (``pos_tag``, ``chunking``, ``ner``),
    as its ``model_crf.py`` names them."""
    source = f"pipeline/{folder}/model_crf.py"
    models = sorted((package_dir() / "pipeline" / folder).glob("*_crf_*.bin"))
    if len(models) != 1:
        raise LookupError(f"expected one CRF model in underthesea/pipeline/{folder}, found {len(models)}")
    return models[0], list(literal_in_source(source, "template"))


def segmenter_dir() -> Path:
    """The word segmenter's model directory (``models.bin``, ``features.bin``, ``dictionary.bin``)."""
    return package_dir() / "pipeline" / "word_tokenize" / "models" / SEGMENTER_MODEL


@cache
def tagger_dictionary() -> frozenset[str]:
    """The lower-cased words of the dictionary the POS, chunk and NER features look words up in."""
    text = (package_dir() / "corpus" / "data" / "Viet74K.txt").read_text(encoding="utf-8")
    return frozenset(text.strip().lower().split("\n"))


@cache
def text_normalizers() -> tuple[Callable[[str], str], Callable[[str], str]]:
    """underthesea's ``normalize_characters_in_text`` and ``token_normalize``, over its rule table
    (read once; its own module reads it twice, through joblib)."""
    import pickle
    import unicodedata

    folder = package_dir() / "pipeline" / "text_normalize"
    rule_file = literal_in_source("pipeline/text_normalize/text_normalizer.py", "rule_file")
    with open(folder / rule_file, "rb") as fh:
        rules = pickle.load(fh)  # trusted: a data file of the installed underthesea
    character_map: dict[str, str] = rules["character"]
    token_map: dict[str, str] = rules["token"]

    def normalize_characters(text: str) -> str:
        text = unicodedata.normalize("NFC", text)
        for non_standard, standard in character_map.items():
            text = text.replace(non_standard, standard)
        return text

    def normalize_token(token: str) -> str:
        if len(token) > 6:
            return token
        token = normalize_characters(token)
        return token_map.get(token, token)

    return normalize_characters, normalize_token


@cache
def tokenizer_pattern() -> re.Pattern[str]:
    """The compiled pattern of underthesea's ``regex_tokenize`` (the syllable tokenizer).

    Its module builds the pattern in code, so it is run, from its file, with its two imports
    of underthesea's normalizers answered by ``text_normalizers`` instead of by the package.
    """
    import sys
    import types

    normalize_characters, normalize_token = text_normalizers()
    stand_ins = {
        "underthesea": types.ModuleType("underthesea"),
        "underthesea.pipeline": types.ModuleType("underthesea.pipeline"),
        "underthesea.pipeline.text_normalize": types.ModuleType("underthesea.pipeline.text_normalize"),
        "underthesea.pipeline.text_normalize.character_normalize":
            types.ModuleType("underthesea.pipeline.text_normalize.character_normalize"),
    }
    stand_ins["underthesea.pipeline.text_normalize"].token_normalize = normalize_token  # type: ignore[attr-defined]
    stand_ins["underthesea.pipeline.text_normalize.character_normalize"].normalize_characters_in_text = (  # type: ignore[attr-defined]
        normalize_characters)
    added = [name for name in stand_ins if name not in sys.modules]
    sys.modules.update({name: stand_ins[name] for name in added})
    try:
        path = package_dir() / "pipeline" / "word_tokenize" / "regex_tokenize.py"
        spec = importlib.util.spec_from_file_location("kg.nlp._underthesea_regex_tokenize", path)
        if spec is None or spec.loader is None:
            raise LookupError(f"cannot load {path}")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        for name in added:
            sys.modules.pop(name, None)
    return module.patterns  # type: ignore[no-any-return]
