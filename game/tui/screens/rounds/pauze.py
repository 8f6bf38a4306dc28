"""Pauze: a calm screen with the time left, large, and when the table starts again."""

from __future__ import annotations

from collections.abc import Iterable

from textual.containers import Center, Middle
from textual.widget import Widget
from textual.widgets import Digits, Static

from catalogue import _
from game.engine import SessionState, round_deadline
from game.tui.live_session import local_time
from game.tui.screens.rounds.round_screen import RoundScreen
from game.tui.widgets.round_clock import clock_text


class PauzeScreen(RoundScreen):
    """Only the countdown: nothing to do but have a coffee."""

    CSS_PATH = "pauze.tcss"

    def compose_round(self) -> Iterable[Widget]:
        with Middle(id="calm"):
            with Center():
                yield Static(_("Pauze"), id="word")
            with Center():
                yield Digits("", id="countdown")
            with Center():
                yield Static(id="until")

    def show_state(self, state: SessionState) -> None:
        deadline = round_deadline(state)
        until = self.query_one("#until", Static)
        if deadline is None or state.round.index != self.index:
            until.update("")
            return
        until.update(_("We beginnen weer om {time}.").format(time=f"{local_time(deadline):%H:%M}"))

    def tick_clock(self) -> None:
        super().tick_clock()
        seconds = self.live.seconds_left() if self.live.state.round.index == self.index else None
        countdown = self.query_one("#countdown", Digits)
        countdown.update(clock_text(max(seconds, 0)) if seconds is not None else "")
        countdown.set_class(seconds is not None and seconds <= 0, "-over")
