"""A list to put in order of preference: best first."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding

from catalogue import _
from game.engine import BallotOption
from game.tui.participant.widgets.option_rows import OptionRow, OptionRows, VoteCheck


class RankList(OptionRows):
    """Every option, in the participant's order; the row under the cursor moves."""

    BINDINGS = [
        Binding("plus,shift+up", "move(-1)", _("Hoger")),
        Binding("minus,shift+down", "move(1)", _("Lager")),
    ]

    def __init__(
        self, options: Sequence[BallotOption], check: VoteCheck, *, id: str | None = None
    ) -> None:
        super().__init__(options, check, id=id)
        self.ranking: list[int] = list(range(len(self.options)))

    @property
    def choices(self) -> tuple[str, ...]:
        """Option ids, best first."""
        return tuple(self.options[index].id for index in self.ranking)

    def order(self) -> list[int]:
        """The rows follow the ranking."""
        return self.ranking

    def preset(self, choices: tuple[str, ...]) -> None:
        """Show an earlier ranking; options it left out come last, in their own order."""
        ids = [o.id for o in self.options]
        ranked = [ids.index(choice) for choice in choices if choice in ids]
        self.ranking = ranked + [i for i in range(len(ids)) if i not in ranked]
        self.changed()

    def mark(self, index: int) -> str:
        """The option's place."""
        return f"{self.ranking.index(index) + 1:>2}."

    def pick(self, index: int) -> None:
        """A tap only puts the cursor on the row (done by `OptionRows`)."""

    def on_option_row_pressed(self, event: OptionRow.Pressed) -> None:
        event.stop()
        self.focus()
        self.cursor = event.index

    def action_move(self, step: int) -> None:
        """Move the option under the cursor one place up (-1) or down (1)."""
        here = self.cursor
        there = here + step
        if not 0 <= there < len(self.ranking):
            return
        proposed = list(self.ranking)
        proposed[here], proposed[there] = proposed[there], proposed[here]
        if self.allowed(tuple(self.options[i].id for i in proposed)):
            self.ranking = proposed
            self.cursor = there
            self.changed()
