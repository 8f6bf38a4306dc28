"""The inspiratiebank: search the example cards as you type, filter, read a card in full.

It also serves as the picker of the aanpakken round: opened with `pick_for`, Enter on a
card (or in the search box) chooses the highlighted card; the note dialog (`note`) opens
over the bank, so Esc there comes back to the bank, and a noted card closes it.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, Input

from catalogue import _, ngettext
from deck import Deck
from deck.model import CardBase
from deck.search import ExampleIndex, ExampleQuery
from game.tui.widgets.card_detail import CardDetail
from game.tui.widgets.card_list import CardList
from game.tui.widgets.example_filters import ExampleFilters

NoteFor = Callable[[CardBase], ModalScreen[bool]]
"""Makes the dialog that asks for a note on a picked card; it answers whether it noted."""


class InspiratiebankScreen(Screen[CardBase | None]):
    """Search and filter the example cards; the highlighted card shows in full."""

    CSS_PATH = "inspiratiebank.tcss"
    TITLE = _("Inspiratiebank")
    BINDINGS = [
        Binding("escape", "back", _("Terug")),
        Binding("ctrl+f", "focus_search", _("Zoeken")),
        Binding("ctrl+r", "clear_filters", _("Filters wissen")),
        # In the search box the arrows walk the list, so Enter takes what is highlighted.
        Binding("down", "walk(1)", _("Volgende kaart"), show=False),
        Binding("up", "walk(-1)", _("Vorige kaart"), show=False),
    ]

    def __init__(
        self,
        deck: Deck,
        index: ExampleIndex | None = None,
        *,
        pick_for: str | None = None,
        note: NoteFor | None = None,
    ) -> None:
        super().__init__()
        self.deck = deck
        self.index = index or ExampleIndex(deck)
        self.pick_for = pick_for
        self.note = note
        """Asks for a note on the picked card, over the bank: Esc there comes back here."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield ExampleFilters(self.deck, id="filters")
        with Horizontal(id="bank"):
            yield CardList(self.deck, id="cards")
            yield CardDetail(self.deck, id="detail")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        if self.pick_for is not None:
            self.sub_title = _("kies een aanpak voor {who} (Enter)").format(who=self.pick_for)
        self.apply(ExampleQuery())
        self.action_focus_search()

    def apply(self, query: ExampleQuery) -> None:
        """Show the examples that match `query`."""
        found = self.index.search(query)
        cards = self.query_one(CardList)
        cards.show(list(found))
        cards.border_title = ngettext(
            "{found} van {count} voorbeeld", "{found} van {count} voorbeelden", len(self.index)
        ).format(found=len(found), count=len(self.index))
        self.query_one(CardDetail).show(cards.highlighted_card)

    def on_example_filters_changed(self, event: ExampleFilters.Changed) -> None:
        self.apply(event.query)

    def on_card_list_highlighted(self, event: CardList.Highlighted) -> None:
        self.query_one(CardDetail).show(event.card)

    def on_card_list_chosen(self, event: CardList.Chosen) -> None:
        if self.pick_for is not None:
            self.pick(event.card)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in the search box: choose the highlighted card (picker), or go to the list.
        event.stop()
        card = self.query_one(CardList).highlighted_card
        if self.pick_for is not None and card is not None:
            self.pick(card)
        else:
            self.query_one(CardList).focus()

    def pick(self, card: CardBase) -> None:
        """Close with `card`; first ask for its note, when there is one to ask."""
        if self.note is None:
            self.dismiss(card)
            return

        def noted(done: bool | None) -> None:
            if done:
                self.dismiss(card)

        self.app.push_screen(self.note(card), noted)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The arrows walk the list only from the search box; lists and menus keep theirs."""
        if action == "walk":
            return self.query_one("#search").has_focus
        return True

    def action_walk(self, step: int) -> None:
        """Move the list's cursor from the search box."""
        self.query_one(CardList).action_cursor(step)

    def action_back(self) -> None:
        """Close the inspiratiebank without choosing."""
        self.dismiss(None)

    def action_focus_search(self) -> None:
        """Put the cursor in the search box."""
        self.query_one("#search").focus()

    def action_clear_filters(self) -> None:
        """Empty the search box and every filter."""
        self.query_one(ExampleFilters).clear()
