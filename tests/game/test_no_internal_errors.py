"""Every input the attacks of issue 16 tried ends in one Dutch line and exit 2, or works."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from deck.yaml_source import YamlDocument
from game import log_chain
from game.engine import Actor, decide
from game.engine import commands as c
from game.store import SessionStore
from tests.cli_inprocess import Outcome, invoke

CLI = Path(sys.executable).parent / "netwerktafel"
LONG = "a" * 300


def refused(outcome: Outcome, *words: str) -> None:
    """Exit 2, no traceback, no raw control character, and each of `words` in the message."""
    assert outcome.code == 2, outcome
    assert "Traceback" not in outcome.stderr and "Interne fout" not in outcome.stderr
    assert "\x1b" not in outcome.stderr + outcome.stdout
    for word in words:
        assert word in outcome.stderr, outcome.stderr


@pytest.fixture
def session(tmp_path: Path) -> Path:
    path = tmp_path / "tafel.nwt"
    assert invoke("session", "new", path).code == 0
    assert invoke("session", "add-stakeholder", path, "burgemeester").code == 0
    return path


def test_arguments_that_are_not_utf8_are_refused(session: Path) -> None:
    before = session.read_bytes()
    # Python hands undecodable argument bytes over as lone surrogates.
    junk = b"\xff\xfeAnn".decode("utf-8", "surrogateescape")
    refused(invoke("session", "add-stakeholder", session, "bewoner", "--name", junk), "UTF-8")
    refused(invoke("session", "set-case", session, junk), "UTF-8")
    refused(invoke("session", "show", junk + ".nwt"), "bestaat niet")
    assert session.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ("session", "show", f"{LONG}.nwt"),
        ("session", "new", f"{LONG}.nwt"),
        ("session", "new", LONG),
        ("vote", f"{LONG}.nwt", "--name", "P", "--ballot", "b1", "--choice", "1"),
        ("print", "report", f"{LONG}.nwt"),
        ("deck", "check", LONG),
        ("serve", f"{LONG}.nwt"),
    ],
)
def test_a_path_longer_than_a_file_name_may_be(args: tuple[str, ...], tmp_path: Path) -> None:
    os.chdir(tmp_path)
    refused(invoke(*args), "te lang")


def test_an_export_to_a_path_too_long(session: Path) -> None:
    target = session.parent / f"{LONG}.md"
    refused(invoke("session", "export", session, "-f", "md", "-o", target), "te lang")


def test_rich_markup_in_names_is_shown_as_typed(session: Path) -> None:
    assert invoke("session", "add-stakeholder", session, "bewoner", "--name", "[/x]").code == 0
    assert invoke("session", "add-action", session, "[bold]x[/y]", "--owner", "[/x]").code == 0
    shown = invoke("session", "show", session)
    assert shown.code == 0, shown
    assert "[/x]" in shown.stdout and "[bold]x[/y]" in shown.stdout


@pytest.mark.parametrize(
    "text", ["\x1b]52;c;aGk=\x07Eve", "Ann\x1b[31m", "\x9b31m", "a\x00b", "x\x7fy"]
)
def test_control_characters_are_refused_at_input(session: Path, text: str) -> None:
    before = session.read_bytes()
    refused(invoke("session", "add-stakeholder", session, "bewoner", "--name", text), "stuurteken")
    refused(invoke("session", "set-case", session, text), "stuurteken")
    refused(invoke("session", "add-action", session, "actie", "--note", text), "stuurteken")
    # A word that names nothing is echoed as an escape, not raw.
    refused(invoke("session", "remove-stakeholder", session, text))
    assert session.read_bytes() == before


def test_the_engine_refuses_control_characters_in_every_command(session: Path) -> None:
    with SessionStore.open(session) as store:
        state = store.state
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    for command in (
        c.JoinParticipant(name="Ann\x1b[2J", join_code=state.info.join_code),  # type: ignore[union-attr]
        c.SetCase("a\x85b"),
        c.OpenBallot(method="choice", source="options", options=("ja", "n\x1bee")),
    ):
        outcome = decide(state, command, Actor("x"), now=now)
        assert "stuurteken" in getattr(outcome, "reason", ""), outcome


def test_newline_and_tab_stay_allowed(session: Path) -> None:
    assert invoke("session", "set-case", session, "regel 1\n\tregel 2").code == 0


def test_an_event_nested_100000_deep(session: Path) -> None:
    conn = sqlite3.connect(session)
    depth = 100_000
    payload = "[" * depth + "]" * depth
    at = "2026-01-01T00:00:00Z"
    seq, head = conn.execute("SELECT seq, chain FROM events ORDER BY seq DESC LIMIT 1").fetchone()
    # Chained as netwerktafel would, and a participant's kind (no seal): so it is read.
    chain = log_chain.link(head, seq + 1, "vote-cast", 1, at, payload)
    conn.execute(
        "INSERT INTO events VALUES (?, 'vote-cast', 1, ?, ?, ?, NULL)",
        (seq + 1, at, payload, chain),
    )
    conn.commit()
    conn.close()
    refused(invoke("session", "show", session), "te diep genest")
    refused(invoke("session", "set-case", session, "x"), "te diep genest")


def test_a_loop_of_symbolic_links(tmp_path: Path) -> None:
    (tmp_path / "a.nwt").symlink_to(tmp_path / "b.nwt")
    (tmp_path / "b.nwt").symlink_to(tmp_path / "a.nwt")
    for args in (("serve", "a.nwt"), ("session", "show", "a.nwt"), ("vote", "a.nwt")):
        os.chdir(tmp_path)
        refused(invoke(*args), "lus")


def run_bounded(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run the real CLI with a time bound: a FIFO must not make it wait for ever."""
    return subprocess.run(
        [str(CLI), *map(str, args)], capture_output=True, text=True, timeout=60, check=False
    )


def test_a_fifo_as_session_or_key_file_and_dev_zero_as_deck(session: Path) -> None:
    fifo = session.parent / "pijp.nwt"
    os.mkfifo(fifo)
    key = session.parent / "tafel.nwt.begeleider"
    kept = key.read_bytes()
    key.unlink()
    os.mkfifo(key)
    for args in (
        ("session", "show", fifo),
        ("session", "set-case", session, "x"),
        ("deck", "check", "/dev/zero"),
        ("deck", "check", fifo),
    ):
        result = run_bounded(*args)
        assert result.returncode == 2, (args, result.stderr)
        assert "geen gewoon bestand" in result.stderr
    key.unlink()
    key.write_bytes(kept)


def test_finding_where_a_bad_key_stands_is_linear() -> None:
    """`deck check` of a card with n unknown keys looked through all n keys per problem."""
    n = 2000
    text = "id: a\n" + "".join(f"k{i}: v\n" for i in range(n))
    root = yaml.compose(text)
    assert root is not None
    walks = 0

    class CountingPairs(list[tuple[yaml.Node, yaml.Node]]):
        def __iter__(self) -> Iterator[tuple[yaml.Node, yaml.Node]]:
            nonlocal walks
            walks += 1
            return super().__iter__()

    root.value = CountingPairs(root.value)
    document = YamlDocument(Path("k.yaml"), None, root)
    lines = [document.where((f"k{i}",), key=True).line for i in range(n)]
    assert lines == list(range(2, n + 2))
    assert walks <= 1


def test_the_top_level_deck_option_before_a_command_is_refused() -> None:
    refused(invoke("--deck", "ONZIN", "deck", "list"), "--deck")
    refused(invoke("--session", "x.nwt", "session", "show", "x.nwt"), "--session")


needs_other_user = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="a read-only file needs another user than root (setpriv)",
)


def as_nobody(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", str(CLI), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@needs_other_user
def test_a_read_only_session_is_shown_exported_and_refused_for_writing() -> None:
    # Outside pytest's own folder, which only root may enter.
    probe = as_nobody("--version")
    if probe.returncode != 0:
        # The checkout (and its venv) lies in a folder another user may not enter, as in a
        # clone made inside `mktemp -d`: this user cannot run netwerktafel at all here.
        pytest.skip(f"another user cannot run netwerktafel from this checkout: {probe.stderr}")
    tmp_path = Path(tempfile.mkdtemp(prefix="netwerktafel-ro-"))
    try:
        _read_only_session(tmp_path)
    finally:
        shutil.rmtree(tmp_path)


def _read_only_session(tmp_path: Path) -> None:
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    session = folder / "tafel.nwt"
    assert invoke("session", "new", session).code == 0
    assert (
        invoke(
            "session",
            "open-ballot",
            session,
            "--method",
            "choice",
            "--option",
            "ja",
            "--option",
            "nee",
        ).code
        == 0
    )
    tmp_path.chmod(0o755)
    session.chmod(0o644)
    folder.chmod(0o755)
    before = session.read_bytes()
    shown = as_nobody("session", "show", session, "--json")
    assert shown.returncode == 0, shown.stderr
    out = tmp_path / "uit"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    exported = as_nobody("session", "export", session, "-f", "json", "-o", out / "s.json")
    assert exported.returncode == 0, exported.stderr
    voted = as_nobody("vote", session, "--name", "P", "--ballot", "b1", "--choice", "1")
    assert voted.returncode == 2 and "alleen-lezen" in voted.stderr, voted.stderr
    folder.chmod(0o777)
    voted = as_nobody("vote", session, "--name", "P", "--ballot", "b1", "--choice", "1")
    assert voted.returncode == 2 and "alleen-lezen" in voted.stderr, voted.stderr
    assert session.read_bytes() == before
