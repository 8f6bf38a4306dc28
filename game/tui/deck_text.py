"""A deck's texts in the app's language: a deck may carry French beside its Dutch.

The session records card titles as they were when something happened (in Dutch); a screen
looks the card up again to show its title in the reader's language.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text as RichText

from catalogue import current_language
from deck import Deck
from deck.text import Text
from game.engine import answers
from game.engine.answers import ballot_title, statement_text
from game.engine.state import Approach, Ballot, SessionState, Stakeholder
from game.participation import option_labels


def deck_text(deck: Deck, text: Text) -> str:
    """`text` in the app's language, else in the deck's own language."""
    return text.in_language(current_language(), deck.manifest.language)


def card_title(deck: Deck, card_id: str, recorded: str) -> str:
    """The title of card `card_id` in the app's language; `recorded` when the deck lacks it."""
    return answers.card_title(deck, card_id, recorded, current_language())


def seat_name(deck: Deck, seat: Stakeholder) -> str:
    """Who speaks for a role, in the app's language: their name, or the role's title when
    nobody's name was given (`answers.seat_name`)."""
    return answers.seat_name(seat, deck, current_language())


def seat_label(deck: Deck, seat: Stakeholder) -> str:
    """Who speaks for a role and the role, in the app's language: `Ann (Habitant)`, or the
    role alone when nobody's name was given (`answers.seat_label`)."""
    return answers.seat_label(seat, deck, current_language())


def seat_line(deck: Deck, seat: Stakeholder) -> RichText:
    """Who sits at the table, bold, and their role card, dim; the role once when the seat
    is called by it (nobody's name was given)."""
    name = seat_name(deck, seat)
    role = card_title(deck, seat.role_id, seat.role_title)
    return RichText.assemble((name, "bold"), ("  " + role if role != name else "", "dim"))


def approach_label(deck: Deck, state: SessionState, approach: Approach) -> str:
    """An approach as a ballot names it: the card's title, then who chose it."""
    who = state.stakeholders.get(approach.stakeholder_id)
    title = card_title(deck, approach.card_id, approach.card_title)
    return f"{title} ({seat_name(deck, who)})" if who else title


def option_names(state: SessionState, ballot: Ballot, deck: Deck | None) -> dict[str, str]:
    """A ballot's answers by option id, as the app's reader names them: a statement's scale
    from the deck, our own scale and consent from the catalogue, an approach by its card."""
    names = {option.id: option.label for option in option_labels(ballot, None, deck)}
    if deck is not None:
        for option in ballot.options:
            approach = state.approaches.get(option.ref or "")
            if approach is not None:
                names[option.id] = approach_label(deck, state, approach)
    return names


def labelled_ballot(state: SessionState, ballot: Ballot, deck: Deck | None) -> Ballot:
    """`ballot` with its options named as the app's reader names them (`option_names`), for
    the widgets that draw a ballot's options from it."""
    names = option_names(state, ballot, deck)
    return replace(ballot, options=tuple(replace(o, label=names[o.id]) for o in ballot.options))


def ballot_heading(ballot: Ballot, deck: Deck | None) -> tuple[str, str | None]:
    """What a ballot asks, in the app's language, and the statement under it when that is
    more than its title."""
    title = ballot_title(ballot, None, deck)
    statement = statement_text(ballot, None, deck)
    return title, statement if statement is not None and statement != title else None
