"""Voting on a statement: one answer from 1 (helemaal oneens) to 5 (helemaal eens)."""

from __future__ import annotations

from game.tui.participant.screens.vote_screen import VoteScreen
from game.tui.participant.widgets.likert_scale import LikertScale
from game.tui.participant.widgets.option_rows import OptionRows


class LikertVoteScreen(VoteScreen):
    """The statement and its five answers."""

    CSS_PATH = ["stage.tcss", "vote.tcss", "likert_vote.tcss"]

    def make_input(self) -> OptionRows:
        """A scale of five."""
        return LikertScale(self.ballot.options, self.check, id="scale")
