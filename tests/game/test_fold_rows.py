"""Opening a session folds its stored rows the fast way (`fold_rows`): the state must be the
one the reference gives, each row decoded on its own (`decode`) and applied one event at a
time (`apply`), on any log the engine can write — with old payload versions of a ballot,
paper slips, matrix and anonymous ballots, replaced votes, undo — and on broken rows."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deck import Deck
from game.engine import (
    Actor,
    Ballot,
    Event,
    EventFormatError,
    Refusal,
    SessionState,
    apply,
    decide,
)
from game.engine import commands as c
from game.engine.ballots import CONSENT_OPTIONS, matrix_choice
from game.engine.events import VOTE_FIELDS, BallotOpened, VoteCast, decode, encode
from game.engine.fold import fold_rows
from tests.game.engine_helpers import FACILITATOR, Table

Row = tuple[str, int, str]

BALLOTS: dict[str, c.OpenBallot] = {
    "dots": c.OpenBallot("dots", "options", options=("A", "B", "C"), dots=2),
    "choice": c.OpenBallot("choice", "options", options=("A", "B"), max_choices=2),
    "ranking": c.OpenBallot("ranking", "options", options=("A", "B", "C")),
    "likert": c.OpenBallot("likert", "statement", statement_id="politie-garandeert"),
    "geen mening": c.OpenBallot(
        "likert", "statement", statement_id="politie-garandeert", no_opinion=True
    ),
    "matrix": c.OpenBallot("matrix", "options", options=("A", "B"), axes=("nut", "kost")),
    "consent": c.OpenBallot("consent", "proposal", options=("Wijktafel elke maand",)),
}

BALLOT_CONTROLS: dict[str, Callable[[str], c.Command]] = {
    "close": c.CloseBallot,
    "reopen": c.ReopenBallot,
    "reveal": c.RevealBallot,
}

VOTE = st.tuples(
    st.just("vote"),
    st.integers(0, 5),
    st.integers(1, 4),
    st.lists(st.integers(1, 5), min_size=1, max_size=3),
)
STEPS = st.one_of(
    # Votes most of all, as in a real log, so that they come in runs; a storm is every
    # voter voting on one ballot, twice for some of them.
    VOTE,
    VOTE,
    st.tuples(st.just("storm"), st.integers(1, 4), st.integers(1, 5)),
    st.tuples(st.just("paper"), st.integers(1, 4), st.integers(1, 5)),
    st.tuples(st.just("open"), st.sampled_from(sorted(BALLOTS)), st.booleans()),
    st.tuples(st.just("join"), st.integers(0, 5)),
    st.tuples(st.just("ballot"), st.sampled_from(sorted(BALLOT_CONTROLS)), st.integers(1, 4)),
    st.tuples(st.just("undo")),
    st.tuples(st.just("case"), st.text(max_size=8)),
)


def _attempt(table: Table, command: c.Command, actor: Actor = FACILITATOR) -> None:
    """Play a command; a refused one is left out of the log."""
    outcome = decide(table.state, command, actor, now=table.now, deck=table.deck)
    if not isinstance(outcome, Refusal):
        table.state = apply(table.state, outcome)
        table.events.append(outcome)
    table.tick(0.5)


def _ballot(table: Table, number: int) -> Ballot | None:
    """One of the ballots there are (any number picks one), or None before the first."""
    ballots = list(table.state.ballots.values())
    return ballots[number % len(ballots)] if ballots else None


def _choices(ballot: Ballot, numbers: list[int]) -> tuple[str, ...]:
    """A vote the ballot takes, picked by `numbers` (1–5 each)."""
    ids = [option.id for option in ballot.options]
    first = numbers[0]
    match ballot.method:
        case "matrix":
            return tuple(matrix_choice(option, first, numbers[-1]) for option in ids)
        case "ranking":
            return (*ids[first % len(ids) :], *ids[: first % len(ids)])
        case "likert":
            return (str(first),)
        case "consent":
            return (CONSENT_OPTIONS[first % len(CONSENT_OPTIONS)].id,)
        case _:
            most = ballot.dots if ballot.method == "dots" else ballot.max_choices
            picked = [ids[n % len(ids)] for n in numbers][:most]
            return tuple(picked if ballot.stack else dict.fromkeys(picked))


def _play(table: Table, steps: list[tuple[Any, ...]]) -> None:
    voters: list[Actor] = []
    for step in steps:
        match step:
            case ("open", method, anonymous):
                opened = BALLOTS[method]
                _attempt(table, c.OpenBallot(**{**vars(opened), "anonymous": anonymous}))
            case ("join", number):
                actor = Actor(f"token-{number}-{len(table.events)}")
                _attempt(table, c.JoinParticipant(f"Deelnemer {number}", "ACDEFG"), actor)
                if table.state.tokens.get(actor.token_hash):
                    voters.append(actor)
            case ("vote", voter, number, numbers) if voters:
                if (ballot := _ballot(table, number)) is not None:
                    reason = "omdat het moet" if numbers[-1] > 2 else None
                    vote = c.CastVote(ballot.id, _choices(ballot, numbers), reason=reason)
                    _attempt(table, vote, voters[voter % len(voters)])
            case ("storm", number, again) if voters:
                if (ballot := _ballot(table, number)) is not None:
                    for n, actor in enumerate([*voters, *voters[:again]]):
                        _attempt(table, c.CastVote(ballot.id, _choices(ballot, [n % 5 + 1])), actor)
            case ("paper", number, choice):
                if (ballot := _ballot(table, number)) is not None:
                    slip = c.CastPaperVote(ballot.id, _choices(ballot, [choice]), reason="papier")
                    _attempt(table, slip)
            case ("ballot", action, number):
                _attempt(table, BALLOT_CONTROLS[action](f"b{number}"))
            case ("undo",):
                _attempt(table, c.Undo())
            case ("case", text):
                _attempt(table, c.SetCase(text or "Overlast"))


def _oldest_versions(event: BallotOpened) -> list[int]:
    """The versions of `ballot-opened` this ballot could have been written in."""
    if event.axes:
        return [4]
    if event.no_opinion:
        return [2, 3, 4]
    return [1, 2, 3, 4]


def _row(event: Event, version: int) -> Row:
    """The stored row of `event`, its payload written as `version` wrote it."""
    if version == event.version:
        return (event.kind, version, encode(event))
    values = json.loads(encode(event))
    kept = len(values) - (2 if version == 1 else 1)  # v1: no no_opinion, v2/v3: no axes
    return (event.kind, version, json.dumps(values[:kept], ensure_ascii=False))


def _ordered(value: object) -> object:
    """`value` with every mapping as the list of its items: `==` on a dict ignores the
    order, but the state's order is the order things happened (votes: last cast last)."""
    if isinstance(value, Mapping):
        return [(key, _ordered(item)) for key, item in value.items()]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (type(value), *(_ordered(getattr(value, f.name)) for f in dataclasses.fields(value)))
    if isinstance(value, tuple):
        return tuple(_ordered(item) for item in value)
    return value


def _reference(rows: list[Row]) -> SessionState:
    state = SessionState()
    for row in rows:
        state = apply(state, decode(*row))
    return state


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ballots=st.lists(st.tuples(st.sampled_from(sorted(BALLOTS)), st.booleans()), max_size=4),
    voters=st.integers(0, 6),
    steps=st.lists(STEPS, min_size=10, max_size=80),
    data=st.data(),
)
def test_the_fast_fold_gives_the_reference_state(
    deck: Deck,
    ballots: list[tuple[str, bool]],
    voters: int,
    steps: list[tuple[Any, ...]],
    data: st.DataObject,
) -> None:
    table = Table(deck)
    opened = [("open", method, anonymous) for method, anonymous in ballots]
    _play(table, [*opened, *(("join", n) for n in range(voters)), *steps])
    rows = []
    for event in table.events:
        versions = _oldest_versions(event) if isinstance(event, BallotOpened) else [event.version]
        rows.append(_row(event, data.draw(st.sampled_from(versions))))
    reference = _ordered(_reference(rows))
    assert reference == _ordered(table.state)
    assert _ordered(fold_rows(rows)) == reference
    # Folding on from part of the log, as a store catching up with others does.
    middle = data.draw(st.integers(0, len(rows)))
    assert _ordered(fold_rows(rows[middle:], _reference(rows[:middle]))) == reference


def test_the_vote_fields_are_the_payload_order() -> None:
    vote = VoteCast(at="t", ballot_id="b1", participant_id="p1", choices=("1",), reason="zo")
    assert json.loads(encode(vote)) == ["t", "b1", "p1", ["1"], "zo"]
    assert tuple(field.name for field in dataclasses.fields(VoteCast)) == VOTE_FIELDS


def _session_with_votes(deck: Deck) -> list[Row]:
    """A log ending in three votes: Ann's, Bert's, and Ann's again, replacing her first."""
    table = Table(deck)
    table.do(c.OpenBallot("dots", "options", options=("A", "B"), dots=1))
    ann, bert = table.join("Ann"), table.join("Bert")
    table.do(c.CastVote("b1", ("1",)), ann)
    table.do(c.CastVote("b1", ("2",)), bert)
    table.do(c.CastVote("b1", ("2",)), ann)
    return [(event.kind, event.version, encode(event)) for event in table.events]


@pytest.mark.parametrize(
    ("vote", "error"),
    [
        ('["t","b9","p1",["1"],null]', KeyError),  # a ballot that is not there
        ('["t","b1","p1",5,null]', EventFormatError),  # choices that are no list
        ('["t","b1",["p1"],["1"],null]', TypeError),  # a voter that is no id
        ('["t","b1","p1",["1"]]', EventFormatError),  # a field short
        ('["t","b1","p1",["1"],null,1]', EventFormatError),  # a field too many
        ('{"at":"t"}', EventFormatError),
        ('["t","b1"', EventFormatError),  # no JSON
    ],
)
def test_a_broken_vote_fails_as_in_the_reference(deck: Deck, vote: str, error: type) -> None:
    """A broken vote that a good one replaces later: the fast fold must not let the good
    vote hide the broken one, and must fail as the reference does."""
    rows = _session_with_votes(deck)
    rows[-3] = ("vote-cast", 1, vote)
    with pytest.raises(error) as reference:
        _reference(rows)
    with pytest.raises(error) as fast:
        fold_rows(rows)
    assert repr(fast.value) == repr(reference.value)


def test_a_vote_of_a_newer_version_is_refused(deck: Deck) -> None:
    rows = _session_with_votes(deck)
    rows[-1] = ("vote-cast", 2, rows[-1][2])
    with pytest.raises(EventFormatError, match="'vote-cast' heeft versie 2"):
        fold_rows(rows)


def test_a_choices_text_reads_as_in_the_reference(deck: Deck) -> None:
    """Choices stored as a text (not as the engine writes them) read as the reference
    reads them, letter by letter, rather than differently or not at all."""
    rows = _session_with_votes(deck)
    rows[-2] = ("vote-cast", 1, '["t","b1","p2","21",null]')
    assert _ordered(fold_rows(rows)) == _ordered(_reference(rows))
    assert fold_rows(rows).ballots["b1"].votes["p2"].choices == ("2", "1")
