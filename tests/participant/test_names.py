"""Names are not passwords: a name in use needs its participant's token or the facilitator."""

from __future__ import annotations

import pytest

from game.engine import Actor
from game.engine import commands as c
from game.participation import BallotRef, Voter
from game.store import Refused, new_token, token_path
from tests.cli_inprocess import invoke
from tests.participant.conftest import Table

TAKEN = "deze naam is al in gebruik"


def vote_as(table: Table, voter: Voter, ballot: str, choice: str) -> None:
    voter.vote(BallotRef(voter.session_id, ballot), (choice,))


@pytest.mark.parametrize("typed", ["Ann2", " ann2 ", "ANN2", "ａｎｎ２", "\tAnn2\n"])
def test_typing_a_name_in_use_does_not_take_over_its_votes(table: Table, typed: str) -> None:
    ballot = table.open("choice")
    ann = Voter(table.store)
    ann.join(table.code, "Ann2")
    vote_as(table, ann, ballot, "1")
    thief = Voter(table.store)
    with pytest.raises(Refused, match=TAKEN):
        thief.join(table.code, typed)
    assert not thief.joined
    (vote,) = table.store.state.ballots[ballot].votes.values()
    assert vote.choices == ("1",)


def test_names_compare_after_unicode_normalisation(table: Table) -> None:
    Voter(table.store).join(table.code, "Zoë Claes")
    decomposed = "Zoe\u0308   CLAES"  # e + combining diaeresis, other spacing and case
    with pytest.raises(Refused, match=TAKEN):
        Voter(table.store).join(table.code, decomposed)


def test_the_participants_own_token_or_the_facilitators_ok_lets_them_back(table: Table) -> None:
    ballot = table.open("choice")
    first = new_token()
    ann = Voter(table.store, first)
    ann.join(table.code, "Ann")
    vote_as(table, ann, ballot, "1")
    # The phone that kept its old token (cookie) proves who it is.
    table.store.submit(c.JoinParticipant("ann", table.code, proof=(first,)), Actor(new_token()))
    # The facilitator's OK, as on the hot seat.
    again = Voter(table.store, vouch=table.facilitator.token)
    again.join(table.code, "ANN")
    vote_as(table, again, ballot, "2")
    (vote,) = table.store.state.ballots[ballot].votes.values()
    assert vote.choices == ("2",)
    # Someone else's token, or a wrong facilitator token, is no proof.
    other = Voter(table.store)
    other.join(table.code, "Bert")
    with pytest.raises(Refused, match=TAKEN):
        table.store.submit(
            c.JoinParticipant("Ann", table.code, proof=(other._actor.token,), vouch="raden"),
            Actor(new_token()),
        )


def test_vote_from_the_command_line_needs_the_facilitator_key_to_re_join(table: Table) -> None:
    ballot = table.open("choice")
    path = table.path
    assert invoke("vote", path, "--name", "Piet", "--ballot", ballot, "--choice", "1").code == 0
    # On the facilitator's machine (the key beside the file) a second vote replaces the first.
    assert invoke("vote", path, "--name", "piet", "--ballot", ballot, "--choice", "2").code == 0
    key = token_path(path)
    kept = key.read_bytes()
    key.unlink()
    refused = invoke("vote", path, "--name", "PIET", "--ballot", ballot, "--choice", "3")
    assert refused.code == 2 and TAKEN in refused.stderr
    key.write_bytes(kept)
    table.store.refresh()
    (vote,) = table.store.state.ballots[ballot].votes.values()
    assert vote.choices == ("2",)
