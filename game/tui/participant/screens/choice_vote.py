"""Voting by choice: one option, or up to a few."""

from __future__ import annotations

from game.tui.participant.screens.vote_screen import VoteScreen


class ChoiceVoteScreen(VoteScreen):
    """The options to choose from."""

    CSS_PATH = ["stage.tcss", "vote.tcss", "choice_vote.tcss"]
