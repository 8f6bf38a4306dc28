"""Options and arguments shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from deck import Deck, default_deck_path, load_deck

DeckOption = Annotated[
    Path | None,
    typer.Option(
        "--deck",
        help="Deck-map met deck.yaml, of dat manifest zelf. Standaard: het ingebouwde deck.",
        show_default=False,
    ),
]


def open_deck(path: Path | None) -> Deck:
    """The deck at `path`, or the built-in deck; raises `InputError` when it is invalid."""
    return load_deck(path if path is not None else default_deck_path())
