"""Stellingen: survey statements scored 1–5, the table's answers beside the survey's."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text as RichText
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from catalogue import _
from deck.model import StatementCard, WillingnessCard
from deck.survey import survey_note
from game.engine import Ballot, SessionState, results_visible
from game.engine import commands as c
from game.tui.context import AppContext
from game.tui.deck_text import deck_text
from game.tui.live_session import LiveSession
from game.tui.screens.rounds.ballot_round import BallotRoundScreen
from game.tui.styled import quoted
from game.tui.widgets.ballot_result import BallotResult
from workshops.model import StatementsRound

Statement = StatementCard | WillingnessCard


class StellingenScreen(BallotRoundScreen):
    """The round's statements on the left; the highlighted one with its live result."""

    CSS_PATH = "stellingen.tcss"
    BINDINGS = [Binding("g", "open_no_opinion", _("Openen met geen mening"), show=False)]

    def __init__(self, live: LiveSession, context: AppContext, index: int) -> None:
        super().__init__(live, context, index)
        self.no_opinion = False
        """True while `g` opens the ballot with "geen mening", whatever the werkvorm says."""
        self.statements = self._statements()
        self.chosen: Statement | None = self.statements[0] if self.statements else None

    def _statements(self) -> list[Statement]:
        deck = self.live.deck
        every: list[Statement] = [*deck.of_type(StatementCard), *deck.of_type(WillingnessCard)]
        if isinstance(self.settings, StatementsRound) and self.settings.statements:
            by_id: dict[str, Statement] = {card.id: card for card in every}
            return [by_id[i] for i in self.settings.statements if i in by_id]
        return every

    def compose_round(self) -> Iterable[Widget]:
        with Horizontal(id="body"):
            with Vertical(id="list-pane"):
                yield OptionList(id="statements")
            with VerticalScroll(id="result-pane"):
                yield Static(id="statement")
                yield BallotResult(id="result")

    def on_mount(self) -> None:
        count = len(self.statements)
        self.query_one("#list-pane").border_title = _("Stellingen ({count})").format(count=count)
        super().on_mount()
        self.query_one("#statements").focus()

    def ballot_of(self, state: SessionState, card: Statement) -> Ballot | None:
        """The latest ballot on a statement card."""
        found = [
            b for b in state.ballots.values() if b.statement and b.statement.card_id == card.id
        ]
        return found[-1] if found else None

    def ballot(self) -> Ballot | None:
        if self.chosen is None:
            return None
        return self.ballot_of(self.live.state, self.chosen)

    def action_open_no_opinion(self) -> None:
        """Open the statement's ballot with "geen mening" as an answer."""
        self.no_opinion = True
        try:
            self.action_open_ballot()
        finally:
            self.no_opinion = False

    def open_command(self) -> c.OpenBallot | str:
        if self.chosen is None:
            return _("Deze ronde heeft geen stellingen.")
        settings = self.settings
        anonymous = settings.anonymous if isinstance(settings, StatementsRound) else True
        reveal = settings.reveal if isinstance(settings, StatementsRound) else "on-close"
        no_opinion = self.no_opinion or (
            settings.no_opinion if isinstance(settings, StatementsRound) else False
        )
        return c.OpenBallot(
            method="likert",
            source="statement",
            statement_id=self.chosen.id,
            anonymous=anonymous,
            reveal=reveal,
            no_opinion=no_opinion,
        )

    def show_state(self, state: SessionState) -> None:
        statements = self.query_one("#statements", OptionList)
        before = statements.highlighted
        statements.clear_options()
        for number, card in enumerate(self.statements, start=1):
            ballot = self.ballot_of(state, card)
            if ballot is None:
                mark = ("·", "dim")
            elif ballot.is_open:
                mark = ("●", "bold green")
            else:
                mark = ("✓", "bold")
            statements.add_option(
                Option(
                    RichText.assemble(mark, f" {number}. ", deck_text(self.live.deck, card.title)),
                    id=card.id,
                )
            )
        if self.statements:
            statements.highlighted = before if before is not None else 0
        self.show_chosen(state)

    def show_chosen(self, state: SessionState) -> None:
        """Draw the highlighted statement and its ballot."""
        card = self.chosen
        if card is None:
            self.query_one("#statement", Static).update(_("Deze ronde heeft geen stellingen."))
            return
        bench = card.benchmark
        note = f"\n{survey_note(bench.n, bench.table)}" if bench is not None else ""
        self.query_one("#statement", Static).update(
            RichText.assemble((quoted(deck_text(self.live.deck, card.text)), "bold"), (note, "dim"))
        )
        ballot = self.ballot_of(state, card)
        self.query_one(BallotResult).show(
            state,
            ballot,
            visible=ballot is not None and results_visible(ballot),
            idle=_("Nog niet gestemd. Druk o om de stemming over deze stelling te openen."),
            deck=self.live.deck,
        )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.chosen = self.statements[event.option_index]
        self.show_chosen(self.live.state)
