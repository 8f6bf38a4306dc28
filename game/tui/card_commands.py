"""Command palette: find any card in the deck by title or id and open it."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual.command import Hit, Hits, Provider

from deck.model import CardBase
from game.card_summary import type_label
from game.tui.deck_text import deck_text

if TYPE_CHECKING:
    from game.tui.app import NetwerktafelApp


class CardCommands(Provider):
    """Search every card of the deck from the command palette (ctrl+p)."""

    async def search(self, query: str) -> Hits:
        app: NetwerktafelApp = self.app  # type: ignore[assignment]
        deck = app.context.deck
        matcher = self.matcher(query)
        for card in deck.cards:
            label = f"{deck_text(deck, card.title)} ({type_label(deck, card)})"
            score = max(matcher.match(label), matcher.match(card.id))
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(self._open, card),
                    help=card.id,
                )

    def _open(self, card: CardBase) -> None:
        from game.tui.screens.card import CardScreen

        app: NetwerktafelApp = self.app  # type: ignore[assignment]
        app.push_screen(CardScreen(app.context.deck, card))
