"""``kg viz``: the graph as one interactive HTML page that works offline."""

from __future__ import annotations

from pathlib import Path

import click

from kg.cli._common import CONTEXT_SETTINGS, atomic_output, info, parse_date_option, refuse_overwrite, warn


def _names(ctx: click.Context, param: click.Parameter, value: str | None) -> list[str] | None:
    if value is None:
        return None
    names = [v.strip() for v in value.split(",") if v.strip()]
    if not names:
        raise click.BadParameter("give at least one name, comma-separated")
    return names


def _read_graph_file(path: str):
    from kg.export.formats import FORMATS, read_graph

    fmt = Path(path).suffix.lstrip(".").lower()
    if fmt not in FORMATS:
        raise click.BadParameter(f"{path}: the file name must end in .{', .'.join(FORMATS)}",
                                 param_hint="--graph")
    return read_graph(path, fmt)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option("--store", "store_path", default="vnkg-store", show_default=True,
              help="The store written by kg build (a directory or an oxigraph server URL).")
@click.option("--graph", "graph_file", type=click.Path(exists=True, dir_okay=False),
              help="Draw a file written by kg export (.json, .graphml, .gexf) instead of the store.")
@click.option("-o", "--output", default="graph.html", show_default=True, type=click.Path(dir_okay=False),
              help="The HTML page to write.")
@click.option("--force", is_flag=True, help="Overwrite the output file.")
@click.option("--focus", metavar="NAME", help="Only the neighbourhood of this entity (name or alias).")
@click.option("--hops", type=click.IntRange(0), default=1, show_default=True,
              help="With --focus: how many events away from it.")
@click.option("--relations", callback=_names, metavar="LIST", help="Only these relations, e.g. met,signed.")
@click.option("--types", callback=_names, metavar="LIST", help="Only these entity types, e.g. Person,Country.")
@click.option("--since", callback=parse_date_option, metavar="DATE", help="Only events on or after DATE.")
@click.option("--until", callback=parse_date_option, metavar="DATE", help="Only events on or before DATE.")
@click.option("--max-nodes", type=click.IntRange(1), metavar="N", help="Keep the N most connected entities.")
@click.option("--timeline", is_flag=True, help="Open on the timeline of the focused entity.")
@click.option("--layout", type=click.Choice(["auto", "physics", "fixed"]), default="auto", show_default=True,
              help="physics: arranged in the browser; fixed: computed here (auto above 1,000 entities).")
@click.option("--title", default="vnkg", show_default=True, help="Title of the page.")
def viz(store_path: str, graph_file: str | None, output: str, force: bool, focus: str | None, hops: int,
        relations: list[str] | None, types: list[str] | None, since, until, max_nodes: int | None,
        timeline: bool, layout: str, title: str) -> None:
    """Write the graph as an interactive HTML page (works offline, from a file:// URL).

    Nodes are coloured and shaped by type and sized by their connections; an
    edge stands for every event of one relation between two entities. Hover
    for details, click for the sentences; search, filter and a timeline are
    in the page.

    \b
    Examples:
      kg viz -o graph.html
      kg viz --focus "Tô Lâm" --hops 1 --relations met -o to-lam.html
      kg viz --types Person,Country --since 2025-01-01 --max-nodes 500 -o big.html
    """
    from kg.export.graph import select
    from kg.export.html import write_html

    refuse_overwrite(output, force=force)
    if since and until and since > until:
        raise click.BadParameter(f"--since {since} is after --until {until}", param_hint="--since")
    if graph_file:
        g = _read_graph_file(graph_file)
    else:
        from kg.export.reader import to_networkx
        from kg.store import is_url, open_store

        if not is_url(store_path) and not Path(store_path).exists():
            raise click.UsageError(f"no store at {store_path}; run kg build first, or give --store or --graph")
        store = open_store(store_path, read_only=True)
        try:
            g = to_networkx(store, all_reports=False)
        finally:
            close = getattr(store, "close", None)
            if close:
                close()
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    view = select(g, focus=focus, hops=hops, relations=relations, types=types,
                  since=since.isoformat() if since else None, until=until.isoformat() if until else None,
                  max_nodes=max_nodes)
    with atomic_output(output) as temp:
        write_html(view, temp, title=title, layout=layout, timeline=timeline)
    dropped = view.graph.get("dropped") or {}
    if dropped:
        examples = ", ".join(dropped["examples"])
        warn(f"{dropped['nodes']} entities and {dropped['edges']} events not drawn: {dropped['reason']} "
             f"(the most connected of them: {examples})")
    info(f"wrote {output}: {view.number_of_nodes()} of {total_nodes} entities, "
         f"{view.number_of_edges()} of {total_edges} events")


COMMANDS = [viz]
