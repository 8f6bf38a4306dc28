"""Casus: the local problem on the table, and each stakeholder's role card."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.text import Text as RichText
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from catalogue import _
from deck.model import RoleCard
from game.engine import SessionState
from game.engine import commands as c
from game.engine.case_text import parse_case
from game.tui.deck_text import deck_text, seat_line
from game.tui.screens.rounds.round_screen import RoundScreen


class CasusScreen(RoundScreen):
    """The case on the left; on the right who is at the table and what their role says."""

    CSS_PATH = "casus.tcss"
    BINDINGS = [
        Binding("e", "edit_case", _("Casus bewerken")),
        Binding("t", "table", _("Aan tafel")),
    ]

    def compose_round(self) -> Iterable[Widget]:
        with Horizontal(id="body"):
            with VerticalScroll(id="case-pane"):
                yield Static(id="case")
            with Vertical(id="people-pane"):
                yield OptionList(id="people")
                with VerticalScroll(id="role-pane"):
                    yield Static(id="role")

    def on_mount(self) -> None:
        self.query_one("#case-pane").border_title = _("Casus (e: bewerken)")
        self.query_one("#people-pane").border_title = _("Aan tafel (t: wijzigen)")
        super().on_mount()
        self.query_one("#people").focus()

    def show_state(self, state: SessionState) -> None:
        info = state.info
        assert info is not None
        case = parse_case(info.case)
        if case.empty:
            body = RichText(_("Nog geen casus. Druk e om ze te schrijven."), style="dim")
        else:
            body = RichText.assemble(
                (case.title, "bold"),
                "\n\n",
                case.description,
                (
                    "\n\n" + _("Thema: {theme}").format(theme=case.theme) if case.theme else "",
                    "dim",
                ),
            )
        self.query_one("#case", Static).update(body)
        people = self.query_one("#people", OptionList)
        before = people.highlighted
        present = [s for s in state.stakeholders.values() if s.present]
        self.people = present
        people.clear_options()
        people.add_options(
            Option(
                seat_line(self.live.deck, s),
                id=s.id,
            )
            for s in present
        )
        if present:
            people.highlighted = min(before or 0, len(present) - 1)
        else:
            self.query_one("#role", Static).update(
                RichText(_("Nog niemand aan tafel. Druk t."), style="dim")
            )

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        stakeholder = self.people[event.option_index]
        deck = self.live.deck
        role = deck.get(stakeholder.role_id)
        if not isinstance(role, RoleCard):
            self.query_one("#role", Static).update(stakeholder.role_title)
            return
        self.query_one("#role", Static).update(
            Group(
                RichText(deck_text(deck, role.title), style="bold"),
                RichText.assemble(
                    (_("Wat staat er op het spel?") + " ", "italic"), deck_text(deck, role.stake)
                ),
                RichText.assemble(
                    (_("Waar ben ik bang voor?") + " ", "italic"), deck_text(deck, role.fear)
                ),
                RichText.assemble(
                    (_("Wat breng ik in?") + " ", "italic"), deck_text(deck, role.brings)
                ),
            )
        )

    def action_edit_case(self) -> None:
        """Rewrite the case."""
        from game.tui.screens.case_editor import CaseEditor

        info = self.live.state.info
        assert info is not None

        def submit(text: str) -> str | None:
            reason = self.live.send(c.SetCase(text))
            self.redraw()
            return reason

        self.app.push_screen(CaseEditor(self.live.deck, parse_case(info.case), submit))

    def action_table(self) -> None:
        """Seat or remove stakeholders."""
        from game.tui.screens.table import TableScreen

        self.app.push_screen(TableScreen(self.live, self.context))
