"""What every screen after joining has: a calm page with the participant's name on top.

A stage screen shows one `Stage` (see `game.participation`); the app builds a new one when
the stage changes and calls `show` with the newest state on every poll in between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from game.engine import Ballot, SessionState
from game.engine.ballots import Tally
from game.participation import BallotRef, Stage
from game.tui.deck_text import ballot_heading, labelled_ballot, option_names
from game.tui.widgets.ballot_result import labelled_tally

if TYPE_CHECKING:
    from game.tui.participant.app import ParticipantApp


class StageScreen(Screen[None]):
    """A page with a top line (who you are) and a scrolling body that subclasses fill."""

    def __init__(self, stage: Stage) -> None:
        super().__init__()
        self.stage = stage

    @property
    def participant_app(self) -> ParticipantApp:
        """The app, typed."""
        from game.tui.participant.app import ParticipantApp

        assert isinstance(self.app, ParticipantApp)
        return self.app

    @property
    def ballot(self) -> Ballot:
        """The ballot this screen is about (stages with a ballot only)."""
        assert self.stage.ballot is not None
        return self.stage.ballot

    def heading(self) -> tuple[str, str | None]:
        """The ballot's question and the statement under it, in the participant's language."""
        return ballot_heading(self.ballot, self.participant_app.deck)

    def labelled_ballot(self) -> Ballot:
        """The ballot with its options named in the participant's language."""
        app = self.participant_app
        return labelled_ballot(app.voter.store.state, self.ballot, app.deck)

    def option_names(self) -> dict[str, str]:
        """The ballot's options by id, named in the participant's language."""
        app = self.participant_app
        return option_names(app.voter.store.state, self.ballot, app.deck)

    def tally(self) -> Tally:
        """The ballot's tally, its options named in the participant's language."""
        app = self.participant_app
        return labelled_tally(app.voter.store.state, self.ballot, app.deck)

    def ballot_ref(self) -> BallotRef:
        """The ballot, bound to the session the participant joined."""
        return BallotRef(self.participant_app.voter.session_id, self.ballot.id)

    def compose(self) -> ComposeResult:
        voter = self.participant_app.voter
        top = Text("netwerktafel", style="bold")
        if voter.name:
            top.append("  ·  ")
            top.append(voter.name)
        yield Static(top, id="top")
        with VerticalScroll(id="page"):
            yield from self.body()

    def body(self) -> ComposeResult:
        """The page's content."""
        yield from ()

    def show(self, state: SessionState) -> None:
        """Bring the page up to date with the newest state (same stage)."""
        if self.stage.ballot is not None:
            ballot = state.ballots.get(self.stage.ballot.id)
            if ballot is not None:
                self.stage = Stage(self.stage.kind, ballot, self.stage.results)


def plain(text: str, style: str = "") -> Text:
    """Text as typed by someone (a label, a name): shown as is, never read as markup."""
    return Text(text, style=style)
