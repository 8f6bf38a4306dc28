"""The facilitator's app. Thin on purpose: screens do the work, the app holds the context.

It starts on what the start screen needs and nothing more: the deck, the session list, the
engine and the other screens load after the first screen is drawn (or when they open).
"""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette, Provider
from textual.markup import escape
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import ThemeProvider

from catalogue import _
from game.data_folder import data_folder
from game.tui.context import AppContext
from game.tui.time_signal import bell_wanted, save_bell

if TYPE_CHECKING:
    from deck import Deck, InputError
    from game.tui.screens.session_screen import ShowRound
    from game.tui.screens.start import StartScreen


def default_data_dir() -> Path:
    """The user's data folder for netwerktafel (sessions live in its `sessies` folder)."""
    return data_folder()


def _card_commands() -> type[Provider]:
    # Textual takes a provider or a function returning one: the deck search loads with the
    # palette, not at start.
    from game.tui.card_commands import CardCommands

    return CardCommands


class NetwerktafelApp(App[None]):
    """Run a netwerktafel at the keyboard."""

    TITLE = "netwerktafel"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {_card_commands}
    BINDINGS = [
        Binding("f1", "show_help", _("Hulp")),
        Binding("ctrl+p", "command_palette", _("Kaart zoeken"), show=False, priority=True),
        # Not in the footer (it is crowded at 80 columns); the start menu and help show it.
        Binding("ctrl+q", "quit", _("Stoppen"), priority=True, show=False),
        Binding("ctrl+g", "toggle_bell", _("Bel aan/uit"), show=False),
    ]

    def __init__(self, context: AppContext, *, session: Path | None = None) -> None:
        super().__init__()
        self.context = context
        self.open_at_start = session
        self.bell_on = bell_wanted(context.data_dir)
        """Whether the time signal rings the terminal bell (ctrl+g switches it)."""
        self.start_screen: StartScreen | None = None

    def on_mount(self) -> None:
        from game.tui.screens.start import StartScreen

        self.start_screen = StartScreen(self.context, open_at_start=self.open_at_start)
        self.push_screen(self.start_screen)

    @property
    def deck_problems(self) -> InputError | None:
        """Why the deck could not load, when the app stopped for it (exit code 2)."""
        return self.start_screen.deck_problems if self.start_screen else None

    def on_ready(self) -> None:
        # The start screen is on the terminal: the garbage collector, off while it was
        # drawn (game/cli/facilitator_app.py), may run again.
        gc.enable()
        # Drawn first, filled after: the deck and the session list load once the first
        # frame is on the terminal, so the facilitator sees the menu at once.
        if self.start_screen is not None and not self.start_screen.filled:
            self.call_after_refresh(self.start_screen.fill)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification on the title bar only: one at a time (the newest), on one
        line where it fits. A title would take a line of its own and a second toast the line
        below, which is the round clock's."""
        if title:
            # Only now: the engine loads after the first frame, and every titled notice
            # comes later. French puts a space before the colon (`labelled`).
            from game.engine.report import labelled

            message = labelled(escape(title) if markup else title, message)
        # Textual leaves the holder of a cleared toast behind, which pushes the next one a
        # line down: remove the holders along with the notifications.
        for holder in self.screen.query("ToastHolder"):
            holder.remove()
        self.clear_notifications()
        super().notify(message, severity=severity, timeout=timeout, markup=markup)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette's own commands, in Dutch."""
        from game.tui.dutch_textual import system_commands

        return system_commands(self, screen)

    def action_command_palette(self) -> None:
        """Open the command palette, in Dutch."""
        from game.tui.dutch_textual import DutchCommandPalette

        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(DutchCommandPalette())

    def search_themes(self) -> None:
        """Choose a colour theme, in Dutch."""
        from game.tui.dutch_textual import DutchCommandPalette

        self.push_screen(DutchCommandPalette([ThemeProvider], _("Zoek een kleurenthema…")))

    def action_toggle_bell(self) -> None:
        """Switch the time signal's bell on or off, and remember the choice."""
        self.bell_on = not self.bell_on
        try:
            save_bell(self.context.data_dir, self.bell_on)
        except OSError as error:
            message = _("Kan de voorkeur niet bewaren: {reason}").format(reason=error.strerror)
            self.notify(message, severity="warning")
        said = (
            _("Bel bij het tijdsignaal: aan.")
            if self.bell_on
            else _("Bel bij het tijdsignaal: uit.")
        )
        self.notify(said, title=_("Tijd"))

    def on_show_round(self, message: ShowRound) -> None:
        """Open the screen of the round a session is in, as the board or a round asks."""
        # Imported here: the round screens load with the first session, not at start.
        from game.tui.round_screens import round_screen

        screen = round_screen(message.live, self.context)
        if screen is None:
            return
        if message.replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def action_show_help(self) -> None:
        """Show every key binding of the current screen and the app."""
        from game.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))


def build_app(
    deck_path: Path | None = None,
    data_dir: Path | None = None,
    clock: Callable[[], float] = time.time,
    session: Path | None = None,
    deck: Deck | None = None,
    rng: random.Random | None = None,
) -> NetwerktafelApp:
    """The facilitator app for a deck (default: the built-in one) and a data folder.

    `session` opens that session file straight away. Without `deck`, the deck is loaded
    after the start screen is drawn; a bad one stops the app with `deck_problems` set.
    """
    context = AppContext(
        deck if deck is not None else partial(_load_deck, deck_path),
        data_dir=data_dir if data_dir is not None else default_data_dir(),
        clock=clock,
        deck_path=deck_path,
        rng=rng if rng is not None else random.Random(),
    )
    return NetwerktafelApp(context, session=session)


def _load_deck(path: Path | None) -> Deck:
    from deck import default_deck_path, load_deck

    return load_deck(path if path is not None else default_deck_path())
