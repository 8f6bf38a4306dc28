"""The case as a form: title, description and theme."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Label, Select, TextArea

from deck import Deck
from game.engine.case_text import CaseText
from game.tui.dutch_textual import DutchSelect


class CaseForm(Grid):
    """Three fields for the local case; `case` reads them, `fill` writes them."""

    DEFAULT_CSS = """
    CaseForm {
        grid-size: 2;
        grid-columns: 15 1fr;
        grid-rows: 1 6 1;
        grid-gutter: 1 1;
        height: auto;
    }
    CaseForm Label {
        color: $text-muted;
    }
    CaseForm #case-description {
        height: 6;
        border: round $border-blurred;
    }
    CaseForm #case-description:focus {
        border: round $border;
    }
    """

    def __init__(self, deck: Deck, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.deck = deck

    def compose(self) -> ComposeResult:
        themes = sorted(str(label) for label in self.deck.manifest.themes.values())
        yield Label("Casus")
        yield Input(
            placeholder="Korte titel, bv. Overlast op het stationsplein",
            id="case-title",
            compact=True,
        )
        yield Label("Beschrijving")
        yield TextArea(id="case-description", soft_wrap=True)
        yield Label("Thema")
        yield DutchSelect(
            [(t, t) for t in themes], prompt="Kies een thema", id="case-theme", compact=True
        )

    @property
    def case(self) -> CaseText:
        """The case as the fields say it now."""
        theme = self.query_one("#case-theme", Select).value
        return CaseText(
            self.query_one("#case-title", Input).value.strip(),
            self.query_one("#case-description", TextArea).text.strip(),
            theme if isinstance(theme, str) else "",
        )

    def fill(self, case: CaseText) -> None:
        """Put `case` in the fields (a theme the deck does not know is left out)."""
        self.query_one("#case-title", Input).value = case.title
        self.query_one("#case-description", TextArea).text = case.description
        theme = self.query_one("#case-theme", Select)
        known = {str(label) for label in self.deck.manifest.themes.values()}
        if case.theme in known:
            theme.value = case.theme
        else:
            theme.clear()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in the title goes on to the description rather than submitting anything.
        event.stop()
        self.query_one("#case-description").focus()
