"""Aanpakken: each stakeholder picks approaches from the inspiratiebank, with a note."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text as RichText
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from catalogue import _
from deck.model import CardBase
from game.card_summary import summary
from game.engine import SessionState, Stakeholder
from game.engine import commands as c
from game.engine.balance import balance_warnings
from game.tui.context import AppContext
from game.tui.deck_text import deck_text, seat_name
from game.tui.live_session import LiveSession
from game.tui.screens.note_prompt import NotePrompt
from game.tui.screens.rounds.round_screen import RoundScreen
from game.tui.widgets.approach_grid import ApproachGrid
from game.tui.widgets.balance_list import BalanceList
from workshops.model import ApproachesRound


class AanpakkenScreen(RoundScreen):
    """Who chooses (left), the grid of choices and the balance warnings (right)."""

    CSS_PATH = "aanpakken.tcss"
    BINDINGS = [
        Binding("a", "choose", _("Aanpak kiezen")),
        Binding("i", "inspiratiebank", _("Inspiratiebank")),
    ]

    def __init__(self, live: LiveSession, context: AppContext, index: int) -> None:
        super().__init__(live, context, index)
        self.people: list[Stakeholder] = []
        settings = self.settings
        self.per_stakeholder = (
            settings.per_stakeholder if isinstance(settings, ApproachesRound) else None
        )
        self.warn = settings.balance_warnings if isinstance(settings, ApproachesRound) else True

    def compose_round(self) -> Iterable[Widget]:
        with Horizontal(id="body"):
            with Vertical(id="people-pane"):
                yield OptionList(id="people")
            with Vertical(id="right"):
                with VerticalScroll(id="grid-pane"):
                    yield ApproachGrid(id="grid")
                with VerticalScroll(id="balance-pane"):
                    yield BalanceList(id="balance")

    def on_mount(self) -> None:
        self.query_one("#people-pane").border_title = _("Wie kiest? (Enter)")
        self.query_one("#grid-pane").border_title = _("Aanpakken per vorm")
        self.query_one("#balance-pane").border_title = _("Balans")
        self.query_one("#balance-pane").display = self.warn
        super().on_mount()
        self.query_one("#people").focus()

    def show_state(self, state: SessionState) -> None:
        people = self.query_one("#people", OptionList)
        before = people.highlighted
        self.people = [s for s in state.stakeholders.values() if s.present]
        counts = {s.id: 0 for s in self.people}
        for approach in state.approaches.values():
            if approach.stakeholder_id in counts:
                counts[approach.stakeholder_id] += 1
        people.clear_options()
        limit = f"/{self.per_stakeholder}" if self.per_stakeholder else ""
        people.add_options(
            Option(
                RichText.assemble(
                    (seat_name(self.live.deck, s), "bold"), (f"  {counts[s.id]}{limit}", "dim")
                ),
                id=s.id,
            )
            for s in self.people
        )
        if self.people:
            people.highlighted = min(before or 0, len(self.people) - 1)
        else:
            people.add_option(
                Option(RichText(_("Nog niemand aan tafel."), style="dim"), disabled=True)
            )
        self.query_one(ApproachGrid).show(state, self.live.deck)
        warnings = balance_warnings(state, self.live.deck)
        self.query_one(BalanceList).show(
            warnings, empty=_("Nog geen aanpakken.") if not state.approaches else _("In balans.")
        )
        self.query_one("#balance-pane").border_title = (
            _("Balans ({count})").format(count=len(warnings)) if warnings else _("Balans")
        )

    @property
    def chooser(self) -> Stakeholder | None:
        """The highlighted stakeholder."""
        highlighted = self.query_one("#people", OptionList).highlighted
        if highlighted is None or not 0 <= highlighted < len(self.people):
            return None
        return self.people[highlighted]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_choose()

    def action_choose(self) -> None:
        """Pick an approach for the highlighted stakeholder from the inspiratiebank."""
        from game.tui.screens.inspiratiebank import InspiratiebankScreen

        who = self.chooser
        if who is None:
            self.notify(_("Zet eerst iemand aan tafel (bord: t)."), severity="warning")
            return
        picker = InspiratiebankScreen(
            self.live.deck,
            pick_for=seat_name(self.live.deck, who),
            note=lambda card: self._note_for(who, card),
        )
        self.app.push_screen(picker)

    def _note_for(self, who: Stakeholder, card: CardBase) -> NotePrompt:
        """The dialog that records `card` for `who`, with a note."""

        def submit(note: str) -> str | None:
            reason = self.live.send(c.RecordApproach(who.id, card.id, note))
            self.redraw()
            return reason

        return NotePrompt(
            _("{card} — voor {who}").format(
                card=deck_text(self.live.deck, card.title), who=seat_name(self.live.deck, who)
            ),
            summary(self.live.deck, card),
            _("Waarom deze aanpak, voor deze casus? (mag leeg)"),
            submit,
        )

    def action_inspiratiebank(self) -> None:
        """Browse the example cards without choosing."""
        from game.tui.screens.inspiratiebank import InspiratiebankScreen

        self.app.push_screen(InspiratiebankScreen(self.live.deck))
