"""Every option placed on two 1–5 scales (impact × haalbaarheid): a digit per scale."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding
from textual.events import Key

from catalogue import _
from game.engine import BallotOption
from game.engine.ballots import MATRIX_SCALE, matrix_choice, matrix_places
from game.tui.participant.widgets.option_rows import OptionRows, VoteCheck


class MatrixPlaces(OptionRows):
    """The options, each with its two figures; the figure to type next is bracketed.

    A digit 1–5 fills the bracketed figure and moves on (impact, then haalbaarheid, then
    the next option); ← and → switch scale, ↑ and ↓ option. A tap puts the cursor on an
    option. The engine decides whether the whole is a vote (every option, both scales).
    """

    BINDINGS = [
        Binding("left", "axis(0)", _("Eerste schaal"), show=False),
        Binding("right", "axis(1)", _("Tweede schaal"), show=False),
        Binding("backspace", "erase", _("Wissen"), show=False),
    ]

    def __init__(
        self,
        options: Sequence[BallotOption],
        check: VoteCheck,
        axes: tuple[str, str],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(options, check, id=id)
        self.axes = axes
        self.axis = 0
        self.places: dict[str, list[int | None]] = {o.id: [None, None] for o in self.options}

    @property
    def choices(self) -> tuple[str, ...]:
        """`ID=A/B` for every option placed on both scales, in option order."""
        return tuple(
            matrix_choice(option_id, a, b)
            for option_id, (a, b) in self.places.items()
            if a is not None and b is not None
        )

    def preset(self, choices: tuple[str, ...]) -> None:
        """Show an earlier vote."""
        for option_id, (a, b) in matrix_places(choices).items():
            if option_id in self.places:
                self.places[option_id] = [a, b]
        self.changed()

    def mark(self, index: int) -> str:
        """The option's two figures, `·` where none yet, the one to type bracketed."""
        figures = self.places[self.options[index].id]
        cells = []
        for axis, value in enumerate(figures):
            shown = str(value) if value is not None else "·"
            here = index == self.cursor and axis == self.axis and self.has_focus
            cells.append(f"[{shown}]" if here else f" {shown} ")
        return f"{self.options[index].id:>2} {cells[0]}/{cells[1]}"

    def pick(self, index: int) -> None:
        """A tap on an option starts at its first scale."""
        self.axis = 0
        self.redraw()

    def on_key(self, event: Key) -> None:
        character = event.character
        if character is None or not character.isdigit():
            return
        # A digit is a figure here, not a jump to an option as in the other widgets.
        event.stop()
        event.prevent_default()
        value = int(character)
        if value not in MATRIX_SCALE:
            self.post_message(
                self.Blocked(_("{axis} gaat van 1 tot 5").format(axis=self.axes[self.axis]))
            )
            return
        self.places[self.options[self.cursor].id][self.axis] = value
        if self.axis == 0:
            self.axis = 1
        elif self.cursor < len(self.options) - 1:
            self.axis = 0
            self.cursor += 1
        self.changed()

    def action_axis(self, axis: int) -> None:
        """Type the figure of the other scale next."""
        self.axis = axis
        self.redraw()

    def action_erase(self) -> None:
        """Clear the bracketed figure."""
        self.places[self.options[self.cursor].id][self.axis] = None
        self.changed()

    def on_focus(self) -> None:
        self.redraw()

    def on_blur(self) -> None:
        self.redraw()
