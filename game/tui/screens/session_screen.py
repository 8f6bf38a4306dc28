"""What every screen of a running session shares: live updates, sending commands, undo.

A session screen redraws from the session state whenever it changes — after its own
commands, and when other processes (voters, the CLI) write to the session file, which a
timer checks twice a second while the screen is on top.
"""

from __future__ import annotations

from functools import partial

from textual.binding import Binding
from textual.message import Message
from textual.screen import ModalScreen, Screen

from catalogue import _
from deck import InputError
from game.engine import SessionState
from game.engine import commands as c
from game.engine.lookalike import look_alikes
from game.tui.live_session import LiveSession

POLL_SECONDS = 0.5
"""How often the screen on top looks for other processes' writes (votes, joins)."""

FLASH_SECONDS = 1.0
"""How long the clock flashes when the time signal speaks."""


class ShowRound(Message):
    """Asks the app for the screen of the round the session is in now.

    A message, not a call: the round screens are what the app opens, so the board and the
    round screens must not import the table of them (that was an import cycle).
    """

    def __init__(self, live: LiveSession, *, replace: bool) -> None:
        super().__init__()
        self.live = live
        self.replace = replace
        """Switch to it (from a round to the next) rather than push it (from the board)."""


class SessionScreen(Screen[None]):
    """A screen of a running session. Subclasses draw the state in `show_state`."""

    BINDINGS = [
        Binding("ctrl+z", "undo", _("Ongedaan")),
    ]

    def __init__(self, live: LiveSession) -> None:
        super().__init__()
        self.live = live
        self._shown_version = -1
        self._poll_failed = False

    def on_mount(self) -> None:
        self.set_interval(POLL_SECONDS, self._tick)
        self.redraw()

    def on_screen_resume(self) -> None:
        self.redraw()

    @property
    def in_view(self) -> bool:
        """Whether the screen shows: on top, or right under a dialog (help, a note, …)."""
        if self.is_current:
            return True
        stack = self.app.screen_stack
        return isinstance(stack[-1], ModalScreen) and len(stack) > 1 and stack[-2] is self

    CLOCK = "#timer"
    """The widget that shows the round's time: it flashes when the time signal speaks."""

    def _tick(self) -> None:
        self._signal_time()
        if not self.in_view:
            return
        tampered_before = self.live.store.problem is not None
        try:
            self.live.poll()
        except InputError as error:
            # A damaged file: say so once, keep showing what we have.
            if not self._poll_failed:
                self._poll_failed = True
                self.notify(error.problems[0].message, severity="error", timeout=10)
            return
        self._flag_look_alikes()
        problem = self.live.store.problem
        if problem is not None and not tampered_before:
            # Rows written around netwerktafel while the session is open: say so once.
            self.notify(problem, title=_("Alleen-lezen"), severity="error", timeout=30)
        if self.live.state.version != self._shown_version:
            self.redraw()
        else:
            self.tick_clock()

    def _flag_look_alikes(self) -> None:
        """Tell the facilitator, once, about a participant whose name looks like another's."""
        for first, second in look_alikes(self.live.state):
            if (first, second) in self.live.flagged:
                continue
            self.live.flagged.add((first, second))
            self.notify(
                _(
                    "'{second}' lijkt op '{first}', maar is een andere naam (letters uit een "
                    "ander schrift): kijk wie wie is"
                ).format(first=first, second=second),
                title=_("Namen die op elkaar lijken"),
                severity="warning",
                timeout=30,
            )

    def _signal_time(self) -> None:
        # Every session screen on the stack looks, so a dialog on top (the hot seat) does
        # not hide the moment; the shared TimeSignal says it only once.
        live = self.live
        message = live.time_signal.passed(live.state.round.index, live.seconds_left())
        if message is None:
            return
        app = self.app
        if getattr(app, "bell_on", True):  # the facilitator app may have the bell off
            app.bell()
        self.notify(_(message), title=_("Tijd"), severity="warning", timeout=10)
        for screen in app.screen_stack:
            if isinstance(screen, SessionScreen) and screen.in_view:
                screen.flash_clock()

    def flash_clock(self) -> None:
        """Flash this screen's clock once."""
        for clock in self.query(self.CLOCK):
            clock.add_class("-flash")
            self.set_timer(FLASH_SECONDS, partial(clock.remove_class, "-flash"))

    def redraw(self) -> None:
        """Draw the latest state."""
        state = self.live.state
        self._shown_version = state.version
        self.show_state(state)
        self.tick_clock()

    def show_state(self, state: SessionState) -> None:
        """Draw `state`. Every session screen has its own."""
        raise NotImplementedError

    def tick_clock(self) -> None:
        """Update what depends on the time only (the round's timer). Optional."""

    def send(self, command: c.Command) -> bool:
        """Send a facilitator command; a refusal shows as a notification. Whether it worked."""
        reason = self.live.send(command)
        if reason is not None:
            self.notify(reason, title=_("Geweigerd"), severity="warning")
            self.redraw()
            return False
        self.redraw()
        return True

    def action_undo(self) -> None:
        """Undo the facilitator's last command."""
        done, message = self.live.undo()
        self.notify(message, severity="information" if done else "warning")
        self.redraw()
