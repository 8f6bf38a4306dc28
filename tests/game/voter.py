"""A voting process for the concurrency and crash tests (run as a script, not collected).

    python tests/game/voter.py SESSION BALLOT PREFIX COUNT [--wait GOFILE]

Joins COUNT participants named PREFIX-0, PREFIX-1, … and has each cast one dots vote on
BALLOT; prints `ok NAME CHOICES` only after the vote is committed. With --wait, it prints
`ready` and waits for GOFILE to exist first, so many processes start voting at once.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.engine import Actor  # noqa: E402
from game.engine import commands as c  # noqa: E402
from game.store import SessionStore, new_token  # noqa: E402


def choices_for(name: str, options: int) -> tuple[str, ...]:
    """A deterministic vote per name, so the test can check what each voter cast."""
    seed = sum(ord(ch) for ch in name)
    return tuple(str((seed + n) % options + 1) for n in range(3))


def main(argv: list[str]) -> None:
    session, ballot, prefix, count = argv[:4]
    if "--wait" in argv:
        go = Path(argv[argv.index("--wait") + 1])
        print("ready", flush=True)
        while not go.exists():
            time.sleep(0.005)
    with SessionStore.open(Path(session)) as store:
        assert store.state.info is not None
        code = store.state.info.join_code
        options = len(store.state.ballots[ballot].options)
        for number in range(int(count)):
            name = f"{prefix}-{number}"
            actor = Actor(new_token())
            choices = choices_for(name, options)
            store.submit_many(
                [(c.JoinParticipant(name, code), actor), (c.CastVote(ballot, choices), actor)]
            )
            print(f"ok {name} {','.join(choices)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
