"""A ballot's answers and statement in one reader's language.

A statement card's scale and text come from the deck in that language (falling back to
the deck's own); our own scale and consent's answers (`helemaal eens`, `akkoord`, `geen
mening`) from the catalogue; a dilemma card's choices from the card; an approach by its
card's title and who brought it (given the session's state). Options someone typed stay as
they were written. Every view of a ballot — the phone's form, the participant app,
the results on phone and beamer, the report — reads its words here, so a bilingual table
sees one ballot in two languages.
"""

from __future__ import annotations

from dataclasses import replace

from catalogue import current_language, translator
from deck import Deck
from deck.model import CardBase, DilemmaCard, RoleCard, StatementCard, WillingnessCard
from game.engine.ballots import NO_OPINION, NO_OPINION_LABEL, answer_options
from game.engine.state import Ballot, BallotOption, SessionState, Stakeholder


def option_labels(
    ballot: Ballot,
    language: str | None = None,
    deck: Deck | None = None,
    state: SessionState | None = None,
) -> tuple[BallotOption, ...]:
    """The answers of `ballot` with the labels a reader in `language` sees; `state` (the
    session's) gives the approaches of a ballot over them."""
    answers = answer_options(ballot)
    if ballot.source == "approaches" and state is not None and deck is not None:
        language = language or current_language()
        return tuple(
            replace(option, label=approach_label(option, state, deck, language))
            for option in answers
        )
    if ballot.method not in ("likert", "consent") and ballot.source != "dilemma":
        return answers
    language = language or current_language()
    _ = translator(language)
    fallback = deck.manifest.language if deck is not None else "nl"
    card = statement_card(ballot, deck)
    dilemma = dilemma_card(ballot, deck)
    scale = (
        [label.in_language(language, fallback) for label in card.scale]
        if card is not None
        else [choice.in_language(language, fallback) for choice in dilemma.options]
        if dilemma is not None and len(dilemma.options) == len(ballot.options)
        else None
    )

    def label(number: int, option: BallotOption) -> str:
        if option.id == NO_OPINION:
            return _(NO_OPINION_LABEL).capitalize()
        if scale is not None and number < len(scale):
            return scale[number]
        return _(option.label) if ballot.method in ("likert", "consent") else option.label

    return tuple(
        replace(option, label=label(number, option)) for number, option in enumerate(answers)
    )


def approach_label(option: BallotOption, state: SessionState, deck: Deck, language: str) -> str:
    """An option of a ballot over the approaches as the reader says it: the card's title
    and who brought it (`Café police (Chef de corps)`); as recorded when the session has
    no such approach."""
    parts = approach_parts(option, state, deck, language)
    return f"{parts[0]} ({parts[1]})" if parts is not None else option.label


def approach_parts(
    option: BallotOption, state: SessionState, deck: Deck, language: str
) -> tuple[str, str] | None:
    """The card title and the stakeholder of an option over an approach, in `language`;
    None when the option names no approach of the session."""
    approach = state.approaches.get(option.ref or "")
    seat = state.stakeholders.get(approach.stakeholder_id) if approach is not None else None
    if approach is None or seat is None:
        return None
    return (
        card_title(deck, approach.card_id, approach.card_title, language),
        seat_name(seat, deck, language),
    )


def card_title(deck: Deck, card_id: str, recorded: str, language: str) -> str:
    """The title of card `card_id` in `language` (else in the deck's own); `recorded`, the
    title the session wrote down, when the deck has no such card."""
    card = deck.get(card_id)
    if not isinstance(card, CardBase):
        return recorded
    return card.title.in_language(language, deck.manifest.language)


def seat_name(seat: Stakeholder, deck: Deck, language: str) -> str:
    """Who speaks for a role, as the reader says it: their name, or, when nobody's name was
    given and the seat is called by its role, the role card's title in `language`."""
    card = deck.get(seat.role_id)
    if seat.name != seat.role_title or not isinstance(card, RoleCard):
        return seat.name
    return card.title.in_language(language, deck.manifest.language)


def seat_label(seat: Stakeholder, deck: Deck | None, language: str) -> str:
    """Who speaks for a role and the role, as the reader says them: `Ann (Habitant)`; the
    role alone when nobody's name was given (`Bourgmestre`), never twice. Without a deck, in
    the words the session recorded."""
    role = (
        seat.role_title
        if deck is None
        else card_title(deck, seat.role_id, seat.role_title, language)
    )
    return role if seat.name == seat.role_title else f"{seat.name} ({role})"


def statement_card(ballot: Ballot, deck: Deck | None) -> StatementCard | WillingnessCard | None:
    """The deck's card a likert ballot is about, when it is one and the deck is known."""
    if ballot.statement is None or ballot.statement.card_id is None or deck is None:
        return None
    card = deck.get(ballot.statement.card_id)
    return card if isinstance(card, StatementCard | WillingnessCard) else None


def dilemma_card(ballot: Ballot, deck: Deck | None) -> DilemmaCard | None:
    """The deck's dilemma card a ballot is about: a dilemma ballot keeps the card's
    question (in the deck's own language) as its title."""
    if ballot.source != "dilemma" or deck is None:
        return None
    for card in deck.of_type(DilemmaCard):
        if str(card.question) == ballot.title:
            return card
    return None


def statement_text(ballot: Ballot, language: str | None, deck: Deck | None) -> str | None:
    """The statement voted on, from the deck in the reader's language when it is a card."""
    card = statement_card(ballot, deck)
    if card is not None and deck is not None:
        return card.text.in_language(language or current_language(), deck.manifest.language)
    return ballot.statement.text if ballot.statement else None


def ballot_title(ballot: Ballot, language: str | None, deck: Deck | None) -> str:
    """What a ballot is about in the reader's language: a statement, a dilemma's question,
    a title of ours (`Stemming over de aanpakken`), or the title someone typed."""
    statement = statement_text(ballot, language, deck)
    if statement is not None:
        return statement
    dilemma = dilemma_card(ballot, deck)
    if dilemma is not None and deck is not None:
        return dilemma.question.in_language(language or current_language(), deck.manifest.language)
    # Our own default titles are catalogue msgids; a typed title is no msgid and stays.
    return translator(language)(ballot.title)
