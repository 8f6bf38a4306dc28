"""Participants in their own processes vote at the same moment: each counted once."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from game.engine import tally
from tests.participant.conftest import Table

SCRIPT = Path(__file__).with_name("voter_process.py")


def choices_of(number: int) -> tuple[str, ...]:
    """A different dots vote per voter, so the totals check every single vote."""
    return (str(number % 3 + 1), str((number // 3) % 3 + 1))


@pytest.mark.slow
def test_voters_at_once_are_each_counted_once(table: Table, tmp_path: Path, thorough: bool) -> None:
    voters = 30 if thorough else 8
    ballot = table.open("dots", dots=2)
    go = tmp_path / "go"
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                str(SCRIPT),
                str(table.path),
                f"Stemmer {n:02d}",
                ballot,
                *choices_of(n),
                "--go",
                str(go),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(voters)
    ]
    try:
        for process in processes:
            assert process.stdout is not None
            assert process.stdout.readline().strip() == "ready", process.stderr
        go.touch()  # all have joined and now vote at once
        outputs = [process.communicate(timeout=60) for process in processes]
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
    for process, (out, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
        assert out.startswith("ok p"), (out, err)

    result = table.ballot(ballot)
    assert len(table.store.state.participants) == voters
    assert len(result.votes) == voters
    expected = Counter(choice for n in range(voters) for choice in choices_of(n))
    counted = {row.option_id: row.count for row in tally(result).rows}
    assert counted == dict(expected)
    assert tally(result).voters == voters
    assert table.store.integrity_problems() == []
