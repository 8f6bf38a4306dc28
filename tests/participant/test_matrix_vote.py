"""A matrix in the participant app and on the hot seat: two figures per option, typed as
digits, the grid once the results show."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from game.tui.participant.screens.confirmation import ConfirmationScreen
from game.tui.participant.screens.matrix_vote import MatrixVoteScreen
from game.tui.participant.widgets.option_rows import OptionRows
from game.tui.screens.board import BoardScreen
from game.tui.screens.hot_seat import HotSeatScreen
from game.tui.screens.rounds.stemming import StemmingScreen
from game.tui.widgets.tally_bars import TallyBars
from tests.participant.conftest import Table
from tests.participant.pilot_steps import TERMINAL, join, participant_app, screen_is, until
from tests.participant.test_hot_seat import at_the_vote, seat_text
from tests.tui.app_steps import facilitator_app, text_of


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The facilitator app's data folder for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


async def test_the_participant_app_places_every_option(table: Table) -> None:
    app = participant_app(table)
    async with app.run_test(size=TERMINAL) as pilot:
        await join(pilot, table.code, "Ann")
        ballot = table.open("matrix")
        await until(pilot, screen_is(pilot, MatrixVoteScreen))
        rows = pilot.app.screen.query_one(OptionRows)
        await pilot.press("4", "2", "5")
        assert rows.choices == ("1=4/2",)
        status = pilot.app.screen.query_one("#status", Static)
        assert "Nog 2 van 3 te plaatsen" in text_of(status)
        await pilot.press("enter")  # not complete: the engine says what is missing
        assert "nog niet: 2, 3" in text_of(pilot.app.screen.query_one("#problem", Static))
        await pilot.press("6")  # outside the scale: refused on the spot
        await pilot.press("left", "3", "1", "2", "2")
        assert rows.choices == ("1=4/2", "2=3/1", "3=2/2")
        await pilot.press("enter")
        await until(pilot, screen_is(pilot, ConfirmationScreen))
        assert table.ballot(ballot).votes
        mine = text_of(pilot.app.screen.query_one("#mine", Static))
        assert "impact 4, haalbaarheid 2: Wijktafel" in mine
        grid = pilot.app.screen.query_one(TallyBars).render().plain
        assert "snel doen" in grid and "→ haalbaarheid" in grid
        assert "2. Buurtsignaal: impact 3,0 ± 0,0, haalbaarheid 1,0 ± 0,0 → plannen" in grid


async def test_the_hot_seat_takes_a_matrix_vote(data_dir: Path) -> None:
    path = at_the_vote(data_dir)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, StemmingScreen))
        await pilot.press("m", "d")
        await until(pilot, lambda: isinstance(app.screen, HotSeatScreen))
        seat = app.screen
        assert isinstance(seat, HotSeatScreen)
        # A new name: Lies and Tom joined in their own terminals, and on this anonymous
        # ballot they vote there.
        await pilot.pause()
        await pilot.press(*"Noor", "enter")
        await until(pilot, lambda: seat.phase == "vote")
        assert "voor impact en voor haalbaarheid" in " ".join(seat_text(seat).split())
        size = len(seat.ballot.options)
        await pilot.press(*"34" * size, "enter")
        await until(pilot, lambda: seat.phase == "thanks")
        (vote,) = seat.ballot.votes.values()
        assert vote.choices == tuple(f"{n}=3/4" for n in range(1, size + 1))
