"""Folding: the state is what the events, applied in order, make of an empty session.

`apply` trusts its event: events were decided against the state they follow, so applying
them needs no checks. Each event's handler returns only the fields of the state it
changes, and `apply` makes one new state from them. Undo is applied here too: an `Undone`
event takes its target off the undo stack and reverses exactly what that event did.

`apply` is the reference, one event at a time, and `fold` applies events one by one.
Opening a session folds its stored rows with `fold_rows`, which gives the same state
faster: votes are most of a long log and come in runs, so a run of votes goes straight
from the parsed payloads into one copy of each ballot's votes, and only the vote each
voter has at the end of the run becomes a `Vote` — no event object per vote and no new
state, ballots and votes per vote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from game.engine import events as e
from game.engine.state import (
    Action,
    Approach,
    Ballot,
    Concern,
    Participant,
    RoundState,
    SessionInfo,
    SessionState,
    Stakeholder,
    Vote,
    evolve,
    with_item,
    without_item,
)

UNDO_DEPTH = 200
"""How many of the facilitator's latest events can be undone, one by one."""

Changes = dict[str, Any]


def fold(events: Iterable[e.Event], state: SessionState | None = None) -> SessionState:
    """The state after applying `events` in order, to `state` or to an empty session."""
    current = state if state is not None else SessionState()
    for event in events:
        current = apply(current, event)
    return current


def fold_rows(rows: Sequence[e.Row], state: SessionState | None = None) -> SessionState:
    """The state after the stored events `rows`: `fold(decode_rows(rows), state)`, faster.

    A row that does not read as it should (a broken payload, a newer version, a vote on a
    ballot that is not there) sends the whole fold the reference way, which raises what
    `decode_rows` and `fold` raise for it, naming the row.
    """
    start = state if state is not None else SessionState()
    parsed = e.parse_payloads(rows)
    if parsed is not None:
        try:
            return _fold_parsed(rows, parsed, start)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError, AssertionError):
            pass  # The reference below fails the same way, and says where.
    return fold(e.decode_rows(rows), start)


def _fold_parsed(rows: Sequence[e.Row], parsed: list[Any], state: SessionState) -> SessionState:
    """`fold_rows` on payloads parsed already: runs of votes in one go, the rest by `apply`."""
    vote_kind, vote_version = e.VoteCast.kind, e.VoteCast.version
    vote_size = len(e.VOTE_FIELDS)
    votes: list[list[Any]] = []
    for (kind, version, _), values in zip(rows, parsed, strict=True):
        if (
            kind == vote_kind
            and version == vote_version
            and type(values) is list
            and len(values) == vote_size
            and type(values[3]) is list
        ):
            votes.append(values)
            continue
        if votes:
            state = _cast_votes(state, votes)
            votes = []
        state = apply(state, e.event_from_values(kind, version, values))
    return _cast_votes(state, votes) if votes else state


def _cast_votes(state: SessionState, votes: list[list[Any]]) -> SessionState:
    """The state after a run of votes, each as its payload holds it (`e.VOTE_FIELDS`).

    What `apply` makes of them one by one: a replaced vote moves to the end (`_vote_cast`).
    """
    ballots = dict(state.ballots)
    touched: dict[str, dict[str, Any]] = {}
    for vote in votes:
        ballot_id, voter = vote[1], vote[2]
        cast = touched.get(ballot_id)
        if cast is None:
            cast = touched[ballot_id] = dict(ballots[ballot_id].votes)
        cast.pop(voter, None)
        cast[voter] = vote
    for ballot_id, cast in touched.items():
        for voter, vote in cast.items():
            if type(vote) is list:
                at, _, _, choices, reason = vote
                cast[voter] = Vote(tuple(choices), reason, at)
        ballots[ballot_id] = evolve(ballots[ballot_id], votes=cast)
    return evolve(state, ballots=ballots, version=state.version + len(votes))


def apply(state: SessionState, event: e.Event) -> SessionState:
    """The state after one more event."""
    changes = _APPLY[type(event)](state, event)
    version = state.version + 1
    changes["version"] = version
    if type(event) in _REVERT:
        undo = (*state.undo, (version, event))
        changes["undo"] = undo[-UNDO_DEPTH:] if len(undo) > UNDO_DEPTH else undo
    return evolve(state, **changes)


def _counted(state: SessionState, prefix: str, new_id: str) -> dict[str, int]:
    number = int(new_id[len(prefix) :])
    return with_item(state.counters, prefix, max(number, state.counters.get(prefix, 0)))


def _started(state: SessionState, ev: e.SessionStarted) -> Changes:
    info = SessionInfo(
        session_id=ev.session_id,
        case=ev.case,
        deck_id=ev.deck_id,
        deck_path=ev.deck_path,
        workshop_id=ev.workshop_id,
        workshop_title=ev.workshop_title,
        rounds=ev.rounds,
        join_code=ev.join_code,
        facilitator_token_hash=ev.facilitator_token_hash,
        started_at=ev.at,
    )
    zeros = (0,) * len(ev.rounds)
    first = RoundState(0, ev.at if ev.rounds else None, extra_minutes=zeros, spent=zeros)
    return {"info": info, "round": first}


def _case_set(state: SessionState, ev: e.CaseSet) -> Changes:
    assert state.info is not None
    return {"info": evolve(state.info, case=ev.after)}


def _stakeholder_added(state: SessionState, ev: e.StakeholderAdded) -> Changes:
    stakeholder = Stakeholder(ev.stakeholder_id, ev.role_id, ev.role_title, ev.group, ev.name)
    return {
        "stakeholders": with_item(state.stakeholders, stakeholder.id, stakeholder),
        "counters": _counted(state, "s", stakeholder.id),
    }


def _seat(state: SessionState, stakeholder_id: str, present: bool) -> Changes:
    stakeholder = evolve(state.stakeholders[stakeholder_id], present=present)
    return {"stakeholders": with_item(state.stakeholders, stakeholder_id, stakeholder)}


def _participant_joined(state: SessionState, ev: e.ParticipantJoined) -> Changes:
    participant = Participant(ev.participant_id, ev.name, ev.at)
    return {
        "participants": with_item(state.participants, participant.id, participant),
        "tokens": with_item(state.tokens, ev.token_hash, participant.id),
        "counters": _counted(state, "p", participant.id),
    }


def _participant_rejoined(state: SessionState, ev: e.ParticipantRejoined) -> Changes:
    return {
        "tokens": with_item(state.tokens, ev.token_hash, ev.participant_id),
        "reissued": with_item(state.reissued, ev.token_hash, state.version + 1),
    }


def _round_changed(state: SessionState, ev: e.RoundChanged) -> Changes:
    spent = _spend(state.round.spent, ev.from_index, _ran(ev))
    return {"round": evolve(state.round, index=ev.to_index, started_at=ev.at, spent=spent)}


def _ran(ev: e.RoundChanged) -> int:
    """Microseconds the round left by `ev` ran on this visit (whole, so undo is exact)."""
    if ev.previous_started_at is None:
        return 0
    ran = dt.datetime.fromisoformat(ev.at) - dt.datetime.fromisoformat(ev.previous_started_at)
    return ran // dt.timedelta(microseconds=1)


def _spend(spent: tuple[int, ...], index: int, microseconds: int) -> tuple[int, ...]:
    if index >= len(spent):
        return spent
    return (*spent[:index], spent[index] + microseconds, *spent[index + 1 :])


def _extended(state: SessionState, index: int, minutes: int) -> Changes:
    extra = list(state.round.extra_minutes)
    extra[index] += minutes
    return {"round": evolve(state.round, extra_minutes=tuple(extra))}


def _concern_recorded(state: SessionState, ev: e.ConcernRecorded) -> Changes:
    concern = Concern(
        ev.concern_id, ev.stakeholder_id, ev.concern_card, ev.concern_title, ev.text, ev.at
    )
    return {
        "concerns": with_item(state.concerns, concern.id, concern),
        "counters": _counted(state, "c", concern.id),
    }


def _approach_recorded(state: SessionState, ev: e.ApproachRecorded) -> Changes:
    approach = Approach(
        ev.approach_id, ev.stakeholder_id, ev.card_id, ev.card_title, ev.form, ev.note, ev.at
    )
    return {
        "approaches": with_item(state.approaches, approach.id, approach),
        "counters": _counted(state, "a", approach.id),
    }


def _ballot_opened(state: SessionState, ev: e.BallotOpened) -> Changes:
    ballot = Ballot(
        id=ev.ballot_id,
        title=ev.title,
        method=ev.method,
        source=ev.source,
        options=ev.options,
        dots=ev.dots,
        max_choices=ev.max_choices,
        stack=ev.stack,
        anonymous=ev.anonymous,
        reveal=ev.reveal,
        statement=ev.statement,
        opened_at=ev.at,
        no_opinion=ev.no_opinion,
        axes=ev.axes,
        opened_seq=state.version + 1,
    )
    return {
        "ballots": with_item(state.ballots, ballot.id, ballot),
        "counters": _counted(state, "b", ballot.id),
    }


def _ballot(state: SessionState, ballot_id: str, **changes: Any) -> Changes:
    ballot = evolve(state.ballots[ballot_id], **changes)
    return {"ballots": with_item(state.ballots, ballot_id, ballot)}


def _vote_cast(state: SessionState, ev: e.VoteCast) -> Changes:
    ballot = state.ballots[ev.ballot_id]
    # Popping first moves a replaced vote to the end: votes stay in the order last cast.
    votes = dict(ballot.votes)
    votes.pop(ev.participant_id, None)
    votes[ev.participant_id] = Vote(ev.choices, ev.reason, ev.at)
    return _ballot(state, ev.ballot_id, votes=votes)


def _paper_vote_cast(state: SessionState, ev: e.PaperVoteCast) -> Changes:
    ballot = state.ballots[ev.ballot_id]
    paper = dict(ballot.paper_votes)
    paper[ev.slip] = Vote(ev.choices, ev.reason, ev.at)
    return _ballot(state, ev.ballot_id, paper_votes=paper)


def _paper_vote_taken_back(state: SessionState, ev: e.PaperVoteCast) -> Changes:
    ballot = state.ballots[ev.ballot_id]
    paper = {slip: vote for slip, vote in ballot.paper_votes.items() if slip != ev.slip}
    return _ballot(state, ev.ballot_id, paper_votes=paper)


def _action_added(state: SessionState, ev: e.ActionAdded) -> Changes:
    action = Action(ev.action_id, ev.fields, ev.at)
    return {
        "actions": with_item(state.actions, action.id, action),
        "counters": _counted(state, "x", action.id),
    }


def _action_fields(state: SessionState, action_id: str, fields: Any) -> Changes:
    action = evolve(state.actions[action_id], fields=fields)
    return {"actions": with_item(state.actions, action_id, action)}


def _undone(state: SessionState, ev: e.Undone) -> Changes:
    seq, target = state.undo[-1]
    if seq != ev.target:
        raise ValueError(f"undo of event {ev.target}, but the last undoable event is {seq}")
    changes = _REVERT[type(target)](state, target)
    changes["undo"] = state.undo[:-1]
    return changes


def _revert_round(state: SessionState, ev: e.RoundChanged) -> Changes:
    spent = _spend(state.round.spent, ev.from_index, -_ran(ev))
    return {
        "round": evolve(
            state.round, index=ev.from_index, started_at=ev.previous_started_at, spent=spent
        )
    }


def _revert_case(state: SessionState, ev: e.CaseSet) -> Changes:
    assert state.info is not None
    return {"info": evolve(state.info, case=ev.before)}


Handler = Callable[[SessionState, Any], Changes]

_REVERT: dict[type, Handler] = {
    e.CaseSet: _revert_case,
    e.StakeholderAdded: lambda s, ev: {
        "stakeholders": without_item(s.stakeholders, ev.stakeholder_id)
    },
    e.StakeholderRemoved: lambda s, ev: _seat(s, ev.stakeholder_id, True),
    e.RoundChanged: _revert_round,
    e.RoundExtended: lambda s, ev: _extended(s, ev.round_index, -ev.minutes),
    e.ConcernRecorded: lambda s, ev: {"concerns": without_item(s.concerns, ev.concern_id)},
    e.ApproachRecorded: lambda s, ev: {"approaches": without_item(s.approaches, ev.approach_id)},
    e.BallotOpened: lambda s, ev: {"ballots": without_item(s.ballots, ev.ballot_id)},
    e.PaperVoteCast: _paper_vote_taken_back,
    e.BallotClosed: lambda s, ev: _ballot(s, ev.ballot_id, is_open=True, closed_at=None),
    e.BallotReopened: lambda s, ev: _ballot(
        s, ev.ballot_id, is_open=False, closed_at=ev.previous_closed_at
    ),
    e.BallotRevealed: lambda s, ev: _ballot(s, ev.ballot_id, revealed=False),
    e.ActionAdded: lambda s, ev: {"actions": without_item(s.actions, ev.action_id)},
    e.ActionEdited: lambda s, ev: _action_fields(s, ev.action_id, ev.before),
}
"""How to reverse each event the facilitator can undo; other events are never undone."""

_APPLY: dict[type, Handler] = {
    e.SessionStarted: _started,
    e.CaseSet: _case_set,
    e.StakeholderAdded: _stakeholder_added,
    e.StakeholderRemoved: lambda s, ev: _seat(s, ev.stakeholder_id, False),
    e.ParticipantJoined: _participant_joined,
    e.ParticipantRejoined: _participant_rejoined,
    e.RoundChanged: _round_changed,
    e.RoundExtended: lambda s, ev: _extended(s, ev.round_index, ev.minutes),
    e.ConcernRecorded: _concern_recorded,
    e.ApproachRecorded: _approach_recorded,
    e.BallotOpened: _ballot_opened,
    e.VoteCast: _vote_cast,
    e.PaperVoteCast: _paper_vote_cast,
    e.BallotClosed: lambda s, ev: _ballot(s, ev.ballot_id, is_open=False, closed_at=ev.at),
    e.BallotReopened: lambda s, ev: _ballot(s, ev.ballot_id, is_open=True, closed_at=None),
    e.BallotRevealed: lambda s, ev: _ballot(s, ev.ballot_id, revealed=True),
    e.ActionAdded: _action_added,
    e.ActionEdited: lambda s, ev: _action_fields(s, ev.action_id, ev.after),
    e.DeckRecorded: lambda s, ev: {"info": evolve(s.info, deck_files=ev.files)},
    e.Undone: _undone,
}
