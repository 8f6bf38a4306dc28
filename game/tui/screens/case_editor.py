"""Edit the case of a running session."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from catalogue import _
from deck import Deck
from game.engine.case_text import CaseText, compose_case
from game.tui.widgets.case_form import CaseForm

Submit = Callable[[str], str | None]
"""Sends the new case text; returns why it was refused, or None."""


class CaseEditor(ModalScreen[None]):
    """The case form over the current screen; Ctrl+S saves, Escape cancels."""

    CSS_PATH = "case_editor.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", _("Bewaren"), priority=True),
        Binding("escape", "dismiss", _("Annuleren")),
    ]

    def __init__(self, deck: Deck, case: CaseText, submit: Submit) -> None:
        super().__init__()
        self.deck = deck
        self.case = case
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(_("De casus bewerken"), classes="title")
            yield CaseForm(self.deck)
            yield Static(_("Ctrl+S bewaart · Esc annuleert"), classes="hint")
            yield Static(id="problem")

    def on_mount(self) -> None:
        self.query_one(CaseForm).fill(self.case)
        self.query_one("#case-title").focus()

    def action_save(self) -> None:
        """Send the case; stay open with the reason when it is refused."""
        case = self.query_one(CaseForm).case
        if case == self.case:
            self.dismiss()
            return
        reason = self.submit(compose_case(case))
        if reason is None:
            self.dismiss()
        else:
            self.query_one("#problem", Static).update(reason)
