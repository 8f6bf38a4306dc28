"""Real processes on one session file: concurrent voters, and voters killed mid-write."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from deck import Deck
from game.engine import tally
from game.store import SessionStore
from tests.game.session_setup import make_session
from tests.game.voter import choices_for

VOTER = Path(__file__).with_name("voter.py")


def _voter(session: Path, prefix: str, count: int, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(VOTER), str(session), "b1", prefix, str(count), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_many_processes_voting_at_once_count_every_vote_once(
    tmp_path: Path, deck: Deck, thorough: bool
) -> None:
    voters = 30 if thorough else 8
    path = tmp_path / "druk.nwt"
    store, _ = make_session(path, deck)
    store.close()
    go = tmp_path / "go"
    processes = [_voter(path, f"v{n}", 3, "--wait", str(go)) for n in range(voters)]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    go.touch()  # every process is waiting: let them all write at once
    acknowledged: dict[str, tuple[str, ...]] = {}
    for process in processes:
        out, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
        for line in out.splitlines():
            _, name, choices = line.split()
            acknowledged[name] = tuple(choices.split(","))
    assert len(acknowledged) == 3 * voters
    with SessionStore.open(path) as reopened:
        state = reopened.state
        ballot = state.ballots["b1"]
        names = {p.id: p.name for p in state.participants.values()}
        assert {names[pid]: vote.choices for pid, vote in ballot.votes.items()} == acknowledged
        result = tally(ballot)
        assert result.voters == 3 * voters and result.total == 9 * voters
        expected = Counter(choice for choices in acknowledged.values() for choice in choices)
        assert {row.option_id: row.count for row in result.rows} == {
            option.id: expected[option.id] for option in ballot.options
        }
        assert [seq for seq, _ in reopened.events()] == list(range(1, state.version + 1))
        assert reopened.integrity_problems() == []


@pytest.mark.slow
def test_votes_acknowledged_before_a_kill_are_never_lost(
    tmp_path: Path, deck: Deck, thorough: bool
) -> None:
    runs = 8 if thorough else 3
    path = tmp_path / "crash.nwt"
    store, _ = make_session(path, deck)
    store.close()
    rng = random.Random(4)
    acknowledged: set[str] = set()
    kills = 0
    for run in range(runs):
        # Two writers at a time, so a kill can also land while another one waits or writes.
        victims = [_voter(path, f"r{run}w{n}", 10_000) for n in range(2)]
        first = victims[0]
        assert first.stdout is not None
        line = first.stdout.readline()  # it is in its voting loop now
        assert line.startswith("ok "), first.stderr.read() if first.stderr else line
        acknowledged.add(line.split()[1])
        time.sleep(rng.uniform(0.0, 0.3))
        for victim in victims:
            os.kill(victim.pid, signal.SIGKILL)
            kills += 1
        for victim in victims:
            out, _ = victim.communicate(timeout=30)
            assert victim.returncode == -signal.SIGKILL
            # Only whole lines count: a line cut off by the kill was never acknowledged.
            complete = out.split("\n")[:-1] if not out.endswith("\n") else out.splitlines()
            acknowledged.update(line.split()[1] for line in complete if line.startswith("ok "))
        # After every kill the file opens cleanly and holds every acknowledged vote.
        with SessionStore.open(path) as reopened:
            state = reopened.state
            names = {p.name: p.id for p in state.participants.values()}
            votes = state.ballots["b1"].votes
            missing = [name for name in acknowledged if names.get(name) not in votes]
            assert not missing, f"lost after kill {kills}: {missing}"
            for name in acknowledged:
                assert votes[names[name]].choices == choices_for(name, 4)
    with SessionStore.open(path) as final:
        assert final.integrity_problems() == []
        assert [seq for seq, _ in final.events()] == list(range(1, final.state.version + 1))
    assert kills == 2 * runs and len(acknowledged) > 2 * runs
