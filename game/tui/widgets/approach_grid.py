"""The stakeholder × form grid: which approaches each stakeholder chose, per form."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text as RichText
from textual.widgets import Static

from deck import Deck
from deck.model import FormCard
from game.engine import SessionState


class ApproachGrid(Static):
    """One row per stakeholder at the table, one column per participation form."""

    def show(self, state: SessionState, deck: Deck) -> None:
        """Draw the approaches of `state`."""
        forms = [(form.id, str(form.title)) for form in deck.of_type(FormCard)]
        known = {form_id for form_id, _ in forms}
        extra = sorted({a.form for a in state.approaches.values()} - known)
        forms += [(form_id, form_id) for form_id in extra]
        table = Table(expand=True, show_edge=False, pad_edge=False, box=None, show_lines=False)
        table.add_column("Wie", ratio=2, style="bold", no_wrap=True, overflow="ellipsis")
        for _, title in forms:
            # One line per approach, cut short when narrow: every stakeholder stays in view.
            table.add_column(RichText(title, no_wrap=True, overflow="ellipsis"), ratio=3,
                             no_wrap=True, overflow="ellipsis")
        present = [s for s in state.stakeholders.values() if s.present]
        if not present:
            self.update(RichText("Nog niemand aan tafel.", style="dim"))
            return
        counts = dict.fromkeys(known | set(extra), 0)
        for stakeholder in present:
            cells = []
            for form_id, _ in forms:
                titles = [
                    a.card_title
                    for a in state.approaches.values()
                    if a.stakeholder_id == stakeholder.id and a.form == form_id
                ]
                counts[form_id] += len(titles)
                cells.append(
                    RichText("\n".join(titles), no_wrap=True, overflow="ellipsis")
                    if titles
                    else RichText("·", style="dim")
                )
            table.add_row(stakeholder.name, *cells)
        table.add_row(
            RichText("totaal", style="dim"),
            *[RichText(str(counts[form_id]), style="dim") for form_id, _ in forms],
        )
        self.update(table)
