"""You joined anonymously, and the open ballot is not anonymous: give your name to vote."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Button, Input, Static

from catalogue import _
from game.engine.decide import MAX_NAME
from game.store import Refused, StoreError
from game.tui.participant.screens.stage_screen import StageScreen, plain


class NameNeededScreen(StageScreen):
    """Asks for a name; joining with it makes a new, named participant."""

    CSS_PATH = ["stage.tcss", "name_needed.tcss"]

    def body(self) -> ComposeResult:
        title = plain(_("Stemronde: "), "bold")
        title.append(self.heading()[0])
        yield Static(title, classes="title")
        yield Static(
            _(
                "Deze stemronde is niet anoniem: iedereen ziet wie wat stemde. "
                "Geef je naam om mee te stemmen."
            ),
            classes="lead",
        )
        yield Input(placeholder=_("je naam"), max_length=MAX_NAME, id="name")
        with HorizontalGroup(classes="buttons"):
            yield Button(_("Meedoen met naam"), variant="primary", id="join")
        yield Static("", id="problem", classes="problem")

    def on_mount(self) -> None:
        self.query_one("#problem").display = False
        self.query_one("#name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#join")
    def join(self) -> None:
        app = self.participant_app
        try:
            app.voter.join_by_name(self.query_one("#name", Input).value)
        except (Refused, StoreError) as refusal:
            reason = refusal.reason if isinstance(refusal, Refused) else str(refusal)
            problem = self.query_one("#problem", Static)
            problem.update(reason[:1].upper() + reason[1:] + ".")
            problem.display = True
            return
        app.show_stage()
