"""The inspiratiebank: search the example cards as you type, filter, read a card in full."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Header

from deck import Deck
from deck.search import ExampleIndex, ExampleQuery
from game.tui.widgets.card_detail import CardDetail
from game.tui.widgets.card_list import CardList
from game.tui.widgets.example_filters import ExampleFilters


class InspiratiebankScreen(Screen[None]):
    """Search and filter the example cards; the highlighted card shows in full."""

    CSS_PATH = "inspiratiebank.tcss"
    TITLE = "Inspiratiebank"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Terug"),
        Binding("ctrl+f", "focus_search", "Zoeken"),
        Binding("ctrl+r", "clear_filters", "Filters wissen"),
    ]

    def __init__(self, deck: Deck, index: ExampleIndex | None = None) -> None:
        super().__init__()
        self.deck = deck
        self.index = index or ExampleIndex(deck)

    def compose(self) -> ComposeResult:
        yield Header()
        yield ExampleFilters(self.deck, id="filters")
        with Horizontal(id="bank"):
            yield CardList(self.deck, id="cards")
            yield CardDetail(self.deck, id="detail")
        yield Footer()

    def on_mount(self) -> None:
        self.apply(ExampleQuery())
        self.action_focus_search()

    def apply(self, query: ExampleQuery) -> None:
        """Show the examples that match `query`."""
        found = self.index.search(query)
        cards = self.query_one(CardList)
        cards.show(list(found))
        cards.border_title = f"{len(found)} van {len(self.index)} voorbeelden"
        self.query_one(CardDetail).show(cards.highlighted_card)

    def on_example_filters_changed(self, event: ExampleFilters.Changed) -> None:
        self.apply(event.query)

    def on_card_list_highlighted(self, event: CardList.Highlighted) -> None:
        self.query_one(CardDetail).show(event.card)

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#search").focus()

    def action_clear_filters(self) -> None:
        """Empty the search box and every filter."""
        self.query_one(ExampleFilters).clear()
