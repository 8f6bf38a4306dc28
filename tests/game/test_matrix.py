"""Matrix ballots: every option placed on two 1–5 scales (impact × haalbaarheid), the tally
each option's mean and spread on both, the quadrant of the 2×2 grid; and paper slips that
count beside the participants' votes."""

from __future__ import annotations

import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from deck import Deck
from game.engine import commands as c
from game.engine import session_view, tally
from game.engine.ballots import matrix_choice
from game.engine.events import BallotOpened, decode
from tests.game.engine_helpers import Table
from workshops.model import VoteRound


@pytest.fixture
def table(deck: Deck) -> Table:
    table = Table(deck)
    table.do(c.OpenBallot("matrix", "options", options=("Wijktafel", "Buurtvaders", "Infokrant")))
    return table


def test_a_matrix_over_three_options(table: Table) -> None:
    ballot = table.state.ballots["b1"]
    assert ballot.axes == ("impact", "haalbaarheid")
    for name, places in (
        ("Ann", ((5, 4), (4, 1), (1, 5))),
        ("Bob", ((4, 4), (5, 2), (2, 4))),
        ("Els", ((3, 5), (3, 1), (1, 1))),
    ):
        choices = tuple(matrix_choice(str(n), a, b) for n, (a, b) in enumerate(places, start=1))
        table.do(c.CastVote("b1", choices), table.join(name))
    result = tally(table.state.ballots["b1"])
    assert result.voters == 3 and result.axes == ("impact", "haalbaarheid")
    first, second, third = result.points
    assert first.means == (4.0, 4.33) and first.spreads == (0.82, 0.47)
    assert [p.quadrant for p in result.points] == ["snel doen", "plannen", "later"]
    assert second.means == (4.0, 1.33)
    assert third.means == (1.33, 3.33)
    shown = session_view(table.state)["ballots"][0]
    assert shown["axes"] == ["impact", "haalbaarheid"]
    assert shown["tally"]["matrix"]["points"][0] == {
        "option_id": "1",
        "label": "Wijktafel",
        "voters": 3,
        "means": [4.0, 4.33],
        "spreads": [0.82, 0.47],
        "quadrant": "snel doen",
    }


def test_the_quadrants(table: Table) -> None:
    table.do(c.OpenBallot("matrix", "options", options=("A", "B", "C", "D"), axes=("nut", "kost")))
    voter = table.join("Solo")
    table.do(c.CastVote("b2", ("1=3/3", "2=5/2", "3=2/5", "4=1/1")), voter)
    result = tally(table.state.ballots["b2"])
    assert [p.quadrant for p in result.points] == ["snel doen", "plannen", "later", "laten"]
    assert result.axes == ("nut", "kost")


@pytest.mark.parametrize(
    ("choices", "reason"),
    [
        (("1=6/2", "2=3/3", "3=3/3"), "impact van optie 1 moet 1 tot 5 zijn, niet 6"),
        (("1=0/2", "2=3/3", "3=3/3"), "impact van optie 1 moet 1 tot 5 zijn, niet 0"),
        (("1=2/9", "2=3/3", "3=3/3"), "haalbaarheid van optie 1 moet 1 tot 5 zijn, niet 9"),
        (("1=2/2", "2=3/3"), "plaats elke optie op impact en haalbaarheid; nog niet: 3"),
        (("1=2", "2=3/3", "3=3/3"), "schrijf '1=2' als OPTIE=IMPACT/HAALBAARHEID"),
        (("1=2/2", "1=3/3", "3=3/3"), "optie 1 staat twee keer in je stem"),
        (("7=2/2", "2=3/3", "3=3/3"), "'7' is geen optie van stemronde b1"),
        (("1=" + "9" * 5000 + "/1", "2=3/3", "3=3/3"), "schrijf '1=999"),
        ((), "kies minstens één optie"),
    ],
)
def test_invalid_matrix_votes_are_refused(
    table: Table, choices: tuple[str, ...], reason: str
) -> None:
    voter = table.join("Ann")
    assert reason in table.refused(c.CastVote("b1", choices), voter)
    assert reason in table.refused(c.CastPaperVote("b1", choices))


def test_no_vote_on_a_closed_matrix(table: Table) -> None:
    voter = table.join("Ann")
    table.do(c.CloseBallot("b1"))
    assert "gesloten" in table.refused(c.CastVote("b1", ("1=2/2", "2=3/3", "3=3/3")), voter)
    assert "gesloten" in table.refused(c.CastPaperVote("b1", ("1=2/2", "2=3/3", "3=3/3")))


@pytest.mark.parametrize(
    ("axes", "reason"),
    [
        (("impact",), "twee assen, niet 1"),
        (("a", "b", "c"), "twee assen, niet 3"),
        (("impact", " "), "een as heeft een naam nodig"),
        (("Nut", "nut"), "dezelfde naam"),
        (("x" * 41, "y"), "te lang"),
    ],
)
def test_axes_are_checked(table: Table, axes: tuple[str, ...], reason: str) -> None:
    command = c.OpenBallot("matrix", "options", options=("A", "B"), axes=axes)
    assert reason in table.refused(command)


def test_axes_belong_to_a_matrix(table: Table) -> None:
    command = c.OpenBallot("dots", "options", options=("A", "B"), axes=("a", "b"))
    assert "alleen bij een matrix" in table.refused(command)
    statement = c.OpenBallot("matrix", "statement", statement_id="politie-garandeert")
    assert "likert" in table.refused(statement)


def test_a_version_3_ballot_is_read_without_axes() -> None:
    payload = (
        '["t","b1","T","dots","options",[{"id":"1","label":"A","ref":null}],null,3,1,true,'
        'false,"manual",false]'
    )
    old = decode("ballot-opened", 3, payload)
    assert isinstance(old, BallotOpened) and old.axes == ()


def test_paper_slips_count_beside_the_votes(table: Table) -> None:
    table.do(c.CastVote("b1", ("1=5/5", "2=1/1", "3=3/3")), table.join("Ann"))
    table.do(c.CastPaperVote("b1", ("1=3/3", "2=1/1", "3=3/3")))
    table.do(c.CastPaperVote("b1", ("1=1/1", "2=1/1", "3=3/3")))
    ballot = table.state.ballots["b1"]
    assert sorted(ballot.paper_votes) == [1, 2] and list(ballot.votes) == ["p1"]
    result = tally(ballot)
    assert result.voters == 3 and result.paper == 2
    assert result.points[0].means == (3.0, 3.0)
    shown = session_view(table.state)["ballots"][0]
    assert shown["voters"] == 3 and shown["paper_votes"] == 2
    assert [slip["slip"] for slip in shown["paper"]] == ["papier 1", "papier 2"]
    # Undo takes back the last slip; the next slip gets its number again.
    table.do(c.Undo())
    assert sorted(table.state.ballots["b1"].paper_votes) == [1]
    table.do(c.CastPaperVote("b1", ("1=2/2", "2=2/2", "3=2/2")))
    assert sorted(table.state.ballots["b1"].paper_votes) == [1, 2]
    # A ballot with slips on it cannot be un-opened.
    table.do(c.OpenBallot("dots", "options", options=("A", "B")))
    table.do(c.CastPaperVote("b2", ("1", "1")))
    table.do(c.Undo())
    table.do(c.CastPaperVote("b2", ("1",)))
    table.do(c.Undo())
    assert tally(table.state.ballots["b2"]).voters == 0


def test_paper_slips_are_the_facilitators(table: Table) -> None:
    voter = table.join("Ann")
    slip = c.CastPaperVote("b1", ("1=2/2", "2=3/3", "3=3/3"))
    assert table.refused(slip, voter) == "alleen de begeleider mag dit doen"
    assert "geen stemronde 'b9'" in table.refused(c.CastPaperVote("b9", ("1",)))
    table.do(c.OpenBallot("consent", "proposal", options=("Een wijktafel",)))
    assert "reden" in table.refused(c.CastPaperVote("b2", ("blokkeren",)))
    table.do(c.CastPaperVote("b2", ("blokkeren",), "te duur"))
    assert tally(table.state.ballots["b2"]).reasons == (("blokkeren", "te duur"),)


places = st.tuples(st.integers(1, 5), st.integers(1, 5))


@settings(deadline=None)  # up to 20 voters; the machine may be busy
@given(
    st.lists(st.tuples(st.booleans(), st.tuples(places, places, places)), min_size=0, max_size=20)
)
def test_the_matrix_tally_equals_a_recount(
    votes: list[tuple[bool, tuple[tuple[int, int], ...]]],
) -> None:
    table = Table(None)
    table.do(c.OpenBallot("matrix", "options", options=("A", "B", "C")))
    for number, (on_paper, vote) in enumerate(votes):
        choices = tuple(matrix_choice(str(n), a, b) for n, (a, b) in enumerate(vote, start=1))
        if on_paper:
            table.do(c.CastPaperVote("b1", choices))
        else:
            table.do(c.CastVote("b1", choices), table.join(f"D{number}"))
    result = tally(table.state.ballots["b1"])
    assert result.voters == len(votes)
    assert result.paper == sum(1 for on_paper, _ in votes if on_paper)
    for index, point in enumerate(result.points):
        assert point.voters == len(votes)
        if not votes:
            assert point.means is None and point.quadrant is None
            continue
        assert point.means is not None and point.spreads is not None
        for axis in (0, 1):
            values = [vote[index][axis] for _, vote in votes]
            assert point.means[axis] == round(statistics.fmean(values), 2)
            assert point.spreads[axis] == round(statistics.pstdev(values), 2)


def test_a_werkvorm_names_the_axes() -> None:
    base = {
        "kind": "stemming",
        "id": "prio",
        "title": "Prioriteren",
        "minutes": 10,
        "instructions": "Plaats elke aanpak.",
    }
    vote = VoteRound.model_validate({**base, "method": "matrix", "axes": ["nut", "kost"]})
    assert vote.axes == ("nut", "kost")
    with pytest.raises(ValidationError, match="twee assen, niet 3"):
        VoteRound.model_validate({**base, "method": "matrix", "axes": ["a", "b", "c"]})
    with pytest.raises(ValidationError, match="'axes' geldt alleen bij 'method: matrix'"):
        VoteRound.model_validate({**base, "method": "dots", "axes": ["a", "b"]})
