"""Time that speaks up: one minute before a round's time box runs out, and when it does.

The facilitator watches the table, not the clock. At each of these two moments the app
rings the terminal bell (unless the facilitator turned it off), shows a notification and
flashes the clock once. Each moment is signalled once per pass: a round extended after its
time was up signals again when the new time runs out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from catalogue import N_
from deck.atomic_write import write_atomically

MOMENTS = ((0.0, N_("De tijd van deze ronde is om.")), (60.0, N_("Nog één minuut in deze ronde.")))
"""Seconds left at which to speak up, and what to say; the latest moment first."""

PREFERENCES_FILE = "voorkeuren.json"
"""The facilitator's preferences, in the app's data folder."""


@dataclass
class TimeSignal:
    """Watches the time left in the current round and says when a moment has passed."""

    _last: tuple[int, float] | None = None
    """The round index and the seconds left at the last look."""

    def passed(self, round_index: int, seconds_left: float | None) -> str | None:
        """What to say now, or None. The first look at a round only takes its time: a
        round opened (or resumed) with less than a minute left does not ring at once."""
        before = self._last
        self._last = None if seconds_left is None else (round_index, seconds_left)
        if before is None or seconds_left is None or before[0] != round_index:
            return None
        for moment, message in MOMENTS:
            if before[1] > moment >= seconds_left:
                return message
        return None


def bell_wanted(data_dir: Path) -> bool:
    """Whether the time signal rings the bell (the default), as the facilitator last chose."""
    try:
        saved = json.loads((data_dir / PREFERENCES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        # No file yet, or one we cannot read: ringing is the safe default.
        return True
    return not (isinstance(saved, dict) and saved.get("bel") is False)


def save_bell(data_dir: Path, wanted: bool) -> None:
    """Remember whether the time signal rings the bell, for the next sessions too."""
    data_dir.mkdir(parents=True, exist_ok=True)
    write_atomically(data_dir / PREFERENCES_FILE, json.dumps({"bel": wanted}).encode())
