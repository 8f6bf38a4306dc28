"""Hypothesis drives every CLI command in-process with junk arguments and junk files.

Whatever comes in: exit 0 or 2 (never 1, never a traceback), each case done within a time
bound (a FIFO or /dev/zero must not hang a command), and a refused command leaves the
session file and its key as they were. The default run tries a few hundred cases; the
thorough run tries 10,000 (`pytest --thorough tests/game/test_cli_fuzz.py -n 0`).
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.cli_inprocess import Outcome, invoke

CASE_SECONDS = 30
"""Bound on one case; a command that waits on a FIFO would hit it."""

SESSION = "tafel.nwt"
JUNK_FILES = ("rommel.nwt", "leeg.nwt", "vreemd.nwt", "pijp", "/dev/zero", "lus.nwt", "map")
LONG = "x" * 300

# Commands and their options; `None` marks a flag. `vote` always gets --choice (without it
# the participant app would open), `serve` never gets a real session (it would serve).
COMMANDS: dict[tuple[str, ...], tuple[int, dict[str, bool]]] = {
    ("vote",): (
        1,
        {"--name": True, "--code": True, "--ballot": True, "--reason": True, "--json": False},
    ),
    ("serve",): (1, {"--host": True, "--port": True, "--deck": True}),
    ("aggregate",): (2, {"--output": True, "--format": True}),
    ("deck", "check"): (1, {}),
    ("deck", "list"): (0, {"--deck": True, "--type": True, "--json": False}),
    ("deck", "show"): (1, {"--deck": True}),
    ("deck", "schema"): (0, {"--manifest": False}),
    ("workshop", "list"): (0, {"--json": False}),
    ("workshop", "check"): (1, {"--deck": True}),
    ("workshop", "show"): (1, {"--start": True, "--instructions": False, "--json": False}),
    ("print", "report"): (1, {"--output": True, "--deck": True}),
    ("session", "new"): (1, {"--workshop": True, "--deck": True, "--case": True, "--json": False}),
    ("session", "set-case"): (2, {}),
    ("session", "add-stakeholder"): (2, {"--name": True, "--deck": True, "--json": False}),
    ("session", "remove-stakeholder"): (2, {}),
    ("session", "record-concern"): (3, {"--text": True, "--deck": True}),
    ("session", "add-approach"): (3, {"--note": True, "--deck": True, "--json": False}),
    ("session", "next-round"): (1, {}),
    ("session", "previous-round"): (1, {}),
    ("session", "extend-round"): (2, {}),
    ("session", "open-ballot"): (
        1,
        {
            "--method": True,
            "--over": True,
            "--statement": True,
            "--option": True,
            "--dilemma": True,
            "--dots": True,
            "--max": True,
            "--no-stack": False,
            "--anonymous": False,
            "--reveal": True,
            "--title": True,
            "--json": False,
        },
    ),
    ("session", "close-ballot"): (2, {}),
    ("session", "reopen-ballot"): (2, {}),
    ("session", "reveal"): (2, {}),
    ("session", "add-action"): (
        2,
        {"--owner": True, "--approach": True, "--due": True, "--note": True},
    ),
    ("session", "edit-action"): (
        2,
        {
            "--title": True,
            "--owner": True,
            "--approach": True,
            "--due": True,
            "--note": True,
            "--done": False,
        },
    ),
    ("session", "undo"): (1, {}),
    ("session", "show"): (1, {"--json": False}),
    ("session", "export"): (1, {"--format": True, "--output": True}),
}

# Argument text as a shell could pass it: any code point but NUL, including lone
# surrogates (bytes that are not UTF-8) and control characters.
junk_text = st.text(
    st.characters(blacklist_categories=(), blacklist_characters="\x00"), max_size=40
)
words = st.sampled_from(
    [
        "b1",
        "s1",
        "p1",
        "x1",
        "1",
        "2",
        "0",
        "-1",
        "99999999999",
        "ja",
        "likert",
        "dots",
        "choice",
        "ranking",
        "approaches",
        "options",
        "manual",
        "md",
        "csv",
        "json",
        "pdf",
        "burgemeester",
        "bewoner",
        "buurtvaders",
        "efficientie",
        "kort",
        "[/x]",
        "[bold]",
        "\x1b]52;c;aGk=\x07",
        "\udcff",
        LONG,
        "-",
        "--",
        "--help",
        "2026-13-45",
    ]
)
paths = st.sampled_from([SESSION, *JUNK_FILES, LONG, f"{LONG}.nwt", "nieuw.nwt", "uit/x.md"])
values = st.one_of(paths, words, junk_text, st.integers(-(10**12), 10**12).map(str))


@st.composite
def command_lines(draw: st.DrawFn, *, serving: bool = False) -> list[str]:
    """One command line: a command, junk positional arguments and junk options."""
    names = sorted(COMMANDS) if serving else sorted(k for k in COMMANDS if k != ("serve",))
    command = draw(st.sampled_from(names))
    positional, options = COMMANDS[command]
    args = [draw(values) for _ in range(draw(st.integers(0, positional + 1)))]
    if command == ("serve",):
        args = [draw(st.sampled_from(JUNK_FILES))]
    for option in draw(st.lists(st.sampled_from(sorted(options)), max_size=4)) if options else []:
        args += [option, draw(values)] if options[option] else [option]
    if command == ("vote",):
        args += ["--choice", draw(values)]
    if command[0] == "print" and not args:
        args = [draw(paths)]  # the whole default deck as a PDF would take seconds per case
    return [*command, *args]


class TookTooLong(Exception):
    """A case ran past its bound."""


@contextmanager
def bounded(seconds: int) -> Iterator[None]:
    def stop(signum: int, frame: FrameType | None) -> None:
        raise TookTooLong(f"more than {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A session with a stakeholder, an action and an open ballot, made once."""
    folder = tmp_path_factory.mktemp("fuzz-sjabloon")
    session = folder / SESSION
    for args in (
        ("session", "new", session),
        ("session", "add-stakeholder", session, "bewoner", "--name", "Ann"),
        ("session", "add-action", session, "Buurtwandeling"),
        (
            "session",
            "open-ballot",
            session,
            "--method",
            "choice",
            "--option",
            "ja",
            "--option",
            "nee",
            "--anonymous",
        ),
    ):
        assert invoke(*args).code == 0
    return folder


def _workspace(template: Path, root: Path) -> Path:
    """A fresh folder with the session, its key and every kind of junk file."""
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    for name in (SESSION, f"{SESSION}.begeleider"):
        shutil.copy2(template / name, root / name)
    (root / "rommel.nwt").write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 4)
    (root / "leeg.nwt").write_bytes(b"")
    foreign = sqlite3.connect(root / "vreemd.nwt")
    foreign.execute("CREATE TABLE t (x)")
    foreign.commit()
    foreign.close()
    os.mkfifo(root / "pijp")
    (root / "lus.nwt").symlink_to(root / "lus2.nwt")
    (root / "lus2.nwt").symlink_to(root / "lus.nwt")
    (root / "map").mkdir()
    return root


def _check(line: list[str], root: Path) -> Outcome:
    session, key = root / SESSION, root / f"{SESSION}.begeleider"
    before = (session.read_bytes(), key.read_bytes())
    with bounded(CASE_SECONDS):
        outcome = invoke(*line)
    shown = outcome.stdout + outcome.stderr
    assert outcome.code in (0, 2), (line, outcome)
    assert "Traceback" not in shown and "Interne fout" not in shown, (line, outcome)
    if outcome.code != 0:
        assert (session.read_bytes(), key.read_bytes()) == before, line
    return outcome


def _fuzz(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cases: int) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    root = tmp_path / "werk"

    @settings(
        max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    @given(command_lines())
    def one_case(line: list[str]) -> None:
        monkeypatch.chdir(_workspace(template, root))
        _check(line, root)

    one_case()


def test_junk_on_every_command(
    template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fuzz(template, tmp_path, monkeypatch, cases=200)


@pytest.mark.slow
def test_ten_thousand_junk_command_lines(
    template: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    thorough: bool,
) -> None:
    if not thorough:
        pytest.skip("10,000 cases: run with --thorough")
    _fuzz(template, tmp_path, monkeypatch, cases=10_000)


def test_serve_refuses_junk_sessions(template: Path, tmp_path: Path) -> None:
    root = _workspace(template, tmp_path / "werk")
    os.chdir(root)
    for junk in JUNK_FILES:
        assert _check(["serve", junk], root).code == 2
