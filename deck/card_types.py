"""The kinds of card a deck holds, without the models: a command that only names them (the
help of `deck list --type`, a cached listing) does not build pydantic's validators."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from deck.model import CardBase

CardType = Literal[
    "begrip", "vorm", "voorbeeld", "bezorgdheid", "tip", "stelling", "bereidheid", "rol", "dilemma"
]
CARD_TYPES: tuple[CardType, ...] = (
    "begrip",
    "vorm",
    "voorbeeld",
    "bezorgdheid",
    "tip",
    "stelling",
    "bereidheid",
    "rol",
    "dilemma",
)


def card_type(card: CardBase) -> CardType:
    """The `type` tag of a card (a model, or a record of the compiled schema)."""
    return card.type  # type: ignore[attr-defined]


@cache
def model_type(model: type[CardBase]) -> CardType:
    """The `type` tag every card of `model` carries (`ExampleCard` → `voorbeeld`)."""
    (kind,) = get_args(model.model_fields["type"].annotation)
    return kind
