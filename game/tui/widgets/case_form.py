"""The case as a form: title, description and theme."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Grid
from textual.widgets import Input, Label, Select, TextArea

from catalogue import _
from deck import Deck
from game.engine.case_text import CaseText
from game.tui.deck_text import deck_text
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
        themes = sorted(self._themes())
        yield Label(_("Casus"))
        yield Input(
            placeholder=_("Korte titel van het probleem op tafel"),
            id="case-title",
            compact=True,
        )
        yield Label(_("Beschrijving"))
        yield TextArea(id="case-description", soft_wrap=True)
        yield Label(_("Thema"))
        yield DutchSelect(
            [(t, t) for t in themes], prompt=_("Kies een thema"), id="case-theme", compact=True
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
        known = self._themes()
        if case.theme in known:
            theme.value = case.theme
        else:
            theme.clear()

    def _themes(self) -> set[str]:
        """The deck's themes by their labels in the app's language."""
        return {deck_text(self.deck, label) for label in self.deck.manifest.themes.values()}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in the title goes on to the description rather than submitting anything.
        event.stop()
        self.query_one("#case-description").focus()
