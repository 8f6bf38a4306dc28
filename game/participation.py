"""A participant's side of a session: join with the join code, see what to do, vote.

Every way a participant votes in a terminal goes through `Voter`: the scriptable
`netwerktafel vote --choice`, the participant app, and the hot seat on the facilitator's
screen. The room web (`game.web`) sends the same two participant commands for many phones
at once, and shows each phone the same `voter_stage`. A `Voter` holds one participant token and
nothing else: it can send only the two participant commands (`JoinParticipant`,
`CastVote`), so a participant process never holds the facilitator token and can run no
facilitator command. The engine checks every vote (the token, the ballot, the options);
the `Voter` adds one check of its own, that a ballot belongs to the session it joined.

Identity across restarts: the token lives only in the process (the room web keeps it in
the phone's cookie). A name is not a password: joining again under a name in use needs
one of that participant's earlier tokens, or the facilitator's OK (`vouch`: the hot seat,
and `netwerktafel vote --choice` on the machine that holds the facilitator key). An
anonymous participant (a pseudonym) starts afresh.

What a participant sees next is decided here too (`voter_stage`), so the app's screens
only render a stage and send votes.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from typing import Literal

from game.engine import (
    JOIN_CODE_ALPHABET,
    Actor,
    Ballot,
    SessionState,
    Vote,
    normalise_join_code,
    results_visible,
)
from game.engine import commands as c
from game.engine import events as e
from game.engine.answers import option_labels, statement_card, statement_text
from game.engine.voters import VoterKeys
from game.store import Refused, SessionStore, new_token

ANONYMOUS_PREFIX = "anoniem"
"""Pseudonyms of anonymous participants start with this word."""


@dataclass(frozen=True)
class BallotRef:
    """A ballot as a participant's screen knows it: the session it belongs to, and its id.

    Ballot ids restart at `b1` in every session, so the id alone could land a vote meant
    for one session on a ballot of another; the session id rules that out.
    """

    session_id: str
    ballot_id: str


class WrongJoinCode(Refused):
    """The join code does not open this session."""


class Voter:
    """One participant in one session: joins once, then casts (and changes) their own votes."""

    def __init__(
        self, store: SessionStore, token: str | None = None, *, vouch: str | None = None
    ) -> None:
        self.store = store
        self._actor = Actor(token or new_token())
        self._vouch = vouch
        """The facilitator's token when the facilitator lets this voter re-join by name."""
        self._earlier_tokens: tuple[str, ...] = ()
        info = store.state.info
        assert info is not None, "SessionStore.open only opens started sessions"
        self.session_id = info.session_id
        self.participant_id: str | None = None
        self.name: str | None = None
        self.anonymous = False
        self.earlier_ids: tuple[str, ...] = ()
        """Who this voter was before re-joining by name: their votes still count as theirs."""
        self._code: str | None = None

    @property
    def token(self) -> str:
        """This voter's token: kept by whoever lets the same person vote again later."""
        return self._actor.token

    def resume(self) -> str | None:
        """Take up the participant this voter's token already belongs to; their id, or None
        when the token is not known in the session (then `join`)."""
        state = self.store.state
        participant_id = state.tokens.get(self._actor.token_hash)
        if participant_id is not None:
            self.participant_id = participant_id
            self.name = state.participants[participant_id].name
        return participant_id

    @property
    def joined(self) -> bool:
        """Whether this voter has joined the session."""
        return self.participant_id is not None

    def join(self, code: str, name: str) -> str:
        """Join (or re-join by name) with the join code; returns the participant id.

        Raises `WrongJoinCode` for a code that does not open the session, `Refused` for
        anything else the engine refuses (an empty or too long name).
        """
        event = self._submit_join(code, name)
        self._code = code
        self.anonymous = False
        return self._joined(event)

    def join_anonymously(self, code: str) -> str:
        """Join under a fresh pseudonym (`anoniem 7KX3QF`); returns the participant id."""
        if not anonymous_join_allowed(self.store.state):
            raise Refused("anoniem meedoen kan alleen als de open stemronde anoniem is")
        name = pseudonym()
        event = self._submit_join(code, name)
        self._code = code
        self.anonymous = True
        return self._joined(event)

    def join_by_name(self, name: str) -> str:
        """Join again with the code used before, now by name: for a ballot that is not
        anonymous, after joining anonymously. The voter gets a fresh token."""
        if self._code is None:
            raise Refused("meld je eerst aan met de deelnamecode")
        before = self.participant_id
        self._earlier_tokens = (*self._earlier_tokens, self._actor.token)
        self._actor = Actor(new_token())
        event = self._submit_join(self._code, name)
        self.anonymous = False
        if before is not None:
            self.earlier_ids = (*self.earlier_ids, before)
        return self._joined(event)

    def vote(
        self, ballot: BallotRef, choices: tuple[str, ...], reason: str | None = None
    ) -> e.VoteCast:
        """Cast (or replace) this participant's vote; `Refused` when the engine refuses it."""
        self._check_ballot(ballot)
        event = self.store.submit(c.CastVote(ballot.ballot_id, choices, reason), self._actor)
        assert isinstance(event, e.VoteCast)
        return event

    def join_and_vote(
        self,
        code: str,
        name: str,
        ballot: BallotRef,
        choices: tuple[str, ...],
        reason: str | None = None,
    ) -> e.VoteCast:
        """Join and vote in one transaction: a refused vote leaves not even the join behind.

        For one-shot voting from a script (`netwerktafel vote --choice`).
        """
        self._check_ballot(ballot)
        joined, cast = self.store.submit_many(
            [
                (self._join_command(code, name), self._actor),
                (c.CastVote(ballot.ballot_id, choices, reason), self._actor),
            ]
        )
        self._code = code
        self._joined(joined)
        assert isinstance(cast, e.VoteCast)
        return cast

    @property
    def keys(self) -> VoterKeys:
        """Who this voter is on each ballot (also as who they were before joining by name)."""
        if self.participant_id is None:
            return VoterKeys(())
        earlier = zip(reversed(self.earlier_ids), reversed(self._earlier_tokens), strict=False)
        return VoterKeys(((self.participant_id, self._actor.token), *earlier))

    def own_vote(self, ballot: Ballot) -> Vote | None:
        """This participant's current vote on `ballot` (also one cast anonymously before
        joining by name), or None."""
        return self.keys.vote(ballot)

    def refresh(self) -> bool:
        """Pick up what other processes wrote (cheap when nothing changed)."""
        return self.store.changed() and self.store.refresh()

    def _check_ballot(self, ballot: BallotRef) -> None:
        if ballot.session_id != self.session_id:
            raise Refused("deze stemronde hoort bij een andere sessie")

    def _join_command(self, code: str, name: str) -> c.JoinParticipant:
        return c.JoinParticipant(name, code, proof=self._earlier_tokens, vouch=self._vouch)

    def _submit_join(self, code: str, name: str) -> e.Event:
        try:
            return self.store.submit(self._join_command(code, name), self._actor)
        except Refused as refusal:
            info = self.store.state.info
            # Tell a wrong code apart from a bad name, so the app can slow down guessing.
            if info is not None and normalise_join_code(code) != info.join_code:
                raise WrongJoinCode(refusal.reason) from None
            raise

    def _joined(self, event: e.Event) -> str:
        assert isinstance(event, e.ParticipantJoined | e.ParticipantRejoined)
        self.participant_id = event.participant_id
        self.name = self.store.state.participants[event.participant_id].name
        return event.participant_id


def pseudonym() -> str:
    """A fresh name for an anonymous participant (25^6 possibilities: no two alike)."""
    return f"{ANONYMOUS_PREFIX} " + "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(6))


def open_ballots(state: SessionState) -> list[Ballot]:
    """The ballots open for votes, in the order they were opened."""
    return [ballot for ballot in state.ballots.values() if ballot.is_open]


def anonymous_join_allowed(state: SessionState) -> bool:
    """Whether joining without a name is allowed: a ballot is open and every open one is
    anonymous (nobody will see who voted what, so a name adds nothing)."""
    ballots = open_ballots(state)
    return bool(ballots) and all(ballot.anonymous for ballot in ballots)


StageKind = Literal["waiting", "vote", "voted", "name-needed", "results"]


@dataclass(frozen=True)
class Stage:
    """What a participant should see now.

    - waiting: no open ballot (`ballot` is the last closed one whose results are not shown
      yet, if any);
    - vote: an open ballot they have not voted on;
    - voted: an open ballot they have voted on (they may change their vote);
    - name-needed: an open ballot that is not anonymous, and they joined anonymously;
    - results: no open ballot, and the results of the last ballot may be shown to them.
    """

    kind: StageKind
    ballot: Ballot | None = None
    results: bool = False
    """Whether this ballot's results may be shown to this participant."""

    @property
    def key(self) -> tuple[str, str | None, bool, bool]:
        """What the screen depends on: a new key means a new screen."""
        ballot = self.ballot
        return (
            self.kind,
            ballot.id if ballot else None,
            ballot.is_open if ballot else False,
            self.results,
        )


def voter_stage(state: SessionState, keys: VoterKeys, *, anonymous: bool = False) -> Stage:
    """What the participant with these `keys` should see in `state`.

    The earliest open ballot they have not voted on comes first (the facilitator opened it
    first); when they voted on every open ballot, the latest one shows their vote. A vote
    cast under an earlier identity (anonymously, before joining by name) counts as theirs,
    so nobody is asked to vote twice on one ballot.
    """
    ballots = open_ballots(state)
    for ballot in ballots:
        if keys.voted(ballot) is None:
            if anonymous and not ballot.anonymous:
                return Stage("name-needed", ballot)
            return Stage("vote", ballot, results_visible(ballot))
    if ballots:
        ballot = ballots[-1]
        return Stage("voted", ballot, results_visible(ballot, keys.voted(ballot)))
    if not state.ballots:
        return Stage("waiting")
    last = list(state.ballots.values())[-1]
    if results_visible(last, keys.voted(last)):
        return Stage("results", last, True)
    return Stage("waiting", last)


@dataclass
class JoinThrottle:
    """Slows down guessing the join code in one participant app (`netwerktafel vote`).

    The first wrong code waits `first_delay` seconds, each next one twice as long (up to
    `longest`), and after `limit` wrong codes the app gives up. The room web counts wrong
    codes per client address instead (`game.web.guard.JoinGuard`).
    """

    first_delay: float = 1.0
    longest: float = 16.0
    limit: int = 5
    wrong: int = field(default=0)

    def wrong_code(self) -> float:
        """Count a wrong code; returns how long to wait before saying so."""
        self.wrong += 1
        return min(self.first_delay * 2 ** (self.wrong - 1), self.longest)

    @property
    def exhausted(self) -> bool:
        """Whether this process has seen too many wrong codes to go on."""
        return self.wrong >= self.limit


__all__ = [
    "ANONYMOUS_PREFIX",
    "BallotRef",
    "JoinThrottle",
    "Stage",
    "Voter",
    "WrongJoinCode",
    "anonymous_join_allowed",
    "open_ballots",
    "option_labels",
    "pseudonym",
    "statement_card",
    "statement_text",
    "voter_stage",
]
