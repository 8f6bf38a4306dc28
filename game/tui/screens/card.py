"""One card, full screen, over whatever was showing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen

from catalogue import _
from deck import Deck
from deck.model import CardBase
from game.tui.widgets.card_detail import CardDetail


class CardScreen(ModalScreen[None]):
    """A card opened from the command palette; Escape closes it."""

    CSS_PATH = "card.tcss"
    BINDINGS = [Binding("escape", "dismiss", _("Sluiten"))]

    def __init__(self, deck: Deck, card: CardBase) -> None:
        super().__init__()
        self.deck = deck
        self.card = card

    def compose(self) -> ComposeResult:
        yield CardDetail(self.deck)

    def on_mount(self) -> None:
        self.query_one(CardDetail).show(self.card)
