"""Who a participant is on a ballot: their id, or on an anonymous ballot a pseudonym.

A vote on an anonymous ballot is kept under `ballot_pseudonym(token, ballot)`, never under the
participant's id, so the session file cannot join it to a name. Only a process that holds
the participant's token (their phone's cookie, their app's memory, the hot seat's memory)
can find that vote again: to show it, to say it was cast, to replace it.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.engine.access import ballot_pseudonym
from game.engine.state import Ballot, Vote


def vote_key(ballot: Ballot, participant_id: str, token: str) -> str:
    """The key of this participant's vote in `ballot.votes`."""
    return ballot_pseudonym(token, ballot.id) if ballot.anonymous else participant_id


@dataclass(frozen=True)
class VoterKeys:
    """One person's identities in a session, newest first: (participant id, token) pairs.

    More than one when they joined anonymously and then by name: a vote cast under the
    earlier identity still counts as theirs, so nobody is asked to vote twice.
    """

    identities: tuple[tuple[str, str], ...]

    def on(self, ballot: Ballot) -> tuple[str, ...]:
        """Their possible vote keys on `ballot`, newest first."""
        return tuple(vote_key(ballot, pid, token) for pid, token in self.identities)

    def voted(self, ballot: Ballot) -> str | None:
        """The key under which they voted on `ballot`, or None."""
        votes = ballot.votes
        return next((key for key in self.on(ballot) if key in votes), None)

    def vote(self, ballot: Ballot) -> Vote | None:
        """Their current vote on `ballot`, or None."""
        key = self.voted(ballot)
        return ballot.votes[key] if key is not None else None
