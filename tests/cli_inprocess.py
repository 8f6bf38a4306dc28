"""Run the `netwerktafel` command line in this process, exactly as the console script does.

The one way the suite runs the CLI, unless separate processes are what a test is about
(concurrency, kill -9, the browser, `serve`, the README's blocks, import hygiene): starting a
Python process costs about a third of a second of CPU per command, in-process costs little, so
the hardening and fuzz tests can try thousands of inputs. The exit code comes from
`game.cli.main`, so bad input must end in exit 2 there too.

Each run gets its own argv, stdin, stdout and stderr, a fixed terminal width (COLUMNS; the
subprocess tests ran without a terminal too) and optionally a working folder and extra
environment variables; all of it is put back afterwards (tests/process_state.py).
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from game.cli import main, terminal
from tests.process_state import kept_process_state

WIDTH = 120
"""The terminal width every run sees unless `env` says otherwise: wide enough for a table row."""


@dataclass(frozen=True)
class Outcome:
    """What one run printed and how it ended."""

    code: int
    stdout: str
    stderr: str


def invoke(
    *args: str | Path,
    cwd: Path | None = None,
    env: Mapping[str, str] | None = None,
    input: str = "",
) -> Outcome:
    """Run `netwerktafel ARGS…` in-process; returns the exit code and what it printed.

    `cwd` is the working folder of the run, `env` variables added to the environment for it,
    `input` what it reads on stdin.
    """
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with kept_process_state():
        os.environ["COLUMNS"] = str(WIDTH)
        os.environ.update(env or {})
        # A process reads COLUMNS once, when its console is made; in-process runs share one.
        terminal.out.width = int(os.environ["COLUMNS"])
        if cwd is not None:
            os.chdir(cwd)
        sys.argv = ["netwerktafel", *map(str, args)]
        stdin = sys.stdin
        sys.stdin = io.StringIO(input)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                main()
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 1)
        finally:
            sys.stdin = stdin
    return Outcome(code, out.getvalue(), err.getvalue())


def run(
    *args: str | Path, code: int = 0, cwd: Path | None = None, env: Mapping[str, str] | None = None
) -> Outcome:
    """`invoke`, asserting the exit code and that no traceback or internal error shows."""
    result = invoke(*args, cwd=cwd, env=env)
    assert result.code == code, result
    assert "Traceback" not in result.stderr and "Interne fout" not in result.stderr, result
    return result
