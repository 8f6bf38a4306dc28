"""The stakeholder × form grid: which approaches each stakeholder chose, per form."""

from __future__ import annotations

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text as RichText
from textual.widgets import Static

from catalogue import _
from deck import Deck
from deck.model import FormCard
from game.engine import SessionState
from game.tui.deck_text import card_title, deck_text, seat_name

MAX_NAME_WIDTH = 18
"""A longer name folds onto a second line."""

MIN_NAME_WIDTH = 12
"""What a name keeps when the form titles take the width: whole words, not three letters."""


def fair_widths(wanted: list[int], room: int) -> list[int]:
    """Column widths within `room`: each its wanted width when all fit, and the room left
    shared out; else the narrow ones whole and the wide ones an equal share of the rest."""
    if not wanted:
        return []
    if sum(wanted) <= room:
        spare = (room - sum(wanted)) // len(wanted)
        return [width + spare for width in wanted]
    widths = [0] * len(wanted)
    left = max(room, len(wanted))
    for done, index in enumerate(sorted(range(len(wanted)), key=wanted.__getitem__)):
        widths[index] = max(1, min(wanted[index], left // (len(wanted) - done)))
        left -= widths[index]
    return widths


class ApproachGrid(Static):
    """One row per stakeholder at the table, one column per participation form."""

    _shown: tuple[SessionState, Deck] | None = None

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def show(self, state: SessionState, deck: Deck) -> None:
        """Draw the approaches of `state`."""
        forms = [(form.id, deck_text(deck, form.title)) for form in deck.of_type(FormCard)]
        known = {form_id for form_id, _ in forms}
        extra = sorted({a.form for a in state.approaches.values()} - known)
        forms += [(form_id, form_id) for form_id in extra]
        self._shown = (state, deck)
        present = [s for s in state.stakeholders.values() if s.present]
        table = Table(
            show_edge=False, pad_edge=False, box=None, show_lines=False, padding=(0, 1, 0, 0)
        )
        # Names and form titles keep their whole width when they fit; the approaches share
        # the rest, one line each, cut short when narrow, so every stakeholder stays in view.
        # When they do not fit (long form titles, in French), a name keeps room for a word
        # or two and the form titles are cut instead.
        heads = [cell_len(title) for _, title in forms]
        gaps = len(forms)  # one space between columns; none at the edges (pad_edge)
        total = _("totaal")
        names = max((cell_len(seat_name(deck, s)) for s in present), default=0)
        natural = max(cell_len(total), min(names, MAX_NAME_WIDTH))
        room = self.size.width - gaps - sum(heads)
        name_width = (
            natural if room >= natural else max(cell_len(total), min(natural, MIN_NAME_WIDTH))
        )
        widths = fair_widths(heads, self.size.width - gaps - name_width)
        table.add_column(_("Wie"), style="bold", width=name_width, overflow="fold")
        for (_form_id, title), width in zip(forms, widths, strict=True):
            table.add_column(
                RichText(title, no_wrap=True),
                width=width,
                no_wrap=True,
                overflow="ellipsis",
            )
        if not present:
            self.update(RichText(_("Nog niemand aan tafel."), style="dim"))
            return
        counts = dict.fromkeys(known | set(extra), 0)
        for stakeholder in present:
            cells = []
            for form_id, _title in forms:
                titles = [
                    card_title(deck, a.card_id, a.card_title)
                    for a in state.approaches.values()
                    if a.stakeholder_id == stakeholder.id and a.form == form_id
                ]
                counts[form_id] += len(titles)
                cells.append(
                    RichText("\n".join(titles), no_wrap=True, overflow="ellipsis")
                    if titles
                    else RichText("·", style="dim")
                )
            table.add_row(seat_name(deck, stakeholder), *cells)
        table.add_row(
            RichText(total, style="dim"),
            *[RichText(str(counts[form_id]), style="dim") for form_id, _ in forms],
        )
        self.update(table)
