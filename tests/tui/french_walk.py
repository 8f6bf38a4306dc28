"""Walk the facilitator app in French at 80×24 and report what every screen showed.

Run as `python -m tests.tui.french_walk FOLDER` (tests/tui/test_french.py does): the app
takes its words when its modules are imported, after `--taal` is read, so a fresh process
chooses French first, as the command line does. It prints one JSON object: for every screen
its text, and for the screens kept as snapshots their SVG.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

SIZE = (80, 24)
SNAPSHOTS = ("start", "board", "stellingen", "kaart", "hulp")
"""The screens kept as SVG snapshots; every other screen is only read for Dutch."""
STATEMENT = "stelling-hulp-van-burgers-zinvol"


def french_session(data_dir: Path) -> Path:
    """A session a French-speaking facilitator made: people, concerns, approaches, a
    closed vote on a statement and a closed dot vote on the approaches."""
    from game.engine import Actor
    from game.engine import commands as c
    from game.store import new_token
    from game.tui.live_session import LiveSession
    from tests.tui.conftest import DECK, NOW
    from workshops import builtin_workshops

    path = data_dir / "sessies" / "place-de-la-gare.nwt"
    live = LiveSession.create(
        path,
        deck=DECK,
        deck_path=None,
        workshop=builtin_workshops()["netwerktafel"],
        case="Nuisances sur la place de la gare\n\nDepuis l'été, des jeunes traînent le "
        "soir sur la place ; commerçants et aînés se plaignent.\n\nThème : Nuisances",
        clock=lambda: NOW,
    )
    now = dt.datetime.fromtimestamp(NOW, dt.UTC)
    code = live.state.info.join_code if live.state.info else ""
    voters = {name: Actor(new_token()) for name in ("Léa", "Tom", "Anne", "Noor", "Jan")}
    for name, voter in voters.items():
        live.store.submit(c.JoinParticipant(name, code), voter, now=now)
    steps: list[c.Command] = [
        c.AddStakeholder("burgemeester", "Anne"),
        c.AddStakeholder("korpschef", "Bertrand"),
        c.AddStakeholder("jongere", "Sam"),
        c.RecordConcern("s1", "algemeen-belang", "qui parle pour tout le quartier ?"),
        c.RecordConcern("s2", "efficientie", "cela prend trop de temps"),
        c.RecordApproach("s1", "buurtvaders", "des pères du quartier"),
        c.RecordApproach("s2", "website-veiligheid"),
        c.RecordApproach("s3", "sociale-media", "là où les jeunes sont"),
        c.AdvanceRound(),
        c.AdvanceRound(),
        c.OpenBallot(method="likert", source="statement", statement_id=STATEMENT),
    ]
    for step in steps:
        assert live.send(step) is None, step
    for voter, answer in zip(voters.values(), "45423", strict=True):
        live.store.submit(c.CastVote("b1", (answer,)), voter, now=now)
    assert live.send(c.CloseBallot("b1")) is None
    assert live.send(c.OpenBallot(method="dots", source="approaches")) is None
    for voter, dots in zip(voters.values(), ("112", "122", "111", "221", "112"), strict=True):
        live.store.submit(c.CastVote("b2", tuple(dots)), voter, now=now)
    for step in (c.CloseBallot("b2"), c.GoBack(), c.GoBack()):
        assert live.send(step) is None, step
    live.close()
    return path


def screen_text(app: Any) -> str:
    """What the screen shows now, as plain text, dialogs over their screen included."""
    from rich.console import Console

    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, legacy_windows=False
    )
    console.print(
        app.screen._compositor.render_update(full=True, screen_stack=app._background_screens)
    )
    return console.export_text()


async def walk(data_dir: Path) -> dict[str, dict[str, str]]:
    """Every screen of a session, from the start screen to the last round."""
    from game.tui.app import build_app
    from tests.tui.app_steps import no_blinking
    from tests.tui.conftest import DECK, NOW

    french_session(data_dir)
    app = build_app(data_dir=data_dir, clock=lambda: NOW, deck=DECK)
    seen: dict[str, dict[str, str]] = {}
    async with app.run_test(size=SIZE) as pilot:

        async def look(name: str, *keys: str, wait: float = 0.3) -> None:
            for key in keys:
                await pilot.press(key)
            await pilot.pause(wait)
            no_blinking(app)
            await pilot.pause()
            seen[name] = {"text": screen_text(app)}
            if name in SNAPSHOTS:
                seen[name]["svg"] = app.export_screenshot()

        await look("start")
        await look("setup", "n")
        await look("inspiratiebank", "escape", "i")
        await look("board", "escape", "enter")
        await look("table", "t")
        await look("browser", "escape", "w")
        await pilot.press("escape")
        for index in range(10):
            await look(f"round-{index + 1}", "enter")
            if index == 2:
                seen["stellingen"] = seen[f"round-{index + 1}"]
                seen["stellingen"]["svg"] = app.export_screenshot()
            if index == 3:
                await look("bezorgdheden-hulp", "f1")
                await pilot.press("escape")
            if index == 7:
                await look("hot-seat", "o", "d")
                await look("hot-seat-vote", "enter")
                await pilot.press("escape", "escape")
            await pilot.press("escape", "n")
            await pilot.pause()
        await look("kaart", "ctrl+p", *"buurtvaders", "enter", wait=0.6)
        await look("hulp", "escape", "f1")
    return seen


def main() -> None:
    """Walk in French in a fresh data folder given on the command line; print JSON."""
    from catalogue import use_language

    use_language("fr")
    os.environ["TZ"] = "UTC"
    time.tzset()
    import game.store

    game.store.new_join_code = lambda: "KM3N7Q"
    print(json.dumps(asyncio.run(walk(Path(sys.argv[1])))))


if __name__ == "__main__":
    main()
