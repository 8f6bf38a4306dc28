"""`netwerktafel deck check`: the one function both the Typer command and the fast start run.

The verdict on a deck that is in order is remembered (`game.cli.deck_cache`) for the same deck
files and the same program, as ruff and mypy remember theirs: checking it again would give the
same answer from the same input. A deck with problems is checked again every time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from catalogue import LANGUAGES, current_language, translator
from deck.problems import InputError
from game.cli.deck_cache import remembered
from game.cli.deck_opening import deck_location
from game.cli.exit_collection import skip_collection

if TYPE_CHECKING:
    from deck import Deck


def check_deck(deck_path: Path | None) -> None:
    """Check the deck at `deck_path` (default: the built-in one) and say it is in order;
    raises `InputError` with every problem, also those that only show on paper."""
    skip_collection()
    verdicts = remembered("check", deck_location(deck_path), verdict, records=True)
    print(verdicts[current_language()])


def verdict(deck: Deck) -> dict[str, str]:
    """That `deck` is in order, in every language; `InputError` when it does not print."""
    # Also what only shows on paper: text too long for a poker card, characters the font lacks.
    from print.imposition import CARD_SIZES
    from print.printability import unprintable

    problems = unprintable(deck, CARD_SIZES["poker"])
    if problems:
        raise InputError(problems)
    return {language: _verdict(deck, language) for language in LANGUAGES}


def _verdict(deck: Deck, language: str) -> str:
    _ = translator(language)
    types, own = deck.manifest.types, deck.manifest.language
    counts = ", ".join(
        f"{n} {types[kind].label.in_language(language, own)}" if kind in types else f"{n} {kind}"
        for kind, n in deck.counts().items()
    )
    return _("Deck '{id}' is in orde: {count} kaarten ({counts}).").format(
        id=deck.manifest.id, count=len(deck), counts=counts
    )
