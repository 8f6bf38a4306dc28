"""Loading workshop scripts: a valid script, and one test per kind of mistake, each with
its message and its FILE:LINE:COL."""

from __future__ import annotations

from pathlib import Path

import pytest

from deck import Deck, InputError, load_deck
from workshops.deck_fit import fit_to_deck
from workshops.loader import check_against_deck, load_workshop, parse_workshop
from workshops.model import (
    ActionPlanRound,
    CaseRound,
    DilemmaRound,
    StatementsRound,
    VoteRound,
    Workshop,
    round_kind,
)

from .conftest import WORKSHOP, WorkshopWriter


def problems(path: Path) -> list[str]:
    """Every problem the loader reports for the file, as the CLI prints them."""
    with pytest.raises(InputError) as caught:
        load_workshop(path)
    return [str(problem) for problem in caught.value.problems]


def deck_problems(path: Path, deck: Deck) -> list[str]:
    return [str(problem) for problem in check_against_deck(load_workshop(path), deck)]


@pytest.fixture
def deck(deck_folder: Path) -> Deck:
    return load_deck(deck_folder)


def test_valid_script_loads_with_every_setting(write_workshop: WorkshopWriter) -> None:
    workshop = load_workshop(write_workshop())
    assert workshop.id == "proef"
    assert str(workshop.title) == "Proefsessie"
    assert workshop.minutes == 30 == workshop.rounds_minutes()
    assert [round_kind(r) for r in workshop.rounds] == [
        "casus",
        "stellingen",
        "dilemma",
        "stemming",
        "actieplan",
    ]
    case, statements, dilemma, vote, plan = workshop.rounds
    assert isinstance(case, CaseRound) and case.roles == ("burgemeester", "bewoner")
    assert isinstance(statements, StatementsRound)
    assert statements.statements == ("stelling-plicht",) and statements.statement_count == 1
    assert statements.anonymous and statements.reveal == "on-close"
    assert isinstance(dilemma, DilemmaRound) and dilemma.draw == 1 and dilemma.vote
    assert isinstance(vote, VoteRound)
    assert (vote.method, vote.over, vote.dots, vote.anonymous) == ("dots", "approaches", 3, False)
    assert isinstance(plan, ActionPlanRound) and plan.top == 3
    assert not any(r.optional for r in workshop.rounds)


def test_schedule_gives_each_round_its_start(write_workshop: WorkshopWriter) -> None:
    workshop = load_workshop(write_workshop())
    assert [(r.id, start) for r, start in workshop.schedule()] == [
        ("casus", 0),
        ("stellingen", 5),
        ("dilemma", 15),
        ("stemming", 20),
        ("actieplan", 25),
    ]
    assert workshop.index("stemming") == 3
    assert workshop.round("dilemma") is workshop.rounds[2]
    assert workshop.round("nergens") is None


def test_loaded_workshop_knows_where_its_values_stand(write_workshop: WorkshopWriter) -> None:
    path = write_workshop()
    workshop = load_workshop(path)
    assert str(workshop.where("rounds", 1, "statements", 0)) == f"{path}:18:18"
    assert str(workshop.where("minutes")) == f"{path}:6:10"


def test_valid_script_matches_the_deck(write_workshop: WorkshopWriter, deck: Deck) -> None:
    assert deck_problems(write_workshop(), deck) == []


def test_text_may_be_translated(write_workshop: WorkshopWriter) -> None:
    text = WORKSHOP.replace("title: Proefsessie", "title: {nl: Proefsessie, fr: Séance d'essai}")
    workshop = load_workshop(write_workshop(text))
    assert workshop.title.in_language("fr") == "Séance d'essai"


# One test per kind of mistake.


def test_syntax_error(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("    title: Casus", "    title: [Casus"))
    (found,) = problems(path)
    assert found.startswith(f"{path}:11:")
    assert "YAML-fout" in found


def test_unknown_round_key_suggests_the_right_one(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("    dots: 3", "    dot: 3"))
    assert problems(path) == [
        f"{path}:30:5: ronde 'stemming': onbekend veld 'dot' (bedoelde je 'dots'?)"
    ]


def test_unknown_workshop_key_suggests_the_right_one(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("purpose: Testen.", "purpos: Testen."))
    # The misspelt key is reported once, not again as a missing 'purpose'.
    assert problems(path) == [
        f"{path}:5:1: werkvorm 'proef': onbekend veld 'purpos' (bedoelde je 'purpose'?)"
    ]


def test_unknown_round_kind(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("kind: stemming", "kind: stemmen"))
    assert problems(path) == [
        f"{path}:27:11: ronde 'stemming': onbekende soort ronde 'stemmen' (bedoelde je 'stemming'?)"
    ]


def test_missing_round_kind_lists_the_kinds(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("    kind: casus\n", ""))
    (found,) = problems(path)
    assert found.startswith(
        f"{path}:8:5: ronde 'casus': verplicht veld 'kind' ontbreekt (kies uit:"
    )
    assert "afsluiting" in found and "pauze" in found


def test_duplicate_round_id(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("- id: actieplan", "- id: stemming"))
    assert problems(path) == [
        f"{path}:32:9: ronde 'stemming': dubbele id (ook gebruikt op regel 26)"
    ]


def test_wrong_type(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("minutes: 10", "minutes: tien"))
    assert problems(path) == [
        f"{path}:17:14: ronde 'stellingen': 'minutes' moet een geheel getal zijn, niet tekst"
    ]


def test_empty_text(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("instructions: Stem 1 tot 5.", 'instructions: ""'))
    assert problems(path) == [f"{path}:19:19: ronde 'stellingen': 'instructions': lege tekst"]


def test_unknown_card_reference_suggests_the_right_one(
    write_workshop: WorkshopWriter, deck: Deck
) -> None:
    path = write_workshop(WORKSHOP.replace("[stelling-plicht]", "[stelling-plich]"))
    assert deck_problems(path, deck) == [
        f"{path}:18:18: ronde 'stellingen': onbekende stellingkaart 'stelling-plich' "
        "(bedoelde je 'stelling-plicht'?)"
    ]


def test_card_reference_of_the_wrong_type(write_workshop: WorkshopWriter, deck: Deck) -> None:
    path = write_workshop(
        WORKSHOP.replace("[burgemeester, bewoner]", "[burgemeester, overvraging]")
    )
    assert deck_problems(path, deck) == [
        f"{path}:12:27: ronde 'casus': kaart 'overvraging' is een dilemmakaart, geen rolkaart "
        "(kies uit: bewoner, burgemeester)"
    ]


def test_minutes_not_adding_up(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("minutes: 30", "minutes: 35"))
    assert problems(path) == [
        f"{path}:6:10: werkvorm 'proef': de rondes duren samen 30 minuten (5 + 10 + 5 + 5 + 5), "
        "maar 'minutes' is 35 (zet 'minutes: 30' of pas de tijd van een ronde aan)"
    ]


# Further mistakes a trainer makes.


def test_every_problem_is_reported_at_once(write_workshop: WorkshopWriter) -> None:
    text = (
        WORKSHOP.replace("kind: stemming", "kind: stemmen")
        .replace("minutes: 10", "minutes: -1")
        .replace("title: Proefsessie", "title: ''")
    )
    path = write_workshop(text)
    found = problems(path)
    assert found == [
        f"{path}:17:14: ronde 'stellingen': 'minutes' is -1, maar moet minstens 1 zijn",
        f"{path}:27:11: ronde 'stemming': onbekende soort ronde 'stemmen' "
        "(bedoelde je 'stemming'?)",
        f"{path}:2:8: werkvorm 'proef': 'title': lege tekst",
    ]


def test_vote_settings_that_do_not_fit_the_method(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("    dots: 3", "    method: likert\n    dots: 3"))
    assert problems(path) == [
        f"{path}:26:5: ronde 'stemming': 'dots' geldt alleen bij 'method: dots', niet bij 'likert'"
    ]


def test_unknown_ballot_method(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("    dots: 3", "    method: dot"))
    assert problems(path) == [
        f"{path}:30:13: ronde 'stemming': ongeldige waarde 'dot' voor 'method' "
        "(bedoelde je 'dots'?)"
    ]


def test_vote_over_options_needs_options(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("    dots: 3", "    over: options"))
    (found,) = problems(path)
    assert found == (
        f"{path}:26:5: ronde 'stemming': met 'over: options' zijn minstens twee 'options' nodig"
    )
    fixed = WORKSHOP.replace("    dots: 3", "    over: options\n    options: [Ja, Nee]")
    vote = load_workshop(write_workshop(fixed, name="opties.yaml")).rounds[3]
    assert isinstance(vote, VoteRound) and [str(o) for o in vote.options] == ["Ja", "Nee"]


def test_statements_or_count_not_both(write_workshop: WorkshopWriter) -> None:
    both = write_workshop(WORKSHOP.replace("[stelling-plicht]", "[stelling-plicht]\n    count: 2"))
    assert problems(both) == [
        f"{both}:14:5: ronde 'stellingen': geef 'statements' of 'count', niet allebei"
    ]
    neither = write_workshop(
        WORKSHOP.replace("    statements: [stelling-plicht]\n", ""), name="geen.yaml"
    )
    (found,) = problems(neither)
    assert "geef 'statements' (ids van stellingkaarten) of 'count'" in found


def test_round_that_is_not_a_mapping(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP + "  - afsluiting\n")
    assert problems(path) == [
        f"{path}:38:5: ronde #6: een ronde moet een mapping zijn (sleutel: waarde) "
        "(begin elke ronde met '- kind: …')"
    ]


def test_no_rounds(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.split("rounds:")[0] + "rounds: []\n")
    assert problems(path) == [
        f"{path}:7:9: werkvorm 'proef': 'rounds' heeft te weinig elementen (minstens 1)"
    ]


def test_document_that_is_not_a_mapping(write_workshop: WorkshopWriter) -> None:
    path = write_workshop("- casus\n- stemming\n")
    (found,) = problems(path)
    assert found.startswith(f"{path}:1:1: een werkvorm moet een mapping zijn")


def test_empty_and_missing_files(write_workshop: WorkshopWriter, tmp_path: Path) -> None:
    assert problems(write_workshop("")) == [
        f"{tmp_path / 'proef.yaml'}:1:1: bestand is leeg (verwacht YAML-inhoud)"
    ]
    missing = tmp_path / "nergens.yaml"
    assert problems(missing) == [f"{missing}:1:1: bestand niet gevonden"]


def test_duplicate_key_in_a_round(write_workshop: WorkshopWriter) -> None:
    path = write_workshop(WORKSHOP.replace("    dots: 3", "    dots: 3\n    dots: 4"))
    (found,) = problems(path)
    assert found.startswith(f"{path}:31:5: sleutel 'dots' staat twee keer")


def test_duplicate_case_id(write_workshop: WorkshopWriter) -> None:
    cases = (
        "cases:\n"
        "  - {id: park, title: Park, text: Dealen in het park.}\n"
        "  - {id: park, title: Plein, text: Overlast op het plein.}\n"
    )
    path = write_workshop(WORKSHOP.replace("rounds:\n", cases + "rounds:\n"))
    assert problems(path) == [f"{path}:9:10: casus 'park': dubbele id (ook gebruikt op regel 8)"]


def test_parse_workshop_reads_bytes() -> None:
    workshop = parse_workshop(WORKSHOP.encode(), Path("geheugen.yaml"))
    assert workshop.id == "proef"


# Checks against the deck beyond a single id.


def test_asking_more_statements_than_the_deck_has(
    write_workshop: WorkshopWriter, deck: Deck
) -> None:
    # A round that asks for a number of the deck's statements takes what the deck has.
    path = write_workshop(WORKSHOP.replace("statements: [stelling-plicht]", "count: 3"))
    assert deck_problems(path, deck) == []
    fitted = fit_to_deck(load_workshop(path), deck)
    round_ = fitted.workshop.round("stellingen")
    assert isinstance(round_, StatementsRound) and round_.count == 2
    assert fitted.notes == (
        "Ronde 'stellingen' (Stellingen) legt 2 stellingen voor in plaats van 3: meer heeft "
        "het deck niet.",
    )


def test_dilemma_without_options_cannot_be_voted_on(
    write_workshop: WorkshopWriter, deck: Deck
) -> None:
    path = write_workshop(WORKSHOP.replace("[regisseren-of-faciliteren]", "[overvraging]"))
    assert deck_problems(path, deck) == [
        f"{path}:24:13: ronde 'dilemma': dilemmakaart 'overvraging' heeft geen keuzes om over te "
        "stemmen (kies een kaart met 'options', of zet 'vote: false')"
    ]
    quiet = WORKSHOP.replace("[regisseren-of-faciliteren]", "[overvraging]\n    vote: false")
    assert deck_problems(write_workshop(quiet, name="stil.yaml"), deck) == []


def test_drawing_more_dilemmas_than_there_are(write_workshop: WorkshopWriter, deck: Deck) -> None:
    path = write_workshop(
        WORKSHOP.replace("    cards: [regisseren-of-faciliteren]", "    draw: 3\n    vote: false")
    )
    assert deck_problems(path, deck) == []
    fitted = fit_to_deck(load_workshop(path), deck)
    round_ = fitted.workshop.round("dilemma")
    assert isinstance(round_, DilemmaRound) and round_.draw == 2
    assert fitted.notes == (
        "Ronde 'dilemma' (Dilemma) trekt 2 dilemmakaarten in plaats van 3: meer heeft het "
        "deck niet.",
    )
    named = write_workshop(
        WORKSHOP.replace(
            "    cards: [regisseren-of-faciliteren]",
            "    cards: [regisseren-of-faciliteren]\n    draw: 2",
        ),
        name="genoemd.yaml",
    )
    assert deck_problems(named, deck) == [
        f"{named}:25:11: ronde 'dilemma': de ronde trekt 2 dilemmakaarten, er is er 1 "
        "(verlaag 'draw' of voeg dilemmakaarten toe)"
    ]


def test_unknown_tip(write_workshop: WorkshopWriter, deck: Deck) -> None:
    # draw_roles is fine here: the deck has role cards to draw.
    roles = "    roles: [burgemeester, bewoner]"
    text = WORKSHOP.replace("[haalbare-doelstelling]", "[haalbare-doelsteling]").replace(
        roles, roles + "\n    draw_roles: true"
    )
    path = write_workshop(text)
    assert deck_problems(path, deck) == [
        f"{path}:37:12: ronde 'actieplan': onbekende tipkaart 'haalbare-doelsteling' "
        "(bedoelde je 'haalbare-doelstelling'?)"
    ]


def test_check_against_deck_without_positions(deck: Deck) -> None:
    # A workshop built in code (as the engine's tests do) is checked too, located by its id.
    workshop = Workshop.model_validate(
        {
            "id": "in-code",
            "title": "In code",
            "description": "Gebouwd in een test.",
            "audience": "Niemand.",
            "purpose": "Testen.",
            "minutes": 10,
            "rounds": [
                {
                    "kind": "stellingen",
                    "id": "s",
                    "title": "S",
                    "minutes": 5,
                    "instructions": "Stem.",
                    "statements": ["burgemeester"],
                }
            ],
        }
    )
    assert [str(p) for p in check_against_deck(workshop, deck)] == [
        "werkvorm 'in-code':1:1: werkvorm 'in-code': de rondes duren samen 5 minuten (5), maar "
        "'minutes' is 10 (zet 'minutes: 5' of pas de tijd van een ronde aan)",
        "werkvorm 'in-code':1:1: ronde 's': kaart 'burgemeester' is een rolkaart, geen "
        "stellingkaart (kies uit: stelling-plicht, stelling-zinvol)",
    ]


def test_unknown_participation_form(write_workshop: WorkshopWriter, deck: Deck) -> None:
    text = WORKSHOP.replace(
        "  - id: stemming\n",
        "  - id: aanpakken\n"
        "    kind: aanpakken\n"
        "    title: Aanpakken\n"
        "    minutes: 5\n"
        "    forms: [meedoe]\n"
        "    instructions: Kies een aanpak.\n"
        "  - id: stemming\n",
    ).replace("minutes: 30", "minutes: 35")
    path = write_workshop(text)
    assert deck_problems(path, deck) == [
        f"{path}:30:13: ronde 'aanpakken': onbekende participatievorm 'meedoe' "
        "(bedoelde je 'meedoen'?)"
    ]


def test_drawing_roles_from_a_deck_without_role_cards(
    write_workshop: WorkshopWriter, deck_folder: Path
) -> None:
    cards = deck_folder / "kaarten.yaml"
    kept = [block for block in cards.read_text().split("- id: ") if "type: rol" not in block]
    cards.write_text("- id: ".join(kept))
    text = WORKSHOP.replace("    roles: [burgemeester, bewoner]", "    draw_roles: true")
    path = write_workshop(text)
    assert deck_problems(path, load_deck(deck_folder)) == []
    fitted = fit_to_deck(load_workshop(path), load_deck(deck_folder))
    round_ = fitted.workshop.round("casus")
    assert isinstance(round_, CaseRound) and not round_.draw_roles
    assert fitted.notes == (
        "Ronde 'casus' (Casus) trekt geen rolkaarten: het deck heeft er geen; de begeleider "
        "kiest de rollen.",
    )
