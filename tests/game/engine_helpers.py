"""A table to play commands on in tests: decide + apply, with a fixed clock."""

from __future__ import annotations

import datetime as dt

from deck import Deck
from game.engine import Actor, Event, Refusal, RoundPlan, SessionState, apply, decide
from game.engine import commands as c

FACILITATOR = Actor("begeleider-sleutel-0123456789")
CODE = "ACDEFG"
ROUNDS = (
    RoundPlan("casus", "casus", "Casus", 15),
    RoundPlan("aanpakken", "aanpakken", "Aanpakken", 35),
    RoundPlan("stemming", "stemming", "Stemming", 15),
)
START = dt.datetime(2026, 3, 14, 19, 30, tzinfo=dt.UTC)


class Table:
    """A session in memory. `do` must succeed; `refused` must be refused and change nothing."""

    def __init__(self, deck: Deck | None, *, rounds: tuple[RoundPlan, ...] = ROUNDS) -> None:
        self.deck = deck
        self.state = SessionState()
        self.now = START
        self.events: list[Event] = []
        self.do(c.StartSession("sessie-1", CODE, "sessiedeck", case="Overlast", rounds=rounds))

    def tick(self, minutes: float = 1) -> None:
        """Let time pass."""
        self.now += dt.timedelta(minutes=minutes)

    def do(self, command: c.Command, actor: Actor = FACILITATOR) -> Event:
        """Carry out a command that must be accepted."""
        outcome = decide(self.state, command, actor, now=self.now, deck=self.deck)
        assert not isinstance(outcome, Refusal), outcome.reason
        self.state = apply(self.state, outcome)
        self.events.append(outcome)
        return outcome

    def refused(self, command: c.Command, actor: Actor = FACILITATOR) -> str:
        """The reason a command that must be refused is refused."""
        before = self.state
        outcome = decide(self.state, command, actor, now=self.now, deck=self.deck)
        assert isinstance(outcome, Refusal), f"not refused: {outcome}"
        assert self.state is before
        return outcome.reason

    def join(self, name: str) -> Actor:
        """A participant joins; returns their actor."""
        actor = Actor(f"token-{name}-{len(self.events)}")
        self.do(c.JoinParticipant(name, CODE), actor)
        return actor
