"""A small valid workshop script and a small deck to check it against."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

# Line numbers matter: the error tests assert FILE:LINE:COL positions in this text.
WORKSHOP = """\
id: proef
title: Proefsessie
description: Een korte proef.
audience: Een testtafel.
purpose: Testen.
minutes: 30
rounds:
  - id: casus
    kind: casus
    title: Casus
    minutes: 5
    roles: [burgemeester, bewoner]
    instructions: Stel de casus voor.
  - id: stellingen
    kind: stellingen
    title: Stellingen
    minutes: 10
    statements: [stelling-plicht]
    instructions: Stem 1 tot 5.
  - id: dilemma
    kind: dilemma
    title: Dilemma
    minutes: 5
    cards: [regisseren-of-faciliteren]
    instructions: Trek een kaart.
  - id: stemming
    kind: stemming
    title: Stemming
    minutes: 5
    dots: 3
    instructions: Verdeel de stippen.
  - id: actieplan
    kind: actieplan
    title: Actieplan
    minutes: 5
    tips: [haalbare-doelstelling]
    instructions: Spreek af wie wat doet.
"""

MANIFEST = """\
id: proefdeck
title: Proefdeck
language: nl
types:
  vorm: {label: Participatievorm, colour: "#1b6a8c"}
  stelling: {label: Stelling, colour: "#5e35b1"}
  rol: {label: Rol, colour: "#5d4037"}
  dilemma: {label: Dilemma, colour: "#d84315"}
  tip: {label: Tip, colour: "#9a6b00"}
files: [kaarten.yaml]
"""

CARDS = """\
- id: meedoen
  type: vorm
  title: Meedoen
  text: Burgers helpen mee veiligheid te maken.
  subforms:
    - {id: signaleren, title: Signaleren, text: Burgers melden wat ze zien.}
- id: stelling-plicht
  type: stelling
  title: Plicht
  text: Ik vind het mijn plicht om te helpen mijn buurt veiliger te maken
  scale: [Helemaal oneens, Oneens, Neutraal, Eens, Helemaal eens]
  benchmark: {table: Tabel 4, n: 1198, percentages: [5, 13, 29, 40, 13], low: 18, high: 53}
- id: stelling-zinvol
  type: stelling
  title: Zinvol
  text: De hulp van burgers bij het verminderen van criminaliteit is zinvol
  scale: [Helemaal oneens, Oneens, Neutraal, Eens, Helemaal eens]
  benchmark: {table: Tabel 4, n: 1193, percentages: [3, 8, 19, 52, 18], low: 11, high: 70}
- id: burgemeester
  type: rol
  title: Burgemeester
  text: Hoofd van de lokale politie en verantwoordelijk voor de openbare orde.
  group: stad-gemeente
  stake: Rust en vertrouwen in de gemeente.
  fear: Burgers die zelf gaan optreden.
  brings: Gezag en middelen.
- id: bewoner
  type: rol
  title: Bewoner
  text: Woont in de buurt van de casus.
  group: bewoners
  stake: Een veilige straat.
  fear: Niet gehoord worden.
  brings: Kennis van de buurt.
- id: regisseren-of-faciliteren
  type: dilemma
  kind: dilemma
  title: Regisseren of faciliteren
  text: Een burgerinitiatief vraagt steun.
  question: Stuurt de gemeente het initiatief, of volgt ze het?
  options: [Regisseren, Faciliteren]
- id: overvraging
  type: dilemma
  kind: risico
  title: Overvraging
  text: Vrijwilligers krijgen steeds meer taken.
  question: Hoe bewaken we de grens?
- id: haalbare-doelstelling
  type: tip
  title: Haalbare doelstelling
  text: Begin klein en concreet.
"""

WorkshopWriter = Callable[..., Path]


@pytest.fixture
def write_workshop(tmp_path: Path) -> WorkshopWriter:
    """Write a workshop script (the valid one, or the given text) and return its path."""

    def write(text: str = WORKSHOP, name: str = "proef.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def deck_folder(tmp_path: Path) -> Path:
    """The small deck on disk, with every card type a workshop can reference."""
    folder = tmp_path / "proefdeck"
    folder.mkdir()
    (folder / "deck.yaml").write_text(MANIFEST, encoding="utf-8")
    (folder / "kaarten.yaml").write_text(CARDS, encoding="utf-8")
    return folder
