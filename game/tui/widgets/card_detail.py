"""One card in full, scrollable."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from catalogue import _, current_language
from deck import Deck
from deck.model import CardBase
from game.card_panels import card_body, card_heading
from game.card_summary import type_colour

NO_CARD_COLOUR = "#777777"


class CardDetail(VerticalScroll, can_focus=False):
    """Shows every field of one card, as `deck show` prints it. The card's frame is the
    widget's own border, so the scrollbar sits inside it."""

    DEFAULT_CSS = """
    CardDetail {
        border: round $primary;
        border-title-align: left;
        padding: 0 1;
    }
    """

    def __init__(self, deck: Deck, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.deck = deck
        self._body = Static(_("Kies een kaart."), classes="empty")
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
            self.border_title = None
            self.styles.border = ("round", NO_CARD_COLOUR)
            self._body.update(_("Geen kaart gevonden. Pas de zoekterm of de filters aan."))
            self._body.add_class("empty")
        else:
            language = current_language()
            self.border_title = card_heading(self.deck, card, language)
            self.styles.border = ("round", type_colour(self.deck, card))
            self._body.update(card_body(self.deck, card, language))
            self._body.remove_class("empty")
        self.scroll_home(animate=False)
