"""The built-in formats: loadable, as DESIGN §5 describes them, and valid against the deck."""

from __future__ import annotations

from pathlib import Path

import pytest

from deck import Deck, InputError, default_deck_path, load_deck
from workshops import builtin_workshops
from workshops.loader import (
    BUILTIN_ORDER,
    builtin_dir,
    builtin_workshop_path,
    check_against_deck,
    open_workshop,
)
from workshops.model import (
    CaseRound,
    ClosingRound,
    DilemmaRound,
    StatementsRound,
    VoteRound,
    round_kind,
)


def test_the_three_formats_ship_in_order() -> None:
    workshops = builtin_workshops()
    assert tuple(workshops) == BUILTIN_ORDER == ("netwerktafel", "kort", "training")
    for workshop_id, workshop in workshops.items():
        assert workshop.id == workshop_id
        assert builtin_workshop_path(workshop_id) == builtin_dir() / f"{workshop_id}.yaml"


def test_netwerktafel_follows_the_round_table_of_the_design() -> None:
    workshop = builtin_workshops()["netwerktafel"]
    assert workshop.minutes == 150
    assert [(round_kind(r), r.minutes, r.optional) for r in workshop.rounds] == [
        ("casus", 15, False),
        ("stemming", 5, False),
        ("stellingen", 20, False),
        ("bezorgdheden", 20, False),
        ("pauze", 10, False),
        ("aanpakken", 30, False),
        ("dilemma", 10, True),
        ("stemming", 15, False),
        ("actieplan", 20, False),
        ("afsluiting", 5, False),
    ]
    statements = workshop.rounds[2]
    assert isinstance(statements, StatementsRound) and 3 <= statements.statement_count <= 5
    dilemma = workshop.rounds[6]
    assert isinstance(dilemma, DilemmaRound) and dilemma.draw == 1 and dilemma.vote
    vote = workshop.rounds[7]
    assert isinstance(vote, VoteRound)
    assert (vote.method, vote.over, vote.dots) == ("dots", "approaches", 3)


def test_kort_keeps_the_core_in_45_minutes() -> None:
    workshop = builtin_workshops()["kort"]
    assert workshop.minutes == 45
    assert [round_kind(r) for r in workshop.rounds] == [
        "casus",
        "stellingen",
        "aanpakken",
        "stemming",
        "actieplan",
    ]
    statements = workshop.rounds[1]
    assert isinstance(statements, StatementsRound) and statements.statement_count == 2


def test_training_is_a_role_play_on_an_example_case_ending_in_reflection() -> None:
    workshop = builtin_workshops()["training"]
    assert [str(case.title) for case in workshop.cases] == [
        "Overlast op het stationsplein",
        "Woninginbraken in een woonwijk",
        "Te snel rijden aan een school",
        "Drugsdealen in het park",
        "Zwerfvuil langs de rivier",
        "Een WhatsApp-groep die gaat patrouilleren",
    ]
    assert all(case.prefer and not case.roles for case in workshop.cases)
    first, last = workshop.rounds[0], workshop.rounds[-1]
    assert isinstance(first, CaseRound) and first.draw_roles
    assert isinstance(last, ClosingRound)
    assert "concerns" in last.review and last.reflection
    assert any("bezorgdhe" in str(q) for q in last.reflection)


def test_every_round_has_real_instructions() -> None:
    for workshop in builtin_workshops().values():
        for round_ in workshop.rounds:
            assert len(str(round_.instructions)) > 60, (workshop.id, round_.id)


def test_open_workshop_takes_an_id_or_a_file(tmp_path: Path) -> None:
    assert open_workshop("kort") is builtin_workshops()["kort"]
    mine = tmp_path / "mijn.yaml"
    mine.write_bytes(builtin_workshop_path("kort").read_bytes())
    from_file = open_workshop(mine)
    assert from_file == builtin_workshops()["kort"]
    assert hash(from_file) == hash(builtin_workshops()["kort"])
    assert from_file.where("minutes").file == mine


def test_unknown_builtin_id_gets_a_hint(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        open_workshop("netwerktafels")
    assert str(caught.value) == (
        "netwerktafels:1:1: geen ingebouwde werkvorm en geen bestand met deze naam "
        "(bedoelde je 'netwerktafel'?)"
    )
    with pytest.raises(InputError) as caught:
        builtin_workshop_path("trainig")
    assert "(bedoelde je 'training'?)" in str(caught.value)
    missing = tmp_path / "weg.yaml"
    with pytest.raises(InputError) as caught:
        open_workshop(str(missing))
    assert str(caught.value) == f"{missing}:1:1: bestand niet gevonden"


def _default_deck() -> Deck:
    # A default deck that does not load is a failure here, never a skip.
    return load_deck(default_deck_path())


@pytest.mark.parametrize("workshop_id", BUILTIN_ORDER)
def test_builtin_matches_the_default_deck(workshop_id: str) -> None:
    deck = _default_deck()
    problems = check_against_deck(builtin_workshops()[workshop_id], deck)
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize("workshop_id", ["netwerktafel", "training"])
def test_the_what_round_comes_before_why_and_how(workshop_id: str) -> None:
    """'Wat is burgerparticipatie?': a quick choice vote right after the case, before the
    statements, the concerns (why) and the approaches (how)."""
    workshop = builtin_workshops()[workshop_id]
    kinds = [round_kind(r) for r in workshop.rounds]
    what = workshop.round("wat")
    assert isinstance(what, VoteRound) and str(what.title) == "Wat is burgerparticipatie?"
    assert (what.method, what.over, what.anonymous) == ("choice", "options", True)
    assert what.max_choices == len(what.options) == 4
    assert kinds.index("casus") < workshop.index("wat") < kinds.index("bezorgdheden")
    assert workshop.index("wat") < kinds.index("aanpakken")
    for card_title in ("Wat is burgerparticipatie?", "participatiewiel"):
        assert card_title in " ".join(str(what.instructions).split())
