"""Open the deck a command names: without Typer, for the command lines that run without it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from deck import default_deck_path

if TYPE_CHECKING:
    from deck import Deck


def deck_location(path: Path | None) -> Path:
    """The deck a command means: `path`, or the built-in deck."""
    return path if path is not None else default_deck_path()


def open_deck(path: Path | None) -> Deck:
    """The deck at `path`, or the built-in deck; raises `InputError` when it is invalid."""
    # Imported here: the deck model is most of a command's start, and `--help` needs none.
    from deck import load_deck

    return load_deck(deck_location(path))
