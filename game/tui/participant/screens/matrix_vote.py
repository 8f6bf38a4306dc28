"""Voting on a matrix: every option on two 1–5 scales (impact × haalbaarheid)."""

from __future__ import annotations

from catalogue import _, current_language
from game.engine.ballots import axes_of
from game.tui.participant.screens.vote_screen import VoteScreen


class MatrixVoteScreen(VoteScreen):
    """The options, each with a figure for both scales."""

    CSS_PATH = ["stage.tcss", "vote.tcss", "matrix_vote.tcss"]

    def status(self, choices: tuple[str, ...]) -> str:
        """How many options still need both figures."""
        first, second = axes_of(self.ballot, current_language())
        total = len(self.ballot.options)
        left = total - len(choices)
        if left:
            return _("Kolommen: {first} / {second}. Nog {left} van {total} te plaatsen.").format(
                first=first, second=second, left=left, total=total
            )
        return _("Alles geplaatst. Enter of ‘Stem’ om je stem uit te brengen.")
