"""What a session wrote down in Dutch (a seat's role, a chosen card, a concern) is said in
the reader's language on the command line: each line under `--taal fr` names the deck's
French titles, and Dutch stays as it was recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from deck import example_deck_path
from game.store import SessionStore
from tests.cli_inprocess import run


def _said(*args: str | Path, env: dict[str, str] | None = None) -> list[str]:
    return run(*args, env=env).stdout.splitlines()


@pytest.mark.parametrize(
    ("language", "lines"),
    [
        (
            "fr",
            [
                "Partie prenante s1\xa0: Bourgmestre",
                "Partie prenante s2\xa0: Ann (Habitant)",
                "Approche a1\xa0: Table de quartier / Agent Bijt Hond pour Bourgmestre",
                "Préoccupation c1\xa0: Intérêt général",
                "  2. Buurtvaders (Ann)",
            ],
        ),
        (
            "nl",
            [
                "Belanghebbende s1: Burgemeester",
                "Belanghebbende s2: Ann (Bewoner)",
                "Aanpak a1: Wijktafel / Agent Bijt Hond voor Burgemeester",
                "Bezorgdheid c1: Algemeen belang",
                "  2. Buurtvaders (Ann)",
            ],
        ),
    ],
)
def test_each_line_names_the_recorded_cards_in_the_readers_language(
    language: str, lines: list[str], tmp_path: Path
) -> None:
    session = tmp_path / "tafel.nwt"
    taal = ("--taal", language)
    _said("session", "new", session, "-w", "kort", "--case", "Overlast")
    said = [
        *_said("session", "add-stakeholder", session, "burgemeester", *taal),
        *_said("session", "add-stakeholder", session, "bewoner", "--name", "Ann", *taal),
        *_said("session", "add-approach", session, "burgemeester", "wijktafel", *taal),
        *_said("session", "record-concern", session, "burgemeester", "algemeen-belang", *taal),
    ]
    _said("session", "add-approach", session, "Ann", "buurtvaders")
    opened = _said(
        "session", "open-ballot", session, "--method", "dots", "--over", "approaches", *taal
    )
    assert [*said, opened[2]] == lines


def test_session_show_names_roles_approaches_and_concerns_in_french(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    _said("session", "new", session, "-w", "kort", "--case", "Overlast")
    _said("session", "add-stakeholder", session, "burgemeester")
    _said("session", "add-stakeholder", session, "bewoner", "--name", "Ann")
    _said("session", "add-approach", session, "Ann", "wijktafel")
    _said("session", "record-concern", session, "burgemeester", "algemeen-belang")
    _said("session", "remove-stakeholder", session, "burgemeester")
    shown = "\n".join(_said("session", "show", session, "--taal", "fr"))
    for french in ("Bourgmestre", "Habitant", "Table de quartier", "Intérêt général"):
        assert french in shown
    for dutch in ("Burgemeester", "Bewoner", "Wijktafel", "Algemeen belang"):
        assert dutch not in shown
    dutch_shown = "\n".join(_said("session", "show", session))
    assert "Burgemeester (weg)" in dutch_shown and "Algemeen belang" in dutch_shown


def test_a_session_with_its_own_deck_says_its_cards_in_french_after_the_folder_moved(
    tmp_path: Path,
) -> None:
    deck = tmp_path / "deck"
    run("deck", "voorbeeld", deck)
    session = tmp_path / "school.nwt"
    _said("session", "new", session, "--deck", deck, "-w", "kort", "--case", "Snelheid")
    _said("session", "add-stakeholder", session, "schooldirecteur", "--name", "Nadia")
    deck.rename(tmp_path / "elders")
    french = "\n".join(_said("session", "show", session, "--taal", "fr", env={"COLUMNS": "200"}))
    assert "Direction de l'école" in french and "Directeur van de school" not in french


def test_a_deck_reached_only_through_deck_names_its_cards_in_french(tmp_path: Path) -> None:
    # A session from before decks were copied, whose deck folder is gone: only --deck finds it.
    session = tmp_path / "oud.nwt"
    made = SessionStore.create(session, deck_id="verkeersveiligheid", deck_path=str(tmp_path))
    made.store.close()
    deck = ("--deck", example_deck_path(), "--taal", "fr")
    said = [
        *_said("session", "add-stakeholder", session, "schooldirecteur", *deck),
        *_said("session", "add-stakeholder", session, "buurtbewoner", "--name", "Ann", *deck),
        *_said("session", "record-concern", session, "s1", "verwachtingen", *deck),
        *_said("session", "add-approach", session, "s1", "schoolstraat", *deck),
        *_said("session", "add-approach", session, "Ann", "snelheidsbord", *deck),
        *_said("session", "open-ballot", session, "--method", "dots", *deck),
    ]
    statement = ("--method", "likert", "--statement", "zelfstandig-naar-school")
    opened = _said("session", "open-ballot", session, *statement, *deck)
    assert said == [
        "Partie prenante s1\xa0: Direction de l'école",
        "Partie prenante s2\xa0: Ann (Riverain)",
        "Préoccupation c1\xa0: Des attentes trop élevées",
        "Approche a1\xa0: Rue scolaire pour Direction de l'école",
        "Approche a2\xa0: Afficheur de vitesse et résultats pour Ann",
        "Vote b1 ouvert\xa0: Vote sur les approches (gommettes)",
        "  1. Rue scolaire (Direction de l'école)",
        "  2. Afficheur de vitesse et résultats (Ann)",
    ]
    assert opened[0].startswith("Vote b2 ouvert\xa0: Les enfants du primaire doivent pouvoir")
    assert opened[1:] == [
        "  1. Pas du tout d'accord",
        "  2. Pas d'accord",
        "  3. Neutre",
        "  4. D'accord",
        "  5. Tout à fait d'accord",
    ]


def test_vote_counts_and_the_matrix_scales_in_the_readers_language(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    _said("session", "new", session, "-w", "kort", "--case", "Overlast")
    _said("session", "add-stakeholder", session, "burgemeester")
    _said("session", "add-stakeholder", session, "bewoner", "--name", "Ann")
    _said("session", "add-approach", session, "Ann", "wijktafel")
    _said("session", "add-approach", session, "burgemeester", "buurtvaders")
    opened = _said("session", "open-ballot", session, "--method", "matrix", "--taal", "fr")
    assert opened[-1].startswith("Votez par option OPTION=IMPACT/FAISABILITÉ, chacun de 1 à 5")
    _said(
        "vote", session, "--name", "Jo", "--ballot", "b1", "--choice", "1=4/2", "--choice", "2=3/3"
    )
    french = _said("session", "show", session, "--taal", "fr")
    assert any(
        line.startswith("b1 Vote sur les approches — matrice, ouvert, 1 a voté") for line in french
    )
    assert any("→ faisabilité" in line for line in french)
    assert not any("haalbaarheid" in line for line in french)
    dutch = _said("session", "show", session)
    assert any(", open, 1 gestemd" in line for line in dutch)
    assert any("→ haalbaarheid" in line for line in dutch)


def test_session_show_writes_its_figures_the_readers_way(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    _said("session", "new", session, "-w", "kort", "--case", "Overlast")
    _said("session", "open-ballot", session, "--method", "choice", "--option", "A", "--option", "B")
    for name, choice in (("Jo", "1"), ("An", "1"), ("Bo", "2")):
        _said("vote", session, "--name", name, "--ballot", "b1", "--choice", choice)
    _said("session", "close-ballot", session, "b1")
    dutch = "\n".join(_said("session", "show", session))
    assert "2 (66,7 %)" in dutch and "1 (33,3 %)" in dutch
    assert "2 (66,7\u00a0%)" in "\n".join(_said("session", "show", session, "--taal", "fr"))


def test_a_french_voter_names_an_answer_as_it_is_shown_to_them(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    _said("session", "new", session, "-w", "kort", "--case", "Overlast")
    likert = ("--method", "likert", "--statement", "stelling-anderen-helpen", "--geen-mening")
    _said("session", "open-ballot", session, *likert)
    _said("session", "open-ballot", session, "--method", "consent", "--proposal", "Wijktafel")
    fr = ("--taal", "fr")
    for name, ballot, choice, said in (
        ("Luc", "b1", "sans avis", "Sans avis"),
        ("Léa", "b1", "d'accord", "D'accord"),
        ("Luc", "b2", "objection", "objection"),
    ):
        reason = ("--reason", "trop souvent") if choice == "objection" else ()
        line = _said(
            "vote", session, "--name", name, "--ballot", ballot, "--choice", choice, *reason, *fr
        )
        assert line == [f"Voix comptée pour {name} dans le vote {ballot}\xa0: {said}"]
    # The recorded words still count, in either language.
    jo = _said("vote", session, "--name", "Jo", "--ballot", "b1", "--choice", "geen mening", *fr)
    assert jo == ["Voix comptée pour Jo dans le vote b1\xa0: Sans avis"]


def test_a_french_voter_names_an_approach_as_it_is_shown_to_them_on_any_ballot(
    tmp_path: Path,
) -> None:
    session = tmp_path / "tafel.nwt"
    _said("session", "new", session, "-w", "kort", "--case", "Overlast")
    _said("session", "add-stakeholder", session, "burgemeester")
    _said("session", "add-approach", session, "burgemeester", "wijktafel")
    _said("session", "add-approach", session, "burgemeester", "buurtvaders")
    fr = ("--taal", "fr")
    _said("session", "open-ballot", session, "--method", "dots")
    _said("session", "open-ballot", session, "--method", "matrix")
    shown = "table de quartier / agent bijt hond (bourgmestre)"
    dots = _said("vote", session, "--name", "Jo", "--ballot", "b1", "--choice", shown, *fr)
    assert dots == [
        "Voix comptée pour Jo dans le vote b1\xa0: "
        "Table de quartier / Agent Bijt Hond (Bourgmestre)"
    ]
    matrix = ("--choice", f"{shown}=4/2", "--choice", "Buurtvaders  (BOURGMESTRE)=3/3")
    voted = _said("vote", session, "--name", "Jo", "--ballot", "b2", *matrix, *fr)
    assert voted == ["Voix comptée pour Jo dans le vote b2\xa0: 1=4/2, 2=3/3"]
    slip = _said("session", "paper-vote", session, "b1", "--choice", shown, *fr)
    assert slip == ["Bulletin papier 1 saisi dans le vote b1."]
    refused = run("vote", session, "--name", "Lu", "--ballot", "b1", "--choice", "x", *fr, code=2)
    assert refused.stderr.splitlines() == [
        "Refusé\xa0: «\xa0x\xa0» n'est pas une option du vote b1\xa0; choisissez parmi\xa0: "
        "1 (Table de quartier / Agent Bijt Hond (Bourgmestre)), 2 (Buurtvaders (Bourgmestre))"
    ]
