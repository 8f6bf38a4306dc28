"""Ask for a file or folder path, with a sensible default filled in."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from catalogue import _


class PathPrompt(ModalScreen[Path | None]):
    """A question, a path box and a hint; Enter answers, Escape cancels."""

    CSS_PATH = "path_prompt.tcss"
    BINDINGS = [Binding("escape", "cancel", _("Annuleren"))]

    def __init__(
        self, question: str, default: Path | str = "", *, hint: str = "", must_exist: bool = False
    ) -> None:
        super().__init__()
        self.question = question
        self.default = str(default)
        self.hint = hint
        self.must_exist = must_exist

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(self.question, classes="title")
            yield Input(self.default, id="path")
            yield Static(self.hint, classes="hint")
            yield Static("", id="problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        text = event.value.strip()
        if not text:
            self.query_one("#problem", Static).update(_("Geef een pad."))
            return
        path = Path(text).expanduser()
        if self.must_exist and not path.exists():
            self.query_one("#problem", Static).update(_("{path} bestaat niet.").format(path=path))
            return
        self.dismiss(path)

    def action_cancel(self) -> None:
        """Close without an answer."""
        self.dismiss(None)
