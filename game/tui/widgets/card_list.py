"""A list of cards that tells its screen which card is highlighted or chosen."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text as RichText
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from deck import Deck
from deck.model import CardBase
from game.card_panels import summary, type_colour


class CardList(OptionList):
    """Cards by title, with a short line of their features; Enter chooses one."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto a card."""

        card: CardBase

    @dataclass
    class Chosen(Message):
        """The user pressed Enter on a card."""

        card: CardBase

    def __init__(self, deck: Deck, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.deck = deck
        self._cards: list[CardBase] = []

    def show(self, cards: list[CardBase]) -> None:
        """Replace the list with these cards, keeping the highlighted card if it remains."""
        current = self.highlighted_card
        self._cards = list(cards)
        self.clear_options()
        self.add_options(
            Option(
                RichText.assemble(
                    ("▌", type_colour(self.deck, card)),
                    (str(card.title), "bold"),
                    "\n ",
                    (summary(self.deck, card), "dim"),
                ),
                id=card.id,
            )
            for card in self._cards
        )
        if self._cards:
            ids = [card.id for card in self._cards]
            self.highlighted = ids.index(current.id) if current and current.id in ids else 0

    @property
    def highlighted_card(self) -> CardBase | None:
        """The card under the cursor, if any."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self._cards):
            return None
        return self._cards[self.highlighted]

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.Highlighted(self._cards[event.option_index]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(self._cards[event.option_index]))
