"""Between ballots: nothing to vote on yet."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from catalogue import _
from game.engine import SessionState
from game.tui.deck_text import ballot_heading
from game.tui.participant.screens.stage_screen import StageScreen, plain


class WaitingScreen(StageScreen):
    """Says there is no open ballot, and that one will appear here by itself."""

    CSS_PATH = ["stage.tcss", "waiting.tcss"]

    def body(self) -> ComposeResult:
        name = self.participant_app.voter.name or ""
        yield Static(plain(_("Welkom, {name}.").format(name=name), "bold"), classes="title")
        if self.stage.ballot is not None:
            closed = plain(_("Stemronde ‘"))
            closed.append(ballot_heading(self.stage.ballot, self.participant_app.deck)[0])
            closed.append(_("’ is gesloten. De uitslag volgt later."))
            yield Static(closed, classes="lead")
        yield Static(
            _(
                "Er is nu geen stemronde open. Zodra de begeleider er een opent, "
                "verschijnt ze hier vanzelf."
            ),
            classes="lead",
        )
        yield Static(_("Je hoeft niets te doen."), id="calm", classes="hint")

    def show(self, state: SessionState) -> None:
        """Nothing changes on this page until the stage does."""
        super().show(state)
