"""Articles in, extractions out: the extraction stage of ``kg extract`` and ``kg build``.

Each article is parsed once (``kg.nlp.parse``, through the parse cache when
one is in use) and its ``Doc`` handed to the extractors (``kg.extract``):
``extract_article`` does that for one article, under its time limit.

One worker extracts in this process. More workers extract in worker processes
on this machine (one lane each, ``kg.lanes``: a text met again goes to the
worker that had it), or on a Dask distributed cluster. In every case the input is
consumed lazily and only a bounded number of batches is held, so memory
does not grow with the corpus, and extractions come out in input order, equal
to what one worker gives.

    articles ──> batches (≈ BATCH_CHARS of text) ──> WINDOW_PER_WORKER unfinished per worker
             ──> workers: extract_fn(article) ──> results in input order
                 (finished batches wait their turn, HELD_PER_WORKER per worker at most)

Worker processes start from a forkserver (safe when the caller has threads)
that has loaded the NLP models, the extraction engine and its lexicon, so
they are loaded once per pool. As with
any multiprocessing code, a script that asks for workers must guard its
entry point with ``if __name__ == "__main__":``. Workers watch the process
that started the pool and exit when it does, however it ended (a signal,
SIGKILL), so no worker, forkserver or resource tracker outlives it. On Dask, every worker needs vnkg installed;
each worker process loads the models on its first task and keeps them.
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
import os
import pickle
import traceback
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future
from typing import Any, TypeVar, overload

from kg.errors import ErrorHandler, InputError, MissingDependencyError
from kg.model import Article, Extraction

__all__ = ["DEFAULT_ARTICLE_TIMEOUT", "EXECUTORS", "TIMEOUT_VARIABLE", "article_timeout", "extract_article",
           "extract_articles", "extract_json_line"]

R = TypeVar("R")
ExtractFn = Callable[[Article], Any]  # Article -> Extraction, or whatever a caller wants back

DEFAULT_ARTICLE_TIMEOUT = 60.0
TIMEOUT_VARIABLE = "KG_ARTICLE_TIMEOUT"  # how `kg build --article-timeout` reaches worker processes

EXECUTORS = ("serial", "processes", "dask")
BATCH_CHARS = 4_000  # text per task: amortizes inter-process overhead on short articles
BATCH_ARTICLES = 32
WINDOW_PER_WORKER = 4  # batches submitted and unfinished per worker: keeps every worker busy
HELD_PER_WORKER = 8  # batches submitted and not yet yielded per worker (finished ones wait their turn): bounds memory
START_METHOD = "forkserver"  # safe with threads in the parent; preloads models and engine (kg.nlp/kg.extract._preload)


@overload
def extract_articles(articles: Iterable[Article], *, workers: int = ..., dask_address: str | None = ...,
                     executor: str | Any | None = ..., extract_fn: None = ...,
                     on_error: ErrorHandler | None = ...) -> Generator[Extraction, None, None]: ...


@overload
def extract_articles(articles: Iterable[Article], *, workers: int = ..., dask_address: str | None = ...,
                     executor: str | Any | None = ..., extract_fn: Callable[[Article], R],
                     on_error: ErrorHandler | None = ...) -> Generator[R, None, None]: ...


def extract_articles(
    articles: Iterable[Article],
    *,
    workers: int = 1,
    dask_address: str | None = None,
    executor: str | Any | None = None,
    extract_fn: ExtractFn | None = None,
    on_error: ErrorHandler | None = None,
) -> Generator[Any, None, None]:
    """Extract each article, yielding the extractions in input order.

    Args:
        articles: any iterable; it is read lazily, never materialized.
        workers: processes extracting in parallel (1: in this process). With
            Dask and no address, the number of LocalCluster workers.
        dask_address: a Dask scheduler (``tcp://host:8786``): extraction runs
            on that cluster. Implies ``executor="dask"``.
        executor: ``"serial"``, ``"processes"`` or ``"dask"`` (a LocalCluster
            when there is no address), or a ``distributed.Client`` to use.
            Default: serial for one worker or a small input (under
            BATCH_ARTICLES articles and 2 * BATCH_CHARS characters), else processes.
        extract_fn: Article -> Extraction, default ``extract_article`` (or
            Article -> anything: its results are what comes out); with
            processes or Dask it must be a picklable module-level function.
        on_error: called with an ``InputError`` naming the article's file when
            an article fails (the exception itself if it is an ``InputError``,
            such as ``ArticleTimeoutError``); the article is then skipped.
            Default: the exception is raised.

    Raises:
        ValueError: workers < 1 or an unknown executor.
        MissingDependencyError: Dask requested but not installed.

    >>> from kg.ingest import read_article_text
    >>> arts = [read_article_text(t, article_id=str(i)) for i, t in enumerate(["Hà Nội.", "Huế."])]
    >>> [e.article.id for e in extract_articles(arts, extract_fn=_doc_only)]
    ['0', '1']
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers}")
    fn = extract_fn or _default_extract_fn()
    kind = _executor_kind(executor, dask_address=dask_address, workers=workers)
    if kind == "processes" and executor is None:
        # Starting a pool costs about a second: not worth it for a handful of articles.
        head, articles = _peek(articles, BATCH_ARTICLES)
        if len(head) < BATCH_ARTICLES and sum(len(article.text) for article in head) <= 2 * BATCH_CHARS:
            kind = "serial"
    if kind == "serial":
        results: Iterator[tuple[Article, Any]] = _run_serial(articles, fn)
    elif kind == "processes":
        results = _run_processes(articles, fn, workers=workers)
    else:
        results = _run_dask(articles, fn, workers=workers, address=dask_address,
                            client=None if isinstance(executor, str) else executor)
    for article, result in results:
        if isinstance(result, _Failure):
            err = result.exception()
            if on_error is None:
                raise err
            on_error(_as_input_error(article, err))
        else:
            yield result


def _peek(articles: Iterable[Article], count: int) -> tuple[list[Article], Iterator[Article]]:
    """The first ``count`` articles, and an iterator over all of them."""
    iterator = iter(articles)
    head = list(itertools.islice(iterator, count))
    return head, itertools.chain(head, iterator)


def extract_article(article: Article, *, timeout: float | None = None) -> Extraction:
    """Parse one article (once, through the parse cache) and run every extractor over its ``Doc``.

    Args:
        timeout: seconds the article may take (0: no limit); default
            ``$KG_ARTICLE_TIMEOUT``, else 60.

    Raises:
        ArticleTimeoutError: the article took longer; it names the file.

    >>> from kg.ingest import read_article_text
    >>> ex = extract_article(read_article_text("Thủ tướng Phạm Minh Chính thăm Nhật Bản.", article_id="x"))
    >>> [(r.subject, r.predicate, r.object) for r in ex.relations]
    [('person:phạm minh chính', 'visited', 'country:nhật bản')]
    """
    from kg.extract import extract_doc
    from kg.extract.lexicon import load_lexicon
    from kg.nlp import cached_parse, load_models, parse_fresh
    from kg.nlp.deadline import time_limit

    doc = cached_parse(article)
    if doc is None:  # a rebuild whose parses are all cached never loads the models
        load_models()  # once per process, and not counted against the first article's time
    lexicon = load_lexicon()
    with time_limit(article_timeout() if timeout is None else timeout, article):
        return extract_doc(doc if doc is not None else parse_fresh(article), lexicon=lexicon)


def extract_json_line(article: Article) -> str:
    """Extract one article and return its JSONL line (``kg.extract.record``; no newline).

    ``kg extract`` hands this to the worker processes, so they serialize and
    the parent only writes: a string crosses the process boundary faster
    than an ``Extraction``.
    """
    import json

    from kg.extract.record import to_record

    return json.dumps(to_record(extract_article(article)), ensure_ascii=False)


def article_timeout() -> float:
    """The per-article time limit of this process: ``$KG_ARTICLE_TIMEOUT`` or 60 s."""
    value = os.environ.get(TIMEOUT_VARIABLE, "")
    try:
        return float(value) if value.strip() else DEFAULT_ARTICLE_TIMEOUT
    except ValueError:
        return DEFAULT_ARTICLE_TIMEOUT


def _default_extract_fn() -> ExtractFn:
    return extract_article


def _as_input_error(article: Article, err: Exception) -> InputError:
    """An article's failure as an ``InputError`` naming its file (an ``InputError`` already does)."""
    if isinstance(err, InputError):
        return err
    wrapped = InputError(f"extraction failed ({type(err).__name__}: {err}); article {article.id!r} skipped",
                         path=article.source)
    wrapped.__cause__ = err
    return wrapped


def _doc_only(article: Article) -> Extraction:
    """NLP only, no extractors: parses the article and returns an empty Extraction."""
    from kg.nlp import parse

    parse(article)
    return Extraction(article=article)


def _executor_kind(executor: str | Any | None, *, dask_address: str | None, workers: int) -> str:
    if executor is None:
        if dask_address:
            return "dask"
        return "serial" if workers == 1 else "processes"
    if not isinstance(executor, str):
        return "dask"  # a distributed.Client
    if executor not in EXECUTORS:
        raise ValueError(f"No executor {executor!r}. Available: {', '.join(EXECUTORS)}")
    if dask_address and executor != "dask":
        raise ValueError(f"a Dask address needs executor 'dask', not {executor!r}")
    return executor


# ---------------------------------------------------------------- one article, one batch


class _Failure:
    """An exception raised in a worker, carried back to be raised in input order."""

    __slots__ = ("payload", "text")

    def __init__(self, err: Exception) -> None:
        self.text = "".join(traceback.format_exception(err))
        try:  # some exceptions (keyword-only __init__) do not survive pickling
            pickle.loads(pickle.dumps(err))
            self.payload: Exception | None = err
        except Exception:  # noqa: BLE001 - any pickling problem means "send text instead"
            self.payload = None

    def exception(self) -> Exception:
        if self.payload is not None:
            return self.payload
        return RuntimeError(f"extraction failed in a worker:\n{self.text}")


def _extract_one(article: Article, fn: ExtractFn) -> Any:
    try:
        return fn(article)
    except Exception as err:  # noqa: BLE001 - handed to on_error or re-raised by the caller
        return _Failure(err)


def _extract_batch(batch: list[Article], fn: ExtractFn) -> list[Any]:
    return [_extract_one(article, fn) for article in batch]


def _batches(articles: Iterable[Article]) -> Iterator[list[Article]]:
    batch: list[Article] = []
    chars = 0
    for article in articles:
        batch.append(article)
        chars += len(article.text)
        if chars >= BATCH_CHARS or len(batch) >= BATCH_ARTICLES:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def _run_serial(articles: Iterable[Article], fn: ExtractFn) -> Iterator[tuple[Article, Any]]:
    for article in articles:
        yield article, _extract_one(article, fn)


def _ordered(articles: Iterable[Article], submit: Callable[[list[Article]], Any],
             wait_any: Callable[[list[Any]], object], *, running: int,
             held: int) -> Iterator[tuple[Article, Any]]:
    """Submit batches, keeping ``running`` of them at work, and yield results in input order.

    A batch that is slow at the head of the line does not leave the other
    workers idle: batches behind it go on being submitted as others finish,
    up to ``held`` batches waiting in all (finished ones included), which
    bounds memory. ``wait_any`` blocks until one of the given futures is done.
    """
    pending: deque[tuple[list[Article], Any]] = deque()
    batches = _batches(articles)
    more = True
    while True:
        while more and len(pending) < held and sum(not f.done() for _, f in pending) < running:
            batch = next(batches, None)
            if batch is None:
                more = False
            else:
                pending.append((batch, submit(batch)))
        if not pending:
            return
        batch, head = pending[0]
        if head.done() or not more or len(pending) >= held:
            pending.popleft()
            yield from zip(batch, head.result(), strict=False)
        else:
            wait_any([f for _, f in pending if not f.done()])


def _wait_any(futures: list[Future]) -> None:
    from concurrent.futures import FIRST_COMPLETED, wait

    wait(futures, return_when=FIRST_COMPLETED)


# ---------------------------------------------------------------- process pool


def _init_worker(parent_pid: int | None = None) -> None:
    from kg.nlp import load_models

    if parent_pid is not None:
        _exit_with(parent_pid)
    load_models()  # once per worker process, before the first article


def _exit_with(parent_pid: int) -> None:
    """End this worker as soon as the process that started the pool is gone, whatever killed it.

    A worker's parent is the forkserver, which lives as long as any worker
    holds its "alive" pipe, and every worker holds the write ends of the pool's
    queues: after a SIGKILL or SIGTERM of the main process nothing ever reads
    EOF, and the workers, the forkserver and the resource tracker would live on
    (holding the main process's stdout). So each worker watches the main
    process itself; when the workers go, the forkserver and tracker see EOF and go too.
    """
    import threading

    try:
        pidfd = os.pidfd_open(parent_pid)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # no pidfd (not Linux): poll the pid instead
        pidfd = None
    threading.Thread(target=_wait_for_exit, args=(parent_pid, pidfd), daemon=True,
                     name="vnkg-parent-watch").start()


def _wait_for_exit(parent_pid: int, pidfd: int | None) -> None:
    import select
    import time

    if pidfd is not None:
        select.select([pidfd], [], [])  # readable once the process has exited
    else:
        while _alive(parent_pid):
            time.sleep(0.5)
    os._exit(1)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # it exists, under another user
    return True


def _run_processes(articles: Iterable[Article], fn: ExtractFn, *,
                   workers: int) -> Iterator[tuple[Article, Any]]:
    from concurrent.futures import ProcessPoolExecutor

    from kg.lanes import Lanes

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context(START_METHOD if START_METHOD in methods else "spawn")
    if context.get_start_method() == "forkserver":
        # The server loads the models once and workers fork with them (no
        # effect if this process already started its forkserver).
        context.set_forkserver_preload(["kg.nlp._preload", "kg.extract._preload"])  # type: ignore[attr-defined]
    # One single-process pool per worker, so that a text met again goes where it went before
    # (kg.lanes): each worker's sentence memo then holds its own texts.
    pool = Lanes([ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_init_worker,
                                      initargs=(os.getpid(),)) for _ in range(workers)])
    try:
        yield from _ordered(articles, lambda batch: pool.submit(_extract_batch, batch, fn), _wait_any,
                            running=WINDOW_PER_WORKER * workers, held=HELD_PER_WORKER * workers)
    finally:
        try:
            pool.shutdown(wait=True, cancel_futures=True)
        except RuntimeError:
            # Closed by the garbage collector as the interpreter exits (a caller that stopped on
            # an error without closing it; kg.build does close it): no thread can start
            # then, and the workers end with this process.
            pass


# ---------------------------------------------------------------- Dask


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError as err:
        raise MissingDependencyError(
            "Dask execution needs dask.distributed: pip install 'vnkg[dask]'") from err
    return distributed


def _run_dask(articles: Iterable[Article], fn: ExtractFn, *, workers: int, address: str | None,
              client: Any | None) -> Iterator[tuple[Article, Any]]:
    distributed = _import_distributed()
    owned: list[Any] = []
    quiet = _QuietLogger("distributed")  # a LocalCluster logs every worker start at INFO
    if client is None:
        if address:
            client = distributed.Client(address)
        else:
            quiet.enter()
            cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1,
                                               processes=workers > 1, dashboard_address=":0",
                                               silence_logs=logging.ERROR)
            owned.append(cluster)
            client = distributed.Client(cluster)
        owned.insert(0, client)
    try:
        slots = sum(client.nthreads().values()) or workers
        yield from _ordered(
            articles, lambda batch: client.submit(_extract_batch, batch, fn, pure=False),
            lambda futures: distributed.wait(futures, return_when="FIRST_COMPLETED"),
            running=WINDOW_PER_WORKER * slots, held=HELD_PER_WORKER * slots)
    finally:
        for resource in owned:
            resource.close()
        quiet.exit()


class _QuietLogger:
    """Raise a logger to WARNING for a while, then restore its level."""

    def __init__(self, name: str) -> None:
        self.logger = logging.getLogger(name)
        self.level: int | None = None

    def enter(self) -> None:
        self.level = self.logger.level
        self.logger.setLevel(logging.WARNING)

    def exit(self) -> None:
        if self.level is not None:
            self.logger.setLevel(self.level)
            self.level = None
