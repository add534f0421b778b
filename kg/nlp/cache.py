"""A folder of parsed articles, so re-extraction after a rule change skips the NLP.

A parse depends only on the article's text, the underthesea version and this
NLP layer (``NLP_VERSION``, bumped whenever ``kg.nlp.parse`` would answer
differently). Each parse is one file named by the SHA-256 of the text, under
a folder named by both versions, so a new version never reads an old entry.

Safe to share: an entry is written to a temporary file and renamed into
place, so a reader sees a whole entry or none, and builds running side by
side may write the same entry. An entry that does not read back (truncated,
foreign, of another shape) is ignored, removed and parsed again. The folder
is bounded: past ``max_bytes`` the entries used longest ago go first.

``kg.nlp.parse`` uses the folder named by the ``VNKG_PARSE_CACHE`` variable,
set by ``use_parse_cache`` (the CLI's ``--parse-cache``, on by default for a
store on disk), so worker processes started afterwards use it too.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from kg.model import Article, Doc, Sentence, Token

__all__ = ["DEFAULT_MAX_BYTES", "ENV_VAR", "NLP_VERSION", "ParseCache", "active_cache", "use_parse_cache"]

ENV_VAR = "VNKG_PARSE_CACHE"
NLP_VERSION = "1"  # bump when kg.nlp.parse gives other sentences, words or tags for a text
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
_FORMAT = 1
_SUFFIX = ".doc"
_EVICT_EVERY = 64  # writes between two looks at the folder's size

# A parse as plain tuples marshal writes and reads fast and safely:
# (format, ((sentence start, end, ((token start, end, pos, chunk, ner), ...)), ...))
_Record = tuple[int, tuple[tuple[int, int, tuple[tuple[int, int, str, str, str], ...]], ...]]


class ParseCache:
    """Parses kept in ``directory``, at most about ``max_bytes`` of them."""

    def __init__(self, directory: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.root = Path(directory)
        self.folder = self.root / _version_folder()
        self.max_bytes = max_bytes
        self._writes = 0

    def get(self, article: Article) -> Doc | None:
        """The cached parse of the article's text, or ``None`` (absent or unreadable)."""
        path = self._path(article.text)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            doc = _decode(article, marshal.loads(data))
        except (ValueError, EOFError, TypeError, IndexError):
            path.unlink(missing_ok=True)  # corrupt: parse again and write it anew
            return None
        os.utime(path)  # used now: evicted last
        return doc

    def put(self, doc: Doc) -> None:
        """Keep a parse; a failure to write (full disk, read-only folder) only costs the cache."""
        path = self._path(doc.article.text)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(_encode(doc)))
            os.replace(temp, path)
        except OSError:
            return
        self._writes += 1
        if self._writes % _EVICT_EVERY == 1:
            self.evict()

    def evict(self) -> int:
        """Remove the entries used longest ago until the folder fits ``max_bytes``; how many went."""
        entries = sorted(_entries(self.root), key=lambda entry: entry[1])
        total = sum(size for _, _, size in entries)
        removed = 0
        for path, _, size in entries:
            if total <= self.max_bytes:
                break
            try:
                os.unlink(path)
            except OSError:
                continue
            total -= size
            removed += 1
        return removed

    def _path(self, text: str) -> Path:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return self.folder / digest[:2] / (digest + _SUFFIX)


def use_parse_cache(directory: str | Path | None) -> None:
    """Parse through the cache in ``directory`` from now on, here and in workers started later
    (``None``: no cache)."""
    if directory is None:
        os.environ.pop(ENV_VAR, None)
    else:
        os.environ[ENV_VAR] = str(Path(directory).resolve())


def active_cache() -> ParseCache | None:
    """The cache ``use_parse_cache`` chose for this process, if any."""
    directory = os.environ.get(ENV_VAR)
    return _cache_for(directory) if directory else None


@cache
def _cache_for(directory: str) -> ParseCache:
    return ParseCache(directory)


@cache
def _version_folder() -> str:
    from importlib.metadata import version

    return f"underthesea-{version('underthesea')}-nlp-{NLP_VERSION}"


def _encode(doc: Doc) -> _Record:
    return (_FORMAT, tuple((s.start, s.end, tuple((t.start, t.end, t.pos, t.chunk, t.ner) for t in s.tokens))
                           for s in doc.sentences))


def _decode(article: Article, record: _Record) -> Doc:
    form, sentences = record
    if form != _FORMAT:
        raise ValueError(f"parse cache format {form!r}")
    text = article.text
    return Doc(article=article, sentences=tuple(
        Sentence(start, end, tuple(Token(text[a:b], a, b, pos, chunk, ner) for a, b, pos, chunk, ner in tokens))
        for start, end, tokens in sentences))


def _entries(root: Path) -> Iterator[tuple[str, float, int]]:
    """(path, last use, size) of every entry under ``root``, of any version."""
    for folder, _, files in os.walk(root):
        for name in files:
            if name.endswith(_SUFFIX):
                path = os.path.join(folder, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                yield path, stat.st_mtime, stat.st_size
