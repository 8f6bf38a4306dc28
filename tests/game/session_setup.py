"""Sessions on disk for the store, concurrency and crash tests."""

from __future__ import annotations

from pathlib import Path

from deck import Deck
from game.engine import Actor, RoundPlan
from game.engine import commands as c
from game.store import SessionStore


def make_session(path: Path, deck: Deck, *, options: int = 4) -> tuple[SessionStore, Actor]:
    """A session with two stakeholders and an open dots ballot `b1` with `options` options."""
    created = SessionStore.create(
        path, deck_id=deck.manifest.id, rounds=(RoundPlan("stemming", "stemming", "Stemmen", 15),)
    )
    store, facilitator = created.store, created.facilitator
    store.submit_many(
        [
            (c.AddStakeholder("burgemeester"), facilitator),
            (c.AddStakeholder("bewoner", "Ann"), facilitator),
            (
                c.OpenBallot(
                    "dots", "options", options=tuple(f"Optie {n}" for n in range(options))
                ),
                facilitator,
            ),
        ],
        deck=deck,
    )
    return store, facilitator
