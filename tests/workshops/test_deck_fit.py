"""The built-in werkvormen fit any deck: what a deck cannot supply is left out, with one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from deck import Deck, InputError, default_deck_path, example_deck_path, load_deck
from tests.minimal_deck import ONE_FORM, write_minimal_deck
from workshops import builtin_workshops, fit_to_deck
from workshops.loader import BUILTIN_ORDER, load_workshop
from workshops.model import CaseRound, StatementsRound, round_kind

from .conftest import WORKSHOP, WorkshopWriter


def minimal_deck(folder: Path, cards: str = ONE_FORM) -> Deck:
    """A deck with only what the format requires: a manifest and one card file."""
    return load_deck(write_minimal_deck(folder, cards))


@pytest.mark.parametrize("workshop_id", BUILTIN_ORDER)
def test_the_default_deck_plays_every_round_with_the_preferred_cards(workshop_id: str) -> None:
    workshop = builtin_workshops()[workshop_id]
    fitted = fit_to_deck(workshop, load_deck(default_deck_path()))
    assert fitted.notes == ()
    assert [r.id for r in fitted.workshop.rounds] == [r.id for r in workshop.rounds]
    assert fitted.workshop.minutes == workshop.minutes
    for before, after in zip(workshop.rounds, fitted.workshop.rounds, strict=True):
        if isinstance(before, StatementsRound):
            assert isinstance(after, StatementsRound)
            assert after.statements == before.prefer and after.count is None
        if isinstance(before, CaseRound):
            assert isinstance(after, CaseRound) and after.roles == before.prefer
    for before_case, after_case in zip(workshop.cases, fitted.workshop.cases, strict=True):
        assert after_case.roles == before_case.prefer


@pytest.mark.parametrize("workshop_id", BUILTIN_ORDER)
@pytest.mark.parametrize("cards", [ONE_FORM, "[]\n"], ids=["een-vorm", "geen-kaarten"])
def test_a_minimal_deck_plays_what_it_can(workshop_id: str, cards: str, tmp_path: Path) -> None:
    deck = minimal_deck(tmp_path / "klein", cards)
    workshop = builtin_workshops()[workshop_id]
    fitted = fit_to_deck(workshop, deck)
    kept = {round_kind(r) for r in fitted.workshop.rounds}
    assert "casus" in kept
    assert not kept & {"stellingen", "bezorgdheden", "dilemma"}
    assert ("aanpakken" in kept) == (cards == ONE_FORM)
    left_out = len(workshop.rounds) - len(fitted.workshop.rounds)
    lines = [note for note in fitted.notes if "valt weg" in note]
    assert len(lines) == left_out > 0
    for note in fitted.notes:
        assert note.startswith("Ronde '") and "\n" not in note
    assert fitted.workshop.minutes == sum(r.minutes for r in fitted.workshop.rounds)


def test_the_notes_say_why(tmp_path: Path) -> None:
    fitted = fit_to_deck(builtin_workshops()["netwerktafel"], minimal_deck(tmp_path / "klein"))
    assert fitted.notes == (
        "Ronde 'wat' (Wat is burgerparticipatie?) valt weg: het deck heeft kaart "
        "'wat-is-burgerparticipatie' niet.",
        "Ronde 'stellingen' (Stellingen naast de bevraging) valt weg: het deck heeft geen "
        "stellingkaarten.",
        "Ronde 'bezorgdheden' (Bezorgdheden) valt weg: het deck heeft geen bezorgdheidskaarten.",
        "Ronde 'dilemma' (Een dilemma) valt weg: het deck heeft geen dilemmakaarten.",
    )


def test_without_approaches_the_vote_and_the_plan_go_too(tmp_path: Path) -> None:
    fitted = fit_to_deck(builtin_workshops()["kort"], minimal_deck(tmp_path / "leeg", "[]\n"))
    assert [r.id for r in fitted.workshop.rounds] == ["casus"]
    assert fitted.notes[-2:] == (
        "Ronde 'stemming' (Stemmen) valt weg: er is geen ronde om aanpakken te kiezen.",
        "Ronde 'actieplan' (Eerste stappen) valt weg: er is geen ronde om aanpakken te kiezen.",
    )


def test_named_ids_are_still_held_to_the_deck(
    write_workshop: WorkshopWriter, tmp_path: Path
) -> None:
    path = write_workshop(WORKSHOP)
    with pytest.raises(InputError) as caught:
        fit_to_deck(load_workshop(path), minimal_deck(tmp_path / "klein"))
    assert f"{path}:12:13: ronde 'casus': onbekende rolkaart 'burgemeester'" in str(caught.value)


def test_a_script_with_nothing_left_is_one_problem(
    write_workshop: WorkshopWriter, tmp_path: Path
) -> None:
    only = WORKSHOP.split("  - id: casus")[0] + (
        "  - id: stellingen\n    kind: stellingen\n    title: S\n    minutes: 30\n"
        "    count: 2\n    instructions: Stem.\n"
    )
    path = write_workshop(only)
    with pytest.raises(InputError) as caught:
        fit_to_deck(load_workshop(path), minimal_deck(tmp_path / "klein"))
    assert str(caught.value) == (
        f"{path}:8:3: werkvorm 'proef': met deck 'klein' blijft geen enkele ronde over "
        "(Ronde 'stellingen' (S) valt weg: het deck heeft geen stellingkaarten.)"
    )


@pytest.mark.parametrize("workshop_id", BUILTIN_ORDER)
def test_a_deck_without_a_survey_gets_the_rounds_wording_without_one(workshop_id: str) -> None:
    example = example_deck_path()
    workshop = builtin_workshops()[workshop_id]
    before = next(r for r in workshop.rounds if isinstance(r, StatementsRound))
    assert before.without_survey is not None
    after = fit_to_deck(workshop, load_deck(example)).workshop.round(before.id)
    assert isinstance(after, StatementsRound) and after.without_survey is None
    assert str(after.instructions) == str(before.without_survey.instructions)
    for text in (str(after.title), str(after.instructions)):
        assert "bevraging" not in text and "1.219" not in text
    # The default deck keeps the survey's wording.
    kept = fit_to_deck(workshop, load_deck(default_deck_path())).workshop.round(before.id)
    assert isinstance(kept, StatementsRound) and kept.instructions == before.instructions
