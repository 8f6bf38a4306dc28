"""Stem doorgeven: participants vote one by one on the facilitator's screen.

The keyboard goes round the table. Each participant types their name (or picks it), votes
with the ballot's own widget, and the screen clears before the next one comes: nobody sees
what the one before chose, and a name picked again starts with an empty ballot, not with
that person's earlier vote.

Votes go through `game.participation.Voter`, as from a terminal or a browser, on the
facilitator's own connection to the session file; each participant gets a fresh token and
re-joins by name, so a second turn replaces their vote (the engine's rule) — after asking,
since that vote may have come from the participant's own terminal or browser.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.events import Key
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from catalogue import _
from deck import Deck, InputError
from game.engine import Ballot, find_participant_by_name, vote_problem
from game.engine.decide import MAX_NAME, name_key
from game.engine.voters import vote_key
from game.participation import ANONYMOUS_PREFIX, BallotRef, Voter
from game.store import Refused, SessionStore, StoreError, read_facilitator_token
from game.tui.deck_text import ballot_heading, labelled_ballot
from game.tui.participant.widgets.ballot_input import ballot_input, how_to_vote
from game.tui.participant.widgets.option_rows import OptionRows


class HotSeatScreen(Screen[None]):
    """Pass the keyboard: pick your name, vote in private, and the screen clears."""

    CSS_PATH = "hot_seat.tcss"
    TITLE = _("Stem doorgeven")
    BINDINGS = [
        Binding("escape", "back", _("Terug")),
        Binding("enter", "enter", _("Verder"), show=False),
        Binding("down", "to_names", _("Namen"), show=False),
        # j for ja, o for oui: the hint under the question names the key of the app's language.
        Binding("j,o", "answer(True)", _("Ja"), show=False),
        Binding("n", "answer(False)", _("Nee"), show=False),
    ]

    def __init__(
        self,
        store: SessionStore,
        ballot_id: str,
        tokens: dict[str, str] | None = None,
        deck: Deck | None = None,
    ) -> None:
        super().__init__()
        self.deck = deck
        """Names the answers in the app's language (a statement's scale, an approach)."""
        self.store = store
        self.ballot_id = ballot_id
        self.tokens = tokens if tokens is not None else {}
        """Each participant's token by name key, kept by the app for the whole run."""
        self.voter: Voter | None = None
        self.phase = "pick"
        self.pending: str | None = None
        """A name whose recorded vote the facilitator was asked about."""

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
        """Who votes now? A name field first, so typed letters always land in it; the names
        of the table below it, filtered by what is typed, with a tick for who voted."""
        self.voter = None
        self.pending = None
        self.store.refresh()
        ballot = self.ballot
        heading = Text(_("Stem doorgeven") + " · ", style="bold")
        heading.append(ballot_heading(ballot, self.deck)[0], style="bold")
        self.query_one("#heading", Static).update(heading)
        seat = self._clear("pick")
        if not ballot.is_open:
            seat.mount(Static(_("Deze stemronde is gesloten. Esc: terug."), classes="lead"))
            return
        seat.mount(
            Static(_("Typ je naam, of kies hem met ↓ uit de lijst."), classes="lead"),
            Input(placeholder=_("je naam"), max_length=MAX_NAME, id="new-name"),
            Static("", id="name-hint", classes="hint"),
            OptionList(id="names"),
            Static(
                _("Wie klaar is, geeft het toetsenbord door. Esc: terug naar de begeleider."),
                classes="hint",
            ),
        )
        self.show_names("")
        self.call_after_refresh(self._focus_new_name)

    def show_names(self, typed: str) -> None:
        """List the participants whose name holds `typed`, and say what Enter will do."""
        wanted = " ".join(typed.split()).casefold()
        names = self.query_one("#names", OptionList)
        names.clear_options()
        ballot = self.ballot
        for person in self.store.state.participants.values():
            if person.name.startswith(ANONYMOUS_PREFIX) or wanted not in person.name.casefold():
                continue
            label = Text(person.name)
            if self._voted(ballot, person.id, person.name):
                label.append("  " + _("✓ gestemd"), style="dim")
            names.add_option(Option(label, id=person.id))
        names.display = names.option_count > 0
        if names.option_count:
            names.highlighted = 0
        self.query_one("#name-hint", Static).update(self._enter_hint(typed))

    def _enter_hint(self, typed: str) -> str:
        name = " ".join(typed.split())
        if not name:
            return _("Enter: de eerste naam uit de lijst.") if self.store.state.participants else ""
        if find_participant_by_name(self.store.state, name) is None:
            return _("Enter: nieuwe deelnemer „{name}”.").format(name=name)
        return _("Enter: stemmen als {name}.").format(name=name)

    def _focus_new_name(self) -> None:
        self.query_one("#new-name", Input).focus()

    def show_confirm(self, name: str) -> None:
        """Ask before a participant's recorded vote is replaced: it may have been cast in
        their own terminal or browser, and whoever sits here may have picked a wrong name."""
        self.pending = name
        seat = self._clear("confirm")
        seat.mount(
            Static(
                Text(_("{name} heeft al gestemd.").format(name=name), style="bold"), classes="who"
            ),
            Static(
                _(
                    "Die stem kan uit een eigen terminal of browser komen. Opnieuw stemmen "
                    "vervangt hem. Ben jij dat en wil je je stem vervangen?"
                ),
                classes="lead",
            ),
            HorizontalGroup(
                Button(_("Ja, opnieuw stemmen"), variant="warning", id="replace"),
                Button(_("Nee, terug"), id="keep"),
                classes="buttons",
            ),
            Static(
                _("j: ja, opnieuw stemmen. n, Enter of Esc: nee, terug naar de namen."),
                classes="hint",
            ),
        )
        self.call_after_refresh(lambda: self.query_one("#keep", Button).focus())

    def show_vote(self, name: str) -> None:
        """The ballot for one participant, empty: their earlier vote stays private."""
        self.store.refresh()
        ballot = self.ballot
        seat = self._clear("vote")
        who = Text(_("Stem van {name}").format(name=name), style="bold")
        widgets: list[Widget] = [Static(who, classes="who")]
        statement = ballot_heading(ballot, self.deck)[1]
        if statement is not None:
            widgets.append(Static(Text(statement), classes="lead"))
        shown = labelled_ballot(self.store.state, ballot, self.deck)
        rows = ballot_input(shown, lambda choices: vote_problem(self.ballot, choices))
        widgets += [
            Static(how_to_vote(ballot), classes="hint"),
            rows,
            HorizontalGroup(Button(_("Stem"), variant="primary", id="cast"), classes="buttons"),
            Static(_("Enter: stemmen. Esc: niet stemmen, terug naar de namen."), classes="hint"),
        ]
        seat.mount(*widgets)
        self.call_after_refresh(rows.focus)

    def show_thanks(self, name: str) -> None:
        """Cleared: only a thank-you, nothing of the vote."""
        seat = self._clear("thanks")
        thanks = Text(_("✓ Dank je, {name}. Je stem is geteld.").format(name=name), style="bold")
        seat.mount(
            Static(thanks, classes="good"),
            Static(_("Geef het toetsenbord door. Enter: de volgende."), classes="lead"),
            HorizontalGroup(Button(_("Volgende"), variant="primary", id="next"), classes="buttons"),
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

    @on(Input.Changed, "#new-name")
    def name_changing(self, event: Input.Changed) -> None:
        event.stop()
        self.show_names(event.value)

    @on(Input.Submitted, "#new-name")
    def name_typed(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.seat(event.value)
            return
        names = self.query_one("#names", OptionList)
        if names.highlighted is not None and names.option_count:
            names.action_select()

    def action_to_names(self) -> None:
        """Down in the name field walks into the list of names."""
        names = self.query_one("#names", OptionList)
        if names.option_count:
            names.focus()

    def on_key(self, event: Key) -> None:
        """A letter typed while the list has the focus goes to the name field: a name
        typed at the hot seat never ends up picking someone else."""
        if self.phase != "pick" or not event.is_printable or event.character is None:
            return
        names = self.query("#names")
        if names and names.first().has_focus:
            event.stop()
            event.prevent_default()
            field = self.query_one("#new-name", Input)
            field.focus()
            field.insert_text_at_cursor(event.character)

    def seat(self, name: str) -> None:
        """Sit `name` down at the ballot, asking first when their vote is already in."""
        known = find_participant_by_name(self.store.state, name)
        if known is not None and self._voted(self.ballot, known, name):
            self.show_confirm(self.store.state.participants[known].name)
            return
        self.join(name)

    def join(self, name: str) -> None:
        """Join as `name` (re-join when the name is known) and show the ballot."""
        info = self.store.state.info
        assert info is not None
        token = self.tokens.get(name_key(name))
        known = find_participant_by_name(self.store.state, name)
        if token is None and known is not None and self.ballot.anonymous:
            # A new token could not replace a vote the old one cast under its pseudonym,
            # so the engine would refuse it: say so before the ballot, and write nothing.
            self.show_problem(
                _(
                    "{name} meldde zich al elders aan (gsm, eigen terminal, of vóór een herstart "
                    "van deze app); op deze anonieme stemronde stemt {name} daar"
                ).format(name=self.store.state.participants[known].name)
            )
            return
        try:
            # The hot seat is on the facilitator's screen: their OK to re-join by name.
            voter = Voter(self.store, token, vouch=read_facilitator_token(self.store.path))
            if token is None or voter.resume() is None:
                voter.join(info.join_code, name)
        except (Refused, StoreError, InputError) as refusal:
            self.show_problem(refusal.reason if isinstance(refusal, Refused) else str(refusal))
            return
        self.tokens[name_key(voter.name or name)] = voter.token
        self.voter = voter
        self.show_vote(voter.name or name)

    def _voted(self, ballot: Ballot, participant_id: str, name: str) -> bool:
        """Whether this participant's vote is in. On an anonymous ballot only a token this
        run holds can tell; who voted elsewhere shows as not voted here."""
        if not ballot.anonymous:
            return participant_id in ballot.votes
        token = self.tokens.get(name_key(name))
        return token is not None and vote_key(ballot, participant_id, token) in ballot.votes

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
    @on(Button.Pressed, "#keep")
    def next_one(self) -> None:
        self.show_pick()

    @on(Button.Pressed, "#replace")
    def replace_vote(self) -> None:
        if self.pending is not None:
            self.join(self.pending)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """j and n answer only the question about a recorded vote; elsewhere they type."""
        return self.phase == "confirm" if action == "answer" else True

    def action_answer(self, replace: bool) -> None:
        """The answer to "replace the recorded vote?"."""
        if replace:
            self.replace_vote()
        else:
            self.show_pick()

    def action_enter(self) -> None:
        """Enter casts the vote, or calls the next one (and keeps a vote it was asked about)."""
        if self.phase == "vote":
            self.cast()
        elif self.phase in ("confirm", "thanks"):
            self.show_pick()

    def action_back(self) -> None:
        """From a ballot: back to the names, nothing cast. From the names: back to the
        facilitator's screen."""
        if self.phase == "pick":
            self.dismiss()
        else:
            self.show_pick()
