"""A second store on a file this process holds open must not drop SQLite's locks.

POSIX record locks belong to the process: closing *any* handle on the file releases them
all. If opening a second store read the header with a plain file handle, another process
closing its store would then think it was the last one, checkpoint and delete the `-wal`
file under our feet, and our store would stop seeing other processes' votes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from deck import Deck
from game.store import SessionStore
from tests.game.session_setup import make_session

OPEN_AND_CLOSE = (
    "import sys; from game.store import SessionStore; SessionStore.open(sys.argv[1]).close()"
)


def test_second_store_in_one_process_keeps_the_write_ahead_log(tmp_path: Path, deck: Deck) -> None:
    path = tmp_path / "tafel.nwt"
    first, _ = make_session(path, deck)
    second = SessionStore.open(path)
    subprocess.run([sys.executable, "-c", OPEN_AND_CLOSE, str(path)], check=True)
    assert Path(f"{path}-wal").exists(), "another process removed the WAL we still use"
    netwerktafel = Path(sys.executable).parent / "netwerktafel"
    subprocess.run(
        [str(netwerktafel), "vote", str(path), "--name", "Piet", "--ballot", "b1", "--choice", "1"],
        check=True,
        capture_output=True,
    )
    assert first.refresh()
    assert first.state.ballots["b1"].votes
    second.close()
    first.close()
