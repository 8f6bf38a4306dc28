"""The tamper-evident log: rows written around netwerktafel are reported, never believed."""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from deck import Deck, InputError
from game import log_chain
from game.engine import Actor
from game.engine import commands as c
from game.store import Refused, SessionStore, check_log, read_session, read_state, token_path
from game.store_upgrade import backup_path
from tests.cli_inprocess import invoke
from tests.game.session_setup import make_session

FIXTURE = Path(__file__).parent / "fixtures" / "sessie-v1.nwt"
"""A session written by netwerktafel before the chain (schema 1): two ballots, one anonymous,
18 events. Its facilitator key lies beside it."""

FORGED = "CASUS VERVALST ZONDER SLEUTEL"


@pytest.fixture
def session(tmp_path: Path, deck: Deck) -> Iterator[tuple[SessionStore, Actor]]:
    store, facilitator = make_session(tmp_path / "sessie.nwt", deck)
    store.submit(c.SetCase("De echte casus"), facilitator)
    voter = Actor("deelnemer-sleutel")
    assert store.state.info is not None
    store.submit(c.JoinParticipant("Ann", store.state.info.join_code), voter)
    store.submit(c.CastVote("b1", ("1",)), voter)
    yield store, facilitator
    store.close()


def _raw(path: Path, *statements: str, drop_triggers: bool = True) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        if drop_triggers:
            conn.execute("DROP TRIGGER IF EXISTS events_append_only_update")
            conn.execute("DROP TRIGGER IF EXISTS events_append_only_delete")
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()


def _forge_case(path: Path, *, chained: bool, seal: bytes | None = None) -> int:
    """Append a `case-set` as someone with the file but not the key would: returns its seq."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        seq, chain = conn.execute(
            "SELECT seq, chain FROM events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
        at = "2026-11-29T14:00:00.000000+00:00"
        payload = json.dumps([at, "De echte casus", FORGED])
        value = log_chain.link(chain, seq + 1, "case-set", 1, at, payload) if chained else None
        conn.execute(
            "INSERT INTO events(seq, kind, version, at, payload, chain, seal) "
            "VALUES (?, 'case-set', 1, ?, ?, ?, ?)",
            (seq + 1, at, payload, value, seal),
        )
        return int(seq + 1)
    finally:
        conn.close()


def test_a_whole_log_opens_and_verifies(session: tuple[SessionStore, Actor]) -> None:
    store, _ = session
    store.close()
    with SessionStore.open(store.path) as reopened:
        assert reopened.problem is None
    found = check_log(store.path)
    assert found.problem is None and found.keyed and found.chained
    assert (found.events, found.sealed) == (7, 5)  # the join and the vote wait for a seal
    result = invoke("session", "verify", store.path)
    assert result.code == 0, result.stderr
    assert "Het logboek is heel: 7 gebeurtenissen" in result.stdout
    assert "tot en met gebeurtenis 5" in result.stdout


def test_every_facilitator_event_is_sealed_and_every_row_chained(
    session: tuple[SessionStore, Actor],
) -> None:
    store, facilitator = session
    key = facilitator.token
    conn = sqlite3.connect(store.path)
    rows = conn.execute("SELECT seq, kind, chain, seal FROM events ORDER BY seq").fetchall()
    conn.close()
    for _, kind, chain, seal in rows:
        assert isinstance(chain, bytes) and len(chain) == 32
        if kind in log_chain.UNSEALED_KINDS:
            assert seal is None
        else:
            assert seal == log_chain.seal(key, chain)


@pytest.mark.parametrize("chained", [False, True])
@pytest.mark.parametrize("seal", [None, b"\x00" * 32])
def test_a_forged_case_is_reported_and_never_shown(
    session: tuple[SessionStore, Actor], chained: bool, seal: bytes | None
) -> None:
    store, _ = session
    store.close()
    seq = _forge_case(store.path, chained=chained, seal=seal)
    with SessionStore.open(store.path) as opened:
        assert opened.problem is not None
        assert f"gebeurtenis {seq} (case-set)" in opened.problem
        assert "alleen-lezen" in opened.problem
        assert opened.state.info is not None and opened.state.info.case == "De echte casus"
    assert read_state(store.path).info.case == "De echte casus"  # type: ignore[union-attr]
    shown = invoke("session", "show", store.path)
    assert shown.code == 0 and FORGED not in shown.stdout
    assert f"gebeurtenis {seq} (case-set)" in shown.stderr
    target = store.path.with_name("x.json")
    exported = invoke("session", "export", store.path, "--format", "json", "-o", target)
    assert exported.code == 0 and FORGED not in target.read_text(encoding="utf-8")
    verified = invoke("session", "verify", store.path)
    assert verified.code == 2 and f"gebeurtenis {seq} (case-set)" in verified.stderr
    assert len(verified.stderr.strip().splitlines()) == 1


def test_a_tampered_session_refuses_every_write(session: tuple[SessionStore, Actor]) -> None:
    store, facilitator = session
    store.close()
    _forge_case(store.path, chained=True)
    before = store.path.read_bytes()
    with SessionStore.open(store.path) as opened:
        with pytest.raises(Refused, match="het logboek is buiten netwerktafel gewijzigd"):
            opened.submit(c.SetCase("nog iets"), facilitator)
        with pytest.raises(Refused, match="het logboek is buiten netwerktafel gewijzigd"):
            opened.submit(c.CastVote("b1", ("2",)), Actor("deelnemer-sleutel"))
    result = invoke("session", "set-case", store.path, "nog iets")
    assert result.code == 2 and "Geweigerd: het logboek is buiten netwerktafel" in result.stderr
    assert store.path.read_bytes() == before


@pytest.mark.parametrize(
    ("statement", "reported"),
    [
        (
            "UPDATE events SET payload = replace(payload, 'Ann', 'Bob') WHERE seq = 3",
            "gebeurtenis 3 (stakeholder-added) past niet in de keten",
        ),
        ("DELETE FROM events WHERE seq = 4", "gebeurtenis 4 ontbreekt"),
        ("UPDATE events SET seal = NULL WHERE seq = 5", "gebeurtenis 5 (case-set) draagt geen"),
        ("UPDATE events SET seal = zeroblob(32) WHERE seq = 2", "gebeurtenis 2 (stakeholder"),
    ],
)
def test_rows_changed_or_deleted_with_sqlite_are_reported(
    session: tuple[SessionStore, Actor], statement: str, reported: str
) -> None:
    store, _ = session
    store.close()
    _raw(store.path, statement)
    with SessionStore.open(store.path) as opened:
        assert opened.problem is not None and reported in opened.problem
    result = invoke("session", "verify", store.path)
    assert result.code == 2 and reported in result.stderr


def _last_sealed(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT max(seq) FROM events WHERE seal IS NOT NULL").fetchone()[0])
    finally:
        conn.close()


def test_the_last_events_cut_off_the_end_are_reported(
    session: tuple[SessionStore, Actor],
) -> None:
    """A shorter chain is still a whole chain: the head mark is what shows the cut."""
    store, facilitator = session
    store.submit(c.CloseBallot("b1"), facilitator)  # seals Ann's vote
    last = store.state.version
    store.close()
    _raw(store.path, f"DELETE FROM events WHERE seq >= {last - 1}")
    with SessionStore.open(store.path) as opened:
        assert opened.problem is not None
        assert f"gebeurtenis {last - 1} ontbreekt" in opened.problem
        assert opened.state.version == last - 2
    result = invoke("session", "verify", store.path)
    assert result.code == 2 and f"gebeurtenis {last - 1} ontbreekt" in result.stderr


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM meta WHERE key = 'kop'",
        "UPDATE meta SET value = '1:' || substr(value, instr(value, ':') + 1) WHERE key = 'kop'",
        "UPDATE meta SET value = 'kop' WHERE key = 'kop'",
    ],
    ids=["mark deleted", "mark moved back", "mark garbled"],
)
def test_a_head_mark_removed_or_moved_is_reported(
    session: tuple[SessionStore, Actor], statement: str
) -> None:
    store, _ = session
    store.close()
    sealed = _last_sealed(store.path)
    _raw(store.path, "DROP TRIGGER IF EXISTS meta_fixed_delete", statement)
    reported = f"gebeurtenis {sealed} is de laatste verzegelde"
    with SessionStore.open(store.path) as opened:
        assert opened.problem is not None and reported in opened.problem
    assert check_log(store.path).problem is not None


def test_the_head_mark_follows_every_sealed_event(session: tuple[SessionStore, Actor]) -> None:
    store, facilitator = session
    store.submit(c.CloseBallot("b1"), facilitator)
    store.close()
    found = check_log(store.path)
    assert found.problem is None and found.sealed == _last_sealed(store.path)


def test_a_changed_start_of_the_log_opens_nothing(session: tuple[SessionStore, Actor]) -> None:
    store, _ = session
    store.close()
    _raw(store.path, "UPDATE meta SET value = '3' WHERE key = 'sealed_from'")
    reported = "gebeurtenis 1 (session-started) past niet in de keten"
    with pytest.raises(InputError, match=re.escape(reported)):
        SessionStore.open(store.path)
    result = invoke("session", "verify", store.path)
    assert result.code == 2 and reported in result.stderr


def test_the_triggers_still_refuse_plain_updates(session: tuple[SessionStore, Actor]) -> None:
    store, _ = session
    with pytest.raises(sqlite3.IntegrityError):
        _raw(store.path, "DELETE FROM events WHERE seq = 2", drop_triggers=False)


def test_without_the_key_the_chain_is_checked_and_a_missing_seal_seen(
    session: tuple[SessionStore, Actor],
) -> None:
    store, _ = session
    store.close()
    token_path(store.path).rename(store.path.with_name("elders.begeleider"))
    assert check_log(store.path).keyed is False
    assert "de zegels zijn niet gecontroleerd" in invoke("session", "verify", store.path).stdout
    _forge_case(store.path, chained=True)
    with SessionStore.open(store.path, with_key=False) as opened:
        assert opened.problem is not None and "draagt geen geldig zegel" in opened.problem


def test_rows_forged_while_a_session_is_open_are_caught_on_refresh(
    session: tuple[SessionStore, Actor],
) -> None:
    store, facilitator = session
    seq = _forge_case(store.path, chained=True, seal=b"\x01" * 32)
    store.refresh()
    assert store.problem is not None and f"gebeurtenis {seq} (case-set)" in store.problem
    assert store.state.info is not None and store.state.info.case == "De echte casus"
    with pytest.raises(Refused):
        store.submit(c.SetCase("verder"), facilitator)


# --- the upgrade of a session made before the chain ------------------------------------------


def _v1_copy(folder: Path, *, with_key: bool = True) -> Path:
    path = folder / "oud.nwt"
    shutil.copyfile(FIXTURE, path)
    if with_key:
        shutil.copyfile(token_path(FIXTURE), token_path(path))
    return path


def _events(path: Path) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT seq, kind, version, at, payload FROM events").fetchall()
    finally:
        conn.close()


def test_an_old_session_is_upgraded_once_with_a_backup(tmp_path: Path) -> None:
    path = _v1_copy(tmp_path)
    before = _events(path)
    state_before = read_session(path)
    assert len(before) == 18 and not check_log(path).chained
    with SessionStore.open(path) as store:
        assert store.problem is None
        assert store.notices and "oud.nwt.voor-keten.bak" in store.notices[0]
        assert store.state == state_before
    backup = backup_path(path)
    assert backup.stat().st_mode & 0o777 == 0o600
    assert _events(backup) == before == _events(path)
    assert read_session(backup) == state_before
    found = check_log(path)
    assert found.chained and found.problem is None and (found.events, found.sealed) == (18, 12)
    with SessionStore.open(path) as again:
        assert again.notices == []


def test_an_old_session_upgraded_without_the_key_is_sealed_by_the_next_facilitator_event(
    tmp_path: Path,
) -> None:
    path = _v1_copy(tmp_path, with_key=False)
    with SessionStore.open(path) as store:
        assert store.problem is None
    shutil.copyfile(token_path(FIXTURE), token_path(path))
    assert check_log(path).sealed == 0
    key = token_path(path).read_text().strip()
    with SessionStore.open(path) as store:
        store.submit(c.CloseBallot("b2"), Actor(key))
    found = check_log(path)
    assert found.problem is None and (found.events, found.sealed) == (19, 19)


def test_the_upgrade_through_the_cli_names_the_backup(tmp_path: Path) -> None:
    path = _v1_copy(tmp_path)
    result = invoke("session", "show", path)
    assert result.code == 0
    assert "oud.nwt.voor-keten.bak" in result.stderr


def _big_v1_session(folder: Path, votes: int) -> Path:
    """The fixture with many more (legacy) votes, so an upgrade takes long enough to kill."""
    path = _v1_copy(folder)
    rows = []
    for n in range(votes):
        at = f"2026-11-29T13:12:{n % 60:02d}.{n:06d}+00:00"[:32]
        payload = json.dumps([at, "b2", "p1", ["akkoord"], None])
        rows.append((19 + n, "vote-cast", 1, at, payload))
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?)", rows)
    conn.close()
    return path


_OPENER = """
import sys
from game.store import SessionStore
print("klaar", flush=True)
sys.stdin.readline()
SessionStore.open(sys.argv[1]).close()
print("open", flush=True)
"""


@pytest.mark.slow
def test_kill_during_the_upgrade_leaves_a_usable_file(tmp_path: Path) -> None:
    template = _big_v1_session(tmp_path, 5_000)
    expected = _events(template)
    rng = random.Random(16)
    for attempt in range(6):
        work = tmp_path / f"poging{attempt}"
        work.mkdir()
        path = work / "oud.nwt"
        shutil.copyfile(template, path)
        shutil.copyfile(token_path(template), token_path(path))
        child = subprocess.Popen(
            [sys.executable, "-c", _OPENER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).parents[2],
        )
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "klaar"
        child.stdin.write("\n")
        child.stdin.flush()
        time.sleep(rng.uniform(0.0, 1.0))
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
        backup = backup_path(path)
        if backup.exists():
            assert _events(backup) == expected  # a backup is whole or absent
        with SessionStore.open(path) as store:  # upgrades now if the kill came first
            assert store.problem is None
            assert store.state.version == len(expected)
        assert _events(path) == expected
        assert _events(backup) == expected
        assert sorted(p.name for p in work.iterdir()) == [
            "oud.nwt",
            "oud.nwt.begeleider",
            "oud.nwt.voor-keten.bak",
        ]


def test_a_damaged_old_session_is_not_upgraded(tmp_path: Path) -> None:
    path = _v1_copy(tmp_path)
    _raw(path, "DELETE FROM events WHERE seq = 3")
    with pytest.raises(InputError, match="gebeurtenis 3 ontbreekt"):
        SessionStore.open(path)
    assert not backup_path(path).exists()
    with pytest.raises(InputError, match="gebeurtenis 3 ontbreekt"):
        check_log(path)


async def test_the_facilitator_app_says_a_tampered_session_is_read_only(tmp_path: Path) -> None:
    from textual.widgets import Static

    from game.tui.screens.board import BoardScreen
    from tests.tui.app_steps import facilitator_app, seeded_session, text_of, until

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    path = seeded_session(data_dir, votes=False)
    seq = _forge_case(path, chained=True)
    app = facilitator_app(data_dir, session=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        told = [n.message for n in app._notifications]
        assert any(f"gebeurtenis {seq} (case-set)" in message for message in told)
        assert text_of(app.screen.query_one("#status", Static)).strip().startswith("ALLEEN-LEZEN")
        await pilot.press("n")  # the next round: refused, nothing written
        await pilot.pause()
        board = app.screen
        assert isinstance(board, BoardScreen) and board.live.state.round.index == 0
