"""The session as it stands: what `fold(events)` builds.

Every value here is immutable. Collections are plain dicts typed as `Mapping` (insertion
order is the order things happened) and are copied, never changed, when an event applies.
`evolve` makes the changed copy cheaply, so folding a long log stays fast.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar

if TYPE_CHECKING:
    from game.engine.events import Event

BallotMethod = Literal["dots", "ranking", "likert", "choice", "consent", "matrix"]
"""How a ballot is cast: dots to spread, a ranking, a score 1–5 on a statement, a choice,
consent to one proposal (akkoord, onthouding, bezwaar, blokkeren), or every option placed
on two 1–5 scales (matrix: impact × haalbaarheid)."""
BALLOT_METHODS: tuple[BallotMethod, ...] = (
    "dots",
    "ranking",
    "likert",
    "choice",
    "consent",
    "matrix",
)

BallotSource = Literal["approaches", "options", "statement", "dilemma", "proposal", "action"]
"""What a ballot's options come from."""

RevealPolicy = Literal["immediately", "after-vote", "on-close", "manual"]
"""When results show: at once, to a participant once they voted, when the ballot closes, or
when the facilitator reveals them (the workshop format's `Reveal`, plus `immediately`)."""
REVEAL_POLICIES: tuple[RevealPolicy, ...] = ("immediately", "after-vote", "on-close", "manual")

T = TypeVar("T")


def evolve(obj: T, **changes: Any) -> T:
    """A copy of a frozen dataclass with some fields changed.

    `dataclasses.replace` runs `__init__` with every field; copying `__dict__` is several
    times faster, which matters when a fold applies 100,000 events.
    """
    # No check of the field names: this is the fold's hottest line, and every call site is
    # exercised by the engine tests, where a misspelt field shows up as a wrong state.
    new = object.__new__(type(obj))
    new.__dict__.update(obj.__dict__)
    new.__dict__.update(changes)
    return new


def with_item(mapping: Mapping[str, T], key: str, value: T) -> dict[str, T]:
    """A copy of `mapping` with `key` set to `value`."""
    copy = dict(mapping)
    copy[key] = value
    return copy


def without_item(mapping: Mapping[str, T], key: str) -> dict[str, T]:
    """A copy of `mapping` without `key`."""
    copy = dict(mapping)
    del copy[key]
    return copy


@dataclass(frozen=True)
class RoundPlan:
    """One round of the workshop script, as the session was started with it."""

    id: str
    kind: str
    title: str
    minutes: int
    optional: bool = False


@dataclass(frozen=True)
class DeckFile:
    """One file of the deck a session plays with: its name beside the manifest, its YAML."""

    name: str
    text: str


@dataclass(frozen=True)
class SessionInfo:
    """What the session was started with; fixed for its whole life except the case text."""

    session_id: str
    case: str
    deck_id: str
    deck_path: str | None
    workshop_id: str | None
    workshop_title: str | None
    rounds: tuple[RoundPlan, ...]
    join_code: str
    facilitator_token_hash: str
    started_at: str
    deck_files: tuple[DeckFile, ...] = ()
    """A copy of the deck's files (manifest first), kept so the session opens without the
    deck folder; empty for the built-in deck, which ships with the program."""


@dataclass(frozen=True)
class RoundState:
    """Where the table is in the workshop script."""

    index: int = 0
    started_at: str | None = None
    extra_minutes: tuple[int, ...] = ()
    """Minutes added to each round by `ExtendRound`, by round index."""
    spent: tuple[int, ...] = ()
    """Microseconds each round ran on earlier visits, by round index: going back to a round
    and on again resumes its clock instead of restarting it."""


@dataclass(frozen=True)
class Stakeholder:
    """A role at the table (a role card) and the name of who speaks for it."""

    id: str
    role_id: str
    role_title: str
    group: str
    name: str
    present: bool = True
    """False once removed from the table; their concerns and approaches stay on record."""


@dataclass(frozen=True)
class Participant:
    """A person who joined with the join code and can vote."""

    id: str
    name: str
    joined_at: str


@dataclass(frozen=True)
class Concern:
    """A stakeholder's worry, placed under one of the concern cards."""

    id: str
    stakeholder_id: str
    concern_id: str
    concern_title: str
    text: str
    at: str


@dataclass(frozen=True)
class Approach:
    """An example or form card a stakeholder chose for the case, with a note."""

    id: str
    stakeholder_id: str
    card_id: str
    card_title: str
    form: str
    """Id of the participation form the card belongs to (the grid's column)."""
    note: str
    at: str


@dataclass(frozen=True)
class BallotOption:
    """One option of a ballot. `ref` names what it stands for (an approach id), if anything."""

    id: str
    label: str
    ref: str | None = None


@dataclass(frozen=True)
class StatementInfo:
    """The statement a likert ballot is about, with the survey's answers as benchmark."""

    card_id: str | None
    text: str
    scale: tuple[str, ...]
    benchmark: tuple[int, ...] | None = None
    """The survey's percentages for answers 1–5."""
    benchmark_n: int | None = None
    benchmark_table: str | None = None


@dataclass(frozen=True)
class Vote:
    """One participant's vote on one ballot; a later vote replaces it."""

    choices: tuple[str, ...]
    reason: str | None
    at: str


@dataclass(frozen=True)
class Ballot:
    """A ballot (stemronde) with its settings and the votes cast so far."""

    id: str
    title: str
    method: BallotMethod
    source: BallotSource
    options: tuple[BallotOption, ...]
    dots: int
    max_choices: int
    stack: bool
    """Dots: whether several dots may go on one option."""
    anonymous: bool
    reveal: RevealPolicy
    statement: StatementInfo | None
    opened_at: str
    is_open: bool = True
    revealed: bool = False
    closed_at: str | None = None
    votes: Mapping[str, Vote] = field(default_factory=dict)
    """Voter → their current vote: the participant id, or on an anonymous ballot the pseudonym
    only the voter's token gives (`ballot_pseudonym`). Never shown for an anonymous ballot."""
    no_opinion: bool = False
    """Likert: "geen mening" may be answered; it is counted apart, outside the percentages."""
    axes: tuple[str, ...] = ()
    """Matrix: the names of its two scales (the first plays impact, the second
    haalbaarheid in the grid's quadrants); empty for the other methods."""
    paper_votes: Mapping[int, Vote] = field(default_factory=dict)
    """Slip number → the paper slip the facilitator entered ("papier 1", "papier 2", …).
    Never a participant: these count in the tally beside `votes`."""
    opened_seq: int = 0
    """The event that opened it: a token given after it votes here on no anonymous ballot."""

    def option(self, option_id: str) -> BallotOption | None:
        """The option with this id, or None."""
        return next((o for o in self.options if o.id == option_id), None)


@dataclass(frozen=True)
class ActionFields:
    """What an action-plan item says; what `EditAction` can change."""

    title: str
    owner: str | None = None
    """Id of the stakeholder who takes it on."""
    approach_id: str | None = None
    due: str | None = None
    """Date as YYYY-MM-DD."""
    note: str = ""
    done: bool = False


@dataclass(frozen=True)
class Action:
    """An item of the action plan: who does what by when."""

    id: str
    fields: ActionFields
    at: str


@dataclass(frozen=True)
class SessionState:
    """The whole session, as folded from its events.

    `version` is the number of events applied, so it equals the sequence number of the last
    event in the store. `undo` holds the facilitator's events that can still be undone, most
    recent last, each with its sequence number.
    """

    version: int = 0
    info: SessionInfo | None = None
    round: RoundState = RoundState()
    stakeholders: Mapping[str, Stakeholder] = field(default_factory=dict)
    participants: Mapping[str, Participant] = field(default_factory=dict)
    tokens: Mapping[str, str] = field(default_factory=dict)
    """Hash of a participant token → participant id."""
    reissued: Mapping[str, int] = field(default_factory=dict)
    """Hash of a token given on a re-join → the event that gave it. Such a token votes on no
    anonymous ballot opened before it: the old token may have voted there under another
    pseudonym. (Event numbers, not times: a clock can be set back, the log cannot.)"""
    concerns: Mapping[str, Concern] = field(default_factory=dict)
    approaches: Mapping[str, Approach] = field(default_factory=dict)
    ballots: Mapping[str, Ballot] = field(default_factory=dict)
    actions: Mapping[str, Action] = field(default_factory=dict)
    counters: Mapping[str, int] = field(default_factory=dict)
    """Last number handed out per kind of id; never lowered, so no id is used twice."""
    undo: tuple[tuple[int, Event], ...] = ()

    @property
    def started(self) -> bool:
        """Whether `StartSession` has been applied."""
        return self.info is not None

    def next_id(self, prefix: str) -> str:
        """The id the next entity of a kind gets (`s3`, `a7`, `b2`, …)."""
        return f"{prefix}{self.counters.get(prefix, 0) + 1}"

    def current_round(self) -> RoundPlan | None:
        """The round the table is in, or None when the workshop has no rounds."""
        if self.info is None or not self.info.rounds:
            return None
        return self.info.rounds[self.round.index]
