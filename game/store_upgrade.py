"""The one-time upgrade of a session file made before the log had a chain (schema 1 → 2).

The file is first copied beside itself (`<session>.voor-keten.bak`, private, written under a
temporary name and renamed, so the backup is whole or absent). The upgrade is then one
transaction: new columns, the chain over every event, seals when the facilitator key is at
hand, `sealed_from`, the new schema version. A `kill -9` at any moment leaves the file as it
was (and maybe the backup) or fully upgraded; the next open simply upgrades again.

Without the facilitator key (a participant's process opens the old file first) the older
events are chained but not sealed: `sealed_from` is the next event, so the facilitator's
next event seals them all.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from game import log_chain
from game.engine import hash_token

BACKUP_SUFFIX = ".voor-keten.bak"
"""The copy of a schema-1 session kept beside it when it is upgraded."""
CHAINED_SCHEMA = 2
"""1: the log without chain and seals; 2: `events.chain`, `events.seal`, `meta.sealed_from`."""
APPEND_ONLY_TRIGGERS = (
    "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
    "CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events "
    "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END",
)
"""The triggers that keep the log append-only (for the honest; the chain is for the rest)."""
_ATTEMPTS = 5
"""How often a backup is retaken when another process wrote while it was being taken."""


def backup_path(path: Path) -> Path:
    """Where the copy of a session from before the chain is kept."""
    return path.with_name(path.name + BACKUP_SUFFIX)


def upgrade_to_chain(path: Path, conn: sqlite3.Connection, key: str | None) -> Path | None:
    """Upgrade the session open on `conn` to the chained log; returns the backup's path.

    None when another process upgraded it first. `key` is the facilitator key, if known:
    then every facilitator event gets its seal now.
    """
    for _ in range(_ATTEMPTS):
        events_in_backup = _back_up(path, conn)
        conn.execute("BEGIN IMMEDIATE")
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("schema") != "1":
                conn.execute("ROLLBACK")
                backup_path(path).unlink(missing_ok=True)
                return None
            rows = conn.execute(
                "SELECT seq, kind, version, at, payload FROM events ORDER BY seq"
            ).fetchall()
            if (rows[-1][0] if rows else 0) != events_in_backup:
                conn.execute("ROLLBACK")
                continue  # Someone wrote between the backup and the lock: back up again.
            _chain_rows(conn, meta, rows, key)
            conn.execute("COMMIT")
            return backup_path(path)
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    raise sqlite3.OperationalError("database is locked")


def _back_up(path: Path, conn: sqlite3.Connection) -> int:
    """Copy the session beside itself, atomically; returns the last seq in the copy."""
    target = backup_path(path)
    # One fixed name: a copy cut off by a kill is overwritten by the next attempt, not left.
    tmp = target.with_name(f".{target.name}.tmp")
    journal = Path(f"{tmp}-journal")
    journal.unlink(missing_ok=True)  # never let SQLite roll a dead attempt's journal back
    try:
        tmp.unlink(missing_ok=True)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        copy = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            last = copy.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
        finally:
            copy.close()
        fd = os.open(tmp, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    finally:
        for leftover in (tmp, journal):
            leftover.unlink(missing_ok=True)
    return int(last)


def _chain_rows(
    conn: sqlite3.Connection,
    meta: dict[str, str],
    rows: list[tuple[int, str, int, str, str]],
    key: str | None,
) -> None:
    """Inside the upgrade's transaction: add the columns, chain (and seal) every event."""
    last = rows[-1][0] if rows else 0
    if key is not None and hash_token(key) != meta.get("facilitator_token_hash"):
        key = None  # Not this session's key: seal nothing rather than seal wrongly.
    sealed_from = 1 if key is not None else last + 1
    conn.execute("DROP TRIGGER IF EXISTS events_append_only_update")
    conn.execute("DROP TRIGGER IF EXISTS events_append_only_delete")
    conn.execute("ALTER TABLE events ADD COLUMN chain BLOB")
    conn.execute("ALTER TABLE events ADD COLUMN seal BLOB")
    head = log_chain.start(meta.get("session_id", ""), sealed_from).head
    updates = []
    for seq, kind, version, at, payload in rows:
        head = log_chain.link(head, seq, kind, version, at, payload)
        sealed = key is not None and log_chain.needs_seal(kind, seq, sealed_from)
        updates.append((head, log_chain.seal(key, head) if sealed and key else None, seq))
    conn.executemany("UPDATE events SET chain = ?, seal = ? WHERE seq = ?", updates)
    sealed_rows = [(seq, chain) for chain, seal, seq in updates if seal is not None]
    if key is not None and sealed_rows:
        seq, chain = sealed_rows[-1]
        mark = log_chain.head_mark(key, seq, chain)
        conn.execute("INSERT INTO meta(key, value) VALUES (?, ?)", (log_chain.HEAD_KEY, mark))
    for trigger in APPEND_ONLY_TRIGGERS:
        conn.execute(trigger)
    conn.execute("INSERT INTO meta(key, value) VALUES ('sealed_from', ?)", (str(sealed_from),))
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (str(CHAINED_SCHEMA),))
    conn.execute(f"PRAGMA user_version={CHAINED_SCHEMA}")
