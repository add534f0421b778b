"""``kg build``, ``query``, ``export``, ``validate``, ``stats``, ``remove``, ``serve``, ``backup``, ``load``."""

from __future__ import annotations

import functools
import json
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from kg.cli._common import (
    CONTEXT_SETTINGS,
    InputErrors,
    atomic_output,
    estimate_articles,
    info,
    parse_date_option,
    progress,
    progress_shown,
    refuse_overwrite,
    warn,
    warn_undated,
)
from kg.cli._limits import article_timeout_option
from kg.cli._terminal import escape_controls, safe_output
from kg.cli._web import require_input, web_options
from kg.errors import MissingDependencyError, StoreLockedError
from kg.ingest import DEFAULT_MAX_BYTES

RDF_FORMATS = ("turtle", "nt", "trig", "nq", "jsonld")
GRAPH_FORMATS = ("graphml", "gexf", "json")


def store_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """``--store`` plus the endpoints of a SPARQL server."""
    @click.option("--store", "store", default="vnkg-store", show_default=True, metavar="DIR|URL",
                  help="Store directory, or http://HOST:PORT of an oxigraph server.")
    @click.option("--query-endpoint", metavar="URL", help="Any SPARQL 1.1 query endpoint (instead of --store).")
    @click.option("--update-endpoint", metavar="URL", help="Its SPARQL 1.1 update endpoint.")
    @click.option("--graph-store-endpoint", metavar="URL", help="Its Graph Store Protocol endpoint (optional).")
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return func(*args, **kwargs)
    return wrapper


def _open(kwargs: dict[str, Any], *, read_only: bool) -> Any:
    from kg.store import is_url, open_store

    location = kwargs.pop("store")
    endpoints = {k: kwargs.pop(k) for k in ("query_endpoint", "update_endpoint", "graph_store_endpoint")}
    if endpoints["query_endpoint"]:
        return open_store(None, read_only=read_only, **endpoints)
    if any(endpoints.values()):
        raise click.UsageError("--update-endpoint and --graph-store-endpoint need --query-endpoint")
    _refuse_foreign_directory(location)
    try:
        return open_store(location, read_only=read_only)
    except StoreLockedError as err:
        from kg.server.address import read_address

        served = None if is_url(location) else read_address(Path(location))
        if served is None:
            raise
        if read_only or served.writable:
            raise StoreLockedError(f"{err}; a kg serve at {served.url} holds it: "
                                   f"use --store {served.url.rstrip('/')}") from err
        raise StoreLockedError(f"{err}; a read-only kg serve at {served.url} holds it: stop it first") from err


def _refuse_foreign_directory(location: str | None) -> None:
    """A --store folder that holds files but no store is someone else's: never write into it."""
    from kg.store import is_url

    if location is None or is_url(location):
        return
    path = Path(location)
    if not path.is_dir() or (path / "CURRENT").exists():
        return
    foreign = sorted(entry.name for entry in path.iterdir() if not entry.name.startswith("vnkg"))
    if foreign:
        shown = ", ".join(foreign[:3]) + (", ..." if len(foreign) > 3 else "")
        raise click.UsageError(f"--store {location} holds other files ({shown}) and no store; "
                               "give a new or empty directory")


def _default_parse_cache(kwargs: dict[str, Any]) -> str | None:
    """``vnkg-parse-cache`` inside a store on disk; none for a server or endpoints."""
    from kg.store import is_url

    location = kwargs.get("store")
    if location is None or is_url(location) or kwargs.get("query_endpoint"):
        return None
    return str(Path(location) / "vnkg-parse-cache")


def _default_workers() -> int:
    return os.cpu_count() or 1


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1)
@store_options
@web_options
@click.option("--workers", type=click.IntRange(min=1), default=_default_workers,
              show_default="the machine's cores", help="Articles extracted in parallel processes.")
@article_timeout_option
@click.option("--dask", "dask_address", metavar="ADDRESS", help="Extract on this Dask scheduler.")
@click.option("--executor", type=click.Choice(["serial", "processes", "dask"]),
              help="How to run extraction (default: serial for one worker, else processes; "
                   "dask without --dask starts a local Dask cluster).")
@click.option("--force", is_flag=True, help="Re-ingest articles even if unchanged since the last build.")
@click.option("--date", callback=parse_date_option, help="Date of articles that have no date header.")
@click.option("--max-size", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this many bytes.")
@click.option("--parse-cache", type=click.Path(file_okay=False), metavar="DIR",
              help="Where parses are kept for re-extraction (default: vnkg-parse-cache inside a store "
                   "on disk).")
@click.option("--no-parse-cache", is_flag=True, help="Parse every article anew and keep no parse.")
def build(paths: tuple[str, ...], workers: int, dask_address: str | None, executor: str | None,
          force: bool, date: Any, max_size: int, links: tuple[str, ...], feeds: tuple[str, ...],
          fetch: Any, parse_cache: str | None, no_parse_cache: bool, **kwargs: Any) -> None:
    """Extract articles and store their facts, one transaction per article.

    PATHS are files (.txt, .jsonl, .html), directories (read recursively),
    http(s) URLs of article pages, or - for stdin. Articles
    unchanged since the last build are skipped; a bad article is reported and
    the build goes on (exit code 3). A second build on the same store while
    one runs fails at once. Parses are kept beside the facts, so `--force`
    after a rule change re-extracts without re-parsing.

    \b
    Example:
      kg build data/ --store vnkg-store
    """
    from kg.build import build as build_store
    from kg.nlp.cache import use_parse_cache

    require_input(paths, links, feeds)
    use_parse_cache(None if no_parse_cache else parse_cache or _default_parse_cache(kwargs))
    errors = InputErrors()
    undated = 0

    total = estimate_articles(paths) if progress_shown() else None

    def bar(extractions: Any) -> Any:
        nonlocal undated
        for extraction in progress(extractions, desc="build", total=total):
            undated += extraction.article.published is None
            yield extraction

    with _open(kwargs, read_only=False) as store:
        report = build_store(paths, store, workers=workers, force=force, date=date, max_bytes=max_size,
                             on_error=errors, progress=bar, dask_address=dask_address,
                             executor=executor, links=links, feeds=feeds, fetch=fetch)
        total = store.count()
    warn_undated(undated)
    info(f"{store.location}: {report.summary()}; the store holds {total} quads")
    sys.exit(errors.exit_code())


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("sparql")
@store_options
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "sparql-json"]),
              default="table", show_default=True,
              help="table; json (a list of records), csv or tsv with plain values; sparql-json (W3C).")
@click.option("--rdf-terms", is_flag=True, help="csv/tsv cells as RDF terms: <iri>, \"text\"@vi.")
@click.option("--update", is_flag=True, help="Run a SPARQL Update (the store is read-only otherwise).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=60.0, show_default=True,
              help="Seconds a query may run before it is stopped.")
@click.option("--memory-limit", type=click.IntRange(min=64), default=2048, show_default=True, metavar="MB",
              help="Memory a query may use before it is stopped.")
def query(sparql: str, fmt: str, rdf_terms: bool, update: bool, timeout: float, memory_limit: int,
          **kwargs: Any) -> None:
    """Run a SPARQL query (text or a .rq file) over the union of the article graphs.

    The prefixes vnkg, skos, schema, rdfs, rdf, xsd, prov and owl need no PREFIX line.

    \b
    Example:
      kg query examples/queries/who_met_whom.rq
      kg query 'SELECT ?name { ?p a vnkg:Person ; skos:prefLabel ?name }' --format json

    Ctrl-C stops a running query at once.
    """
    from kg.query import format_result, read_query, run_query

    text = read_query(sparql)
    with _open(kwargs, read_only=not update) as store:
        result = run_query(store, text, update=update, timeout=timeout, memory_mb=memory_limit)
    if result is None:
        info("update done")
        return
    click.echo(safe_output(format_result(result, fmt, rdf_terms=rdf_terms), fmt))


@click.command(context_settings=CONTEXT_SETTINGS)
@store_options
@click.option("-f", "--format", "fmt", type=click.Choice(RDF_FORMATS + GRAPH_FORMATS),
              default="turtle", show_default=True, help="RDF or graph format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout).")
@click.option("--force", is_flag=True, help="Overwrite the output file.")
def export(fmt: str, output: str | None, force: bool, **kwargs: Any) -> None:
    """Write the graph as Turtle, N-Triples, TriG, N-Quads, JSON-LD, GraphML, GEXF or JSON.

    Turtle and N-Triples hold the union of the article graphs; TriG, N-Quads
    and JSON-LD keep each article's graph.

    \b
    Example:
      kg export --format trig -o vnkg.trig
    """
    refuse_overwrite(output, force=force)
    with _open(kwargs, read_only=True) as store:
        if fmt in GRAPH_FORMATS:
            if not output:
                raise click.UsageError(f"--format {fmt} needs -o FILE")
            from kg.export import write_graph

            with atomic_output(output) as temp:
                write_graph(store, fmt, temp)
        elif output:
            with atomic_output(output) as temp, open(temp, "wb") as out:
                store.dump(out, fmt)
        else:
            store.dump(sys.stdout.buffer, fmt)
            sys.stdout.buffer.flush()
    if output:
        info(f"wrote {output}")


@click.command(context_settings=CONTEXT_SETTINGS)
@store_options
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False), help="SHACL shapes (default: ontology/shapes.ttl).")
def validate(shapes: str | None, **kwargs: Any) -> None:
    """Check the graph against the SHACL shapes; list every violation (exit 1 if any).

    \b
    Example:
      kg validate --store vnkg-store
    """
    from kg.store.validate import SHAPES
    from kg.store.validate import validate as run_validate

    with _open(kwargs, read_only=True) as store:
        report = run_validate(store, shapes=shapes or SHAPES)
    for violation in report.violations:
        click.echo(escape_controls(str(violation)))
    if report.conforms:
        info(f"valid: {report.triples} triples conform to the shapes")
        return
    info(f"{len(report.violations)} violation(s) in {report.triples} triples")
    sys.exit(1)


@click.command(context_settings=CONTEXT_SETTINGS)
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON.")
def stats(as_json: bool, **kwargs: Any) -> None:
    """Count articles, quads, events and reports, and triples by class and property.

    \b
    Example:
      kg stats --store vnkg-store
    """
    from kg.query import compact
    from kg.store.validate import stats as run_stats

    with _open(kwargs, read_only=True) as store:
        counts = run_stats(store)
    if as_json:
        click.echo(json.dumps(counts, ensure_ascii=False, indent=1))
        return
    for key in ("articles", "quads", "triples", "events", "event_reports"):
        click.echo(f"{key.replace('_', ' '):<14} {counts[key]:>8}")
    for title, key in (("by class", "classes"), ("by property", "properties")):
        click.echo(f"\n{title}:")
        table: dict[str, int] = counts[key]  # type: ignore[assignment]
        for iri, n in table.items():
            click.echo(f"  {compact(iri):<40} {n:>8}")


@click.command(context_settings=CONTEXT_SETTINGS)
@store_options
@click.option("--json", "as_json", is_flag=True, help="Print a list of records as JSON.")
def articles(as_json: bool, **kwargs: Any) -> None:
    """List the stored articles: id, date, headline and quads, the ids `kg remove` takes.

    \b
    Example:
      kg articles --store vnkg-store
    """
    from kg.query.articles import stored_articles

    with _open(kwargs, read_only=True) as store:
        rows = stored_articles(store)
    if as_json:
        records = [{"id": row.id, "date": row.published.isoformat() if row.published else None,
                    "title": row.title, "quads": row.quads} for row in rows]
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
        return
    for row in rows:
        date = row.published.isoformat() if row.published else "undated   "
        click.echo(f"{row.id}\t{date}\t{row.quads}\t{' '.join((row.title or '').split())}")
    info(f"{len(rows)} article(s)")


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("article_ids", nargs=-1, required=True)
@store_options
def remove(article_ids: tuple[str, ...], **kwargs: Any) -> None:
    """Take out everything the given articles said (their named graphs).

    Facts another article also reports stay.

    \b
    Example:
      kg remove 2025-12-01-lao
    """
    missing = []
    with _open(kwargs, read_only=False) as store:
        for article_id in article_ids:
            if store.remove(article_id):
                info(f"removed {article_id}")
            else:
                missing.append(article_id)
    if missing:  # already gone, e.g. removed by a run that then crashed: nothing to do
        warn(f"not in the store (already removed?): {', '.join(missing)}")


def _oxigraph_binary() -> str:
    candidate = Path(sys.executable).parent / "oxigraph"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise MissingDependencyError("the oxigraph server is not installed: pip install 'vnkg[server]'")


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option("--store", default="vnkg-store", show_default=True, metavar="DIR", help="Store directory.")
@click.option("--bind", default="127.0.0.1:7878", show_default=True,
              help="HOST:PORT to listen on (loopback by default: anything else is open to the network).")
@click.option("--writable", is_flag=True, help="Accept updates (the default is read-only).")
@click.option("--timeout", type=click.FloatRange(min=1), default=30.0, show_default=True,
              help="Seconds a query may run before it is stopped.")
@click.option("--memory-limit", type=click.IntRange(min=128), default=768, show_default=True, metavar="MB",
              help="Resident memory of the query engine; a query needing more fails and the engine restarts.")
@click.option("--host-name", "host_names", multiple=True, metavar="NAME",
              help="Another name clients use for this server (checked against the Host header).")
def serve(store: str, bind: str, writable: bool, timeout: float, memory_limit: int,
          host_names: tuple[str, ...]) -> None:
    """Serve the store: the explorer at /, a SPARQL 1.1 endpoint at /query (and /update if writable).

    Queries see the union of the article graphs as the default graph; each
    stops after --timeout seconds and the engine's memory is capped. Requests
    whose Host header does not name this server are refused, and so are
    updates sent cross-origin or form-encoded (send application/sparql-update).
    While it serves, a kg build on the same store fails at once (the store
    is locked); kg query and export work beside a read-only server, and kg
    backup beside any.
    SIGTERM or Ctrl-C stops it; it also stops if its store directory is removed.

    \b
    Example:
      kg serve --store vnkg-store --bind 127.0.0.1:7878
    """
    from kg.server import EngineLimits, ServeOptions, parse_bind
    from kg.server import serve as run_server

    try:
        host, port = parse_bind(bind)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--bind") from None
    options = ServeOptions(location=Path(store), host=host, port=port, writable=writable,
                           limits=EngineLimits(timeout_s=timeout, memory_mb=memory_limit),
                           host_names=host_names)

    def say(message: str) -> None:
        if message.startswith("serving on "):
            url = message.removeprefix("serving on ").removesuffix(" ...")
            message = (f"explorer {url} ; SPARQL endpoint {url}query "
                       f"({'read-write: ' + url + 'update' if writable else 'read-only'}); "
                       f"queries stop after {timeout:g} s; Ctrl-C stops it")
        info(message)

    sys.exit(run_server(options, _oxigraph_binary(), say=say))


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("target", type=click.Path(file_okay=False))
@click.option("--store", default="vnkg-store", show_default=True, metavar="DIR", help="Store directory.")
def backup(target: str, store: str) -> None:
    """Write a consistent copy of the store into a new directory TARGET.

    Works beside kg query and kg serve; while a kg serve --writable holds
    the store, the copy is read from that server.

    \b
    Example:
      kg backup backups/vnkg-2025-12-01
    """
    from kg.server.address import read_address
    from kg.store import EmbeddedStore

    try:  # a reader's open: works beside kg query and a read-only kg serve
        with EmbeddedStore(store, read_only=True) as embedded:
            embedded.backup(target)
    except StoreLockedError:
        served = read_address(Path(store))
        if served is None:
            raise
        from kg.server.backup import backup_from_server

        quads = backup_from_server(served.url, target)  # a writable kg serve holds it: ask the server
        info(f"backed up {store} to {target} through the kg serve at {served.url} ({quads} quads)")
        return
    info(f"backed up {store} to {target}")


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("dumps", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--store", default="vnkg-store", show_default=True, metavar="DIR",
              help="Store directory: new, or empty.")
@click.option("--threads", type=click.IntRange(min=1), default=_default_workers,
              show_default="the machine's cores", help="N-Quads and N-Triples files are loaded in this many parts at once.")
def load(dumps: tuple[str, ...], store: str, threads: int) -> None:
    """Load RDF dumps (kg export output: .nq .trig .nt .ttl .jsonld .rdf) into a new store.

    The bulk loader writes straight to disk and cuts N-Quads and N-Triples
    files at line ends to parse them on every core. Each file goes in whole
    or not at all: one that does not parse is named with its line, the
    others are loaded (exit code 3). The store must be new or empty.

    \b
    Example:
      kg export --format nq -o vnkg.nq && kg load vnkg.nq --store copy-store
    """
    from kg.store import EmbeddedStore, is_url

    if is_url(store):
        raise click.UsageError("kg load writes an embedded store directory; load a dump into a SPARQL "
                               "server with its own bulk loader (oxigraph: oxigraph load --location DIR "
                               "--file FILE)")
    errors = InputErrors()
    with EmbeddedStore(store, loading=True) as embedded:
        report = embedded.load_dumps(dumps, threads=threads, on_error=errors)
        total = embedded.count()
    info(f"{store}: loaded {len(report.loaded)} file(s) in {report.seconds:.1f} s"
         f"{f', {len(report.failed)} failed' if report.failed else ''}; the store holds {total} quads")
    sys.exit(errors.exit_code())


COMMANDS = [build, query, export, validate, stats, articles, remove, serve, backup, load]
