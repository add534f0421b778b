"""The underthesea adapter: article text -> ``Doc``; the only importer of underthesea.

underthesea's ``sent_tokenize`` ignores newlines, so a photo caption would glue
onto the next paragraph: we split on line breaks first, then into sentences.
Every token keeps its character span in the article, so evidence offsets
point into ``Article.text``.

Tagging goes through ``kg.nlp.taggers``: underthesea's own models, loaded once
per process, fed features computed in one linear pass; the tags equal
``underthesea.ner``'s (``tests/nlp/test_taggers.py``) at several times its speed.
"""

from __future__ import annotations

from collections.abc import Iterator

from kg.model import Article, Doc, Sentence, Token

__all__ = ["MAX_SENTENCE_CHARS", "align_tokens", "cached_parse", "cap_sentence", "load_models", "parse",
           "parse_fresh", "split_sentences", "tag_sentence"]

# Far above any real sentence (the longest in data/ and the test sets is under 600).
MAX_SENTENCE_CHARS = 2_000
_CLAUSE_MARKS = (",", ";", ":", "–", "—", ")", "…")


def parse(article: Article) -> Doc:
    """Split, tokenize and tag an article (or read its parse from the cache ``kg.nlp.cache``
    was told to use).

    >>> from kg.ingest import read_article_text
    >>> doc = parse(read_article_text("Thủ tướng Phạm Minh Chính thăm Nhật Bản.", article_id="x"))
    >>> [(t.text, t.pos, t.ner) for t in doc.sentences[0].tokens][:2]
    [('Thủ tướng', 'N', 'O'), ('Phạm Minh Chính', 'Np', 'B-PER')]
    """
    doc = cached_parse(article)
    return doc if doc is not None else parse_fresh(article)


def cached_parse(article: Article) -> Doc | None:
    """The article's parse from the cache in use, or ``None`` (no cache, or not in it)."""
    from kg.nlp.cache import active_cache

    cache = active_cache()
    return cache.get(article) if cache is not None else None


def parse_fresh(article: Article) -> Doc:
    """``parse`` without looking in the cache first (the caller has); the parse is kept there."""
    from kg.nlp.cache import active_cache
    from kg.nlp.deadline import check_deadline

    sentences = []
    for start, end in split_sentences(article.text):
        check_deadline()
        tags = tag_sentence(article.text[start:end])
        sentences.append(Sentence(start, end, tuple(align_tokens(article.text, start, end, tags))))
    doc = Doc(article=article, sentences=tuple(sentences))
    cache = active_cache()
    if cache is not None:
        cache.put(doc)
    return doc


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    r"""Character spans of the sentences: lines first, then underthesea's splitting rules
    (``kg.nlp.sentences``).

    >>> text = "Hai bên ký 3 văn kiện. Ảnh: TTXVN\nThủ tướng phát biểu."
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Hai bên ký 3 văn kiện.', 'Ảnh: TTXVN', 'Thủ tướng phát biểu.']
    """
    from kg.nlp.sentences import sentence_spans

    offset = 0
    for line in text.split("\n"):
        line_start = offset
        offset += len(line) + 1
        for start, end in sentence_spans(line):
            yield from cap_sentence(text, line_start + start, line_start + end)


def cap_sentence(text: str, start: int, end: int, *,
                 limit: int = MAX_SENTENCE_CHARS) -> Iterator[tuple[int, int]]:
    """``text[start:end]`` as spans of at most ``limit`` characters, cut after clause marks.

    Relation finding compares the mentions of a sentence pairwise, so one
    sentence of a megabyte (an article without full stops) would take hours;
    pieces of bounded length keep extraction linear. A real sentence is far
    shorter than the limit and comes back whole.

    >>> list(cap_sentence("Một, hai; ba bốn năm", 0, 20, limit=10))
    [(0, 9), (10, 20)]
    """
    while end - start > limit:
        window = text[start:start + limit]
        cut = max(window.rfind(mark) for mark in _CLAUSE_MARKS)
        cut = cut + 1 if cut > 0 else window.rfind(" ")
        if cut <= 0:
            cut = limit
        piece_end = stop = start + cut
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        if stop > start:
            yield start, stop
        start = piece_end
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        yield start, end


def tag_sentence(sentence: str) -> list[tuple[str, str, str, str]]:
    """(word, POS, chunk, NER) for each word, as underthesea's ``ner`` gives them.

    >>> tag_sentence("Ông Putin ca ngợi Liên Xô")[1]
    ('Putin', 'Np', 'B-NP', 'B-PER')
    """
    from kg.nlp.taggers import get_taggers

    return get_taggers().tag(sentence)


def load_models() -> None:
    """Load underthesea's models now (once per process) rather than on the first sentence."""
    from kg.nlp.taggers import get_taggers

    get_taggers()


def align_tokens(text: str, start: int, end: int,
                 tags: list[tuple[str, str, str, str]]) -> Iterator[Token]:
    """Give each tagged word its span in ``text[start:end]``, syllable by syllable."""
    cursor = start
    for word, pos, chunk, ner_tag in tags:
        first = last = None
        for syllable in word.split():
            found = text.find(syllable, cursor, end)
            if found < 0:
                continue
            if first is None:
                first = found
            last = found + len(syllable)
            cursor = last
        if first is None or last is None:
            continue
        yield Token(text[first:last], first, last, pos, chunk, ner_tag)
