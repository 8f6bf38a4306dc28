"""Fixtures for the facilitator app's tests: a fixed clock, a data folder, fixed codes."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from deck import default_deck_path, load_deck

DECK = load_deck(default_deck_path())
NOW = 1_773_516_600.0
"""14 March 2026, 19:30 UTC: every test session starts then, so timers and dates are fixed."""


@pytest.fixture(autouse=True)
def utc() -> Iterator[None]:
    """The computer in UTC: times on screen must still be Brussels time (as the report)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "UTC"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture
def fixed_codes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every new session gets the same join code, so screens look the same each run."""
    monkeypatch.setattr("game.store.new_join_code", lambda: "KM3N7Q")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """The app's data folder for one test."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder
