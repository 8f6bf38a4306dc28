"""Consent on a proposal or an action: akkoord, onthouding, bezwaar or blokkeren, a reason
with every objection and block, the reasons in the tally without names, and an action that
someone blocks marked so in the plan and the report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deck import Deck
from game.engine import commands as c
from game.engine import session_view, tally
from game.engine.ballots import blocked_actions
from game.engine.report import ballot_result, session_report
from game.export import markdown_report
from tests.cli_inprocess import run
from tests.game.engine_helpers import Table


@pytest.fixture
def table(deck: Deck) -> Table:
    return Table(deck)


def test_consent_on_an_action_with_reasons_and_a_block(table: Table, deck: Deck) -> None:
    table.do(c.AddAction("Buurtvaders starten op het plein", due="2026-05-01"))
    table.do(c.OpenBallot("consent", "action", action_id="x1", reveal="on-close"))
    ballot = table.state.ballots["b1"]
    assert ballot.title == "Buurtvaders starten op het plein"
    assert [o.id for o in ballot.options] == ["akkoord", "onthouding", "bezwaar", "blokkeren"]
    for name, answer, reason in (
        ("Ann", "akkoord", None),
        ("Bob", "onthouding", None),
        ("Els", "bezwaar", "eerst met de jeugddienst praten"),
        ("Tom", "blokkeren", "geen budget dit jaar"),
    ):
        table.do(c.CastVote("b1", (answer,), reason), table.join(name))
    result = tally(table.state.ballots["b1"])
    assert [row.count for row in result.rows] == [1, 1, 1, 1]
    assert result.reasons == (
        ("bezwaar", "eerst met de jeugddienst praten"),
        ("blokkeren", "geen budget dit jaar"),
    )
    # Hidden until it closes: the block shows nowhere before that.
    assert blocked_actions(b for b in table.state.ballots.values() if not b.is_open) == set()
    assert session_view(table.state)["actions"][0]["blocked"] is False
    table.do(c.CloseBallot("b1"))
    assert blocked_actions(table.state.ballots.values()) == {"x1"}
    view = session_view(table.state)
    assert view["actions"][0]["blocked"] is True
    assert view["ballots"][0]["tally"]["reasons"][1] == {
        "answer": "blokkeren",
        "reason": "geen budget dit jaar",
    }
    report = session_report(table.state, deck)
    assert report.actions[0].standing == "open · geblokkeerd"
    shown = ballot_result(table.state.ballots["b1"])
    assert shown.blocked and [o.label for o in shown.options][-1] == "blokkeren"
    text = markdown_report(table.state, deck)
    assert "open · geblokkeerd" in text and "- blokkeren: geen budget dit jaar" in text
    assert "Tom" not in text and "Els" not in text


def test_objections_and_blocks_need_a_reason(table: Table) -> None:
    table.do(c.OpenBallot("consent", "proposal", options=("We starten een wijktafel",)))
    voter = table.join("Ann")
    for answer in ("bezwaar", "blokkeren"):
        refusal = table.refused(c.CastVote("b1", (answer,)), voter)
        assert "bij bezwaar of blokkeren hoort een reden" in refusal
        assert "reden" in table.refused(c.CastVote("b1", (answer,), "   "), voter)
    assert "één antwoord" in table.refused(c.CastVote("b1", ("akkoord", "bezwaar"), "x"), voter)
    table.do(c.CastVote("b1", ("akkoord",)), voter)


def test_consent_needs_one_proposal_or_an_existing_action(table: Table) -> None:
    assert "één voorstel" in table.refused(c.OpenBallot("consent", "proposal", options=("A", "B")))
    assert "geen actie 'x9'" in table.refused(c.OpenBallot("consent", "action", action_id="x9"))
    assert "methode consent" in table.refused(c.OpenBallot("choice", "proposal", options=("A",)))


@settings(deadline=None)  # a table of up to 30 voters; the machine may be busy
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["akkoord", "onthouding", "bezwaar", "blokkeren"]),
            st.text(st.characters(categories=("L", "N")), min_size=1, max_size=5),
        ),
        max_size=20,
    )
)
def test_the_tally_equals_a_recount(votes: list[tuple[str, str]]) -> None:
    table = Table(None)
    table.do(c.OpenBallot("consent", "proposal", options=("Voorstel",)))
    for number, (answer, reason) in enumerate(votes):
        table.do(c.CastVote("b1", (answer,), reason), table.join(f"D{number}"))
    result = tally(table.state.ballots["b1"])
    counts = {row.option_id: row.count for row in result.rows}
    for answer in counts:
        assert counts[answer] == sum(1 for a, _ in votes if a == answer)
    assert len(result.reasons) == len(votes)


def test_from_the_command_line(tmp_path: Path) -> None:
    session = str(tmp_path / "tafel.nwt")
    run("session", "new", session, "--workshop", "kort")
    run(
        "session",
        "open-ballot",
        session,
        "--method",
        "consent",
        "--proposal",
        "Een wijktafel elke maand",
    )
    run("vote", session, "--name", "Ann", "--ballot", "b1", "--choice", "akkoord")
    refused = run(
        "vote", session, "--name", "Bob", "--ballot", "b1", "--choice", "blokkeren", code=2
    )
    assert "reden" in refused.stderr
    run(
        "vote",
        session,
        "--name",
        "Bob",
        "--ballot",
        "b1",
        "--choice",
        "blokkeren",
        "--reason",
        "te duur",
    )
    shown = json.loads(run("session", "show", session, "--json").stdout)
    assert shown["ballots"][0]["method"] == "consent"
    assert shown["ballots"][0]["tally"]["reasons"] == [{"answer": "blokkeren", "reason": "te duur"}]
    assert "blokkeren: te duur" in run("session", "show", session).stdout
