"""Werkvormen in Dutch and French: the built-in ones complete in both, `workshop check` names
every text that lacks a declared language, and the French side shows wherever the werkvorm's
texts are shown (`workshop show`, `workshop list`, a session's rounds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from deck import default_deck_path, example_deck_path, load_deck
from deck.references import texts_in
from game.engine.report import session_report
from game.store import read_state
from tests.cli_inprocess import invoke
from workshops.deck_fit import fit_to_deck
from workshops.loader import builtin_workshops, load_workshop
from workshops.model import round_kind
from workshops.recorded import recorded_workshop, round_title, workshop_title

from .conftest import WORKSHOP, WorkshopWriter

EXAMPLE = example_deck_path()


@pytest.mark.parametrize("workshop_id", ["netwerktafel", "kort", "training"])
def test_every_text_of_a_builtin_werkvorm_has_its_french(workshop_id: str) -> None:
    workshop = builtin_workshops()[workshop_id]
    assert workshop.languages == ("fr",)
    texts = list(texts_in(workshop))
    assert len(texts) > 10
    for path, text in texts:
        assert text.languages() == {"nl", "fr"}, path
        assert text.in_language("fr") != text.in_language("nl") or len(text.root) < 2, path


def test_a_missing_translation_is_one_problem_at_its_line(write_workshop: WorkshopWriter) -> None:
    bilingual = WORKSHOP.replace("title: Proefsessie", "languages: [fr]\ntitle: {nl: P, fr: P}")
    path = write_workshop(bilingual)
    shown = invoke("workshop", "check", path)
    assert shown.code == 2
    lines = shown.stderr.splitlines()
    # description, audience, purpose and each round's title and instructions lack French.
    assert len(lines) == 3 + 2 * 5 + 1
    assert lines[0] == (
        f"{path}:4:14: werkvorm 'proef': 'description': vertaling ontbreekt voor fr "
        "(de werkvorm vraagt talen fr, nl)"
    )
    french = invoke("workshop", "check", path, "--taal", "fr")
    assert "traduction manquante pour fr" in french.stderr
    assert "le format d'atelier demande les langues fr, nl" in french.stderr


def test_a_single_language_werkvorm_stays_valid(write_workshop: WorkshopWriter) -> None:
    workshop = load_workshop(write_workshop(WORKSHOP))
    assert workshop.languages == ()
    # A plain string is Dutch, and a French reader sees it as written.
    assert workshop.title.in_language("fr") == "Proefsessie"


def test_workshop_show_and_list_speak_french() -> None:
    shown = invoke("workshop", "show", "kort", "--instructions", "--taal", "fr")
    assert shown.code == 0
    for french in ("Table de concertation courte", "Deux affirmations", "Esquissez le problème"):
        assert french in shown.stdout
    for dutch in ("Korte netwerktafel", "Twee stellingen", "Schets het probleem", "minuten"):
        assert dutch not in shown.stdout
    listed = invoke("workshop", "list", "--taal", "fr")
    assert "La table de concertation en jeu de rôle" in listed.stdout
    assert "Netwerktafel als rollenspel" not in listed.stdout
    in_dutch = invoke("workshop", "show", "kort")
    assert "Twee stellingen" in in_dutch.stdout and "Deux affirmations" not in in_dutch.stdout


def test_a_sessions_rounds_speak_the_readers_language(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    made = invoke("session", "new", session, "-w", "netwerktafel", "--taal", "fr")
    assert "Format d'atelier\xa0: Table de concertation (10 tours" in made.stdout
    moved = invoke("session", "next-round", session, "--taal", "fr")
    assert "Qu'est-ce que la participation citoyenne\xa0?" in moved.stdout
    shown = invoke("session", "show", session, "--taal", "fr")
    assert "Format d'atelier\xa0: Table de concertation —" in shown.stdout
    assert "Netwerktafel —" not in shown.stdout
    dutch = invoke("session", "show", session)
    assert "Werkvorm: Netwerktafel — Ronde 2: Wat is burgerparticipatie?" in dutch.stdout


def test_a_round_renamed_for_a_deck_without_survey_has_its_french_too() -> None:
    workshop = builtin_workshops()["netwerktafel"]
    fitted = fit_to_deck(workshop, load_deck(EXAMPLE)).workshop
    found = recorded_workshop("netwerktafel", str(fitted.title))
    assert found is workshop
    titles = {
        r.id: round_title(found, r.id, round_kind(r), str(r.title), "fr") for r in fitted.rounds
    }
    assert titles["stellingen"] == "Affirmations"  # without_survey's title, in French
    assert titles["casus"] == "Le cas et qui est à la table"


def test_a_werkvorm_that_changed_keeps_the_recorded_titles() -> None:
    assert recorded_workshop("netwerktafel", "Een andere titel") is None
    assert recorded_workshop("mijn-eigen", "Netwerktafel") is None
    assert workshop_title(None, "Mijn werkvorm", "fr") == "Mijn werkvorm"
    workshop = builtin_workshops()["kort"]
    assert round_title(workshop, "casus", "casus", "Oude titel", "fr") == "Oude titel"
    assert round_title(workshop, "casus", "pauze", "De casus", "fr") == "De casus"
    assert round_title(workshop, "casus", "casus", "De casus", "fr") == "Le cas"


def test_the_report_names_the_werkvorm_in_the_readers_language(tmp_path: Path) -> None:
    session = tmp_path / "tafel.nwt"
    assert invoke("session", "new", session, "-w", "kort").code == 0
    state = read_state(session)
    deck = load_deck(default_deck_path())
    assert session_report(state, deck, language="fr").header.workshop == (
        "Table de concertation courte"
    )
    assert session_report(state, deck, language="nl").header.workshop == "Korte netwerktafel"


def test_an_unknown_werkvorm_is_named_in_the_readers_language() -> None:
    french = invoke("workshop", "show", "bestaatniet", "--taal", "fr")
    assert french.code == 2
    assert "ni format d'atelier intégré ni fichier de ce nom" in french.stderr
    dutch = invoke("workshop", "show", "bestaatniet")
    assert "geen ingebouwde werkvorm en geen bestand met deze naam" in dutch.stderr


def test_a_fit_note_names_the_round_as_the_session_shows_it() -> None:
    notes = fit_to_deck(builtin_workshops()["netwerktafel"], load_deck(EXAMPLE)).notes
    # A deck without a survey plays the statements round under its without_survey title.
    assert any(note.startswith("Ronde 'stellingen' (Stellingen) ") for note in notes), notes
    assert not any("Stellingen naast de bevraging" in note for note in notes)


def test_a_session_records_a_french_werkvorms_titles_in_french(
    tmp_path: Path, write_workshop: WorkshopWriter
) -> None:
    """A werkvorm file of one's own is not kept by the session: its titles are recorded in the
    werkvorm's language, as written, not in Dutch."""
    french = """\
id: soiree
language: fr
title: {fr: Séance test, nl: Proef}
description: Une soirée.
audience: Des parents.
purpose: Essayer.
minutes: 10
rounds:
  - {id: casus, kind: casus, title: {fr: Le cas, nl: De casus}, minutes: 5, instructions: Go.}
  - {id: pauze, kind: pauze, title: {fr: Pause, nl: Pauze}, minutes: 5, instructions: Café.}
"""
    session = tmp_path / "soiree.nwt"
    assert invoke("session", "new", session, "-w", write_workshop(french), "--taal", "fr").code == 0
    info = read_state(session).info
    assert info is not None
    assert info.workshop_title == "Séance test"
    assert [plan.title for plan in info.rounds] == ["Le cas", "Pause"]
    shown = invoke("session", "show", session, "--taal", "fr")
    assert "Format d'atelier\xa0: Séance test — Tour 1\xa0: Le cas" in shown.stdout
