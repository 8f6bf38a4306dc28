"""The SQLite store: one file per session, append-only, durable, never fooled by a bad file."""

from __future__ import annotations

import gc
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import game.store as store_module
from deck import Deck, InputError
from game.engine import Actor
from game.engine import commands as c
from game.store import (
    APPLICATION_ID,
    SCHEMA_VERSION,
    Refused,
    SessionStore,
    StoreError,
    read_facilitator_token,
    session_path,
    token_path,
)
from tests.game.session_setup import make_session


@pytest.fixture
def session(tmp_path: Path, deck: Deck) -> Iterator[tuple[SessionStore, Actor]]:
    store, facilitator = make_session(tmp_path / "sessie.nwt", deck)
    yield store, facilitator
    store.close()


def _raw(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def _events_in_file(path: Path) -> int:
    with _raw(path) as conn:
        return int(conn.execute("SELECT count(*) FROM events").fetchone()[0])


def test_a_new_file_is_a_wal_session_with_meta(session: tuple[SessionStore, Actor]) -> None:
    store, facilitator = session
    conn = _raw(store.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    assert store.state.info is not None
    assert meta["app"] == "netwerktafel" and meta["schema"] == str(SCHEMA_VERSION)
    assert meta["join_code"] == store.state.info.join_code
    assert meta["session_id"] == store.state.info.session_id
    assert meta["facilitator_token_hash"] == facilitator.token_hash
    seqs = [row[0] for row in conn.execute("SELECT seq FROM events ORDER BY seq")]
    assert seqs == list(range(1, store.state.version + 1))
    assert facilitator.token not in store.path.read_bytes().decode("latin-1")
    conn.close()
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_the_facilitator_token_is_private_and_beside_the_file(
    session: tuple[SessionStore, Actor],
) -> None:
    store, facilitator = session
    sidecar = token_path(store.path)
    assert sidecar.name == "sessie.nwt.begeleider"
    assert stat.S_IMODE(sidecar.stat().st_mode) == 0o600
    assert read_facilitator_token(store.path) == facilitator.token
    sidecar.unlink()
    with pytest.raises(InputError, match="de begeleidersleutel van deze sessie ontbreekt"):
        read_facilitator_token(store.path)


def test_join_code_uses_no_look_alikes(tmp_path: Path, deck: Deck) -> None:
    codes = set()
    for n in range(20):
        created = SessionStore.create(tmp_path / f"s{n}.nwt", deck_id="sessiedeck")
        assert created.store.state.info is not None
        codes.add(created.store.state.info.join_code)
        created.store.close()
    assert len(codes) == 20
    assert all(len(code) == 6 and not set(code) & set("0O1IL2Z5S8B") for code in codes)


def test_reopening_folds_the_same_state(session: tuple[SessionStore, Actor]) -> None:
    store, _ = session
    with SessionStore.open(store.path) as again:
        assert again.state == store.state
        assert [seq for seq, _ in again.events()] == list(range(1, store.state.version + 1))
        assert again.integrity_problems() == []


def test_create_never_replaces_a_file(tmp_path: Path, deck: Deck) -> None:
    path = tmp_path / "bestaat.nwt"
    path.write_text("iets anders")
    with pytest.raises(InputError, match="hier staat al een bestand"):
        SessionStore.create(path, deck_id="sessiedeck")
    assert path.read_text() == "iets anders"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestaat.nwt"]


def test_a_refused_command_writes_nothing(session: tuple[SessionStore, Actor]) -> None:
    store, facilitator = session
    before = _events_in_file(store.path)
    with pytest.raises(Refused, match="geen stemronde 'b9'"):
        store.submit(c.CloseBallot("b9"), facilitator)
    with pytest.raises(Refused, match="alleen de begeleider"):
        store.submit(c.CloseBallot("b1"), Actor("iemand"))
    assert _events_in_file(store.path) == before == store.state.version


def test_submit_many_is_all_or_nothing(session: tuple[SessionStore, Actor]) -> None:
    store, _ = session
    before = store.state
    voter = Actor("stemmer")
    assert before.info is not None
    with pytest.raises(Refused, match="'9' is geen optie"):
        store.submit_many(
            [
                (c.JoinParticipant("Bert", before.info.join_code), voter),
                (c.CastVote("b1", ("9",)), voter),
            ]
        )
    assert store.state == before
    assert _events_in_file(store.path) == before.version


def test_other_processes_events_are_picked_up(session: tuple[SessionStore, Actor]) -> None:
    store, facilitator = session
    with SessionStore.open(store.path) as other:
        assert not other.changed() and not other.refresh()
        store.submit(c.CloseBallot("b1"), facilitator)
        assert other.changed()
        assert other.refresh()
        assert other.state == store.state
        assert not other.changed() and not other.refresh()


def test_decisions_use_the_latest_state_not_a_stale_one(
    session: tuple[SessionStore, Actor],
) -> None:
    store, facilitator = session
    assert store.state.info is not None
    voter = Actor("stemmer")
    with SessionStore.open(store.path) as stale:
        store.submit(c.CloseBallot("b1"), facilitator)
        assert stale.state.ballots["b1"].is_open  # it has not looked yet
        with pytest.raises(Refused, match="stemronde b1 is gesloten"):
            stale.submit_many(
                [
                    (c.JoinParticipant("Bert", store.state.info.join_code), voter),
                    (c.CastVote("b1", ("1",)), voter),
                ]
            )
        assert not stale.state.ballots["b1"].is_open  # refused, but it did catch up


def test_the_log_is_append_only(session: tuple[SessionStore, Actor]) -> None:
    store, _ = session
    conn = _raw(store.path)
    for statement in ("UPDATE events SET kind = 'x'", "DELETE FROM events", "DELETE FROM meta"):
        with pytest.raises(sqlite3.IntegrityError, match=r"append-only|fixed"):
            conn.execute(statement)
    conn.close()


def test_a_busy_file_gives_a_clear_error(
    session: tuple[SessionStore, Actor], monkeypatch: pytest.MonkeyPatch
) -> None:
    store, facilitator = session
    monkeypatch.setattr(store_module, "BUSY_TIMEOUT_S", 0.2)
    with SessionStore.open(store.path) as impatient:
        blocker = _raw(store.path)
        blocker.execute("BEGIN IMMEDIATE")
        try:
            with pytest.raises(StoreError, match="bezet door een ander programma"):
                impatient.submit(c.CloseBallot("b1"), facilitator)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        impatient.submit(c.CloseBallot("b1"), facilitator)


def test_session_path_of_a_bare_name_is_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    expected = tmp_path / "data" / "netwerktafel" / "sessies" / "buurtoverleg.nwt"
    assert session_path("buurtoverleg") == expected
    assert session_path("buurt.nwt") == Path("buurt.nwt")
    assert session_path("map/buurt") == Path("map/buurt")


# --- files that are not (good) sessions --------------------------------------------------------


def _open_fails(path: Path, message: str) -> None:
    before = path.read_bytes() if path.is_file() else None
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(InputError) as raised:
        SessionStore.open(path)
    text = str(raised.value)
    assert text.startswith(f"{path}:1:1: ") and message in text, text
    if before is not None:
        assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings


def test_missing_file_and_folder(tmp_path: Path) -> None:
    _open_fails(tmp_path / "nergens.nwt", "dit sessiebestand bestaat niet")
    (tmp_path / "map.nwt").mkdir()
    _open_fails(tmp_path / "map.nwt", "dit is een map, geen sessiebestand")


@pytest.mark.parametrize(
    "content", [b"", b"hallo\n", b"SQLite format 3\x00" + b"\x00" * 20, b"\x89PNG" + b"\x00" * 200]
)
def test_a_non_sqlite_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "iets.nwt"
    path.write_bytes(content)
    _open_fails(path, "dit is geen netwerktafel-sessie (geen SQLite-databank)")


def test_a_foreign_sqlite_file_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "adresboek.db"
    conn = _raw(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE adressen (naam TEXT)")
    conn.close()
    _open_fails(path, "dit is een SQLite-databank, maar geen netwerktafel-sessie")


def test_a_sqlite_file_with_our_id_but_no_meta(tmp_path: Path) -> None:
    path = tmp_path / "half.nwt"
    conn = _raw(path)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute("CREATE TABLE x (y)")
    conn.close()
    _open_fails(path, "dit is geen netwerktafel-sessie (tabel 'meta' ontbreekt)")


def _tamper(path: Path, *statements: str) -> None:
    conn = _raw(path)
    conn.execute("DROP TRIGGER events_append_only_update")
    conn.execute("DROP TRIGGER events_append_only_delete")
    conn.execute("DROP TRIGGER meta_fixed_delete")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def test_a_file_from_a_newer_version(session: tuple[SessionStore, Actor]) -> None:
    store, _ = session
    store.close()
    conn = _raw(store.path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    _open_fails(store.path, "gemaakt met een nieuwere versie van netwerktafel (bestandsversie 3")
    conn = _raw(store.path)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    conn.execute("DROP TRIGGER meta_fixed_delete")
    conn.execute("UPDATE meta SET value = '7' WHERE key = 'schema'")
    conn.close()
    _open_fails(store.path, "(bestandsversie 7; deze versie kent tot 2)")


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        (["DELETE FROM events"], "gebeurtenis 1 ontbreekt"),
        (["UPDATE meta SET value = 'iets' WHERE key = 'app'"], "dit is geen netwerktafel-sessie"),
        (["DELETE FROM meta WHERE key = 'sealed_from'"], "'sealed_from' ontbreekt"),
    ],
)
def test_a_damaged_log(
    session: tuple[SessionStore, Actor], statements: list[str], message: str
) -> None:
    store, _ = session
    store.close()
    _tamper(store.path, *statements)
    _open_fails(store.path, message)


def test_a_corrupted_file_gets_a_clear_error(session: tuple[SessionStore, Actor]) -> None:
    store, _ = session
    store.close()
    data = bytearray(store.path.read_bytes())
    page = 4096
    assert len(data) >= 2 * page
    data[page + 8 : 2 * page] = b"\xa5" * (page - 8)  # scribble over the second page
    store.path.write_bytes(bytes(data))
    _open_fails(store.path, "het sessiebestand is beschadigd")


def test_a_truncated_file_gets_a_clear_error(session: tuple[SessionStore, Actor]) -> None:
    store, _ = session
    store.close()
    data = store.path.read_bytes()
    store.path.write_bytes(data[: len(data) // 2 + 100])
    _open_fails(store.path, "het sessiebestand is beschadigd")


def test_opening_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    """Opening pauses the cyclic collector while it reads the log, and always turns it back
    on — after a good file and after one that cannot be read — unless it was off before."""
    for name in ("s.nwt", "kapot.nwt"):
        SessionStore.create(tmp_path / name, deck_id="d").store.close()
    broken = tmp_path / "kapot.nwt"
    _tamper(broken, "UPDATE meta SET value = 'iets anders' WHERE key = 'app'")
    assert gc.isenabled()
    with SessionStore.open(tmp_path / "s.nwt"):
        assert gc.isenabled()
    with pytest.raises(InputError, match="geen netwerktafel-sessie"):
        SessionStore.open(broken)
    assert gc.isenabled()
    gc.disable()
    try:
        SessionStore.open(tmp_path / "s.nwt").close()
        assert not gc.isenabled()
    finally:
        gc.enable()
