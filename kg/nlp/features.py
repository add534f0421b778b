"""underthesea's CRF feature templates, computed in linear time.

underthesea's ``template2features`` rebuilds every column of the sentence and
re-parses the template for each (token, template) pair, which is quadratic in
the sentence length and about 85% of ``ner()``'s time. Here a template list is
parsed once, and its templates are grouped by the n-grams they read:
``T[-1]``, ``T[0]`` and ``T[2].lower`` all read single words of column 0,
``T[-1,0]`` and ``T[0,1].is_in_dict`` pairs of them. A group computes its
templates' feature strings once per n-gram of the sentence, padded with BOS
and EOS, and each template's features are a slice of those.

Words and tags recur, so a group over single words or over tags caches each
n-gram's feature strings for the process: a frequent word costs one dict
lookup, and the tagger gets the same string objects again, whose UTF-8 form
CPython has kept. Pairs and triples of words recur less (half of them are new
in a news text): their strings are built per sentence, and only the values of
their functions (``is_in_dict``, ``istitle``) are memoized. The POS, chunk
and NER templates share their groups over the words (``compile_templates``),
so each sentence computes its word features once for the three stages.

The feature strings are byte-for-byte those of
``underthesea.pipeline.*.tagged_feature.template2features`` with
``debug=True``; ``tests/nlp/test_taggers.py`` checks it on real sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

__all__ = ["CompiledTemplate", "FeatureTemplate", "compile_template", "compile_templates",
           "segmenter_functions", "sentence_features"]

# The same pattern underthesea's template2features matches a template with.
_SYNTAX = re.compile(
    r"T\[(?P<index1>\-?\d+)(\,(?P<index2>\-?\d+))?\](\[(?P<column>.*)\])?(\.(?P<function>.*))?")

Column = Sequence[str]
# Entries per memo: enough for the working vocabulary of a news archive, few
# enough that all memos together, once full, hold about 12 MB.
_CACHE = 1 << 12
# The values of a predicate: "True"/"False" from a function, True/False from a dictionary.
_BOOLEANS = frozenset((True, False, "True", "False"))


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
    size: int = field(init=False)  # the words it reads: 2 for T[-1,0]

    def __post_init__(self) -> None:
        last = self.index1 if self.index2 is None else self.index2
        object.__setattr__(self, "bos", f"{self.prefix}BOS")
        object.__setattr__(self, "eos", f"{self.prefix}EOS")
        object.__setattr__(self, "size", last - self.index1 + 1)

    def feature(self, gram: str) -> str:
        """The feature string of the n-gram ``gram`` (inside the sentence)."""
        return self.prefix + (gram if self.function is None else self.function(gram))


def _word_functions() -> dict[str, Callable[[str], str]]:
    """The functions of underthesea's ``tagged_feature`` (POS, chunk, NER), formatted the way
    its ``template2features`` formats them (``f"{result}"``: a bool becomes "True"/"False").

    Written here rather than imported: importing ``tagged_feature`` loads its dictionary
    once per stage. ``tests/nlp/test_taggers.py`` compares every feature string with theirs.
    """
    from kg.nlp.underthesea_files import tagger_dictionary

    words = tagger_dictionary()

    def istitle(word: str) -> str:  # an empty space-separated part made theirs raise: False
        parts = word.split(" ")
        return str(bool(word) and all(parts) and all(part[0].istitle() for part in parts))

    def isallcap(word: str) -> str:
        return str(all(letter.istitle() for letter in word))

    def isdigit(word: str) -> str:
        return str(word.isdigit())

    return {"lower": str.lower, "istitle": istitle, "isallcap": isallcap, "isdigit": isdigit,
            "is_in_dict": _DictionaryLookup(words)}


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

    def unchanged_by_upper(part: str) -> bool:
        return part[:1] == part[:1].upper()

    istitle = _PartwisePredicate(unchanged_by_upper)

    def isdigit(word: str) -> str:  # what Rust's ``word.parse::<i32>().is_ok()`` says
        digits = word[1:] if word[:1] in ("+", "-") else word
        if not digits or not all("0" <= ch <= "9" for ch in digits):
            return "False"
        return str(-(2**31) <= int(word) < 2**31)

    return {"lower": str.lower, "istitle": istitle, "isdigit": isdigit,
            "is_in_dict": _DictionaryLookup(dictionary)}


class _PartwisePredicate:
    """A predicate of a non-empty text holding when ``part`` holds of each space-separated part.

    ``_ComputedGroup`` answers it for n-grams of words from the memoized
    answers for the words, when no word is empty or holds a space.
    """

    __slots__ = ("part",)

    def __init__(self, part: Callable[[str], bool]) -> None:
        self.part = part

    def __call__(self, word: str) -> str:
        return "True" if word and all(map(self.part, word.split(" "))) else "False"


class _DictionaryLookup:
    """``is_in_dict``: "True" if the lower-cased word is in ``words``, else "False".

    A class rather than a closure so that ``_ComputedGroup`` can look up a
    sentence's lower-cased n-grams all at once.
    """

    __slots__ = ("words",)

    def __init__(self, words: frozenset[str] | set[str]) -> None:
        self.words = words

    def __call__(self, word: str) -> str:
        return "True" if word.lower() in self.words else "False"


class _Memo(dict):  # type: ignore[type-arg]
    """``function(key)`` for each key asked, memoized until full.

    Once full it keeps what it has: the frequent keys come early in a text,
    and memory stays flat without the cost of evicting.
    """

    __slots__ = ("_function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, key: Any) -> Any:
        value = self._function(key)
        if len(self) < _CACHE:
            self[key] = value
        return value


class _TemplateGroup:
    """The templates reading the same n-grams of one column: ``T[-1]``, ``T[2].lower``, ...

    ``features`` gives each template's feature strings at every n-gram of
    the sentence, padded with its BOS and EOS so that position i of the
    template at offset k is item ``start(template) + i``. The templates are
    ordered by function, so that each function runs once per n-gram.
    """

    def __init__(self, column: int, size: int, templates: Sequence[FeatureTemplate]) -> None:
        self.column = column
        self.size = size
        by_function: dict[Callable[[str], str] | None, list[FeatureTemplate]] = {}
        for spec in templates:
            by_function.setdefault(spec.function, []).append(spec)
        self._by_function = by_function
        ordered = [spec for specs in by_function.values() for spec in specs]
        self.slots = {spec.prefix: slot for slot, spec in enumerate(ordered)}
        self._before = max(0, *(-spec.index1 for spec in ordered))
        self._after = max(0, *(spec.index1 + size - 1 for spec in ordered))
        self._bos = tuple(spec.bos for spec in ordered)
        self._eos = tuple(spec.eos for spec in ordered)

    def start(self, spec: FeatureTemplate) -> int:
        """Where position 0's feature of ``spec`` is in its padded features."""
        return self._before + spec.index1

    def features(self, values: Column) -> list[Sequence[str]]:
        """Each template's padded feature strings, in slot order."""
        raise NotImplementedError

    def _grams(self, values: Column) -> Iterable[tuple[str, ...]]:
        return zip(*(values[j:] for j in range(self.size)), strict=False)


class _CachedGroup(_TemplateGroup):
    """A group whose n-grams recur: their feature strings are cached across sentences.

    A frequent word costs one dict lookup, and the tagger gets the same
    string objects again, whose UTF-8 form CPython has kept.
    """

    def __init__(self, column: int, size: int, templates: Sequence[FeatureTemplate]) -> None:
        super().__init__(column, size, templates)
        # The strings of features whose value is "True" or "False" (most
        # functions are predicates), built once and shared by every n-gram.
        self._runs = tuple(
            (function, [spec.prefix for spec in specs],
             {value: tuple(spec.prefix + value for spec in specs) for value in ("True", "False")})
            for function, specs in self._by_function.items())
        self._cache = _Memo(self._gram_features)
        self._bos_rows = [self._bos] * self._before
        self._eos_rows = [self._eos] * self._after

    def features(self, values: Column) -> list[Sequence[str]]:
        grams: Iterable[str | tuple[str, ...]] = values if self.size == 1 else self._grams(values)
        return list(zip(*self._bos_rows, *map(self._cache.__getitem__, grams), *self._eos_rows, strict=False))

    def _gram_features(self, gram: str | tuple[str, ...]) -> tuple[str, ...]:
        text = gram if isinstance(gram, str) else " ".join(gram)
        features: list[str] = []
        for function, prefixes, predicate_features in self._runs:
            value = text if function is None else function(text)
            built = predicate_features.get(value)
            features += built if built is not None else [prefix + value for prefix in prefixes]
        return tuple(features)


class _ComputedGroup(_TemplateGroup):
    """A group whose n-grams seldom recur: feature strings built for each sentence.

    ``lower`` and ``is_in_dict`` run over the sentence's n-grams at once (the
    n-grams lower-cased once for both): a memo costs them more than it saves
    when most n-grams are new. A ``_PartwisePredicate`` (the segmenter's
    ``istitle``) is answered for each word, memoized, and an n-gram's answer
    is that of all its words. Other function values are memoized per n-gram.
    The features of a function answering "True" or "False" are picked from
    strings built once rather than concatenated.
    """

    def __init__(self, column: int, size: int, templates: Sequence[FeatureTemplate]) -> None:
        super().__init__(column, size, templates)
        # (kind, what computes the values, what computes them from the n-grams if
        # the kind's shortcut does not apply, the templates)
        runs: list[tuple[str, Callable[[Any], Any] | None, Callable[[str], Any] | None, list[_Column]]] = []
        slot = 0
        for function, specs in self._by_function.items():
            columns = []
            for spec in specs:
                texts: dict[object, str] = {value: spec.prefix + str(value) for value in (True, False)}
                texts.update({str(value): text for value, text in texts.items()})
                columns.append(_Column(spec.prefix, texts, [self._bos[slot]] * self._before,
                                       [self._eos[slot]] * self._after))
                slot += 1
            if function is None:
                runs.append(("text", None, None, columns))
            elif function is str.lower:
                runs.append(("lower", None, None, columns))
            elif isinstance(function, _DictionaryLookup):
                runs.append(("lookup", function.words.__contains__, None, columns))
            elif isinstance(function, _PartwisePredicate):
                runs.append(("partwise", _Memo(function.part).__getitem__, _Memo(function).__getitem__, columns))
            else:
                runs.append(("memo", _Memo(function).__getitem__, None, columns))
        self._runs = tuple(runs)

    def features(self, values: Column) -> list[Sequence[str]]:
        grams = values if self.size == 1 else list(map(" ".join, self._grams(values)))
        lowered: list[str] | None = None
        plain: bool | None = None  # no word empty or holding a space: the n-grams split back into them
        features: list[Sequence[str]] = []
        for kind, function, of_grams, columns in self._runs:
            results: Sequence[object] = grams
            if kind == "partwise":
                if plain is None:
                    plain = all(values) and " " not in "".join(values)
                if plain:  # the n-gram's value is that of all its words
                    results = list(map(all, self._grams(list(map(function, values)))))  # type: ignore[arg-type]
                else:
                    results = list(map(of_grams, grams))  # type: ignore[arg-type]
            elif kind == "memo":
                results = list(map(function, grams))  # type: ignore[arg-type]
            elif kind != "text":
                if lowered is None:
                    lowered = list(map(str.lower, grams))
                results = lowered if kind == "lower" else list(map(function, lowered))  # type: ignore[arg-type]
            predicate = kind != "text" and _BOOLEANS.issuperset(results)
            for column in columns:
                pick: Callable[[Any], str] = column.texts.__getitem__ if predicate else column.prefix.__add__
                features.append([*column.bos, *map(pick, results), *column.eos])
        return features


class _Column(NamedTuple):
    """What a template of a ``_ComputedGroup`` needs to build its padded features."""

    prefix: str
    texts: dict[object, str]  # its features for the values of a predicate
    bos: list[str]  # the features before the first n-gram
    eos: list[str]


class _ReferenceGroup(_TemplateGroup):
    """One unusual template such as ``T[1,0]``, computed as template2features does."""

    def __init__(self, column: int, spec: FeatureTemplate) -> None:
        super().__init__(column, spec.size, [spec])
        self._spec = spec

    def start(self, spec: FeatureTemplate) -> int:
        return 0

    def features(self, values: Column) -> list[Sequence[str]]:
        n = len(values)
        return [[_reference_value(self._spec, values, n, i) for i in range(n)]]


@dataclass(frozen=True)
class CompiledTemplate:
    """A parsed template list, its templates grouped by the n-grams they read."""

    templates: tuple[FeatureTemplate, ...]
    groups: tuple[_TemplateGroup, ...]
    # For each template, where its features are: (group, slot, start), i.e.
    # position i's is ``groups[group].features(...)[slot][start + i]``.
    readers: tuple[tuple[int, int, int], ...]


def _new_group(column: int, size: int, templates: Sequence[FeatureTemplate]) -> _TemplateGroup:
    # All but the longer n-grams of the words (column 0) recur: over a news
    # text half of the word pairs are new, and a cache miss costs more than
    # building the strings.
    kind = _CachedGroup if size == 1 or column != 0 else _ComputedGroup
    return kind(column, size, templates)


def _grouped(template_lists: Sequence[Sequence[FeatureTemplate]]) -> tuple[CompiledTemplate, ...]:
    """Group each list's templates; those over the words (column 0) are grouped across lists."""
    word_members: dict[int, dict[str, FeatureTemplate]] = {}  # n-gram size -> templates by prefix
    for templates in template_lists:
        for spec in templates:
            if spec.column == 0 and spec.size >= 1:
                word_members.setdefault(spec.size, {}).setdefault(spec.prefix, spec)
    word_groups = {size: _new_group(0, size, list(members.values()))
                   for size, members in word_members.items()}
    return tuple(_compiled(templates, word_groups) for templates in template_lists)


def _compiled(templates: Sequence[FeatureTemplate], word_groups: dict[int, _TemplateGroup]) -> CompiledTemplate:
    members: dict[tuple[int, int], list[FeatureTemplate]] = {}
    for spec in templates:
        if spec.size >= 1:  # T[1,0] reads no n-gram: never in underthesea's templates
            members.setdefault((spec.column, spec.size), []).append(spec)
    groups = {key: word_groups[key[1]] if key[0] == 0 else _new_group(*key, specs)
              for key, specs in members.items()}
    group_list: list[_TemplateGroup] = []
    readers = []
    for spec in templates:
        group = groups[spec.column, spec.size] if spec.size >= 1 else _ReferenceGroup(spec.column, spec)
        if group not in group_list:
            group_list.append(group)
        readers.append((group_list.index(group), group.slots[spec.prefix], group.start(spec)))
    return CompiledTemplate(tuple(templates), tuple(group_list), tuple(readers))


_FUNCTIONS: dict[str, Callable[[str], str]] | None = None


def compile_template(template: Sequence[str], *,
                     functions: dict[str, Callable[[str], str]] | None = None) -> CompiledTemplate:
    """Parse underthesea template strings once.

    ``functions`` maps the ``.name`` of a template to its function; the
    default is underthesea's ``tagged_feature`` (POS, chunk, NER).

    >>> [t.prefix for t in compile_template(["T[0].lower", "T[-1,0][1]"]).templates]
    ['T[0].lower=', 'T[-1,0][1]=']
    """
    return compile_templates([template], functions=functions)[0]


def compile_templates(templates: Sequence[Sequence[str]], *,
                      functions: dict[str, Callable[[str], str]] | None = None
                      ) -> tuple[CompiledTemplate, ...]:
    """Parse template lists whose sentences have the same words, such as the POS, chunk and NER ones.

    Their templates over the words (column 0) share groups, so with the
    same ``shared`` dict, ``sentence_features`` computes the words' features
    once per sentence for all of them.
    """
    global _FUNCTIONS
    if functions is None:
        if _FUNCTIONS is None:
            _FUNCTIONS = _word_functions()
        functions = _FUNCTIONS
    return _grouped([[_parsed(syntax, functions) for syntax in template] for template in templates])


def _parsed(syntax: str, functions: dict[str, Callable[[str], str]]) -> FeatureTemplate:
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
    return FeatureTemplate(
        prefix=f"{syntax}=", column=int(column) if column else 0,
        index1=int(matched.group("index1")), index2=int(index2) if index2 else None,
        function=function)


def _reference_value(spec: FeatureTemplate, values: Column, n: int, i: int) -> str:
    """underthesea's template2features at one position, for unusual templates."""
    k, b = spec.index1, spec.index2
    if i + k < 0:
        return spec.bos
    if i + k >= n or (b is not None and i + b >= n):
        return spec.eos
    word = " ".join(values[i + k:i + b + 1]) if b is not None else values[i + k]
    return spec.feature(word)


def sentence_features(columns: Sequence[Column], template: CompiledTemplate, *,
                      shared: dict[Any, list[Sequence[str]]] | None = None) -> list[tuple[str, ...]]:
    """CRF features of a sentence given as columns (words, POS, ...), one tuple per token.

    ``shared`` holds the word features of one sentence: pass the same dict
    for the template lists of ``compile_templates`` to compute them once.

    >>> t = compile_template(["T[-1]", "T[0].istitle", "T[0,1]"])
    >>> sentence_features([["Ông", "Putin"]], t)
    [('T[-1]=BOS', 'T[0].istitle=True', 'T[0,1]=Ông Putin'), ('T[-1]=Ông', 'T[0].istitle=True', 'T[0,1]=EOS')]
    """
    n = len(columns[0]) if columns else 0
    if n == 0 or not template.templates:
        return [() for _ in range(n)]
    if shared is None:
        shared = {}
    features = []
    for group in template.groups:
        if group.column != 0:
            features.append(group.features(columns[group.column]))
            continue
        words = shared.get(group)
        if words is None:
            words = shared[group] = group.features(columns[0])
        features.append(words)
    per_template = [features[group][slot][start:start + n] for group, slot, start in template.readers]
    return list(zip(*per_template, strict=False))
