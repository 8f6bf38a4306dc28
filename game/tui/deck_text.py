"""A deck's texts in the app's language: a deck may carry French beside its Dutch.

The session records card titles as they were when something happened (in Dutch); a screen
looks the card up again to show its title in the reader's language.
"""

from __future__ import annotations

from catalogue import current_language
from deck import Deck
from deck.text import Text


def deck_text(deck: Deck, text: Text) -> str:
    """`text` in the app's language, else in the deck's own language."""
    return text.in_language(current_language(), deck.manifest.language)


def card_title(deck: Deck, card_id: str, recorded: str) -> str:
    """The title of card `card_id` in the app's language; `recorded` when the deck lacks it."""
    card = deck.get(card_id)
    return deck_text(deck, card.title) if card is not None else recorded
