"""One card in full, scrollable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from deck import Deck
from deck.model import CardBase
from game.card_panels import card_panel


class CardDetail(VerticalScroll, can_focus=False):
    """Shows every field of one card, as `deck show` prints it."""

    def __init__(self, deck: Deck, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.deck = deck
        self._body = Static("Kies een kaart.", classes="empty")
        self._shown: CardBase | bool | None = False
        """The card on show (False before the first); showing it again does nothing."""

    def compose(self) -> ComposeResult:
        yield self._body

    def show(self, card: CardBase | None) -> None:
        """Show `card`, or a hint when there is none."""
        if card is self._shown:
            # The list moves its cursor on every keystroke; redrawing the same card would
            # lay out its whole panel again for nothing.
            return
        self._shown = card
        if card is None:
            self._body.update("Geen kaart gevonden. Pas de zoekterm of de filters aan.")
            self._body.add_class("empty")
        else:
            self._body.update(card_panel(self.deck, card))
            self._body.remove_class("empty")
        self.scroll_home(animate=False)
