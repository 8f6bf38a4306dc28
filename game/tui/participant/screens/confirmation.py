"""After voting: your vote is counted; you may change it while the ballot is open."""

from __future__ import annotations

from collections import Counter

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup
from textual.widgets import Button, Static

from catalogue import _, current_language
from game.engine import Ballot, SessionState, Vote
from game.engine.ballots import axes_of, matrix_places
from game.tui.participant.screens.stage_screen import StageScreen, plain
from game.tui.widgets.tally_bars import TallyBars, best_first


def vote_summary(ballot: Ballot, vote: Vote, labels: dict[str, str]) -> Text:
    """A vote in words: the options (named by `labels`) with their dots, places or answer."""
    text = Text()
    if ballot.method == "dots":
        counts = Counter(vote.choices)
        for option_id, count in counts.items():
            text.append(f"{'●' * count} ", style="bold")
            text.append(labels.get(option_id, option_id))
            text.append("\n")
    elif ballot.method == "matrix":
        first, second = axes_of(ballot, current_language())
        for option_id, (a, b) in matrix_places(vote.choices).items():
            text.append(
                _("{first} {a}, {second} {b}: ").format(first=first, a=a, second=second, b=b),
                style="bold",
            )
            text.append(labels.get(option_id, option_id))
            text.append("\n")
    elif ballot.method == "ranking":
        for place, option_id in enumerate(vote.choices, start=1):
            text.append(f"{place}. ", style="bold")
            text.append(labels.get(option_id, option_id))
            text.append("\n")
    else:
        for option_id in vote.choices:
            text.append("◉ ", style="bold")
            text.append(labels.get(option_id, option_id))
            text.append("\n")
    if vote.reason:
        text.append(_("Toelichting: "), style="italic")
        text.append(vote.reason)
    text.rstrip()
    return text


class ConfirmationScreen(StageScreen):
    """Your vote, the ballot's results if they may be shown, and a way to change it."""

    CSS_PATH = ["stage.tcss", "confirmation.tcss"]
    BINDINGS = [Binding("w", "change", _("Stem wijzigen"))]

    def body(self) -> ComposeResult:
        yield Static(_("✓ Je stem is geteld."), classes="good")
        yield Static(plain(self.heading()[0], "bold"), classes="title")
        yield Static(id="mine")
        yield Static(
            _("Je kan je stem wijzigen tot de begeleider de stemronde sluit."), classes="hint"
        )
        with HorizontalGroup(classes="buttons"):
            yield Button(_("Stem wijzigen (w)"), id="change")
        yield Static(_("Uitslag tot nu"), id="results-title", classes="title")
        yield TallyBars(id="results", ranked=best_first(self.ballot.method))

    def on_mount(self) -> None:
        self.redraw()
        self.query_one("#change", Button).focus()

    def show(self, state: SessionState) -> None:
        """New votes (ours or others') may change what is shown."""
        super().show(state)
        self.redraw()

    def redraw(self) -> None:
        """Your vote; the results only while they may be shown to you."""
        vote = self.participant_app.voter.own_vote(self.ballot)
        self.query_one("#mine", Static).update(
            vote_summary(self.ballot, vote, self.option_names()) if vote is not None else ""
        )
        for widget in self.query("#results-title, #results"):
            widget.display = self.stage.results
        if self.stage.results:
            self.query_one(TallyBars).update(self.tally())

    @on(Button.Pressed, "#change")
    def action_change(self) -> None:
        """Go back to the ballot with your vote filled in."""
        self.participant_app.change_vote(self.ballot.id)
