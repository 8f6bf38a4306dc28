"""Snapshots of the main screens at 80×24 and 120×40, with a fixed clock and join code.

Look at the SVG diff before accepting a change: `pytest tests/tui/test_snapshots.py
--snapshot-update` rewrites them, and the report shows what moved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from game.engine import Actor
from game.engine import commands as c
from game.store import new_token
from game.tui.live_session import LiveSession
from tests.tui.app_steps import facilitator_app, no_blinking, seeded_session
from tests.tui.conftest import DECK, NOW

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def at_round(path: Path, index: int, *extra: c.Command) -> None:
    """Move the session to round `index` and carry out a few more commands."""
    live = LiveSession.open(path, DECK, lambda: NOW)
    while live.state.round.index < index:
        assert live.send(c.AdvanceRound()) is None
    for command in extra:
        assert live.send(command) is None, command
    live.close()


def statement_votes(path: Path) -> None:
    """A closed likert ballot on the first statement, with five answers."""
    answers = (("Lies", "4"), ("Tom", "5"), ("Ann", "4"), ("Noor", "2"), ("Jan", "3"))
    voters = {name: Actor(new_token()) for name, _ in answers}
    # Some voted before: the facilitator lets them back in, as on the hot seat. That is
    # before the anonymous ballot opens: a token given after it could not vote there.
    live = LiveSession.open(path, DECK, lambda: NOW)
    code = live.state.info.join_code if live.state.info else ""
    for name, voter in voters.items():
        live.store.submit(c.JoinParticipant(name, code, vouch=live.facilitator.token), voter)
    live.close()
    at_round(
        path,
        2,
        c.OpenBallot(
            method="likert",
            source="statement",
            statement_id="stelling-hulp-van-burgers-zinvol",
            anonymous=True,
            reveal="on-close",
        ),
    )
    live = LiveSession.open(path, DECK, lambda: NOW)
    now = dt.datetime.fromtimestamp(NOW, dt.UTC)
    for name, answer in answers:
        live.store.submit(c.CastVote("b2", (answer,)), voters[name], now=now)
    assert live.send(c.CloseBallot("b2")) is None
    live.close()


Prepare = Callable[[Path], None]
SCREENS: dict[str, tuple[Prepare | None, tuple[str, ...]]] = {
    # name: (what to do to the session first, keys to press on the board)
    "board": (None, ()),
    "table": (None, ("t",)),
    "casus": (None, ("enter",)),
    "wat": (lambda p: at_round(p, 1), ("enter",)),
    "stellingen": (statement_votes, ("enter",)),
    "bezorgdheden": (lambda p: at_round(p, 3), ("enter",)),
    "pauze": (lambda p: at_round(p, 4), ("enter",)),
    "aanpakken": (lambda p: at_round(p, 5), ("enter",)),
    "dilemma": (lambda p: at_round(p, 6), ("enter",)),
    "stemming": (lambda p: at_round(p, 7), ("enter",)),
    "actieplan": (lambda p: at_round(p, 8), ("enter",)),
    "afsluiting": (lambda p: at_round(p, 9), ("enter",)),
}


@pytest.mark.usefixtures("fixed_codes")
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(SCREENS))
def test_session_screens(
    name: str, size: tuple[int, int], data_dir: Path, snap_compare: Any
) -> None:
    path = seeded_session(data_dir)
    prepare, keys = SCREENS[name]
    if prepare is not None:
        prepare(path)
    app = facilitator_app(data_dir, session=path)

    async def navigate(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        no_blinking(app)

    assert snap_compare(app, terminal_size=size, run_before=navigate)


@pytest.mark.usefixtures("fixed_codes")
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("keys", [pytest.param((), id="start"), pytest.param(("n",), id="setup")])
def test_start_and_setup(
    keys: tuple[str, ...], size: tuple[int, int], data_dir: Path, snap_compare: Any
) -> None:
    seeded_session(data_dir)
    app = facilitator_app(data_dir)

    async def navigate(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        no_blinking(app)

    assert snap_compare(app, terminal_size=size, run_before=navigate)


MODALS: dict[str, tuple[Prepare | None, tuple[str, ...]]] = {
    # name: (what to do to the session first, keys to press on the board)
    "hulp": (None, ("f1",)),
    "kaart": (None, ("ctrl+p", *"buurtvaders", "enter")),
    "inspiratiebank": (None, ("i",)),
    "notitie": (lambda p: at_round(p, 5), ("enter", "enter", "enter")),
    "stem-doorgeven": (lambda p: at_round(p, 7), ("enter", "o", "d")),
    "actie": (lambda p: at_round(p, 8), ("enter", "a")),
    "actie-wijzigen": (lambda p: at_round(p, 8), ("enter", "enter")),
}


@pytest.mark.usefixtures("fixed_codes")
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", list(MODALS))
def test_dialogs(name: str, size: tuple[int, int], data_dir: Path, snap_compare: Any) -> None:
    path = seeded_session(data_dir)
    prepare, keys = MODALS[name]
    if prepare is not None:
        prepare(path)
    app = facilitator_app(data_dir, session=path)

    async def navigate(pilot: Pilot[None]) -> None:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause(0.5)
        no_blinking(app)

    assert snap_compare(app, terminal_size=size, run_before=navigate)


@pytest.mark.usefixtures("fixed_codes")
@pytest.mark.parametrize("size", SIZES)
def test_path_prompt(size: tuple[int, int], data_dir: Path, snap_compare: Any) -> None:
    seeded_session(data_dir)
    app = facilitator_app(data_dir)

    async def navigate(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        # The default is the test's temporary folder: a fixed path keeps the picture stable.
        app.screen.query_one(Input).value = "~/netwerktafel/sessies/stationsplein.nwt"
        await pilot.pause()
        no_blinking(app)

    assert snap_compare(app, terminal_size=size, run_before=navigate)
