"""Fit a workshop script to the deck it is played with, so any deck can run any werkvorm.

A round that names a kind of card ("the deck's statements", "a dilemma card", "the role
cards") or names cards as preferences (`prefer`, `needs`) adapts to the deck: it takes what
the deck has, and is left out, with one Dutch line saying why, when the deck has nothing it
can use. Card ids a werkvorm names outright (`statements`, `roles`, `cards`, …) are not
adapted here: `check_against_deck` holds them to the deck.

Fitting is deterministic, so every process that opens a session fits its script the same
way and finds the same rounds.
"""

from __future__ import annotations

from dataclasses import dataclass

from catalogue import _, current_language, ngettext
from deck.loaded_deck import Deck
from deck.model import (
    CardBase,
    ConcernCard,
    DilemmaCard,
    ExampleCard,
    FormCard,
    RoleCard,
    StatementCard,
)
from deck.problems import InputError, Problem
from workshops.loader import check_against_deck
from workshops.model import (
    ActionPlanRound,
    ApproachesRound,
    CaseRound,
    ConcernsRound,
    DilemmaRound,
    RoundBase,
    SampleCase,
    StatementsRound,
    VoteRound,
    Workshop,
    workshop_subject,
)


@dataclass(frozen=True)
class FittedWorkshop:
    """A workshop script as the deck lets it run, and what fitting changed."""

    workshop: Workshop
    notes: tuple[str, ...]
    """One Dutch line per round left out or cut down, saying why."""


def fit_to_deck(workshop: Workshop, deck: Deck) -> FittedWorkshop:
    """The rounds of `workshop` the deck can supply, each set to the cards it has.

    `InputError` with every problem when a card id the script names outright is not in the
    deck (`check_against_deck`), or when no round at all is left to play.
    """
    problems = check_against_deck(workshop, deck)
    if problems:
        raise InputError(problems)
    notes: list[str] = []
    rounds: list[RoundBase] = []
    approaches_left_out = False
    for round_ in workshop.rounds:
        name = _round_name(workshop, round_)
        missing = [card_id for card_id in round_.needs if card_id not in deck]
        if missing:
            notes.append(
                _("{round} valt weg: het deck heeft kaart '{card}' niet.").format(
                    round=name, card=missing[0]
                )
            )
            continue
        if approaches_left_out and _builds_on_approaches(round_):
            notes.append(
                _("{round} valt weg: er is geen ronde om aanpakken te kiezen.").format(round=name)
            )
            continue
        fitted, note = _fit_round(round_, deck)
        if isinstance(fitted, StatementsRound):
            fitted = _without_survey(fitted, deck)
        if note:
            # Named as the session will show it: a statements round of a deck without a
            # survey has its `without_survey` title.
            shown = fitted if fitted is not None else round_
            notes.append(note.format(round=_round_name(workshop, shown)))
        if fitted is None:
            approaches_left_out = approaches_left_out or isinstance(round_, ApproachesRound)
            continue
        rounds.append(fitted)
    if not rounds:
        raise InputError(
            [
                Problem(
                    workshop.where("rounds"),
                    _("met deck '{deck}' blijft geen enkele ronde over").format(
                        deck=deck.manifest.id
                    ),
                    workshop_subject(workshop.id),
                    hint=" ".join(notes),
                )
            ]
        )
    cases = tuple(_fit_case(case, deck) for case in workshop.cases)
    fitted_workshop = workshop.model_copy(
        update={
            "rounds": tuple(rounds),
            "cases": cases,
            "minutes": sum(r.minutes for r in rounds),
        }
    )
    return FittedWorkshop(fitted_workshop, tuple(notes))


def _round_name(workshop: Workshop, round_: RoundBase) -> str:
    """`Ronde 'id' (title)`, the title in the reader's language."""
    title = round_.title.in_language(current_language(), workshop.language).strip()
    return _("Ronde '{id}' ({title})").format(id=round_.id, title=title)


def _builds_on_approaches(round_: RoundBase) -> bool:
    """Rounds that only make sense once the table has chosen approaches."""
    if isinstance(round_, VoteRound):
        return round_.over == "approaches"
    return isinstance(round_, ActionPlanRound)


def _fit_round(round_: RoundBase, deck: Deck) -> tuple[RoundBase | None, str]:
    """The round as this deck lets it run (None: left out), and a note when it changed:
    a translated sentence with a `{round}` placeholder for the round's name."""
    if isinstance(round_, CaseRound):
        return _fit_case_round(round_, deck)
    if isinstance(round_, StatementsRound) and round_.count is not None:
        return _fit_statements(round_, round_.count, deck)
    if isinstance(round_, ConcernsRound) and not deck.of_type(ConcernCard):
        return None, _("{round} valt weg: het deck heeft geen bezorgdheidskaarten.")
    choosable = bool(deck.of_type(ExampleCard)) or bool(deck.of_type(FormCard))
    if isinstance(round_, ApproachesRound) and not round_.forms and not choosable:
        return None, _(
            "{round} valt weg: het deck heeft geen voorbeeld- of vormkaarten om te kiezen."
        )
    if isinstance(round_, DilemmaRound) and not round_.cards:
        available = len(deck.of_type(DilemmaCard))
        if available == 0:
            return None, _("{round} valt weg: het deck heeft geen dilemmakaarten.")
        if available < round_.draw:
            note = ngettext(
                "{{round}} trekt {available} dilemmakaart in plaats van {draw}: meer heeft het "
                "deck niet.",
                "{{round}} trekt {available} dilemmakaarten in plaats van {draw}: meer heeft "
                "het deck niet.",
                available,
            ).format(available=available, draw=round_.draw)
            return round_.model_copy(update={"draw": available}), note
    return round_, ""


def _fit_case_round(round_: CaseRound, deck: Deck) -> tuple[RoundBase, str]:
    update: dict[str, object] = {}
    if round_.prefer:
        update = {"prefer": (), "roles": _present(round_.prefer, deck, RoleCard)}
    note = ""
    if round_.draw_roles and not deck.of_type(RoleCard):
        update["draw_roles"] = False
        note = _(
            "{round} trekt geen rolkaarten: het deck heeft er geen; de begeleider kiest de rollen."
        )
    return (round_.model_copy(update=update) if update else round_), note


def _fit_statements(
    round_: StatementsRound, count: int, deck: Deck
) -> tuple[RoundBase | None, str]:
    every = [card.id for card in deck.of_type(StatementCard)]
    if not every:
        return None, _("{round} valt weg: het deck heeft geen stellingkaarten.")
    preferred = _present(round_.prefer, deck, StatementCard)
    pool = [*preferred, *(card_id for card_id in every if card_id not in preferred)]
    chosen = tuple(pool[:count])
    note = ""
    if len(chosen) < count:
        note = ngettext(
            "{{round}} legt {chosen} stelling voor in plaats van {count}: meer heeft het deck "
            "niet.",
            "{{round}} legt {chosen} stellingen voor in plaats van {count}: meer heeft het "
            "deck niet.",
            len(chosen),
        ).format(chosen=len(chosen), count=count)
    if round_.prefer:
        # Preferences resolve to fixed statements, so every view shows the same ones.
        return round_.model_copy(update={"statements": chosen, "count": None, "prefer": ()}), note
    return round_.model_copy(update={"count": len(chosen)}), note


def _without_survey(round_: StatementsRound, deck: Deck) -> StatementsRound:
    """The round's wording for a deck whose statements have no survey figures, if it has one."""
    other = round_.without_survey
    if other is None:
        return round_
    if round_.statements:
        cards = [deck.get(card_id) for card_id in round_.statements]
    else:
        cards = list(deck.of_type(StatementCard))
    if any(isinstance(card, StatementCard) and card.benchmark for card in cards):
        return round_
    update: dict[str, object] = {"instructions": other.instructions, "without_survey": None}
    if other.title is not None:
        update["title"] = other.title
    return round_.model_copy(update=update)


def _fit_case(case: SampleCase, deck: Deck) -> SampleCase:
    if not case.prefer:
        return case
    return case.model_copy(update={"prefer": (), "roles": _present(case.prefer, deck, RoleCard)})


def _present(ids: tuple[str, ...], deck: Deck, model: type[CardBase]) -> tuple[str, ...]:
    """The ids of `ids` that name a card of `model` in the deck, in their order."""
    return tuple(card_id for card_id in ids if isinstance(deck.get(card_id), model))
