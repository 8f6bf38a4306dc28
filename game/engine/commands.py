"""Commands: what a facilitator or participant asks the session to do.

A command is a wish, not a fact. `decide` checks it against the current state and turns it
into an event, or refuses it. Everything a command needs comes in the command itself (ids,
texts) or in the call to `decide` (the actor, the time, the deck), so deciding is pure.

Only `JoinParticipant` and `CastVote` are for participants; every other command is the
facilitator's.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.state import BallotMethod, BallotSource, DeckFile, RevealPolicy, RoundPlan


@dataclass(frozen=True)
class StartSession:
    """Start a session. The actor's token becomes the facilitator token."""

    session_id: str
    join_code: str
    deck_id: str
    case: str = ""
    deck_path: str | None = None
    workshop_id: str | None = None
    workshop_title: str | None = None
    rounds: tuple[RoundPlan, ...] = ()


@dataclass(frozen=True)
class SetCase:
    """Replace the text of the local case on the table."""

    text: str


@dataclass(frozen=True)
class AddStakeholder:
    """Seat a stakeholder: a role card and, optionally, the name of who plays it."""

    role_id: str
    name: str | None = None


@dataclass(frozen=True)
class RemoveStakeholder:
    """Take a stakeholder from the table; what they said stays on record."""

    stakeholder_id: str


@dataclass(frozen=True)
class JoinParticipant:
    """Join with the join code; the actor's token is theirs.

    A name already in use is a re-join, allowed only with proof: one of that participant's
    earlier tokens in `proof` (a phone's old cookie, the app's memory), or the facilitator's
    token in `vouch` (the facilitator's OK, as on the hot seat). Tokens are never stored.
    """

    name: str
    join_code: str
    proof: tuple[str, ...] = ()
    vouch: str | None = None


@dataclass(frozen=True)
class AdvanceRound:
    """Go on to the next round of the workshop."""


@dataclass(frozen=True)
class GoBack:
    """Go back to the previous round."""


@dataclass(frozen=True)
class ExtendRound:
    """Give the current round more time."""

    minutes: int


@dataclass(frozen=True)
class RecordConcern:
    """Record a stakeholder's worry under a concern card."""

    stakeholder_id: str
    concern_id: str
    text: str = ""


@dataclass(frozen=True)
class RecordApproach:
    """Record an approach (an example or form card) a stakeholder chose, with a note."""

    stakeholder_id: str
    card_id: str
    note: str = ""


@dataclass(frozen=True)
class OpenBallot:
    """Open a ballot.

    `source` says where the options come from: the recorded approaches, the `options`
    texts, a statement card (`statement_id`, likert only; `options` may instead hold one
    free statement text) or a dilemma card (`dilemma_id`). A consent ballot is about one
    proposal: a text (`proposal`, in `options`) or an action of the plan (`action_id`).
    """

    method: BallotMethod
    source: BallotSource
    title: str | None = None
    options: tuple[str, ...] = ()
    statement_id: str | None = None
    dilemma_id: str | None = None
    dots: int = 3
    max_choices: int = 1
    stack: bool = True
    anonymous: bool = False
    reveal: RevealPolicy = "immediately"
    no_opinion: bool = False
    """Likert only: "geen mening" may be answered, counted apart."""
    action_id: str | None = None
    """Consent on an action of the plan (source `action`)."""
    axes: tuple[str, ...] = ()
    """Matrix only: the names of the two scales; empty means "impact" and "haalbaarheid"."""


@dataclass(frozen=True)
class CastVote:
    """Cast (or replace) the actor's vote on a ballot.

    `choices` are option ids: for dots one per dot (repeat an id to stack dots), for a
    ranking best first, for likert one of "1"–"5", for choice the chosen options, for a
    matrix one `OPTION=A/B` per option (its places on the two scales, 1–5 each).
    """

    ballot_id: str
    choices: tuple[str, ...]
    reason: str | None = None


@dataclass(frozen=True)
class CastPaperVote:
    """Enter one paper slip (the facilitator's command): it counts as the vote of
    "papier N", never of a participant. `choices` as in `CastVote`."""

    ballot_id: str
    choices: tuple[str, ...]
    reason: str | None = None


@dataclass(frozen=True)
class CloseBallot:
    """Close a ballot: no more votes."""

    ballot_id: str


@dataclass(frozen=True)
class ReopenBallot:
    """Open a closed ballot again."""

    ballot_id: str


@dataclass(frozen=True)
class RevealBallot:
    """Show a ballot's results to everyone."""

    ballot_id: str


@dataclass(frozen=True)
class AddAction:
    """Add an item to the action plan."""

    title: str
    owner: str | None = None
    approach_id: str | None = None
    due: str | None = None
    note: str = ""


@dataclass(frozen=True)
class EditAction:
    """Change an action-plan item. None leaves a field as it is; "" clears owner,
    approach or due date."""

    action_id: str
    title: str | None = None
    owner: str | None = None
    approach_id: str | None = None
    due: str | None = None
    note: str | None = None
    done: bool | None = None


@dataclass(frozen=True)
class RecordDeck:
    """Keep a copy of the deck's files in the session, so it opens when the folder moved."""

    deck_id: str
    files: tuple[DeckFile, ...]


@dataclass(frozen=True)
class Undo:
    """Undo the facilitator's last command that is not undone yet."""


Command = (
    StartSession
    | SetCase
    | AddStakeholder
    | RemoveStakeholder
    | JoinParticipant
    | AdvanceRound
    | GoBack
    | ExtendRound
    | RecordConcern
    | RecordApproach
    | OpenBallot
    | CastVote
    | CastPaperVote
    | CloseBallot
    | ReopenBallot
    | RevealBallot
    | AddAction
    | EditAction
    | RecordDeck
    | Undo
)
"""Any command."""

PARTICIPANT_COMMANDS: tuple[type, ...] = (JoinParticipant, CastVote)
"""Commands a participant may send; all others need the facilitator token."""
