"""A deck with only what the format requires: a manifest and one form card."""

from __future__ import annotations

from pathlib import Path

MINIMAL_MANIFEST = """\
id: klein
title: Een klein deck
types:
  vorm: {label: Vorm, colour: "#1b6a8c"}
files: [kaarten.yaml]
"""

ONE_FORM = """\
- id: meedoen
  type: vorm
  title: Meedoen
  text: Burgers doen mee.
  subforms:
    - {id: helpen, title: Helpen, text: Burgers helpen een handje.}
"""


def write_minimal_deck(folder: Path, cards: str = ONE_FORM) -> Path:
    """Write the minimal deck (or its manifest with `cards`) into the new `folder`."""
    folder.mkdir()
    (folder / "deck.yaml").write_text(MINIMAL_MANIFEST)
    (folder / "kaarten.yaml").write_text(cards)
    return folder
