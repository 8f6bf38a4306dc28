"""Voting by ranking: put the options in order, best first."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.widgets import Button

from catalogue import _
from game.tui.participant.screens.vote_screen import VoteScreen
from game.tui.participant.widgets.rank_list import RankList


class RankingVoteScreen(VoteScreen):
    """The options in your order; move the one under the cursor up or down."""

    CSS_PATH = ["stage.tcss", "vote.tcss", "ranking_vote.tcss"]

    def controls(self) -> ComposeResult:
        """Buttons for a touch screen."""
        with HorizontalGroup(classes="buttons"):
            yield Button(_("▲ Hoger"), id="up", compact=True)
            yield Button(_("▼ Lager"), id="down", compact=True)

    @on(Button.Pressed, "#up")
    def move_up(self) -> None:
        ranking = self.query_one(RankList)
        ranking.action_move(-1)
        ranking.focus()

    @on(Button.Pressed, "#down")
    def move_down(self) -> None:
        ranking = self.query_one(RankList)
        ranking.action_move(1)
        ranking.focus()
