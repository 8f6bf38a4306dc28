"""Deciding: a command, checked against the state, becomes an event or is refused.

`decide` never changes anything and never fails for bad input: whatever is wrong with a
command comes back as a `Refusal` with a reason a person can act on, in their language. The caller
writes nothing for a refusal.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from catalogue import N_, Message
from deck.loaded_deck import Deck
from deck.model import (
    ConcernCard,
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
from game.engine.voters import vote_key

MAX_NAME = 60
MAX_NOTE = 1000
MAX_CASE = 4000
MAX_OPTIONS = 40
MAX_OPTION_LABEL = 200
MAX_DOTS = 20
MAX_EXTEND = 120


@dataclass(frozen=True)
class Refusal:
    """Why a command was not carried out, for the person who sent it.

    The reason is a `catalogue.Message`: it reads in the process's language, and a page that
    serves a bilingual room says it again in the reader's language (`in_language`).
    """

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
        return Refusal(Message("de sessie is nog niet gestart"))
    if isinstance(command, c.JoinParticipant):
        return _join(state, command, actor, at)
    if isinstance(command, c.CastVote):
        return _cast(state, command, actor, at)
    if actor.token_hash != state.info.facilitator_token_hash:
        return Refusal(Message("alleen de begeleider mag dit doen"))
    handler = _FACILITATOR.get(type(command))
    if handler is None:
        return Refusal(Message("onbekende opdracht {command}", command=type(command).__name__))
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
        return Refusal(Message("hiervoor is het kaartspel van de sessie nodig"))
    if deck.manifest.id != state.info.deck_id:
        return Refusal(
            Message(
                "de sessie speelt met deck '{session_deck}', niet met '{deck}'",
                session_deck=state.info.deck_id,
                deck=deck.manifest.id,
            )
        )
    return None


def _text(value: str | None, what: str, limit: int, *, required: bool) -> str | Refusal:
    text = (value or "").strip()
    if required and not text:
        return Refusal(Message("{what} mag niet leeg zijn", what=what))
    if len(text) > limit:
        return Refusal(
            Message(
                "{what} is te lang ({length} tekens; hoogstens {limit})",
                what=what,
                length=len(text),
                limit=limit,
            )
        )
    return text


def _hint(word: str, candidates: list[str]) -> str:
    hint = did_you_mean(word, candidates)
    return Message(" ({hint})", hint=hint) if hint else ""


def _choices(known: Iterable[str]) -> str:
    values = ", ".join(known)
    return Message(" (kies uit: {values})", values=values) if values else ""


def _start(state: SessionState, cmd: c.StartSession, actor: Actor, at: str) -> Outcome:
    if state.info is not None:
        return Refusal(Message("de sessie is al gestart"))
    if not is_join_code(cmd.join_code):
        return Refusal(Message("'{code}' is geen geldige deelnamecode", code=cmd.join_code))
    if not cmd.session_id or not cmd.deck_id:
        return Refusal(Message("een sessie heeft een id en een deck nodig"))
    case = _text(cmd.case, Message("de casus"), MAX_CASE, required=False)
    if isinstance(case, Refusal):
        return case
    ids = [plan.id for plan in cmd.rounds]
    if len(set(ids)) != len(ids):
        return Refusal(Message("twee rondes van de werkvorm hebben dezelfde id"))
    if any(plan.minutes < 1 for plan in cmd.rounds):
        return Refusal(Message("elke ronde duurt minstens één minuut"))
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
        return Refusal(Message("onjuiste deelnamecode"))
    name = _text(cmd.name, Message("je naam"), MAX_NAME, required=True)
    if isinstance(name, Refusal):
        return name
    token_hash = actor.token_hash
    if token_hash in state.tokens or token_hash == state.info.facilitator_token_hash:
        return Refusal(Message("deze sleutel is al in gebruik; vraag een nieuwe aan"))
    known = find_participant_by_name(state, name)
    if known is not None:
        boss = state.info.facilitator_token_hash
        vouched = cmd.vouch is not None and hash_token(cmd.vouch) == boss
        proven = any(state.tokens.get(hash_token(token)) == known for token in cmd.proof)
        if not (vouched or proven):
            # A name is not a password: typing someone's name must not take over their votes.
            return Refusal(
                Message(
                    "deze naam is al in gebruik ({name}); kies een andere naam, of vraag de "
                    "begeleider je opnieuw toe te laten",
                    name=state.participants[known].name,
                )
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
            return Refusal(Message("de begeleider stemt niet; alleen deelnemers stemmen"))
        return Refusal(Message("onbekende deelnemer: meld je eerst aan met de deelnamecode"))
    ballot = state.ballots.get(cmd.ballot_id)
    if ballot is None:
        return Refusal(Message("er is geen stemronde '{ballot}'", ballot=cmd.ballot_id))
    if not ballot.is_open:
        return Refusal(
            Message("stemronde {ballot} is gesloten; je stem telt niet meer", ballot=ballot.id)
        )
    problem = vote_problem(ballot, cmd.choices)
    if problem is not None:
        return Refusal(problem)
    reason = _text(cmd.reason, Message("je toelichting"), MAX_NOTE, required=False)
    if isinstance(reason, Refusal):
        return reason
    missing = reason_problem(ballot, cmd.choices, reason)
    if missing is not None:
        return Refusal(missing)
    if ballot.anonymous:
        reissued = state.reissued.get(actor.token_hash)
        if reissued is not None and reissued > ballot.opened_seq:
            # The old token may have voted here under its own pseudonym, and nothing in the
            # file links the two: a second vote could not replace the first.
            return Refusal(
                Message(
                    "je kreeg een nieuwe sleutel nadat anonieme stemronde {id} openging; op die "
                    "stemronde stem je niet opnieuw (een stem met je vorige sleutel blijft tellen)",
                    id=ballot.id,
                )
            )
    return e.VoteCast(
        at=at,
        ballot_id=ballot.id,
        participant_id=vote_key(ballot, participant_id, actor.token),
        choices=tuple(cmd.choices),
        reason=reason or None,
    )


# --- facilitator commands ------------------------------------------------------------


def _cast_paper(state: SessionState, cmd: c.CastPaperVote, deck: Deck | None, at: str) -> Outcome:
    ballot = state.ballots.get(cmd.ballot_id)
    if ballot is None:
        return Refusal(Message("er is geen stemronde '{ballot}'", ballot=cmd.ballot_id))
    if not ballot.is_open:
        return Refusal(
            Message(
                "stemronde {ballot} is gesloten; deze stembrief telt niet meer", ballot=ballot.id
            )
        )
    problem = vote_problem(ballot, cmd.choices)
    if problem is not None:
        return Refusal(Message("stembrief: {problem}", problem=problem))
    reason = _text(cmd.reason, Message("de toelichting"), MAX_NOTE, required=False)
    if isinstance(reason, Refusal):
        return reason
    missing = reason_problem(ballot, cmd.choices, reason)
    if missing is not None:
        return Refusal(Message("stembrief: {missing}", missing=missing))
    return e.PaperVoteCast(
        at=at,
        ballot_id=ballot.id,
        slip=max(ballot.paper_votes, default=0) + 1,
        choices=tuple(cmd.choices),
        reason=reason or None,
    )


def _set_case(state: SessionState, cmd: c.SetCase, deck: Deck | None, at: str) -> Outcome:
    assert state.info is not None
    text = _text(cmd.text, Message("de casus"), MAX_CASE, required=False)
    if isinstance(text, Refusal):
        return text
    if text == state.info.case:
        return Refusal(Message("de casus is niet gewijzigd"))
    return e.CaseSet(at=at, before=state.info.case, after=text)


def _add_stakeholder(
    state: SessionState, cmd: c.AddStakeholder, deck: Deck | None, at: str
) -> Outcome:
    assert deck is not None
    card = deck.get(cmd.role_id)
    if not isinstance(card, RoleCard):
        roles = [role.id for role in deck.of_type(RoleCard)]
        return Refusal(
            Message(
                "geen rolkaart '{role}'{hint}", role=cmd.role_id, hint=_hint(cmd.role_id, roles)
            )
        )
    name = _text(cmd.name, Message("de naam"), MAX_NAME, required=False)
    if isinstance(name, Refusal):
        return name
    name = name or str(card.title)
    for seated in state.stakeholders.values():
        same_name = seated.name.casefold() == name.casefold()
        if seated.present and seated.role_id == card.id and same_name:
            return Refusal(
                Message("{name} zit al aan tafel als {role}", name=name, role=seated.role_title)
            )
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
        return Refusal(
            Message("er is geen belanghebbende '{stakeholder}'", stakeholder=stakeholder_id)
        )
    if not stakeholder.present:
        return Refusal(Message("{name} zit niet meer aan tafel", name=stakeholder.name))
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
        return Refusal(Message("deze sessie heeft geen rondes"))
    if state.round.index >= len(state.info.rounds) - 1:
        return Refusal(Message("dit is al de laatste ronde"))
    return e.RoundChanged(
        at=at,
        from_index=state.round.index,
        to_index=state.round.index + 1,
        previous_started_at=state.round.started_at,
    )


def _go_back(state: SessionState, cmd: c.GoBack, deck: Deck | None, at: str) -> Outcome:
    assert state.info is not None
    if not state.info.rounds:
        return Refusal(Message("deze sessie heeft geen rondes"))
    if state.round.index == 0:
        return Refusal(Message("dit is al de eerste ronde"))
    return e.RoundChanged(
        at=at,
        from_index=state.round.index,
        to_index=state.round.index - 1,
        previous_started_at=state.round.started_at,
    )


def _extend(state: SessionState, cmd: c.ExtendRound, deck: Deck | None, at: str) -> Outcome:
    assert state.info is not None
    if not state.info.rounds:
        return Refusal(Message("deze sessie heeft geen rondes"))
    if not 1 <= cmd.minutes <= MAX_EXTEND:
        return Refusal(
            Message(
                "verleng met 1 tot {most} minuten, niet {minutes}",
                most=MAX_EXTEND,
                minutes=cmd.minutes,
            )
        )
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
        return Refusal(
            Message(
                "geen bezorgdheidskaart '{concern}'{hint}",
                concern=cmd.concern_id,
                hint=_hint(cmd.concern_id, known),
            )
        )
    text = _text(cmd.text, Message("de bezorgdheid"), MAX_NOTE, required=False)
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
            Message(
                "'{card}' is geen voorbeeld- of vormkaart{hint}",
                card=cmd.card_id,
                hint=_hint(cmd.card_id, known),
            )
        )
    for approach in state.approaches.values():
        if approach.stakeholder_id == stakeholder.id and approach.card_id == card.id:
            return Refusal(
                Message("{name} koos '{title}' al", name=stakeholder.name, title=card.title)
            )
    note = _text(cmd.note, Message("de notitie"), MAX_NOTE, required=False)
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
        return Refusal(
            Message(
                "onbekende stemmethode '{method}' (kies uit {methods})",
                method=cmd.method,
                methods=methods,
            )
        )
    if cmd.reveal not in REVEAL_POLICIES:
        policies = ", ".join(REVEAL_POLICIES)
        return Refusal(
            Message(
                "onbekend moment voor de uitslag '{reveal}' (kies uit {policies})",
                reveal=cmd.reveal,
                policies=policies,
            )
        )
    built = _ballot_options(state, cmd, deck)
    if isinstance(built, Refusal):
        return built
    options, statement, default_title = built
    if cmd.method == "dots" and not 1 <= cmd.dots <= MAX_DOTS:
        return Refusal(
            Message(
                "geef elke deelnemer 1 tot {most} stippen, niet {dots}",
                most=MAX_DOTS,
                dots=cmd.dots,
            )
        )
    if cmd.no_opinion and cmd.method != "likert":
        return Refusal(Message("'geen mening' kan alleen bij een stemming op een schaal 1–5"))
    if cmd.method == "choice" and not 1 <= cmd.max_choices <= len(options):
        return Refusal(
            Message("het aantal keuzes moet tussen 1 en {most} liggen", most=len(options))
        )
    axes = _axes(cmd)
    if isinstance(axes, Refusal):
        return axes
    title = _text(cmd.title, Message("de titel"), MAX_OPTION_LABEL, required=False)
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
            return Refusal(Message("assen horen alleen bij een matrix (impact × haalbaarheid)"))
        return ()
    if not cmd.axes:
        return MATRIX_AXES
    names = tuple(" ".join(axis.split()) for axis in cmd.axes)
    if len(names) != 2:
        return Refusal(Message("een matrix heeft twee assen, niet {count}", count=len(names)))
    if not all(names):
        return Refusal(Message("een as heeft een naam nodig"))
    if any(len(name) > MAX_AXIS for name in names):
        return Refusal(
            Message("de naam van een as is te lang (hoogstens {most} tekens)", most=MAX_AXIS)
        )
    if names[0].casefold() == names[1].casefold():
        return Refusal(Message("de twee assen hebben dezelfde naam"))
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
        return Refusal(Message("een stemronde met schaal 1–5 gaat over één stelling"))
    if cmd.source == "approaches":
        approaches = [
            a for a in state.approaches.values() if state.stakeholders[a.stakeholder_id].present
        ]
        if len(approaches) < 2:
            return Refusal(Message("er zijn minstens twee aanpakken nodig om over te stemmen"))
        options = tuple(
            BallotOption(
                str(n),
                f"{a.card_title} ({state.stakeholders[a.stakeholder_id].name})",
                ref=a.id,
            )
            for n, a in enumerate(approaches, start=1)
        )
        # Titles of ours are recorded as msgids: each reader's view says them in its language.
        return options, None, N_("Stemming over de aanpakken")
    if cmd.source == "dilemma":
        problem = _deck_problem(state, deck)
        if problem is not None:
            return problem
        assert deck is not None
        card = deck.get(cmd.dilemma_id or "")
        if not isinstance(card, DilemmaCard):
            known = [d.id for d in deck.of_type(DilemmaCard)]
            hint = _hint(cmd.dilemma_id or "", known)
            return Refusal(
                Message("geen dilemmakaart '{dilemma}'{hint}", dilemma=cmd.dilemma_id, hint=hint)
            )
        if len(card.options) < 2:
            return Refusal(
                Message("dilemmakaart '{card}' heeft geen keuzes om over te stemmen", card=card.id)
            )
        labels = tuple(str(option) for option in card.options)
        return _numbered(labels), None, str(card.question)
    if cmd.source == "options":
        labels = tuple(label.strip() for label in cmd.options)
        if len(labels) < 2:
            return Refusal(Message("geef minstens twee opties"))
        if len(labels) > MAX_OPTIONS:
            return Refusal(Message("hoogstens {most} opties", most=MAX_OPTIONS))
        if any(not label for label in labels):
            return Refusal(Message("een optie mag niet leeg zijn"))
        if any(len(label) > MAX_OPTION_LABEL for label in labels):
            return Refusal(
                Message("een optie is te lang (hoogstens {most} tekens)", most=MAX_OPTION_LABEL)
            )
        if len({label.casefold() for label in labels}) != len(labels):
            return Refusal(Message("twee opties zijn gelijk"))
        return _numbered(labels), None, N_("Stemronde")
    return Refusal(Message("onbekende bron van opties '{source}'", source=cmd.source))


def _consent_options(state: SessionState, cmd: c.OpenBallot) -> BuiltOptions | Refusal:
    if cmd.method != "consent" or cmd.source not in ("proposal", "action"):
        return Refusal(Message("instemming gaat over één voorstel of één actie (methode consent)"))
    if cmd.source == "action":
        action = state.actions.get(cmd.action_id or "")
        if action is None:
            known = _choices(state.actions)
            return Refusal(
                Message(
                    "er is geen actie '{action}' op het actieplan{known}",
                    action=cmd.action_id,
                    known=known,
                )
            )
        options = tuple(BallotOption(o.id, o.label, ref=action.id) for o in CONSENT_OPTIONS)
        return options, None, action.fields.title
    if len(cmd.options) != 1:
        return Refusal(Message("geef één voorstel om over in te stemmen"))
    proposal = _text(cmd.options[0], Message("het voorstel"), MAX_OPTION_LABEL, required=True)
    if isinstance(proposal, Refusal):
        return proposal
    return CONSENT_OPTIONS, None, proposal


def _numbered(labels: tuple[str, ...]) -> tuple[BallotOption, ...]:
    return tuple(BallotOption(str(n), label) for n, label in enumerate(labels, start=1))


def _statement_options(
    state: SessionState, cmd: c.OpenBallot, deck: Deck | None
) -> BuiltOptions | Refusal:
    if cmd.method != "likert":
        return Refusal(Message("over een stelling stem je met de schaal 1–5 (methode likert)"))
    if cmd.statement_id is None:
        if len(cmd.options) != 1 or not cmd.options[0].strip():
            return Refusal(Message("geef een stellingkaart, of precies één eigen stelling"))
        text = cmd.options[0].strip()
        if len(text) > MAX_OPTION_LABEL:
            return Refusal(
                Message("de stelling is te lang (hoogstens {most} tekens)", most=MAX_OPTION_LABEL)
            )
        statement = StatementInfo(None, text, tuple(o.label for o in LIKERT_OPTIONS))
        return LIKERT_OPTIONS, statement, text
    problem = _deck_problem(state, deck)
    if problem is not None:
        return problem
    assert deck is not None
    card = deck.get(cmd.statement_id)
    if not isinstance(card, StatementCard | WillingnessCard):
        known = [s.id for s in (*deck.of_type(StatementCard), *deck.of_type(WillingnessCard))]
        return Refusal(
            Message(
                "geen stellingkaart '{statement}'{hint}",
                statement=cmd.statement_id,
                hint=_hint(cmd.statement_id, known),
            )
        )
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
        known = _choices(state.ballots)
        return Refusal(
            Message("er is geen stemronde '{ballot}'{known}", ballot=ballot_id, known=known)
        )
    return ballot


def _close(state: SessionState, cmd: c.CloseBallot, deck: Deck | None, at: str) -> Outcome:
    ballot = _open_ballot_of(state, cmd.ballot_id)
    if isinstance(ballot, Refusal):
        return ballot
    if not ballot.is_open:
        return Refusal(Message("stemronde {ballot} is al gesloten", ballot=ballot.id))
    return e.BallotClosed(at=at, ballot_id=ballot.id)


def _reopen(state: SessionState, cmd: c.ReopenBallot, deck: Deck | None, at: str) -> Outcome:
    ballot = _open_ballot_of(state, cmd.ballot_id)
    if isinstance(ballot, Refusal):
        return ballot
    if ballot.is_open:
        return Refusal(Message("stemronde {ballot} is nog open", ballot=ballot.id))
    return e.BallotReopened(at=at, ballot_id=ballot.id, previous_closed_at=ballot.closed_at)


def _reveal(state: SessionState, cmd: c.RevealBallot, deck: Deck | None, at: str) -> Outcome:
    ballot = _open_ballot_of(state, cmd.ballot_id)
    if isinstance(ballot, Refusal):
        return ballot
    if results_visible(ballot):
        return Refusal(
            Message("de uitslag van stemronde {ballot} is al zichtbaar", ballot=ballot.id)
        )
    return e.BallotRevealed(at=at, ballot_id=ballot.id)


def _due(value: str | None) -> str | Refusal | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        return Refusal(Message("'{value}' is geen datum (schrijf JJJJ-MM-DD)", value=value))


def _owner(state: SessionState, owner: str | None) -> str | Refusal | None:
    if not owner:
        return None
    stakeholder = state.stakeholders.get(owner)
    if stakeholder is None:
        return Refusal(Message("er is geen belanghebbende '{owner}'", owner=owner))
    return stakeholder.id


def _approach(state: SessionState, approach_id: str | None) -> str | Refusal | None:
    if not approach_id:
        return None
    if approach_id not in state.approaches:
        return Refusal(Message("er is geen aanpak '{approach}'", approach=approach_id))
    return approach_id


def _add_action(state: SessionState, cmd: c.AddAction, deck: Deck | None, at: str) -> Outcome:
    title = _text(cmd.title, Message("de actie"), MAX_OPTION_LABEL, required=True)
    if isinstance(title, Refusal):
        return title
    note = _text(cmd.note, Message("de notitie"), MAX_NOTE, required=False)
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
        return Refusal(Message("er is geen actie '{action}'", action=cmd.action_id))
    before = action.fields
    changes: dict[str, Any] = {}
    if cmd.title is not None:
        title = _text(cmd.title, Message("de actie"), MAX_OPTION_LABEL, required=True)
        if isinstance(title, Refusal):
            return title
        changes["title"] = title
    if cmd.note is not None:
        note = _text(cmd.note, Message("de notitie"), MAX_NOTE, required=False)
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
        return Refusal(Message("de actie is niet gewijzigd"))
    return e.ActionEdited(at=at, action_id=action.id, before=before, after=after)


def _record_deck(state: SessionState, cmd: c.RecordDeck, deck: Deck | None, at: str) -> Outcome:
    assert state.info is not None
    if state.info.deck_files:
        return Refusal(Message("de sessie bewaart haar deck al"))
    if cmd.deck_id != state.info.deck_id:
        return Refusal(
            Message(
                "deze sessie speelt met deck '{wanted}', niet met '{other}'",
                wanted=state.info.deck_id,
                other=cmd.deck_id,
            )
        )
    if not cmd.files:
        return Refusal(Message("er zijn geen deckbestanden om te bewaren"))
    return e.DeckRecorded(at=at, deck_id=cmd.deck_id, files=cmd.files)


def _undo(state: SessionState, cmd: c.Undo, deck: Deck | None, at: str) -> Outcome:
    if not state.undo:
        return Refusal(Message("er is niets om ongedaan te maken"))
    seq, event = state.undo[-1]
    if isinstance(event, e.BallotOpened):
        ballot = state.ballots.get(event.ballot_id)
        if ballot is not None and (ballot.votes or ballot.paper_votes):
            return Refusal(
                Message(
                    "stemronde {ballot} heeft al stemmen; sluit ze in plaats van het openen "
                    "ongedaan te maken",
                    ballot=event.ballot_id,
                )
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
