"""A card in a line: its type's label and colour and what tells it apart from its kind.

Plain text, without rich: the card list of `deck list` and the app's lists say it alike.
Cards are told apart by their type, not by their model class, so a deck checked by the
compiled schema (`deck.compiled_schema`, records instead of models) reads the same.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from catalogue import current_language, translator
from deck.card_types import card_type
from deck.loaded_deck import Deck
from deck.phases import PHASES
from deck.role_groups import role_groups
from deck.survey import SURVEY_WORDS, percent, survey_n, table_name

if TYPE_CHECKING:
    from deck.model import CardBase, DilemmaCard, ExampleCard, FormCard, RoleCard, StatementCard


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
    own = deck.manifest.language
    kind = card_type(card)
    if kind == "voorbeeld":
        example = cast("ExampleCard", card)
        found = deck.subform(example.subform)
        sub = found[1].title.in_language(shown, own) if found else example.subform
        phase = example.phase
        return f"{sub} · {_(PHASES[phase]) if phase in PHASES else phase}"
    if kind in SURVEY_WORDS:
        b = cast("StatementCard", card).benchmark
        if b is None:
            return _("zonder bevraging")
        low, high = SURVEY_WORDS[kind]
        return (
            f"{table_name(b.table, shown)}, {survey_n(b.n, shown)}: "
            f"{percent(b.low, shown, narrow=True)} {_(low)}, "
            f"{percent(b.high, shown, narrow=True)} {_(high)}"
        )
    if kind == "rol":
        group = cast("RoleCard", card).group
        label = role_groups(deck.manifest).get(group)
        return label.in_language(shown, own) if label else group
    if kind == "dilemma":
        return _("Risico") if cast("DilemmaCard", card).kind == "risico" else _("Dilemma")
    if kind == "vorm":
        return ", ".join(
            sub.title.in_language(shown, own) for sub in cast("FormCard", card).subforms
        )
    return ""
