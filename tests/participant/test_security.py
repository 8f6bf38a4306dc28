"""What a participant cannot do: another's vote, a facilitator's command, a closed ballot,
another ballot's option, another session's ballot, a text that breaks the session file."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from game.engine import Actor, RoundPlan
from game.engine import commands as c
from game.engine.decide import MAX_NAME, MAX_NOTE
from game.participation import BallotRef, JoinThrottle, Voter, WrongJoinCode
from game.store import Refused, SessionStore
from tests.participant.conftest import Table, make_table

ROOT = Path(__file__).resolve().parents[2]
PARTICIPANT_CODE = [
    ROOT / "game" / "participation.py",
    *(ROOT / "game" / "tui" / "participant").rglob("*.py"),
]

FACILITATOR_COMMANDS = [
    c.SetCase("overgenomen"),
    c.AddStakeholder("burgemeester"),
    c.RemoveStakeholder("s1"),
    c.AdvanceRound(),
    c.GoBack(),
    c.ExtendRound(5),
    c.RecordConcern("s1", "efficientie"),
    c.RecordApproach("s1", "buurtvaders"),
    c.OpenBallot("choice", "options", options=("ja", "nee")),
    c.CloseBallot("b1"),
    c.ReopenBallot("b1"),
    c.RevealBallot("b1"),
    c.AddAction("iets"),
    c.EditAction("x1", title="anders"),
    c.Undo(),
    c.StartSession("x", "ACDEFG", "deck"),
]


def joined(table: Table, name: str, token: str | None = None) -> Voter:
    """A participant with their own connection to the session file."""
    voter = Voter(SessionStore.open(table.path), token)
    voter.join(table.code, name)
    return voter


def ref(voter: Voter, ballot_id: str) -> BallotRef:
    return BallotRef(voter.session_id, ballot_id)


@pytest.mark.parametrize("command", FACILITATOR_COMMANDS, ids=lambda x: type(x).__name__)
def test_a_participant_token_runs_no_facilitator_command(table: Table, command: c.Command) -> None:
    table.open("choice")
    token = "deelnemer-sleutel-" + "x" * 20
    joined(table, "Ann", token)
    with pytest.raises(Refused) as refused:
        table.store.submit(command, Actor(token))
    assert "begeleider" in refused.value.reason or "al gestart" in refused.value.reason


def test_participant_code_never_touches_the_facilitator_token() -> None:
    # The facilitator token is in a sidecar file that only the store's reader opens.
    for path in PARTICIPANT_CODE:
        names = {
            node.id if isinstance(node, ast.Name) else node.attr
            for node in ast.walk(ast.parse(path.read_text()))
            if isinstance(node, ast.Name | ast.Attribute)
        }
        assert not names & {"read_facilitator_token", "token_path", "facilitator_token"}, path


def test_a_participant_casts_only_their_own_vote(table: Table) -> None:
    ballot = table.open("choice")
    ann, bert = joined(table, "Ann", "sleutel-van-ann-" + "a" * 20), joined(table, "Bert")
    ann.vote(ref(ann, ballot), ("1",))
    bert.vote(ref(bert, ballot), ("2",))
    votes = table.ballot(ballot).votes
    assert votes[ann.participant_id or ""].choices == ("1",)
    assert votes[bert.participant_id or ""].choices == ("2",)
    # A token nobody joined with counts for nobody.
    with pytest.raises(Refused, match="meld je eerst aan"):
        Voter(SessionStore.open(table.path)).vote(ref(ann, ballot), ("3",))
    # The facilitator does not vote either.
    with pytest.raises(Refused, match="begeleider stemt niet"):
        table.store.submit(c.CastVote(ballot, ("3",)), table.facilitator)


def test_another_ballots_option_is_refused(table: Table) -> None:
    table.open("choice", options=("a", "b", "c", "d"))
    two = table.open("choice", options=("ja", "nee"))
    voter = joined(table, "Ann")
    with pytest.raises(Refused, match="'4' is geen optie van stemronde b2"):
        voter.vote(ref(voter, two), ("4",))
    assert not table.ballot(two).votes


def test_a_closed_ballot_is_refused(table: Table) -> None:
    ballot = table.open("likert", options=("Stelling",))
    voter = joined(table, "Ann")
    voter.vote(ref(voter, ballot), ("3",))
    table.close(ballot)
    with pytest.raises(Refused, match="gesloten"):
        voter.vote(ref(voter, ballot), ("5",))
    assert table.ballot(ballot).votes[voter.participant_id or ""].choices == ("3",)


def test_a_ballot_of_another_session_is_refused(table: Table, tmp_path: Path) -> None:
    here = table.open("choice")
    other = make_table(tmp_path / "andere.nwt")
    try:
        there = other.open("choice")
        assert here == there == "b1", "ballot ids repeat across sessions"
        ours, theirs = joined(table, "Ann"), joined(other, "Ann")
        # A ballot as the other session's screen knows it.
        with pytest.raises(Refused, match="andere sessie"):
            ours.vote(ref(theirs, there), ("1",))
        # The other session's participant token means nothing here.
        token = "sleutel-van-elders-" + "y" * 20
        elsewhere = Voter(SessionStore.open(other.path), token)
        elsewhere.join(other.code, "Bert")
        stranger = Voter(SessionStore.open(table.path), token)
        with pytest.raises(Refused, match="meld je eerst aan"):
            stranger.vote(ref(stranger, here), ("1",))
        # And the other session's join code does not open this one.
        with pytest.raises(WrongJoinCode):
            stranger.join(other.code, "Bert")
        assert not table.ballot(here).votes
    finally:
        other.store.close()


def test_texts_are_limited_and_stored_as_data(table: Table) -> None:
    ballot = table.open("choice")
    with pytest.raises(Refused, match="te lang"):
        joined(table, "x" * (MAX_NAME + 1))
    with pytest.raises(Refused, match="stuurteken"):
        joined(table, "Ann\x1b[2J")
    nasty = "'); DROP TABLE events; --[bold red][/]"[:MAX_NAME]
    voter = joined(table, nasty)
    with pytest.raises(Refused, match="te lang"):
        voter.vote(ref(voter, ballot), ("1",), "y" * (MAX_NOTE + 1))
    voter.vote(ref(voter, ballot), ("1",), '[link=file:///etc]klik[/link] " ; --')
    assert table.store.integrity_problems() == []
    with SessionStore.open(table.path) as again:
        (person,) = again.state.participants.values()
        assert person.name == nasty.strip()
        vote = again.state.ballots[ballot].votes[person.id]
        assert vote.reason == '[link=file:///etc]klik[/link] " ; --'


def test_join_throttle_doubles_and_gives_up() -> None:
    throttle = JoinThrottle(first_delay=1.0, longest=16.0, limit=5)
    delays = [throttle.wrong_code() for _ in range(5)]
    assert delays == [1.0, 2.0, 4.0, 8.0, 16.0]
    assert throttle.exhausted


def test_anonymous_join_only_while_the_open_ballot_is_anonymous(tmp_path: Path) -> None:
    created = SessionStore.create(
        tmp_path / "s.nwt", deck_id="d", rounds=(RoundPlan("r", "stemming", "Stemmen", 5),)
    )
    store, boss = created.store, created.facilitator
    assert store.state.info is not None
    code = store.state.info.join_code
    with pytest.raises(Refused, match="anoniem"):
        Voter(store).join_anonymously(code)
    store.submit(c.OpenBallot("choice", "options", options=("a", "b"), anonymous=True), boss)
    voter = Voter(store)
    voter.join_anonymously(code)
    assert voter.anonymous and (voter.name or "").startswith("anoniem ")
    store.close()
