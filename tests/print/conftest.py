"""Decks of any size written to a temporary folder, for the card-sheet tests.

Every card type appears, in a cycle whose length (8) shares no factor with the 3 columns of
a poker sheet, so neighbouring cards always differ in colour and a rendered page shows
where each card begins and ends. Titles carry Dutch and French accents.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

# The checks shared in printed_decks.py assert: pytest explains their failures as its own.
pytest.register_assert_rewrite("tests.print.printed_decks")

COLOURS = {
    "vorm": "#1b6a8c",
    "voorbeeld": "#2e7d32",
    "bezorgdheid": "#ad1457",
    "tip": "#9a6b00",
    "stelling": "#5e35b1",
    "bereidheid": "#00796b",
    "rol": "#5d4037",
    "dilemma": "#d84315",
}
CYCLE = list(COLOURS)

MANIFEST = """\
id: proefdeck
title: Proefdeck voor de drukker
language: nl
author: Testploeg
types:
{types}
themes:
  overlast: Overlast
audiences:
  jongeren: Jongeren
files: [kaarten.yaml, vormen.yaml]
"""

FORM = """\
- id: meedoen
  type: vorm
  title: Meedoen
  text: Burgers helpen mee veiligheid te maken.
  subforms:
    - id: signaleren
      title: Signaleren
      text: Burgers melden wat ze zien.
"""

SOURCE = """\
  sources:
    - {{title: Bron {n}, author: Onderzoeker, year: 2020, url: "https://example.org/bron/{n}"}}
"""

BODIES = {
    "vorm": """\
  subforms:
    - id: sub-{n}
      title: Subvorm {n}
      text: Wat burgers doen in deze subvorm.
  conditions: [Gebruik verschillende kanalen.]
""",
    "voorbeeld": """\
  form: meedoen
  subform: signaleren
  phase: beleidsuitvoering
  goal: Overlast verminderen door aanwezigheid.
  themes: [overlast]
  method: Peerwerking in de buurt.
  audiences: [jongeren]
""",
    "bezorgdheid": """\
  worry: Het loopt uit de hand.
  answer: Durf te falen en leer al doende.
""",
    "tip": """\
  checks: [Weten de deelnemers wat er met hun inbreng gebeurt?]
""",
    "stelling": """\
  scale: [Helemaal oneens, Oneens, Neutraal, Eens, Helemaal eens]
  benchmark: {table: Tabel 4, n: 1198, percentages: [5, 13, 29, 40, 13], low: 18, high: 53}
""",
    "bereidheid": """\
  definition: Helpen zoeken op basis van informatie van de politie.
  scale: [Zeker niet, Waarschijnlijk niet, Misschien, Waarschijnlijk wel, Zeker wel]
  benchmark: {table: Tabel 8, n: 1114, percentages: [10, 18, 27, 30, 16], low: 27, high: 46}
""",
    "rol": """\
  group: bewoners
  stake: Een veilige straat.
  fear: Dat niemand luistert.
  brings: Kennis van de buurt.
""",
    "dilemma": """\
  kind: dilemma
  question: Regisseren of faciliteren?
  options: [Regisseren, Faciliteren]
""",
}


def title_of(number: int) -> str:
    """The title of card `number`: short enough for one line, with accents to check."""
    return f"Café {number} ëïé"


def type_of(number: int) -> str:
    """The card type of card `number` in the cycle."""
    return CYCLE[number % len(CYCLE)]


def card_yaml(number: int, text: str | None = None, title: str | None = None) -> str:
    """One card of the test deck as YAML."""
    kind = type_of(number)
    body = BODIES[kind].replace("{n}", str(number))
    card_text = text or f"Kaart {number}: een korte tekst over façades en coördinatie."
    return (
        f"- id: kaart-{number}\n"
        f"  type: {kind}\n"
        f"  title: {title or title_of(number)!r}\n"
        f"  text: {card_text!r}\n" + body + (SOURCE.format(n=number) if number % 2 == 0 else "")
    )


DeckMaker = Callable[..., Path]


@pytest.fixture
def make_deck(tmp_path: Path) -> DeckMaker:
    """Write a deck of `count` cards (plus the form card other cards refer to) and return it.

    `extra` is YAML appended to the card file, for cards a test needs verbatim. The form
    card `meedoen` comes last, so cards 0..count-1 are the first `count` cards printed.
    """
    made = 0

    def make(count: int, extra: str = "", texts: dict[int, str] | None = None) -> Path:
        nonlocal made
        made += 1
        folder = tmp_path / f"deck{made}"
        folder.mkdir()
        types = "\n".join(
            f'  {kind}: {{label: {kind.capitalize()}, colour: "{colour}"}}'
            for kind, colour in COLOURS.items()
        )
        (folder / "deck.yaml").write_text(MANIFEST.format(types=types), encoding="utf-8")
        cards = "".join(card_yaml(n, (texts or {}).get(n)) for n in range(count)) + extra
        (folder / "kaarten.yaml").write_text(cards or "[]\n", encoding="utf-8")
        (folder / "vormen.yaml").write_text(FORM, encoding="utf-8")
        return folder

    return make
