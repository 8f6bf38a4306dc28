"""Sessions for the participant tests: a facilitator who opens ballots, and a store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from game.engine import Actor
from game.engine import commands as c
from game.store import SessionStore

OPTIONS = ("Wijktafel", "Buurtsignaal", "Politiecafé")


@dataclass
class Table:
    """A session on disk, with the facilitator's own store and token."""

    path: Path
    store: SessionStore
    facilitator: Actor

    @property
    def code(self) -> str:
        """The join code."""
        assert self.store.state.info is not None
        return self.store.state.info.join_code

    def open(self, method: str, **settings: object) -> str:
        """Open a ballot; returns its id. Options default to three named ones."""
        source = "statement" if method == "likert" else "options"
        options = settings.pop("options", None)
        if options is None:
            options = ("Ik ben akkoord",) if method == "likert" else OPTIONS
        event = self.store.submit(
            c.OpenBallot(method, source, options=tuple(options), **settings),  # type: ignore[arg-type]
            self.facilitator,
        )
        return event.ballot_id  # type: ignore[attr-defined]

    def close(self, ballot_id: str) -> None:
        """Close a ballot."""
        self.store.submit(c.CloseBallot(ballot_id), self.facilitator)

    def reveal(self, ballot_id: str) -> None:
        """Show a ballot's results."""
        self.store.submit(c.RevealBallot(ballot_id), self.facilitator)

    def ballot(self, ballot_id: str):  # type: ignore[no-untyped-def]
        """The ballot as the facilitator's store sees it now."""
        self.store.refresh()
        return self.store.state.ballots[ballot_id]


def make_table(path: Path) -> Table:
    """A started session at `path`."""
    created = SessionStore.create(path, deck_id="burgers-als-partners")
    return Table(path, created.store, created.facilitator)


@pytest.fixture
def table(tmp_path: Path) -> Iterator[Table]:
    """A started session in a temporary folder."""
    made = make_table(tmp_path / "tafel.nwt")
    yield made
    made.store.close()
