"""Time that speaks up, a round's clock that survives going back, and one time zone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from game.tui.app import build_app
from game.tui.live_session import local_time
from game.tui.screens.board import BoardScreen
from game.tui.screens.rounds.casus import CasusScreen
from game.tui.time_signal import TimeSignal, bell_wanted
from game.tui.widgets.round_clock import RoundClock
from tests.tui.app_steps import seeded_session, until
from tests.tui.conftest import DECK, NOW


def messages(app) -> list[str]:  # type: ignore[no-untyped-def]
    """The notifications shown so far."""
    return [notification.message for notification in app._notifications]


async def test_one_minute_left_and_time_up_ring_notify_and_flash(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    now = [NOW]
    app = build_app(data_dir=data_dir, clock=lambda: now[0], session=path, deck=DECK)
    rings: list[None] = []
    app.bell = lambda: rings.append(None)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        timer = app.screen.query_one("#timer")
        now[0] += 13 * 60
        await pilot.pause(0.6)
        assert not rings and not messages(app)
        now[0] += 60 + 1  # 59 s left
        # The bell rings at once; the notification is a message the app handles after it.
        said = "Tijd: Nog één minuut in deze ronde."
        await until(pilot, lambda: len(rings) == 1 and said in messages(app))
        assert timer.has_class("-flash")
        await until(pilot, lambda: not timer.has_class("-flash"), timeout=2)
        await pilot.pause(0.6)
        assert len(rings) == 1, "each moment once"

        await pilot.press("enter")  # in the round's own screen the round clock flashes
        await until(pilot, lambda: isinstance(app.screen, CasusScreen))
        clock = app.screen.query_one(RoundClock)
        now[0] += 60
        said = "Tijd: De tijd van deze ronde is om."
        await until(pilot, lambda: len(rings) == 2 and said in messages(app))
        assert clock.has_class("-flash")

        await pilot.press("ctrl+g")  # the bell off: notified and flashed, but silent
        await until(pilot, lambda: "Tijd: Bel bij het tijdsignaal: uit." in messages(app))
        assert not bell_wanted(data_dir), "remembered for the next session"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.press("plus")  # five more minutes, and they run out too
        await pilot.pause(0.6)
        now[0] += 5 * 60
        # One notification at a time: the newest says the extra time is up too.
        await until(pilot, lambda: messages(app) == ["Tijd: De tijd van deze ronde is om."])
        assert len(rings) == 2


async def test_going_back_a_round_and_on_again_keeps_its_clock(data_dir: Path) -> None:
    path = seeded_session(data_dir, votes=False)
    now = [NOW]
    app = build_app(data_dir=data_dir, clock=lambda: now[0], session=path, deck=DECK)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        timer = app.screen.query_one("#timer")
        now[0] += 5 * 60
        await pilot.press("n")  # to "Wat is burgerparticipatie?" (5 minutes)
        now[0] += 3 * 60
        await pilot.press("v")  # back to the case: ten of its fifteen minutes are left
        await pilot.pause(0.6)
        assert timer.value == "10:00"  # type: ignore[attr-defined]
        await pilot.press("n")
        await pilot.pause(0.6)
        assert timer.value == "02:00"  # type: ignore[attr-defined]


def test_a_new_round_or_a_first_look_never_rings() -> None:
    signal = TimeSignal()
    assert signal.passed(0, 30.0) is None  # opened with half a minute left
    assert signal.passed(0, 10.0) is None
    assert signal.passed(0, -1.0) == "De tijd van deze ronde is om."
    assert signal.passed(1, 50.0) is None  # another round: only its time is taken
    assert signal.passed(1, 40.0) is None
    assert signal.passed(1, None) is None


def test_times_on_screen_are_brussels_time_as_in_the_report() -> None:
    # The suite runs with TZ=UTC: the computer's zone must not matter.
    winter = dt.datetime.fromtimestamp(NOW, dt.UTC)  # 14 March 2026, 19:30 UTC
    assert f"{local_time(winter):%H:%M}" == "20:30"
    summer = dt.datetime(2026, 7, 1, 19, 30, tzinfo=dt.UTC)
    assert f"{local_time(summer):%H:%M}" == "21:30"
