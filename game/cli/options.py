"""Options and arguments shared by several commands."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from deck import Deck

SessionArg = Annotated[
    str,
    typer.Argument(
        metavar="SESSION",
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


def open_deck(path: Path | None) -> Deck:
    """The deck at `path`, or the built-in deck; raises `InputError` when it is invalid."""
    # Imported here: the deck model is most of a command's start, and `--help` needs none.
    from deck import default_deck_path, load_deck

    return load_deck(path if path is not None else default_deck_path())
