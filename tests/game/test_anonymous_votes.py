"""Anonymous means the file does not know: a vote is kept under a pseudonym of its token."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deck import Deck
from game.engine import Actor, ballot_view, tally
from game.engine import commands as c
from game.engine.access import PSEUDONYM_PREFIX, ballot_pseudonym, hash_token
from game.engine.views import tally_view
from game.participation import BallotRef, Voter, voter_stage
from game.store import Refused, SessionStore, read_facilitator_token
from tests.game.session_setup import make_session

NAMES = ("Ann", "Bram", "Chloé")
REASON = "mijn geheime reden"


@pytest.fixture
def table(tmp_path: Path, deck: Deck) -> Iterator[tuple[SessionStore, Actor, dict[str, Voter]]]:
    """b1: the named dots ballot of `make_session`; b2: an anonymous consent ballot with the
    same three voters; every voter has voted on both."""
    store, facilitator = make_session(tmp_path / "sessie.nwt", deck)
    store.submit(
        c.OpenBallot("consent", "proposal", options=("Elke maand een wijktafel",), anonymous=True),
        facilitator,
    )
    assert store.state.info is not None
    voters = {}
    for name in NAMES:
        voter = Voter(store)
        voter.join(store.state.info.join_code, name)
        voters[name] = voter
    session_id = store.state.info.session_id
    for name, choice in zip(NAMES, ("akkoord", "bezwaar", "akkoord"), strict=True):
        voters[name].vote(BallotRef(session_id, "b1"), ("1",))
        reason = REASON if choice == "bezwaar" else None
        voters[name].vote(BallotRef(session_id, "b2"), (choice,), reason)
    yield store, facilitator, voters
    store.close()


def _raw_votes(path: Path) -> list[list[object]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT payload FROM events WHERE kind = 'vote-cast'").fetchall()
    finally:
        conn.close()
    return [json.loads(payload) for (payload,) in rows]


def _raw_file_text(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT * FROM events UNION ALL SELECT key, value, 0, 0, 0, 0, 0 FROM meta"
        )
        return "\n".join(repr(row) for row in rows.fetchall())
    finally:
        conn.close()


def test_the_raw_file_cannot_join_an_anonymous_vote_to_a_name(
    table: tuple[SessionStore, Actor, dict[str, Voter]],
) -> None:
    store, _, voters = table
    ids = {voter.participant_id for voter in voters.values()}
    anonymous = [v for v in _raw_votes(store.path) if v[1] == "b2"]
    named = [v for v in _raw_votes(store.path) if v[1] == "b1"]
    assert {v[2] for v in named} == ids  # a named ballot keeps the participant id
    assert len(anonymous) == 3
    for _, _, voter, _, _ in anonymous:
        assert isinstance(voter, str) and voter.startswith(PSEUDONYM_PREFIX)
        assert voter not in ids
        assert all(name not in voter for name in NAMES)
    # The pseudonym is not in the file in any other form, and nothing in the file gives it:
    # the file holds only the SHA-256 of each token.
    text = _raw_file_text(store.path)
    for voter in voters.values():
        assert voter.token not in text
        assert hash_token(voter.token) in text
        assert text.count(ballot_pseudonym(voter.token, "b2")) == 1
    assert REASON in text  # the reason is there, under the pseudonym only
    bram = next(v for v in anonymous if v[4] == REASON)
    assert bram[2] == ballot_pseudonym(voters["Bram"].token, "b2")


def test_a_revote_with_the_same_token_replaces(
    table: tuple[SessionStore, Actor, dict[str, Voter]],
) -> None:
    store, _, voters = table
    assert store.state.info is not None
    ann = voters["Ann"]
    ann.vote(BallotRef(store.state.info.session_id, "b2"), ("onthouding",))
    ballot = store.state.ballots["b2"]
    assert len(ballot.votes) == 3
    own = ann.own_vote(ballot)
    assert own is not None and own.choices == ("onthouding",)
    assert voter_stage(store.state, ann.keys).kind == "voted"
    counted = {row.option_id: row.count for row in tally(ballot).rows}
    assert counted["akkoord"] == 1 and counted["onthouding"] == 1


def test_the_tally_and_the_report_are_those_of_the_same_votes_under_names(
    tmp_path: Path, deck: Deck
) -> None:
    views = []
    for anonymous in (False, True):
        store, facilitator = make_session(tmp_path / f"{anonymous}.nwt", deck)
        store.submit(
            c.OpenBallot("consent", "proposal", options=("Een voorstel",), anonymous=anonymous),
            facilitator,
        )
        assert store.state.info is not None
        for name, choice in zip(NAMES, ("akkoord", "bezwaar", "bezwaar"), strict=True):
            voter = Voter(store)
            voter.join(store.state.info.join_code, name)
            reason = f"reden van {len(name)}" if choice == "bezwaar" else None
            voter.vote(BallotRef(store.state.info.session_id, "b2"), (choice,), reason)
        ballot = store.state.ballots["b2"]
        views.append(tally_view(tally(ballot)))
        shown = ballot_view(store.state, ballot)
        assert ("votes" in shown) is not anonymous
        store.close()
    assert views[0] == views[1]


def test_a_token_reissued_after_an_anonymous_ballot_opened_cannot_vote_twice(
    table: tuple[SessionStore, Actor, dict[str, Voter]],
) -> None:
    store, facilitator, _ = table
    assert store.state.info is not None
    session_id = store.state.info.session_id
    # Ann restarts her app: the facilitator lets her in again, with a new token.
    again = Voter(store, vouch=read_facilitator_token(store.path))
    again.join(store.state.info.join_code, "Ann")
    with pytest.raises(Refused, match="nieuwe sleutel nadat anonieme stemronde b2 openging"):
        again.vote(BallotRef(session_id, "b2"), ("blokkeren",), "nog eens")
    assert len(store.state.ballots["b2"].votes) == 3
    # On a named ballot her new token replaces her vote, as before.
    again.vote(BallotRef(session_id, "b1"), ("2",))
    assert store.state.ballots["b1"].votes[again.participant_id or ""].choices == ("2",)
    # A ballot opened after the new token: she votes there as anyone does.
    store.submit(c.CloseBallot("b2"), facilitator)
    store.submit(
        c.OpenBallot("choice", "options", options=("ja", "nee"), anonymous=True), facilitator
    )
    again.vote(BallotRef(session_id, "b3"), ("1",))
    assert len(store.state.ballots["b3"].votes) == 1


@settings(max_examples=50, deadline=None)
@given(
    token=st.text(min_size=1, max_size=40),
    ballot=st.from_regex(r"b[1-9][0-9]{0,3}", fullmatch=True),
)
def test_a_pseudonym_is_per_token_and_per_ballot(token: str, ballot: str) -> None:
    pseudonym = ballot_pseudonym(token, ballot)
    assert pseudonym == ballot_pseudonym(token, ballot)
    assert pseudonym != ballot_pseudonym(token + "x", ballot)
    assert pseudonym != ballot_pseudonym(token, ballot + "0")
    assert hash_token(token) not in pseudonym
