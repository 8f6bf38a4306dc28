"""Nothing is lost: a facilitator app killed mid-session resumes where it was."""

from __future__ import annotations

import os
import pty
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from deck import InputError
from game.engine import SessionState
from game.store import SessionStore
from game.tui.screens.board import BoardScreen
from game.tui.screens.start import StartScreen
from tests.tui.app_steps import NETWERKTAFEL, facilitator_app, seeded_session, until


def wait_for(path: Path, condition: Callable[[SessionState], bool], timeout: float = 15) -> None:
    """Poll the session file until its state meets `condition`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with SessionStore.open(path) as store:
            if condition(store.state):
                return
        time.sleep(0.1)
    raise AssertionError(f"the session file never reached {condition}")


async def test_a_killed_app_resumes_where_it_was(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    path = seeded_session(data_dir, votes=False)
    # The real app, in a terminal of its own, opened on the session's board.
    main, child = pty.openpty()
    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "80",
        "LINES": "24",
        "XDG_DATA_HOME": str(tmp_path / "xdg"),
    }
    app = subprocess.Popen(
        [NETWERKTAFEL, "--session", str(path)],
        stdin=child,
        stdout=child,
        stderr=child,
        env=env,
        start_new_session=True,
    )
    os.close(child)
    try:
        # Keys until the board answers them: + extends the round, n moves on.
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            os.write(main, b"+")
            try:
                wait_for(path, lambda s: s.round.extra_minutes[0] > 0, timeout=0.5)
                break
            except AssertionError:
                _drain(main)
        os.write(main, b"n")
        wait_for(path, lambda s: s.round.index == 1)
    finally:
        app.send_signal(signal.SIGKILL)
        app.wait(timeout=10)
        _drain(main)
        os.close(main)
    assert app.returncode == -signal.SIGKILL

    with SessionStore.open(path) as store:
        state = store.state
        assert not store.integrity_problems()
    assert state.round.index == 1 and state.round.extra_minutes[0] >= 5
    assert len(state.approaches) == 3

    # Started again on the same file, the app is where the killed one left off.
    again = facilitator_app(data_dir, session=path)
    async with again.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(again.screen, BoardScreen))
        board = again.screen
        assert board.query_one("#now-pane").border_title == "Ronde 2 van 10"
        assert board.live.state.version == state.version  # type: ignore[attr-defined]


def _drain(fd: int) -> None:
    """Read what the app drew, so its terminal never blocks it."""
    os.set_blocking(fd, False)
    try:
        while os.read(fd, 65536):
            pass
    except (BlockingIOError, OSError):
        pass


async def test_the_start_screen_resumes_the_newest_session(data_dir: Path) -> None:
    older = seeded_session(data_dir, votes=False)
    os.utime(older, (time.time() - 3600, time.time() - 3600))
    newer = older.with_name("inbraken.nwt")
    from game.tui.live_session import LiveSession
    from tests.tui.conftest import DECK, NOW
    from workshops import builtin_workshops

    LiveSession.create(
        newer,
        deck=DECK,
        deck_path=None,
        workshop=builtin_workshops()["kort"],
        case="Woninginbraken in de Molenwijk",
        clock=lambda: NOW,
    ).close()
    (data_dir / "sessies" / "kapot.nwt").write_bytes(b"geen sessie")
    os.utime(data_dir / "sessies" / "kapot.nwt", (time.time() - 7200, time.time() - 7200))

    app = facilitator_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        start = app.screen
        assert isinstance(start, StartScreen)
        await until(pilot, lambda: start.filled)  # listed once the first frame is drawn
        assert [s.path.name for s in start.sessions] == [
            "inbraken.nwt",
            "stationsplein.nwt",
            "kapot.nwt",
        ]
        assert start.sessions[0].case_title == "Woninginbraken in de Molenwijk"
        assert start.sessions[1].round_line == "ronde 1/10: De casus en wie er aan tafel zit"
        assert start.sessions[2].problem is not None
        await pilot.press("down", "enter")  # the recent list has the focus: open the second
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert app.screen.live.path == older  # type: ignore[attr-defined]
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, StartScreen))
        await pilot.press("down", "down", "enter")  # the broken file says why, nothing opens
        await pilot.pause()
        assert isinstance(app.screen, StartScreen)
        assert any("geen netwerktafel-sessie" in n.message for n in app._notifications)


def test_a_bad_deck_stops_the_app_with_its_problems_and_a_bad_session_before_it(
    tmp_path: Path,
) -> None:
    bad_deck = tmp_path / "deck.yaml"
    bad_deck.write_text("id: [\n", encoding="utf-8")
    run = subprocess.run(
        [NETWERKTAFEL, "--deck", str(bad_deck)],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    # The start screen is drawn before the deck loads; the problems follow once the
    # terminal is back to normal, as from any command.
    assert run.returncode == 2
    after_the_app = run.stderr.rpartition("\x1b[?1049l")[2]
    assert f"{bad_deck}:2:1: YAML-fout" in after_the_app
    assert after_the_app.endswith("1 probleem gevonden.\n")
    missing = subprocess.run(
        [NETWERKTAFEL, "--session", str(tmp_path / "weg.nwt")],
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert missing.returncode == 2
    assert "dit sessiebestand bestaat niet" in missing.stderr


def test_a_session_without_its_key_is_refused(tmp_path: Path) -> None:
    path = seeded_session(tmp_path, votes=False)
    path.with_name(path.name + ".begeleider").unlink()
    from game.tui.live_session import LiveSession
    from tests.tui.conftest import DECK

    try:
        LiveSession.open(path, DECK, time.time)
    except InputError as error:
        assert "begeleidersleutel" in error.problems[0].message
    else:
        raise AssertionError("opened without the facilitator key")


async def test_a_session_file_opens_by_its_path(data_dir: Path, tmp_path: Path) -> None:
    elsewhere = seeded_session(tmp_path / "usb", votes=False)
    app = facilitator_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        from game.tui.screens.path_prompt import PathPrompt

        assert isinstance(app.screen, PathPrompt)
        box = app.screen.query_one("#path")
        box.value = str(tmp_path / "usb" / "sessies" / "weg.nwt")  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause()
        assert "bestaat niet" in str(app.screen.query_one("#problem").render())
        box.value = str(elsewhere)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        assert app.screen.live.path == elsewhere  # type: ignore[attr-defined]
