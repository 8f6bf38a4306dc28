"""The agenda: every round of the workshop with its time box, the current one marked."""

from __future__ import annotations

from collections.abc import Callable

from rich.table import Table
from rich.text import Text as RichText
from textual.widgets import Static

from catalogue import _
from game.engine import RoundPlan, SessionState


class Agenda(Static):
    """Rounds done (✓), the current round (▶) and what is still to come."""

    def show(self, state: SessionState, title_of: Callable[[RoundPlan], str]) -> None:
        """Draw the rounds of `state`, each called by `title_of`."""
        info = state.info
        grid = Table.grid(expand=True, padding=(0, 1))
        grid.add_column(width=1)
        # Titles wrap rather than end in `…`: nine rounds fit at 80×24 even on two lines.
        grid.add_column(ratio=1, overflow="fold")
        grid.add_column(justify="right", no_wrap=True)
        if info is None or not info.rounds:
            self.update(_("Geen rondes."))
            return
        current = state.round.index
        for index, plan in enumerate(info.rounds):
            extra = state.round.extra_minutes[index]
            minutes = f"{plan.minutes}+{extra}'" if extra else f"{plan.minutes}'"
            title = title_of(plan) + (" " + _("(opt.)") if plan.optional else "")
            if index < current:
                mark, style = "✓", "dim"
            elif index == current:
                mark, style = "▶", "bold reverse"
            else:
                mark, style = " ", ""
            grid.add_row(mark, RichText(title, style=style), RichText(minutes, style="dim"))
        total = sum(p.minutes for p in info.rounds) + sum(state.round.extra_minutes)
        grid.add_row("", RichText(_("totaal"), style="dim"), RichText(f"{total}'", style="dim"))
        self.update(grid)
