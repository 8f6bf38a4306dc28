"""Fixtures for the whole suite."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from collections.abc import Iterator

import pytest

from tests.process_state import kept_process_state

# xdist starts its workers with COLUMNS=80, and a rich Console made at import (the CLI's
# `out`) keeps the COLUMNS of that moment for ever; without it, each console asks at every
# print, so the width an in-process run sets (tests/cli_inprocess.py) is the width it gets.
for _variable in ("COLUMNS", "LINES"):
    os.environ.pop(_variable, None)

# A session commits with synchronous=FULL, so on a disk every commit waits for an fsync, and
# the suite makes thousands of them. What the tests check (nothing acknowledged is lost when
# a process is killed) rests on the page cache, not on the disk, so the suite keeps its
# temporary files in memory where the machine has a tmpfs. A TMPDIR of your own wins.
if "TMPDIR" not in os.environ and os.access("/dev/shm", os.W_OK):
    os.environ["TMPDIR"] = "/dev/shm"
    tempfile.tempdir = None  # gettempdir() reads TMPDIR again

# With PYTHONDONTWRITEBYTECODE set (some machines set it for everyone), every xdist worker
# and every `netwerktafel` process a test starts compiled netwerktafel and the tests from
# source again, and pytest rewrote every test module's asserts again: 8 s of CPU per worker
# before its first test. The suite writes the caches Python writes by default (ignored by git).
if os.environ.pop("PYTHONDONTWRITEBYTECODE", None) is not None:
    sys.dont_write_bytecode = False


# Textual animates scrolling into view and a few widgets, and the screen tests wait for every
# animation to end (the pilot's pauses, the snapshot plugin): what they check is where things
# end up. Without animations the screen tests take a third less wall time, with the same
# screens. Apps that tests start in a process of their own inherit it; yours wins if set.
if "TEXTUAL_ANIMATIONS" not in os.environ:
    import textual.constants

    os.environ["TEXTUAL_ANIMATIONS"] = "none"
    # Read by Textual when it was imported (the snapshot plugin imports it before us).
    setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")  # noqa: B010


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int:
    """Two workers per core for `-n auto`.

    The screen tests spend about half their wall time waiting (Textual's refresh timers,
    the pilot's pauses, processes starting), so two workers per core keep the cores busy:
    on 2 cores the suite went from 161 s to 115 s of wall time with the same CPU time.
    """
    return 2 * (os.cpu_count() or 1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the slow tests first (stable: the rest keep their order).

    xdist hands out tests in collection order; a 20-second walk drawn last kept one worker
    busy while the others had finished. Started first, the short tests fill in around them.
    """
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Leave what collection built out of the garbage collector's full passes.

    After collection a worker holds every test module, Textual, reportlab, hypothesis and
    the decks: hundreds of thousands of objects that live until the worker ends. Each full
    collection walked them all again (the tests allocate enough to trigger many), and pytest
    runs five more at the end; frozen, they are skipped. Nothing is frozen that a test frees.
    """
    gc.freeze()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--thorough",
        action="store_true",
        help="run the process storms, kill runs and junk runs at full size (minutes, not seconds)",
    )


@pytest.fixture
def thorough(request: pytest.FixtureRequest) -> bool:
    """Whether this run is the thorough one (`pytest --thorough`).

    The everyday run keeps every storm, kill and junk test, at a size that still has
    processes write at once and die mid-write; the thorough run uses the sizes the issues
    were checked with, which find rarer interleavings but cost minutes.
    """
    return bool(request.config.getoption("--thorough"))


@pytest.fixture(autouse=True)
def own_deck_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test has a deck cache of its own (game/cli/deck_cache.py), never the user's: no test
    sees what another worked out, and none writes into the machine's cache folder."""
    monkeypatch.setenv("NETWERKTAFEL_CACHE", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def process_state() -> Iterator[None]:
    """Nothing a test changes in the process (cwd, environment, umask, …) reaches the next."""
    with kept_process_state():
        yield
