"""Voting with dots: spread your dots over the options."""

from __future__ import annotations

from collections import Counter

from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Button

from catalogue import _, ngettext
from game.tui.participant.screens.vote_screen import VoteScreen
from game.tui.participant.widgets.dot_spreader import DotSpreader


class DotsVoteScreen(VoteScreen):
    """The options with room for your dots; tap (or +) adds a dot, - takes one back."""

    CSS_PATH = ["stage.tcss", "vote.tcss", "dots_vote.tcss"]

    def controls(self) -> ComposeResult:
        """Buttons for a touch screen."""
        with HorizontalGroup(classes="buttons"):
            yield Button(_("− stip"), id="remove", compact=True)
            yield Button(_("Alles wissen"), id="clear", compact=True)

    def status(self, choices: tuple[str, ...]) -> str:
        """Dots left to spread."""
        left = self.ballot.dots - sum(Counter(choices).values())
        return ngettext(
            "Nog {left} stip over. Enter of ‘Stem’ om te stemmen.",
            "Nog {left} stippen over. Enter of ‘Stem’ om te stemmen.",
            left,
        ).format(left=left)

    @on(Button.Pressed, "#remove")
    def remove_dot(self) -> None:
        spreader = self.query_one(DotSpreader)
        spreader.action_remove()
        spreader.focus()

    @on(Button.Pressed, "#clear")
    def clear_dots(self) -> None:
        spreader = self.query_one(DotSpreader)
        spreader.clear()
        spreader.focus()
