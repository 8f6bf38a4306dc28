"""Textual's own words in Dutch or French: the command palette, its commands, the Select menu.

Textual draws a few parts itself, with English words (`Search for commands…`, `Quit`,
`esc Dismiss menu`). The facilitator reads Dutch or French everywhere, so the app uses
these stand-ins instead: same behaviour, our words (taken when the app is imported, after
`--taal` is read).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.align import Align
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette, ProviderSource
from textual.widgets import Select
from textual.widgets._select import SelectCurrent, SelectOverlay
from textual.widgets.option_list import Option

from catalogue import _

if TYPE_CHECKING:
    from textual.screen import Screen

    from game.tui.app import NetwerktafelApp

PALETTE_PLACEHOLDER = _("Zoek een kaart of een opdracht…")


class DutchCommandPalette(CommandPalette):
    """The command palette (ctrl+p), with a Dutch placeholder and keys."""

    BINDINGS = [Binding("escape", "escape", _("Sluiten"))]

    def __init__(
        self,
        providers: ProviderSource | None = None,
        placeholder: str = PALETTE_PLACEHOLDER,
    ) -> None:
        super().__init__(providers, placeholder=placeholder, id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own says "No matches found"; the same countdown, in our words.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if not search_value:
                self._list_visible = False
                return
            self.query_one(CommandList).add_option(
                Option(
                    Align.center(Text(_("Niets gevonden"), style="not bold")),
                    disabled=True,
                    id=self._NO_MATCHES,
                )
            )
            self._list_visible = True

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


def system_commands(app: NetwerktafelApp, screen: Screen[object]) -> Iterable[SystemCommand]:
    """What the palette offers besides the cards, in Dutch."""
    yield SystemCommand(
        _("Hulp"),
        _("Alle toetsen van dit scherm (F1)"),
        app.action_show_help,
    )
    yield SystemCommand(
        _("Bel aan/uit"),
        _("De bel bij het tijdsignaal aan- of uitzetten (ctrl+g)"),
        app.action_toggle_bell,
    )
    yield SystemCommand(_("Kleuren"), _("Een ander kleurenthema kiezen"), app.action_change_theme)
    yield SystemCommand(
        _("Schermafdruk"),
        _("Dit scherm als SVG-bestand bewaren"),
        lambda: app.set_timer(0.1, app.deliver_screenshot),
    )
    yield SystemCommand(_("Stoppen"), _("De app afsluiten (ctrl+q)"), app.action_quit)


class DutchSelectOverlay(SelectOverlay):
    """The open menu of a Select, whose Esc says what it does in Dutch."""

    BINDINGS = [Binding("escape", "dismiss", _("Menu sluiten"))]


class DutchSelect(Select[str]):
    """A Select whose open menu speaks Dutch."""

    def compose(self) -> ComposeResult:
        yield SelectCurrent(self.prompt)
        yield DutchSelectOverlay(type_to_search=self._type_to_search).data_bind(
            compact=Select.compact
        )
