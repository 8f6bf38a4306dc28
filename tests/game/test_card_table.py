"""`deck list` draws its table without rich, and it is rich's table to the character.

The reference is the table `deck list` drew with rich before (`rich_table` below, the same
columns, ratios and styles): at every width where the columns get their least widths the
two must be equal, in both languages, for the default deck and the example deck. Narrower,
our table still fits the terminal (rich squeezes it otherwise).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.color import Color, ColorSystem
from rich.console import Console
from rich.table import Table
from rich.text import Text as RichText

from catalogue import translation, translator, use_language
from deck import default_deck_path, example_deck_path, load_deck
from game.cli.card_table import (
    Cell,
    Column,
    _eight_bit,
    _standard,
    cell_width,
    colour_system,
    draw_table,
    wrap,
)
from game.cli.deck_list import Listing, card_listing, card_table


def rich_table(listing: Listing, language: str) -> Table:
    """The table as rich drew it for `deck list` (game/card_panels.py before issue 14; its
    least widths 12, 12 and 10 only ever changed a table narrower than every terminal here)."""
    _ = translator(language)
    table = Table(title=RichText(listing["title"][language]), title_justify="left", expand=True)
    table.add_column(RichText("id"), style="bold", overflow="fold", ratio=1)
    table.add_column(RichText(_("soort")), no_wrap=True)
    table.add_column(RichText(_("titel")), overflow="fold", ratio=1)
    table.add_column(RichText(_("kenmerken")), style="dim", ratio=1)
    for card in listing["cards"]:
        label, colour, title, line = card["rows"][language]
        table.add_row(
            RichText(card["fields"]["id"]),
            RichText(label, style=colour),
            RichText(title),
            RichText(line),
        )
    count = len(listing["cards"])
    caption = translation(language).ngettext("{count} kaart", "{count} kaarten", count)
    caption = caption.format(count=count)
    table.caption = RichText(caption, style="table.caption")
    return table


def drawn_by_rich(listing: Listing, language: str, width: int) -> str:
    console = Console(file=io.StringIO(), width=width, color_system=None, highlight=False)
    console.print(rich_table(listing, language))
    assert isinstance(console.file, io.StringIO)
    return console.file.getvalue()


@pytest.fixture(scope="module", params=["default", "example"])
def listing(request: pytest.FixtureRequest) -> Listing:
    folder: Path = default_deck_path() if request.param == "default" else example_deck_path()
    return card_listing(load_deck(folder))


@pytest.mark.parametrize("language", ["nl", "fr"])
def test_the_table_is_riches_at_every_width_it_fits(listing: Listing, language: str) -> None:
    use_language(language)
    label_width = max(cell_width(card["rows"][language][0]) for card in listing["cards"])
    # Down to four cells for each shared column, rich only shares out the width.
    least = 4 * 3 + 1 + max(label_width, 6) + 3 * 4
    for width in (least, least + 1, 80, 97, 133):
        ours = draw_table_for(listing, language, width)
        assert ours == drawn_by_rich(listing, language, width), width


def draw_table_for(listing: Listing, language: str, width: int) -> str:
    os.environ["COLUMNS"] = str(width)
    return card_table(listing, listing["cards"], language)


def test_colours_as_rich_gives_them_in_a_terminal() -> None:
    columns = [Column("id", "fold", ratio=1, style="bold"), Column("soort", "none")]
    table = draw_table(
        "Titel", columns, [[Cell("a"), Cell("Rol", "#1b6a8c")]], "1", width=30, colour=True
    )
    assert "\x1b[38;2;27;106;140mRol" in table  # the type in its colour
    assert "\x1b[1ma" in table  # the id bold
    plain = draw_table(
        "Titel", columns, [[Cell("a"), Cell("Rol", "#1b6a8c")]], "1", width=30, colour=False
    )
    assert "\x1b" not in plain


TEXT = st.text(st.sampled_from(list("ab cdé\u00a0-?漢")), max_size=40)


@settings(max_examples=200, deadline=None)
@given(text=TEXT, width=st.integers(1, 30), overflow=st.sampled_from(["fold", "ellipsis"]))
def test_wrapped_lines_fit_and_fold_loses_nothing(text: str, width: int, overflow: Any) -> None:
    lines = wrap(text, width, overflow)
    assert all(cell_width(line) <= max(width, 2) for line in lines)
    if overflow == "fold" and width >= 2:
        assert "".join(lines).replace(" ", "").replace("\u00a0", "") == "".join(
            text.split()
        ).replace("\u00a0", "")


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(width=st.integers(20, 140), language=st.sampled_from(["nl", "fr"]))
def test_the_table_fills_the_terminal_exactly(width: int, language: str) -> None:
    listing = card_listing(load_deck(default_deck_path()))
    drawn = draw_table_for(listing, language, width)
    assert {cell_width(line) for line in drawn.splitlines()} == {width}


@settings(max_examples=300, deadline=None)
@given(rgb=st.tuples(*[st.integers(0, 255)] * 3))
def test_a_types_colour_in_fewer_colours_is_riches(rgb: tuple[int, int, int]) -> None:
    colour = Color.from_rgb(*rgb)
    assert _eight_bit(*rgb) == colour.downgrade(ColorSystem.EIGHT_BIT).number
    assert _standard(*rgb) == colour.downgrade(ColorSystem.STANDARD).number


class Terminal(io.StringIO):
    """A stdout that says whether it is a terminal."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


ENVIRONMENTS = st.fixed_dictionaries(
    {},
    optional={
        "TERM": st.sampled_from(
            ["xterm", "xterm-256color", "dumb", "xterm-kitty", "linux-16color", "tmux-256color", ""]
        ),
        "COLORTERM": st.sampled_from(["truecolor", "24bit", "", "yes"]),
        "FORCE_COLOR": st.sampled_from(["1", ""]),
        "TTY_COMPATIBLE": st.sampled_from(["0", "1", "x"]),
    },
)


@settings(max_examples=200, deadline=None)
@given(environ=ENVIRONMENTS, tty=st.booleans())
def test_the_colours_a_terminal_takes_are_decided_as_rich_decides(
    environ: dict[str, str], tty: bool
) -> None:
    stdout = Terminal(tty)
    riches = Console(file=stdout, _environ=environ).color_system
    saved_env, saved_out = dict(os.environ), sys.stdout
    try:
        for name in ("TERM", "COLORTERM", "FORCE_COLOR", "TTY_COMPATIBLE"):
            os.environ.pop(name, None)
        os.environ.update(environ)
        sys.stdout = stdout
        ours = colour_system()
    finally:
        sys.stdout = saved_out
        os.environ.clear()
        os.environ.update(saved_env)
    assert ours == {"standard": "16"}.get(riches or "", riches)
