"""The card deck: its format, the YAML loader with validation, and the default deck."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from deck.loader import load_deck
from deck.model import Deck
from deck.problems import InputError, Location, Problem

__all__ = ["Deck", "InputError", "Location", "Problem", "default_deck_path", "load_deck"]


def default_deck_path() -> Path:
    """The folder of the default deck that ships inside the package."""
    return Path(str(resources.files("deck") / "default"))
