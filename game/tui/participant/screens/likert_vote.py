"""Voting on a statement: one answer from 1 (helemaal oneens) to 5 (helemaal eens)."""

from __future__ import annotations

from game.tui.participant.screens.vote_screen import VoteScreen


class LikertVoteScreen(VoteScreen):
    """The statement and its five answers."""

    CSS_PATH = ["stage.tcss", "vote.tcss", "likert_vote.tcss"]
