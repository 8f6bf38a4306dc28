"""The start screen: new session, resume one, open a file, the inspiratiebank, print, quit."""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text as RichText
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from catalogue import N_, _, ngettext
from deck import InputError
from game.tui.context import AppContext

if TYPE_CHECKING:
    from game.tui.live_session import SessionFile

MENU = (
    ("new", N_("Nieuwe sessie"), "n"),
    ("open", N_("Sessiebestand openen"), "o"),
    ("bank", N_("Inspiratiebank"), "i"),
    ("print", N_("Deck afdrukken"), "a"),
    ("quit", N_("Stoppen"), "ctrl+q"),
)


class StartScreen(Screen[None]):
    """Where the app starts, and where it comes back to when a session is closed."""

    CSS_PATH = "start.tcss"
    TITLE = _("Start")
    # Any deck, any field: the deck says what it is about on the line below.
    SUB_TITLE = _("een begeleide rondetafel")
    BINDINGS = [
        Binding("n", "new_session", _("Nieuw")),
        Binding("o", "open_file", _("Openen")),
        Binding("i", "inspiratiebank", _("Inspiratiebank")),
        Binding("a", "print_deck", _("Afdrukken")),
    ]

    def __init__(self, context: AppContext, *, open_at_start: Path | None = None) -> None:
        super().__init__()
        self.context = context
        self.open_at_start = open_at_start
        self.sessions: list[SessionFile] = []
        self.filled = False
        """Whether the deck and the session list are loaded (after the first frame)."""
        self.deck_problems: InputError | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(RichText(_("Deck: ") + "…", style="dim"), id="intro")
        with Horizontal(id="panes"):
            with Vertical(id="menu-pane"):
                yield OptionList(
                    *[
                        Option(RichText.assemble(_(label), (f"  {key}", "dim")), id=option_id)
                        for option_id, label, key in MENU
                    ],
                    id="menu",
                )
            with Vertical(id="recent-pane"):
                yield OptionList(id="recent")
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.query_one("#menu-pane").border_title = _("Wat wil je doen?")
        self.query_one("#recent-pane").border_title = _("Sessie hervatten")
        self.query_one("#menu").focus()
        if self.open_at_start is not None:
            # Straight to the session's board: its deck was loaded to check the file.
            self.fill()

    def fill(self) -> None:
        """Load the deck and list the sessions; the app calls this once the screen is drawn.

        A deck that cannot load stops the app (exit code 2), its problems in `deck_problems`.
        """
        try:
            deck = self.context.deck
        except InputError as error:
            self.deck_problems = error
            self.app.exit(return_code=2)
            return
        # The deck and the imported modules live as long as the app: keep them out of the
        # garbage collector's full sweeps, which otherwise stall a keystroke now and then
        # (~0.1 s with a deck of a thousand cards).
        gc.freeze()
        from game.tui.deck_text import deck_text

        self.query_one("#intro", Static).update(
            RichText.assemble(
                (_("Deck: "), "dim"),
                deck_text(deck, deck.manifest.title),
                (" " + _("({count} kaarten)").format(count=len(deck)), "dim"),
            )
        )
        self.list_sessions()
        self.filled = True
        if self.open_at_start is not None:
            self.open_session(self.open_at_start)
            self.open_at_start = None
        elif self.sessions:
            self.query_one("#recent").focus()

    def on_screen_resume(self) -> None:
        if self.filled:
            self.list_sessions()

    def list_sessions(self) -> None:
        """Show the sessions in the data folder, newest first."""
        from game.tui.live_session import recent_sessions

        self.sessions = recent_sessions(self.context.sessions_dir)
        recent = self.query_one("#recent", OptionList)
        recent.clear_options()
        if not self.sessions:
            recent.add_option(
                Option(
                    RichText(_("Nog geen sessies. Kies 'Nieuwe sessie'."), style="dim"),
                    disabled=True,
                )
            )
            return
        recent.add_options(_session_option(number, s) for number, s in enumerate(self.sessions))
        recent.highlighted = 0

    # --- what the menu does ------------------------------------------------------------

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "recent":
            self.open_session(self.sessions[event.option_index].path)
            return
        actions = {
            "new": self.action_new_session,
            "open": self.action_open_file,
            "bank": self.action_inspiratiebank,
            "print": self.action_print_deck,
            "quit": self.app.exit,
        }
        actions[str(event.option.id)]()

    def action_new_session(self) -> None:
        """Set up a new session."""
        from game.tui.screens.setup import SetupScreen

        self.app.push_screen(SetupScreen(self.context))

    def action_open_file(self) -> None:
        """Open a session file by its path."""
        from game.tui.screens.path_prompt import PathPrompt

        prompt = PathPrompt(
            _("Welk sessiebestand open je?"),
            f"{self.context.sessions_dir}/",
            hint=_("Een .nwt-bestand; de begeleidersleutel (.begeleider) moet ernaast staan."),
            must_exist=True,
        )
        self.app.push_screen(prompt, self._opened)

    def _opened(self, path: Path | None) -> None:
        if path is not None:
            self.open_session(path)

    def open_session(self, path: Path) -> None:
        """Open a session and show its board; a file that cannot open says why."""
        from game.tui.live_session import LiveSession
        from game.tui.screens.board import BoardScreen

        try:
            live = LiveSession.open(path, self.context.deck, self.context.clock)
        except InputError as error:
            for problem in error.problems:
                self.notify(
                    str(problem),
                    title=_("Kan de sessie niet openen"),
                    severity="error",
                    timeout=10,
                )
            return
        self.app.push_screen(BoardScreen(live, self.context))
        for notice in live.store.notices:
            self.notify(notice, title=_("Bijgewerkt"), timeout=15)
        if live.store.problem is not None:
            self.notify(live.store.problem, title=_("Alleen-lezen"), severity="error", timeout=30)

    def action_inspiratiebank(self) -> None:
        """Browse the example cards."""
        from game.tui.screens.inspiratiebank import InspiratiebankScreen

        self.app.push_screen(InspiratiebankScreen(self.context.deck))

    def action_print_deck(self) -> None:
        """Write the deck's card sheets to a PDF."""
        from game.tui.screens.path_prompt import PathPrompt

        default = self.context.prints_dir / f"kaarten-{self.context.deck.manifest.id}.pdf"
        prompt = PathPrompt(
            _("Waar schrijf ik de kaartvellen (PDF)?"),
            default,
            hint=_("A4, pokerformaat, dubbelzijdig. Meer keuzes: netwerktafel print cards."),
        )
        self.app.push_screen(prompt, self._print_to)

    def _print_to(self, target: Path | None) -> None:
        if target is not None:
            self.notify(_("Kaarten tekenen naar {file}…").format(file=target), timeout=3)
            self._print_worker(target)

    @work(thread=True, exclusive=True, group="print")
    def _print_worker(self, target: Path) -> None:
        from game.tui.deck_print import print_deck

        try:
            message = print_deck(self.context.deck, target)
        except InputError as error:
            first = error.problems[0] if error.problems else _("onbekend probleem")
            self.app.call_from_thread(
                self.notify,
                ngettext(
                    "{first} ({count} probleem; zie 'netwerktafel deck check')",
                    "{first} ({count} problemen; zie 'netwerktafel deck check')",
                    len(error.problems),
                ).format(first=first, count=len(error.problems)),
                title=_("Niet afgedrukt"),
                severity="error",
                timeout=10,
            )
            return
        except OSError as error:
            self.app.call_from_thread(
                self.notify,
                _("Kan {file} niet schrijven: {reason}").format(file=target, reason=error.strerror),
                title=_("Niet afgedrukt"),
                severity="error",
                timeout=10,
            )
            return
        self.app.call_from_thread(self.notify, message, title=_("Deck afgedrukt"), timeout=10)


def _session_option(number: int, session: SessionFile) -> Option:
    from game.tui.live_session import local_time

    if session.problem is not None:
        text = RichText.assemble((session.path.name, "bold"), "\n", (session.problem, "italic red"))
        return Option(text, id=f"s{number}")
    when = f"{local_time(session.started_at):%d-%m-%Y %H:%M}" if session.started_at else ""
    people = _("{count} aan tafel").format(count=session.stakeholders)
    details = " · ".join(x for x in (session.workshop_title, session.round_line, people) if x)
    text = RichText.assemble(
        (session.case_title, "bold"), "  ", (when, "dim"), "\n", (details, "dim")
    )
    return Option(text, id=f"s{number}")
