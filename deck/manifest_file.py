"""Where a deck's manifest is: light, for those who must find it without loading the models."""

from __future__ import annotations

from pathlib import Path

MANIFEST = "deck.yaml"


def manifest_path(path: Path) -> Path:
    """The manifest of a deck given as a folder or as the manifest file itself."""
    return path / MANIFEST if path.is_dir() else path
