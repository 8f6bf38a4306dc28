"""Run the `netwerktafel` command line in this process, exactly as the console script does.

Much faster than a subprocess, so the hardening and fuzz tests can try thousands of inputs;
the exit code comes from `game.cli.main`, so bad input must end in exit 2 there too.
"""

from __future__ import annotations

import contextlib
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from game.cli import main


@dataclass(frozen=True)
class Outcome:
    """What one run printed and how it ended."""

    code: int
    stdout: str
    stderr: str


def invoke(*args: str | Path) -> Outcome:
    """Run `netwerktafel ARGS…` in-process; returns the exit code and what it printed."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["netwerktafel", *map(str, args)]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as stop:
        code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
    finally:
        sys.argv = argv
    return Outcome(code, out.getvalue(), err.getvalue())
