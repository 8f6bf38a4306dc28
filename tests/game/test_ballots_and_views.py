"""Tallies per method, who sees results when, anonymity in the JSON view, the event codec."""

from __future__ import annotations

import json

import pytest

from deck import Deck
from game.engine import (
    Actor,
    events,
    find_ballot,
    find_stakeholder,
    ranked,
    resolve_choice,
    results_visible,
    session_view,
    tally,
)
from game.engine import commands as c
from game.engine.events import EVENT_TYPES, EventFormatError, decode, decode_rows, encode
from game.engine.fold import fold, fold_rows
from game.engine.state import DeckFile, evolve
from game.engine.views import tally_view
from game.export import csv_tables
from tests.game.engine_helpers import FACILITATOR, Table


@pytest.fixture
def table(deck: Deck) -> Table:
    return Table(deck)


def _vote_all(table: Table, ballot: str, votes: list[tuple[str, ...]]) -> list[Actor]:
    voters = []
    for number, choices in enumerate(votes):
        voter = table.join(f"Deelnemer {number}")
        table.do(c.CastVote(ballot, choices), voter)
        voters.append(voter)
    return voters


def test_dots_tally_sums_dots_per_option(table: Table) -> None:
    table.do(c.OpenBallot("dots", "options", options=("A", "B", "C"), dots=3))
    voters = _vote_all(table, "b1", [("1", "1", "2"), ("2", "2", "2"), ("3",)])
    table.do(c.CastVote("b1", ("1", "1", "1")), voters[2])  # replaces ("3",)
    result = tally(table.state.ballots["b1"])
    assert result.voters == 3 and result.total == 9
    assert [(r.label, r.count, r.percent) for r in result.rows] == [
        ("A", 5, 55.6),
        ("B", 4, 44.4),
        ("C", 0, 0.0),
    ]
    assert [r.label for r in ranked(result)] == ["A", "B", "C"]


def test_ranking_tally_gives_borda_points_and_mean_rank(table: Table) -> None:
    table.do(c.OpenBallot("ranking", "options", options=("A", "B", "C")))
    _vote_all(table, "b1", [("1", "2", "3"), ("2", "1", "3"), ("2", "3")])
    result = tally(table.state.ballots["b1"])
    rows = {r.label: r for r in result.rows}
    assert (rows["A"].points, rows["B"].points, rows["C"].points) == (5, 8, 4)
    assert (rows["A"].mean_rank, rows["B"].mean_rank, rows["C"].mean_rank) == (1.5, 1.33, 2.67)
    assert (rows["A"].count, rows["C"].count) == (2, 3)
    assert [r.label for r in ranked(result)] == ["B", "A", "C"]


def test_likert_tally_is_a_distribution_beside_the_survey(table: Table) -> None:
    table.do(c.OpenBallot("likert", "statement", statement_id="politie-garandeert"))
    _vote_all(table, "b1", [("4",), ("4",), ("5",), ("2",)])
    result = tally(table.state.ballots["b1"])
    assert [r.percent for r in result.rows] == [0.0, 25.0, 0.0, 50.0, 25.0]
    assert [r.benchmark_percent for r in result.rows] == [2, 4, 9, 43, 42]
    assert result.mean == 3.75 and result.voters == 4
    # The survey's own N travels with its figures, to every view that shows them.
    statement = table.state.ballots["b1"].statement
    assert statement is not None
    assert result.benchmark_n == statement.benchmark_n == 1201
    assert tally_view(result)["benchmark_n"] == 1201
    table.do(c.CloseBallot("b1"))
    (header, *rows) = csv_tables(table.state)["results"]
    assert {row[header.index("benchmark_n")] for row in rows} == {"1201"}


def test_choice_tally_counts_voters_per_option(table: Table) -> None:
    table.do(c.OpenBallot("choice", "options", options=("A", "B", "C"), max_choices=2))
    _vote_all(table, "b1", [("1", "2"), ("1",), ("3", "1")])
    result = tally(table.state.ballots["b1"])
    assert [(r.count, r.percent) for r in result.rows] == [(3, 100.0), (1, 33.3), (1, 33.3)]
    assert result.total == 5 and result.voters == 3


def test_an_empty_ballot_tallies_to_zero(table: Table) -> None:
    table.do(c.OpenBallot("likert", "statement", options=("Het is hier veilig",)))
    result = tally(table.state.ballots["b1"])
    assert result.voters == 0 and result.mean is None
    assert all(r.percent == 0 and r.benchmark_percent is None for r in result.rows)
    assert result.benchmark_n is None  # no survey behind the facilitator's own statement


@pytest.mark.parametrize(
    ("policy", "open_for_all", "open_for_voter", "closed", "revealed"),
    [
        ("immediately", True, True, True, True),
        ("after-vote", False, True, True, True),
        ("on-close", False, False, True, True),
        ("manual", False, False, False, True),
    ],
)
def test_results_visible_per_policy(
    table: Table,
    policy: str,
    open_for_all: bool,
    open_for_voter: bool,
    closed: bool,
    revealed: bool,
) -> None:
    table.do(c.OpenBallot("choice", "options", options=("A", "B"), reveal=policy))  # type: ignore[arg-type]
    _vote_all(table, "b1", [("1",)])
    ballot = table.state.ballots["b1"]
    assert results_visible(ballot) is open_for_all
    assert results_visible(ballot, "p1") is open_for_voter
    assert results_visible(ballot, "p9") is open_for_all
    table.do(c.CloseBallot("b1"))
    assert results_visible(table.state.ballots["b1"]) is closed
    assert results_visible(evolve(table.state.ballots["b1"], revealed=True)) is revealed


def test_anonymous_ballots_never_show_who_voted_what(table: Table) -> None:
    table.do(c.OpenBallot("likert", "statement", statement_id="politie-garandeert", anonymous=True))
    table.do(c.OpenBallot("choice", "options", options=("Ja", "Nee")))
    ann = table.join("Annemarie")
    table.do(c.CastVote("b1", ("5",), reason="geheim-motief"), ann)
    table.do(c.CastVote("b2", ("1",), reason="open-motief"), ann)
    view = session_view(table.state)
    anonymous, open_ballot = view["ballots"]
    assert "votes" not in anonymous and anonymous["tally"]["rows"][4]["count"] == 1
    assert "geheim-motief" not in json.dumps(view)
    assert open_ballot["votes"][0]["participant"] == "Annemarie"
    assert open_ballot["votes"][0]["reason"] == "open-motief"
    assert "Annemarie" in json.dumps(view["participants"])


def test_hidden_results_show_neither_tally_nor_votes(table: Table) -> None:
    table.do(c.OpenBallot("choice", "options", options=("Ja", "Nee"), reveal="on-close"))
    _vote_all(table, "b1", [("1",)])
    hidden = session_view(table.state)["ballots"][0]
    assert (hidden["tally"], hidden["voters"], hidden["results_visible"]) == (None, 1, False)
    assert "votes" not in hidden
    shown = session_view(table.state, show_hidden=True)["ballots"][0]
    assert shown["tally"]["voters"] == 1 and shown["results_visible"] is False


def test_view_never_holds_a_token_or_its_hash(table: Table) -> None:
    voter = table.join("Ann")
    text = json.dumps(session_view(table.state))
    for secret in (voter.token, voter.token_hash, FACILITATOR.token, FACILITATOR.token_hash):
        assert secret not in text


def test_view_of_the_whole_session(table: Table) -> None:
    table.do(c.AddStakeholder("bewoner", "Ann"))
    table.do(c.RecordConcern("s1", "efficientie", "Te traag"))
    table.do(c.RecordApproach("s1", "buurtvaders"))
    table.do(c.AddAction("Starten", owner="s1", due="2026-04-01"))
    view = session_view(table.state)
    assert view["session"]["join_code"] == "ACDEFG"
    assert [r["current"] for r in view["rounds"]] == [True, False, False]
    assert view["concerns"][0]["stakeholder"] == "Ann"
    assert view["approaches"][0]["title"] == "Buurtvaders"
    assert view["actions"][0]["owner"] == "Ann"
    json.dumps(view)


# --- the event codec -------------------------------------------------------------------------


def _every_kind_of_event(table: Table) -> list[events.Event]:
    table.do(c.SetCase("Andere casus"))
    table.do(c.AddStakeholder("bewoner", "Ann"))
    table.do(c.AddStakeholder("burgemeester"))
    table.do(c.RemoveStakeholder("s2"))
    table.do(c.AdvanceRound())
    table.do(c.ExtendRound(5))
    table.do(c.RecordConcern("s1", "efficientie", "Té traag — écht"))
    table.do(c.RecordApproach("s1", "buurtvaders"))
    table.do(c.RecordApproach("s1", "infokrant"))
    table.do(c.OpenBallot("likert", "statement", statement_id="politie-garandeert"))
    ann = table.join("Ann")
    table.do(c.JoinParticipant("Ann", "ACDEFG", proof=(ann.token,)), Actor("tweede"))
    table.do(c.CastVote("b1", ("4",), reason="zo"), ann)
    table.do(c.CastPaperVote("b1", ("2",)))
    table.do(c.CloseBallot("b1"))
    table.do(c.ReopenBallot("b1"))
    table.do(c.OpenBallot("choice", "options", options=("A", "B"), reveal="manual"))
    table.do(c.RevealBallot("b2"))
    table.do(c.AddAction("Starten", owner="s1"))
    table.do(c.EditAction("x1", done=True))
    assert table.state.info is not None
    kept = (DeckFile("deck.yaml", "id: x\n"), DeckFile("kaarten.yaml", "- id: é\n"))
    table.do(c.RecordDeck(table.state.info.deck_id, kept))
    table.do(c.Undo())
    return table.events


def test_every_event_survives_encode_and_decode(table: Table) -> None:
    logged = _every_kind_of_event(table)
    assert {type(event) for event in logged} == set(EVENT_TYPES.values())
    rows = [(event.kind, event.version, encode(event)) for event in logged]
    assert [decode(*row) for row in rows] == logged
    assert decode_rows(rows) == logged
    assert decode_rows([(k, v, p.encode()) for k, v, p in rows]) == logged


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (("vote-teleported", 1, "[]"), "onbekend soort gebeurtenis 'vote-teleported'"),
        (("case-set", 2, '["t","a","b"]'), "gebeurtenis 'case-set' heeft versie 2"),
        (("case-set", 1, '["t","a"'), "gebeurtenis 'case-set' is geen geldige JSON"),
        (("case-set", 1, '["t","a"]'), "gebeurtenis 'case-set' is onleesbaar"),
        (("case-set", 1, '{"at":"t"}'), "gebeurtenis 'case-set' is onleesbaar"),
        (
            (
                "ballot-opened",
                1,
                '["t","b1","T","dots","options",[{"id":"1"}],null,3,1,true,false,"manual"]',
            ),
            "gebeurtenis 'ballot-opened' is onleesbaar",
        ),
    ],
)
def test_unreadable_events_are_named(row: tuple[str, int, str], message: str) -> None:
    with pytest.raises(EventFormatError, match=message):
        decode(*row)
    with pytest.raises(EventFormatError, match=message):
        decode_rows([("case-set", 1, '["t","a","b"]'), row])


def test_the_fast_fold_of_stored_rows_agrees_with_the_reference(table: Table) -> None:
    logged = _every_kind_of_event(table)
    table.do(c.OpenBallot("dots", "options", options=("A", "B")))
    cor, dirk = table.join("Cor"), table.join("Dirk")
    for voter, choice in ((cor, "1"), (dirk, "2"), (cor, "2")):
        table.do(c.CastVote("b3", (choice,)), voter)
    rows = [(event.kind, event.version, encode(event)) for event in table.events]
    assert {type(event) for event in logged} == set(EVENT_TYPES.values())
    assert fold_rows(rows) == fold(table.events) == table.state
    # Cor's second vote replaced his first and moved after Dirk's, as in the reference.
    votes = table.state.ballots["b3"].votes
    assert [(voter, vote.choices) for voter, vote in votes.items()] == [
        ("p3", ("2",)),
        ("p2", ("2",)),
    ]


# --- finding things by the words people use ------------------------------------------------


def test_find_stakeholder_by_id_name_or_role(table: Table) -> None:
    table.do(c.AddStakeholder("bewoner", "Ann"))
    table.do(c.AddStakeholder("bewoner", "Bert"))
    table.do(c.AddStakeholder("burgemeester"))
    assert getattr(find_stakeholder(table.state, "s2"), "name", None) == "Bert"
    assert getattr(find_stakeholder(table.state, " ann "), "id", None) == "s1"
    assert getattr(find_stakeholder(table.state, "burgemeester"), "id", None) == "s3"
    assert find_stakeholder(table.state, "bewoner") == (
        "'bewoner' past op meer belanghebbenden (s1, s2); gebruik de id"
    )
    assert find_stakeholder(table.state, "Berd") == (
        "er is geen belanghebbende 'Berd' (bedoelde je 'Bert'?)"
    )


def test_find_ballot_and_resolve_choices(table: Table) -> None:
    assert find_ballot(table.state, "b1") == "er is nog geen stemronde"
    table.do(c.AddStakeholder("bewoner", "Ann"))
    table.do(c.RecordApproach("s1", "buurtvaders"))
    table.do(c.RecordApproach("s1", "infokrant"))
    table.do(c.OpenBallot("dots", "approaches"))
    ballot = find_ballot(table.state, "1")
    assert not isinstance(ballot, str) and ballot.id == "b1"
    assert find_ballot(table.state, "b7") == "er is geen stemronde 'b7' (kies uit: b1)"
    assert resolve_choice(ballot, "2") == "2"
    assert resolve_choice(ballot, "buurtvaders (ann)") == "1"
    assert resolve_choice(ballot, "a2") == "2"
    assert resolve_choice(ballot, "Buurtvaders") is None
