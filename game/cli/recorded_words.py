"""What a session wrote down, said in the language of this run.

A session records titles as they were when something happened: a seat's role, a chosen
card, a concern, in the deck's language (Dutch). A line printed under `--taal fr` looks the
card up again and says its title in French where the deck has it; under Dutch, or when the
session's deck is out of reach, the recorded words are shown as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from catalogue import SOURCE_LANGUAGE, current_language
from deck import Deck, InputError
from game.engine import SessionState
from game.engine.answers import card_title, seat_label, seat_name
from game.engine.state import Stakeholder
from game.session_deck import session_deck


def reader_deck(
    path: Path, state: SessionState, *, loaded: Deck | None = None, override: Path | None = None
) -> Deck | None:
    """The session's deck when its cards must be named in a language other than the one
    they were recorded in; None when the recorded words will do or the deck is out of reach.

    `loaded` is the deck the command already played with (then nothing is read again);
    `override` the deck named with `--deck`.
    """
    if current_language() == SOURCE_LANGUAGE:
        return None
    return loaded if loaded is not None else played_deck(path, state, override)


def played_deck(path: Path, state: SessionState, override: Path | None = None) -> Deck | None:
    """The deck the session at `path` plays with (`override`, if given, is the one named
    with `--deck`); None when it is out of reach."""
    try:
        return session_deck(path, state, override=override)
    except InputError:
        return None


@dataclass(frozen=True)
class RecordedWords:
    """Recorded titles of one session as this run's reader says them."""

    deck: Deck | None

    def card(self, card_id: str, recorded: str) -> str:
        """A card's title (a role, an approach's card, a concern); `recorded` as written
        down when there is no deck to look it up in."""
        if self.deck is None:
            return recorded
        return card_title(self.deck, card_id, recorded, current_language())

    def seat(self, seat: Stakeholder) -> str:
        """Who speaks for a seat: the name given, or the role's title when none was."""
        return seat.name if self.deck is None else seat_name(seat, self.deck, current_language())

    def label(self, seat: Stakeholder) -> str:
        """Who speaks for a seat and its role (`Ann (Bewoner)`), the role once when no name
        was given (`Burgemeester`)."""
        return seat_label(seat, self.deck, current_language())

    def role(self, seat: Stakeholder) -> str:
        """The title of a seat's role card."""
        return self.card(seat.role_id, seat.role_title)


def recorded_words(path: Path, state: SessionState, *, loaded: Deck | None = None) -> RecordedWords:
    """The words of the session at `path` for this run's reader; `loaded` as `reader_deck`."""
    return RecordedWords(reader_deck(path, state, loaded=loaded))
