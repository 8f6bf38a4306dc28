"""The session file: one SQLite database per session. The only module that touches sqlite3.

Layout of a session file:

- `meta` (key, value): `app` = "netwerktafel", `schema` (the layout's version),
  `session_id`, `join_code`, `facilitator_token_hash`, `created_at`. The schema version is
  also in the file header (`PRAGMA user_version`) and the header's application id marks
  the file as ours, so a foreign or newer file is recognised before SQLite reads a page.
- `events` (seq, kind, version, at, payload, chain, seal): the append-only log. `seq`
  counts from 1 without gaps; triggers refuse every UPDATE and DELETE. `chain` and `seal`
  make tampering visible even when the triggers are dropped (`game.log_chain`): each row
  carries a hash of the one before it, and each facilitator event an HMAC with the
  facilitator key. `meta.sealed_from` is the first event that must carry a seal.

A file whose log does not check out opens read-only: `problem` holds the one Dutch line
that says which event broke the log, the state is folded up to the last event that can be
trusted, and every write is refused with that line. A file of schema 1 (before the chain)
is upgraded in place on first open, in one transaction, after a backup beside it.

Every process (facilitator TUI, each voter, the CLI) opens the same file. The database
runs in WAL mode (readers never block the writer) with `synchronous=FULL` (a commit is on
disk before `submit` returns) and a busy timeout (writers queue instead of failing).
A write is `BEGIN IMMEDIATE` → read the events other processes appended since we last
looked → fold them → decide → append → `COMMIT`, so no process decides on a stale state.

The facilitator token is not in the session file, only its hash: the token itself is in
a sidecar file `<session>.begeleider` next to it, readable by its owner only (mode 0600).
So the CLI on the facilitator's machine can act as facilitator across commands, while a
copy of the session file (mailed with the report, opened by a participant's app) carries
no facilitator rights.

The session file, its `-wal` and `-shm` and the sessions folder are readable by their owner
only (0600 and 0700): the file holds names, reasons and results the program hides from the
room. SQLite gives the `-wal` and `-shm` the mode of the database file.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import secrets
import shutil
import sqlite3
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from catalogue import _
from deck import Deck, InputError, Location, Problem
from deck.atomic_write import write_atomically
from deck.collector_pause import collector_paused
from deck.loader import deck_files
from deck.regular_file import open_regular_file, os_problem, read_regular_file
from game import log_chain
from game.data_folder import data_folder
from game.engine import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Actor,
    Event,
    EventFormatError,
    Refusal,
    RoundPlan,
    SessionState,
    apply,
    decide,
    encode,
    hash_token,
)
from game.engine import commands as c
from game.engine.events import SessionStarted, decode_rows
from game.engine.fold import fold_rows
from game.engine.state import DeckFile
from game.store_upgrade import APPEND_ONLY_TRIGGERS, CHAINED_SCHEMA, upgrade_to_chain
from workshops.model import Workshop, round_kind

SCHEMA_VERSION = CHAINED_SCHEMA
APPLICATION_ID = 0x4E575431
"""'NWT1' in the SQLite header: marks a file as a netwerktafel session."""
BUSY_TIMEOUT_S = 30.0
"""How long a writer waits for another process's write before giving up."""
SESSION_SUFFIX = ".nwt"
TOKEN_SUFFIX = ".begeleider"
_SQLITE_MAGIC = b"SQLite format 3\x00"

_SCHEMA = """
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE events (
    seq     INTEGER PRIMARY KEY,
    kind    TEXT NOT NULL,
    version INTEGER NOT NULL,
    at      TEXT NOT NULL,
    payload TEXT NOT NULL,
    chain   BLOB,
    seal    BLOB
);
CREATE TRIGGER meta_fixed_delete BEFORE DELETE ON meta
BEGIN SELECT RAISE(ABORT, 'meta is fixed'); END;
"""
_MARK_HEAD = (
    "INSERT INTO meta(key, value) VALUES ('kop', ?) "
    "ON CONFLICT(key) DO UPDATE SET value = excluded.value"
)
_INSERT_EVENTS = (
    "INSERT INTO events(seq, kind, version, at, payload, chain, seal) VALUES (?, ?, ?, ?, ?, ?, ?)"
)
_SELECT_EVENTS = (
    "SELECT seq, kind, version, at, payload, chain, seal FROM events WHERE seq > ? ORDER BY seq"
)


class Refused(Exception):
    """A command was refused; nothing was written. `reason` is Dutch, for the user."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class StoreError(Exception):
    """The session file could not be written (disk full, busy too long, …); Dutch message."""


def session_problem(path: Path, message: str, hint: str | None = None) -> InputError:
    """An `InputError` about a session file, printed by the CLI as `PATH:1:1: message`."""
    return InputError([Problem(Location(path), message, hint=hint)])


def default_session_dir() -> Path:
    """Where sessions named without a path are kept: the user's data folder."""
    return data_folder() / "sessies"


def session_path(name: str | Path) -> Path:
    """The file of a session given as a path, or as a bare name (kept in the data folder).

    A name without a folder and without a suffix (`buurtoverleg`) means
    `<data folder>/buurtoverleg.nwt`; anything else is a path as given.
    """
    path = Path(name)
    if len(path.parts) == 1 and not path.suffix and not path.exists():
        return default_session_dir() / f"{path.name}{SESSION_SUFFIX}"
    return path


def token_path(path: Path) -> Path:
    """The sidecar file holding a session's facilitator token."""
    return path.with_name(path.name + TOKEN_SUFFIX)


def new_token() -> str:
    """A fresh random token for a participant or a facilitator."""
    return secrets.token_urlsafe(24)


def new_join_code() -> str:
    """A fresh random join code from the alphabet without look-alikes."""
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def read_facilitator_token(path: Path) -> str:
    """The facilitator token kept beside the session file; `InputError` when it is missing."""
    sidecar = token_path(path)
    if not sidecar.exists() and not sidecar.is_symlink():
        raise session_problem(
            path,
            _("de begeleidersleutel van deze sessie ontbreekt"),
            hint=_("alleen wie de sessie maakte kan dit; het bestand {file} hoort ernaast").format(
                file=sidecar.name
            ),
        )
    raw = read_regular_file(sidecar, _MAX_TOKEN_FILE)
    try:
        return raw.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise session_problem(sidecar, _("de begeleidersleutel is beschadigd")) from None


_MAX_TOKEN_FILE = 4096
"""A token is 32 characters; a bigger key file is not ours."""


def _write_private(path: Path, text: str) -> None:
    # The token is never readable by others, not even for a moment, and never half written.
    write_atomically(path, (text + "\n").encode("utf-8"), private=True)


PRIVATE_FILE_MODE = 0o600
PRIVATE_FOLDER_MODE = 0o700


def make_private_folder(folder: Path) -> None:
    """Make `folder` (and missing parents); the folder itself is left readable by its owner only.

    A folder that was already there is tightened only when it is the sessions folder of
    netwerktafel's own data folder: a folder the user chose keeps the mode they gave it.
    """
    existed = folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER_MODE)
    if not existed or folder == default_session_dir():
        _tighten(folder, PRIVATE_FOLDER_MODE)


def _tighten(path: Path, mode: int) -> None:
    """Take away every permission beyond `mode` from a file or folder we own."""
    try:
        info = path.stat()
        if info.st_uid == os.getuid() and info.st_mode & 0o777 & ~mode:
            path.chmod(info.st_mode & mode & 0o777)
    except OSError:
        pass  # Not ours, or gone: nothing to tighten.


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
    )
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
    return conn


@dataclass(frozen=True)
class NewSession:
    """A session just created: its store, and the facilitator token (also in the sidecar)."""

    store: SessionStore
    facilitator_token: str

    @property
    def facilitator(self) -> Actor:
        """The facilitator, as an actor for `submit`."""
        return Actor(self.facilitator_token)


class SessionStore:
    """An open session file, with the state folded from its events.

    Open one with `SessionStore.open(path)` or make one with `SessionStore.create(...)`;
    close it with `close()` or use it as a context manager.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, loaded: _Loaded) -> None:
        self.path = path
        self._conn = conn
        self._state = loaded.state
        self._log = loaded.log
        self.problem: str | None = loaded.problem
        """The one Dutch line saying how the log was tampered with; None when it is whole.
        A store with a problem shows the state up to the last trusted event and refuses
        every write with this line."""
        self.notices: list[str] = list(loaded.notices)
        """What opening did that the user should hear about (an upgrade and its backup)."""
        self._data_version = self._read_data_version()
        self._file_key: tuple[int, int] | None = _file_key(path)
        _OPEN_FILES[self._file_key] += 1

    # --- opening and creating ----------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        deck_id: str,
        deck_path: str | None = None,
        case: str = "",
        workshop_id: str | None = None,
        workshop_title: str | None = None,
        rounds: Sequence[RoundPlan] = (),
        now: dt.datetime | None = None,
    ) -> NewSession:
        """Create a new session file at `path` (refused if something is there already).

        Writes the facilitator token to the sidecar file and returns it with the store.
        """
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise session_problem(
                path, _("hier staat al een bestand"), hint=_("kies een andere naam")
            )
        token = new_token()
        command = c.StartSession(
            session_id=secrets.token_hex(8),
            join_code=new_join_code(),
            deck_id=deck_id,
            case=case,
            deck_path=deck_path,
            workshop_id=workshop_id,
            workshop_title=workshop_title,
            rounds=tuple(rounds),
        )
        outcome = decide(SessionState(), command, Actor(token), now=now or _now())
        if isinstance(outcome, Refusal):
            raise Refused(outcome.reason)
        assert isinstance(outcome, SessionStarted)
        try:
            make_private_folder(path.parent)
            cls._build_file(path, outcome, token)
            _write_private(token_path(path), token)
        except sqlite3.Error as error:
            raise StoreError(_make_failure(path, str(error))) from None
        except OSError as error:
            raise StoreError(_make_failure(path, str(error.strerror))) from None
        return NewSession(cls.open(path), token)

    @classmethod
    def create_for_workshop(
        cls,
        path: Path,
        *,
        deck: Deck,
        workshop: Workshop,
        deck_path: Path | None = None,
        case: str = "",
        now: dt.datetime | None = None,
    ) -> NewSession:
        """Create a session that plays `workshop` with `deck`: its rounds become the agenda.

        `deck_path` is where a custom deck lives (None for the built-in one), so every
        process that opens the session later plays with the same cards; a copy of its files
        goes into the session too (`DeckRecorded`), so it opens when that folder is gone.
        """
        made = cls.create(
            path,
            deck_id=deck.manifest.id,
            deck_path=str(deck_path.resolve()) if deck_path is not None else None,
            case=case,
            workshop_id=workshop.id,
            # In the werkvorm's own language: what `workshops.recorded` finds the titles back by.
            workshop_title=workshop.title.in_language(workshop.language),
            rounds=tuple(
                RoundPlan(
                    r.id,
                    round_kind(r),
                    r.title.in_language(workshop.language),
                    r.minutes,
                    r.optional,
                )
                for r in workshop.rounds
            ),
            now=now,
        )
        if deck_path is not None:
            files = tuple(DeckFile(name, text) for name, text in deck_files(deck_path))
            made.store.submit(
                c.RecordDeck(deck.manifest.id, files), made.facilitator, now=now, deck=deck
            )
        return made

    @staticmethod
    def _build_file(path: Path, started: SessionStarted, key: str) -> None:
        # Build the whole file under a temporary name and link it into place, so `path`
        # is either absent or a complete session, and an existing file is never replaced.
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            # Created empty and private first: SQLite keeps the mode, and gives it to the
            # -wal and -shm files too.
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE))
            conn = _connect(tmp)
            try:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                conn.executescript(_SCHEMA + "".join(f"{t};\n" for t in APPEND_ONLY_TRIGGERS))
                conn.execute("BEGIN IMMEDIATE")
                conn.executemany(
                    "INSERT INTO meta(key, value) VALUES (?, ?)",
                    [
                        ("app", "netwerktafel"),
                        ("schema", str(SCHEMA_VERSION)),
                        ("session_id", started.session_id),
                        ("join_code", started.join_code),
                        ("facilitator_token_hash", started.facilitator_token_hash),
                        ("created_at", started.at),
                        ("sealed_from", "1"),
                    ],
                )
                position = log_chain.start(started.session_id, 1)
                first = _chained_row(position.head, 1, started, encode(started), key)
                conn.execute(_INSERT_EVENTS, first)
                conn.execute(_MARK_HEAD, (log_chain.head_mark(key, 1, first[5]),))
                conn.execute("COMMIT")
            finally:
                conn.close()
            try:
                os.link(tmp, path)
            except FileExistsError:
                raise session_problem(path, _("hier staat al een bestand")) from None
            except OSError:
                # A file system without hard links (some USB sticks): rename instead.
                if path.exists():
                    raise session_problem(path, _("hier staat al een bestand")) from None
                os.replace(tmp, path)
        finally:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
                leftover.unlink(missing_ok=True)

    @classmethod
    def open(cls, path: Path, *, with_key: bool = True) -> SessionStore:
        """Open an existing session file, check its log and fold its events.

        A missing file, a file that is not a session, a damaged one, or one made by a newer
        version of netwerktafel raises `InputError` with a clear Dutch message. A log that
        was tampered with opens read-only (see `problem`). With `with_key`, the facilitator
        key beside the file (when it is there) checks every seal; the room web opens without
        it, since it never holds the key. Opening writes nothing, except the one-time upgrade
        of a file made before the chain (with a backup beside it; see `notices`).
        """
        path = Path(path)
        _check_header(path)
        key = facilitator_key_beside(path) if with_key else None
        sidecars = [Path(f"{path}-wal"), Path(f"{path}-shm")]
        existed = [p.exists() for p in sidecars]
        try:
            conn = _connect(path)
        except sqlite3.OperationalError as error:
            _tidy(sidecars, existed)
            if _is_read_only(error):
                raise _read_only(path) from None
            raise session_problem(
                path, _("het sessiebestand kan niet open: {error}").format(error=error)
            ) from None
        except sqlite3.DatabaseError as error:
            _tidy(sidecars, existed)
            raise _damaged(path, error) from None
        try:
            notices = []
            loaded = _load_state(path, conn, key)
            if not loaded.chained:
                # Only a sound session of schema 1 gets here: upgrade it, then read it again.
                backup = upgrade_to_chain(path, conn, key)
                if backup is not None:
                    notices.append(
                        _(
                            "{session} is bijgewerkt naar een logboek met keten en zegels; het "
                            "oorspronkelijke bestand staat ernaast als {backup}"
                        ).format(session=path.name, backup=backup.name)
                    )
                loaded = _load_state(path, conn, key)
            # Files made before sessions were private are made private on first open.
            for file in (path, *sidecars):
                _tighten(file, PRIVATE_FILE_MODE)
            store = cls(path, conn, replace(loaded, notices=tuple(notices)))
            return store
        except sqlite3.DatabaseError as error:
            conn.close()
            _tidy(sidecars, existed)
            if _is_read_only(error):
                raise _read_only(path) from None
            raise _damaged(path, error) from None
        except OSError as error:
            # The upgrade could not write its backup beside the file.
            conn.close()
            _tidy(sidecars, existed)
            if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise _read_only(path) from None
            raise session_problem(path, os_problem(error)) from None
        except BaseException:
            conn.close()
            _tidy(sidecars, existed)
            raise

    def close(self) -> None:
        """Close the file. The state stays readable."""
        self._conn.close()
        if self._file_key is not None:
            _OPEN_FILES[self._file_key] -= 1
            if _OPEN_FILES[self._file_key] <= 0:
                del _OPEN_FILES[self._file_key]
            self._file_key = None

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -----------------------------------------------------------------------

    @property
    def state(self) -> SessionState:
        """The state as of the last read or write; `refresh()` catches up with others."""
        return self._state

    def _read_data_version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """Whether another process wrote since we last looked (a cheap check, no reading)."""
        return self._read_data_version() != self._data_version

    def refresh(self) -> bool:
        """Pick up events other processes appended. Returns whether the state changed."""
        try:
            version = self._read_data_version()
            if version == self._data_version:
                return False
            before = self._state.version
            self._state = self._catch_up(self._state)
            self._data_version = version
            return self._state.version != before
        except sqlite3.DatabaseError as error:
            raise _damaged(self.path, error) from None

    def _catch_up(self, state: SessionState) -> SessionState:
        """`state` with the events others appended since, once their chain checks out.

        A break in what others appended (rows written around netwerktafel while the session
        is open) makes this store read-only from then on, as if it had been opened so.
        """
        if self.problem is not None:
            return state
        rows = self._conn.execute(_SELECT_EVENTS, (self._log.position.seq,)).fetchall()
        if not rows:
            return state
        position, broken = log_chain.check(
            rows, self._log.position, key=self._log.key, sealed_from=self._log.sealed_from
        )
        if broken is not None:
            loaded = _load_state(self.path, self._conn, self._log.key)
            self._log, self.problem = loaded.log, loaded.problem
            return loaded.state
        self._log = replace(self._log, position=position)
        return _fold_rows(self.path, rows, state)

    def events(self, after: int = 0) -> list[tuple[int, Event]]:
        """The events after sequence number `after`, with their sequence numbers."""
        rows = self._conn.execute(
            "SELECT seq, kind, version, payload FROM events WHERE seq > ? ORDER BY seq",
            (after,),
        ).fetchall()
        try:
            decoded = decode_rows([(kind, version, payload) for _, kind, version, payload in rows])
        except EventFormatError as error:
            raise session_problem(self.path, _damage(str(error))) from None
        return [(row[0], event) for row, event in zip(rows, decoded, strict=True)]

    def integrity_problems(self) -> list[str]:
        """What SQLite's full integrity check finds wrong with the file (empty when sound)."""
        rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        found = [str(row[0]) for row in rows]
        return [] if found == ["ok"] else found

    # --- writing -----------------------------------------------------------------------

    def submit(
        self,
        command: c.Command,
        actor: Actor,
        *,
        now: dt.datetime | None = None,
        deck: Deck | None = None,
    ) -> Event:
        """Decide `command` on the latest state and append its event; `Refused` if refused."""
        return self.submit_many([(command, actor)], now=now, deck=deck)[0]

    def submit_many(
        self,
        items: Iterable[tuple[c.Command, Actor]],
        *,
        now: dt.datetime | None = None,
        deck: Deck | None = None,
    ) -> list[Event]:
        """Decide and append several commands in one transaction: all of them, or none.

        Raises `Refused` (nothing written) as soon as one command is refused.
        """
        outcomes = self._append(items, now=now, deck=deck, all_or_nothing=True)
        return [outcome for outcome in outcomes if not isinstance(outcome, Refused)]

    def submit_each(
        self,
        items: Iterable[tuple[c.Command, Actor]],
        *,
        now: dt.datetime | None = None,
    ) -> list[Event | Refused]:
        """Decide and append several independent commands in one transaction (group commit).

        Unlike `submit_many`, a refused command refuses only itself: its place in the result
        holds the `Refused`, and the others are appended. One durable commit for many
        commands is what lets one process take the votes of a whole room at once.
        """
        return self._append(items, now=now, deck=None, all_or_nothing=False)

    def _append(
        self,
        items: Iterable[tuple[c.Command, Actor]],
        *,
        now: dt.datetime | None,
        deck: Deck | None,
        all_or_nothing: bool,
    ) -> list[Event | Refused]:
        moment = now or _now()
        conn = self._conn
        if self.problem is not None:
            raise Refused(self.problem)
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Holding the write lock, nobody else can commit: this data_version and the
                # events read below are exactly what others have written.
                data_version = self._read_data_version()
                state = self._catch_up(self._state)
                # What others appended is ours now, even if this command is refused.
                self._state = state
                self._data_version = data_version
                if self.problem is not None:
                    raise Refused(self.problem)
                outcomes: list[Event | Refused] = []
                rows = []
                head = self._log.position.head
                mark: str | None = None
                for command, actor in items:
                    outcome = decide(state, command, actor, now=moment, deck=deck)
                    if isinstance(outcome, Refusal):
                        if all_or_nothing:
                            raise Refused(outcome.reason)
                        outcomes.append(Refused(outcome.reason))
                        continue
                    state = apply(state, outcome)
                    outcomes.append(outcome)
                    # The chain is computed inside the transaction, so a group commit stays
                    # one durable write.
                    row = _chained_row(head, state.version, outcome, encode(outcome), actor.token)
                    head = row[5]
                    rows.append(row)
                    if row[6] is not None:
                        mark = log_chain.head_mark(actor.token, row[0], head)
                conn.executemany(_INSERT_EVENTS, rows)
                if mark is not None:
                    conn.execute(_MARK_HEAD, (mark,))
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as error:
            if _is_read_only(error):
                raise _read_only(self.path) from None
            raise StoreError(_write_failure(self.path, error)) from None
        except sqlite3.DatabaseError as error:
            raise _damaged(self.path, error) from None
        self._state = state
        if rows:
            last = rows[-1]
            sealed = [row for row in rows if row[6] is not None]
            position = self._log.position
            self._log = replace(
                self._log,
                position=log_chain.ChainPosition(
                    last[0],
                    head,
                    last[3],
                    sealed[-1][0] if sealed else position.sealed,
                    sealed[-1][3] if sealed else position.sealed_at,
                ),
            )
        return outcomes


def _chained_row(
    previous: bytes, seq: int, event: Event, payload: str, key: str
) -> tuple[int, str, int, str, str, bytes, bytes | None]:
    """An event as a row of the log: chained to the row before, sealed if it needs it.

    A facilitator event is only ever decided for the facilitator's token, so `key` (the
    actor's token) is the facilitator key whenever a seal is needed.
    """
    chain = log_chain.link(previous, seq, event.kind, event.version, event.at, payload)
    sealed = event.kind not in log_chain.UNSEALED_KINDS
    return (
        seq,
        event.kind,
        event.version,
        event.at,
        payload,
        chain,
        log_chain.seal(key, chain) if sealed else None,
    )


class ReadOnlySession(InputError):
    """The session file or its folder cannot be written, so SQLite cannot open it in place."""


def _is_read_only(error: sqlite3.DatabaseError) -> bool:
    text = str(error)
    return "readonly" in text or "unable to open" in text


def _read_only(path: Path) -> ReadOnlySession:
    return ReadOnlySession(
        session_problem(
            path,
            _("het sessiebestand (of zijn map) is alleen-lezen: hier kan niets bij"),
            hint=_("tonen, exporteren en het verslag gaan wel; kopieer het om verder te spelen"),
        ).problems
    )


Warn = Callable[[str], None]
"""Where a reading command tells the user what opening found (a tampered log, an upgrade)."""


def read_state(path: Path, *, warn: Warn | None = None) -> SessionState:
    """The state of a session, for commands that only read it (show, export, report).

    Opened in place when possible; a session on a read-only disk or in a read-only folder
    is read from a copy instead (`read_session`), so it can still be shown and reported.
    A tampered log gives the state up to the last trusted event, and its line to `warn`.
    """
    try:
        store = SessionStore.open(path)
    except ReadOnlySession:
        return read_session(path, warn=warn)
    with store:
        if warn is not None:
            for line in (*store.notices, store.problem):
                if line is not None:
                    warn(line)
        return store.state


def read_session(path: Path, *, warn: Warn | None = None) -> SessionState:
    """The state of a session file, read without writing a byte in it or next to it.

    For `aggregate`, which reads other people's session files: SQLite would create `-wal`
    and `-shm` files beside a WAL database even to read it, and a checkpoint on close may
    write to it. So the file (and its `-wal`, if a session is still open elsewhere) is
    copied into a temporary folder and the copy is read. Errors name the original file.
    """
    loaded = _read_copy(Path(path))
    if loaded.problem is not None and warn is not None:
        warn(loaded.problem)
    return loaded.state


@dataclass(frozen=True)
class LogCheck:
    """What `check_log` found: the log whole or not, how far it is sealed."""

    events: int
    sealed: int
    """The last event with a checked seal (0 when none, or when the key was not at hand)."""
    sealed_at: str
    keyed: bool
    """Whether the facilitator key was beside the file, so the seals could be checked."""
    chained: bool
    """False for a file made before the chain (not upgraded yet)."""
    problem: str | None


def check_log(path: Path) -> LogCheck:
    """Check a session's log (chain, and seals when the key is beside it), writing nothing."""
    path = Path(path)
    loaded = _read_copy(path)
    position = loaded.log.position
    return LogCheck(
        events=position.seq,
        sealed=position.sealed,
        sealed_at=position.sealed_at,
        keyed=loaded.log.key is not None,
        chained=loaded.chained,
        problem=loaded.problem,
    )


def _read_copy(path: Path) -> _Loaded:
    """A session read from a private copy (see `read_session`); the key checks its seals."""
    _check_header(path)
    with tempfile.TemporaryDirectory(prefix="netwerktafel-") as scratch:
        copy = Path(scratch) / "sessie.nwt"
        try:
            shutil.copyfile(path, copy)
            wal = Path(f"{path}-wal")
            if wal.exists():
                shutil.copyfile(wal, Path(f"{copy}-wal"))
        except OSError as error:
            message = _("het sessiebestand is niet leesbaar: {error}").format(error=error.strerror)
            raise session_problem(path, message) from None
        try:
            conn = sqlite3.connect(copy, isolation_level=None)
        except sqlite3.DatabaseError as error:
            raise _damaged(path, error) from None
        try:
            return _load_state(path, conn, facilitator_key_beside(path))
        except sqlite3.DatabaseError as error:
            raise _damaged(path, error) from None
        finally:
            conn.close()


@dataclass(frozen=True)
class _Log:
    """What a store knows of its log's chain: how far it is checked, and how to check on."""

    position: log_chain.ChainPosition
    sealed_from: int
    key: str | None


@dataclass(frozen=True)
class _Loaded:
    """A session file as read: the (trusted) state, the log, and what is wrong with it."""

    state: SessionState
    log: _Log
    problem: str | None
    notices: tuple[str, ...] = ()
    chained: bool = True
    """False for a file of schema 1, whose log has no chain yet."""


def _load_state(path: Path, conn: sqlite3.Connection, key: str | None) -> _Loaded:
    """Check that `conn` holds a session, check its log, and fold what can be trusted.

    Errors name `path`. A file of schema 1 (never upgraded: read from a copy) has no chain
    to check.
    """
    # Reading a log makes a few objects per event, none in a cycle and none freed before
    # the fold ends: the collections their allocations set off walked them all again and
    # again (half of opening 100,000 events).
    with collector_paused():
        return _read_log(path, conn, key)


def _read_log(path: Path, conn: sqlite3.Connection, key: str | None) -> _Loaded:
    """`_load_state`'s work: the meta, the rows, the chain check and the fold."""
    meta = _check_meta(path, conn)
    if int(meta["schema"]) < SCHEMA_VERSION:
        rows = conn.execute(
            "SELECT seq, kind, version, at, payload, NULL, NULL FROM events ORDER BY seq"
        ).fetchall()
        state = _fold_rows(path, rows, SessionState())
        log = _Log(log_chain.ChainPosition(state.version, b"", "", 0, ""), 1, None)
        if not state.started:
            raise session_problem(path, _damage(_("de sessie begint niet")))
        return _Loaded(state, log, None, chained=False)
    else:
        try:
            sealed_from = int(meta.get("sealed_from", ""))
        except ValueError:
            message = _damage(_("'sealed_from' ontbreekt"))
            raise session_problem(path, message) from None
        rows = conn.execute(_SELECT_EVENTS, (0,)).fetchall()
        begin = log_chain.start(str(meta.get("session_id", "")), sealed_from)
        position, broken = log_chain.check(rows, begin, key=key, sealed_from=sealed_from)
        if broken is None:
            mark = meta.get(log_chain.HEAD_KEY)
            broken = log_chain.check_head(mark, rows, position, key=key)
        trusted = rows if broken is None else rows[: broken.shown]
        state = _fold_rows(path, trusted, SessionState())
        log = _Log(position, sealed_from, key)
    if not state.started:
        if broken is not None:
            raise session_problem(path, broken.line())
        raise session_problem(path, _damage(_("de sessie begint niet")))
    return _Loaded(state, log, broken.line() if broken is not None else None)


def facilitator_key_beside(path: Path) -> str | None:
    """The facilitator key beside the session file, if it is there and readable (None on
    a machine that does not hold it)."""
    if not token_path(path).is_file():
        return None
    try:
        return read_facilitator_token(path)
    except InputError:
        return None


def _tidy(sidecars: list[Path], existed: list[bool]) -> None:
    """Remove the empty -wal and -shm files that opening a bad file left behind.

    Only files that were not there before and hold no data: they were ours, and no other
    process can be using a file that could not even be opened.
    """
    wal, shm = sidecars
    if existed[0] or existed[1]:
        return
    try:
        if not wal.exists() or wal.stat().st_size == 0:
            wal.unlink(missing_ok=True)
            shm.unlink(missing_ok=True)
    except OSError:
        pass


def _write_failure(path: Path, error: sqlite3.OperationalError) -> str:
    text = str(error)
    if "locked" in text or "busy" in text:
        return _(
            "het sessiebestand {path} bleef {seconds} s bezet door een ander programma; "
            "probeer opnieuw"
        ).format(path=path, seconds=int(BUSY_TIMEOUT_S))
    if "full" in text:
        return _("de schijf is vol; het sessiebestand {path} kon niet bijgewerkt worden").format(
            path=path
        )
    return _("het sessiebestand {path} kon niet bijgewerkt worden: {error}").format(
        path=path, error=text
    )


def _make_failure(path: Path, error: str) -> str:
    return _("kon het sessiebestand {path} niet maken: {error}").format(path=path, error=error)


def _damage(what: str) -> str:
    """The line for a damaged session file: what is wrong with it."""
    return _("het sessiebestand is beschadigd: {what}").format(what=what)


def _damaged(path: Path, error: sqlite3.DatabaseError) -> InputError:
    return session_problem(
        path,
        _("het sessiebestand is beschadigd ({error})").format(error=error),
        hint=_("gebruik een reservekopie; dit bestand wordt niet gewijzigd"),
    )


_OPEN_FILES: Counter[tuple[int, int]] = Counter()
"""Session files this process has open in SQLite, by device and inode."""


def _file_key(path: Path) -> tuple[int, int]:
    try:
        info = path.stat()
    except OSError:
        return (-1, -1)
    return (info.st_dev, info.st_ino)


def _check_header(path: Path) -> None:
    """Recognise a session file by its first 100 bytes, before SQLite reads anything."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise session_problem(
            path, _("dit sessiebestand bestaat niet"), hint=_("controleer het pad")
        ) from None
    except OSError as error:
        raise session_problem(path, os_problem(error)) from None
    if stat.S_ISDIR(info.st_mode):
        raise session_problem(path, _("dit is een map, geen sessiebestand"))
    if (info.st_dev, info.st_ino) in _OPEN_FILES:
        # This process holds the file open in SQLite already: it is a session, and closing
        # another handle on it would drop SQLite's POSIX locks for the whole process.
        return
    # Only a regular file: a FIFO would block every command for ever.
    fd = open_regular_file(path)
    try:
        header = os.read(fd, 100)
    except OSError as error:
        message = _("het sessiebestand is niet leesbaar: {error}").format(error=error.strerror)
        raise session_problem(path, message) from None
    finally:
        os.close(fd)
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        raise session_problem(
            path,
            _("dit is geen netwerktafel-sessie (geen SQLite-databank)"),
            hint=_("maak een sessie met 'netwerktafel session new'"),
        )
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        raise session_problem(
            path,
            _("dit is een SQLite-databank, maar geen netwerktafel-sessie"),
            hint=_("maak een sessie met 'netwerktafel session new'"),
        )
    if user_version > SCHEMA_VERSION:
        raise _newer(path, user_version)


def _check_meta(path: Path, conn: sqlite3.Connection) -> dict[str, str]:
    """The `meta` table, once it says the file is a session this program can read."""
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            message = _("dit is geen netwerktafel-sessie (tabel 'meta' ontbreekt)")
            raise session_problem(path, message) from None
        raise
    if meta.get("app") != "netwerktafel":
        raise session_problem(path, _("dit is geen netwerktafel-sessie"))
    try:
        schema = int(meta.get("schema", ""))
    except ValueError:
        raise session_problem(path, _damage(_("geen schemaversie"))) from None
    if schema > SCHEMA_VERSION:
        raise _newer(path, schema)
    return meta


def _newer(path: Path, version: int) -> InputError:
    return session_problem(
        path,
        _(
            "deze sessie is gemaakt met een nieuwere versie van netwerktafel "
            "(bestandsversie {version}; deze versie kent tot {known})"
        ).format(version=version, known=SCHEMA_VERSION),
        hint=_("werk netwerktafel bij om deze sessie te openen"),
    )


def _fold_rows(path: Path, rows: Sequence[Sequence[Any]], state: SessionState) -> SessionState:
    """`state` with the events of `rows` (seq, kind, version, at, payload, …) applied."""
    expected = state.version + 1
    for offset, row in enumerate(rows):
        if row[0] != expected + offset:
            what = _("gebeurtenis {seq} ontbreekt").format(seq=expected + offset)
            raise session_problem(path, _damage(what))
    try:
        return fold_rows([(row[1], row[2], row[4]) for row in rows], state)
    except EventFormatError as error:
        raise session_problem(path, _damage(str(error))) from None
    except (KeyError, ValueError, TypeError, IndexError, AttributeError, AssertionError) as error:
        what = _("de gebeurtenissen passen niet ({error})").format(error=repr(error))
        raise session_problem(path, _damage(what)) from None


__all__ = [
    "APPLICATION_ID",
    "SCHEMA_VERSION",
    "LogCheck",
    "NewSession",
    "ReadOnlySession",
    "Refused",
    "SessionStore",
    "StoreError",
    "check_log",
    "default_session_dir",
    "hash_token",
    "new_join_code",
    "new_token",
    "read_facilitator_token",
    "read_session",
    "read_state",
    "session_path",
    "session_problem",
    "token_path",
]
