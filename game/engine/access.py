"""Who is acting, and the join code that lets a participant in.

Tokens are made by the caller (the store uses `secrets`); the engine only ever sees a token
to hash it and compare hashes, and only hashes end up in events.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
"""Letters and digits that cannot be mistaken for one another on a projector or when read
aloud: none of 0 and O, 1, I and L, 2 and Z, 5 and S, 8 and B."""
JOIN_CODE_LENGTH = 6


@dataclass(frozen=True)
class Actor:
    """Whoever sends a command, known only by the token they hold."""

    token: str

    @property
    def token_hash(self) -> str:
        """The hash under which this actor's token is recorded."""
        return hash_token(self.token)


def hash_token(token: str) -> str:
    """The SHA-256 of a token, in hex.

    Tokens are long random strings, so a plain hash (no salt, no stretching) is enough: it
    cannot be reversed, and the file never holds a token that would grant rights.
    """
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


PSEUDONYM_PREFIX = "anoniem-"
"""How a vote's voter starts when it is a pseudonym rather than a participant id."""


def ballot_pseudonym(token: str, ballot_id: str) -> str:
    """Who a token is on one anonymous ballot: an HMAC of the ballot id with the token.

    The file holds only the token's SHA-256, which cannot give this back: the pseudonym
    links a vote to nobody, except for whoever holds the token (who can then replace it).
    Each ballot gives another pseudonym, so votes on two ballots cannot be linked either.
    """
    digest = hmac.new(token.encode("utf-8"), f"stem\0{ballot_id}".encode(), hashlib.sha256)
    return PSEUDONYM_PREFIX + digest.hexdigest()[:32]


def normalise_join_code(text: str) -> str:
    """A join code as typed (any case, spaces or dashes) in its canonical form."""
    return "".join(ch for ch in text.upper() if ch not in " -")


def is_join_code(text: str) -> bool:
    """Whether `text` is a canonical join code."""
    return len(text) == JOIN_CODE_LENGTH and all(ch in JOIN_CODE_ALPHABET for ch in text)
