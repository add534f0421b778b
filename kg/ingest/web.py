"""Fetch web pages politely: a clear User-Agent, timeouts, a delay per host, retries
with backoff on 429 and 5xx, and a folder cache of raw pages so a rebuild does not
fetch again. Every failure is an ``InputError`` naming the URL.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import parse_qsl, urlencode, urlsplit

from kg.errors import InputError
from kg.ingest.files import DEFAULT_MAX_BYTES
from kg.version import __version__

__all__ = ["USER_AGENT", "FetchOptions", "Fetcher", "Page", "article_id_for_url", "is_url", "read_links"]

USER_AGENT = f"vnkg/{__version__} (news knowledge graph; +https://github.com/vnkg/vnkg)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_MAX_RETRY_AFTER = 60.0
_CHUNK = 65536


@dataclass(frozen=True, slots=True)
class FetchOptions:
    """How pages are fetched.

    ``delay`` is the least time between two requests to one host; a retry waits
    ``backoff``, then twice that, and so on (or what the server's Retry-After asks,
    up to a minute).
    """

    cache_dir: Path | None = None
    timeout: float = 20.0
    delay: float = 1.0
    retries: int = 3
    backoff: float = 2.0
    max_bytes: int = DEFAULT_MAX_BYTES
    user_agent: str = USER_AGENT


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # as asked for
    final_url: str  # after redirects
    content_type: str
    body: bytes
    from_cache: bool = False


def is_url(value: object) -> bool:
    """``http://`` and ``https://`` addresses; anything else is a path.

    >>> is_url("https://baoquocte.vn/a.html"), is_url("data/a.txt")
    (True, False)
    """
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def article_id_for_url(url: str) -> str:
    """The article id of a page: its address without scheme, fragment and utm_* tracking.

    >>> article_id_for_url("https://baoquocte.vn/the-gioi/a-123.html?utm_source=rss#top")
    'baoquocte.vn/the-gioi/a-123.html'
    """
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not k.lower().startswith("utm_")])
    return f"{parts.netloc}{parts.path.rstrip('/') or ''}{'?' + query if query else ''}"


def read_links(path: str | Path) -> list[str]:
    """The URLs in a links file: one a line; blank lines and ``#`` comments skipped.

    Raises:
        InputError: the file cannot be read, or a line is not an http(s) URL.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the links file: {err}", path=str(path)) from err
    urls = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if not is_url(line):
            raise InputError(f"not an http(s) URL: {line[:80]!r}", path=str(path), line=number)
        urls.append(line)
    return urls


class Fetcher:
    """Fetches pages one at a time, keeping the per-host delay across calls."""

    def __init__(self, options: FetchOptions = FetchOptions()) -> None:
        self.options = options
        self.requests = 0  # made over the network, retries included
        self._last: dict[str, float] = {}

    def fetch(self, url: str, *, accept: tuple[str, ...] | None = HTML_TYPES, cache: bool = True) -> Page:
        """The page at ``url``, from the cache when it is there.

        Args:
            accept: content types taken (by prefix); None takes any.
            cache: read and write the cache folder (feeds change, so they skip it).

        Raises:
            InputError: HTTP error, timeout, redirect loop, too large, or not of an accepted type.
        """
        use_cache = cache and self.options.cache_dir is not None
        page = self._cached(url) if use_cache else None
        if page is None:
            page = self._download(url)
            if use_cache:
                self._store(page)
        if accept is not None and not page.content_type.startswith(accept):
            raise InputError(f"not HTML (content type {page.content_type or 'missing'})", path=url)
        return page

    def _download(self, url: str) -> Page:
        attempt = 0
        while True:
            self._wait_turn(url)
            try:
                return self._request(url)
            except urllib.error.HTTPError as err:
                err.close()
                if err.code not in _RETRY_STATUS or attempt == self.options.retries:
                    raise InputError(_http_message(err, attempt), path=url) from err
                time.sleep(self._retry_wait(err, attempt))
                attempt += 1

    def _request(self, url: str) -> Page:
        request = urllib.request.Request(url, headers={
            "User-Agent": self.options.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "vi,en;q=0.5"})
        self.requests += 1
        deadline = time.monotonic() + self.options.timeout
        try:
            with urllib.request.urlopen(request, timeout=self.options.timeout) as response:
                body = self._read_body(response, url=url, deadline=deadline)
                content_type = response.headers.get_content_type() if response.headers.get(
                    "Content-Type") else ""
                return Page(url=url, final_url=response.geturl(), content_type=content_type, body=body)
        except (urllib.error.HTTPError, InputError):
            raise
        except TimeoutError as err:
            raise InputError(f"timed out after {self.options.timeout:g} s", path=url) from err
        except urllib.error.URLError as err:
            if isinstance(err.reason, TimeoutError):
                raise InputError(f"timed out after {self.options.timeout:g} s", path=url) from err
            raise InputError(f"cannot fetch: {err.reason}", path=url) from err
        except (OSError, ValueError) as err:  # connection reset, bad URL, broken chunked body
            raise InputError(f"cannot fetch: {err}", path=url) from err
        finally:
            self._last[_host(url)] = time.monotonic()

    def _read_body(self, response: IO[bytes], *, url: str, deadline: float) -> bytes:
        chunks, size = [], 0
        while chunk := response.read(_CHUNK):
            size += len(chunk)
            if size > self.options.max_bytes:
                raise InputError(f"page is over the {self.options.max_bytes} byte limit "
                                 "(raise it with --max-size)", path=url)
            if time.monotonic() > deadline:  # a server that trickles bytes never trips the socket timeout
                raise TimeoutError
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, url: str) -> None:
        last = self._last.get(_host(url))
        if last is not None:
            pause = last + self.options.delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)

    def _retry_wait(self, err: urllib.error.HTTPError, attempt: int) -> float:
        wait = _retry_after(err.headers.get("Retry-After") if err.headers else None)
        return self.options.backoff * 2 ** attempt if wait is None else min(wait, _MAX_RETRY_AFTER)

    def _cached(self, url: str) -> Page | None:
        body_path, meta_path = _cache_paths(self.options.cache_dir, url)
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            return Page(url=url, final_url=meta["final_url"], content_type=meta["content_type"],
                        body=body_path.read_bytes(), from_cache=True)
        except (OSError, ValueError, KeyError):
            return None

    def _store(self, page: Page) -> None:
        body_path, meta_path = _cache_paths(self.options.cache_dir, page.url)
        body_path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"url": page.url, "final_url": page.final_url, "content_type": page.content_type,
                "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        # body first, metadata last, each renamed into place: a crash leaves no half entry
        for path, data in ((body_path, page.body), (meta_path, json.dumps(meta).encode())):
            tmp = path.with_suffix(path.suffix + f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)


def _retry_after(value: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for: a number or an HTTP date; None if neither.

    >>> _retry_after("5"), _retry_after("soon"), _retry_after("Wed, 21 Oct 2015 07:28:00 GMT")
    (5.0, None, 0.0)
    """
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        return max(email.utils.parsedate_to_datetime(value).timestamp() - time.time(), 0.0)
    except (TypeError, ValueError):
        return None


def _cache_paths(cache_dir: Path | None, url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode()).hexdigest()[:40]
    folder = cache_dir or Path(".")
    return folder / f"{key}.body", folder / f"{key}.json"


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _http_message(err: urllib.error.HTTPError, attempt: int) -> str:
    if 300 <= err.code < 400:
        return f"too many redirects (HTTP {err.code}; a redirect loop?)"
    tries = f" (after {attempt} retries)" if attempt else ""
    return f"HTTP {err.code} {err.reason}{tries}"
