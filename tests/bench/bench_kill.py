"""Benchmark of crash safety with the chained log (a script; pytest does not collect it).

    .venv/bin/python tests/bench/bench_kill.py [--rounds 50] [--writers 2]

Each round starts WRITERS voting processes on one session file (each joins participants
and votes, one durable transaction per vote, and prints `ok NAME` only after the commit),
lets them run a random 0–0.3 s, and kills them all with SIGKILL. After every round the
file must open with its hash chain and seals whole (`session verify`), and every vote a
process acknowledged must be in it, with the choices it printed. Prints a table.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.engine import RoundPlan  # noqa: E402
from game.engine import commands as c  # noqa: E402
from game.store import SessionStore, check_log  # noqa: E402
from tests.game.voter import choices_for  # noqa: E402

VOTER = ROOT / "tests" / "game" / "voter.py"
OPTIONS = 4


def _session(path: Path) -> None:
    created = SessionStore.create(
        path, deck_id="bench", rounds=(RoundPlan("stemming", "stemming", "Stemmen", 15),)
    )
    with created.store as store:
        options = tuple(f"Optie {n}" for n in range(OPTIONS))
        store.submit(c.OpenBallot("dots", "options", options=options), created.facilitator)


def _writer(path: Path, prefix: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(VOTER), str(path), "b1", prefix, "1000000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def run(rounds: int, writers: int) -> dict[str, float]:
    rng = random.Random(16)
    acknowledged: set[str] = set()
    kills = 0
    lost = 0
    broken = 0
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="nwt-kill-") as tmp:
        path = Path(tmp) / "crash.nwt"
        _session(path)
        for number in range(rounds):
            victims = [_writer(path, f"r{number}w{n}") for n in range(writers)]
            first = victims[0]
            assert first.stdout is not None
            line = first.stdout.readline()
            assert line.startswith("ok "), first.stderr.read() if first.stderr else line
            acknowledged.add(line.split()[1])
            time.sleep(rng.uniform(0.0, 0.3))
            for victim in victims:
                os.kill(victim.pid, signal.SIGKILL)
                kills += 1
            for victim in victims:
                out, _ = victim.communicate(timeout=60)
                complete = out.split("\n")[:-1]  # a line cut off by the kill never counted
                acknowledged.update(x.split()[1] for x in complete if x.startswith("ok "))
            found = check_log(path)
            broken += found.problem is not None
            with SessionStore.open(path) as store:
                state = store.state
                ids = {p.name: p.id for p in state.participants.values()}
                votes = state.ballots["b1"].votes
                lost = sum(
                    1
                    for name in acknowledged
                    if ids.get(name) not in votes
                    or votes[ids[name]].choices != choices_for(name, OPTIONS)
                )
            if lost:
                break
        events = check_log(path).events
    return {
        "kills": kills,
        "acknowledged": len(acknowledged),
        "lost": lost,
        "broken": broken,
        "events": events,
        "seconds": time.perf_counter() - began,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--writers", type=int, default=2)
    args = parser.parse_args()
    found = run(args.rounds, args.writers)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    )
    print()
    print("| meting | waarde | doel |")
    print("| --- | ---: | --- |")
    print(f"| kill -9 op schrijvende processen | {found['kills']:.0f} | |")
    print(
        f"| bevestigde stemmen (join + stem, elk één transactie) | {found['acknowledged']:.0f} | |"
    )
    print(f"| daarvan verloren of anders in het bestand | {found['lost']:.0f} | 0 |")
    print(f"| keer dat de keten of een zegel niet klopte na een kill | {found['broken']:.0f} | 0 |")
    print(f"| gebeurtenissen in het bestand op het einde | {found['events']:.0f} | |")
    print(f"| duur | {found['seconds']:.0f} s | |")


if __name__ == "__main__":
    main()
