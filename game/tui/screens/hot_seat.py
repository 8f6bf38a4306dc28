"""Stem doorgeven: participants vote one by one on the facilitator's screen.

The keyboard goes round the table. Each participant picks their name (or types it), votes
with the ballot's own widget, and the screen clears before the next one comes: nobody sees
what the one before chose, and a name picked again starts with an empty ballot, not with
that person's earlier vote.

Votes go through `game.participation.Voter`, as from a terminal or a browser, on the
facilitator's own connection to the session file; each participant gets a fresh token and
re-joins by name, so a second turn replaces their vote (the engine's rule).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from game.engine import Ballot, vote_problem
from game.engine.decide import MAX_NAME
from game.participation import ANONYMOUS_PREFIX, BallotRef, Voter
from game.store import Refused, SessionStore, StoreError
from game.tui.participant.widgets.ballot_input import ballot_input, how_to_vote
from game.tui.participant.widgets.option_rows import OptionRows


class HotSeatScreen(Screen[None]):
    """Pass the keyboard: pick your name, vote in private, and the screen clears."""

    CSS_PATH = "hot_seat.tcss"
    TITLE = "Stem doorgeven"
    BINDINGS = [
        Binding("escape", "back", "Terug"),
        Binding("enter", "enter", "Verder", show=False),
    ]

    def __init__(self, store: SessionStore, ballot_id: str) -> None:
        super().__init__()
        self.store = store
        self.ballot_id = ballot_id
        self.voter: Voter | None = None
        self.phase = "pick"

    @property
    def ballot(self) -> Ballot:
        """The ballot as it stands now."""
        return self.store.state.ballots[self.ballot_id]

    def compose(self) -> ComposeResult:
        yield Static(id="heading")
        yield VerticalScroll(id="seat")
        yield Static("", id="problem")
        yield Footer()

    def on_mount(self) -> None:
        self.show_pick()

    # --- the three phases: pick a name, vote, thanks -------------------------------------

    def _clear(self, phase: str) -> VerticalScroll:
        self.phase = phase
        self.show_problem("")
        seat = self.query_one("#seat", VerticalScroll)
        seat.remove_children()
        return seat

    def show_pick(self) -> None:
        """Who votes now? The names of the table, with a tick for who voted already."""
        self.voter = None
        self.store.refresh()
        ballot = self.ballot
        heading = Text("Stem doorgeven · ", style="bold")
        heading.append(ballot.title, style="bold")
        self.query_one("#heading", Static).update(heading)
        seat = self._clear("pick")
        if not ballot.is_open:
            seat.mount(Static("Deze stemronde is gesloten. Esc: terug.", classes="lead"))
            return
        people = [p for p in self.store.state.participants.values()
                  if not p.name.startswith(ANONYMOUS_PREFIX)]
        names = OptionList(id="names")
        for person in people:
            label = Text(person.name)
            if person.id in ballot.votes:
                label.append("  ✓ gestemd", style="dim")
            names.add_option(Option(label, id=person.id))
        seat.mount(
            Static("Kies je naam, of typ hem hieronder als hij er niet bij staat.",
                   classes="lead"),
            names,
            Input(placeholder="je naam", max_length=MAX_NAME, id="new-name"),
            Static("Wie klaar is, geeft het toetsenbord door. Esc: terug naar de begeleider.",
                   classes="hint"),
        )
        names.display = bool(people)
        self.call_after_refresh(self._focus_names if people else self._focus_new_name)

    def _focus_names(self) -> None:
        names = self.query_one("#names", OptionList)
        names.highlighted = 0
        names.focus()

    def _focus_new_name(self) -> None:
        self.query_one("#new-name", Input).focus()

    def show_vote(self, name: str) -> None:
        """The ballot for one participant, empty: their earlier vote stays private."""
        self.store.refresh()
        ballot = self.ballot
        seat = self._clear("vote")
        who = Text("Stem van ", style="bold")
        who.append(name, style="bold")
        widgets: list[Widget] = [Static(who, classes="who")]
        if ballot.statement is not None and ballot.statement.text != ballot.title:
            widgets.append(Static(Text(ballot.statement.text), classes="lead"))
        rows = ballot_input(ballot, lambda choices: vote_problem(self.ballot, choices))
        widgets += [
            Static(how_to_vote(ballot), classes="hint"),
            rows,
            HorizontalGroup(Button("Stem", variant="primary", id="cast"), classes="buttons"),
            Static("Enter: stemmen. Esc: niet stemmen, terug naar de namen.", classes="hint"),
        ]
        seat.mount(*widgets)
        self.call_after_refresh(rows.focus)

    def show_thanks(self, name: str) -> None:
        """Cleared: only a thank-you, nothing of the vote."""
        seat = self._clear("thanks")
        thanks = Text(f"✓ Dank je, {name}. Je stem is geteld.", style="bold")
        seat.mount(
            Static(thanks, classes="good"),
            Static("Geef het toetsenbord door. Enter: de volgende.", classes="lead"),
            HorizontalGroup(Button("Volgende", variant="primary", id="next"), classes="buttons"),
        )
        self.call_after_refresh(lambda: self.query_one("#next", Button).focus())

    def show_problem(self, text: str) -> None:
        """Show (or clear) what went wrong."""
        problem = self.query_one("#problem", Static)
        problem.update(text[:1].upper() + text[1:] + ("." if text else ""))
        problem.display = bool(text)

    # --- what the keys and buttons do ------------------------------------------------------

    @on(OptionList.OptionSelected, "#names")
    def name_picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        person = self.store.state.participants.get(event.option.id or "")
        if person is not None:
            self.seat(person.name)

    @on(Input.Submitted, "#new-name")
    def name_typed(self, event: Input.Submitted) -> None:
        event.stop()
        self.seat(event.value)

    def seat(self, name: str) -> None:
        """Join as `name` (re-join when the name is known) and show the ballot."""
        info = self.store.state.info
        assert info is not None
        voter = Voter(self.store)
        try:
            voter.join(info.join_code, name)
        except (Refused, StoreError) as refusal:
            self.show_problem(refusal.reason if isinstance(refusal, Refused) else str(refusal))
            return
        self.voter = voter
        self.show_vote(voter.name or name)

    @on(Button.Pressed, "#cast")
    def cast(self) -> None:
        """Cast the vote in the widget; on success the screen clears."""
        voter = self.voter
        if voter is None or self.phase != "vote":
            return
        choices = self.query_one(OptionRows).choices
        problem = vote_problem(self.ballot, choices)
        if problem is not None:
            self.show_problem(problem)
            return
        try:
            voter.vote(BallotRef(voter.session_id, self.ballot_id), choices)
        except (Refused, StoreError) as refusal:
            self.show_problem(refusal.reason if isinstance(refusal, Refused) else str(refusal))
            return
        self.show_thanks(voter.name or "")

    @on(OptionRows.Blocked)
    def pick_blocked(self, event: OptionRows.Blocked) -> None:
        self.show_problem(event.reason)

    @on(OptionRows.Changed)
    def pick_changed(self) -> None:
        self.show_problem("")

    @on(Button.Pressed, "#next")
    def next_one(self) -> None:
        self.show_pick()

    def action_enter(self) -> None:
        """Enter casts the vote, or calls the next participant."""
        if self.phase == "vote":
            self.cast()
        elif self.phase == "thanks":
            self.show_pick()

    def action_back(self) -> None:
        """From a ballot: back to the names, nothing cast. From the names: back to the
        facilitator's screen."""
        if self.phase == "pick":
            self.dismiss()
        else:
            self.show_pick()
