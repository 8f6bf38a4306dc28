"""The real decks the card-sheet tests print: the default deck and the example deck, each in
every language it declares, drawn from a cold parse cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from deck import Deck, default_deck_path, load_deck
from print import paragraphs
from print.fit import fit_cards
from print.imposition import PrintLayout
from print.sheets import render_cards

ROOT = Path(__file__).resolve().parents[2]
DEFAULT = load_deck(default_deck_path())
EXAMPLE = load_deck(ROOT / "docs" / "voorbeelddeck")
SIDES = [
    pytest.param(deck, language, id=f"{deck.manifest.id}-{language}")
    for deck in (DEFAULT, EXAMPLE)
    for language in dict.fromkeys([deck.manifest.language, *deck.manifest.languages])
]
"""(deck, language) for every side of both decks."""


def sheets(deck: Deck, language: str) -> bytes:
    """The deck's card sheets in `language`, fitted and drawn from a cold parse cache."""
    paragraphs._PARSED.clear()
    layout = PrintLayout()
    faces, problems = fit_cards(deck, deck.cards, layout.card, language)
    assert not problems
    pdf, _ = render_cards(deck, list(deck.cards), layout, faces=faces, language=language)
    return pdf
