"""What every screen of the facilitator app may need: its own module, so the screens and
the app that opens them do not import each other."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from deck import Deck


@dataclass(frozen=True)
class AppContext:
    """What every screen may need: the deck, where files live, and the clock."""

    deck_source: Deck | Callable[[], Deck]
    """The deck, or how to load it: the app draws its start screen before the deck loads."""
    data_dir: Path
    """The app's own folder: sessions, reports and printed decks go in folders below it."""
    clock: Callable[[], float]
    """Seconds since the epoch, like `time.time`; tests pass a fixed one."""
    deck_path: Path | None = None
    """Where the deck was loaded from, when it is not the built-in one."""
    rng: random.Random = field(default_factory=random.Random)
    """Chance, for drawing role cards; tests pass a seeded one."""

    @cached_property
    def deck(self) -> Deck:
        """The deck, loaded on first use; raises `InputError` when it is invalid."""
        source = self.deck_source
        return source() if callable(source) else source

    @property
    def sessions_dir(self) -> Path:
        """Where new sessions are stored (the CLI's default folder, too)."""
        return self.data_dir / "sessies"

    @property
    def reports_dir(self) -> Path:
        """Where exports of a session are written."""
        return self.data_dir / "verslagen"

    @property
    def prints_dir(self) -> Path:
        """Where printed decks are written."""
        return self.data_dir / "afdrukken"
