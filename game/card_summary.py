"""A card in a line: its type's label and colour and what tells it apart from its kind.

Plain text, without rich: the card list of `deck list` and the app's lists say it alike.
"""

from __future__ import annotations

from catalogue import current_language, translator
from deck import Deck
from deck.card_content import PHASES, SURVEY_WORDS
from deck.model import (
    CardBase,
    DilemmaCard,
    ExampleCard,
    FormCard,
    RoleCard,
    StatementCard,
    WillingnessCard,
    card_type,
)
from deck.survey import survey_n, table_name


def type_label(deck: Deck, card: CardBase, language: str | None = None) -> str:
    """The manifest's label for the card's type, in `language` (default: the process's)
    when the deck has it."""
    style = deck.manifest.types.get(card_type(card))
    if style is None:
        return card_type(card)
    return style.label.in_language(language or current_language(), deck.manifest.language)


def type_colour(deck: Deck, card: CardBase) -> str:
    """The manifest's colour for the card's type."""
    style = deck.manifest.types.get(card_type(card))
    return style.colour if style else "#777777"


def summary(deck: Deck, card: CardBase, language: str | None = None) -> str:
    """One short line that tells cards of the same type apart in a list, in `language`
    (default: the process's) when the deck has it."""
    shown = language or current_language()
    _ = translator(shown)
    if isinstance(card, ExampleCard):
        found = deck.subform(card.subform)
        sub = found[1].title.in_language(shown, deck.manifest.language) if found else card.subform
        return f"{sub} · {_(PHASES[card.phase]) if card.phase in PHASES else card.phase}"
    if isinstance(card, StatementCard | WillingnessCard):
        b = card.benchmark
        if b is None:
            return _("zonder bevraging")
        low, high = SURVEY_WORDS[card_type(card)]
        return (
            f"{table_name(b.table, shown)}, {survey_n(b.n, shown)}: "
            f"{b.low}% {_(low)}, {b.high}% {_(high)}"
        )
    if isinstance(card, RoleCard):
        label = deck.manifest.role_groups().get(card.group)
        return label.in_language(shown, deck.manifest.language) if label else card.group
    if isinstance(card, DilemmaCard):
        return _("Risico") if card.kind == "risico" else _("Dilemma")
    if isinstance(card, FormCard):
        return ", ".join(
            sub.title.in_language(shown, deck.manifest.language) for sub in card.subforms
        )
    return ""
