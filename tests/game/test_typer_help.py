"""The light import of Typer's help formatter: help reads the same, the stand-ins stay out."""

from __future__ import annotations

import subprocess
import sys

from tests.cli_inprocess import invoke

PROBE = """
import sys
from game.cli.typer_help import rich_utils

formatter = rich_utils()
print("after", "rich.markdown" in sys.modules, "rich.traceback" in sys.modules)
import rich.markdown
from rich.traceback import Traceback

print("real", rich.markdown.Markdown.__module__, Traceback.__module__)
try:
    raise ValueError("x")
except ValueError as error:
    # The formatter's stand-in gives the real class on first use.
    built = formatter.Traceback.from_exception(type(error), error, error.__traceback__)
print("built", type(built).__module__, type(formatter.Markdown("*a*")).__module__)
"""


def test_the_formatter_loads_without_markdown_and_tracebacks_then_gives_the_real_ones() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split("\n")[:3] == [
        "after False False",
        "real rich.markdown rich.traceback",
        "built rich.traceback rich.markdown",
    ]


def test_help_reads_as_typer_formats_it() -> None:
    shown = invoke("--help")
    assert shown.code == 0
    # Typer's own panels (in Dutch), with our commands and options in them.
    for part in ("Gebruik: netwerktafel", "Opties", "Opdrachten", "--taal", "deck", "aggregate"):
        assert part in shown.stdout, part
