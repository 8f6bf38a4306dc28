"""Fixtures for the whole suite."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.process_state import kept_process_state


@pytest.fixture(autouse=True)
def process_state() -> Iterator[None]:
    """Nothing a test changes in the process (cwd, environment, umask, …) reaches the next."""
    with kept_process_state():
        yield
