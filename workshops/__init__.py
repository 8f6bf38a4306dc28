"""Workshop scripts (werkvormen): the model, the YAML loader with validation, and the
built-in formats `netwerktafel`, `kort` and `training`."""

from __future__ import annotations

from workshops.deck_fit import FittedWorkshop, fit_to_deck
from workshops.loader import (
    builtin_workshop_path,
    builtin_workshops,
    check_against_deck,
    load_workshop,
    open_workshop,
)
from workshops.model import ROUND_KINDS, ROUND_MODELS, Round, RoundBase, RoundKind, Workshop

__all__ = [
    "ROUND_KINDS",
    "ROUND_MODELS",
    "FittedWorkshop",
    "Round",
    "RoundBase",
    "RoundKind",
    "Workshop",
    "builtin_workshop_path",
    "builtin_workshops",
    "check_against_deck",
    "fit_to_deck",
    "load_workshop",
    "open_workshop",
]
