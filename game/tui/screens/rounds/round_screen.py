"""What every round's screen shares: the round clock, its instructions, moving on."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import Collapsible, Footer, Header, Static

from catalogue import _, current_language
from game.engine import RoundPlan
from game.engine import commands as c
from game.tui.context import AppContext
from game.tui.live_session import LiveSession
from game.tui.screens.session_screen import SessionScreen, ShowRound
from game.tui.widgets.round_clock import RoundClock
from workshops.model import RoundBase


class RoundScreen(SessionScreen):
    """The frame of a round's screen; subclasses fill `compose_round` and `show_state`."""

    BINDINGS = [
        Binding("escape", "app.pop_screen", _("Bord")),
        Binding("ctrl+n", "next_round", _("Volgende")),
    ]
    CLOCK = "RoundClock"

    def __init__(self, live: LiveSession, context: AppContext, index: int) -> None:
        super().__init__(live)
        self.context = context
        self.index = index
        info = live.state.info
        assert info is not None
        self.plan: RoundPlan = info.rounds[index]
        self.settings: RoundBase | None = live.round_settings(self.plan)

    def compose(self) -> ComposeResult:
        yield Header()
        yield RoundClock(id="round-clock")
        if self.settings is not None:
            with Collapsible(title=_("Wat doe je in deze ronde?"), id="instructions"):
                instructions = self.settings.instructions.in_language(current_language())
                yield Static(" ".join(instructions.split()))
        yield from self.compose_round()
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.title = self.live.round_title(self.plan)
        super().on_mount()
        self.call_after_refresh(self._not_on_the_instructions)

    def _not_on_the_instructions(self) -> None:
        # A screen without a list of its own would focus the instructions' title, which
        # then looks selected; keys work as well with nothing focused.
        focused = self.focused
        if (
            focused is not None
            and focused.parent is not None
            and isinstance(focused.parent, Collapsible)
        ):
            self.set_focus(None)

    def compose_round(self) -> Iterable[Widget]:
        """The widgets of this round kind."""
        raise NotImplementedError

    def tick_clock(self) -> None:
        live = self.live
        self.query_one(RoundClock).show(live.state, live.seconds_left(), live.round_title)

    def action_next_round(self) -> None:
        """Go on to the next round and open its screen."""
        if self.send(c.AdvanceRound()):
            self.post_message(ShowRound(self.live, replace=True))
