"""Textual's own words (the command palette, the Select menu) in French when the app is
started with `--taal fr`: they are taken on import, so a fresh process chooses first."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_palette_and_the_menu_speak_french() -> None:
    code = (
        "from catalogue import use_language; use_language('fr'); "
        "from game.tui import dutch_textual as words; "
        "print(words.PALETTE_PLACEHOLDER); "
        "print(words.DutchCommandPalette.BINDINGS[0].description)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.splitlines() == ["Chercher une carte ou une commande…", "Fermer"]
