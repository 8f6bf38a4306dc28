"""What the projected screen shows: the join code, the round and its clock, the vote.

Only what the whole room may see: a ballot's results once `results_visible` says the room
may see them (never the after-vote view of one participant), and never who voted what —
the beamer shows counts, not people.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from catalogue import current_language
from deck import Deck
from game.engine import Ballot, SessionState, answers, results_visible, seconds_left
from game.engine.answers import ballot_title, option_labels
from game.engine.report import BallotResult, StatementResult, ballot_result, statement_result
from workshops.recorded import recorded_workshop, round_title


@dataclass(frozen=True)
class BeamerView:
    """Everything the beamer page draws."""

    join_code: str
    round_title: str | None
    round_number: int
    round_count: int
    seconds_left: int | None
    """Whole seconds left in the round's time box (negative when over), or None."""
    ballot_title: str | None = None
    ballot_open: bool = False
    voters: int = 0
    """Participants who voted (paper slips apart: they are no participants)."""
    paper: int = 0
    participants: int = 0
    statement_result: StatementResult | None = None
    ballot_result: BallotResult | None = None
    approach_parts: tuple[tuple[str, str, str], ...] = ()
    """For a vote over approaches: each option's label, card title and stakeholder."""

    def parts(self, label: str) -> tuple[str, str]:
        """An option's label as a title and, for an approach, who brought it."""
        for known, title, stakeholder in self.approach_parts:
            if known == label:
                return title, stakeholder
        return label, ""

    @property
    def over_time(self) -> bool:
        """Whether the round's time is up."""
        return self.seconds_left is not None and self.seconds_left <= 0


def beamer_view(
    state: SessionState, *, deck: Deck | None, now: dt.datetime, language: str | None = None
) -> BeamerView:
    """What the projected screen shows in `state` at `now`, its results in `language`
    (default: the process's)."""
    info = state.info
    assert info is not None
    plan = state.current_round()
    left = seconds_left(state, now)
    # The session recorded the round's title in the werkvorm's language; the room may read another.
    workshop = recorded_workshop(info.workshop_id, info.workshop_title)
    shown = language or current_language()
    view = BeamerView(
        join_code=info.join_code,
        round_title=(
            round_title(workshop, plan.id, plan.kind, plan.title, shown)
            if plan is not None
            else None
        ),
        round_number=state.round.index + 1,
        round_count=len(info.rounds),
        seconds_left=None if left is None else round(left),
        participants=len(state.participants),
    )
    ballot = shown_ballot(state)
    if ballot is None:
        return view
    visible = results_visible(ballot)
    statement = (
        statement_result(ballot, deck, language=language)
        if ballot.method == "likert" and visible
        else None
    )
    result = (
        ballot_result(ballot, language=language, deck=deck, state=state)
        if ballot.method != "likert" and visible
        else None
    )
    return replace(
        view,
        ballot_title=ballot_title(ballot, language, deck),
        ballot_open=ballot.is_open,
        voters=len(ballot.votes),
        paper=len(ballot.paper_votes),
        statement_result=statement,
        ballot_result=result,
        approach_parts=approach_parts(state, ballot, deck, language),
    )


def shown_ballot(state: SessionState) -> Ballot | None:
    """The ballot on the beamer: the latest open one, else the latest one (its results
    show once the room may see them)."""
    ballots = list(state.ballots.values())
    for ballot in reversed(ballots):
        if ballot.is_open:
            return ballot
    return ballots[-1] if ballots else None


def approach_parts(
    state: SessionState, ballot: Ballot, deck: Deck | None = None, language: str | None = None
) -> tuple[tuple[str, str, str], ...]:
    """For a ballot over approaches: each option's label, its card title and the
    stakeholder who brought it, as the results name them in `language`."""
    if ballot.source != "approaches":
        return ()
    language = language or current_language()
    owners = []
    for option in option_labels(ballot, language, deck, state):
        approach = state.approaches.get(option.ref or "")
        if approach is None:
            continue
        parts = answers.approach_parts(option, state, deck, language) if deck else None
        if parts is None:
            stakeholder = state.stakeholders.get(approach.stakeholder_id)
            parts = approach.card_title, stakeholder.name if stakeholder else ""
        owners.append((option.label, *parts))
    return tuple(owners)
