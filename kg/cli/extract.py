"""``kg extract`` and ``kg eval``."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterable, Iterator

import click

from kg.cli._common import (
    CONTEXT_SETTINGS,
    InputErrors,
    info,
    parse_date_option,
    progress,
    refuse_overwrite,
    warn_undated,
)
from kg.cli._limits import article_timeout_option
from kg.cli._web import require_input, web_options
from kg.ingest import DEFAULT_MAX_BYTES, FetchOptions, read_articles
from kg.model import Article


def _default_workers() -> int:
    return os.cpu_count() or 1


def _explained(article: Article) -> str:
    """One article's relations explained, headed by its id (a module-level function: workers pickle it)."""
    from kg.extract.explain import explain, format_explanations
    from kg.runner import extract_article

    return f"# {article.id}\n{format_explanations(explain(extract_article(article)))}\n"


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("paths", nargs=-1)
@web_options
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="JSONL file (default: stdout).")
@click.option("--force", is_flag=True, help="Overwrite the output file.")
@click.option("--date", callback=parse_date_option, help="Date of articles that have no date header.")
@click.option("--max-size", type=int, default=DEFAULT_MAX_BYTES, show_default=True,
              help="Refuse files larger than this many bytes.")
@article_timeout_option
@click.option("--workers", type=int, default=_default_workers, show_default="the machine's cores",
              help="Articles extracted in parallel processes.")
@click.option("--explain", is_flag=True,
              help="Instead of JSONL, print each relation with the construction and spans behind it.")
@click.option("--parse-cache", type=click.Path(file_okay=False), metavar="DIR",
              help="Keep each article's parse in DIR and reuse it: a re-run after a rule change skips the NLP.")
def extract(paths: tuple[str, ...], output: str | None, force: bool, date, max_size: int,
            workers: int, links: tuple[str, ...], feeds: tuple[str, ...], fetch: FetchOptions,
            explain: bool, parse_cache: str | None) -> None:
    """Extract entities, offices and relations as JSONL (one line per article).

    PATHS are files (.txt, .jsonl, .html), directories (read recursively),
    http(s) URLs of article pages, or - for stdin.

    \b
    Example:
      kg extract data/ -o extracted.jsonl
      kg extract --feed https://example.vn/rss/the-gioi.rss --cache pages/
    """
    from kg.nlp.cache import use_parse_cache
    from kg.runner import extract_articles, extract_json_line

    require_input(paths, links, feeds)
    refuse_overwrite(output, force=force)
    use_parse_cache(parse_cache)
    errors = InputErrors()
    undated = 0

    def counted(articles: Iterable[Article]) -> Iterator[Article]:
        nonlocal undated
        for article in articles:
            undated += article.published is None
            yield article

    articles = counted(read_articles(paths, date=date, max_bytes=max_size, on_error=errors, links=links,
                                     feeds=feeds, fetch=fetch))
    lines = extract_articles(articles, workers=workers, on_error=errors,
                             extract_fn=_explained if explain else extract_json_line)
    with open(output, "w", encoding="utf-8") if output else contextlib.nullcontext(sys.stdout) as out:
        for line in progress(lines, desc="extract"):
            out.write(line + "\n")
    warn_undated(undated)
    if output:
        info(f"wrote {output}")
    sys.exit(errors.exit_code())


@click.command(name="eval", context_settings=CONTEXT_SETTINGS)
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.argument("pred", type=click.Path(exists=True, dir_okay=False))
@click.option("--per-article", is_flag=True, help="List missed and extra items per article.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate(gold: str, pred: str, per_article: bool, as_json: bool) -> None:
    """Score extracted JSONL against gold annotations (precision, recall, F1).

    \b
    Example:
      kg extract data/ -o pred.jsonl && kg eval data/gold.jsonl pred.jsonl
    """
    from kg.evaluate import format_report, score_files

    report = score_files(gold, pred)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(report, per_article=per_article))


COMMANDS = [extract, evaluate]
