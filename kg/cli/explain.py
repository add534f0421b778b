"""``kg explain``: the construction behind each relation of a sentence."""

from __future__ import annotations

import click

from kg.cli._common import CONTEXT_SETTINGS, parse_date_option


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("sentence")
@click.option("--date", callback=parse_date_option,
              help="The article's date YYYY-MM-DD, for relative dates (default: none).")
def explain(sentence: str, date) -> None:
    """Extract SENTENCE and show, for every relation, the construction that fired and the spans it bound.

    \b
    Example:
      kg explain "Chiều 5/3, Thủ tướng Nguyễn Văn An hội đàm với Thủ tướng Lào Sonexay Siphandone." --date 2025-03-10
    """
    from kg.extract.explain import explain as explain_rows
    from kg.extract.explain import format_explanations
    from kg.ingest import read_article_text
    from kg.runner import extract_article

    article = read_article_text(sentence, article_id="explain", date=date)
    click.echo(format_explanations(explain_rows(extract_article(article))))


COMMANDS = [explain]
