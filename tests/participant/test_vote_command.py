"""`netwerktafel vote` and `serve` on the command line: which session, which mode."""

from __future__ import annotations

import os
import time
from pathlib import Path

from game.cli.session_choice import RECENT_HOURS, recent_sessions
from tests import cli_inprocess
from tests.cli_inprocess import Outcome
from tests.participant.conftest import make_table


def run(*args: str, data: Path, code: int = 0) -> Outcome:
    """The CLI with its data folder in `data`; asserts the exit code and no traceback."""
    return cli_inprocess.run(*args, code=code, env={"XDG_DATA_HOME": str(data)})


def test_session_left_out_means_the_one_recent_session(tmp_path: Path) -> None:
    folder = tmp_path / "netwerktafel" / "sessies"
    folder.mkdir(parents=True)
    none = run("vote", "--name", "Ann", "--ballot", "b1", "--choice", "1", data=tmp_path, code=2)
    assert "geen sessie die de laatste 12 uur gewijzigd is" in none.stderr
    table = make_table(folder / "buurt.nwt")
    table.open("choice")
    table.store.close()
    done = run("vote", "--name", "Ann", "--ballot", "b1", "--choice", "2", data=tmp_path)
    assert done.stdout.startswith("Stem geteld voor Ann in stemronde b1: Buurtsignaal")
    make_table(folder / "school.nwt").store.close()
    two = run("vote", "--name", "Ann", "--ballot", "b1", "--choice", "1", data=tmp_path, code=2)
    assert "2 recente sessies" in two.stderr and "buurt" in two.stderr
    # By name, as in the data folder.
    run("vote", "buurt", "--name", "Bert", "--ballot", "b1", "--choice", "1", data=tmp_path)


def test_old_sessions_are_not_recent(tmp_path: Path) -> None:
    table = make_table(tmp_path / "oud.nwt")
    table.store.close()
    long_ago = time.time() - (RECENT_HOURS + 1) * 3600
    for path in tmp_path.glob("oud.nwt*"):
        os.utime(path, (long_ago, long_ago))
    assert recent_sessions(tmp_path) == []
    assert recent_sessions(tmp_path, now=long_ago + 60) == [tmp_path / "oud.nwt"]


def test_flags_of_the_one_shot_vote_need_choice(tmp_path: Path) -> None:
    table = make_table(tmp_path / "s.nwt")
    table.store.close()
    session = str(table.path)
    stray = run("vote", session, "--ballot", "b1", data=tmp_path, code=2)
    assert "--ballot hoort bij --choice" in stray.stderr
    alone = run("vote", session, "--choice", "1", data=tmp_path, code=2)
    assert "met --choice horen ook --name en --ballot" in alone.stderr
    assert "[SESSIE]" in run("vote", "--help", data=tmp_path).stdout
    assert "--host" in run("serve", "--help", data=tmp_path).stdout
