"""Snapshots of every screen of the participant app, at 80×24 and 120×40.

Look at the SVG diff before accepting a change: `pytest tests/participant/test_snapshots.py
--snapshot-update` rewrites them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from game.engine import Actor
from game.engine import commands as c
from tests.participant.conftest import Table, make_table
from tests.participant.pilot_steps import participant_app

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
STATEMENT = ("De politie moet de veiligheid in mijn buurt garanderen",)


def others_vote(table: Table, ballot_id: str, *votes: tuple[str, ...]) -> None:
    """Other participants vote from their own connections."""
    for number, choices in enumerate(votes):
        voter = Actor(f"sleutel-{number}-" * 4)
        table.store.submit_many(
            [
                (c.JoinParticipant(f"Deelnemer {number + 1}", table.code), voter),
                (c.CastVote(ballot_id, choices), voter),
            ]
        )


def revealed(table: Table) -> None:
    """A closed dot vote whose result shows (when it closes, by default)."""
    ballot = table.open("dots")
    others_vote(table, ballot, ("1", "1", "2"), ("2", "3", "3"), ("1", "2", "2"))
    table.close(ballot)


Setup = Callable[[Table], object]
STAGES: dict[str, tuple[Setup | None, bool, tuple[str, ...]]] = {
    # stage: (what the facilitator did first, whether the app joins at once, keys after)
    "join": (None, False, ()),
    "waiting": (None, True, ()),
    "dots": (lambda t: t.open("dots"), True, ("1",)),
    "ranking": (lambda t: t.open("ranking"), True, ()),
    "likert": (lambda t: t.open("likert", options=STATEMENT), True, ("4",)),
    "choice": (lambda t: t.open("choice"), True, ()),
    "voted": (lambda t: t.open("choice", reveal="after-vote"), True, ("2", "enter")),
    "results": (revealed, True, ()),
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("stage", list(STAGES))
def test_participant_screens(
    stage: str,
    size: tuple[int, int],
    tmp_path: Path,
    snap_compare: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("game.store.new_join_code", lambda: "KM3N7Q")
    table = make_table(tmp_path / "tafel.nwt")
    setup, joins, keys = STAGES[stage]
    if setup is not None:
        setup(table)
    settings = {"code": table.code, "name": "Jan"} if joins else {}
    app = participant_app(table, **settings)

    async def navigate(pilot: Pilot[None]) -> None:
        await pilot.pause(0.3)
        await pilot.press(*keys)
        await pilot.pause(0.3)
        for box in app.screen.query(Input):
            box.cursor_blink = False

    try:
        assert snap_compare(app, terminal_size=size, run_before=navigate)
    finally:
        table.store.close()


@pytest.mark.parametrize("size", SIZES)
def test_name_needed_after_an_anonymous_vote(
    size: tuple[int, int],
    tmp_path: Path,
    snap_compare: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("game.store.new_join_code", lambda: "KM3N7Q")
    monkeypatch.setattr("game.participation.pseudonym", lambda: "anoniem KM3N7Q")
    table = make_table(tmp_path / "tafel.nwt")
    table.open("likert", options=STATEMENT, anonymous=True)
    app = participant_app(table, code=table.code)

    async def navigate(pilot: Pilot[None]) -> None:
        await pilot.pause(0.3)
        await pilot.click("#anonymous")
        await pilot.pause(0.3)
        await pilot.press("4", "enter")
        await pilot.pause(0.3)
        table.open("choice")
        await pilot.pause(0.8)
        for box in app.screen.query(Input):
            box.cursor_blink = False

    try:
        assert snap_compare(app, terminal_size=size, run_before=navigate)
    finally:
        table.store.close()
