"""What the four voting screens share: the ballot's title, the method's widget, a reason,
and the button that casts the vote. Each method's screen only says which widget it uses."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widgets import Button, Input, Static

from catalogue import _
from game.engine import vote_problem
from game.engine.decide import MAX_NOTE
from game.store import Refused, StoreError
from game.tui.participant.screens.stage_screen import StageScreen, plain
from game.tui.participant.widgets.ballot_input import ballot_input, how_to_vote
from game.tui.participant.widgets.option_rows import OptionRows


class VoteScreen(StageScreen):
    """Cast a vote on an open ballot, or change the one cast before."""

    BINDINGS = [Binding("enter", "cast", _("Stem"), priority=False)]

    def how(self) -> str:
        """How this method is voted, in one or two Dutch sentences."""
        return how_to_vote(self.ballot)

    def make_input(self) -> OptionRows:
        """The method's widget, the same one the hot seat uses."""
        return ballot_input(self.labelled_ballot(), self.check, id=self.ballot.method)

    def body(self) -> ComposeResult:
        title, statement = self.heading()
        yield Static(plain(title, "bold"), classes="title")
        if statement is not None:
            yield Static(plain(statement), classes="lead")
        yield Static(self.how(), classes="how")
        yield self.make_input()
        yield from self.controls()
        yield Static("", id="status", classes="hint")
        # The reason and the button share a row: the button stays above the fold at 80×24.
        with HorizontalGroup(classes="buttons", id="cast-row"):
            yield Input(placeholder=_("toelichting (mag leeg)"), max_length=MAX_NOTE, id="reason")
            yield Button(_("Stem"), variant="primary", id="cast")
        yield Static("", id="problem", classes="problem")

    def on_mount(self) -> None:
        self.query_one("#problem").display = False
        rows = self.query_one(OptionRows)
        earlier = self.participant_app.voter.own_vote(self.ballot)
        if earlier is not None:
            rows.preset(earlier.choices)
            self.query_one("#reason", Input).value = earlier.reason or ""
        self.describe(rows.choices)
        rows.focus()

    def controls(self) -> ComposeResult:
        """Buttons under the widget, for touch screens; none by default."""
        yield from ()

    def check(self, choices: tuple[str, ...]) -> str | None:
        """The engine's verdict on a set of choices (given to the widget)."""
        return vote_problem(self.ballot, choices)

    def describe(self, choices: tuple[str, ...]) -> None:
        """The status line under the widget (e.g. how many dots are left)."""
        self.query_one("#status", Static).update(self.status(choices))

    def status(self, choices: tuple[str, ...]) -> str:
        """What the status line says; methods with a budget override it."""
        return _("Enter of ‘Stem’ om je stem uit te brengen.")

    def show_problem(self, text: str) -> None:
        """Show (or clear) what is wrong."""
        problem = self.query_one("#problem", Static)
        problem.update(text[:1].upper() + text[1:] + ("." if text else ""))
        problem.display = bool(text)

    @on(OptionRows.Changed)
    def choices_changed(self, event: OptionRows.Changed) -> None:
        self.show_problem("")
        self.describe(event.choices)

    @on(OptionRows.Blocked)
    def pick_blocked(self, event: OptionRows.Blocked) -> None:
        self.show_problem(event.reason)

    @on(Input.Submitted, "#reason")
    @on(Button.Pressed, "#cast")
    def action_cast(self) -> None:
        """Cast the vote; the engine decides whether it counts."""
        app = self.participant_app
        choices = self.query_one(OptionRows).choices
        problem = vote_problem(self.ballot, choices)
        if problem is not None:
            self.show_problem(problem)
            return
        reason = self.query_one("#reason", Input).value.strip() or None
        try:
            app.voter.vote(self.ballot_ref(), choices, reason)
        except (Refused, StoreError) as refusal:
            self.show_problem(refusal.reason if isinstance(refusal, Refused) else str(refusal))
            return
        app.vote_cast(self.ballot.id)
