"""Options and arguments shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from game.cli.deck_opening import open_deck

__all__ = ["DeckOption", "SessionArg", "open_deck"]

SessionArg = Annotated[
    str,
    typer.Argument(
        metavar="SESSIE",
        help="Sessiebestand, of alleen een naam (dan in de gegevensmap van netwerktafel).",
        show_default=False,
    ),
]
"""A session file, or a bare name looked up in the data folder (`session_path`)."""

DeckOption = Annotated[
    Path | None,
    typer.Option(
        "--deck",
        help="Deck-map met deck.yaml, of dat manifest zelf. Standaard: het ingebouwde deck.",
        show_default=False,
    ),
]
