"""Every key binding of the screen underneath and of the app, in one table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static

from catalogue import _


def screen_bindings(screen: Screen[object]) -> list[Binding]:
    """The bindings a screen declares itself and inherits from its base screens, the most
    specific first; a key bound twice is listed once. A binding the screen changed for
    itself (the keys of this deck's concern cards) is listed as the screen has it."""
    own = screen._bindings.key_to_bindings
    found: list[Binding] = []
    keys: set[str] = set()
    for kind in type(screen).__mro__:
        if kind.__module__.startswith("textual."):
            # Textual's own (focus, copy) are in English; Tab is explained below the table.
            continue
        for binding in kind.__dict__.get("BINDINGS", ()):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.key in keys:
                continue
            keys.add(binding.key)
            found.append(
                next((b for b in own.get(binding.key, ()) if b.action == binding.action), binding)
            )
    return found


class HelpScreen(ModalScreen[None]):
    """Lists the bindings that work on `screen`, then the app's own."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "dismiss", _("Sluiten"))]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.under = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(_("Toetsen"), classes="title")
            yield DataTable(show_cursor=False, zebra_stripes=True)
            yield Static(
                _(
                    "In lijsten: pijltjes en Enter. Tab springt naar het volgende veld. "
                    "De muis werkt ook. Alles wordt meteen bewaard in het sessiebestand."
                ),
                classes="note",
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("toets"), _("wat"), _("waar"))
        where = self.under.title or type(self.under).__name__
        for binding in screen_bindings(self.under):
            table.add_row(self.app.get_key_display(binding), binding.description, where)
        for declared in self.app.BINDINGS:
            if isinstance(declared, Binding) and declared.description:
                table.add_row(self.app.get_key_display(declared), declared.description, _("overal"))
