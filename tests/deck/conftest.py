"""A small valid deck written to a temporary folder, for loader tests to break."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

MANIFEST = """\
id: testdeck
title: Testdeck
language: nl
types:
  vorm: {label: Participatievorm, colour: "#1b6a8c"}
  voorbeeld: {label: Voorbeeld, colour: "#2e7d32"}
  bezorgdheid: {label: Bezorgdheid, colour: "#c62828"}
  stelling: {label: Stelling, colour: "#6a1b9a"}
themes:
  overlast: Overlast
  verkeer: Verkeer
audiences:
  jongeren: Jongeren
  buurtbewoners: Buurtbewoners
files: [vormen.yaml, voorbeelden.yaml]
"""

FORMS = """\
- id: meedoen
  type: vorm
  title: Meedoen
  text: Burgers helpen mee veiligheid te maken.
  phase: beleidsuitvoering
  subforms:
    - id: signaleren
      title: Signaleren
      text: Burgers melden wat ze zien.
    - id: bemiddelen
      title: Bemiddelen
      text: Burgers slaan bruggen.
- id: efficientie
  type: bezorgdheid
  title: Efficiëntie
  text: Angst voor falen en conflict.
  worry: Het loopt uit de hand.
  answer: Durf te falen en leer in actie.
"""

EXAMPLES = """\
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
  sources:
    - {title: Buurtvaders, url: "https://example.org/buurtvaders"}
- id: stelling-plicht
  type: stelling
  title: Plicht
  text: Ik vind het mijn plicht om te helpen mijn buurt veiliger te maken
  scale: [Helemaal oneens, Oneens, Neutraal, Eens, Helemaal eens]
  benchmark: {table: Tabel 4, n: 1198, percentages: [5, 13, 29, 40, 13], low: 18, high: 53}
"""


DeckWriter = Callable[..., Path]


@pytest.fixture
def write_deck(tmp_path: Path) -> DeckWriter:
    """Write the small deck, with any file replaced by the given text; return its folder."""

    def write(manifest: str = MANIFEST, forms: str = FORMS, examples: str = EXAMPLES) -> Path:
        folder = tmp_path / "deck"
        folder.mkdir(exist_ok=True)
        (folder / "deck.yaml").write_text(manifest, encoding="utf-8")
        (folder / "vormen.yaml").write_text(forms, encoding="utf-8")
        (folder / "voorbeelden.yaml").write_text(examples, encoding="utf-8")
        return folder

    return write
