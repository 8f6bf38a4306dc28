"""The session board: agenda and timer, the stakeholder × form grid, balance, who joined."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widgets import Digits, Footer, Header, Static

from catalogue import _
from game.engine import SessionState
from game.engine import commands as c
from game.engine.balance import balance_warnings
from game.engine.case_text import parse_case
from game.engine.lookalike import look_alikes
from game.tui.context import AppContext
from game.tui.live_session import LiveSession
from game.tui.screens.session_screen import SessionScreen, ShowRound
from game.tui.widgets.agenda import Agenda
from game.tui.widgets.approach_grid import ApproachGrid
from game.tui.widgets.balance_list import BalanceList
from game.tui.widgets.join_code import JoinCode, banner
from game.tui.widgets.round_clock import clock_text

EXTEND_MINUTES = 5
ROOMY = (140, 40)
"""From this terminal size (columns, rows) on the board shows the clock and the join code
large, for a projector."""


class BoardScreen(SessionScreen):
    """The facilitator's overview; Enter opens the current round's own screen."""

    CSS_PATH = "board.tcss"
    TITLE = _("Bord")
    CLOCK = "#timer, #big-timer"
    BINDINGS = [
        Binding("enter", "open_round", _("Ronde")),
        Binding("n", "next_round", _("Volgende")),
        Binding("v", "previous_round", _("Vorige")),
        Binding("plus,equals_sign", "extend", f"{EXTEND_MINUTES} min", key_display="+"),
        Binding("t", "table", _("Tafel")),
        Binding("i", "inspiratiebank", _("Inspiratiebank"), show=False),
        Binding("w", "browser_voting", _("Stemmen in de browser"), show=False),
        Binding("escape", "close_session", _("Sluiten")),
    ]

    def __init__(self, live: LiveSession, context: AppContext) -> None:
        super().__init__(live)
        self.context = context

    def compose(self) -> ComposeResult:
        info = self.live.state.info
        assert info is not None
        yield Header()
        with Horizontal(id="top"):
            with Vertical(id="agenda-pane"):
                yield Agenda(id="agenda")
            with Vertical(id="right"):
                with Horizontal(id="now-pane"):
                    yield Static(id="round-title")
                    yield Digits("", id="timer")
                    yield Static(id="big-timer")
                    yield JoinCode(info.join_code, id="board-code")
                with VerticalScroll(id="grid-pane"):
                    yield ApproachGrid(id="grid")
                with VerticalScroll(id="balance-pane"):
                    yield BalanceList(id="balance")
        with Horizontal(id="status-bar"):
            yield Static(id="status")
            # Its own widget: the file name stays whole when the line above it is cut.
            yield Static(self.live.path.name, id="session-file")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#agenda-pane").border_title = _("Agenda")
        self.query_one("#grid-pane").border_title = _("Aanpakken per belanghebbende")
        self.query_one("#balance-pane").border_title = _("Balans")
        super().on_mount()

    def on_resize(self, event: Resize) -> None:
        # Room to spare (a projector, 200×50): the join code in large letters too.
        self.set_class(event.size.width >= ROOMY[0] and event.size.height >= ROOMY[1], "-roomy")

    def show_state(self, state: SessionState) -> None:
        info = state.info
        assert info is not None
        case = parse_case(info.case)
        self.sub_title = case.title or self.live.workshop_title
        self.query_one(Agenda).show(state, self.live.round_title)
        self.query_one(ApproachGrid).show(state, self.live.deck)
        warnings = balance_warnings(state, self.live.deck)
        self.query_one(BalanceList).show(
            warnings,
            empty=_("Nog geen aanpakken.") if not state.approaches else _("In balans."),
        )
        self.query_one("#balance-pane").border_title = (
            _("Balans ({count})").format(count=len(warnings)) if warnings else _("Balans")
        )
        plan = state.current_round()
        now_pane = self.query_one("#now-pane")
        if plan is None:
            now_pane.border_title = _("Nu")
            self.query_one("#round-title", Static).update(_("Deze sessie heeft geen rondes."))
        else:
            now_pane.border_title = _("Ronde {number} van {count}").format(
                number=state.round.index + 1, count=len(info.rounds)
            )
            extra = state.round.extra_minutes[state.round.index]
            box = f"{plan.minutes} min" + (f" + {extra}" if extra else "")
            self.query_one("#round-title", Static).update(
                RichText.assemble(
                    (self.live.round_title(plan), "bold"),
                    "\n",
                    (_("tijdvak {minutes}").format(minutes=box), "dim"),
                    "\n",
                    (_("Enter: ronde openen"), "dim"),
                )
            )
        people = list(state.participants.values())
        names = ", ".join(p.name for p in people[:6]) + (" …" if len(people) > 6 else "")
        alike = "  ".join(f"⚠ {second} ≈ {first}" for first, second in look_alikes(state))
        self.query_one("#status", Static).update(
            RichText.assemble(
                # A tampered log: first on the line, so it shows at 80 columns too.
                (_("ALLEEN-LEZEN") + "  " if self.live.store.problem else "", "bold red"),
                (_("Code") + " ", "dim"),
                (info.join_code, "bold"),
                ("  ·  " + _("aangemeld:") + " ", "dim"),
                str(len(people)),
                (f" ({names})" if people else "", "dim"),
                (f"  {alike}" if alike else "", "bold yellow"),
                # Last: what a narrow terminal may cut.
                ("  ·  " + _("(w: browser)"), "dim"),
            )
        )

    def tick_clock(self) -> None:
        seconds = self.live.seconds_left()
        timer = self.query_one("#timer", Digits)
        if seconds is None:
            timer.update("")
            self.query_one("#big-timer", Static).update("")
            return
        shown = ("-" if seconds < 0 else "") + clock_text(seconds)
        timer.update(shown)
        big = self.query_one("#big-timer", Static)
        big.update("\n".join(banner(shown, double=False)))
        for clock in (timer, big):
            clock.set_class(seconds < 0, "-over-time")
            clock.set_class(0 <= seconds < 120, "-almost")

    # --- actions ---------------------------------------------------------------------

    def action_open_round(self) -> None:
        """Open the current round's own screen."""
        self.post_message(ShowRound(self.live, replace=False))

    def action_next_round(self) -> None:
        """Go on to the next round (skips the current one if it is not done)."""
        self.send(c.AdvanceRound())

    def action_previous_round(self) -> None:
        """Go back one round."""
        self.send(c.GoBack())

    def action_extend(self) -> None:
        """Give the current round five more minutes."""
        if self.send(c.ExtendRound(EXTEND_MINUTES)):
            self.notify(_("Ronde verlengd met {minutes} minuten.").format(minutes=EXTEND_MINUTES))

    def action_table(self) -> None:
        """Seat or remove stakeholders; show the join code."""
        from game.tui.screens.table import TableScreen

        self.app.push_screen(TableScreen(self.live, self.context))

    def action_inspiratiebank(self) -> None:
        """Browse the example cards."""
        from game.tui.screens.inspiratiebank import InspiratiebankScreen

        self.app.push_screen(InspiratiebankScreen(self.live.deck))

    def action_browser_voting(self) -> None:
        """Show how participants vote in a browser: command, address, QR code."""
        from game.tui.screens.browser_voting import BrowserVotingScreen

        info = self.live.state.info
        assert info is not None
        self.app.push_screen(BrowserVotingScreen(self.live.path, info.join_code))

    def action_close_session(self) -> None:
        """Back to the start screen. Everything is already saved."""
        self.app.pop_screen()
        self.live.close()
