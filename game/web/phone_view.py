"""What a participant's phone shows: a pure function of the session's state and who they are.

The stage (join, wait, vote, voted, results) comes from `game.participation.voter_stage`,
the same rule the terminal participant app follows; results come from the report's own
result models, so a phone, the beamer, the facilitator's board and the PDF report never
count differently.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from catalogue import current_language, translation
from deck import Deck
from game.engine import Ballot, SessionState
from game.engine.answers import ballot_title
from game.engine.ballots import axes_of, matrix_places, method_label
from game.engine.report import BallotResult, StatementResult, ballot_result, statement_result
from game.engine.voters import VoterKeys
from game.participation import (
    ANONYMOUS_PREFIX,
    anonymous_join_allowed,
    option_labels,
    statement_text,
    voter_stage,
)

Screen = Literal["join", "waiting", "vote", "voted", "name-needed", "results"]


@dataclass(frozen=True)
class Identity:
    """Who holds this phone, as far as the session knows them."""

    participant_id: str
    name: str
    keys: VoterKeys
    """Who this phone is on each ballot, also as who it was before (anonymously, before
    giving a name): its votes are found with its tokens, never by its participant id alone."""

    @property
    def anonymous(self) -> bool:
        """Whether they joined under a pseudonym."""
        return self.name.startswith(f"{ANONYMOUS_PREFIX} ")


@dataclass(frozen=True)
class OptionLine:
    """One option of the ballot on the phone, with what this phone's draft gives it."""

    id: str
    label: str
    dots: int = 0
    """Dots this phone puts on it (dots)."""
    chosen: bool = False
    """Whether this phone chose it (choice, likert)."""
    place: tuple[int | None, int | None] = (None, None)
    """Its figures on the two scales (matrix), None where none is given yet."""


@dataclass(frozen=True)
class BallotForm:
    """The ballot a participant votes on, with their draft or current vote filled in."""

    id: str
    title: str
    method: str
    method_label: str
    instruction: str
    options: tuple[OptionLine, ...]
    """In the ballot's order, or in this phone's ranking order (ranking)."""
    dots: int
    max_choices: int
    stack: bool
    anonymous: bool
    reason: str
    statement: str | None
    axes: tuple[str, ...] = ()
    """The names of a matrix's two scales."""

    @property
    def dots_left(self) -> int:
        """Dots not yet placed (dots)."""
        return self.dots - sum(option.dots for option in self.options)

    @property
    def choices(self) -> tuple[str, ...]:
        """The draft as a vote: dots repeated per option, the ranking order, or the chosen."""
        if self.method == "dots":
            return tuple(o.id for o in self.options for _ in range(o.dots))
        if self.method == "ranking":
            return tuple(o.id for o in self.options)
        return tuple(o.id for o in self.options if o.chosen)


@dataclass(frozen=True)
class PhoneView:
    """Everything the phone page draws."""

    screen: Screen
    session_id: str
    name: str | None = None
    anonymous_allowed: bool = False
    ballot: BallotForm | None = None
    voted: tuple[str, ...] = ()
    """Labels of this phone's current vote, for "je stem is geteld"."""
    statement_result: StatementResult | None = None
    ballot_result: BallotResult | None = None
    closing: bool = False
    """Whether the table is in its closing round (nothing more to vote on, most likely)."""


def phone_view(
    state: SessionState,
    who: Identity | None,
    *,
    deck: Deck | None,
    draft: tuple[str, ...] | None = None,
    draft_ballot: str | None = None,
    language: str | None = None,
) -> PhoneView:
    """What the phone of `who` (None: not joined yet) shows in `state`, in `language`
    (default: the process's).

    `draft` is an unsent dots or ranking vote (the plain-form way of moving dots around),
    used when it is for the ballot on screen (`draft_ballot`).
    """
    info = state.info
    assert info is not None
    round_plan = state.current_round()
    closing = round_plan is not None and round_plan.kind == "afsluiting"
    if who is None:
        return PhoneView(
            "join",
            info.session_id,
            anonymous_allowed=anonymous_join_allowed(state),
            closing=closing,
        )
    stage = voter_stage(state, who.keys, anonymous=who.anonymous)
    ballot = stage.ballot
    base = PhoneView(stage.kind, info.session_id, name=who.name, closing=closing)
    if ballot is None:
        return base
    language = language or current_language()
    own = _own_choices(ballot, who)
    if stage.kind in ("vote", "voted"):
        mine = draft if draft is not None and draft_ballot == ballot.id else own
        form = ballot_form(ballot, mine, _own_reason(ballot, who), language, deck, state)
        base = replace(base, ballot=form)
        if own:
            base = replace(base, voted=_labels(ballot, own, language, deck, state))
    elif stage.kind == "name-needed":
        base = replace(base, ballot=ballot_form(ballot, (), "", language, deck, state))
    if stage.results:
        base = _results(base, ballot, deck, language, state)
    return base


def ballot_form(
    ballot: Ballot,
    choices: tuple[str, ...],
    reason: str,
    language: str | None = None,
    deck: Deck | None = None,
    state: SessionState | None = None,
) -> BallotForm:
    """A ballot as a form, with `choices` (a draft or the current vote) filled in, its
    words in `language` (default: the process's); the session's `state` names a ballot's
    approaches in it."""
    answers = option_labels(ballot, language, deck, state)
    known = {option.id for option in answers}
    picked = [choice for choice in choices if choice in known]
    if ballot.method == "matrix":
        places = matrix_places(choices)
        lines = tuple(
            OptionLine(o.id, o.label, place=places.get(o.id, (None, None))) for o in answers
        )
    elif ballot.method == "ranking":
        order = list(dict.fromkeys(picked)) + [o.id for o in ballot.options if o.id not in picked]
        by_id = {option.id: option for option in answers}
        lines = tuple(OptionLine(by_id[i].id, by_id[i].label) for i in order)
    else:
        if ballot.method == "dots":
            picked = picked[: ballot.dots]
        lines = tuple(
            OptionLine(
                option.id,
                option.label,
                dots=picked.count(option.id) if ballot.method == "dots" else 0,
                chosen=option.id in picked,
            )
            for option in answers
        )
    statement = statement_text(ballot, language, deck)
    return BallotForm(
        id=ballot.id,
        title=ballot_title(ballot, language, deck),
        method=ballot.method,
        method_label=method_label(ballot.method, language),
        instruction=instruction(ballot, language),
        options=lines,
        dots=ballot.dots,
        max_choices=ballot.max_choices,
        stack=ballot.stack,
        anonymous=ballot.anonymous,
        reason=reason,
        statement=statement,
        axes=axes_of(ballot, language or current_language()) if ballot.method == "matrix" else (),
    )


def instruction(ballot: Ballot, language: str | None = None) -> str:
    """What to do, in one plain sentence per method, in `language`."""
    words = translation(language or current_language())
    _ = words.gettext
    if ballot.method == "dots":
        if ballot.stack:
            text = words.ngettext(
                "Verdeel je {count} stip over de opties met + en −, en tik Stem.",
                "Verdeel je {count} stippen over de opties met + en −, en tik Stem.",
                ballot.dots,
            )
        else:
            text = words.ngettext(
                "Verdeel je {count} stip over de opties (hoogstens één per optie) met + en −, "
                "en tik Stem.",
                "Verdeel je {count} stippen over de opties (hoogstens één per optie) met + en "
                "−, en tik Stem.",
                ballot.dots,
            )
        return text.format(count=ballot.dots)
    if ballot.method == "ranking":
        return _("Zet de opties in volgorde, de beste bovenaan, met ↑ en ↓, en tik Stem.")
    if ballot.method == "likert":
        if ballot.no_opinion:
            return _("Tik het antwoord dat het best past. Geen mening? Die knop staat onderaan.")
        return _("Tik het antwoord dat het best past.")
    if ballot.method == "consent":
        return _("Stem je in met dit voorstel? Tik akkoord, onthouding, bezwaar of blokkeren.")
    if ballot.method == "matrix":
        first, second = axes_of(ballot, language or current_language())
        return _(
            "Geef elke optie een cijfer van 1 (laag) tot 5 (hoog) voor {first} en voor "
            "{second}, en tik Stem."
        ).format(first=first, second=second)
    if ballot.max_choices == 1:
        return _("Tik je keuze.")
    return _("Kies hoogstens {count} opties en tik Stem.").format(count=ballot.max_choices)


def _own_choices(ballot: Ballot, who: Identity) -> tuple[str, ...]:
    vote = who.keys.vote(ballot)
    return vote.choices if vote is not None else ()


def _own_reason(ballot: Ballot, who: Identity) -> str:
    vote = ballot.votes.get(who.keys.on(ballot)[0])
    return vote.reason or "" if vote is not None else ""


def _labels(
    ballot: Ballot,
    choices: tuple[str, ...],
    language: str,
    deck: Deck | None,
    state: SessionState,
) -> tuple[str, ...]:
    labels = {o.id: o.label for o in option_labels(ballot, language, deck, state)}
    if ballot.method == "dots":
        counted: dict[str, int] = {}
        for choice in choices:
            counted[choice] = counted.get(choice, 0) + 1
        words = translation(language)
        return tuple(
            words.ngettext("{option} ({count} stip)", "{option} ({count} stippen)", count).format(
                option=labels.get(choice, choice), count=count
            )
            for choice, count in counted.items()
        )
    if ballot.method == "ranking":
        return tuple(f"{n}. {labels.get(c, c)}" for n, c in enumerate(choices, start=1))
    if ballot.method == "matrix":
        first, second = axes_of(ballot, language)
        return tuple(
            f"{labels.get(option_id, option_id)}: {first} {a}, {second} {b}"
            for option_id, (a, b) in matrix_places(choices).items()
        )
    return tuple(labels.get(choice, choice) for choice in choices)


def _results(
    view: PhoneView, ballot: Ballot, deck: Deck | None, language: str, state: SessionState
) -> PhoneView:
    # A room of phones shows the same ballot object until the next vote: count it once
    # per language.
    key = (id(ballot), language)
    known = _counted.get(key)
    if known is None or known[0] is not ballot or known[1] is not deck:
        if len(_counted) > 32:
            _counted.clear()
        result: StatementResult | BallotResult = (
            statement_result(ballot, deck, visible=True, language=language)
            if ballot.method == "likert"
            else ballot_result(ballot, visible=True, language=language, deck=deck, state=state)
        )
        known = _counted[key] = (ballot, deck, result)
    result = known[2]
    if isinstance(result, StatementResult):
        return replace(view, statement_result=result)
    return replace(view, ballot_result=result)


_counted: dict[tuple[int, str], tuple[Ballot, Deck | None, StatementResult | BallotResult]] = {}
"""Results of the ballots shown lately, by the ballot object's identity and the language
(ballots never change: a vote makes a new one, so a result never goes stale)."""
