"""A scale of five answers, 1 to 5, one to pick."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding

from catalogue import _
from game.engine import BallotOption
from game.tui.participant.widgets.option_rows import OptionRows, VoteCheck


class LikertScale(OptionRows):
    """The statement's answers from 1 to 5; the one picked is filled in."""

    BINDINGS = [Binding("space", "pick_cursor", _("Kiezen"))]

    def __init__(
        self, options: Sequence[BallotOption], check: VoteCheck, *, id: str | None = None
    ) -> None:
        super().__init__(options, check, id=id)
        self.answer: str | None = None

    @property
    def choices(self) -> tuple[str, ...]:
        """The one answer, or nothing yet."""
        return (self.answer,) if self.answer is not None else ()

    def preset(self, choices: tuple[str, ...]) -> None:
        """Show an earlier answer."""
        self.answer = choices[0] if choices else None
        ids = [o.id for o in self.options]
        if self.answer in ids:
            self.cursor = ids.index(self.answer)
        self.changed()

    def mark(self, index: int) -> str:
        """A filled circle for the answer picked, and the answer's number."""
        option = self.options[index]
        number = option.id if option.id.isdigit() else "–"
        return f"{'◉' if option.id == self.answer else '○'} {number}"

    def pick(self, index: int) -> None:
        """Pick answer `index`."""
        proposed = (self.options[index].id,)
        if self.allowed(proposed):
            self.answer = proposed[0]
            self.changed()

    def action_pick_cursor(self) -> None:
        """Pick the answer under the cursor."""
        self.pick(self.cursor)
