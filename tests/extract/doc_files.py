"""Parses written down as files, and ``Doc``s built from them by hand, without underthesea.

A doc file (``tests/extract/docs/*.conll``) holds one parse per text, in the
four tab-separated columns of the VLSP 2016 NER data underthesea is trained on
(word, POS, chunk, NER), one word a line, a blank line after each sentence::

    # text = Thủ tướng Phạm Minh Chính thăm Nhật Bản.
    # edited = why the tags differ from underthesea's (optional)
    Thủ tướng	N	B-NP	O
    Phạm Minh Chính	Np	B-NP	B-PER
    ...

``# text`` is the article text (``Article.text``, a line break written ``\\n``);
each word is found in it left to right, and a sentence runs from its first
word to its last. ``tests/nlp/test_doc_files.py`` checks that every parse
without ``# edited`` is still what ``kg.nlp.parse`` gives.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.model import Article, Doc, Sentence, Token

DOCS_DIR = Path(__file__).parent / "docs"

Tagged = tuple[str, str, str, str]  # (word, POS, chunk, NER)


@dataclass(frozen=True, slots=True)
class Parse:
    """The tagged words of each sentence of one text, as a doc file writes them."""

    text: str
    sentences: tuple[tuple[Tagged, ...], ...]
    edited: str = ""  # why the tags were changed by hand; empty for underthesea's own
    path: Path | None = None


def make_doc(text: str, tagged: Sequence[Tagged], *, published: str = "2025-03-06") -> Doc:
    """A one-sentence ``Doc`` of ``text``, its words placed left to right."""
    article = Article(id="hand", text=text, published=dt.date.fromisoformat(published), source="hand.txt",
                      content_hash="hand")
    return doc_of(article, [tagged])


def doc_of(article: Article, sentences: Iterable[Sequence[Tagged]]) -> Doc:
    """The ``Doc`` of ``article`` with these tagged sentences.

    Raises:
        ValueError: a word is not in the text after the word before it.
    """
    text, at, built = article.text, 0, []
    for tagged in sentences:
        tokens = []
        for word, pos, chunk, ner in tagged:
            start = text.find(word, at)
            if start < 0:
                raise ValueError(f"{word!r} is not in the text after offset {at}: {text!r}")
            at = start + len(word)
            tokens.append(Token(word, start, at, pos, chunk, ner))
        if tokens:
            built.append(Sentence(tokens[0].start, tokens[-1].end, tuple(tokens)))
    return Doc(article, tuple(built))


def parse_of(doc: Doc) -> Parse:
    """What a doc file writes of ``doc``."""
    sentences = tuple(tuple((t.text, t.pos, t.chunk, t.ner) for t in s.tokens) for s in doc.sentences)
    return Parse(doc.article.text, sentences)


def read_parses(path: Path) -> Iterator[Parse]:
    """The parses of one doc file, in file order.

    Raises:
        ValueError: a line that is neither a ``# key = value`` comment, a blank
            line nor four tab-separated columns; it names the file and line.
    """
    text, edited, sentences, words = None, "", [], []

    def done() -> Parse | None:
        if words:
            sentences.append(tuple(words))
        return Parse(text, tuple(sentences), edited, path) if text is not None else None

    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("# text = "):
            parse = done()
            if parse is not None:
                yield parse
            text, edited, sentences, words = _unescape(line[len("# text = "):]), "", [], []
        elif line.startswith("# edited = "):
            edited = line[len("# edited = "):].strip()
        elif not line.strip():
            if words:
                sentences.append(tuple(words))
            words = []
        elif line.count("\t") == 3 and text is not None:
            word, pos, chunk, ner = line.split("\t")
            words.append((word, pos, chunk, ner))
        elif not line.startswith("#"):
            raise ValueError(f"{path}:{number}: expected '# text = ...' or word<TAB>POS<TAB>chunk<TAB>NER: {line!r}")
    parse = done()
    if parse is not None:
        yield parse


def write_parse(path: Path, parse: Parse) -> None:
    """Append one parse to a doc file."""
    lines = [f"# text = {_escape(parse.text)}"]
    if parse.edited:
        lines.append(f"# edited = {parse.edited}")
    for sentence in parse.sentences:
        lines.extend("\t".join(tagged) for tagged in sentence)
        lines.append("")
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")


def all_parses(directory: Path = DOCS_DIR) -> dict[str, Parse]:
    """Every written parse by its text.

    Raises:
        ValueError: one text is written twice.
    """
    parses: dict[str, Parse] = {}
    for path in sorted(directory.glob("*.conll")):
        for parse in read_parses(path):
            if parse.text in parses:
                raise ValueError(f"{path}: the text {parse.text[:60]!r} is also in {parses[parse.text].path}")
            parses[parse.text] = parse
    return parses


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def _unescape(text: str) -> str:
    out, chars = [], iter(text)
    for char in chars:
        if char == "\\":
            nxt = next(chars, "")
            out.append("\n" if nxt == "n" else nxt)
        else:
            out.append(char)
    return "".join(out)
