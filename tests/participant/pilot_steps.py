"""Steps the participant app tests share: start the app, join, wait for a screen."""

from __future__ import annotations

import time
from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Input

from game.participation import JoinThrottle
from game.store import SessionStore
from game.tui.participant import ParticipantApp
from tests.participant.conftest import Table

PHONE = (40, 30)
TERMINAL = (80, 24)


def participant_app(table: Table, **settings: object) -> ParticipantApp:
    """The app on its own connection to the session file, as a second process has.

    Wrong codes wait only a moment here, so the tests stay fast.
    """
    throttle = settings.pop("throttle", JoinThrottle(first_delay=0.05, longest=0.2))
    return ParticipantApp(
        SessionStore.open(table.path),
        throttle=throttle,  # type: ignore[arg-type]
        **settings,  # type: ignore[arg-type]
    )


async def until(pilot: Pilot[None], condition: Callable[[], bool], timeout: float = 3.0) -> float:
    """Wait until `condition` holds; returns how long it took. Fails after `timeout`."""
    start = time.perf_counter()
    while not condition():
        if time.perf_counter() - start > timeout:
            raise AssertionError(f"waited {timeout} s in vain; screen is {pilot.app.screen}")
        await pilot.pause(0.02)
    took = time.perf_counter() - start
    # Let a new screen finish mounting (and take the focus) before the test types.
    await pilot.pause()
    await pilot.pause()
    return took


async def join(pilot: Pilot[None], code: str, name: str) -> None:
    """Type the code and the name on the join screen and press Enter."""
    screen = pilot.app.screen
    screen.query_one("#code", Input).value = code
    name_input = screen.query_one("#name", Input)
    name_input.value = name
    name_input.focus()
    await pilot.press("enter")


def screen_is(pilot: Pilot[None], kind: type) -> Callable[[], bool]:
    """A condition: the app shows a screen of this kind."""
    return lambda: isinstance(pilot.app.screen, kind)
