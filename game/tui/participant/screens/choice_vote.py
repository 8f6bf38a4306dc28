"""Voting by choice: one option, or up to a few."""

from __future__ import annotations

from game.tui.participant.screens.vote_screen import VoteScreen
from game.tui.participant.widgets.choice_list import ChoiceList
from game.tui.participant.widgets.option_rows import OptionRows


class ChoiceVoteScreen(VoteScreen):
    """The options to choose from."""

    CSS_PATH = ["stage.tcss", "vote.tcss", "choice_vote.tcss"]

    def make_input(self) -> OptionRows:
        """A list to choose from."""
        return ChoiceList(
            self.ballot.options, self.check, several=self.ballot.max_choices > 1, id="choice"
        )
