"""A list of options to choose from: one (like a radio button) or several (ticks)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding

from catalogue import _
from game.engine import BallotOption
from game.tui.participant.widgets.option_rows import OptionRows, VoteCheck, digit


class ChoiceList(OptionRows):
    """The options; `several` ticks boxes, otherwise a new pick replaces the old one."""

    BINDINGS = [Binding("space", "pick_cursor", _("Kiezen"))]

    def __init__(
        self,
        options: Sequence[BallotOption],
        check: VoteCheck,
        *,
        several: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(options, check, id=id)
        self.several = several
        self.chosen: list[str] = []

    @property
    def choices(self) -> tuple[str, ...]:
        """The chosen option ids, in option order."""
        return tuple(o.id for o in self.options if o.id in self.chosen)

    def preset(self, choices: tuple[str, ...]) -> None:
        """Show an earlier choice."""
        self.chosen = list(choices)
        self.changed()

    def mark(self, index: int) -> str:
        """The option's key, then a tick box, or a radio circle when only one may be chosen."""
        on = self.options[index].id in self.chosen
        if self.several:
            return f"{digit(index)} " + ("[x]" if on else "[ ]")
        return f"{digit(index)} " + ("◉" if on else "○")

    def pick(self, index: int) -> None:
        """Choose option `index`, or un-choose it when it was chosen."""
        option = self.options[index].id
        if option in self.chosen:
            self.chosen.remove(option)
            self.changed()
            return
        if not self.several:
            proposed: tuple[str, ...] = (option,)
        else:
            proposed = (*self.choices, option)
        if self.allowed(proposed):
            self.chosen = list(proposed)
            self.changed()

    def action_pick_cursor(self) -> None:
        """Choose (or un-choose) the option under the cursor."""
        self.pick(self.cursor)
