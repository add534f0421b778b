"""What kg.nlp reads from underthesea's files equals what underthesea's own modules hold."""

from __future__ import annotations

import pytest

from kg.nlp.underthesea_files import (
    crf_stage,
    literal_in_source,
    tagger_dictionary,
    text_normalizers,
    tokenizer_pattern,
)


def test_tagger_dictionary_is_tagged_features_lower_words():
    from underthesea.pipeline.ner import tagged_feature

    assert tagger_dictionary() == frozenset(tagged_feature.lower_words)


@pytest.mark.parametrize("folder, predictor", [
    ("pos_tag", "underthesea.pipeline.pos_tag.model_crf:CRFPOSTagPredictor"),
    ("chunking", "underthesea.pipeline.chunking.model_crf:CRFChunkingPredictor"),
    ("ner", "underthesea.pipeline.ner.model_crf:CRFNERPredictor"),
])
def test_each_stage_has_underthesea_template_and_model(folder, predictor):
    import importlib

    module, name = predictor.split(":")
    instance = getattr(importlib.import_module(module), name).Instance()
    model, template = crf_stage(folder)
    assert template == instance.transformer.template and model.name.endswith(".bin")


@pytest.mark.parametrize("text", ["Hoà Bình", "Thuỷ", "òa", "Ðà Nẵng", "QUỐC", "hoà hợp", "ko", "x" * 9])
def test_normalizers_equal_underthesea(text):
    from underthesea.pipeline.text_normalize import token_normalize
    from underthesea.pipeline.text_normalize.character_normalize import normalize_characters_in_text

    characters, token = text_normalizers()
    assert characters(text) == normalize_characters_in_text(text)
    assert token(text) == token_normalize(text)


def test_tokenizer_pattern_is_regex_tokenize_pattern():
    from underthesea.pipeline.word_tokenize import regex_tokenize

    assert tokenizer_pattern().pattern == regex_tokenize.patterns.pattern
    assert tokenizer_pattern().flags == regex_tokenize.patterns.flags


def test_a_missing_literal_is_named():
    with pytest.raises(LookupError, match="no literal 'nothing_here'"):
        literal_in_source("pipeline/ner/model_crf.py", "nothing_here")


def _regex_tokens(text: str) -> list[str]:
    return [m.group(0) for m in tokenizer_pattern().finditer(text)]


_PIECES = ["Thủ", "tướng", "TP.", "HCM", "e-mail", "1.500", "12/3", "3x4", "v.v.", ":D", ":))", "H'Mông",
           "http://a.vn/x", "vnkg.org", "a@b.vn", "NĐ-CP", "COVID-19", "(", ")", ",", "...", "--", "°C",
           "T.Ư", "Dr.", "ʺ", "×", "%", "_", "Ánh", "1.600m-2.000m", "43H-0530", " ", "  ", "\t", "\u00a0"]


def test_tokens_piece_by_piece_equal_the_whole_text_regex():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kg.nlp.taggers import get_taggers

    tokens = get_taggers()._tokens

    @settings(max_examples=1500, deadline=None)
    @given(st.lists(st.sampled_from(_PIECES) | st.text(min_size=1, max_size=3), max_size=20))
    def check(pieces):
        text = "".join(pieces)
        assert tokens(text) == _regex_tokens(text)
        assert tokens(text.strip()) == _regex_tokens(text.strip())

    check()
    assert tokens("Ông Lee đến TP. HCM lúc 9.30, ngày 12/3.") == _regex_tokens(
        "Ông Lee đến TP. HCM lúc 9.30, ngày 12/3.")
