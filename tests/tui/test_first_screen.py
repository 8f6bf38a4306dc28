"""The start screen is drawn before the deck, the session list and the engine load.

The facilitator sees the menu at once; what it does not show in its first frame loads
right after. A deck that cannot load still stops the app with its problems (exit code 2).
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from deck import InputError
from game.tui.app import build_app
from tests.tui.app_steps import until

FIRST_FRAME = """
import sys
from pathlib import Path

import game.tui.app as app_module
from game.cli import main  # what the console script imports before the app

seen = {}
load = app_module._load_deck


def load_after_the_frame(path):
    seen["frames"] = frames[0]
    seen["modules"] = sorted(sys.modules)
    return load(path)


app_module._load_deck = load_after_the_frame
app = app_module.build_app(data_dir=Path(sys.argv[1]))
frames = [0]
display = app._display


def counted(*args):
    frames[0] += 1
    return display(*args)


app._display = counted


async def run():
    async with app.run_test(size=(80, 24)) as pilot:
        while not app.screen.filled:
            await pilot.pause(0.05)


import asyncio

asyncio.run(run())
print("FRAMES", seen["frames"])
print("MODULES", *seen["modules"])
"""

NOT_BEFORE_THE_FIRST_FRAME = ("pydantic", "yaml", "sqlite3", "game.engine", "game.store")
"""The deck's models and parser, the session store and the engine."""


def test_the_start_screen_is_drawn_before_the_deck_loads(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    frames = int(done.stdout.split("FRAMES", 1)[1].split()[0])
    modules = set(done.stdout.rsplit("MODULES", 1)[1].split())
    assert frames >= 1
    assert "textual.app" in modules  # the probe did run the app
    assert not modules & set(NOT_BEFORE_THE_FIRST_FRAME), sorted(
        modules & set(NOT_BEFORE_THE_FIRST_FRAME)
    )


async def test_a_deck_that_cannot_load_stops_the_app_with_its_problems(tmp_path: Path) -> None:
    (tmp_path / "deck.yaml").write_text("id: [\n", encoding="utf-8")
    app = build_app(deck_path=tmp_path, data_dir=tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.return_code is not None)
    assert app.return_code == 2
    problems = app.deck_problems
    assert isinstance(problems, InputError)
    assert str(problems.problems[0]).startswith(f"{tmp_path / 'deck.yaml'}:2:1: YAML-fout")


ROOT_ONLY = """
import sys

import game.tui.app as app_module
from game.cli import main


class NotRun:
    deck_problems = None

    def run(self):
        print("APP", *sorted({"pydantic", "pydantic_core", "typer._adapters"} & set(sys.modules)))


app_module.build_app = lambda **options: NotRun()
sys.argv = ["netwerktafel"]
main()
"""


def test_plain_netwerktafel_reaches_the_app_without_pydantic() -> None:
    # Typer builds a pydantic validator per option; the root's options that are not given
    # must not make the app's start wait for it.
    done = subprocess.run(
        [sys.executable, "-c", ROOT_ONLY], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == ["APP"], done.stdout


async def test_the_garbage_collector_runs_again_once_the_start_screen_is_drawn(
    tmp_path: Path,
) -> None:
    # game/cli/facilitator_app.py turns it off while Textual imports and draws.
    gc.disable()
    try:
        app = build_app(data_dir=tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await until(pilot, lambda: app.start_screen is not None and app.start_screen.filled)
            assert gc.isenabled()
    finally:
        gc.enable()
