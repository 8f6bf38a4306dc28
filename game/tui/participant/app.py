"""The participant's app: join, wait, vote, see your vote and the results.

One app per participant: in their own terminal (`netwerktafel vote`), or one per browser
tab (`netwerktafel serve` starts a process of this app for every tab). Everything shared
lives in the session file; this app polls it a few times a second (`PRAGMA data_version`,
which costs nothing when nobody wrote) so a ballot the facilitator opens shows within a
second.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding

from catalogue import _
from deck import Deck
from deck.problems import InputError
from game.participation import JoinThrottle, Stage, Voter, voter_stage
from game.store import SessionStore
from game.tui.participant.screens.choice_vote import ChoiceVoteScreen
from game.tui.participant.screens.confirmation import ConfirmationScreen
from game.tui.participant.screens.dots_vote import DotsVoteScreen
from game.tui.participant.screens.join import JoinScreen
from game.tui.participant.screens.likert_vote import LikertVoteScreen
from game.tui.participant.screens.matrix_vote import MatrixVoteScreen
from game.tui.participant.screens.name_needed import NameNeededScreen
from game.tui.participant.screens.ranking_vote import RankingVoteScreen
from game.tui.participant.screens.results import ResultsScreen
from game.tui.participant.screens.stage_screen import StageScreen
from game.tui.participant.screens.vote_screen import VoteScreen
from game.tui.participant.screens.waiting import WaitingScreen

POLL_SECONDS = 0.25
"""How often the session file is checked for news: a new ballot shows within a second."""

VOTE_SCREENS: dict[str, type[VoteScreen]] = {
    "dots": DotsVoteScreen,
    "ranking": RankingVoteScreen,
    "likert": LikertVoteScreen,
    "choice": ChoiceVoteScreen,
    "consent": ChoiceVoteScreen,
    "matrix": MatrixVoteScreen,
}


class ParticipantApp(App[None]):
    """Vote at a netwerktafel, in a terminal or a browser tab."""

    TITLE = _("netwerktafel · stemmen")
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [Binding("ctrl+q", "quit", _("Stoppen"), priority=True)]

    def __init__(
        self,
        store: SessionStore,
        *,
        code: str | None = None,
        name: str | None = None,
        throttle: JoinThrottle | None = None,
        poll_seconds: float = POLL_SECONDS,
    ) -> None:
        super().__init__()
        self.voter = Voter(store)
        self.throttle = throttle or JoinThrottle()
        self.poll_seconds = poll_seconds
        self.given_code = code
        self.given_name = name
        self.stage: Stage | None = None
        self.damaged = False
        self.editing: str | None = None
        """The ballot whose vote the participant is changing, if any."""
        self._deck: Deck | bool | None = False

    @property
    def deck(self) -> Deck | None:
        """The session's deck (its kept copy, or the built-in one), to say its cards in the
        participant's language; None when it cannot be had: the recorded texts then stay."""
        if self._deck is False:
            from game.session_deck import session_deck

            store = self.voter.store
            try:
                self._deck = session_deck(store.path, store.state)
            except InputError:
                self._deck = None
        return self._deck if isinstance(self._deck, Deck) else None

    def on_mount(self) -> None:
        self.push_screen(JoinScreen(self.given_code, self.given_name))
        self.set_interval(self.poll_seconds, self.poll)

    def poll(self) -> None:
        """Catch up with the session file; move on when the participant's stage changes."""
        try:
            if not self.voter.refresh():
                return
        except InputError as error:
            # A damaged file: say so once, and keep showing what we have.
            if not self.damaged:
                self.damaged = True
                self.notify(error.problems[0].message, severity="error", timeout=30)
            return
        if not self.voter.joined:
            if isinstance(self.screen, JoinScreen):
                self.screen.refresh_anonymous()
            return
        self.show_stage()

    def current_stage(self) -> Stage:
        """The stage the participant is in, with a vote being changed shown as voting."""
        assert self.voter.participant_id is not None
        stage = voter_stage(self.voter.store.state, self.voter.keys, anonymous=self.voter.anonymous)
        editing = stage.kind == "voted" and stage.ballot is not None
        if editing and stage.ballot is not None and stage.ballot.id == self.editing:
            return Stage("vote", stage.ballot, stage.results)
        if stage.ballot is None or stage.ballot.id != self.editing or not stage.ballot.is_open:
            self.editing = None
        return stage

    def show_stage(self) -> None:
        """Show the screen of the current stage: a new one when the stage changed."""
        stage = self.current_stage()
        screen = self.screen
        if (
            self.stage is not None
            and stage.key == self.stage.key
            and isinstance(screen, StageScreen)
        ):
            screen.show(self.voter.store.state)
            return
        self.stage = stage
        self.switch_screen(self.screen_for(stage))

    def screen_for(self, stage: Stage) -> StageScreen:
        """The screen that shows `stage`."""
        if stage.kind == "vote":
            assert stage.ballot is not None
            return VOTE_SCREENS[stage.ballot.method](stage)
        if stage.kind == "voted":
            return ConfirmationScreen(stage)
        if stage.kind == "name-needed":
            return NameNeededScreen(stage)
        if stage.kind == "results":
            return ResultsScreen(stage)
        return WaitingScreen(stage)

    def vote_cast(self, ballot_id: str) -> None:
        """A vote went in: show the confirmation."""
        self.editing = None
        self.show_stage()

    def change_vote(self, ballot_id: str) -> None:
        """Back to the ballot, with the vote filled in, to change it."""
        self.editing = ballot_id
        self.show_stage()
