"""The card deck: its format, the YAML loader with validation, and the default deck.

The names below load their modules on first use (PEP 562): a command that only needs
`deck.problems` (every error message) does not pay for building the deck's models.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from deck.pydantic_plugins import skip_plugin_discovery

if TYPE_CHECKING:
    from deck.loaded_deck import Deck
    from deck.loader import load_deck
    from deck.problems import InputError, Location, Problem

__all__ = [
    "Deck",
    "InputError",
    "Location",
    "Problem",
    "default_deck_path",
    "example_deck_path",
    "load_deck",
]

# Before any model class is made: pydantic builds a model's validator when the class is.
skip_plugin_discovery()

_LAZY = {
    "load_deck": "deck.loader",
    "Deck": "deck.loaded_deck",
    "InputError": "deck.problems",
    "Location": "deck.problems",
    "Problem": "deck.problems",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'deck' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


_HERE = Path(__file__).parent
"""The package's folder, where its decks ship: what importlib.resources says for a package
on disk (the only way netwerktafel is installed), without importing it (± 5 ms)."""


def default_deck_path() -> Path:
    """The folder of the default deck that ships inside the package."""
    return _HERE / "default"


def example_deck_path() -> Path:
    """The folder of the example deck from another field (traffic safety around a school).

    It ships inside the package so that `netwerktafel deck voorbeeld` can write it out for
    someone who installed with pip and has no source tree.
    """
    return _HERE / "voorbeeld"
