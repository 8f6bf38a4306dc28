"""The rows every ballot widget is made of: one per option, clickable, with a cursor.

A ballot widget only shows options and what the participant picked; whether a pick is
allowed is asked of `check` (the engine's `vote_problem`, given by the screen), so no rule
of the game lives here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalGroup
from textual.events import Click, Key
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Static

from catalogue import _
from game.engine import BallotOption

VoteCheck = Callable[[tuple[str, ...]], "str | None"]
"""Why a set of choices is not a valid vote (in Dutch), or None: the engine's rule."""


def digit(index: int) -> str:
    """The key that picks option `index` (1–9), shown before it; a space from the tenth on."""
    return str(index + 1) if index < 9 else " "


class OptionRow(Static):
    """One option: its mark (dots, place, ticked) and its label, on as many lines as needed."""

    class Pressed(Message):
        """The row was clicked or tapped."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, index: int) -> None:
        super().__init__(classes="option-row")
        self.index = index

    def on_click(self, event: Click) -> None:
        event.stop()
        self.post_message(self.Pressed(self.index))


class OptionRows(VerticalGroup, can_focus=True):
    """Options as rows with a cursor. Subclasses say what a row shows and what picking does.

    Keys: up/down move the cursor, a digit jumps to that option. Enter is left to the
    screen: it casts the vote.
    """

    BINDINGS = [
        Binding("up", "cursor(-1)", _("Omhoog"), show=False),
        Binding("down", "cursor(1)", _("Omlaag"), show=False),
    ]

    cursor: reactive[int] = reactive(0, init=False)

    class Changed(Message):
        """The participant's choices changed."""

        def __init__(self, choices: tuple[str, ...]) -> None:
            super().__init__()
            self.choices = choices

    class Blocked(Message):
        """A pick was not allowed; `reason` says why, in Dutch."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(
        self,
        options: Sequence[BallotOption],
        check: VoteCheck,
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.options = tuple(options)
        self.check = check

    @property
    def choices(self) -> tuple[str, ...]:
        """The vote as option ids, in the form `CastVote` takes."""
        raise NotImplementedError

    def preset(self, choices: tuple[str, ...]) -> None:
        """Show an earlier vote, to change it."""
        raise NotImplementedError

    def mark(self, index: int) -> str:
        """What stands before option `index`: its dots, its place, a tick."""
        raise NotImplementedError

    def pick(self, index: int) -> None:
        """What a click, a tap, space or the option's digit does to option `index`."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        for index in range(len(self.options)):
            yield OptionRow(index)

    def on_mount(self) -> None:
        self.redraw()

    def order(self) -> list[int]:
        """Option indices in the order the rows show them (a ranking reorders them)."""
        return list(range(len(self.options)))

    def redraw(self) -> None:
        """Bring every row up to date with the choices and the cursor."""
        order = self.order()
        for position, row in enumerate(self.query(OptionRow)):
            index = order[position]
            line = Text(f"{self.mark(index)} ", style="bold")
            # Labels come from the facilitator: plain text, never markup.
            line.append(self.options[index].label)
            row.update(line)
            row.set_class(position == self.cursor, "-cursor")

    def watch_cursor(self) -> None:
        self.redraw()
        rows = list(self.query(OptionRow))
        if 0 <= self.cursor < len(rows):
            rows[self.cursor].scroll_visible()

    def action_cursor(self, step: int) -> None:
        """Move the cursor up or down one row."""
        self.cursor = max(0, min(len(self.options) - 1, self.cursor + step))

    def on_option_row_pressed(self, event: OptionRow.Pressed) -> None:
        event.stop()
        self.focus()
        self.cursor = event.index
        self.pick(self.order()[event.index])

    def on_key(self, event: Key) -> None:
        character = event.character
        if character and character.isdigit() and character != "0":
            position = int(character) - 1
            if position < len(self.options):
                event.stop()
                self.cursor = position
                self.pick(self.order()[position])

    def changed(self) -> None:
        """Redraw and tell the screen."""
        self.redraw()
        self.post_message(self.Changed(self.choices))

    def allowed(self, proposed: tuple[str, ...]) -> bool:
        """Whether the engine takes `proposed` as a vote; if not, say why."""
        problem = self.check(proposed)
        if problem is not None:
            self.post_message(self.Blocked(problem))
            return False
        return True
