"""The user's data folder for netwerktafel: sessions, reports, prints and preferences.

A module of its own so the facilitator app finds it at start without loading the store.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs


def data_folder() -> Path:
    """The user's data folder for netwerktafel (sessions live in its `sessies` folder)."""
    return platformdirs.user_data_path("netwerktafel", appauthor=False)
