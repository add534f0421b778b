"""The fast tagging path gives exactly underthesea's own tags and features.

``kg.nlp.taggers`` uses underthesea internals (checked against
``TESTED_UNDERTHESEA``); these tests are what keeps that honest when
underthesea changes: word segmentation, POS, chunk and NER tags are compared
with ``word_tokenize``, ``pos_tag``, ``chunk`` and ``ner`` on every sentence of
data/ and the shared seeds, plus handwritten and generated sentences; NER rows (which
hold the other three) on every sentence of the held-out and real-style sets.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.nlp import split_sentences, tag_sentence
from kg.nlp.features import compile_template, sentence_features
from kg.nlp.taggers import TESTED_UNDERTHESEA, get_taggers

underthesea = pytest.importorskip("underthesea")

ROOT = Path(__file__).parents[2]
SEEDS = ROOT.parent / "shared" / "seeds"

HANDWRITTEN = [
    "",
    "   ",
    ".",
    "a",
    "Ông Putin ca ngợi những thành tựu vĩ đại của Liên Xô",
    "Thủ tướng Phạm Minh Chính thăm Nhật Bản.",
    "HÀ NỘI  ngày 3/12/2025 , ông   Nguyễn Văn A (SN 1970) nói: \"OK\"…",
    "\t x\u00a0y",
    "Tổng Bí thư Tô Lâm hội đàm với Tổng thống Hoa Kỳ Joe Biden tại Hà Nội ngày 10-9-2023.",
    "Kim ngạch thương mại song phương đạt 171,6 tỷ USD, tăng 11,2%.",
    "WHO, ASEAN và Liên hợp quốc (LHQ) ký Bản ghi nhớ về hợp tác.",
    "Chủ tịch nước",
    "Nhật Bản – Việt Nam",
    "a b c d e f g h i",
    "1 2 3",
    "!!! ??? ...",
    "Xem https://baoquocte.vn/tin-tuc?id=1&p=2 hoặc gửi thư tới ban.bien-tap@tt.vn, ĐT 024.3825.1234.",
    "Lúc 10:30 ngày 2/9/2025, 1.000.000 người; giá 12,5% (≈ 3.5 triệu USD) :) 😀 #ASEAN @vnkg",
    "TP.HCM, Q.1, GS.TS Nguyễn Văn A, v.v... và U.S.A. - Mỹ",
    "e-mail, COVID-19, Covid-19, F0, 5G, A/B, x86_64, C++",
]


def _corpus_sentences() -> list[str]:
    paths = sorted((ROOT / "data").glob("*.txt"))
    if SEEDS.is_dir():
        paths += sorted(SEEDS.glob("*.txt"))
    sentences = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        sentences += [text[start:end] for start, end in split_sentences(text)]
    return sentences


CORPUS = _corpus_sentences()


def _reference(sentence: str) -> dict[str, list]:
    return {
        "words": list(underthesea.word_tokenize(sentence)),
        "pos": [tuple(t) for t in underthesea.pos_tag(sentence)],
        "chunk": [tuple(t) for t in underthesea.chunk(sentence)],
        "ner": [tuple(t) for t in underthesea.ner(sentence)],
    }


def _ours(sentence: str) -> dict[str, list]:
    tags = tag_sentence(sentence)
    return {
        "words": get_taggers().words(sentence),
        "pos": [(w, p) for w, p, _, _ in tags],
        "chunk": [(w, p, c) for w, p, c, _ in tags],
        "ner": tags,
    }


def _assert_same_tags(sentence: str) -> None:
    assert _ours(sentence) == _reference(sentence), sentence


def test_taggers_underthesea_version_is_the_tested_one():
    from importlib.metadata import version

    assert version("underthesea") == TESTED_UNDERTHESEA, (
        "kg.nlp.taggers relies on underthesea internals: rerun this suite and update "
        "TESTED_UNDERTHESEA (and the pin in pyproject.toml)")


@pytest.mark.parametrize("sentence", HANDWRITTEN)
def test_taggers_handwritten_equal_underthesea(sentence):
    _assert_same_tags(sentence)


@pytest.mark.skipif(not CORPUS, reason="no data/*.txt or shared seeds")
def test_taggers_corpus_equal_underthesea():
    mismatched = [s for s in CORPUS if _ours(s) != _reference(s)]
    assert not mismatched, f"{len(mismatched)} of {len(CORPUS)} sentences differ, e.g. {mismatched[0]!r}"


def _other_sets_sentences() -> list[str]:
    """Every sentence of the held-out sets and the shared real-style set (data/ and the seeds are
    in ``CORPUS``)."""
    from paths import SHARED

    from kg.ingest import read_articles

    sources = sorted((ROOT / "tests" / "data").glob("heldout*")) + [SHARED / "eval" / "realstyle"]
    articles = read_articles([path for path in sources if path.is_dir()], on_error=lambda err: None)
    return [article.text[start:end] for article in articles for start, end in split_sentences(article.text)]


@pytest.mark.slow
def test_taggers_every_other_set_equal_underthesea_ner():
    """The held-out and real-style sets, against ``ner()`` alone: its rows hold the words, POS and
    chunk tags of ``word_tokenize``, ``pos_tag`` and ``chunk``, which it calls in turn."""
    sentences = _other_sets_sentences()
    assert len(sentences) > 1000
    mismatched = [s for s in sentences if tag_sentence(s) != [tuple(t) for t in underthesea.ner(s)]]
    assert not mismatched, f"{len(mismatched)} of {len(sentences)} sentences differ, e.g. {mismatched[0]!r}"


_SYLLABLES = ["Thủ", "tướng", "Phạm", "Minh", "Chính", "thăm", "Nhật", "Bản", "hội", "đàm", "với",
              "Tổng", "thống", "Hoa", "Kỳ", "tại", "Hà", "Nội", "ngày", "ký", "kết", "hiệp", "định",
              "ASEAN", "WHO", "Liên", "hợp", "quốc", "của", "và", "đã", "sẽ", "2025", "3/12", "171,6",
              "tỷ", "USD", "%", ",", ".", ":", "(", ")", "\"", "–", "-", "…", "ông", "bà", "Lào",
              "Campuchia", "Trung", "Quốc", "phát", "biểu", "nói", "rằng", "Bộ", "trưởng", "Ngoại",
              "giao", "Đại", "sứ", "Hoà", "hòa", "ĐẠI", "HỘI", "x", "A"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_SYLLABLES), max_size=25),
       st.sampled_from([" ", "  ", " \t"]))
def test_taggers_generated_equal_underthesea(syllables, separator):
    _assert_same_tags(separator.join(syllables))


@pytest.mark.parametrize("stage", ["pos_tag", "chunking", "ner"])
def test_features_equal_underthesea_template2features(stage):
    """Feature strings themselves, byte for byte, for each CRF stage's template."""
    import importlib

    model_crf = importlib.import_module(f"underthesea.pipeline.{stage}.model_crf")
    tagged_feature = importlib.import_module(f"underthesea.pipeline.{stage}.tagged_feature")
    predictor = {"pos_tag": "CRFPOSTagPredictor", "chunking": "CRFChunkingPredictor",
                 "ner": "CRFNERPredictor"}[stage]
    template = getattr(model_crf, predictor).Instance().transformer.template
    compiled = compile_template(template)
    for sentence in HANDWRITTEN + CORPUS[:20]:
        rows = [tuple(t) + ("X",) for t in underthesea.ner(sentence)]
        width = {"pos_tag": 1, "chunking": 2, "ner": 3}[stage]
        rows = [row[:width] + ("X",) for row in rows]
        expected = [tagged_feature.word2features(rows, i, template) for i in range(len(rows))]
        columns = [[row[j] for row in rows] for j in range(width + 1)] if rows else [[]]
        assert [list(row) for row in sentence_features(columns, compiled)] == expected, sentence


def test_features_shared_between_stages_equal_underthesea_template2features():
    """compile_templates: the POS, chunk and NER word features computed once per sentence."""
    import importlib

    from kg.nlp.features import compile_templates

    stages = [importlib.import_module(f"underthesea.pipeline.{stage}.tagged_feature")
              for stage in ("pos_tag", "chunking", "ner")]

    templates = [get_taggers()._pos[1].templates, get_taggers()._chunk[1].templates,
                 get_taggers()._ner[1].templates]
    syntaxes = [[spec.prefix[:-1] for spec in template] for template in templates]
    compiled = compile_templates(syntaxes)
    for sentence in HANDWRITTEN + CORPUS[:20]:
        rows = [tuple(t) for t in underthesea.ner(sentence)]
        shared: dict = {}
        for width, stage, syntax, template in zip((1, 2, 3), stages, syntaxes, compiled, strict=False):
            sent = [row[:width] + ("X",) for row in rows]
            expected = [stage.word2features(sent, i, syntax) for i in range(len(sent))]
            columns = [[row[j] for row in sent] for j in range(width + 1)] if sent else [[]]
            got = sentence_features(columns, template, shared=shared)
            assert [list(row) for row in got] == expected, sentence


def test_features_unusual_templates_match_underthesea():
    from underthesea.pipeline.ner.tagged_feature import word2features

    template = ["T[-3,-1]", "T[0,2].lower", "T[1,3][1].istitle", "T[2].isdigit", "T[0].is_in_dict",
                "T[-1].isallcap", "T[1,0]", "T[5]", "T[-5]"]
    rows = [("Hà", "Np"), ("Nội", "Np"), ("2025", "M"), ("ĐẠI", "N"), ("hội", "N")]
    for n in range(len(rows) + 1):
        sent = rows[:n]
        expected = [word2features(sent, i, template) for i in range(n)]
        columns = [[r[0] for r in sent], [r[1] for r in sent]]
        assert [list(row) for row in sentence_features(columns, compile_template(template))] == expected


def _segmenter():
    from underthesea.pipeline import word_tokenize as module

    underthesea.word_tokenize("Việt Nam")  # loads underthesea's model and its featurizer
    return module.word_tokenize_model.featurizer


def _syllables(sentence: str) -> list[str]:
    from underthesea.pipeline.word_tokenize.regex_tokenize import tokenize

    return list(tokenize(sentence))


def _assert_same_segmenter_features(syllables: list[str]) -> None:
    ours = [list(row) for row in sentence_features([syllables], get_taggers()._syllable_templates)]
    assert ours == _segmenter().process([[[s] for s in syllables]])[0], syllables


def test_segmenter_features_equal_underthesea_core_on_corpus():
    for sentence in HANDWRITTEN + CORPUS:
        syllables = _syllables(sentence)
        if syllables:
            _assert_same_segmenter_features(syllables)


@pytest.mark.parametrize("number", ["0", "-0", "+5", "007", "-", "+", "--1", "1.5", "1,5", "2147483647",
                                    "2147483648", "-2147483648", "-2147483649", "99999999999999999999"])
def test_segmenter_features_isdigit_is_a_32_bit_integer(number):
    _assert_same_segmenter_features(["năm", number, "tỷ"])


# Syllables as odd as the regex tokenizer lets through: other scripts, digits of
# other scripts, title-case letters (ǅ), final sigma, dotted I, ß, superscripts.
_ODD = st.text(alphabet=st.sampled_from(list("aAzZđĐàÀhọHỌ019²٣ǅǄΣσßİı'.,-+/%") + ["ς"]),
               min_size=1, max_size=6)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_SYLLABLES), _ODD), min_size=1, max_size=12))
def test_segmenter_features_equal_underthesea_core_generated(syllables):
    _assert_same_segmenter_features(syllables)
