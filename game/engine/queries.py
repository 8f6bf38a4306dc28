"""Looking things up in a session the way people name them.

A facilitator types `burgemeester`, `Ann` or `s2`; a voter types an option's number or its
label. These helpers turn such words into ids, or say in Dutch why they cannot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from catalogue import Message
from deck.problems import did_you_mean
from game.engine.ballots import answer_options, matrix_choice, parse_place
from game.engine.state import Ballot, BallotOption, SessionState, Stakeholder


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def find_stakeholder(state: SessionState, word: str) -> Stakeholder | str:
    """The stakeholder called `word` (id, name or role id), or the reason there is none.

    Stakeholders who left the table are found by id only.
    """
    if word in state.stakeholders:
        return state.stakeholders[word]
    wanted = _norm(word)
    present = [s for s in state.stakeholders.values() if s.present]
    for matches in (
        [s for s in present if _norm(s.name) == wanted],
        [s for s in present if s.role_id == wanted],
    ):
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            ids = ", ".join(s.id for s in matches)
            return Message(
                "'{word}' past op meer belanghebbenden ({ids}); gebruik de id", word=word, ids=ids
            )
    names = [s.name for s in present] + [s.id for s in present]
    hint = did_you_mean(word, names)
    if hint:
        return Message("er is geen belanghebbende '{word}' ({hint})", word=word, hint=hint)
    return Message("er is geen belanghebbende '{word}'", word=word)


def find_ballot(state: SessionState, word: str) -> Ballot | str:
    """The ballot with id `word` (`b2`, or just `2`), or the reason there is none."""
    for key in (word, f"b{word}"):
        if key in state.ballots:
            return state.ballots[key]
    if not state.ballots:
        return Message("er is nog geen stemronde")
    return Message(
        "er is geen stemronde '{word}' (kies uit: {known})",
        word=word,
        known=", ".join(state.ballots),
    )


def resolve_choice(ballot: Ballot, word: str, shown: Sequence[BallotOption] = ()) -> str | None:
    """The id of the option `word` names: its id, its label, or what it refers to (`a3`);
    else the label the voter was shown, from `shown` (the options as `option_labels` says
    them to this reader: a French voter types `sans avis`, which the ballot recorded in
    Dutch does not know).

    On a matrix, `word` is `OPTION=A/B` (the option by id, label or reference): it comes
    back as `ID=A/B`; written otherwise it comes back as it is, for the engine to explain.
    """
    if ballot.method == "matrix":
        place = parse_place(word)
        if place is None:
            return word
        option_id = _option_id(ballot, place[0], shown)
        return None if option_id is None else matrix_choice(option_id, place[1], place[2])
    return _option_id(ballot, word, shown)


def _option_id(ballot: Ballot, word: str, shown: Sequence[BallotOption]) -> str | None:
    answers = answer_options(ballot)
    if any(option.id == word for option in answers):
        return word
    wanted = _norm(word)
    for option in answers:
        if _norm(option.label) == wanted or option.ref == word:
            return option.id
    for option in shown:
        if _norm(option.label) == wanted:
            return option.id
    return None


def round_deadline(state: SessionState) -> dt.datetime | None:
    """When the current round's time box (with extensions) runs out, or None. A round
    the table returns to goes on with the time it had left."""
    plan = state.current_round()
    if plan is None or state.round.started_at is None:
        return None
    started = dt.datetime.fromisoformat(state.round.started_at)
    index = state.round.index
    extra = state.round.extra_minutes[index]
    spent = state.round.spent[index] if index < len(state.round.spent) else 0
    return started + dt.timedelta(minutes=plan.minutes + extra, microseconds=-spent)


def seconds_left(state: SessionState, now: dt.datetime) -> float | None:
    """Seconds left in the current round's time box (negative when over time), or None."""
    deadline = round_deadline(state)
    if deadline is None:
        return None
    return (deadline - now).total_seconds()
