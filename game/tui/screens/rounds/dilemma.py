"""Dilemma: a dilemma or risk card on the table, with a quick choice vote."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text as RichText
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from catalogue import _
from deck.model import DilemmaCard
from game.engine import Ballot, SessionState, results_visible
from game.engine import commands as c
from game.tui.context import AppContext
from game.tui.deck_text import deck_text
from game.tui.live_session import LiveSession
from game.tui.screens.rounds.ballot_round import BallotRoundScreen
from game.tui.widgets.ballot_result import BallotResult
from workshops.model import DilemmaRound


class DilemmaScreen(BallotRoundScreen):
    """The cards to draw from (left); the highlighted card, its options and the vote."""

    CSS_PATH = "dilemma.tcss"

    def __init__(self, live: LiveSession, context: AppContext, index: int) -> None:
        super().__init__(live, context, index)
        every = list(live.deck.of_type(DilemmaCard))
        settings = self.settings
        if isinstance(settings, DilemmaRound) and settings.cards:
            self.cards = [card for card in every if card.id in settings.cards]
        else:
            self.cards = every
        self.vote = settings.vote if isinstance(settings, DilemmaRound) else True
        self.chosen: DilemmaCard | None = self.cards[0] if self.cards else None

    def compose_round(self) -> Iterable[Widget]:
        with Horizontal(id="body"):
            with Vertical(id="list-pane"):
                yield OptionList(id="cards")
            with VerticalScroll(id="card-pane"):
                yield Static(id="card")
                yield BallotResult(id="result")

    def on_mount(self) -> None:
        self.query_one("#list-pane").border_title = _("Dilemma's en risico's ({count})").format(
            count=len(self.cards)
        )
        super().on_mount()
        self.query_one("#cards").focus()

    def ballot_of(self, state: SessionState, card: DilemmaCard) -> Ballot | None:
        """The latest ballot on a dilemma card (its title is the card's question)."""
        question = str(card.question)
        found = [b for b in state.ballots.values() if b.source == "dilemma" and b.title == question]
        return found[-1] if found else None

    def ballot(self) -> Ballot | None:
        return self.ballot_of(self.live.state, self.chosen) if self.chosen else None

    def open_command(self) -> c.OpenBallot | str:
        if self.chosen is None:
            return _("Er zijn geen dilemmakaarten.")
        if not self.chosen.options:
            return _("Deze kaart heeft geen keuzes om over te stemmen; bespreek ze aan tafel.")
        return c.OpenBallot(
            method="choice", source="dilemma", dilemma_id=self.chosen.id, reveal="on-close"
        )

    def show_state(self, state: SessionState) -> None:
        cards = self.query_one("#cards", OptionList)
        before = cards.highlighted
        cards.clear_options()
        for card in self.cards:
            ballot = self.ballot_of(state, card)
            mark = (
                ("·", "dim")
                if ballot is None
                else (("●", "bold green") if ballot.is_open else ("✓", "bold"))
            )
            # Risks in italics: they are talked through, dilemmas are voted on.
            style = "italic" if card.kind == "risico" else ""
            cards.add_option(
                Option(
                    RichText.assemble(mark, " ", (deck_text(self.live.deck, card.title), style)),
                    id=card.id,
                )
            )
        if self.cards:
            cards.highlighted = before if before is not None else 0
        self.show_chosen(state)

    def show_chosen(self, state: SessionState) -> None:
        """Draw the highlighted card and its vote."""
        card = self.chosen
        if card is None:
            self.query_one("#card", Static).update(_("Dit deck heeft geen dilemmakaarten."))
            return
        deck = self.live.deck
        text = RichText.assemble(
            (deck_text(deck, card.title), "bold"),
            "\n",
            deck_text(deck, card.text),
            "\n\n",
            (deck_text(deck, card.question), "bold"),
        )
        for number, option in enumerate(card.options, start=1):
            text.append(f"\n  {number}. {deck_text(deck, option)}")
        self.query_one("#card", Static).update(text)
        ballot = self.ballot_of(state, card)
        idle = (
            _("Druk o voor een snelle stemming over de keuzes.")
            if card.options and self.vote
            else _("Bespreek deze kaart aan tafel.")
        )
        visible = ballot is not None and results_visible(ballot)
        self.query_one(BallotResult).show(state, ballot, visible=visible, idle=idle, deck=deck)

    def show_ballot(self) -> None:
        # Below a long card the ballot would stay under the fold (mouse wheel only).
        result = self.query_one(BallotResult)
        self.call_after_refresh(lambda: result.scroll_visible(animate=False, top=True))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.chosen = self.cards[event.option_index]
        self.show_chosen(self.live.state)
