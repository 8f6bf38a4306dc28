""" "Geen mening" on a likert ballot: a setting when it opens, counted apart, and the
percentages over those who gave an answer, as the survey's own tables count."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deck import Deck
from game.engine import commands as c
from game.engine import events as e
from game.engine import resolve_choice, session_view, tally
from game.engine.ballots import NO_OPINION
from game.engine.events import decode, encode
from game.engine.report import statement_result
from tests import cli_inprocess
from tests.game.engine_helpers import Table

STATEMENT = "politie-garandeert"
"""A statement card of the test deck (tests/game/conftest.py)."""


@pytest.fixture
def table(deck: Deck) -> Table:
    return Table(deck)


def open_statement(table: Table, *, no_opinion: bool = True) -> str:
    event = table.do(
        c.OpenBallot("likert", "statement", statement_id=STATEMENT, no_opinion=no_opinion)
    )
    assert isinstance(event, e.BallotOpened)
    return event.ballot_id


def test_counted_apart_and_percentages_over_answers(table: Table, deck: Deck) -> None:
    ballot = open_statement(table)
    for number, answer in enumerate(("4", "4", "2", NO_OPINION, "5", NO_OPINION)):
        table.do(c.CastVote(ballot, (answer,)), table.join(f"Deelnemer {number}"))
    result = tally(table.state.ballots[ballot])
    assert result.voters == 6 and result.no_opinion == 2
    assert [row.count for row in result.rows] == [0, 1, 0, 2, 1]
    assert [row.percent for row in result.rows] == [0.0, 25.0, 0.0, 50.0, 25.0]
    assert result.mean == 3.75
    shown = statement_result(table.state.ballots[ballot], deck, visible=True)
    assert (shown.low, shown.high, shown.answered) == (25.0, 75.0, 4)
    assert "2 deelnemers zonder mening, apart geteld" in shown.summary
    view = session_view(table.state)["ballots"][0]
    assert view["no_opinion"] is True and view["tally"]["no_opinion"] == 2


def test_refused_where_the_ballot_does_not_allow_it(table: Table) -> None:
    ballot = open_statement(table, no_opinion=False)
    voter = table.join("Ann")
    assert "geen 'geen mening'" in table.refused(c.CastVote(ballot, (NO_OPINION,)), voter)
    assert resolve_choice(table.state.ballots[ballot], "geen mening") is None
    assert "schaal 1–5" in table.refused(
        c.OpenBallot("choice", "options", options=("A", "B"), no_opinion=True)
    )


def test_no_opinion_with_an_answer_is_not_a_vote(table: Table) -> None:
    ballot = open_statement(table)
    voter = table.join("Ann")
    assert "één antwoord" in table.refused(c.CastVote(ballot, (NO_OPINION, "3")), voter)
    assert resolve_choice(table.state.ballots[ballot], "Geen mening") == NO_OPINION


def test_a_log_written_before_the_setting_still_reads(table: Table) -> None:
    ballot = open_statement(table, no_opinion=False)
    event = next(x for x in table.events if isinstance(x, e.BallotOpened))
    old_payload = json.dumps(json.loads(encode(event))[:-1])  # version 1: no `no_opinion`
    assert decode("ballot-opened", 1, old_payload) == event
    assert table.state.ballots[ballot].no_opinion is False


@settings(deadline=None)  # a table of up to 30 voters; the machine may be busy
@given(st.lists(st.sampled_from(["1", "2", "3", "4", "5", NO_OPINION]), max_size=30))
def test_tally_equals_a_recount(answers: list[str]) -> None:
    table = Table(None)
    event = table.do(c.OpenBallot("likert", "statement", options=("Stelling",), no_opinion=True))
    ballot = event.ballot_id  # type: ignore[attr-defined]
    for number, answer in enumerate(answers):
        table.do(c.CastVote(ballot, (answer,)), table.join(f"D{number}"))
    result = tally(table.state.ballots[ballot])
    given_answers = [a for a in answers if a != NO_OPINION]
    assert result.no_opinion == answers.count(NO_OPINION)
    assert sum(row.count for row in result.rows) == len(given_answers)
    if given_answers:
        assert sum(row.percent for row in result.rows) == pytest.approx(100, abs=0.3)
        assert result.mean == round(sum(map(int, given_answers)) / len(given_answers), 2)
    else:
        assert result.mean is None


def test_from_the_command_line(tmp_path: Path) -> None:
    def run(*args: str) -> str:
        return cli_inprocess.run(*args).stdout

    session = str(tmp_path / "tafel.nwt")
    run("session", "new", session, "--workshop", "kort")
    run(
        "session",
        "open-ballot",
        session,
        "--method",
        "likert",
        "--statement",
        "stelling-hulp-van-burgers-zinvol",
        "--geen-mening",
    )
    run("vote", session, "--name", "Ann", "--ballot", "b1", "--choice", "geen mening")
    run("vote", session, "--name", "Bob", "--ballot", "b1", "--choice", "4")
    shown = json.loads(run("session", "show", session, "--json"))
    ballot = shown["ballots"][0]
    assert ballot["no_opinion"] is True
    assert ballot["tally"]["no_opinion"] == 1
    assert [row["percent"] for row in ballot["tally"]["rows"]] == [0, 0, 0, 100, 0]
    assert "geen mening: 1" in run("session", "show", session)


def test_a_french_voter_types_the_labels_they_see(tmp_path: Path) -> None:
    # `--choice "sans avis"` was refused: only the Dutch 'geen mening' was known.
    def run(*args: str) -> str:
        return cli_inprocess.run(*args, "--taal", "fr").stdout

    session = str(tmp_path / "tafel.nwt")
    run("session", "new", session, "--workshop", "kort")
    statement = "stelling-hulp-van-burgers-zinvol"
    run("session", "open-ballot", session, "--method", "likert", "--statement", statement,
        "--geen-mening")  # fmt: skip
    run("vote", session, "--name", "Ann", "--ballot", "b1", "--choice", "sans avis")
    run("vote", session, "--name", "Bob", "--ballot", "b1", "--choice", "D'accord")
    run("vote", session, "--name", "Cleo", "--ballot", "b1", "--choice", "geen mening")
    tally = json.loads(run("session", "show", session, "--json"))["ballots"][0]["tally"]
    assert tally["no_opinion"] == 2
    assert [row["count"] for row in tally["rows"]] == [0, 0, 0, 1, 0]
