"""underthesea's CRF feature templates, computed in linear time.

underthesea's ``template2features`` rebuilds every column of the sentence and
re-parses the template for each (token, template) pair, which is quadratic in
the sentence length and about 85% of ``ner()``'s time. Here a template is
parsed once, each token's value is computed once per template column, and the
string functions (``istitle``, dictionary lookup) are cached per distinct
word. The feature strings are byte-for-byte those of
``underthesea.pipeline.*.tagged_feature.template2features`` with
``debug=True``; ``tests/nlp/test_taggers.py`` checks it on real sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

__all__ = ["FeatureTemplate", "compile_template", "segmenter_functions", "sentence_features"]

# The same pattern underthesea's template2features matches a template with.
_SYNTAX = re.compile(
    r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")

Column = Sequence[str]
# Entries per cached word function: enough for the words of a news archive's
# working vocabulary, small enough (a few MB) that memory stays flat.
_CACHE = 1 << 12


@dataclass(frozen=True, slots=True)
class FeatureTemplate:
    """One parsed template such as ``T[-1,0][1]`` or ``T[0].istitle``."""

    prefix: str  # "T[-1,0][1]=": underthesea's debug prefix
    column: int
    index1: int
    index2: int | None
    function: Callable[[str], str] | None
    bos: str = field(init=False)
    eos: str = field(init=False)
    grams: tuple = field(init=False)  # (column, n-gram size, function): the values it reads

    def __post_init__(self) -> None:
        last = self.index1 if self.index2 is None else self.index2
        object.__setattr__(self, "bos", f"{self.prefix}BOS")
        object.__setattr__(self, "eos", f"{self.prefix}EOS")
        object.__setattr__(self, "grams", (self.column, last - self.index1 + 1, self.function))


def _word_functions() -> dict[str, Callable[[str], str]]:
    # underthesea's own functions, formatted the way template2features does
    # (f"{result}": a bool becomes "True"/"False"), cached per distinct word.
    from underthesea.pipeline.ner import tagged_feature as tf  # type: ignore[import-untyped]

    def cached(fn: Callable[[str], object]) -> Callable[[str], str]:
        return lru_cache(maxsize=_CACHE)(lambda word: f"{fn(word)}")

    return {
        "lower": str.lower,  # text_lower is word.lower(); a cache would only add overhead
        "istitle": cached(tf.text_istitle),
        "isallcap": cached(tf.text_isallcap),
        "isdigit": cached(tf.text_isdigit),
        "is_in_dict": cached(tf.text_is_in_dict),
    }


def segmenter_functions(dictionary: frozenset[str] | set[str]) -> dict[str, Callable[[str], str]]:
    """The functions of underthesea_core's ``CRFFeaturizer`` (word segmentation), in Python.

    They differ from ``tagged_feature``'s: ``istitle`` asks whether the first
    character of every space-separated part is unchanged by upper-casing,
    ``isdigit`` whether the text parses as a 32-bit integer (ASCII digits, an
    optional sign), ``is_in_dict`` looks the lower-cased
    text up in the segmenter's own dictionary. ``tests/nlp/test_taggers.py``
    compares the feature strings with the featurizer's.

    >>> f = segmenter_functions({"hà nội"})
    >>> f["istitle"]("Hà Nội"), f["istitle"]("1,5"), f["isdigit"]("١٢"), f["is_in_dict"]("HÀ NỘI")
    ('True', 'True', 'False', 'True')
    """

    def istitle(word: str) -> str:
        return str(bool(word) and all(part[:1] == part[:1].upper() for part in word.split(" ")))

    def isdigit(word: str) -> str:  # what Rust's ``word.parse::<i32>().is_ok()`` says
        digits = word[1:] if word[:1] in ("+", "-") else word
        if not digits or not all("0" <= ch <= "9" for ch in digits):
            return "False"
        return str(-(2**31) <= int(word) < 2**31)

    def is_in_dict(word: str) -> str:  # a set lookup costs no more than a cache lookup
        return "True" if word.lower() in dictionary else "False"

    return {
        "lower": str.lower,
        "istitle": lru_cache(maxsize=_CACHE)(istitle),
        "isdigit": lru_cache(maxsize=_CACHE)(isdigit),
        "is_in_dict": is_in_dict,
    }


_FUNCTIONS: dict[str, Callable[[str], str]] | None = None


def compile_template(template: Sequence[str], *,
                     functions: dict[str, Callable[[str], str]] | None = None
                     ) -> tuple[FeatureTemplate, ...]:
    """Parse underthesea template strings once.

    ``functions`` maps the ``.name`` of a template to its function; the
    default is underthesea's ``tagged_feature`` (POS, chunk, NER).

    >>> [t.prefix for t in compile_template(["T[0].lower", "T[-1,0][1]"])]
    ['T[0].lower=', 'T[-1,0][1]=']
    """
    global _FUNCTIONS
    if functions is None:
        if _FUNCTIONS is None:
            _FUNCTIONS = _word_functions()
        functions = _FUNCTIONS
    compiled = []
    for syntax in template:
        matched = _SYNTAX.match(syntax)
        if matched is None:
            raise ValueError(f"Unknown feature template {syntax!r}")
        column = matched.group("column")
        index2 = matched.group("index2")
        name = matched.group("function")
        function = None
        if name is not None:
            if name not in functions:
                raise ValueError(f"Unknown feature function {name!r} in {syntax!r}. "
                                 f"Available: {', '.join(sorted(functions))}")
            function = functions[name]
        compiled.append(FeatureTemplate(
            prefix=f"{syntax}=", column=int(column) if column else 0,
            index1=int(matched.group("index1")), index2=int(index2) if index2 else None,
            function=function))
    return tuple(compiled)


def _ngrams(values: Column, size: int, fn: Callable[[str], str] | None) -> list[str]:
    """``fn`` of the ``size`` words starting at each position (as many as fit)."""
    if size == 1:
        grams: Sequence[str] = values
    elif size == 2:
        grams = [a + " " + b for a, b in pairwise(values)]
    else:
        grams = [" ".join(values[j:j + size]) for j in range(len(values) - size + 1)]
    return [fn(g) for g in grams] if fn is not None else list(grams)


def _template_values(spec: FeatureTemplate, columns: Sequence[Column], n: int,
                     derived: dict[tuple, list[str]]) -> list[str]:
    """The feature string of ``spec`` at every position of the sentence.

    Position i is BOS while i + k < 0, EOS once i + b >= n, else ``fn`` of the
    words i+k..i+b. ``derived`` holds ``fn`` of every n-gram of a column, so
    the five offsets of ``T[k].lower`` and the bigram templates that see the
    same pairs compute them once.
    """
    key = spec.grams
    size = key[1]
    if size < 1:  # T[1,0]: never in underthesea's templates; keep its per-position semantics
        return [_reference_value(spec, columns[spec.column], n, i) for i in range(n)]
    grams = derived.get(key)
    if grams is None:
        grams = derived[key] = _ngrams(columns[spec.column], size, spec.function)
    k = spec.index1
    lo = -k if k < 0 else 0
    lo = min(lo, n)
    hi = n - k - size + 1  # the last position whose n-gram ends inside the sentence, plus one
    hi = min(hi, n)
    hi = max(hi, lo)
    prefix = spec.prefix
    return [spec.bos] * lo + [prefix + g for g in grams[lo + k:hi + k]] + [spec.eos] * (n - hi)


def _reference_value(spec: FeatureTemplate, values: Column, n: int, i: int) -> str:
    """underthesea's template2features at one position, for unusual templates."""
    k, b = spec.index1, spec.index2
    if i + k < 0:
        return spec.bos
    if i + k >= n or (b is not None and i + b >= n):
        return spec.eos
    word = " ".join(values[i + k:i + b + 1]) if b is not None else values[i + k]
    return spec.prefix + (spec.function(word) if spec.function is not None else word)


def sentence_features(columns: Sequence[Column], templates: Sequence[FeatureTemplate], *,
                      shared: dict | None = None) -> list[tuple[str, ...]]:
    """CRF features of a sentence given as columns (words, POS, ...), one tuple per token.

    ``shared`` caches the templates over the word column (column 0) for one
    sentence: the POS, chunk and NER templates share most of them, so each is
    computed once per sentence however many stages use it.

    >>> t = compile_template(["T[-1]", "T[0].istitle", "T[0,1]"])
    >>> sentence_features([["Ông", "Putin"]], t)
    [('T[-1]=BOS', 'T[0].istitle=True', 'T[0,1]=Ông Putin'), ('T[-1]=Ông', 'T[0].istitle=True', 'T[0,1]=EOS')]
    """
    n = len(columns[0]) if columns else 0
    if n == 0 or not templates:
        return [() for _ in range(n)]
    derived: dict[tuple, list[str]] = {}  # n-grams of the other columns: this call only
    if shared is None:
        shared = {}
    per_template = []
    for spec in templates:
        if spec.column == 0:
            values = shared.get(spec.prefix)
            if values is None:
                values = shared[spec.prefix] = _template_values(spec, columns, n, shared)
        else:
            values = _template_values(spec, columns, n, derived)
        per_template.append(values)
    return list(zip(*per_template))
