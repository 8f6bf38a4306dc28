"""Balance warnings and the case text, on the default deck."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deck import default_deck_path, load_deck
from game.engine import Actor, Refusal, SessionState, apply, decide
from game.engine import commands as c
from game.engine.balance import audiences_named, balance_warnings
from game.engine.case_text import CaseText, compose_case, parse_case

DECK = load_deck(default_deck_path())
ME = Actor("begeleider-0123456789")
NOW = dt.datetime(2026, 3, 14, 19, 30, tzinfo=dt.UTC)


def play(*commands: c.Command, case: str = "") -> SessionState:
    state = SessionState()
    start = c.StartSession("s", "ACDEFG", DECK.manifest.id, case=case)
    for command in (start, *commands):
        outcome = decide(state, command, ME, now=NOW, deck=DECK)
        assert not isinstance(outcome, Refusal), outcome.reason
        state = apply(state, outcome)
    return state


def kinds(state: SessionState) -> list[tuple[str, str]]:
    return [(w.kind, w.subject) for w in balance_warnings(state, DECK)]


def test_nothing_to_say_before_the_first_approach() -> None:
    state = play(
        c.AddStakeholder("burgemeester", "Ann"),
        c.AddStakeholder("jongere", "Sam"),
        c.RecordConcern("s1", "efficientie"),
        case="Jongeren op het plein",
    )
    assert balance_warnings(state, DECK) == ()


def test_every_approach_in_one_form() -> None:
    state = play(
        c.AddStakeholder("burgemeester", "Ann"),
        c.RecordApproach("s1", "website-veiligheid"),
        c.RecordApproach("s1", "infokrant"),
    )
    (warning,) = balance_warnings(state, DECK)
    assert warning.kind == "one-form" and warning.subject == "transparantie"
    assert warning.message == (
        "Alle 2 aanpakken zijn transparantie; nog niets voor meepraten of meedoen."
    )
    mixed = play(
        c.AddStakeholder("burgemeester", "Ann"),
        c.RecordApproach("s1", "website-veiligheid"),
        c.RecordApproach("s1", "buurtvaders"),
    )
    assert ("one-form", "transparantie") not in kinds(mixed)


def test_an_audience_at_the_table_or_in_the_case_that_no_approach_reaches() -> None:
    state = play(
        c.AddStakeholder("burgemeester", "Ann"),
        c.AddStakeholder("jongere", "Sam"),
        c.RecordApproach("s1", "website-veiligheid"),
        c.RecordApproach("s2", "buurtinformatienetwerk"),
        case="Overlast op het stationsplein\n\nHandelaars en ouderen klagen.",
    )
    found = {w.subject: w.message for w in balance_warnings(state, DECK) if w.kind == "audience"}
    assert found["jongeren"] == "Geen aanpak bereikt jongeren, al zit Sam aan tafel."
    assert found["ouderen"] == "Geen aanpak bereikt ouderen, al noemt de casus hen."
    assert "handelaars" not in found  # buurtinformatienetwerk reaches them
    reached = play(
        c.AddStakeholder("jongere", "Sam"),
        c.RecordApproach("s1", "buurtvaders"),
        case="Jongeren hangen rond",
    )
    assert not [w for w in balance_warnings(reached, DECK) if w.kind == "audience"]


def test_a_concern_no_approach_answers() -> None:
    state = play(
        c.AddStakeholder("burgemeester", "Ann"),
        c.AddStakeholder("korpschef", "Bert"),
        c.RecordConcern("s1", "efficientie", "kost te veel tijd"),
        c.RecordConcern("s2", "efficientie"),
        c.RecordConcern("s2", "effectiviteit"),
        c.RecordApproach("s1", "website-veiligheid"),  # answers effectiviteit only
    )
    concerns = [w for w in balance_warnings(state, DECK) if w.kind == "concern"]
    assert [w.subject for w in concerns] == ["efficientie"]
    assert concerns[0].message == (
        "De bezorgdheid over efficiëntie (Ann, Bert) krijgt nog geen antwoord van een gekozen "
        "aanpak."
    )


def test_a_stakeholder_without_approach_and_who_left() -> None:
    state = play(
        c.AddStakeholder("burgemeester", "Ann"),
        c.AddStakeholder("korpschef", "Bert"),
        c.AddStakeholder("winkelier", "Chris"),
        c.RecordApproach("s1", "buurtvaders"),
        c.RecordApproach("s2", "website-veiligheid"),
    )
    messages = [w.message for w in balance_warnings(state, DECK) if w.kind == "stakeholder"]
    assert messages == ["Chris (Winkelier) koos nog geen aanpak."]
    gone = play(
        c.AddStakeholder("burgemeester", "Ann"),
        c.AddStakeholder("korpschef", "Bert"),
        c.RecordApproach("s1", "buurtvaders"),
        c.RecordApproach("s2", "website-veiligheid"),
        c.RemoveStakeholder("s2"),
        c.AddStakeholder("winkelier", "Chris"),
    )
    # Bert left: his transparency approach no longer counts, and he is not asked for one.
    assert ("stakeholder", "s2") not in kinds(gone)
    assert ("stakeholder", "s3") in kinds(gone)


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Jongeren hangen rond", ("jongeren",)),
        ("een jongere werd aangevallen", ("jongeren",)),
        ("Klachten van ondernemers", ("handelaars",)),
        ("moeilijk bereikbare groepen", ("moeilijk-bereikbaar",)),
        ("Een oudere dame; kinderen spelen er", ("kinderen", "ouderen")),
        ("Inbraken in de wijk", ()),
        ("", ()),
    ],
)
def test_audiences_named(text: str, named: tuple[str, ...]) -> None:
    assert sorted(audiences_named(text, DECK)) == sorted(named)


def test_case_text_round_trip() -> None:
    case = CaseText("Overlast op het stationsplein", "Sinds de zomer…\nElke avond.", "Overlast")
    text = compose_case(case)
    assert text == (
        "Overlast op het stationsplein\n\nSinds de zomer…\nElke avond.\n\nThema: Overlast"
    )
    assert parse_case(text) == case
    assert parse_case("Gewoon een zin") == CaseText("Gewoon een zin")
    assert parse_case("") == CaseText() and CaseText().empty
    assert parse_case(compose_case(CaseText("Titel", theme="Inbraak"))) == CaseText(
        "Titel", "", "Inbraak"
    )


@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1).filter(
        lambda t: t.strip() and not t.strip().startswith("Thema:")
    ),
    st.text(),
)
def test_any_title_survives(title: str, description: str) -> None:
    case = parse_case(compose_case(CaseText(title, description)))
    assert case.title == " ".join(title.split())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nl", "Geen aanpak bereikt jongeren, al zitten Sam, Lina en Noor aan tafel."),
        (
            "fr",
            "Aucune approche n'atteint ce public (jeunes), pourtant représenté à la table par "
            "Sam, Lina et Noor.",
        ),
    ],
)
def test_several_names_at_the_table_make_a_list_and_a_plural(language: str, expected: str) -> None:
    # It read 'al zit Sam en Lina aan tafel' (singular verb, no commas between three names).
    state = play(
        c.AddStakeholder("burgemeester", "Ann"),
        c.AddStakeholder("jongere", "Sam"),
        c.AddStakeholder("jongere", "Lina"),
        c.AddStakeholder("jongere", "Noor"),
        c.RecordApproach("s1", "website-veiligheid"),
    )
    found = {w.subject: w.message for w in balance_warnings(state, DECK, language)}
    assert found["jongeren"] == expected


def test_a_seat_without_a_name_is_named_by_its_role_in_the_readers_language() -> None:
    # The concern and audience findings listed the name the seat stores, the Dutch role
    # title: 'Burgemeester' in a French sentence.
    state = play(
        c.AddStakeholder("burgemeester"),
        c.AddStakeholder("jongere"),
        c.AddStakeholder("korpschef", "Bert"),
        c.RecordConcern("s1", "efficientie"),
        c.RecordApproach("s3", "website-veiligheid"),
    )
    found = {w.subject: w.message for w in balance_warnings(state, DECK, "fr")}
    mayor, young = DECK.get("burgemeester"), DECK.get("jongere")
    assert mayor is not None and young is not None
    assert f"({mayor.title.in_language('fr')})" in found["efficientie"]
    assert f"par {young.title.in_language('fr')}." in found["jongeren"]
    assert found["s1"].startswith(mayor.title.in_language("fr") + " ")
    assert "Burgemeester" not in " ".join(found.values())
    dutch = {w.subject: w.message for w in balance_warnings(state, DECK, "nl")}
    assert "(Burgemeester)" in dutch["efficientie"]
