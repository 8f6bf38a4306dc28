"""Steps the facilitator app's tests share: build the app, wait for a condition, read text."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path

from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, TextArea

from game.engine import Actor
from game.engine import commands as c
from game.store import SessionStore, new_token
from game.tui.app import NetwerktafelApp, build_app
from game.tui.live_session import LiveSession
from tests.tui.conftest import DECK, NOW
from workshops import builtin_workshops

NETWERKTAFEL = str(Path(sys.executable).with_name("netwerktafel"))
"""The console script of this environment, for votes from another process."""


def facilitator_app(data_dir: Path, *, session: Path | None = None) -> NetwerktafelApp:
    """The app on the default deck with the test clock."""
    return build_app(data_dir=data_dir, clock=lambda: NOW, session=session, deck=DECK)


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 5.0) -> None:
    """Let the app run until `condition` holds; fail after `timeout` seconds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {condition}")
        await pilot.pause(0.05)


def text_of(widget: Widget) -> str:
    """What a widget shows on screen now, as plain text (its own content, not children's)."""
    region = Region(0, 0, widget.region.width, widget.region.height)
    return "\n".join(strip.text.rstrip() for strip in widget.render_lines(region))


def no_blinking(app: NetwerktafelApp) -> None:
    """Stop every text cursor blinking, so a snapshot is the same each run."""
    for box in app.screen.query(Input):
        box.cursor_blink = False
    for area in app.screen.query(TextArea):
        area.cursor_blink = False


def seeded_session(data_dir: Path, *, votes: bool = True) -> Path:
    """A session part-way through a netwerktafel: three stakeholders, concerns, approaches
    and, with `votes`, a closed dot vote with four voters and one action."""
    path = data_dir / "sessies" / "stationsplein.nwt"
    clock = lambda: NOW  # noqa: E731
    live = LiveSession.create(
        path,
        deck=DECK,
        deck_path=None,
        workshop=builtin_workshops()["netwerktafel"],
        case="Overlast op het stationsplein\n\nSinds de zomer hangen jongeren 's avonds rond "
        "op het plein; handelaars en ouderen klagen.\n\nThema: Overlast",
        clock=clock,
    )
    steps: list[c.Command] = [
        c.AddStakeholder("burgemeester", "Ann"),
        c.AddStakeholder("korpschef", "Bert"),
        c.AddStakeholder("jongere", "Sam"),
        c.RecordConcern("s1", "algemeen-belang", "wie spreekt voor de hele buurt?"),
        c.RecordConcern("s2", "efficientie", "kost te veel tijd"),
        c.RecordApproach("s1", "buurtvaders", "vaders uit de wijk"),
        c.RecordApproach("s2", "website-veiligheid"),
        c.RecordApproach("s2", "sociale-media"),
    ]
    for step in steps:
        assert live.send(step) is None, step
    if votes:
        assert live.send(c.OpenBallot(method="dots", source="approaches")) is None
        now = dt.datetime.fromtimestamp(NOW, dt.UTC)
        for name, choices in (
            ("Lies", ("1", "1", "2")),
            ("Tom", ("1", "3", "3")),
            ("Ann", ("1", "2", "3")),
            ("Noor", ("1", "1", "1")),
        ):
            voter = Actor(new_token())
            code = live.state.info.join_code if live.state.info else ""
            live.store.submit_many(
                [(c.JoinParticipant(name, code), voter), (c.CastVote("b1", choices), voter)],
                now=now,
            )
        assert live.send(c.CloseBallot("b1")) is None
        assert (
            live.send(
                c.AddAction("Buurtvaders starten", owner="s1", approach_id="a1", due="2026-04-01")
            )
            is None
        )
    live.close()
    return path


def session_state_of(path: Path) -> SessionStore:
    """The session file opened afresh (close it after use)."""
    return SessionStore.open(path)


async def write(pilot: Pilot[None], text: str) -> None:
    """Type `text` into the focused box in one go (pressing every key is slow in tests)."""
    focused = pilot.app.focused
    assert isinstance(focused, Input | TextArea), f"no text box has the focus: {focused}"
    focused.insert_text_at_cursor(text) if isinstance(focused, Input) else focused.insert(text)
    await pilot.pause()
