"""The facilitator's app. Thin on purpose: screens do the work, the app holds the context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from deck import Deck
from game.tui.card_commands import CardCommands


@dataclass(frozen=True)
class AppContext:
    """What every screen may need: the deck, where sessions live, and the clock."""

    deck: Deck
    data_dir: Path
    clock: Callable[[], float]


class NetwerktafelApp(App[None]):
    """Run a netwerktafel at the keyboard."""

    TITLE = "netwerktafel"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {CardCommands}
    BINDINGS = [
        Binding("f1", "show_help", "Hulp"),
        Binding("ctrl+q", "quit", "Stoppen", priority=True),
    ]

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context

    def on_mount(self) -> None:
        from game.tui.screens.inspiratiebank import InspiratiebankScreen

        self.push_screen(InspiratiebankScreen(self.context.deck))

    def action_show_help(self) -> None:
        """Show every key binding of the current screen and the app."""
        from game.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))
