"""Balance warnings: what the table's choice of approaches leaves out.

Four findings, each a nudge for the facilitator rather than a rule (DESIGN §5, aanpakken):

- every approach is of one participation form;
- an audience that sits at the table (a role card's `audiences`) or that the case names is
  reached by no approach (an example card's `audiences`);
- a concern was raised that no chosen approach answers (an example card's `answers`);
- a stakeholder at the table has not chosen any approach.

Warnings appear once the first approach is on the table: before that every finding would
fire at once and say nothing. Only approaches of stakeholders still at the table count,
as in a ballot over the approaches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from catalogue import LANGUAGES, SOURCE_LANGUAGE, current_language, translation, translator
from deck.loaded_deck import Deck
from deck.model import ConcernCard, ExampleCard, FormCard, RoleCard
from deck.search import fold
from deck.text import Text
from game.engine.answers import seat_label, seat_name
from game.engine.state import Approach, SessionState, Stakeholder

WarningKind = Literal["one-form", "audience", "concern", "stakeholder"]


@dataclass(frozen=True)
class BalanceWarning:
    """One finding, in the language asked for, about what `subject` (a form, audience,
    concern card or stakeholder id) lacks."""

    kind: WarningKind
    subject: str
    message: str


def balance_warnings(
    state: SessionState, deck: Deck, language: str | None = None
) -> tuple[BalanceWarning, ...]:
    """Every balance warning for the session as it stands, in a stable order, worded in
    `language` (default: the process's) with the deck's texts in it where it has them."""
    words = _Words(deck, language or current_language())
    _ = words.say
    present = {s.id: s for s in state.stakeholders.values() if s.present}
    approaches = [a for a in state.approaches.values() if a.stakeholder_id in present]
    if not approaches:
        return ()
    found: list[BalanceWarning] = []
    found += _one_form(approaches, words)
    found += _audiences(state, approaches, words)
    found += _concerns(state, approaches, words)
    chosen_by = {a.stakeholder_id for a in approaches}
    for stakeholder in present.values():
        if stakeholder.id not in chosen_by:
            found.append(
                BalanceWarning(
                    "stakeholder",
                    stakeholder.id,
                    _("{who} koos nog geen aanpak.").format(who=words.who(stakeholder)),
                )
            )
    return tuple(found)


@dataclass(frozen=True)
class _Words:
    """The findings' wording: the catalogue in one language, and the deck's texts in it."""

    deck: Deck
    language: str

    def say(self, message: str) -> str:
        return translator(self.language)(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The singular or plural form for `count`, in this wording's language."""
        known = self.language if self.language in LANGUAGES else SOURCE_LANGUAGE
        return translation(known).ngettext(singular, plural, count)

    def listing(self, names: list[str]) -> str:
        """Names as a sentence lists them: `Sophie, Marc en Emma` (`… et Emma`)."""
        if len(names) < 2:
            return "".join(names)
        _ = self.say
        return ", ".join(names[:-1]) + _(" en ") + names[-1]

    def text(self, text: Text) -> str:
        return text.in_language(self.language, self.deck.manifest.language)

    def name(self, stakeholder: Stakeholder) -> str:
        """A stakeholder by name, or by role when no name was given (`seat_name`)."""
        return seat_name(stakeholder, self.deck, self.language)

    def who(self, stakeholder: Stakeholder) -> str:
        """A stakeholder by name and role, or by role alone when no name was given."""
        return seat_label(stakeholder, self.deck, self.language)

    def form_title(self, form_id: str) -> str:
        card = self.deck.get(form_id)
        return self.text(card.title).lower() if isinstance(card, FormCard) else form_id


def _one_form(approaches: list[Approach], words: _Words) -> list[BalanceWarning]:
    forms = {a.form for a in approaches}
    if len(approaches) < 2 or len(forms) != 1:
        return []
    (form,) = forms
    _ = words.say
    others = [words.form_title(f.id) for f in words.deck.of_type(FormCard) if f.id != form]
    missing = _(" of ").join(others) if others else _("een andere vorm")
    return [
        BalanceWarning(
            "one-form",
            form,
            _("Alle {count} aanpakken zijn {form}; nog niets voor {missing}.").format(
                count=len(approaches), form=words.form_title(form), missing=missing
            ),
        )
    ]


def _example(deck: Deck, approach: Approach) -> ExampleCard | None:
    card = deck.get(approach.card_id)
    return card if isinstance(card, ExampleCard) else None


def _audiences(
    state: SessionState, approaches: list[Approach], words: _Words
) -> list[BalanceWarning]:
    deck = words.deck
    reached: set[str] = set()
    for approach in approaches:
        card = _example(deck, approach)
        if card is not None:
            reached.update(card.audiences)
    # Audience id → who brings it in: the people at the table first, then the case.
    why: dict[str, list[str]] = {}
    for stakeholder in state.stakeholders.values():
        role = deck.get(stakeholder.role_id)
        if stakeholder.present and isinstance(role, RoleCard):
            for audience in role.audiences:
                why.setdefault(audience, []).append(words.name(stakeholder))
    case = state.info.case if state.info else ""
    named = audiences_named(case, deck)
    for audience in named:
        why.setdefault(audience, [])
    labels = deck.manifest.audiences
    found = []
    for audience, names in why.items():
        if audience in reached:
            continue
        _ = words.say
        label = words.text(labels[audience]).lower() if audience in labels else audience
        together = words.listing(names)
        if not names:
            message = _("Geen aanpak bereikt {audience}, al noemt de casus hen.").format(
                audience=label
            )
        elif audience in named:
            message = words.ngettext(
                "Geen aanpak bereikt {audience}, al zit {names} aan tafel en noemt de casus hen.",
                "Geen aanpak bereikt {audience}, al zitten {names} aan tafel en noemt de casus "
                "hen.",
                len(names),
            ).format(audience=label, names=together)
        else:
            message = words.ngettext(
                "Geen aanpak bereikt {audience}, al zit {names} aan tafel.",
                "Geen aanpak bereikt {audience}, al zitten {names} aan tafel.",
                len(names),
            ).format(audience=label, names=together)
        found.append(BalanceWarning("audience", audience, message))
    return found


def _concerns(
    state: SessionState, approaches: list[Approach], words: _Words
) -> list[BalanceWarning]:
    deck = words.deck
    answered: set[str] = set()
    for approach in approaches:
        card = _example(deck, approach)
        if card is not None:
            answered.update(card.answers)
    raised: dict[str, list[str]] = {}
    for concern in state.concerns.values():
        stakeholder = state.stakeholders.get(concern.stakeholder_id)
        name = words.name(stakeholder) if stakeholder else concern.stakeholder_id
        names = raised.setdefault(concern.concern_id, [])
        if name not in names:
            names.append(name)
    found = []
    for concern_id, names in raised.items():
        if concern_id in answered:
            continue
        concern_card = deck.get(concern_id)
        title = (
            words.text(concern_card.title).lower()
            if isinstance(concern_card, ConcernCard)
            else concern_id
        )
        _ = words.say
        message = _(
            "De bezorgdheid over {concern} ({names}) krijgt nog geen antwoord van een gekozen "
            "aanpak."
        )
        found.append(
            BalanceWarning(
                "concern", concern_id, message.format(concern=title, names=", ".join(names))
            )
        )
    return found


def _variants(word: str) -> set[str]:
    # Dutch plurals and singulars, roughly: enough for "jongere" to find "jongeren".
    forms = {word, word + "s", word + "en", word + "n"}
    for ending in ("en", "s", "n"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            forms.add(word[: -len(ending)])
    return forms


def _terms(audience_id: str, label: str) -> list[list[str]]:
    """The phrases that name an audience: its id, its label, and each part of an
    'X en Y' label, each as a list of folded words."""
    phrases = {audience_id.replace("-", " "), label}
    phrases.update(part for part in re.split(r"\s+en\s+", label) if part)
    return [fold(phrase).split() for phrase in phrases if phrase.strip()]


def audiences_named(text: str, deck: Deck) -> tuple[str, ...]:
    """The deck's audiences that `text` names (by id or label, singular or plural)."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    if not words:
        return ()
    named = []
    for audience_id, label in deck.manifest.audiences.items():
        for phrase in _terms(audience_id, str(label)):
            if _contains(words, phrase):
                named.append(audience_id)
                break
    return tuple(named)


def _contains(words: list[str], phrase: list[str]) -> bool:
    size = len(phrase)
    *head, last = phrase
    lasts = _variants(last)
    for start in range(len(words) - size + 1):
        if words[start : start + size - 1] == head and words[start + size - 1] in lasts:
            return True
    return False
