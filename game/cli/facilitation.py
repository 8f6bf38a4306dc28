"""A facilitator's command from the command line: open the session file, build the command
from its current state, submit it with the facilitator's token, close the file; and the
words a user types for a stakeholder or a ballot's options, resolved or refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from catalogue import _
from deck import Deck
from game.cli.outcome import guarded, refuse, warn
from game.cli.recorded_words import RecordedWords, reader_deck, recorded_words
from game.engine import Actor, Ballot, Event, SessionState, find_stakeholder, resolve_choice
from game.engine.answers import option_labels
from game.engine.commands import Command
from game.engine.plain_text import visible
from game.session_deck import session_deck
from game.store import SessionStore, read_facilitator_token, session_path


def open_store(session: str) -> SessionStore:
    """The session file named on the command line, opened; what opening found is told."""
    store = SessionStore.open(session_path(session))
    for line in store.notices:
        warn(line)
    return store


@dataclass(frozen=True)
class Facilitated:
    """What a facilitator command did: its event and the state after it, in the session file
    at `path`; `deck` is the deck it was checked against (None when it needed none)."""

    event: Event
    state: SessionState
    path: Path
    deck: Deck | None

    def words(self) -> RecordedWords:
        """The session's recorded words for this run's reader, from the deck already loaded."""
        return recorded_words(self.path, self.state, loaded=self.deck)


def facilitate(
    session: str,
    build: Callable[[SessionState], Command],
    *,
    deck: Path | None = None,
    needs_deck: bool = False,
) -> Facilitated:
    """Carry out a facilitator command; `build(state)` makes it from the current state.

    With `needs_deck` the session's deck (`deck`, the one named with `--deck`, if given) is
    loaded once and comes back with the event and the state after it.
    """
    with guarded(), open_store(session) as store:
        token = read_facilitator_token(store.path)
        played = session_deck(store.path, store.state, override=deck) if needs_deck else None
        command = build(store.state)
        event = store.submit(command, Actor(token), deck=played)
        return Facilitated(event, store.state, store.path, played)


def stakeholder_id(state: SessionState, word: str) -> str:
    """The id of the stakeholder a user named, or a refusal."""
    found = find_stakeholder(state, word)
    if isinstance(found, str):
        refuse(found)
    return found.id


def option_ids_of(
    ballot: Ballot, words: list[str], state: SessionState, deck: Deck | None = None
) -> list[str]:
    """The option ids the words on a slip name, or one refusal for the first that names none.

    An option is also named by its label in the process's language (a card's from `deck`,
    an approach's seat from `state`), and the refusal lists the options that way.
    """
    shown = option_labels(ballot, None, deck, state)
    ids = []
    for word in words:
        option_id = resolve_choice(ballot, word, shown)
        if option_id is None:
            known = ", ".join(f"{o.id} ({o.label})" for o in shown)
            refuse(
                _("'{word}' is geen optie van stemronde {ballot}; kies uit: {known}").format(
                    word=visible(word), ballot=ballot.id, known=known
                )
            )
        ids.append(option_id)
    return ids


def ballot_deck(
    path: Path,
    state: SessionState,
    ballot: Ballot,
    *,
    loaded: Deck | None = None,
    override: Path | None = None,
) -> Deck | None:
    """The session's deck when a line about `ballot` must quote a card in the process's
    language (a statement, a dilemma, the approaches' cards, read in French); None when the
    words it was opened with will do, or the deck is out of reach (then they are shown as
    they are). `loaded` and `override` as `reader_deck`."""
    if ballot.source not in ("statement", "dilemma", "approaches"):
        return None
    return reader_deck(path, state, loaded=loaded, override=override)
