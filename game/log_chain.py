"""The event log's hash chain and the facilitator's seals: what makes tampering visible.

Every stored event carries `chain`, the SHA-256 of the previous event's `chain` and of the
event itself (sequence number, kind, version, time, payload). Changing, inserting or
deleting a row breaks the chain from that row on. The chain alone needs no key, so whoever
can write the file could recompute it: that is what the seals are for. Every facilitator
event also carries `seal`, an HMAC of its `chain` with the facilitator key (the token in the
`.begeleider` file, which the session file never holds). A seal vouches for everything
before it, so closing a ballot seals its votes. Participant events (phones, the
participant app) are chained but not sealed: their processes never hold the key; the next
facilitator event seals them.

The chain starts from a hash of the session id and `sealed_from`, the first event that must
carry a seal (1 for a session made with the chain; the first event after the upgrade for a
session that was made before it, unless the key was at hand to seal the older events
during the upgrade). So changing `sealed_from` in the file breaks the chain too.

Verifying is one pass of `hashlib` over the rows as SQLite returns them, with no object
per row: opening a session of 100,000 events stays cheap.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from catalogue import Message
from game.engine.events import PARTICIPANT_EVENTS

UNSEALED_KINDS: frozenset[str] = frozenset(cls.kind for cls in PARTICIPANT_EVENTS)
"""Events that participants' processes write: chained, never sealed."""

ChainRow = Sequence[Any]
"""A stored event as read for checking: seq, kind, version, at, payload, chain, seal."""


def genesis(session_id: str, sealed_from: int) -> bytes:
    """The hash the chain starts from: binds the session and where sealing starts."""
    return hashlib.sha256(f"netwerktafel-keten\0{session_id}\0{sealed_from}".encode()).digest()


def link(previous: bytes, seq: int, kind: Any, version: Any, at: Any, payload: Any) -> bytes:
    """The chain value of one event, given the chain value of the event before it."""
    kind, at = str(kind), str(at)
    # Lengths before the free-text fields, so no bytes can move from one field to the next.
    header = f"\0{seq}\0{len(kind)}:{kind}\0{version}\0{len(at)}:{at}\0".encode()
    body = payload if isinstance(payload, bytes) else str(payload).encode()
    return hashlib.sha256(previous + header + body).digest()


def seal(key: str, chain: bytes) -> bytes:
    """The facilitator's seal on a chain value: an HMAC-SHA-256 with the facilitator key."""
    return hmac.digest(key.encode(), chain, "sha256")


HEAD_KEY = "kop"
"""The meta row that names the log's last sealed event, so events cut off its end show."""


def head_mark(key: str, seq: int, chain: bytes) -> str:
    """`SEQ:MAC`: the last sealed event, and the facilitator's HMAC over its number and chain.

    Written in the same transaction as every sealed event. Without the key nobody can point
    the mark at an earlier event, so deleting the last events (which leaves a shorter chain
    that is still whole) no longer goes unseen.
    """
    mac = hmac.digest(key.encode(), b"netwerktafel-kop\0%d\0" % seq + chain, "sha256")
    return f"{seq}:{mac.hex()}"


def check_head(
    mark: str | None, rows: Sequence[ChainRow], position: ChainPosition, *, key: str | None
) -> LogBreak | None:
    """A break when the log's last seal is not the one the head mark names.

    `rows` are the whole log, whole as far as `check` could tell, so `rows[seq - 1]` is event
    `seq`. Without the key only the numbers can be compared.
    """
    if mark is None:
        if position.sealed == 0:
            return None  # Nothing sealed yet, so nothing the mark should name.
        return _unconfirmed(position)
    number = mark.partition(":")[0]
    seq = int(number) if number.isdigit() else -1
    if seq > position.seq:
        return LogBreak(position.seq + 1, "", Message("ontbreekt"), position.seq, position.at)
    if seq != position.sealed or (
        key is not None and not hmac.compare_digest(head_mark(key, seq, rows[seq - 1][5]), mark)
    ):
        return _unconfirmed(position)
    return None


def _unconfirmed(position: ChainPosition) -> LogBreak:
    what = Message(
        "is de laatste verzegelde, maar het merk dat dat bevestigt ontbreekt of klopt niet"
    )
    return LogBreak(position.sealed, "", what, position.sealed, position.sealed_at)


def needs_seal(kind: str, seq: int, sealed_from: int) -> bool:
    """Whether an event must carry the facilitator's seal."""
    return seq >= sealed_from and kind not in UNSEALED_KINDS


def start(session_id: str, sealed_from: int) -> ChainPosition:
    """The position before the first event."""
    return ChainPosition(0, genesis(session_id, sealed_from), "", 0, "")


@dataclass(frozen=True)
class ChainPosition:
    """How far a log has been checked: the last good event, its chain value, the last seal."""

    seq: int
    head: bytes
    at: str
    """When the last good event happened."""
    sealed: int
    """The last event whose seal was checked (or, without the key, that carries one)."""
    sealed_at: str
    """When that sealed event happened."""


@dataclass(frozen=True)
class LogBreak:
    """The first event of a log that netwerktafel did not write as it stands."""

    seq: int
    kind: str
    what: str
    """In Dutch: what is wrong with it."""
    shown: int
    """Up to which event the log can be trusted: the last checked seal before the break
    (with the key), or the last event before it (without)."""
    shown_at: str
    """When that event happened."""

    def line(self) -> str:
        """The one Dutch line that reports the break: which event, and since when."""
        if not self.shown:
            return Message(
                "het logboek is buiten netwerktafel gewijzigd: gebeurtenis {seq} {what}; geen "
                "enkele gebeurtenis is te vertrouwen",
                seq=self.seq,
                what=self.what,
            )
        return Message(
            "het logboek is buiten netwerktafel gewijzigd: gebeurtenis {seq} {what}; de sessie "
            "is alleen-lezen en toont de stand tot en met gebeurtenis {shown} van {moment}",
            seq=self.seq,
            what=self.what,
            shown=self.shown,
            moment=moment(self.shown_at),
        )


def moment(at: str) -> str:
    """An event time as `2026-11-29 14:02 UTC` (the stored time is ISO 8601, UTC)."""
    return f"{at[:10]} {at[11:16]} UTC" if len(at) >= 16 else at


def check(
    rows: Sequence[ChainRow], start: ChainPosition, *, key: str | None, sealed_from: int
) -> tuple[ChainPosition, LogBreak | None]:
    """Check `rows` (in seq order) onward from `start`: where the log stands, and any break.

    With the facilitator key every seal is checked; without it, a facilitator event must
    still carry a seal, but whether the seal is right cannot be known.
    """
    head, expected = start.head, start.seq + 1
    sealed, sealed_at = start.sealed, start.sealed_at
    good_at: Any = start.at
    key_bytes = key.encode() if key is not None else None
    sha256, hmac_digest, same = hashlib.sha256, hmac.digest, hmac.compare_digest
    unsealed = UNSEALED_KINDS
    problem: tuple[int, str, str] | None = None
    # This loop runs once per event every time a session opens: `link` and `needs_seal`
    # are inlined, and a row that needs nothing more than its hash costs no other call.
    # (`kind not in unsealed` is `needs_seal` without its str(): a kind that SQLite gives as
    # bytes, a number or NULL is never an unsealed kind.)
    for seq, kind, version, at, payload, chain, row_seal in rows:
        if seq != expected:
            problem = (expected, "", Message("ontbreekt"))
            break
        if type(kind) is str and type(at) is str and type(payload) is str:
            # One text and one encode for the whole row: UTF-8 of the parts, end to end.
            text = f"\0{seq}\0{len(kind)}:{kind}\0{version}\0{len(at)}:{at}\0{payload}"
            value = sha256(head + text.encode()).digest()
        else:
            value = link(head, seq, kind, version, at, payload)
        if chain != value:
            kind_text = str(kind)
            problem = (
                seq,
                kind_text,
                Message("({kind}) past niet in de keten (gewijzigd of ingevoegd)", kind=kind_text),
            )
            break
        if seq >= sealed_from and kind not in unsealed:
            if row_seal is None or (
                key_bytes is not None
                and not (
                    isinstance(row_seal, bytes)
                    and same(hmac_digest(key_bytes, value, "sha256"), row_seal)
                )
            ):
                kind_text = str(kind)
                problem = (
                    seq,
                    kind_text,
                    Message("({kind}) draagt geen geldig zegel van de begeleider", kind=kind_text),
                )
                break
            sealed, sealed_at = seq, str(at)
        head, good_at = value, at
        expected += 1
    position = ChainPosition(expected - 1, head, str(good_at), sealed, sealed_at)
    if problem is None:
        return position, None
    seq, kind_text, what = problem
    if key is not None:
        return position, LogBreak(seq, kind_text, what, sealed, sealed_at)
    return position, LogBreak(seq, kind_text, what, position.seq, position.at)
