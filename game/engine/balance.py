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

from deck.model import ConcernCard, Deck, ExampleCard, FormCard, RoleCard
from deck.search import fold
from game.engine.state import Approach, SessionState

WarningKind = Literal["one-form", "audience", "concern", "stakeholder"]


@dataclass(frozen=True)
class BalanceWarning:
    """One finding, in Dutch, about what `subject` (a form, audience, concern card or
    stakeholder id) lacks."""

    kind: WarningKind
    subject: str
    message: str


def balance_warnings(state: SessionState, deck: Deck) -> tuple[BalanceWarning, ...]:
    """Every balance warning for the session as it stands, in a stable order."""
    present = {s.id: s for s in state.stakeholders.values() if s.present}
    approaches = [a for a in state.approaches.values() if a.stakeholder_id in present]
    if not approaches:
        return ()
    found: list[BalanceWarning] = []
    found += _one_form(approaches, deck)
    found += _audiences(state, approaches, deck)
    found += _concerns(state, approaches, deck)
    chosen_by = {a.stakeholder_id for a in approaches}
    for stakeholder in present.values():
        if stakeholder.id not in chosen_by:
            found.append(
                BalanceWarning(
                    "stakeholder",
                    stakeholder.id,
                    f"{_who(stakeholder.name, stakeholder.role_title)} koos nog geen aanpak.",
                )
            )
    return tuple(found)


def _who(name: str, role: str) -> str:
    return name if name == role else f"{name} ({role})"


def _form_title(deck: Deck, form_id: str) -> str:
    card = deck.get(form_id)
    return str(card.title).lower() if isinstance(card, FormCard) else form_id


def _one_form(approaches: list[Approach], deck: Deck) -> list[BalanceWarning]:
    forms = {a.form for a in approaches}
    if len(approaches) < 2 or len(forms) != 1:
        return []
    (form,) = forms
    others = [_form_title(deck, f.id) for f in deck.of_type(FormCard) if f.id != form]
    missing = " of ".join(others) if others else "een andere vorm"
    return [
        BalanceWarning(
            "one-form",
            form,
            f"Alle {len(approaches)} aanpakken zijn {_form_title(deck, form)}; "
            f"nog niets voor {missing}.",
        )
    ]


def _example(deck: Deck, approach: Approach) -> ExampleCard | None:
    card = deck.get(approach.card_id)
    return card if isinstance(card, ExampleCard) else None


def _audiences(state: SessionState, approaches: list[Approach], deck: Deck) -> list[BalanceWarning]:
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
                why.setdefault(audience, []).append(stakeholder.name)
    case = state.info.case if state.info else ""
    named = audiences_named(case, deck)
    for audience in named:
        why.setdefault(audience, [])
    labels = deck.manifest.audiences
    found = []
    for audience, names in why.items():
        if audience in reached:
            continue
        label = str(labels[audience]).lower() if audience in labels else audience
        reason = f"al zit {' en '.join(names)} aan tafel" if names else "al noemt de casus hen"
        if names and audience in named:
            reason += " en noemt de casus hen"
        found.append(
            BalanceWarning("audience", audience, f"Geen aanpak bereikt {label}, {reason}.")
        )
    return found


def _concerns(state: SessionState, approaches: list[Approach], deck: Deck) -> list[BalanceWarning]:
    answered: set[str] = set()
    for approach in approaches:
        card = _example(deck, approach)
        if card is not None:
            answered.update(card.answers)
    raised: dict[str, list[str]] = {}
    for concern in state.concerns.values():
        stakeholder = state.stakeholders.get(concern.stakeholder_id)
        name = stakeholder.name if stakeholder else concern.stakeholder_id
        names = raised.setdefault(concern.concern_id, [])
        if name not in names:
            names.append(name)
    found = []
    for concern_id, names in raised.items():
        if concern_id in answered:
            continue
        concern_card = deck.get(concern_id)
        title = (
            str(concern_card.title).lower() if isinstance(concern_card, ConcernCard) else concern_id
        )
        found.append(
            BalanceWarning(
                "concern",
                concern_id,
                f"De bezorgdheid over {title} ({', '.join(names)}) krijgt nog geen antwoord "
                "van een gekozen aanpak.",
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
