"""Shared fixtures for the session tests: a small deck of its own, a clock, tokens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from deck import Deck, load_deck

DECK_FILES: dict[str, str] = {
    "deck.yaml": """\
id: sessiedeck
title: Sessiedeck
language: nl
types:
  vorm: {label: Participatievorm, colour: "#1b6a8c"}
  voorbeeld: {label: Voorbeeld, colour: "#2e7d32"}
  bezorgdheid: {label: Bezorgdheid, colour: "#c62828"}
  stelling: {label: Stelling, colour: "#6a1b9a"}
  rol: {label: Rol, colour: "#37474f"}
  dilemma: {label: Dilemma, colour: "#ef6c00"}
themes:
  overlast: Overlast
audiences:
  jongeren: Jongeren
  buurtbewoners: Buurtbewoners
files: [kaarten.yaml]
""",
    "kaarten.yaml": """\
- id: meedoen
  type: vorm
  title: Meedoen
  text: Burgers helpen mee veiligheid te maken.
  subforms:
    - {id: signaleren, title: Signaleren, text: Burgers melden wat ze zien.}
    - {id: bemiddelen, title: Bemiddelen, text: Burgers slaan bruggen.}
- id: transparantie
  type: vorm
  title: Transparantie
  text: De overheid informeert.
  subforms:
    - {id: informeren, title: Informeren, text: De overheid vertelt wat ze doet.}
- id: efficientie
  type: bezorgdheid
  title: Efficiëntie
  text: Angst voor falen en conflict.
  worry: Het loopt uit de hand.
  answer: Durf te falen en leer in actie.
- id: algemeen-belang
  type: bezorgdheid
  title: Algemeen belang
  text: Wie spreekt voor wie?
  worry: Alleen de luidste stemmen worden gehoord.
  answer: Zoek ook wie niet vanzelf komt.
- id: buurtvaders
  type: voorbeeld
  title: Buurtvaders
  text: Vaders uit de buurt spreken jongeren aan op straat.
  form: meedoen
  subform: bemiddelen
  phase: beleidsuitvoering
  goal: Overlast verminderen door aanwezigheid.
  themes: [overlast]
  method: Peerwerking
  audiences: [jongeren]
  answers: [efficientie]
- id: buurtsignaal
  type: voorbeeld
  title: Buurtsignaal
  text: Bewoners melden onveilige plekken.
  form: meedoen
  subform: signaleren
  phase: beleidsuitvoering
  goal: Sneller weten wat er speelt.
  themes: [overlast]
  method: Meldpunt
  audiences: [buurtbewoners]
- id: infokrant
  type: voorbeeld
  title: Infokrant
  text: Een krant over veiligheid in de buurt.
  form: transparantie
  subform: informeren
  phase: beleidsuitvoering
  goal: Bewoners informeren.
  themes: [overlast]
  method: Krant
  audiences: [buurtbewoners]
- id: politie-garandeert
  type: stelling
  title: Veiligheid garanderen
  text: De politie moet de veiligheid in mijn buurt garanderen
  scale: [helemaal oneens, oneens, neutraal, eens, helemaal eens]
  benchmark: {table: Tabel 4, n: 1201, percentages: [2, 4, 9, 43, 42], low: 6, high: 85}
- id: burgemeester
  type: rol
  title: Burgemeester
  text: Hoofd van de lokale politie.
  group: stad-gemeente
  stake: Rust in de gemeente.
  fear: Eigenrichting.
  brings: Gezag en middelen.
- id: bewoner
  type: rol
  title: Bewoner
  text: Woont in de buurt.
  group: bewoners
  stake: Een veilige straat.
  fear: Niet gehoord worden.
  brings: Kennis van de buurt.
- id: korpschef
  type: rol
  title: Korpschef
  text: Leidt de politiezone.
  group: politiezone
  stake: Capaciteit.
  fear: Overvraging.
  brings: Expertise.
- id: regisseren-of-faciliteren
  type: dilemma
  title: Regisseren of faciliteren
  text: Neemt de gemeente het initiatief over of ondersteunt ze?
  kind: dilemma
  question: Wie trekt het initiatief?
  options: [De gemeente regisseert, De gemeente faciliteert]
- id: overvraging
  type: dilemma
  title: Overvraging
  text: Vrijwilligers raken op.
  kind: risico
  question: Hoe voorkom je dat vrijwilligers afhaken?
""",
}


def write_deck(folder: Path) -> Path:
    """Write the test deck into `folder` and return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in DECK_FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def deck_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test deck on disk."""
    return write_deck(tmp_path_factory.mktemp("sessiedeck"))


@pytest.fixture(scope="session")
def deck(deck_dir: Path) -> Deck:
    """The test deck, loaded."""
    return load_deck(deck_dir)


NOW = dt.datetime(2026, 3, 14, 19, 30, tzinfo=dt.UTC)
"""A fixed moment: the engine never reads the clock itself."""


WORKSHOP = """\
id: testtafel
title: Testtafel
description: Een korte tafel om mee te testen.
audience: Testers.
purpose: Alles eens proberen.
minutes: 30
rounds:
  - id: casus
    kind: casus
    title: De casus
    minutes: 5
    instructions: Schets de casus.
  - id: aanpakken
    kind: aanpakken
    title: Aanpakken
    minutes: 15
    instructions: Kies aanpakken.
  - id: stemming
    kind: stemming
    title: Stemmen
    minutes: 10
    instructions: Verdeel je stippen.
"""


def write_workshop(folder: Path) -> Path:
    """Write the test workshop (it fits the test deck) and return its file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "testtafel.yaml"
    path.write_text(WORKSHOP, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def workshop_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workshop script that fits the test deck."""
    return write_workshop(tmp_path_factory.mktemp("werkvorm"))
