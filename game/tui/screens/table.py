"""Aan tafel: seat stakeholders from the role cards, and show the join code large."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from catalogue import N_, _
from deck.model import RoleCard
from game.engine import SessionState
from game.engine import commands as c
from game.engine.role_draw import draw_role
from game.tui.context import AppContext
from game.tui.deck_text import deck_text, seat_line
from game.tui.live_session import LiveSession
from game.tui.screens.session_screen import SessionScreen
from game.tui.widgets.join_code import JoinCode
from workshops.model import CaseRound

NAME_HINT = N_("Kies een rol en druk Enter, of r: trek een rol.")


class TableScreen(SessionScreen):
    """Pick a role card, type a name, Enter: the stakeholder is at the table."""

    CSS_PATH = "table.tcss"
    TITLE = _("Aan tafel")
    BINDINGS = [
        Binding("escape", "app.pop_screen", _("Naar het bord")),
        Binding("delete,x", "remove", _("Van tafel")),
        Binding("r", "draw_role", _("Rol trekken")),
    ]

    def __init__(self, live: LiveSession, context: AppContext) -> None:
        super().__init__(live)
        self.context = context
        self.roles = self._roles()
        self.role: RoleCard | None = None
        self.seated_ids: list[str] = []

    def _suggested(self) -> tuple[str, ...]:
        """The role ids the workshop's case round suggests."""
        info = self.live.state.info
        if info is not None:
            for plan in info.rounds:
                settings = self.live.round_settings(plan)
                if isinstance(settings, CaseRound):
                    return settings.roles
        return ()

    def _roles(self) -> list[tuple[RoleCard, bool]]:
        """Every role card, the workshop's suggestions first (marked)."""
        suggested = self._suggested()
        roles = self.live.deck.of_type(RoleCard)
        first = [(r, True) for s in suggested for r in roles if r.id == s]
        return first + [(r, False) for r in roles if r.id not in suggested]

    def compose(self) -> ComposeResult:
        info = self.live.state.info
        assert info is not None
        yield Header()
        yield JoinCode(info.join_code, id="code")
        with Horizontal(id="panes"):
            with Vertical(id="roles-pane"):
                yield OptionList(
                    *[
                        Option(
                            RichText.assemble(
                                ("★ " if star else "  ", "yellow"),
                                deck_text(self.live.deck, role.title),
                            ),
                            id=role.id,
                        )
                        for role, star in self.roles
                    ],
                    id="roles",
                )
                yield Static(_(NAME_HINT), id="name-label")
                yield Input(placeholder=_("naam"), id="name", compact=True)
            with Vertical(id="seated-pane"):
                yield OptionList(id="seated")
                yield Static(id="participants")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#roles-pane").border_title = _("Rolkaarten (★ voorgesteld)")
        self.query_one("#seated-pane").border_title = _("Aan tafel")
        self.query_one("#roles").focus()

    def show_state(self, state: SessionState) -> None:
        seated = self.query_one("#seated", OptionList)
        before = seated.highlighted
        present = [s for s in state.stakeholders.values() if s.present]
        self.seated_ids = [s.id for s in present]
        seated.clear_options()
        if present:
            seated.add_options(
                Option(
                    seat_line(self.live.deck, s),
                    id=s.id,
                )
                for s in present
            )
            seated.highlighted = min(before or 0, len(present) - 1)
        else:
            seated.add_option(Option(RichText(_("Nog niemand."), style="dim"), disabled=True))
        people = list(state.participants.values())
        names = ", ".join(p.name for p in people) if people else _("nog niemand")
        self.query_one("#participants", Static).update(
            RichText.assemble((_("Aangemeld:") + " ", "bold"), f"{len(people)} — {names}")
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id != "roles":
            return
        self.choose(next(r for r, _ in self.roles if r.id == event.option.id))

    def choose(self, role: RoleCard, drawn: bool = False) -> None:
        """Ask for the name of whoever plays `role`."""
        self.role = role
        name = self.query_one("#name", Input)
        title = deck_text(self.live.deck, role.title)
        lead = (
            _("Getrokken: {role}. Naam").format(role=title)
            if drawn
            else _("Naam voor {role}").format(role=title)
        )
        # A label that wraps, not a placeholder cut at the field's edge.
        self.query_one("#name-label", Static).update(
            RichText.assemble(
                (lead, "bold"), " " + _("(Enter zonder naam: '{role}')").format(role=title)
            )
        )
        name.focus()

    def action_draw_role(self) -> None:
        """Draw a role card nobody plays yet (the workshop's suggestions first)."""
        role = draw_role(self.live.deck, self.live.state, self.context.rng, self._suggested())
        if role is None:
            self.notify(_("Elke rolkaart ligt al op tafel."), severity="warning")
            return
        roles = self.query_one("#roles", OptionList)
        roles.highlighted = [r.id for r, _ in self.roles].index(role.id)
        self.choose(role, drawn=True)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.role is None:
            self.notify(_("Kies eerst een rolkaart."), severity="warning")
            self.query_one("#roles").focus()
            return
        # Without a name the stakeholder is called by the role, as the reader sees it.
        name = event.value.strip() or deck_text(self.live.deck, self.role.title)
        if self.send(c.AddStakeholder(self.role.id, name)):
            event.input.value = ""
            self.query_one("#name-label", Static).update(_(NAME_HINT))
            self.role = None
            self.query_one("#roles").focus()

    def action_remove(self) -> None:
        """Take the highlighted stakeholder from the table (what they said stays)."""
        seated = self.query_one("#seated", OptionList)
        if seated.highlighted is None or not self.seated_ids:
            self.notify(_("Kies rechts wie van tafel gaat."), severity="warning")
            return
        self.send(c.RemoveStakeholder(self.seated_ids[seated.highlighted]))
