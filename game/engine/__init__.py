"""The session engine: pure and deterministic.

Commands are checked against the state by `decide` and become events (or a `Refusal`);
the state is `fold(events)`. No I/O, no clock, no randomness here: the caller passes the
time, the tokens and the deck. The store (`game.store`) keeps the events in SQLite.
"""

from __future__ import annotations

from game.engine import commands, events
from game.engine.access import (
    JOIN_CODE_ALPHABET,
    JOIN_CODE_LENGTH,
    Actor,
    hash_token,
    is_join_code,
    normalise_join_code,
)
from game.engine.ballots import Tally, TallyRow, ranked, results_visible, tally, vote_problem
from game.engine.decide import Outcome, Refusal, decide, find_participant_by_name
from game.engine.events import Event, EventFormatError, decode, encode
from game.engine.fold import apply, fold
from game.engine.queries import (
    find_ballot,
    find_stakeholder,
    resolve_choice,
    round_deadline,
    seconds_left,
)
from game.engine.state import (
    Action,
    ActionFields,
    Approach,
    Ballot,
    BallotOption,
    Concern,
    Participant,
    RoundPlan,
    SessionInfo,
    SessionState,
    Stakeholder,
    StatementInfo,
    Vote,
)
from game.engine.views import ballot_view, session_view

__all__ = [
    "JOIN_CODE_ALPHABET",
    "JOIN_CODE_LENGTH",
    "Action",
    "ActionFields",
    "Actor",
    "Approach",
    "Ballot",
    "BallotOption",
    "Concern",
    "Event",
    "EventFormatError",
    "Outcome",
    "Participant",
    "Refusal",
    "RoundPlan",
    "SessionInfo",
    "SessionState",
    "Stakeholder",
    "StatementInfo",
    "Tally",
    "TallyRow",
    "Vote",
    "apply",
    "ballot_view",
    "commands",
    "decide",
    "decode",
    "encode",
    "events",
    "find_ballot",
    "find_participant_by_name",
    "find_stakeholder",
    "fold",
    "hash_token",
    "is_join_code",
    "normalise_join_code",
    "ranked",
    "resolve_choice",
    "results_visible",
    "round_deadline",
    "seconds_left",
    "session_view",
    "tally",
    "vote_problem",
]
