"""Engine unit tests: every command, every refusal, undo of every undoable event."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from deck import Deck
from game.engine import Actor, Refusal, RoundPlan, SessionState, decide, events, seconds_left
from game.engine import commands as c
from game.engine.fold import UNDO_DEPTH, apply
from game.engine.state import DeckFile
from tests.game.engine_helpers import CODE, FACILITATOR, ROUNDS, START, Table


@pytest.fixture
def table(deck: Deck) -> Table:
    return Table(deck)


@pytest.fixture
def seated(table: Table) -> Table:
    """A table with two stakeholders and two approaches."""
    table.do(c.AddStakeholder("burgemeester"))
    table.do(c.AddStakeholder("bewoner", "Ann"))
    table.do(c.RecordApproach("s1", "buurtvaders", "met de jeugddienst"))
    table.do(c.RecordApproach("s2", "infokrant"))
    return table


# --- starting ----------------------------------------------------------------------------


def test_start_records_what_the_session_is(table: Table) -> None:
    info = table.state.info
    assert info is not None
    assert (info.session_id, info.join_code, info.case, info.deck_id) == (
        "sessie-1",
        CODE,
        "Overlast",
        "sessiedeck",
    )
    assert info.facilitator_token_hash == FACILITATOR.token_hash
    assert table.state.version == 1
    assert table.state.current_round() == ROUNDS[0]


def test_start_twice_is_refused(table: Table) -> None:
    assert table.refused(c.StartSession("x", CODE, "sessiedeck")) == "de sessie is al gestart"


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        (c.StartSession("s", "ABC", "d"), "'ABC' is geen geldige deelnamecode"),
        (c.StartSession("s", "ACDEF0", "d"), "'ACDEF0' is geen geldige deelnamecode"),
        (c.StartSession("", CODE, "d"), "een sessie heeft een id en een deck nodig"),
        (
            c.StartSession("s", CODE, "d", rounds=(ROUNDS[0], ROUNDS[0])),
            "twee rondes van de werkvorm hebben dezelfde id",
        ),
        (
            c.StartSession("s", CODE, "d", rounds=(RoundPlan("r", "casus", "R", 0),)),
            "elke ronde duurt minstens één minuut",
        ),
        (c.StartSession("s", CODE, "d", case="x" * 5000), "de casus is te lang"),
    ],
)
def test_start_refusals(command: c.StartSession, reason: str) -> None:
    outcome = decide(SessionState(), command, FACILITATOR, now=START)
    assert isinstance(outcome, Refusal)
    assert outcome.reason.startswith(reason)


def test_nothing_before_the_start() -> None:
    outcome = decide(SessionState(), c.AddStakeholder("bewoner"), FACILITATOR, now=START)
    assert outcome == Refusal("de sessie is nog niet gestart")


def test_naive_time_counts_as_utc(deck: Deck) -> None:
    table = Table(deck)
    table.now = dt.datetime(2026, 3, 14, 20, 0)
    event = table.do(c.AddStakeholder("bewoner"))
    assert event.at == "2026-03-14T20:00:00.000000+00:00"


# --- who may do what --------------------------------------------------------------------


FACILITATOR_ONLY = [
    c.SetCase("Nieuwe casus"),
    c.AddStakeholder("bewoner"),
    c.RemoveStakeholder("s1"),
    c.AdvanceRound(),
    c.GoBack(),
    c.ExtendRound(5),
    c.RecordConcern("s1", "efficientie"),
    c.RecordApproach("s1", "buurtsignaal"),
    c.OpenBallot("dots", "approaches"),
    c.CastPaperVote("b1", ("1",)),
    c.CloseBallot("b1"),
    c.ReopenBallot("b1"),
    c.RevealBallot("b1"),
    c.AddAction("Plan maken"),
    c.EditAction("x1", title="Iets"),
    c.RecordDeck("burgers-als-partners", (DeckFile("deck.yaml", "id: burgers-als-partners"),)),
    c.Undo(),
]


@pytest.mark.parametrize("command", FACILITATOR_ONLY, ids=lambda x: type(x).__name__)
def test_participants_cannot_run_facilitator_commands(seated: Table, command: c.Command) -> None:
    ann = seated.join("Ann")
    assert seated.refused(command, ann) == "alleen de begeleider mag dit doen"
    assert seated.refused(command, Actor("onbekend")) == "alleen de begeleider mag dit doen"


# --- case and stakeholders ----------------------------------------------------------------


def test_set_case(table: Table) -> None:
    table.do(c.SetCase("  Inbraken in de wijk  "))
    assert table.state.info is not None and table.state.info.case == "Inbraken in de wijk"
    assert table.refused(c.SetCase("Inbraken in de wijk")) == "de casus is niet gewijzigd"


def test_add_stakeholder_takes_the_role_card(table: Table) -> None:
    table.do(c.AddStakeholder("burgemeester"))
    table.do(c.AddStakeholder("bewoner", "Ann"))
    first, second = table.state.stakeholders.values()
    assert (first.id, first.role_title, first.name, first.group) == (
        "s1",
        "Burgemeester",
        "Burgemeester",
        "stad-gemeente",
    )
    assert (second.id, second.name) == ("s2", "Ann")


def test_add_stakeholder_refusals(table: Table) -> None:
    assert table.refused(c.AddStakeholder("burgemeesterr")) == (
        "geen rolkaart 'burgemeesterr' (bedoelde je 'burgemeester'?)"
    )
    assert table.refused(c.AddStakeholder("buurtvaders")).startswith("geen rolkaart 'buurtvaders'")
    assert table.refused(c.AddStakeholder("bewoner", "x" * 61)).startswith("de naam is te lang")
    table.do(c.AddStakeholder("bewoner", "Ann"))
    assert table.refused(c.AddStakeholder("bewoner", "ann")) == "ann zit al aan tafel als Bewoner"
    table.do(c.AddStakeholder("bewoner", "Bert"))


def test_commands_with_cards_need_the_sessions_deck(deck: Deck) -> None:
    table = Table(None)
    needs_deck = "hiervoor is het kaartspel van de sessie nodig"
    assert table.refused(c.AddStakeholder("bewoner")) == needs_deck
    other = Table(deck)
    assert other.state.info is not None
    other.state = dataclasses.replace(
        other.state, info=dataclasses.replace(other.state.info, deck_id="ander-deck")
    )
    assert other.refused(c.AddStakeholder("bewoner")) == (
        "de sessie speelt met deck 'ander-deck', niet met 'sessiedeck'"
    )


def test_remove_stakeholder_keeps_their_record(seated: Table) -> None:
    seated.do(c.RemoveStakeholder("s1"))
    assert not seated.state.stakeholders["s1"].present
    assert "a1" in seated.state.approaches
    assert seated.refused(c.RemoveStakeholder("s1")) == "Burgemeester zit niet meer aan tafel"
    assert seated.refused(c.RemoveStakeholder("s9")) == "er is geen belanghebbende 's9'"
    assert seated.refused(c.RecordConcern("s1", "efficientie")) == (
        "Burgemeester zit niet meer aan tafel"
    )


# --- participants ---------------------------------------------------------------------------


def test_join_and_rejoin_by_name(table: Table) -> None:
    first = Actor("token-1")
    event = table.do(c.JoinParticipant(" Ann ", "acd-efg"), first)
    assert isinstance(event, events.ParticipantJoined)
    assert (event.participant_id, event.name) == ("p1", "Ann")
    assert event.token_hash == first.token_hash and first.token not in events.encode(event)
    again = Actor("token-2")
    # A name is not a password: re-joining needs Ann's earlier token (or the facilitator's OK).
    assert "al in gebruik" in table.refused(c.JoinParticipant("ANN", CODE), again)
    rejoined = table.do(c.JoinParticipant("ANN", CODE, proof=("token-1",)), again)
    assert isinstance(rejoined, events.ParticipantRejoined) and rejoined.participant_id == "p1"
    assert table.state.tokens == {first.token_hash: "p1", again.token_hash: "p1"}
    assert len(table.state.participants) == 1


def test_join_refusals(table: Table) -> None:
    assert table.refused(c.JoinParticipant("Ann", "ACDEFH"), Actor("t")) == "onjuiste deelnamecode"
    assert table.refused(c.JoinParticipant("  ", CODE), Actor("t")) == "je naam mag niet leeg zijn"
    assert table.refused(c.JoinParticipant("A" * 61, CODE), Actor("t")).startswith(
        "je naam is te lang"
    )
    table.do(c.JoinParticipant("Ann", CODE), Actor("t"))
    reused = "deze sleutel is al in gebruik; vraag een nieuwe aan"
    assert table.refused(c.JoinParticipant("Bert", CODE), Actor("t")) == reused
    assert table.refused(c.JoinParticipant("Bert", CODE), FACILITATOR) == reused


# --- rounds ------------------------------------------------------------------------------------


def test_rounds_advance_go_back_and_extend(table: Table) -> None:
    assert table.refused(c.GoBack()) == "dit is al de eerste ronde"
    table.tick(10)
    table.do(c.AdvanceRound())
    assert table.state.round.index == 1
    assert table.state.round.started_at == "2026-03-14T19:40:00.000000+00:00"
    table.do(c.ExtendRound(10))
    table.tick(40)
    assert seconds_left(table.state, table.now) == 5 * 60
    table.do(c.AdvanceRound())
    assert table.refused(c.AdvanceRound()) == "dit is al de laatste ronde"
    table.do(c.GoBack())
    assert table.state.round.index == 1
    assert table.state.round.extra_minutes == (0, 10, 0)
    assert table.refused(c.ExtendRound(0)) == "verleng met 1 tot 120 minuten, niet 0"
    assert table.refused(c.ExtendRound(121)) == "verleng met 1 tot 120 minuten, niet 121"


def test_going_back_and_on_again_keeps_each_rounds_clock(table: Table) -> None:
    # ROUNDS: 15, 35 and 15 minutes.
    table.tick(5)
    table.do(c.AdvanceRound())  # 5 of the first round's 15 minutes used
    table.tick(8)
    table.do(c.GoBack())  # 8 of the second round's 35 minutes used
    assert seconds_left(table.state, table.now) == 10 * 60
    table.tick(1)
    assert seconds_left(table.state, table.now) == 9 * 60
    table.do(c.AdvanceRound())
    assert seconds_left(table.state, table.now) == 27 * 60
    table.tick(2)
    before = table.state
    table.do(c.AdvanceRound())
    table.do(c.Undo())  # undo gives the second round back its clock as it was
    assert table.state.round == before.round
    assert seconds_left(table.state, table.now) == 25 * 60


def test_a_session_without_rounds(deck: Deck) -> None:
    table = Table(deck, rounds=())
    assert table.state.current_round() is None
    assert seconds_left(table.state, table.now) is None
    for command in (c.AdvanceRound(), c.GoBack(), c.ExtendRound(5)):
        assert table.refused(command) == "deze sessie heeft geen rondes"


# --- concerns and approaches -----------------------------------------------------------------


def test_record_concern(seated: Table) -> None:
    seated.do(c.RecordConcern("s2", "algemeen-belang", "Jongeren komen niet aan bod"))
    concern = seated.state.concerns["c1"]
    assert (concern.stakeholder_id, concern.concern_title, concern.text) == (
        "s2",
        "Algemeen belang",
        "Jongeren komen niet aan bod",
    )
    assert seated.refused(c.RecordConcern("s2", "efficiëntie")) == (
        "geen bezorgdheidskaart 'efficiëntie' (bedoelde je 'efficientie'?)"
    )
    assert seated.refused(c.RecordConcern("s7", "efficientie")) == "er is geen belanghebbende 's7'"
    assert seated.refused(c.RecordConcern("s1", "efficientie", "x" * 1001)).startswith(
        "de bezorgdheid is te lang"
    )


def test_record_approach(seated: Table) -> None:
    first, second = seated.state.approaches.values()
    assert (first.card_title, first.form, first.note) == (
        "Buurtvaders",
        "meedoen",
        "met de jeugddienst",
    )
    assert second.form == "transparantie"
    seated.do(c.RecordApproach("s1", "transparantie"))
    assert seated.state.approaches["a3"].form == "transparantie"
    assert seated.refused(c.RecordApproach("s1", "buurtvaders")) == (
        "Burgemeester koos 'Buurtvaders' al"
    )
    assert seated.refused(c.RecordApproach("s1", "politie-garandeert")).startswith(
        "'politie-garandeert' is geen voorbeeld- of vormkaart"
    )
    assert seated.refused(c.RecordApproach("s1", "buurtsignaal", "x" * 1001)).startswith(
        "de notitie is te lang"
    )


# --- ballots -----------------------------------------------------------------------------------


def test_open_ballot_over_approaches(seated: Table) -> None:
    seated.do(c.OpenBallot("dots", "approaches", dots=3))
    ballot = seated.state.ballots["b1"]
    assert [(o.id, o.label, o.ref) for o in ballot.options] == [
        ("1", "Buurtvaders (Burgemeester)", "a1"),
        ("2", "Infokrant (Ann)", "a2"),
    ]
    assert (ballot.title, ballot.dots, ballot.is_open) == ("Stemming over de aanpakken", 3, True)


def test_approaches_of_absent_stakeholders_are_not_on_the_ballot(seated: Table) -> None:
    seated.do(c.RecordApproach("s1", "buurtsignaal"))
    seated.do(c.RemoveStakeholder("s2"))
    seated.do(c.OpenBallot("choice", "approaches"))
    assert [o.ref for o in seated.state.ballots["b1"].options] == ["a1", "a3"]


def test_open_ballot_on_a_statement_carries_the_benchmark(table: Table) -> None:
    table.do(c.OpenBallot("likert", "statement", statement_id="politie-garandeert", anonymous=True))
    ballot = table.state.ballots["b1"]
    assert ballot.statement is not None
    assert ballot.statement.benchmark == (2, 4, 9, 43, 42)
    assert ballot.statement.benchmark_n == 1201
    assert ballot.options[0].label == "helemaal oneens"
    assert ballot.title == "De politie moet de veiligheid in mijn buurt garanderen"


def test_open_ballot_on_a_free_statement_and_a_dilemma(table: Table) -> None:
    table.do(c.OpenBallot("likert", "statement", options=("Onze buurt is veilig",)))
    free = table.state.ballots["b1"]
    assert free.statement is not None and free.statement.benchmark is None
    assert len(free.options) == 5
    table.do(c.OpenBallot("choice", "dilemma", dilemma_id="regisseren-of-faciliteren"))
    dilemma = table.state.ballots["b2"]
    assert dilemma.title == "Wie trekt het initiatief?"
    assert [o.label for o in dilemma.options] == [
        "De gemeente regisseert",
        "De gemeente faciliteert",
    ]


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        (c.OpenBallot("dots", "approaches"), "er zijn minstens twee aanpakken nodig"),
        (c.OpenBallot("likert", "approaches"), "een stemronde met schaal 1–5 gaat over één"),
        (c.OpenBallot("dots", "options", options=("A",)), "geef minstens twee opties"),
        (c.OpenBallot("dots", "options", options=("A", " ")), "een optie mag niet leeg zijn"),
        (c.OpenBallot("dots", "options", options=("A", "a")), "twee opties zijn gelijk"),
        (
            c.OpenBallot("dots", "options", options=tuple(str(n) for n in range(41))),
            "hoogstens 40 opties",
        ),
        (c.OpenBallot("dots", "options", options=("A", "B" * 201)), "een optie is te lang"),
        (
            c.OpenBallot("dots", "statement", statement_id="politie-garandeert"),
            "over een stelling stem je met de schaal 1–5",
        ),
        (c.OpenBallot("likert", "statement", options=("a", "b")), "geef een stellingkaart"),
        (c.OpenBallot("likert", "statement", options=("s" * 201,)), "de stelling is te lang"),
        (
            c.OpenBallot("likert", "statement", statement_id="buurtvaders"),
            "geen stellingkaart 'buurtvaders'",
        ),
        (c.OpenBallot("choice", "dilemma", dilemma_id="nope"), "geen dilemmakaart 'nope'"),
        (
            c.OpenBallot("choice", "dilemma", dilemma_id="overvraging"),
            "dilemmakaart 'overvraging' heeft geen keuzes",
        ),
        (c.OpenBallot("dots", "options", options=("A", "B"), dots=0), "geef elke deelnemer 1"),
        (c.OpenBallot("dots", "options", options=("A", "B"), dots=21), "geef elke deelnemer 1"),
        (
            c.OpenBallot("choice", "options", options=("A", "B"), max_choices=3),
            "het aantal keuzes moet tussen 1 en 2 liggen",
        ),
        (c.OpenBallot("stars", "options", options=("A", "B")), "onbekende stemmethode 'stars'"),  # type: ignore[arg-type]
        (
            c.OpenBallot("dots", "options", options=("A", "B"), reveal="later"),  # type: ignore[arg-type]
            "onbekend moment voor de uitslag 'later'",
        ),
        (c.OpenBallot("dots", "elders", options=("A", "B")), "onbekende bron van opties"),  # type: ignore[arg-type]
        (c.OpenBallot("dots", "options", options=("A", "B"), title="t" * 201), "de titel is te"),
    ],
)
def test_open_ballot_refusals(table: Table, command: c.OpenBallot, reason: str) -> None:
    assert table.refused(command).startswith(reason)


@pytest.fixture
def voting(table: Table) -> Table:
    table.do(c.OpenBallot("dots", "options", options=("Rood", "Groen", "Blauw"), dots=3))
    return table


def test_cast_and_replace_a_vote(voting: Table) -> None:
    ann = voting.join("Ann")
    voting.do(c.CastVote("b1", ("1", "1", "2"), reason="  omdat  "), ann)
    vote = voting.state.ballots["b1"].votes["p1"]
    assert (vote.choices, vote.reason) == (("1", "1", "2"), "omdat")
    voting.do(c.CastVote("b1", ("3",)), ann)
    assert list(voting.state.ballots["b1"].votes) == ["p1"]
    assert voting.state.ballots["b1"].votes["p1"].choices == ("3",)


@pytest.mark.parametrize(
    ("method", "settings", "choices", "reason"),
    [
        ("dots", {"dots": 3}, (), "kies minstens één optie"),
        ("dots", {"dots": 3}, ("9",), "'9' is geen optie van stemronde b1"),
        ("dots", {"dots": 2}, ("1", "2", "3"), "je hebt 2 stippen, niet 3"),
        ("dots", {"dots": 1}, ("1", "2"), "je hebt 1 stip, niet 2"),
        ("dots", {"dots": 3, "stack": False}, ("1", "1"), "in deze stemronde krijgt elke optie"),
        ("ranking", {}, ("1", "2", "1"), "een optie mag maar één keer in je rangorde staan"),
        ("choice", {}, ("1", "2"), "kies hoogstens 1 optie"),
        ("choice", {"max_choices": 2}, ("1", "2", "3"), "kies hoogstens 2 opties"),
        ("choice", {"max_choices": 2}, ("1", "1"), "kies elke optie hoogstens één keer"),
    ],
)
def test_invalid_votes_are_refused(
    table: Table, method: str, settings: dict[str, object], choices: tuple[str, ...], reason: str
) -> None:
    table.do(c.OpenBallot(method, "options", options=("A", "B", "C"), **settings))  # type: ignore[arg-type]
    ann = table.join("Ann")
    assert table.refused(c.CastVote("b1", choices), ann).startswith(reason)


def test_likert_takes_exactly_one_answer(table: Table) -> None:
    table.do(c.OpenBallot("likert", "statement", statement_id="politie-garandeert"))
    ann = table.join("Ann")
    assert table.refused(c.CastVote("b1", ("4", "5")), ann) == "kies één antwoord, van 1 tot 5"
    assert table.refused(c.CastVote("b1", ("6",)), ann) == "'6' is geen optie van stemronde b1"
    table.do(c.CastVote("b1", ("4",)), ann)


def test_vote_refusals(voting: Table) -> None:
    ann = voting.join("Ann")
    assert voting.refused(c.CastVote("b9", ("1",)), ann) == "er is geen stemronde 'b9'"
    assert voting.refused(c.CastVote("b1", ("1",)), Actor("vreemde")) == (
        "onbekende deelnemer: meld je eerst aan met de deelnamecode"
    )
    assert voting.refused(c.CastVote("b1", ("1",)), FACILITATOR) == (
        "de begeleider stemt niet; alleen deelnemers stemmen"
    )
    assert voting.refused(c.CastVote("b1", ("1",), reason="x" * 1001), ann).startswith(
        "je toelichting is te lang"
    )
    voting.do(c.CloseBallot("b1"))
    assert voting.refused(c.CastVote("b1", ("1",)), ann) == (
        "stemronde b1 is gesloten; je stem telt niet meer"
    )


def test_close_reopen_reveal(voting: Table) -> None:
    assert voting.refused(c.ReopenBallot("b1")) == "stemronde b1 is nog open"
    assert voting.refused(c.RevealBallot("b1")) == "de uitslag van stemronde b1 is al zichtbaar"
    voting.do(c.CloseBallot("b1"))
    assert voting.state.ballots["b1"].closed_at is not None
    assert voting.refused(c.CloseBallot("b1")) == "stemronde b1 is al gesloten"
    voting.do(c.ReopenBallot("b1"))
    assert voting.state.ballots["b1"].is_open
    assert voting.refused(c.CloseBallot("b2")) == "er is geen stemronde 'b2' (kies uit: b1)"
    voting.do(c.OpenBallot("choice", "options", options=("A", "B"), reveal="manual"))
    voting.do(c.RevealBallot("b2"))
    assert voting.state.ballots["b2"].revealed
    assert voting.refused(c.RevealBallot("b2")) == "de uitslag van stemronde b2 is al zichtbaar"


# --- action plan -------------------------------------------------------------------------------


def test_add_and_edit_actions(seated: Table) -> None:
    seated.do(c.AddAction("Buurtvaders starten", owner="s1", approach_id="a1", due="2026-05-01"))
    action = seated.state.actions["x1"]
    assert (action.fields.title, action.fields.owner, action.fields.due) == (
        "Buurtvaders starten",
        "s1",
        "2026-05-01",
    )
    seated.do(c.EditAction("x1", owner="", due="2026-06-01", done=True, note="eerste stap gezet"))
    fields = seated.state.actions["x1"].fields
    assert (fields.owner, fields.due, fields.done, fields.note) == (
        None,
        "2026-06-01",
        True,
        "eerste stap gezet",
    )
    assert fields.approach_id == "a1"
    assert seated.refused(c.EditAction("x1", done=True)) == "de actie is niet gewijzigd"


@pytest.mark.parametrize(
    ("command", "reason"),
    [
        (c.AddAction("  "), "de actie mag niet leeg zijn"),
        (c.AddAction("Plan", due="1 mei"), "'1 mei' is geen datum (schrijf JJJJ-MM-DD)"),
        (c.AddAction("Plan", owner="s9"), "er is geen belanghebbende 's9'"),
        (c.AddAction("Plan", approach_id="a9"), "er is geen aanpak 'a9'"),
        (c.AddAction("Plan", note="x" * 1001), "de notitie is te lang"),
        (c.EditAction("x9", title="Plan"), "er is geen actie 'x9'"),
        (c.EditAction("x1", title=""), "de actie mag niet leeg zijn"),
        (c.EditAction("x1", note="x" * 1001), "de notitie is te lang"),
        (c.EditAction("x1", due="morgen"), "'morgen' is geen datum"),
        (c.EditAction("x1", owner="s9"), "er is geen belanghebbende 's9'"),
        (c.EditAction("x1", approach_id="a9"), "er is geen aanpak 'a9'"),
    ],
)
def test_action_refusals(seated: Table, command: c.Command, reason: str) -> None:
    seated.do(c.AddAction("Bestaande actie"))
    assert seated.refused(command).startswith(reason)


# --- undo ----------------------------------------------------------------------------------------


def _content(state: SessionState) -> SessionState:
    """The state without bookkeeping that undo does not roll back (ids are never reused)."""
    return dataclasses.replace(state, version=0, counters={})


UNDOABLE = [
    c.SetCase("Andere casus"),
    c.AddStakeholder("korpschef"),
    c.RemoveStakeholder("s1"),
    c.AdvanceRound(),
    c.ExtendRound(5),
    c.RecordConcern("s1", "efficientie", "Te traag"),
    c.RecordApproach("s2", "buurtsignaal"),
    c.OpenBallot("ranking", "approaches"),
    c.CloseBallot("b1"),
    c.RevealBallot("b2"),
    c.AddAction("Nieuwe actie"),
    c.EditAction("x1", title="Andere titel", done=True),
]


@pytest.mark.parametrize("command", UNDOABLE, ids=lambda x: type(x).__name__)
def test_undo_restores_the_state_before(seated: Table, command: c.Command) -> None:
    seated.do(c.OpenBallot("dots", "options", options=("A", "B")))
    seated.do(c.OpenBallot("choice", "options", options=("A", "B"), reveal="manual"))
    seated.do(c.AddAction("Actie"))
    seated.tick()
    before = seated.state
    seated.do(command)
    seated.tick()
    event = seated.do(c.Undo())
    assert isinstance(event, events.Undone) and event.target == before.version + 1
    assert _content(seated.state) == _content(before)
    assert seated.state.version == before.version + 2


def test_undo_of_go_back_and_reopen(seated: Table) -> None:
    seated.do(c.AdvanceRound())
    seated.do(c.OpenBallot("dots", "options", options=("A", "B")))
    seated.do(c.CloseBallot("b1"))
    for command in (c.GoBack(), c.ReopenBallot("b1")):
        before = seated.state
        seated.tick()
        seated.do(command)
        seated.do(c.Undo())
        assert _content(seated.state) == _content(before)


def test_undo_walks_back_one_command_at_a_time(table: Table) -> None:
    table.do(c.AddStakeholder("bewoner"))
    table.do(c.AddStakeholder("korpschef"))
    table.do(c.Undo())
    table.do(c.Undo())
    assert table.state.stakeholders == {}
    assert table.refused(c.Undo()) == "er is niets om ongedaan te maken"
    table.do(c.AddStakeholder("bewoner"))
    assert list(table.state.stakeholders) == ["s3"]


def test_undo_skips_participants_and_keeps_their_votes(seated: Table) -> None:
    seated.do(c.OpenBallot("dots", "options", options=("A", "B")))
    seated.do(c.AddAction("Actie"))
    ann = seated.join("Ann")
    seated.do(c.CastVote("b1", ("1",)), ann)
    seated.do(c.Undo())
    assert seated.state.actions == {}
    assert seated.state.ballots["b1"].votes["p1"].choices == ("1",)
    assert "p1" in seated.state.participants


def test_undo_of_a_ballot_with_votes_is_refused(voting: Table) -> None:
    ann = voting.join("Ann")
    voting.do(c.CastVote("b1", ("1",)), ann)
    assert voting.refused(c.Undo()) == (
        "stemronde b1 heeft al stemmen; sluit ze in plaats van het openen ongedaan te maken"
    )


def test_undo_reaches_back_a_limited_number_of_steps(table: Table) -> None:
    for n in range(UNDO_DEPTH + 5):
        table.do(c.SetCase(f"casus {n}"))
    assert len(table.state.undo) == UNDO_DEPTH
    for _ in range(UNDO_DEPTH):
        table.do(c.Undo())
    assert table.refused(c.Undo()) == "er is niets om ongedaan te maken"
    assert table.state.info is not None and table.state.info.case == "casus 4"


def test_an_undone_event_that_is_not_on_top_cannot_be_applied(table: Table) -> None:
    table.do(c.SetCase("een"))
    with pytest.raises(ValueError, match="undo of event 1"):
        apply(table.state, events.Undone(at="t", target=1, target_kind="session-started"))


def test_unknown_command_is_refused(table: Table) -> None:
    assert table.refused(object()) == "onbekende opdracht object"  # type: ignore[arg-type]


def test_facilitator_only_covers_every_command_but_the_participants() -> None:
    import typing

    every = set(typing.get_args(c.Command))
    covered = {type(command) for command in FACILITATOR_ONLY}
    assert covered == every - set(c.PARTICIPANT_COMMANDS) - {c.StartSession}


def test_every_undoable_event_has_one_label_and_no_participant_event_is_undoable() -> None:
    from game.engine import events as e
    from game.engine.fold import _REVERT

    assert set(e.UNDO_LABELS) == set(_REVERT)
    assert not set(_REVERT) & set(e.PARTICIPANT_EVENTS)
    assert e.undone_label("ballot-revealed") == "uitslag getoond"
    assert e.undone_label("iets-onbekends") == "iets-onbekends"
