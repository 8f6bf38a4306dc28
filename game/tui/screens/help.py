"""Every key binding of the screen underneath and of the app, in one table."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Static


class HelpScreen(ModalScreen[None]):
    """Lists the bindings that work on `screen`, then the app's own."""

    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,f1,q", "dismiss", "Sluiten")]

    def __init__(self, screen: Screen[object]) -> None:
        super().__init__()
        self.under = screen

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("Toetsen", classes="title")
            yield DataTable(show_cursor=False, zebra_stripes=True)
            yield Static(
                "Ctrl+P opent het commandopalet: zoek er elke kaart op naam.", classes="note"
            )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("toets", "wat", "waar")
        for where, bindings in (
            (self.under.title or type(self.under).__name__, self.under.BINDINGS),
            ("overal", self.app.BINDINGS),
        ):
            for binding in bindings:
                if isinstance(binding, Binding) and binding.description:
                    table.add_row(self.app.get_key_display(binding), binding.description, where)
