"""Paper slips typed in on the facilitator's screen: one key per option (two figures per
option of a matrix), a running total, undo per slip; each slip a vote of "papier N" that
`session show --json` lists. And `m` opens a matrix by hand, `g` a statement with
"geen mening"."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from textual.widgets import Input

from game.engine import tally
from game.tui.screens.board import BoardScreen
from game.tui.screens.paper_slips import PaperSlipsScreen
from game.tui.screens.rounds.actieplan import ActieplanScreen
from game.tui.screens.rounds.stellingen import StellingenScreen
from game.tui.screens.rounds.stemming import StemmingScreen
from tests.cli_inprocess import invoke
from tests.tui.app_steps import (
    facilitator_app,
    seeded_session,
    session_state_of,
    text_of,
    until,
    write,
)


@pytest.mark.slow
async def test_thirty_slips_on_a_matrix_end_up_in_session_show(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    draw = random.Random(15)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        while not isinstance(app.screen, StemmingScreen):
            await pilot.press("n", "enter")
            await pilot.pause()
            if not isinstance(app.screen, StemmingScreen):
                await pilot.press("escape")
        live = app.screen.live
        await pilot.press("m")
        await pilot.pause()
        (ballot,) = live.state.ballots.values()
        assert ballot.method == "matrix" and ballot.axes == ("impact", "haalbaarheid")
        size = len(ballot.options)
        slips = [[draw.randint(1, 5) for _ in range(2 * size)] for _ in range(30)]
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PaperSlipsScreen))
        screen = app.screen
        for slip in slips:
            await pilot.press(*map(str, slip))
        await pilot.pause()
        assert "Ingevoerd: 30 stembrieven op papier." in text_of(screen.query_one("#count"))
        # A figure outside 1–5 is refused on the screen; the slip goes on.
        await pilot.press("7")
        assert "1 tot 5" in text_of(screen.query_one("#problem"))
        # Undo per slip: a wrong 31st slip taken back, then typed again.
        await pilot.press(*"11" * size, "u")
        await pilot.pause()
        assert len(live.state.ballots[ballot.id].paper_votes) == 30
        await pilot.press(*"5", "backspace", *"23" * size)
        await pilot.pause()
        assert "Ingevoerd: 31 stembrieven op papier." in text_of(screen.query_one("#count"))
        await pilot.press("escape")
    shown = json.loads(invoke("session", "show", path, "--json").stdout)
    (ballot_view,) = shown["ballots"]
    assert ballot_view["paper_votes"] == 31 and ballot_view["voters"] == 31
    # The werkvorm shows the result when the ballot closes.
    assert ballot_view["tally"] is None
    assert invoke("session", "close-ballot", path, ballot.id).code == 0
    ballot_view = json.loads(invoke("session", "show", path, "--json").stdout)["ballots"][0]
    result = ballot_view["tally"]
    assert result["paper"] == 31
    impacts = [slip[0] for slip in slips] + [2]
    means = result["matrix"]["points"][0]["means"]
    assert means[0] == round(sum(impacts) / 31, 2)
    with session_state_of(path) as store:
        paper = store.state.ballots[ballot.id].paper_votes
    assert sorted(paper) == list(range(1, 32))
    numbers = range(1, size + 1)
    assert paper[1].choices == tuple(
        f"{n}={slips[0][2 * n - 2]}/{slips[0][2 * n - 1]}" for n in numbers
    )
    assert paper[31].choices == tuple(f"{n}=2/3" for n in numbers)


async def test_g_opens_a_statement_with_geen_mening_and_slips_count_it(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        while not isinstance(app.screen, StellingenScreen):
            await pilot.press("n", "enter")
            await pilot.pause()
            if not isinstance(app.screen, StellingenScreen):
                await pilot.press("escape")
        live = app.screen.live
        await pilot.press("g")
        await pilot.pause()
        (ballot,) = live.state.ballots.values()
        assert ballot.method == "likert" and ballot.no_opinion
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, PaperSlipsScreen))
        await pilot.press("4", "0", "5", "9")
        await pilot.pause()
        assert "Er is geen optie 9" in text_of(app.screen.query_one("#problem"))
        await pilot.press("escape", "c", "p")
        await pilot.pause()
        assert not isinstance(app.screen, PaperSlipsScreen)
    shown = json.loads(invoke("session", "show", path, "--json").stdout)
    result = shown["ballots"][0]["tally"]
    assert result["paper"] == 3 and result["no_opinion"] == 1
    assert [row["count"] for row in result["rows"]] == [0, 0, 0, 1, 1]


async def test_consent_slips_from_the_action_plan_with_a_reason(data_dir: Path) -> None:
    path = seeded_session(data_dir)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        while not isinstance(app.screen, ActieplanScreen):
            await pilot.press("n", "enter")
            await pilot.pause()
            if not isinstance(app.screen, ActieplanScreen):
                await pilot.press("escape")
        live = app.screen.live
        await pilot.press("p")  # no consent runs yet: says so, stays
        await pilot.pause()
        assert isinstance(app.screen, ActieplanScreen)
        await pilot.press("k", "p")
        await until(pilot, lambda: isinstance(app.screen, PaperSlipsScreen))
        slips = app.screen
        await pilot.press("4")  # blokkeren: the reason on the slip is typed first
        reason = slips.query_one("#reason", Input)
        assert reason.display and reason.has_focus
        await pilot.press("enter")  # no reason: refused, nothing counted
        assert "reden" in text_of(slips.query_one("#problem"))
        await write(pilot, "geen budget dit jaar")
        await pilot.press("enter", "1")
        await pilot.pause()
        assert "Ingevoerd: 2 stembrieven op papier." in text_of(slips.query_one("#count"))
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ActieplanScreen))
        table = app.screen.query_one("#actions")
        await until(pilot, lambda: "GEBLOKKEERD" in text_of(table))
        # Slips count in the plan's running total as votes do.
        assert "instemming loopt (2" in " ".join(text_of(table).replace("│", " ").split())
    (ballot,) = [b for b in live.state.ballots.values() if b.method == "consent"]
    assert tally(ballot).reasons == (("blokkeren", "geen budget dit jaar"),)
    assert tally(ballot).paper == 2
