"""`python -m game.tui.participant SESSION`: the participant app, as `serve` starts it for
each browser tab. It asks for the join code: in a browser the session file is out of reach,
so the code on the facilitator's screen is the only way in."""

from __future__ import annotations

import sys
from pathlib import Path

from deck.problems import InputError
from game.store import SessionStore
from game.tui.participant.app import ParticipantApp


def main(argv: list[str]) -> int:
    """Run the app on the session file named in `argv`; 2 when it cannot be opened."""
    if len(argv) != 1:
        print("gebruik: python -m game.tui.participant SESSIEBESTAND", file=sys.stderr)
        return 2
    try:
        store = SessionStore.open(Path(argv[0]))
    except InputError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return 2
    with store:
        ParticipantApp(store).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
