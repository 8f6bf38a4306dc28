"""`netwerktafel deck list`: the one function both the Typer command and the fast start run."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from catalogue import _
from deck.card_types import CARD_TYPES
from deck.problems import InputError, Location, Problem, did_you_mean, one_of
from game.cli.deck_opening import open_deck


def list_cards(deck_path: Path | None, kind: str | None, as_json: bool) -> None:
    """Print the cards of the deck at `deck_path` (default: the built-in one), of type
    `kind` or all, as a table or as JSON; raises `InputError` for a bad deck or type."""
    if kind is not None and kind not in CARD_TYPES:
        raise InputError(
            [
                Problem(
                    Location(Path("--type")),
                    _("onbekend kaarttype '{kind}'").format(kind=kind),
                    hint=did_you_mean(kind, CARD_TYPES) or one_of(CARD_TYPES),
                )
            ]
        )
    from deck.model import card_type

    deck = open_deck(deck_path)
    cards = tuple(c for c in deck.cards if kind is None or card_type(c) == kind)
    if as_json:
        data = [card.model_dump(mode="json") for card in cards]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from game.card_panels import card_table
    from game.cli.terminal import out

    out.print(card_table(deck, cards))
