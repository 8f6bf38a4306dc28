"""Dots to spread over the options: tap or + to add a dot, - to take one back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from textual.binding import Binding

from catalogue import _
from game.engine import BallotOption
from game.tui.participant.widgets.option_rows import OptionRows, VoteCheck, digit


class DotSpreader(OptionRows):
    """The options with the dots the participant gave each; `budget` dots in all."""

    BINDINGS = [
        Binding("plus,right,space", "add", _("Stip erbij")),
        Binding("minus,left,backspace", "remove", _("Stip eraf")),
    ]

    def __init__(
        self,
        options: Sequence[BallotOption],
        check: VoteCheck,
        budget: int,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(options, check, id=id)
        self.budget = budget
        self.dots: Counter[str] = Counter()

    @property
    def choices(self) -> tuple[str, ...]:
        """One option id per dot, in option order (stacked dots repeat the id)."""
        return tuple(o.id for o in self.options for _ in range(self.dots[o.id]))

    @property
    def used(self) -> int:
        """How many dots are placed."""
        return sum(self.dots.values())

    def preset(self, choices: tuple[str, ...]) -> None:
        """Show an earlier vote, to change it."""
        self.dots = Counter(choices)
        self.changed()

    def mark(self, index: int) -> str:
        """The option's key, then filled dots for the dots given, padded so labels line up."""
        given = self.dots[self.options[index].id]
        return f"{digit(index)} " + ("●" * given).ljust(min(self.budget, 5), "·")

    def pick(self, index: int) -> None:
        """A tap adds a dot."""
        self.add(index)

    def add(self, index: int) -> None:
        """Put one more dot on option `index`, if the engine allows it."""
        proposed = (*self.choices, self.options[index].id)
        if self.allowed(proposed):
            self.dots[self.options[index].id] += 1
            self.changed()

    def action_add(self) -> None:
        """One more dot on the option under the cursor."""
        self.add(self.cursor)

    def action_remove(self) -> None:
        """One dot less on the option under the cursor."""
        option = self.options[self.cursor].id
        if self.dots[option]:
            self.dots[option] -= 1
            self.changed()

    def clear(self) -> None:
        """Take back every dot."""
        self.dots.clear()
        self.changed()
