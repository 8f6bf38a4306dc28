"""Events: the facts of a session, in the order they happened.

An event is never changed or deleted; undo is an event too. Each event type has a `kind`
(its name in the log) and a `version` (raised when its fields change, so an old log can be
read by a newer program and a newer log is recognised by an older one). `encode` and
`decode` turn events into JSON and back.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from catalogue import N_
from game.engine.state import (
    ActionFields,
    BallotMethod,
    BallotOption,
    BallotSource,
    DeckFile,
    RevealPolicy,
    RoundPlan,
    StatementInfo,
)


@dataclass(frozen=True)
class Event:
    """Base of every event: when it happened (ISO 8601, UTC)."""

    kind: ClassVar[str] = "event"
    version: ClassVar[int] = 1

    at: str


@dataclass(frozen=True)
class SessionStarted(Event):
    """The session began."""

    kind: ClassVar[str] = "session-started"

    session_id: str
    case: str
    deck_id: str
    deck_path: str | None
    workshop_id: str | None
    workshop_title: str | None
    rounds: tuple[RoundPlan, ...]
    join_code: str
    facilitator_token_hash: str


@dataclass(frozen=True)
class CaseSet(Event):
    """The case text changed."""

    kind: ClassVar[str] = "case-set"

    before: str
    after: str


@dataclass(frozen=True)
class StakeholderAdded(Event):
    """A stakeholder took a seat at the table."""

    kind: ClassVar[str] = "stakeholder-added"

    stakeholder_id: str
    role_id: str
    role_title: str
    group: str
    name: str


@dataclass(frozen=True)
class StakeholderRemoved(Event):
    """A stakeholder left the table."""

    kind: ClassVar[str] = "stakeholder-removed"

    stakeholder_id: str


@dataclass(frozen=True)
class ParticipantJoined(Event):
    """A new participant joined with the join code."""

    kind: ClassVar[str] = "participant-joined"

    participant_id: str
    name: str
    token_hash: str


@dataclass(frozen=True)
class ParticipantRejoined(Event):
    """A participant joined again by name, with a new token (the old one stays valid)."""

    kind: ClassVar[str] = "participant-rejoined"

    participant_id: str
    token_hash: str


@dataclass(frozen=True)
class RoundChanged(Event):
    """The table moved to another round (on or back)."""

    kind: ClassVar[str] = "round-changed"

    from_index: int
    to_index: int
    previous_started_at: str | None


@dataclass(frozen=True)
class RoundExtended(Event):
    """A round got more time."""

    kind: ClassVar[str] = "round-extended"

    round_index: int
    minutes: int


@dataclass(frozen=True)
class ConcernRecorded(Event):
    """A stakeholder's worry was recorded under a concern card."""

    kind: ClassVar[str] = "concern-recorded"

    concern_id: str
    stakeholder_id: str
    concern_card: str
    concern_title: str
    text: str


@dataclass(frozen=True)
class ApproachRecorded(Event):
    """A stakeholder chose an approach."""

    kind: ClassVar[str] = "approach-recorded"

    approach_id: str
    stakeholder_id: str
    card_id: str
    card_title: str
    form: str
    note: str


@dataclass(frozen=True)
class BallotOpened(Event):
    """A ballot opened, with its options and settings fixed."""

    kind: ClassVar[str] = "ballot-opened"
    version: ClassVar[int] = 4
    """Version 2 added `no_opinion` (version 1 logs are read with it switched off);
    version 3 added the consent method and its sources, so an older program refuses such
    a log instead of misreading it; version 4 added the matrix method and its `axes`
    (older payloads are read without axes)."""

    ballot_id: str
    title: str
    method: BallotMethod
    source: BallotSource
    options: tuple[BallotOption, ...]
    statement: StatementInfo | None
    dots: int
    max_choices: int
    stack: bool
    anonymous: bool
    reveal: RevealPolicy
    no_opinion: bool = False
    axes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PaperVoteCast(Event):
    """The facilitator entered a paper slip: the vote of "papier `slip`", no participant."""

    kind: ClassVar[str] = "paper-vote-cast"

    ballot_id: str
    slip: int
    choices: tuple[str, ...]
    reason: str | None


@dataclass(frozen=True)
class VoteCast(Event):
    """A participant voted (replacing any earlier vote of theirs on that ballot).

    On an anonymous ballot `participant_id` is not the participant's id but the pseudonym
    their token gives on that ballot (`ballot_pseudonym`): the file cannot tell whose vote it
    is, and the same token replaces it. (Logs from before this rule keep the id.)
    """

    kind: ClassVar[str] = "vote-cast"

    ballot_id: str
    participant_id: str
    choices: tuple[str, ...]
    reason: str | None


VOTE_FIELDS: tuple[str, ...] = ("at", "ballot_id", "participant_id", "choices", "reason")
"""The values of a `VoteCast` payload, in order (`encode` writes the fields in order):
`fold_rows` folds votes straight from their parsed payloads."""


@dataclass(frozen=True)
class BallotClosed(Event):
    """A ballot closed."""

    kind: ClassVar[str] = "ballot-closed"

    ballot_id: str


@dataclass(frozen=True)
class BallotReopened(Event):
    """A closed ballot opened again."""

    kind: ClassVar[str] = "ballot-reopened"

    ballot_id: str
    previous_closed_at: str | None


@dataclass(frozen=True)
class BallotRevealed(Event):
    """A ballot's results were shown to everyone."""

    kind: ClassVar[str] = "ballot-revealed"

    ballot_id: str


@dataclass(frozen=True)
class ActionAdded(Event):
    """An item was added to the action plan."""

    kind: ClassVar[str] = "action-added"

    action_id: str
    fields: ActionFields


@dataclass(frozen=True)
class ActionEdited(Event):
    """An action-plan item changed."""

    kind: ClassVar[str] = "action-edited"

    action_id: str
    before: ActionFields
    after: ActionFields


@dataclass(frozen=True)
class DeckRecorded(Event):
    """A copy of the deck's files (manifest first) was kept in the session file, so the
    session opens when the deck folder has moved or is gone."""

    kind: ClassVar[str] = "deck-recorded"

    deck_id: str
    files: tuple[DeckFile, ...]


@dataclass(frozen=True)
class Undone(Event):
    """The facilitator's event with sequence number `target` was undone."""

    kind: ClassVar[str] = "undone"

    target: int
    target_kind: str


EVENT_TYPES: dict[str, type[Event]] = {
    cls.kind: cls
    for cls in (
        SessionStarted,
        CaseSet,
        StakeholderAdded,
        StakeholderRemoved,
        ParticipantJoined,
        ParticipantRejoined,
        RoundChanged,
        RoundExtended,
        ConcernRecorded,
        ApproachRecorded,
        BallotOpened,
        VoteCast,
        PaperVoteCast,
        BallotClosed,
        BallotReopened,
        BallotRevealed,
        ActionAdded,
        ActionEdited,
        DeckRecorded,
        Undone,
    )
}
"""Every event type by its `kind`."""

PARTICIPANT_EVENTS: tuple[type[Event], ...] = (ParticipantJoined, ParticipantRejoined, VoteCast)
"""Events that come from participants: they are never on the facilitator's undo stack."""

UNDO_LABELS: dict[type[Event], str] = {
    CaseSet: N_("casus gewijzigd"),
    StakeholderAdded: N_("belanghebbende toegevoegd"),
    StakeholderRemoved: N_("belanghebbende van tafel gehaald"),
    RoundChanged: N_("naar een andere ronde"),
    RoundExtended: N_("ronde verlengd"),
    ConcernRecorded: N_("bezorgdheid genoteerd"),
    ApproachRecorded: N_("aanpak genoteerd"),
    BallotOpened: N_("stemronde geopend"),
    PaperVoteCast: N_("papieren stembrief ingevoerd"),
    BallotClosed: N_("stemronde gesloten"),
    BallotReopened: N_("stemronde heropend"),
    BallotRevealed: N_("uitslag getoond"),
    ActionAdded: N_("actie toegevoegd"),
    ActionEdited: N_("actie gewijzigd"),
}
"""What an undone facilitator event had done: Dutch msgids, translated where shown; one
table for the CLI and the TUI."""


def undone_label(kind: str) -> str:
    """`Undone.target_kind` in words (the kind itself for an event without a label)."""
    cls = EVENT_TYPES.get(kind)
    return UNDO_LABELS.get(cls, kind) if cls is not None else kind


class EventFormatError(ValueError):
    """A stored event cannot be read: unknown kind, newer version, or malformed payload."""


def encode(event: Event) -> str:
    """The event's fields as a compact JSON array, in field order.

    An array rather than an object because reading it back is about twice as fast, and
    a session's log is read whole every time it is opened; `version` says which field
    order a payload has. Values nested inside (a round plan, a ballot option) are objects.
    """
    values = [_plain(getattr(event, f.name)) for f in dataclasses.fields(event)]
    return json.dumps(values, ensure_ascii=False, separators=(",", ":"))


def _plain(value: object) -> object:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    return value


Row = tuple[str, int, str | bytes]
"""A stored event: kind, version, payload."""


def decode(kind: str, version: int, payload: str | bytes) -> Event:
    """The event stored as `kind`, `version` and JSON `payload`.

    Raises `EventFormatError` for an unknown kind, a version newer than this program
    knows, or a payload that does not fit the event's fields.
    """
    try:
        values = json.loads(payload)
    except ValueError as error:
        raise EventFormatError(f"gebeurtenis '{kind}' is geen geldige JSON: {error}") from None
    except RecursionError:
        raise EventFormatError(f"gebeurtenis '{kind}' is te diep genest") from None
    return event_from_values(kind, version, values)


def decode_rows(rows: Sequence[Row]) -> list[Event]:
    """Many stored events at once; like `decode` on each row, but parses all JSON in one go."""
    parsed = parse_payloads(rows)
    if parsed is None:
        # Find and name the row that is broken.
        return [decode(kind, version, payload) for kind, version, payload in rows]
    readers = _READERS
    newest = _NEWEST
    try:
        # The fast path: no per-row error handling. Anything odd falls back to the careful
        # path below, which names the row at fault.
        decoded: list[Event] = []
        append = decoded.append
        for (kind, version, _), values in zip(rows, parsed, strict=True):
            if version > newest[kind]:
                raise ValueError(kind)
            append(readers[kind](values))
        return decoded
    except (ValueError, TypeError, KeyError, AttributeError, IndexError):
        pairs = zip(rows, parsed, strict=True)
        return [event_from_values(kind, version, values) for (kind, version, _), values in pairs]


def parse_payloads(rows: Sequence[Row]) -> list[Any] | None:
    """The JSON values of the rows' payloads, parsed in one go (one call instead of one per
    row); None when they do not all parse, so that `decode` on each row names the broken one.
    """
    if not rows:
        return []
    try:
        try:
            joined = ",".join([row[2] for row in rows])  # type: ignore[misc]
        except TypeError:  # Some payloads are bytes (SQLite gives what was stored).
            joined = ",".join([p.decode("utf-8") if isinstance(p, bytes) else p for *_, p in rows])
        parsed = json.loads("[" + joined + "]")
    except (ValueError, RecursionError):
        return None
    # A payload such as `1],[2` parses, as two values: the row count no longer fits.
    return parsed if len(parsed) == len(rows) else None


def event_from_values(kind: str, version: int, values: Any) -> Event:
    """The event stored as `kind` and `version` whose payload parsed to `values`.

    Raises `EventFormatError` as `decode` does.
    """
    reader = _READERS.get(kind)
    if reader is None:
        raise EventFormatError(f"onbekend soort gebeurtenis '{kind}'")
    known = EVENT_TYPES[kind].version
    if version > known:
        raise EventFormatError(
            f"gebeurtenis '{kind}' heeft versie {version}; dit programma kent versie {known}"
        )
    try:
        return reader(values)
    except (ValueError, TypeError, KeyError, AttributeError, IndexError) as error:
        raise EventFormatError(f"gebeurtenis '{kind}' is onleesbaar: {error!r}") from None


Decoder = Callable[[Any], Any]


def _decoder_for(annotation: Any) -> Decoder | None:
    """A function that turns JSON data into a value of `annotation`, or None if it is as-is."""
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        inner = _decoder_for(args[0]) if len(args) == 1 else None
        if inner is None:
            return None
        return lambda v: None if v is None else inner(v)
    if origin is tuple:
        item = _decoder_for(typing.get_args(annotation)[0])
        if item is None:
            return tuple
        return lambda v: tuple(item(x) for x in v)
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return _object_reader(annotation)
    return None


def _object_reader(cls: type) -> Decoder:
    """Reads a nested value written as a JSON object."""
    hints = typing.get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    converters = {name: conv for name in names if (conv := _decoder_for(hints[name])) is not None}

    def build(data: dict[str, Any]) -> Any:
        values = {name: data[name] for name in names}
        for name, conv in converters.items():
            values[name] = conv(values[name])
        return cls(**values)

    return build


def _event_reader(cls: type[Event]) -> Decoder:
    """Reads an event written as a JSON array of its fields, in field order."""
    hints = typing.get_type_hints(cls)
    names = tuple(f.name for f in dataclasses.fields(cls))
    converters = tuple(
        (name, conv) for name in names if (conv := _decoder_for(hints[name])) is not None
    )
    size = len(names)
    # Fields a later version appended, with their defaults: an older payload lacks them.
    defaults = [f.default for f in dataclasses.fields(cls) if f.default is not dataclasses.MISSING]
    shortest = size - len(defaults)

    new = object.__new__

    def build(values: list[Any]) -> Event:
        if type(values) is not list or not shortest <= len(values) <= size:
            raise ValueError(f"verwacht {size} velden")
        if len(values) < size:
            values = values + defaults[len(values) - shortest :]
        # Events are frozen and were checked when they were decided; filling __dict__
        # directly skips __init__, which makes reading a long log much faster.
        event = new(cls)
        fields = event.__dict__
        fields.update(zip(names, values, strict=False))  # length checked above
        for name, conv in converters:
            fields[name] = conv(fields[name])
        return event

    return build


_READERS: dict[str, Decoder] = {kind: _event_reader(cls) for kind, cls in EVENT_TYPES.items()}
_NEWEST: dict[str, int] = {kind: cls.version for kind, cls in EVENT_TYPES.items()}
