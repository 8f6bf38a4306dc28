"""Ask for a short note on a choice (why this approach, for this case)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from catalogue import _

Submit = Callable[[str], str | None]
"""Sends the note; returns why it was refused, or None."""


class NotePrompt(ModalScreen[bool]):
    """What is being noted, and a box for the note; Enter sends, Escape cancels."""

    CSS_PATH = "note_prompt.tcss"
    BINDINGS = [Binding("escape", "cancel", _("Annuleren"))]

    def __init__(self, heading: str, detail: str, placeholder: str, submit: Submit) -> None:
        super().__init__()
        self.heading = heading
        self.detail = detail
        self.placeholder = placeholder
        self.submit = submit

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Static(RichText(self.heading, style="bold"))
            yield Static(RichText(self.detail, style="dim"), classes="detail")
            yield Input(placeholder=self.placeholder, id="note")
            yield Static(_("Enter noteert · Esc annuleert"), classes="hint")
            yield Static(id="problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        reason = self.submit(event.value.strip())
        if reason is None:
            self.dismiss(True)
        else:
            self.query_one("#problem", Static).update(reason)

    def action_cancel(self) -> None:
        """Close without noting anything."""
        self.dismiss(False)
