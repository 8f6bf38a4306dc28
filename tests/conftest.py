"""Fixtures for the whole suite."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.process_state import kept_process_state

# xdist starts its workers with COLUMNS=80, and a rich Console made at import (the CLI's
# `out`) keeps the COLUMNS of that moment for ever; without it, each console asks at every
# print, so the width an in-process run sets (tests/cli_inprocess.py) is the width it gets.
for _variable in ("COLUMNS", "LINES"):
    os.environ.pop(_variable, None)


@pytest.fixture(autouse=True)
def process_state() -> Iterator[None]:
    """Nothing a test changes in the process (cwd, environment, umask, …) reaches the next."""
    with kept_process_state():
        yield
