"""`netwerktafel deck check`: the one function both the Typer command and the fast start run."""

from __future__ import annotations

from pathlib import Path

from catalogue import _, current_language
from deck import InputError
from game.cli.deck_opening import open_deck


def check_deck(deck_path: Path | None) -> None:
    """Check the deck at `deck_path` (default: the built-in one) and say it is in order;
    raises `InputError` with every problem, also those that only show on paper."""
    deck = open_deck(deck_path)
    # Also what only shows on paper: text too long for a poker card, characters the font lacks.
    from print.imposition import CARD_SIZES
    from print.printability import unprintable

    problems = unprintable(deck, CARD_SIZES["poker"])
    if problems:
        raise InputError(problems)
    types, language = deck.manifest.types, current_language()
    counts = ", ".join(
        f"{n} {types[kind].label.in_language(language, deck.manifest.language)}"
        if kind in types
        else f"{n} {kind}"
        for kind, n in deck.counts().items()
    )
    print(
        _("Deck '{id}' is in orde: {count} kaarten ({counts}).").format(
            id=deck.manifest.id, count=len(deck), counts=counts
        )
    )
