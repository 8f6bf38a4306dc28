"""Benchmark of the participant's side (a script; pytest does not collect it).

    .venv/bin/python tests/bench/bench_vote.py [--starts 5] [--votes 20]

1. Start-up: a fresh Python process starts the participant app (80×24, headless) on a
   session file until its join screen is drawn, then quits. Measured from just before the
   process starts to the moment the screen is mounted (interpreter, imports, opening the
   session, first screen). Target: under 1 s.
2. Vote to board: a voter in another process casts VOTES votes through `Voter` (the
   app's path), at uneven moments; this process watches the session file the way the
   facilitator's board does (`store.refresh()` every `POLL_SECONDS` of the session screens)
   and notes when each vote shows. Measured from the vote's commit to the board seeing it.
   Also with the participant app's own interval, and with a busy loop (the cost of the
   store alone). Target: under 1 s.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.engine import RoundPlan  # noqa: E402
from game.engine import commands as c  # noqa: E402
from game.store import SessionStore  # noqa: E402
from game.tui.participant.app import POLL_SECONDS as APP_POLL  # noqa: E402
from game.tui.screens.session_screen import POLL_SECONDS as BOARD_POLL  # noqa: E402

START_APP = """
import sys, time
from pathlib import Path
from game.store import SessionStore
from game.tui.participant import ParticipantApp
from game.tui.participant.screens.join import JoinScreen

async def drawn(pilot):
    while not isinstance(pilot.app.screen, JoinScreen) or not pilot.app.screen.is_mounted:
        await pilot.pause(0.001)
    print(time.time(), flush=True)
    pilot.app.exit()

with SessionStore.open(Path(sys.argv[1])) as store:
    ParticipantApp(store).run(headless=True, size=(80, 24), auto_pilot=drawn)
"""

VOTER = """
import random, sys, time
from pathlib import Path
from game.participation import BallotRef, Voter
from game.store import SessionStore

session, count = Path(sys.argv[1]), int(sys.argv[2])
rng = random.Random(7)
with SessionStore.open(session) as store:
    voter = Voter(store)
    voter.join(store.state.info.join_code, "Meetstemmer")
    print("ready", flush=True)
    sys.stdin.readline()
    for number in range(count):
        time.sleep(rng.uniform(0.2, 0.9))
        voter.vote(BallotRef(voter.session_id, "b1"), (str(number % 3 + 1),))
        print(time.time(), flush=True)
"""


def _session(folder: Path, name: str) -> Path:
    path = folder / name
    created = SessionStore.create(
        path, deck_id="bench", rounds=(RoundPlan("stemming", "stemming", "Stemmen", 15),)
    )
    with created.store as store:
        store.submit(
            c.OpenBallot("choice", "options", options=("Een", "Twee", "Drie")),
            created.facilitator,
        )
    return path


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}


def bench_start(folder: Path, runs: int) -> list[float]:
    """Seconds from starting the process to the join screen, per run."""
    path = _session(folder, "start.nwt")
    times = []
    for _ in range(runs):
        began = time.time()
        done = subprocess.run(
            [sys.executable, "-c", START_APP, str(path)],
            capture_output=True,
            text=True,
            env=_env(),
            check=True,
            timeout=60,
        )
        shown = float(done.stdout.strip().splitlines()[-1])
        times.append(shown - began)
    return times


def bench_vote_to_board(folder: Path, votes: int, poll: float) -> list[float]:
    """Seconds from each vote's commit (in another process) to this process seeing it."""
    path = _session(folder, f"board-{poll}.nwt")
    voter = subprocess.Popen(
        [sys.executable, "-c", VOTER, str(path), str(votes)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert voter.stdin is not None and voter.stdout is not None
    assert voter.stdout.readline().strip() == "ready"
    seen: list[float] = []
    with SessionStore.open(path) as board:
        board.refresh()
        voter.stdin.write("go\n")
        voter.stdin.flush()
        version = board.state.version
        while len(seen) < votes:
            time.sleep(poll)
            if board.refresh():
                now = time.time()
                # Two votes may land between two looks: each is seen at this look.
                new = [x for _, x in board.events(after=version) if x.kind == "vote-cast"]
                seen.extend(now for _ in new)
                version = board.state.version
    committed = [float(line) for line in voter.stdout.read().split()]
    voter.wait()
    return [s - c for s, c in zip(seen, committed, strict=True)]


def _row(label: str, values: list[float], target: str) -> str:
    ms = sorted(v * 1000 for v in values)
    return (
        f"| {label} | {statistics.median(ms):.0f} ms | {ms[int(0.95 * (len(ms) - 1))]:.0f} ms "
        f"| {ms[-1]:.0f} ms | {target} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--votes", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nwt-bench-") as tmp:
        folder = Path(tmp)
        starts = bench_start(folder, args.starts)
        board = bench_vote_to_board(folder, args.votes, BOARD_POLL)
        app = bench_vote_to_board(folder, args.votes, APP_POLL)
        busy = bench_vote_to_board(folder, args.votes, 0.001)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print("| meting | mediaan | p95 | max | doel |")
    print("| --- | --- | --- | --- | --- |")
    print(_row(f"deelnemersapp starten tot deelnamescherm ({args.starts}×)", starts, "< 1 s"))
    print(
        _row(
            f"stem → bord, bord kijkt elke {BOARD_POLL:g} s ({args.votes} stemmen)", board, "< 1 s"
        )
    )
    print(_row(f"stem → app, app kijkt elke {APP_POLL:g} s", app, ""))
    print(_row("stem → ander proces, zonder wachten (de opslag zelf)", busy, ""))


if __name__ == "__main__":
    main()
