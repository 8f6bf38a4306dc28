"""Random command sequences against the engine, checking its invariants after every step.

- fold is deterministic: folding the log again gives the same state;
- a tally equals the latest votes of distinct participants;
- a refused command changes nothing;
- undo restores the state from before the undone command.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from deck import Deck, load_deck
from game.engine import Actor, Event, Refusal, SessionState, decide, fold, session_view, tally
from game.engine import commands as c
from game.engine.fold import apply
from game.engine.voters import vote_key
from tests.game.conftest import write_deck
from tests.game.engine_helpers import CODE, FACILITATOR, ROUNDS, START

NAMES = ["Ann", "Bert", "ann", "Chris", ""]
ROLES = ["burgemeester", "bewoner", "korpschef", "buurtvaders", "onbekend"]
CARDS = ["buurtvaders", "buurtsignaal", "infokrant", "meedoen", "burgemeester"]
IDS = st.integers(min_value=1, max_value=5)
OPTIONS = st.lists(st.sampled_from(["1", "2", "3", "4", "5", "9"]), max_size=4).map(tuple)

_DECK: Deck | None = None


def _deck() -> Deck:
    global _DECK
    if _DECK is None:
        import tempfile
        from pathlib import Path

        _DECK = load_deck(write_deck(Path(tempfile.mkdtemp()) / "deck"))
    return _DECK


def _content(state: SessionState) -> SessionState:
    return dataclasses.replace(state, version=0, counters={})


class SessionMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.deck = _deck()
        self.state = SessionState()
        self.log: list[Event] = []
        self.voters: list[Actor] = []
        self.votes: dict[tuple[str, str], tuple[str, ...]] = {}
        # One entry per undoable facilitator event still on the undo stack: the state
        # before it, or None once a participant acted after it (undo then keeps their part).
        self.before: list[SessionState | None] = []
        self.tokens = 0
        self.run(c.StartSession("s", CODE, "sessiedeck", rounds=ROUNDS), FACILITATOR)

    def run(self, command: c.Command, actor: Actor = FACILITATOR) -> Event | None:
        seen = session_view(self.state, show_hidden=True)
        before = self.state
        outcome = decide(self.state, command, actor, now=START, deck=self.deck)
        if isinstance(outcome, Refusal):
            assert outcome.reason
            assert self.state is before and session_view(self.state, show_hidden=True) == seen
            return None
        self.state = apply(self.state, outcome)
        self.log.append(outcome)
        if isinstance(command, c.Undo):
            undone = self.before.pop()
            if undone is not None:
                assert _content(self.state) == _content(undone)
        elif actor == FACILITATOR and not isinstance(command, c.StartSession):
            self.before.append(before)
        else:
            self.before = [None for _ in self.before]
        return outcome

    @rule(role=st.sampled_from(ROLES), name=st.sampled_from([*NAMES, None]))
    def add_stakeholder(self, role: str, name: str | None) -> None:
        self.run(c.AddStakeholder(role, name))

    @rule(number=IDS)
    def remove_stakeholder(self, number: int) -> None:
        self.run(c.RemoveStakeholder(f"s{number}"))

    @rule(name=st.sampled_from(NAMES), code=st.sampled_from([CODE, "acd efg", "XXXXXX"]))
    def join(self, name: str, code: str) -> None:
        self.tokens += 1
        actor = Actor(f"token-{self.tokens}")
        if self.run(c.JoinParticipant(name, code), actor) is not None:
            self.voters.append(actor)

    @rule(step=st.sampled_from(["advance", "back", "extend"]), minutes=st.integers(-1, 130))
    def move(self, step: str, minutes: int) -> None:
        command: dict[str, c.Command] = {
            "advance": c.AdvanceRound(),
            "back": c.GoBack(),
            "extend": c.ExtendRound(minutes),
        }
        self.run(command[step])

    @rule(number=IDS, concern=st.sampled_from(["efficientie", "algemeen-belang", "x"]))
    def concern(self, number: int, concern: str) -> None:
        self.run(c.RecordConcern(f"s{number}", concern, "zorg"))

    @rule(number=IDS, card=st.sampled_from(CARDS))
    def approach(self, number: int, card: str) -> None:
        self.run(c.RecordApproach(f"s{number}", card))

    @rule(
        method=st.sampled_from(["dots", "ranking", "likert", "choice"]),
        source=st.sampled_from(["approaches", "options", "statement"]),
        dots=st.integers(0, 4),
        max_choices=st.integers(1, 3),
        stack=st.booleans(),
        anonymous=st.booleans(),
        reveal=st.sampled_from(["immediately", "after-vote", "on-close", "manual"]),
    )
    def open_ballot(
        self,
        method: str,
        source: str,
        dots: int,
        max_choices: int,
        stack: bool,
        anonymous: bool,
        reveal: str,
    ) -> None:
        command = c.OpenBallot(
            method,  # type: ignore[arg-type]
            source,  # type: ignore[arg-type]
            options=("Rood", "Groen", "Blauw"),
            statement_id="politie-garandeert" if source == "statement" else None,
            dots=dots,
            max_choices=max_choices,
            stack=stack,
            anonymous=anonymous,
            reveal=reveal,  # type: ignore[arg-type]
        )
        self.run(command)

    @precondition(lambda self: bool(self.voters))
    @rule(data=st.data(), number=IDS, choices=OPTIONS)
    def vote_anywhere(self, data: st.DataObject, number: int, choices: tuple[str, ...]) -> None:
        self._vote(data.draw(st.sampled_from(self.voters)), f"b{number}", choices)

    @precondition(lambda self: bool(self.voters) and bool(self.state.ballots))
    @rule(data=st.data())
    def vote_on_an_existing_ballot(self, data: st.DataObject) -> None:
        ballot = data.draw(st.sampled_from(sorted(self.state.ballots)))
        ids = [o.id for o in self.state.ballots[ballot].options]
        size = 1 if data.draw(st.booleans()) else 3
        unique = data.draw(st.booleans())
        choices = data.draw(
            st.lists(st.sampled_from(ids), min_size=1, max_size=size, unique=unique).map(tuple)
        )
        self._vote(data.draw(st.sampled_from(self.voters)), ballot, choices)

    def _vote(self, actor: Actor, ballot: str, choices: tuple[str, ...]) -> None:
        if self.run(c.CastVote(ballot, choices), actor) is not None:
            # Under the participant's id, or on an anonymous ballot under the pseudonym
            # only their token gives.
            voter = vote_key(
                self.state.ballots[ballot], self.state.tokens[actor.token_hash], actor.token
            )
            self.votes[(ballot, voter)] = choices

    @precondition(lambda self: bool(self.state.stakeholders))
    @rule(data=st.data(), card=st.sampled_from(CARDS))
    def approach_of_a_seated_stakeholder(self, data: st.DataObject, card: str) -> None:
        stakeholder = data.draw(st.sampled_from(sorted(self.state.stakeholders)))
        self.run(c.RecordApproach(stakeholder, card))
        self.run(c.RecordConcern(stakeholder, "efficientie"))

    @rule(number=IDS, action=st.sampled_from(["close", "reopen", "reveal"]))
    def ballot_control(self, number: int, action: str) -> None:
        kinds: dict[str, Callable[[str], c.Command]] = {
            "close": c.CloseBallot,
            "reopen": c.ReopenBallot,
            "reveal": c.RevealBallot,
        }
        self.run(kinds[action](f"b{number}"))

    @rule(
        title=st.sampled_from(["Plan", "", "Tweede plan"]),
        owner=st.sampled_from([None, "s1", "s9"]),
    )
    def add_action(self, title: str, owner: str | None) -> None:
        self.run(c.AddAction(title, owner=owner, due="2026-05-01"))

    @rule(number=IDS, done=st.booleans(), title=st.sampled_from([None, "Nieuw", ""]))
    def edit_action(self, number: int, done: bool, title: str | None) -> None:
        self.run(c.EditAction(f"x{number}", title=title, done=done))

    @precondition(lambda self: bool(self.state.actions))
    @rule(data=st.data(), done=st.booleans(), owner=st.sampled_from([None, "", "s1"]))
    def edit_an_existing_action(self, data: st.DataObject, done: bool, owner: str | None) -> None:
        action = data.draw(st.sampled_from(sorted(self.state.actions)))
        self.run(c.EditAction(action, title=f"Plan {self.state.version}", owner=owner, done=done))

    @precondition(lambda self: bool(self.state.ballots))
    @rule(data=st.data(), action=st.sampled_from(["close", "reopen", "reveal"]))
    def control_an_existing_ballot(self, data: st.DataObject, action: str) -> None:
        ballot = data.draw(st.sampled_from(sorted(self.state.ballots)))
        kinds: dict[str, Callable[[str], c.Command]] = {
            "close": c.CloseBallot,
            "reopen": c.ReopenBallot,
            "reveal": c.RevealBallot,
        }
        self.run(kinds[action](ballot))

    @rule()
    def undo(self) -> None:
        self.run(c.Undo())

    @rule(data=st.data())
    def command_then_undo(self, data: st.DataObject) -> None:
        """A facilitator command on something that exists, straight away undone."""
        state = self.state
        choices: list[c.Command] = [
            c.SetCase(f"casus {state.version}"),
            c.AddStakeholder("korpschef", f"K{state.version}"),
            c.AdvanceRound(),
            c.GoBack(),
            c.ExtendRound(3),
            c.AddAction("Actie"),
        ]
        for stakeholder in state.stakeholders:
            choices += [
                c.RemoveStakeholder(stakeholder),
                c.RecordConcern(stakeholder, "algemeen-belang"),
                c.RecordApproach(stakeholder, "infokrant"),
            ]
        for ballot in state.ballots:
            choices += [c.CloseBallot(ballot), c.ReopenBallot(ballot), c.RevealBallot(ballot)]
        for action in state.actions:
            choices.append(c.EditAction(action, title=f"Plan {state.version}"))
        choices.append(c.OpenBallot("choice", "options", options=("A", "B")))
        if self.run(data.draw(st.sampled_from(choices))) is not None:
            self.run(c.Undo())

    @rule(number=IDS)
    def participant_tries_facilitator_work(self, number: int) -> None:
        if self.voters:
            self.run(c.CloseBallot(f"b{number}"), self.voters[0])

    @invariant()
    def fold_is_deterministic(self) -> None:
        assert fold(self.log) == self.state
        assert self.state.version == len(self.log)

    @invariant()
    def tallies_count_each_participant_once(self) -> None:
        for ballot in self.state.ballots.values():
            expected = {p: ch for (b, p), ch in self.votes.items() if b == ballot.id}
            assert {p: v.choices for p, v in ballot.votes.items()} == expected
            result = tally(ballot)
            assert result.voters == len(expected)
            counts: Counter[str] = Counter()
            for choices in expected.values():
                counts.update(choices)
            if ballot.method != "ranking":
                assert {r.option_id: r.count for r in result.rows} == {
                    o.id: counts[o.id] for o in ballot.options
                }
            else:
                assert sum(r.count for r in result.rows) == sum(counts.values())


SessionMachine.TestCase.settings = settings(
    max_examples=60,
    stateful_step_count=50,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestSessionMachine = SessionMachine.TestCase
