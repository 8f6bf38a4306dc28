"""The results of the last ballot, once the facilitator shows them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from catalogue import _
from game.engine import SessionState
from game.tui.participant.screens.confirmation import vote_summary
from game.tui.participant.screens.stage_screen import StageScreen, plain
from game.tui.widgets.tally_bars import TallyBars, best_first


class ResultsScreen(StageScreen):
    """The tally as bars (with the survey beside a statement), and what you voted."""

    CSS_PATH = ["stage.tcss", "results.tcss"]

    def body(self) -> ComposeResult:
        yield Static(_("Uitslag"), classes="good")
        yield Static(plain(self.heading()[0], "bold"), classes="title")
        yield TallyBars(self.tally(), ranked=best_first(self.ballot.method))
        yield Static(_("Jouw stem"), id="mine-title", classes="title")
        yield Static(id="mine")
        yield Static(
            _("De stemronde is gesloten. Een nieuwe stemronde verschijnt hier vanzelf."),
            classes="hint",
        )

    def on_mount(self) -> None:
        self.redraw()

    def show(self, state: SessionState) -> None:
        """A late change (the facilitator reopens and closes again) redraws the bars."""
        super().show(state)
        self.redraw()

    def redraw(self) -> None:
        """The bars and your own vote, if you cast one."""
        self.query_one(TallyBars).update(self.tally())
        vote = self.participant_app.voter.own_vote(self.ballot)
        self.query_one("#mine-title").display = vote is not None
        mine = self.query_one("#mine", Static)
        mine.display = vote is not None
        if vote is not None:
            mine.update(vote_summary(self.ballot, vote, self.option_names()))
