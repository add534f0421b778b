"""The ``kg`` command line: thin click commands over the library.

Exit codes: 0 all went well; 1 an error stopped the command; 2 bad usage;
3 the command finished but some inputs were refused (each named on stderr).
"""

from __future__ import annotations

import sys

import click

from kg.cli._common import CONTEXT_SETTINGS, KGGroup, set_verbosity
from kg.version import __version__


@click.group(cls=KGGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", prog_name="kg")
@click.option("-v", "--verbose", count=True, help="More detail; with -v errors show their traceback.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors.")
def main(verbose: int, quiet: bool) -> None:
    """vnkg: Vietnamese news to a knowledge graph.

    \b
    Example:
      kg build data/ && kg query examples/queries/who_met_whom.rq
    """
    set_verbosity(-1 if quiet else verbose)


def _register() -> None:
    from kg.cli import explain, extract, store, viz

    for module in (extract, explain, store, viz):
        for command in module.COMMANDS:
            main.add_command(command)


_register()

if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
