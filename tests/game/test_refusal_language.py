"""A refusal reaches each reader in their own language: the engine stays pure and says it
in Dutch (the process's language), a bilingual room says it again in French."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from catalogue import Message, use_language
from deck import Deck
from game.engine import Actor
from game.engine import commands as c
from tests.game.engine_helpers import CODE, Table


@pytest.fixture(autouse=True)
def dutch_process() -> Iterator[None]:
    use_language("nl")
    yield
    use_language("nl")


@pytest.fixture
def table(deck: Deck) -> Table:
    table = Table(deck)
    table.do(c.AddStakeholder("burgemeester"))
    table.do(c.AddStakeholder("bewoner", "Ann"))
    table.do(c.RecordApproach("s1", "buurtvaders"))
    table.do(c.RecordApproach("s2", "infokrant"))
    return table


def test_a_vote_on_a_closed_ballot_is_refused_in_the_readers_language(table: Table) -> None:
    voter = table.join("Ann")
    table.do(c.OpenBallot("dots", "approaches", dots=2))
    table.do(c.CloseBallot("b1"))
    option = table.state.ballots["b1"].options[0].id
    reason = table.refused(c.CastVote("b1", (option,)), voter)
    assert isinstance(reason, Message)
    assert reason == "stemronde b1 is gesloten; je stem telt niet meer"
    assert reason.in_language("fr") == "le vote b1 est clôturé\xa0; votre voix ne compte plus"


def test_nested_parts_of_a_reason_are_translated_too(table: Table) -> None:
    voter = table.join("Bert")
    table.do(c.OpenBallot("dots", "approaches", dots=2))
    first, second = (option.id for option in table.state.ballots["b1"].options)
    reason = table.refused(c.CastVote("b1", (first, second, first)), voter)
    assert reason == "je hebt 2 stippen, niet 3"
    assert isinstance(reason, Message)
    assert reason.in_language("fr") == "vous avez 2 gommettes, pas 3"
    empty = table.refused(c.JoinParticipant("  ", CODE), Actor("nieuw"))
    assert isinstance(empty, Message)
    assert empty.in_language("fr") == "votre nom ne peut pas être vide"


def test_a_french_process_refuses_in_french(table: Table) -> None:
    use_language("fr")
    assert table.refused(c.GoBack()) == "c'est déjà le premier tour"
    hint = table.refused(c.AddStakeholder("burgemeestr"))
    assert hint == (
        "pas de carte rôle «\xa0burgemeestr\xa0» (vouliez-vous dire «\xa0burgemeester\xa0»\xa0?)"
    )
