"""One participant in a process of its own, the way the participant app votes (run as a
script, not collected).

    python tests/participant/voter_process.py SESSION NAME BALLOT CHOICE... --go GOFILE

Joins with the join code (read from the file, as a participant would read it from the
screen), prints `ready`, waits for GOFILE, then casts the vote through `Voter`, the app's own
path, and prints `ok` once it is on disk.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from game.participation import BallotRef, Voter  # noqa: E402
from game.store import SessionStore  # noqa: E402


def main(argv: list[str]) -> None:
    go = Path(argv[argv.index("--go") + 1])
    session, name, ballot, *choices = argv[: argv.index("--go")]
    with SessionStore.open(Path(session)) as store:
        assert store.state.info is not None
        voter = Voter(store)
        voter.join(store.state.info.join_code, name)
        print("ready", flush=True)
        while not go.exists():
            time.sleep(0.002)
        voter.vote(BallotRef(voter.session_id, ballot), tuple(choices))
        print(f"ok {voter.participant_id}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
