"""Light commands stay light: after `netwerktafel --help` or `deck list`, none of the heavy
libraries is loaded (after Harlequin's import-hygiene test).

Each run is a fresh interpreter that runs the console script's `main` and then names every
module it holds, so nothing another test imported can hide an import, or fake one.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("reportlab", "textual", "sqlite3", "_sqlite3", "aiohttp", "PIL")
"""The PDF library, the TUI, the session store's database, the room web and images."""

RUN_AND_LIST = """
import sys
from game.cli import main

sys.argv = ["netwerktafel", *sys.argv[1:]]
try:
    main()
except SystemExit as stop:
    assert stop.code in (0, None), stop.code
print("MODULES", *sorted(sys.modules))
"""


def modules_after(*args: str) -> set[str]:
    """Top-level names of every module loaded by running `netwerktafel ARGS…`."""
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    listed = done.stdout.rsplit("MODULES", 1)[1].split()
    return {name.split(".")[0] for name in listed}


@pytest.mark.parametrize(
    "args",
    [("--help",), ("deck", "list"), ("deck", "list", "--json"), ("deck", "show", "buurtvaders")],
)
def test_light_commands_load_no_heavy_library(args: tuple[str, ...]) -> None:
    loaded = modules_after(*args)
    assert "deck" in loaded  # the run did happen
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


@pytest.mark.parametrize("args", [("--help",), ("deck", "list", "--help")])
def test_help_loads_neither_markdown_nor_syntax_highlighting(args: tuple[str, ...]) -> None:
    # Typer's formatter imports both for Markdown help and pretty tracebacks, which we do not
    # use (game/cli/typer_help.py): together most of what `--help` cost.
    loaded = modules_after(*args)
    assert "typer" in loaded
    assert not loaded & {"markdown_it", "pygments"}, sorted(loaded & {"markdown_it", "pygments"})


def test_the_heavy_libraries_are_seen_when_a_command_needs_them() -> None:
    # The same probe after `deck check`, which fits the cards with reportlab: proves that
    # the list above would show a heavy import if there were one.
    assert "reportlab" in modules_after("deck", "check")
