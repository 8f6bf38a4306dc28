"""Light commands stay light: after `netwerktafel --help`, `deck list` or `deck check` of a deck
whose cards clearly fit, none of the heavy libraries is loaded (after Harlequin's
import-hygiene test).

Each run is a fresh interpreter that runs the console script's `main` and then names every
module it holds, so nothing another test imported can hide an import, or fake one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("reportlab", "textual", "sqlite3", "_sqlite3", "aiohttp", "PIL")
"""The PDF library, the TUI, the session store's database, the room web and images."""

RUN_AND_LIST = """
import sys
from game.cli import main

sys.argv = ["netwerktafel", *sys.argv[1:]]
code = 0
try:
    main()
except SystemExit as stop:
    code = stop.code or 0
print("EXIT", code, "MODULES", *sorted(sys.modules))
"""


def modules_after(*args: str, exit_code: int = 0) -> set[str]:
    """Top-level names of every module loaded by running `netwerktafel ARGS…`, which must
    end with `exit_code`."""
    return {name.split(".")[0] for name in full_names_after(*args, exit_code=exit_code)}


def full_names_after(*args: str, exit_code: int = 0) -> set[str]:
    """The full name of every module loaded by running `netwerktafel ARGS…`."""
    done = subprocess.run(
        [sys.executable, "-c", RUN_AND_LIST, *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    ending, listed = done.stdout.rsplit("EXIT", 1)[1].split("MODULES", 1)
    assert int(ending) == exit_code, done.stderr
    return set(listed.split())


@pytest.mark.parametrize(
    "args",
    [
        ("--help",),
        ("deck", "list"),
        ("deck", "list", "--json"),
        ("deck", "show", "buurtvaders"),
        # Every card of the default deck clearly fits: proven from the font's widths.
        ("deck", "check"),
    ],
)
def test_light_commands_load_no_heavy_library(args: tuple[str, ...]) -> None:
    loaded = modules_after(*args)
    assert "deck" in loaded  # the run did happen
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))


def test_deck_list_skips_what_it_does_not_show() -> None:
    # pydantic's plugin discovery reads every installed distribution (deck/pydantic_plugins.py);
    # the table is drawn without rich (game/cli/card_table.py), the command run without Typer
    # (game/cli/fast_start.py); difflib (did you mean …?) and traceback (--debug) only serve
    # a problem.
    loaded = full_names_after("deck", "list")
    assert "game.cli.card_table" in loaded  # the table was drawn
    assert not loaded & {"importlib.metadata", "rich", "typer", "difflib", "traceback"}


FAST = ("typer", "rich")
"""What the command lines of game/cli/fast_start.py run without."""
WORKED_OUT = ("pydantic", "pydantic_core", "yaml", "reportlab", "deck.model", "deck.loader")
"""What a deck's answer takes to work out: its models, its YAML, the printing rules."""


@pytest.mark.parametrize(
    "args",
    [
        ("deck", "list"),
        ("deck", "list", "--json"),
        ("deck", "check"),
        ("deck", "check", "--taal", "fr"),
    ],
)
def test_a_deck_checked_before_loads_neither_typer_nor_the_deck_models(
    args: tuple[str, ...],
) -> None:
    # The first run works the answer out (without Typer and rich: the fast start), the
    # second reads it from the cache (game/cli/deck_cache.py), for the same bytes and program.
    first = full_names_after(*args)
    assert "deck.loader" in first
    assert not {name.split(".")[0] for name in first} & {*FAST, *HEAVY}
    second = full_names_after(*args)
    assert "game.cli.deck_cache" in second  # the run did happen
    assert not {name.split(".")[0] for name in second} & {*FAST, *HEAVY}
    assert not second & set(WORKED_OUT), sorted(second & set(WORKED_OUT))


@pytest.mark.parametrize(
    ("args", "exit_code"),
    [
        (("--help",), 0),
        (("deck", "list", "--help"), 0),
        (("deck",), 2),  # a group without a command shows its help
        (("deck", "list", "--geen-optie"), 2),  # a usage error, in Typer's error panel
    ],
)
def test_help_loads_neither_markdown_nor_syntax_highlighting(
    args: tuple[str, ...], exit_code: int
) -> None:
    # Typer's formatter imports both for Markdown help and pretty tracebacks, which we do not
    # use (game/cli/typer_help.py): together most of what `--help` cost.
    loaded = modules_after(*args, exit_code=exit_code)
    assert "typer" in loaded
    assert not loaded & {"markdown_it", "pygments"}, sorted(loaded & {"markdown_it", "pygments"})


def test_the_heavy_libraries_are_seen_when_a_command_needs_them(tmp_path: Path) -> None:
    # The same probe after `deck check` of a card too long to prove it fits without
    # fitting it with reportlab: proves that the list above would show a heavy import.
    (tmp_path / "deck.yaml").write_text(
        "id: lang\ntitle: Lang\ntypes: {tip: {label: Tip, colour: '#1b6a8c'}}\n"
        "files: [tips.yaml]\n",
        encoding="utf-8",
    )
    text = "Bewoners en politie maken samen de buurt veiliger. " * 40
    (tmp_path / "tips.yaml").write_text(
        f"- {{id: lang, type: tip, title: Lang, text: '{text}'}}\n", encoding="utf-8"
    )
    assert "reportlab" in modules_after("deck", "check", str(tmp_path), exit_code=2)


@pytest.mark.parametrize("command", ["list", "check"])
def test_deck_commands_check_the_deck_without_building_the_models(command: str) -> None:
    # Each run has an empty deck cache (tests/conftest.py): the deck is read and checked,
    # against the compiled schema (deck/compiled_schema.py), not by pydantic's models.
    loaded = full_names_after("deck", command)
    assert "deck.compiled_schema" in loaded  # the deck was checked
    assert not loaded & {"deck.model", "pydantic.main", "deck.field_errors"}
