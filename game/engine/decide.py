"""Deciding: a command, checked against the state, becomes an event or is refused.

`decide` never changes anything and never fails for bad input: whatever is wrong with a
command comes back as a `Refusal` with a Dutch reason a person can act on. The caller
writes nothing for a refusal.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from catalogue import _
from deck.model import (
    ConcernCard,
    Deck,
    DilemmaCard,
    ExampleCard,
    FormCard,
    RoleCard,
    StatementCard,
    WillingnessCard,
)
from deck.problems import did_you_mean
from game.engine import commands as c
from game.engine import events as e
from game.engine.access import Actor, hash_token, is_join_code, normalise_join_code
from game.engine.ballots import (
    CONSENT_OPTIONS,
    LIKERT_OPTIONS,
    MATRIX_AXES,
    MAX_AXIS,
    reason_problem,
    results_visible,
    vote_problem,
)
from game.engine.plain_text import command_text_problem
from game.engine.state import (
    BALLOT_METHODS,
    REVEAL_POLICIES,
    ActionFields,
    Ballot,
    BallotOption,
    SessionState,
    Stakeholder,
    StatementInfo,
)

MAX_NAME = 60
MAX_NOTE = 1000
MAX_CASE = 4000
MAX_OPTIONS = 40
MAX_OPTION_LABEL = 200
MAX_DOTS = 20
MAX_EXTEND = 120


@dataclass(frozen=True)
class Refusal:
    """Why a command was not carried out, in Dutch, for the person who sent it."""

    reason: str


Outcome = e.Event | Refusal


def decide(
    state: SessionState,
    command: c.Command,
    actor: Actor,
    *,
    now: dt.datetime,
    deck: Deck | None = None,
) -> Outcome:
    """The event `command` becomes in `state`, or the reason it is refused.

    `actor` is whoever sent it (by token), `now` the time it happens, and `deck` the card
    deck the session plays with — needed for commands that name a card.
    """
    at = _timestamp(now)
    text_problem = command_text_problem(command)
    if text_problem is not None:
        return Refusal(text_problem)
    if isinstance(command, c.StartSession):
        return _start(state, command, actor, at)
    if state.info is None:
        return Refusal("de sessie is nog niet gestart")
    if isinstance(command, c.JoinParticipant):
        return _join(state, command, actor, at)
    if isinstance(command, c.CastVote):
        return _cast(state, command, actor, at)
    if actor.token_hash != state.info.facilitator_token_hash:
        return Refusal("alleen de begeleider mag dit doen")
    handler = _FACILITATOR.get(type(command))
    if handler is None:
        return Refusal(f"onbekende opdracht {type(command).__name__}")
    if type(command) in _NEEDS_DECK:
        problem = _deck_problem(state, deck)
        if problem is not None:
            return problem
    return handler(state, command, deck, at)


def _timestamp(now: dt.datetime) -> str:
    if now.tzinfo is None:
        now = now.replace(tzinfo=dt.UTC)
    return now.astimezone(dt.UTC).isoformat(timespec="microseconds")


def _deck_problem(state: SessionState, deck: Deck | None) -> Refusal | None:
    assert state.info is not None
    if deck is None:
        return Refusal("hiervoor is het kaartspel van de sessie nodig")
    if deck.manifest.id != state.info.deck_id:
        return Refusal(
            f"de sessie speelt met deck '{state.info.deck_id}', niet met '{deck.manifest.id}'"
        )
    return None


def _text(value: str | None, what: str, limit: int, *, required: bool) -> str | Refusal:
    text = (value or "").strip()
    if required and not text:
        return Refusal(f"{what} mag niet leeg zijn")
    if len(text) > limit:
        return Refusal(f"{what} is te lang ({len(text)} tekens; hoogstens {limit})")
    return text


def _hint(word: str, candidates: list[str]) -> str:
    hint = did_you_mean(word, candidates)
    return f" ({hint})" if hint else ""


def _start(state: SessionState, cmd: c.StartSession, actor: Actor, at: str) -> Outcome:
    if state.info is not None:
        return Refusal("de sessie is al gestart")
    if not is_join_code(cmd.join_code):
        return Refusal(f"'{cmd.join_code}' is geen geldige deelnamecode")
    if not cmd.session_id or not cmd.deck_id:
        return Refusal("een sessie heeft een id en een deck nodig")
    case = _text(cmd.case, "de casus", MAX_CASE, required=False)
    if isinstance(case, Refusal):
        return case
    ids = [plan.id for plan in cmd.rounds]
    if len(set(ids)) != len(ids):
        return Refusal("twee rondes van de werkvorm hebben dezelfde id")
    if any(plan.minutes < 1 for plan in cmd.rounds):
        return Refusal("elke ronde duurt minstens één minuut")
    return e.SessionStarted(
        at=at,
        session_id=cmd.session_id,
        case=case,
        deck_id=cmd.deck_id,
        deck_path=cmd.deck_path,
        workshop_id=cmd.workshop_id,
        workshop_title=cmd.workshop_title,
        rounds=cmd.rounds,
        join_code=cmd.join_code,
        facilitator_token_hash=actor.token_hash,
    )


def _join(state: SessionState, cmd: c.JoinParticipant, actor: Actor, at: str) -> Outcome:
    assert state.info is not None
    if normalise_join_code(cmd.join_code) != state.info.join_code:
        return Refusal("onjuiste deelnamecode")
    name = _text(cmd.name, "je naam", MAX_NAME, required=True)
    if isinstance(name, Refusal):
        return name
    token_hash = actor.token_hash
    if token_hash in state.tokens or token_hash == state.info.facilitator_token_hash:
        return Refusal("deze sleutel is al in gebruik; vraag een nieuwe aan")
    known = find_participant_by_name(state, name)
    if known is not None:
        boss = state.info.facilitator_token_hash
        vouched = cmd.vouch is not None and hash_token(cmd.vouch) == boss
        proven = any(state.tokens.get(hash_token(token)) == known for token in cmd.proof)
        if not (vouched or proven):
            # A name is not a password: typing someone's name must not take over their votes.
            return Refusal(
                f"deze naam is al in gebruik ({state.participants[known].name}); kies een "
                "andere naam, of vraag de begeleider je opnieuw toe te laten"
            )
        return e.ParticipantRejoined(at=at, participant_id=known, token_hash=token_hash)
    return e.ParticipantJoined(
        at=at, participant_id=state.next_id("p"), name=name, token_hash=token_hash
    )


def name_key(name: str) -> str:
    """A name as names are compared: Unicode-normalised (NFKC), case and spacing ignored.

    So `Ann2`, ` ann2 `, `ANN2` and `Ａｎｎ２` (full-width) are one name.
    """
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def find_participant_by_name(state: SessionState, name: str) -> str | None:
    """The id of the participant with this name (see `name_key`), or None."""
    wanted = name_key(name)
    for participant in state.participants.values():
        if name_key(participant.name) == wanted:
            return participant.id
    return None


def _cast(state: SessionState, cmd: c.CastVote, actor: Actor, at: str) -> Outcome:
    participant_id = state.tokens.get(hash_token(actor.token))
    if participant_id is None:
        if state.info is not None and actor.token_hash == state.info.facilitator_token_hash:
            return Refusal("de begeleider stemt niet; alleen deelnemers stemmen")
        return Refusal("onbekende deelnemer: meld je eerst aan met de deelnamecode")
    ballot = state.ballots.get(cmd.ballot_id)
    if ballot is None:
        return Refusal(f"er is geen stemronde '{cmd.ballot_id}'")
    if not ballot.is_open:
        return Refusal(f"stemronde {ballot.id} is gesloten; je stem telt niet meer")
    problem = vote_problem(ballot, cmd.choices)
    if problem is not None:
        return Refusal(problem)
    reason = _text(cmd.reason, "je toelichting", MAX_NOTE, required=False)
    if isinstance(reason, Refusal):
        return reason
    missing = reason_problem(ballot, cmd.choices, reason)
    if missing is not None:
        return Refusal(missing)
    return e.VoteCast(
        at=at,
        ballot_id=ballot.id,
        participant_id=participant_id,
        choices=tuple(cmd.choices),
        reason=reason or None,
    )


# --- facilitator commands ------------------------------------------------------------


def _cast_paper(state: SessionState, cmd: c.CastPaperVote, deck: Deck | None, at: str) -> Outcome:
    ballot = state.ballots.get(cmd.ballot_id)
    if ballot is None:
        return Refusal(f"er is geen stemronde '{cmd.ballot_id}'")
    if not ballot.is_open:
        return Refusal(f"stemronde {ballot.id} is gesloten; deze stembrief telt niet meer")
    problem = vote_problem(ballot, cmd.choices)
    if problem is not None:
        return Refusal(f"stembrief: {problem}")
    reason = _text(cmd.reason, "de toelichting", MAX_NOTE, required=False)
    if isinstance(reason, Refusal):
        return reason
    missing = reason_problem(ballot, cmd.choices, reason)
    if missing is not None:
        return Refusal(f"stembrief: {missing}")
    return e.PaperVoteCast(
        at=at,
        ballot_id=ballot.id,
        slip=max(ballot.paper_votes, default=0) + 1,
        choices=tuple(cmd.choices),
        reason=reason or None,
    )


def _set_case(state: SessionState, cmd: c.SetCase, deck: Deck | None, at: str) -> Outcome:
    assert state.info is not None
    text = _text(cmd.text, "de casus", MAX_CASE, required=False)
    if isinstance(text, Refusal):
        return text
    if text == state.info.case:
        return Refusal("de casus is niet gewijzigd")
    return e.CaseSet(at=at, before=state.info.case, after=text)


def _add_stakeholder(
    state: SessionState, cmd: c.AddStakeholder, deck: Deck | None, at: str
) -> Outcome:
    assert deck is not None
    card = deck.get(cmd.role_id)
    if not isinstance(card, RoleCard):
        roles = [role.id for role in deck.of_type(RoleCard)]
        return Refusal(f"geen rolkaart '{cmd.role_id}'{_hint(cmd.role_id, roles)}")
    name = _text(cmd.name, "de naam", MAX_NAME, required=False)
    if isinstance(name, Refusal):
        return name
    name = name or str(card.title)
    for seated in state.stakeholders.values():
        same_name = seated.name.casefold() == name.casefold()
        if seated.present and seated.role_id == card.id and same_name:
            return Refusal(f"{name} zit al aan tafel als {seated.role_title}")
    return e.StakeholderAdded(
        at=at,
        stakeholder_id=state.next_id("s"),
        role_id=card.id,
        role_title=str(card.title),
        group=card.group,
        name=name,
    )


def _seated(state: SessionState, stakeholder_id: str) -> Stakeholder | Refusal:
    stakeholder = state.stakeholders.get(stakeholder_id)
    if stakeholder is None:
        return Refusal(f"er is geen belanghebbende '{stakeholder_id}'")
    if not stakeholder.present:
        return Refusal(f"{stakeholder.name} zit niet meer aan tafel")
    return stakeholder


def _remove_stakeholder(
    state: SessionState, cmd: c.RemoveStakeholder, deck: Deck | None, at: str
) -> Outcome:
    stakeholder = _seated(state, cmd.stakeholder_id)
    if isinstance(stakeholder, Refusal):
        return stakeholder
    return e.StakeholderRemoved(at=at, stakeholder_id=stakeholder.id)


def _advance(state: SessionState, cmd: c.AdvanceRound, deck: Deck | None, at: str) -> Outcome:
    assert state.info is not None
    if not state.info.rounds:
        return Refusal("deze sessie heeft geen rondes")
    if state.round.index >= len(state.info.rounds) - 1:
        return Refusal("dit is al de laatste ronde")
    return e.RoundChanged(
        at=at,
        from_index=state.round.index,
        to_index=state.round.index + 1,
        previous_started_at=state.round.started_at,
    )


def _go_back(state: SessionState, cmd: c.GoBack, deck: Deck | None, at: str) -> Outcome:
    assert state.info is not None
    if not state.info.rounds:
        return Refusal("deze sessie heeft geen rondes")
    if state.round.index == 0:
        return Refusal("dit is al de eerste ronde")
    return e.RoundChanged(
        at=at,
        from_index=state.round.index,
        to_index=state.round.index - 1,
        previous_started_at=state.round.started_at,
    )


def _extend(state: SessionState, cmd: c.ExtendRound, deck: Deck | None, at: str) -> Outcome:
    assert state.info is not None
    if not state.info.rounds:
        return Refusal("deze sessie heeft geen rondes")
    if not 1 <= cmd.minutes <= MAX_EXTEND:
        return Refusal(f"verleng met 1 tot {MAX_EXTEND} minuten, niet {cmd.minutes}")
    return e.RoundExtended(at=at, round_index=state.round.index, minutes=cmd.minutes)


def _record_concern(
    state: SessionState, cmd: c.RecordConcern, deck: Deck | None, at: str
) -> Outcome:
    assert deck is not None
    stakeholder = _seated(state, cmd.stakeholder_id)
    if isinstance(stakeholder, Refusal):
        return stakeholder
    card = deck.get(cmd.concern_id)
    if not isinstance(card, ConcernCard):
        known = [concern.id for concern in deck.of_type(ConcernCard)]
        return Refusal(f"geen bezorgdheidskaart '{cmd.concern_id}'{_hint(cmd.concern_id, known)}")
    text = _text(cmd.text, "de bezorgdheid", MAX_NOTE, required=False)
    if isinstance(text, Refusal):
        return text
    return e.ConcernRecorded(
        at=at,
        concern_id=state.next_id("c"),
        stakeholder_id=stakeholder.id,
        concern_card=card.id,
        concern_title=str(card.title),
        text=text,
    )


def _record_approach(
    state: SessionState, cmd: c.RecordApproach, deck: Deck | None, at: str
) -> Outcome:
    assert deck is not None
    stakeholder = _seated(state, cmd.stakeholder_id)
    if isinstance(stakeholder, Refusal):
        return stakeholder
    card = deck.get(cmd.card_id)
    if isinstance(card, ExampleCard):
        form = card.form
    elif isinstance(card, FormCard):
        form = card.id
    else:
        known = [x.id for x in (*deck.of_type(ExampleCard), *deck.of_type(FormCard))]
        return Refusal(
            f"'{cmd.card_id}' is geen voorbeeld- of vormkaart{_hint(cmd.card_id, known)}"
        )
    for approach in state.approaches.values():
        if approach.stakeholder_id == stakeholder.id and approach.card_id == card.id:
            return Refusal(f"{stakeholder.name} koos '{card.title}' al")
    note = _text(cmd.note, "de notitie", MAX_NOTE, required=False)
    if isinstance(note, Refusal):
        return note
    return e.ApproachRecorded(
        at=at,
        approach_id=state.next_id("a"),
        stakeholder_id=stakeholder.id,
        card_id=card.id,
        card_title=str(card.title),
        form=form,
        note=note,
    )


def _open_ballot(state: SessionState, cmd: c.OpenBallot, deck: Deck | None, at: str) -> Outcome:
    if cmd.method not in BALLOT_METHODS:
        methods = ", ".join(BALLOT_METHODS)
        return Refusal(f"onbekende stemmethode '{cmd.method}' (kies uit {methods})")
    if cmd.reveal not in REVEAL_POLICIES:
        policies = ", ".join(REVEAL_POLICIES)
        return Refusal(f"onbekend moment voor de uitslag '{cmd.reveal}' (kies uit {policies})")
    built = _ballot_options(state, cmd, deck)
    if isinstance(built, Refusal):
        return built
    options, statement, default_title = built
    if cmd.method == "dots" and not 1 <= cmd.dots <= MAX_DOTS:
        return Refusal(f"geef elke deelnemer 1 tot {MAX_DOTS} stippen, niet {cmd.dots}")
    if cmd.no_opinion and cmd.method != "likert":
        return Refusal("'geen mening' kan alleen bij een stemming op een schaal 1–5")
    if cmd.method == "choice" and not 1 <= cmd.max_choices <= len(options):
        return Refusal(f"het aantal keuzes moet tussen 1 en {len(options)} liggen")
    axes = _axes(cmd)
    if isinstance(axes, Refusal):
        return axes
    title = _text(cmd.title, "de titel", MAX_OPTION_LABEL, required=False)
    if isinstance(title, Refusal):
        return title
    return e.BallotOpened(
        at=at,
        ballot_id=state.next_id("b"),
        title=title or default_title,
        method=cmd.method,
        source=cmd.source,
        options=options,
        statement=statement,
        dots=cmd.dots if cmd.method == "dots" else 0,
        max_choices=cmd.max_choices if cmd.method == "choice" else 1,
        stack=cmd.stack,
        anonymous=cmd.anonymous,
        reveal=cmd.reveal,
        no_opinion=cmd.no_opinion,
        axes=axes,
    )


def _axes(cmd: c.OpenBallot) -> tuple[str, ...] | Refusal:
    if cmd.method != "matrix":
        if cmd.axes:
            return Refusal("assen horen alleen bij een matrix (impact × haalbaarheid)")
        return ()
    if not cmd.axes:
        return MATRIX_AXES
    names = tuple(" ".join(axis.split()) for axis in cmd.axes)
    if len(names) != 2:
        return Refusal(f"een matrix heeft twee assen, niet {len(names)}")
    if not all(names):
        return Refusal("een as heeft een naam nodig")
    if any(len(name) > MAX_AXIS for name in names):
        return Refusal(f"de naam van een as is te lang (hoogstens {MAX_AXIS} tekens)")
    if names[0].casefold() == names[1].casefold():
        return Refusal("de twee assen hebben dezelfde naam")
    return names


BuiltOptions = tuple[tuple[BallotOption, ...], StatementInfo | None, str]


def _ballot_options(
    state: SessionState, cmd: c.OpenBallot, deck: Deck | None
) -> BuiltOptions | Refusal:
    if cmd.source == "statement":
        return _statement_options(state, cmd, deck)
    if cmd.method == "consent" or cmd.source in ("proposal", "action"):
        return _consent_options(state, cmd)
    if cmd.method == "likert":
        return Refusal("een stemronde met schaal 1–5 gaat over één stelling")
    if cmd.source == "approaches":
        approaches = [
            a for a in state.approaches.values() if state.stakeholders[a.stakeholder_id].present
        ]
        if len(approaches) < 2:
            return Refusal("er zijn minstens twee aanpakken nodig om over te stemmen")
        options = tuple(
            BallotOption(
                str(n),
                f"{a.card_title} ({state.stakeholders[a.stakeholder_id].name})",
                ref=a.id,
            )
            for n, a in enumerate(approaches, start=1)
        )
        return options, None, "Stemming over de aanpakken"
    if cmd.source == "dilemma":
        problem = _deck_problem(state, deck)
        if problem is not None:
            return problem
        assert deck is not None
        card = deck.get(cmd.dilemma_id or "")
        if not isinstance(card, DilemmaCard):
            known = [d.id for d in deck.of_type(DilemmaCard)]
            hint = _hint(cmd.dilemma_id or "", known)
            return Refusal(f"geen dilemmakaart '{cmd.dilemma_id}'{hint}")
        if len(card.options) < 2:
            return Refusal(f"dilemmakaart '{card.id}' heeft geen keuzes om over te stemmen")
        labels = tuple(str(option) for option in card.options)
        return _numbered(labels), None, str(card.question)
    if cmd.source == "options":
        labels = tuple(label.strip() for label in cmd.options)
        if len(labels) < 2:
            return Refusal("geef minstens twee opties")
        if len(labels) > MAX_OPTIONS:
            return Refusal(f"hoogstens {MAX_OPTIONS} opties")
        if any(not label for label in labels):
            return Refusal("een optie mag niet leeg zijn")
        if any(len(label) > MAX_OPTION_LABEL for label in labels):
            return Refusal(f"een optie is te lang (hoogstens {MAX_OPTION_LABEL} tekens)")
        if len({label.casefold() for label in labels}) != len(labels):
            return Refusal("twee opties zijn gelijk")
        return _numbered(labels), None, "Stemronde"
    return Refusal(f"onbekende bron van opties '{cmd.source}'")


def _consent_options(state: SessionState, cmd: c.OpenBallot) -> BuiltOptions | Refusal:
    if cmd.method != "consent" or cmd.source not in ("proposal", "action"):
        return Refusal("instemming gaat over één voorstel of één actie (methode consent)")
    if cmd.source == "action":
        action = state.actions.get(cmd.action_id or "")
        if action is None:
            known = f" (kies uit: {', '.join(state.actions)})" if state.actions else ""
            return Refusal(f"er is geen actie '{cmd.action_id}' op het actieplan{known}")
        options = tuple(BallotOption(o.id, o.label, ref=action.id) for o in CONSENT_OPTIONS)
        return options, None, action.fields.title
    if len(cmd.options) != 1:
        return Refusal("geef één voorstel om over in te stemmen")
    proposal = _text(cmd.options[0], "het voorstel", MAX_OPTION_LABEL, required=True)
    if isinstance(proposal, Refusal):
        return proposal
    return CONSENT_OPTIONS, None, proposal


def _numbered(labels: tuple[str, ...]) -> tuple[BallotOption, ...]:
    return tuple(BallotOption(str(n), label) for n, label in enumerate(labels, start=1))


def _statement_options(
    state: SessionState, cmd: c.OpenBallot, deck: Deck | None
) -> BuiltOptions | Refusal:
    if cmd.method != "likert":
        return Refusal("over een stelling stem je met de schaal 1–5 (methode likert)")
    if cmd.statement_id is None:
        if len(cmd.options) != 1 or not cmd.options[0].strip():
            return Refusal("geef een stellingkaart, of precies één eigen stelling")
        text = cmd.options[0].strip()
        if len(text) > MAX_OPTION_LABEL:
            return Refusal(f"de stelling is te lang (hoogstens {MAX_OPTION_LABEL} tekens)")
        statement = StatementInfo(None, text, tuple(o.label for o in LIKERT_OPTIONS))
        return LIKERT_OPTIONS, statement, text
    problem = _deck_problem(state, deck)
    if problem is not None:
        return problem
    assert deck is not None
    card = deck.get(cmd.statement_id)
    if not isinstance(card, StatementCard | WillingnessCard):
        known = [s.id for s in (*deck.of_type(StatementCard), *deck.of_type(WillingnessCard))]
        return Refusal(f"geen stellingkaart '{cmd.statement_id}'{_hint(cmd.statement_id, known)}")
    scale = tuple(str(label) for label in card.scale)
    options = tuple(BallotOption(str(n), label) for n, label in enumerate(scale, start=1))
    benchmark = card.benchmark
    statement = StatementInfo(
        card.id,
        str(card.text),
        scale,
        benchmark=tuple(benchmark.percentages) if benchmark else None,
        benchmark_n=benchmark.n if benchmark else None,
        benchmark_table=benchmark.table if benchmark else None,
    )
    return options, statement, str(card.text)


def _open_ballot_of(state: SessionState, ballot_id: str) -> Ballot | Refusal:
    ballot = state.ballots.get(ballot_id)
    if ballot is None:
        known = f" (kies uit: {', '.join(state.ballots)})" if state.ballots else ""
        return Refusal(f"er is geen stemronde '{ballot_id}'{known}")
    return ballot


def _close(state: SessionState, cmd: c.CloseBallot, deck: Deck | None, at: str) -> Outcome:
    ballot = _open_ballot_of(state, cmd.ballot_id)
    if isinstance(ballot, Refusal):
        return ballot
    if not ballot.is_open:
        return Refusal(f"stemronde {ballot.id} is al gesloten")
    return e.BallotClosed(at=at, ballot_id=ballot.id)


def _reopen(state: SessionState, cmd: c.ReopenBallot, deck: Deck | None, at: str) -> Outcome:
    ballot = _open_ballot_of(state, cmd.ballot_id)
    if isinstance(ballot, Refusal):
        return ballot
    if ballot.is_open:
        return Refusal(f"stemronde {ballot.id} is nog open")
    return e.BallotReopened(at=at, ballot_id=ballot.id, previous_closed_at=ballot.closed_at)


def _reveal(state: SessionState, cmd: c.RevealBallot, deck: Deck | None, at: str) -> Outcome:
    ballot = _open_ballot_of(state, cmd.ballot_id)
    if isinstance(ballot, Refusal):
        return ballot
    if results_visible(ballot):
        return Refusal(f"de uitslag van stemronde {ballot.id} is al zichtbaar")
    return e.BallotRevealed(at=at, ballot_id=ballot.id)


def _due(value: str | None) -> str | Refusal | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return Refusal(f"'{value}' is geen datum (schrijf JJJJ-MM-DD)")


def _owner(state: SessionState, owner: str | None) -> str | Refusal | None:
    if not owner:
        return None
    stakeholder = state.stakeholders.get(owner)
    if stakeholder is None:
        return Refusal(f"er is geen belanghebbende '{owner}'")
    return stakeholder.id


def _approach(state: SessionState, approach_id: str | None) -> str | Refusal | None:
    if not approach_id:
        return None
    if approach_id not in state.approaches:
        return Refusal(f"er is geen aanpak '{approach_id}'")
    return approach_id


def _add_action(state: SessionState, cmd: c.AddAction, deck: Deck | None, at: str) -> Outcome:
    title = _text(cmd.title, "de actie", MAX_OPTION_LABEL, required=True)
    if isinstance(title, Refusal):
        return title
    note = _text(cmd.note, "de notitie", MAX_NOTE, required=False)
    if isinstance(note, Refusal):
        return note
    owner = _owner(state, cmd.owner)
    if isinstance(owner, Refusal):
        return owner
    approach = _approach(state, cmd.approach_id)
    if isinstance(approach, Refusal):
        return approach
    due = _due(cmd.due)
    if isinstance(due, Refusal):
        return due
    fields = ActionFields(title=title, owner=owner, approach_id=approach, due=due, note=note)
    return e.ActionAdded(at=at, action_id=state.next_id("x"), fields=fields)


def _edit_action(state: SessionState, cmd: c.EditAction, deck: Deck | None, at: str) -> Outcome:
    action = state.actions.get(cmd.action_id)
    if action is None:
        return Refusal(f"er is geen actie '{cmd.action_id}'")
    before = action.fields
    changes: dict[str, Any] = {}
    if cmd.title is not None:
        title = _text(cmd.title, "de actie", MAX_OPTION_LABEL, required=True)
        if isinstance(title, Refusal):
            return title
        changes["title"] = title
    if cmd.note is not None:
        note = _text(cmd.note, "de notitie", MAX_NOTE, required=False)
        if isinstance(note, Refusal):
            return note
        changes["note"] = note
    checks: tuple[tuple[str, str | None, Callable[[SessionState, str | None], Any]], ...] = (
        ("owner", cmd.owner, _owner),
        ("approach_id", cmd.approach_id, _approach),
        ("due", cmd.due, lambda _state, value: _due(value)),
    )
    for name, value, check in checks:
        if value is not None:
            checked = check(state, value)
            if isinstance(checked, Refusal):
                return checked
            changes[name] = checked
    if cmd.done is not None:
        changes["done"] = cmd.done
    after = ActionFields(**{**before.__dict__, **changes})
    if after == before:
        return Refusal("de actie is niet gewijzigd")
    return e.ActionEdited(at=at, action_id=action.id, before=before, after=after)


def _record_deck(state: SessionState, cmd: c.RecordDeck, deck: Deck | None, at: str) -> Outcome:
    assert state.info is not None
    if state.info.deck_files:
        return Refusal(_("de sessie bewaart haar deck al"))
    if cmd.deck_id != state.info.deck_id:
        return Refusal(
            _("deze sessie speelt met deck '{wanted}', niet met '{other}'").format(
                wanted=state.info.deck_id, other=cmd.deck_id
            )
        )
    if not cmd.files:
        return Refusal(_("er zijn geen deckbestanden om te bewaren"))
    return e.DeckRecorded(at=at, deck_id=cmd.deck_id, files=cmd.files)


def _undo(state: SessionState, cmd: c.Undo, deck: Deck | None, at: str) -> Outcome:
    if not state.undo:
        return Refusal("er is niets om ongedaan te maken")
    seq, event = state.undo[-1]
    if isinstance(event, e.BallotOpened):
        ballot = state.ballots.get(event.ballot_id)
        if ballot is not None and (ballot.votes or ballot.paper_votes):
            return Refusal(
                f"stemronde {event.ballot_id} heeft al stemmen; sluit ze in plaats van het "
                "openen ongedaan te maken"
            )
    return e.Undone(at=at, target=seq, target_kind=event.kind)


Handler = Callable[[SessionState, Any, Deck | None, str], Outcome]

_FACILITATOR: dict[type, Handler] = {
    c.SetCase: _set_case,
    c.AddStakeholder: _add_stakeholder,
    c.RemoveStakeholder: _remove_stakeholder,
    c.AdvanceRound: _advance,
    c.GoBack: _go_back,
    c.ExtendRound: _extend,
    c.RecordConcern: _record_concern,
    c.RecordApproach: _record_approach,
    c.OpenBallot: _open_ballot,
    c.CastPaperVote: _cast_paper,
    c.CloseBallot: _close,
    c.ReopenBallot: _reopen,
    c.RevealBallot: _reveal,
    c.AddAction: _add_action,
    c.EditAction: _edit_action,
    c.RecordDeck: _record_deck,
    c.Undo: _undo,
}

_NEEDS_DECK: frozenset[type] = frozenset({c.AddStakeholder, c.RecordConcern, c.RecordApproach})
