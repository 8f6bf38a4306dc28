"""What the session report says: every section as plain data, for paper and for screen.

The PDF report (`print/report.py`) and the Markdown export (`game/export.py`) both render
this one read model, so they always hold the same sections with the same figures. It reads
the state by the rules of `game.engine.views`: a tally only once its results are visible,
never a vote per person. Participants appear only as a count: the session does not ask
anyone's consent to be named in a report, so no participant name is ever put in here.

Figures are kept as numbers; `number_text`, `percent_text` and `dutch_date` write them the
way a Dutch reader expects (1.219, 19,4 %, 14 maart 2026), for both renderers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from catalogue import _, ngettext
from deck import Deck
from deck.model import (
    CARD_TYPES,
    CardBase,
    ConcernCard,
    DilemmaCard,
    ExampleCard,
    FormCard,
    Source,
    StatementCard,
    WillingnessCard,
    card_type,
)
from deck.survey import respondents, survey_n, survey_note
from game.engine.balance import balance_warnings
from game.engine.ballots import (
    MatrixPoint,
    blocked_actions,
    method_label,
    ranked,
    results_visible,
    tally,
)
from game.engine.case_text import CaseText, parse_case
from game.engine.state import Ballot, BallotMethod, SessionState

TIME_ZONE = "Europe/Brussels"
"""Sessions are stored in UTC; a report gives the time of the room, a Flemish one."""

SECTION_TITLES: dict[str, str] = {
    "case": "Casus",
    "table": "Aan tafel",
    "statements": "Stellingen",
    "concerns": "Bezorgdheden",
    "approaches": "Aanpakken",
    "ballots": "Stemrondes",
    "balance": "Evenwicht",
    "actions": "Actieplan",
    "cards": "Gebruikte kaarten en bronnen",
}
"""Every section of the report, in order, with its Dutch heading (PDF and Markdown alike)."""

NOTHING_YET: dict[str, str] = {
    "case": "Er is geen casus beschreven.",
    "table": "Er zat nog niemand aan tafel.",
    "statements": "Er werd niet over stellingen gestemd.",
    "concerns": "Aan tafel werden nog geen bezorgdheden genoteerd.",
    "concern-cards": "Het kaartspel heeft geen bezorgdheidskaarten.",
    "approaches": "Er zijn nog geen aanpakken gekozen.",
    "ballots": "Er werd nog niet gestemd over aanpakken, dilemma’s of opties.",
    "actions": "Er staat nog niets op het actieplan.",
    "cards": "Er werden nog geen kaarten gebruikt.",
}
"""What a section says while the session has nothing for it yet."""

HIDDEN = "De uitslag is nog niet bekendgemaakt."
NO_VOTES = "Er werd nog niet gestemd."

CONSENT_NOTE = (
    "Deelnemers staan in dit verslag alleen als aantal: de sessie vraagt niemand toestemming "
    "om bij naam genoemd te worden."
)
"""Why the report counts participants instead of naming them."""

LEANINGS: dict[str, tuple[str, str]] = {
    "stelling": ("oneens", "eens"),
    "bereidheid": ("niet bereid", "bereid"),
}
"""How the report names answers 1–2 and 4–5 together, per kind of statement card."""

_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)
_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


# --- the sections ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportHeader:
    """What is on the cover: the case, when, which workshop and deck."""

    case: CaseText
    date: str
    """`zaterdag 14 maart 2026`, or empty when the session has no start time."""
    time: str
    """`20.30 uur`, local time."""
    workshop: str | None
    deck_title: str


@dataclass(frozen=True)
class Seat:
    """A stakeholder at the table, with what they brought in."""

    id: str
    name: str
    role: str
    present: bool
    concerns: int
    approaches: int
    actions: int
    """Actions of the plan this stakeholder takes on."""

    @property
    def named(self) -> bool:
        """Whether a person's name was given (otherwise the name is the role's title)."""
        return self.name != self.role


@dataclass(frozen=True)
class TableSection:
    """Who sat at the table: the stakeholders, and how many participants joined."""

    seats: tuple[Seat, ...]
    participants: int
    consent_note: str = CONSENT_NOTE

    @property
    def participants_sentence(self) -> str:
        """How many participants joined, in a sentence."""
        if not self.participants:
            return "Er meldden zich nog geen deelnemers aan om te stemmen."
        verb = "meldde zich" if self.participants == 1 else "meldden zich"
        return f"{plural(self.participants, 'deelnemer', 'deelnemers')} {verb} aan om te stemmen."


@dataclass(frozen=True)
class AnswerShare:
    """One answer of a statement: the table's count and share beside the survey's share."""

    label: str
    count: int
    percent: float
    benchmark_percent: int | None


@dataclass(frozen=True)
class StatementResult:
    """A likert ballot on a statement: the table's answers beside the survey's."""

    ballot_id: str
    text: str
    kind: str
    """The card type (`stelling`, `bereidheid`), or `stelling` for the table's own statement."""
    card_id: str | None
    is_open: bool
    anonymous: bool
    visible: bool
    """False while the results are still hidden: then only `voters` is known."""
    voters: int
    answers: tuple[AnswerShare, ...]
    mean: float | None
    low: float | None
    """Share of the table that (rather) disagreed: answers 1 and 2."""
    high: float | None
    """Share of the table that (rather) agreed: answers 4 and 5."""
    benchmark_n: int | None
    benchmark_table: str | None
    benchmark_low: int | None
    benchmark_high: int | None
    no_opinion: int = 0
    """Voters who answered "geen mening": counted apart, outside the percentages."""
    paper: int = 0
    """How many of the `voters` voted on a paper slip."""

    @property
    def answered(self) -> int:
        """Voters who gave an answer from 1 to 5: what the percentages are of."""
        return self.voters - self.no_opinion

    @property
    def leanings(self) -> tuple[str, str]:
        """What answers 1–2 and 4–5 mean together (`oneens`, `eens`)."""
        return LEANINGS.get(self.kind, LEANINGS["stelling"])

    @property
    def has_benchmark(self) -> bool:
        """Whether the survey's distribution is known for this statement."""
        return self.benchmark_n is not None and all(
            a.benchmark_percent is not None for a in self.answers
        )

    @property
    def summary(self) -> str:
        """The result in a sentence or two: how the table leans, and how the residents did."""
        low_word, high_word = self.leanings
        sentences = []
        if self.visible and self.answered and self.low is not None and self.high is not None:
            mean = f", gemiddeld {number_text(self.mean)} op 5" if self.mean is not None else ""
            sentences.append(
                f"Aan tafel {percent_text(self.low)} {low_word} en "
                f"{percent_text(self.high)} {high_word}{mean}."
            )
        if self.visible and self.no_opinion:
            sentences.append(
                f"{plural(self.no_opinion, 'deelnemer', 'deelnemers')} zonder mening, apart "
                "geteld: de percentages zijn van wie een antwoord gaf."
            )
        if self.paper:
            sentences.append(paper_sentence(self.paper))
        if self.has_benchmark and self.benchmark_low is not None:
            sentences.append(
                f"Bij de {respondents()} ({survey_n(self.benchmark_n)}) "
                f"{percent_text(self.benchmark_low)} {low_word} en "
                f"{percent_text(self.benchmark_high or 0)} {high_word}."
            )
        return " ".join(sentences)

    @property
    def survey_note(self) -> str:
        """Whose answers the survey figures are, and how many answered this item."""
        return survey_note(self.benchmark_n, self.benchmark_table)


@dataclass(frozen=True)
class RaisedConcern:
    """A concern one stakeholder raised, in their words."""

    stakeholder: str
    role: str
    text: str


@dataclass(frozen=True)
class ConcernGroup:
    """One concern card: its answer, and who raised the concern at this table."""

    concern_id: str
    title: str
    answer: str
    raised: tuple[RaisedConcern, ...]

    @property
    def raised_sentence(self) -> str:
        """How often the concern came up at the table."""
        if not self.raised:
            return "Niemand aan tafel noemde deze bezorgdheid."
        return f"{len(self.raised)}× genoemd"


@dataclass(frozen=True)
class GridEntry:
    """An approach in a cell of the grid."""

    approach_id: str
    title: str
    note: str


@dataclass(frozen=True)
class GridRow:
    """One stakeholder's approaches, one cell per participation form."""

    stakeholder: str
    role: str
    present: bool
    cells: tuple[tuple[GridEntry, ...], ...]


@dataclass(frozen=True)
class ApproachGrid:
    """The approaches in a stakeholder × form grid."""

    forms: tuple[tuple[str, str], ...]
    """(form id, title) per column, in the deck's order."""
    rows: tuple[GridRow, ...]
    total: int

    def per_form(self) -> tuple[int, ...]:
        """How many approaches each form column holds."""
        return tuple(
            sum(len(row.cells[column]) for row in self.rows) for column in range(len(self.forms))
        )


@dataclass(frozen=True)
class OptionResult:
    """One option of a ballot, as counted."""

    label: str
    count: int
    percent: float
    points: int
    mean_rank: float | None


@dataclass(frozen=True)
class BallotResult:
    """A ballot that is not a statement (dots, ranking, choice), its options best first."""

    ballot_id: str
    title: str
    method: BallotMethod
    method_label: str
    source: str
    is_open: bool
    anonymous: bool
    visible: bool
    voters: int
    total: int
    dots: int
    options: tuple[OptionResult, ...]
    """Best first when visible; in the ballot's own order while hidden (counts zero), and
    always for consent (akkoord, onthouding, bezwaar, blokkeren)."""
    reasons: tuple[tuple[str, str], ...] = ()
    """Consent: every reason given, with its answer; never with a name."""
    paper: int = 0
    """How many of the `voters` voted on a paper slip."""
    points: tuple[MatrixPoint, ...] = ()
    """Matrix: each option's place in the grid (empty while hidden)."""
    axes: tuple[str, ...] = ()
    """Matrix: the names of the two scales."""

    @property
    def blocked(self) -> bool:
        """Whether someone blocks this consent proposal."""
        return self.method == "consent" and any(
            option.label == "blokkeren" and option.count for option in self.options
        )

    @property
    def missing(self) -> str | None:
        """Why there is no result to show, or None when there is one."""
        if not self.visible:
            return HIDDEN
        return None if self.voters else NO_VOTES

    @property
    def unit(self) -> tuple[str, str]:
        """What a count counts, singular and plural."""
        if self.method == "dots":
            return ("stip", "stippen")
        if self.method == "ranking":
            return ("punt", "punten")
        return ("stem", "stemmen")

    def value(self, option: OptionResult) -> int:
        """What ranks an option: Borda points for a ranking, else its count."""
        return option.points if self.method == "ranking" else option.count

    def places(self) -> tuple[int, ...]:
        """Each option's place, best first; equal results share a place (1, 2, 2, 4).
        Consent keeps its answers' own order, numbered 1 to 4."""
        if self.method == "consent":
            return tuple(range(1, len(self.options) + 1))
        places: list[int] = []
        previous: int | None = None
        place = 0
        for index, option in enumerate(self.options, start=1):
            if self.value(option) != previous:
                place, previous = index, self.value(option)
            places.append(place)
        return tuple(places)

    def figure(self, option: OptionResult) -> str:
        """An option's result in words: `9 stippen · 25 %`, `23 punten · gem. plaats 1,8`."""
        if self.method == "ranking":
            place = (
                f" · gem. plaats {number_text(option.mean_rank)}"
                if option.mean_rank is not None
                else ""
            )
            return f"{plural(option.points, 'punt', 'punten')}{place}"
        one, many = self.unit
        return f"{plural(option.count, one, many)} · {percent_text(option.percent)}"

    @property
    def description(self) -> str:
        """How the ballot went: method, state, anonymity, who voted."""
        how = self.method_label
        if self.method == "dots":
            how += f", {plural(self.dots, 'stip', 'stippen')} per deelnemer"
        parts = [how, "nog open" if self.is_open else "gesloten"]
        if self.anonymous:
            parts.append("anoniem")
        voted = plural(self.voters, "deelnemer stemde", "deelnemers stemden")
        if self.visible and self.method == "dots" and self.voters:
            voted += f" ({plural(self.total, 'stip', 'stippen')})"
        parts.append(voted)
        if self.paper:
            parts.append(_("waarvan {count} op papier").format(count=self.paper))
        return " · ".join(parts)


@dataclass(frozen=True)
class BalanceSection:
    """The balance warnings: what the table's choice of approaches leaves out."""

    findings: tuple[str, ...]
    approaches: int

    @property
    def summary(self) -> str:
        """One sentence for when there is nothing, or before the list of findings."""
        if not self.approaches:
            return "Er zijn nog geen aanpakken gekozen: er valt nog niets af te wegen."
        if not self.findings:
            return (
                "Geen bevindingen: de gekozen aanpakken spreiden zich over de vormen, bereiken "
                "wie aan tafel zit en beantwoorden elke genoemde bezorgdheid."
            )
        count = len(self.findings)
        return f"{count} {'bevinding' if count == 1 else 'bevindingen'} bij de gekozen aanpakken:"


@dataclass(frozen=True)
class ActionRow:
    """An item of the action plan."""

    action_id: str
    title: str
    owner: str | None
    approach: str | None
    due: str | None
    """The date in Dutch (`1 mei 2026`)."""
    done: bool
    note: str
    blocked: bool = False
    """A participant blocked it in a consent ballot whose result the room may see."""

    @property
    def standing(self) -> str:
        """Where the action stands: `open`, `klaar`, and `geblokkeerd` when blocked."""
        done = "klaar" if self.done else "open"
        return f"{done} · geblokkeerd" if self.blocked else done


@dataclass(frozen=True)
class UsedCard:
    """A card that was on the table, with the numbers of its sources in `CardsSection`."""

    card_id: str
    title: str
    kind: str
    sources: tuple[int, ...]


@dataclass(frozen=True)
class CardGroup:
    """The cards used of one card type."""

    kind: str
    label: str
    cards: tuple[UsedCard, ...]


@dataclass(frozen=True)
class CardsSection:
    """The cards used in the session, per type, and their sources as a numbered list."""

    groups: tuple[CardGroup, ...]
    sources: tuple[str, ...]
    """Each source cited once; a card's `sources` are 1-based numbers into this list."""

    @property
    def count(self) -> int:
        """Number of cards used."""
        return sum(len(group.cards) for group in self.groups)


@dataclass(frozen=True)
class SessionReport:
    """The whole report, section by section (see `SECTION_TITLES`)."""

    header: ReportHeader
    table: TableSection
    statements: tuple[StatementResult, ...]
    concerns: tuple[ConcernGroup, ...]
    approaches: ApproachGrid
    ballots: tuple[BallotResult, ...]
    balance: BalanceSection
    actions: tuple[ActionRow, ...]
    cards: CardsSection
    type_labels: dict[str, str]
    """Card type → its label in the deck (`stelling` → `Stelling`)."""

    @property
    def concerns_raised(self) -> int:
        """Number of concerns raised at the table."""
        return sum(len(group.raised) for group in self.concerns)


# --- building it ---------------------------------------------------------------------------------


def session_report(state: SessionState, deck: Deck, zone: dt.tzinfo | None = None) -> SessionReport:
    """The report of a session as it stands, with the texts of `deck` (the session's deck).

    `zone` is the time zone dates are written in (default: `TIME_ZONE`).
    """
    language = deck.manifest.language
    names = {s.id: s.name for s in state.stakeholders.values()}
    statements = tuple(
        statement_result(b, deck) for b in state.ballots.values() if b.method == "likert"
    )
    ballots = tuple(ballot_result(b) for b in state.ballots.values() if b.method != "likert")
    blocked = blocked_actions(b for b in state.ballots.values() if results_visible(b))
    return SessionReport(
        header=_header(state, deck, zone or local_zone()),
        table=_table(state),
        statements=statements,
        concerns=_concerns(state, deck),
        approaches=_grid(state, deck),
        ballots=ballots,
        balance=BalanceSection(
            tuple(w.message for w in balance_warnings(state, deck)), len(state.approaches)
        ),
        actions=tuple(
            ActionRow(
                x.id,
                x.fields.title,
                names.get(x.fields.owner) if x.fields.owner else None,
                _approach_title(state, x.fields.approach_id),
                dutch_date(x.fields.due) if x.fields.due else None,
                x.fields.done,
                x.fields.note,
                x.id in blocked,
            )
            for x in state.actions.values()
        ),
        cards=_cards(state, deck),
        type_labels={
            kind: style.label.in_language(language) for kind, style in deck.manifest.types.items()
        },
    )


@cache
def local_zone() -> dt.tzinfo:
    """The report's time zone; UTC where the time-zone database is missing (bare Windows)."""
    try:
        return ZoneInfo(TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _header(state: SessionState, deck: Deck, zone: dt.tzinfo) -> ReportHeader:
    info = state.info
    language = deck.manifest.language
    deck_title = deck.manifest.title.in_language(language)
    if info is None:
        return ReportHeader(CaseText(), "", "", None, deck_title)
    started = dt.datetime.fromisoformat(info.started_at).astimezone(zone)
    return ReportHeader(
        case=parse_case(info.case),
        date=f"{_WEEKDAYS[started.weekday()]} {dutch_date(started.date().isoformat())}",
        time=f"{started:%H.%M} uur",
        workshop=info.workshop_title,
        deck_title=deck_title,
    )


def _table(state: SessionState) -> TableSection:
    concerns = _count(x.stakeholder_id for x in state.concerns.values())
    approaches = _count(a.stakeholder_id for a in state.approaches.values())
    actions = _count(x.fields.owner for x in state.actions.values() if x.fields.owner)
    seats = tuple(
        Seat(
            s.id,
            s.name,
            s.role_title,
            s.present,
            concerns.get(s.id, 0),
            approaches.get(s.id, 0),
            actions.get(s.id, 0),
        )
        for s in state.stakeholders.values()
    )
    return TableSection(seats, len(state.participants))


def _count(ids: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in ids:
        counts[key] = counts.get(key, 0) + 1
    return counts


def statement_result(
    ballot: Ballot, deck: Deck | None, *, visible: bool | None = None
) -> StatementResult:
    """A likert ballot's result beside the survey's, as every screen and the report show it.

    Without the deck (a session whose deck is out of reach), the card's kind defaults to a
    statement and the survey's leanings are summed from the ballot's own benchmark.
    `visible` overrides whether the room may see the results (a participant who voted on
    an after-vote ballot may see them before the room does).
    """
    statement = ballot.statement
    if visible is None:
        visible = results_visible(ballot)
    result = tally(ballot)
    known = deck is not None and statement is not None and statement.card_id
    card = deck.get(statement.card_id) if known else None  # type: ignore[union-attr,arg-type]
    kind = card_type(card) if card is not None else "stelling"
    answers = tuple(
        AnswerShare(
            row.label,
            row.count if visible else 0,
            row.percent if visible else 0.0,
            row.benchmark_percent,
        )
        for row in result.rows
    )
    low = high = None
    answered = result.voters - result.no_opinion
    if visible and answered:
        counts = [row.count for row in result.rows]
        low = round(100 * sum(counts[:2]) / answered, 1)
        high = round(100 * sum(counts[3:]) / answered, 1)
    benchmark = statement.benchmark if statement else None
    bench_low = bench_high = None
    if isinstance(card, StatementCard | WillingnessCard) and card.benchmark is not None:
        bench_low, bench_high = card.benchmark.low, card.benchmark.high
    elif benchmark is not None:
        bench_low, bench_high = sum(benchmark[:2]), sum(benchmark[3:])
    return StatementResult(
        ballot_id=ballot.id,
        text=statement.text if statement else ballot.title,
        kind=kind,
        card_id=statement.card_id if statement else None,
        is_open=ballot.is_open,
        anonymous=ballot.anonymous,
        visible=visible,
        voters=result.voters,
        answers=answers,
        mean=result.mean if visible else None,
        low=low,
        high=high,
        benchmark_n=statement.benchmark_n if statement else None,
        benchmark_table=statement.benchmark_table if statement else None,
        benchmark_low=bench_low,
        benchmark_high=bench_high,
        no_opinion=result.no_opinion if visible else 0,
        paper=result.paper,
    )


def paper_sentence(paper: int) -> str:
    """How many votes came on paper, in a sentence."""
    return ngettext(
        "{count} stem kwam op papier.", "{count} stemmen kwamen op papier.", paper
    ).format(count=paper)


def ballot_result(ballot: Ballot, *, visible: bool | None = None) -> BallotResult:
    """A dots, ranking, choice or consent ballot's result, best first once it may be shown
    (consent keeps its own order).

    `visible` overrides whether the room may see the results, as in `statement_result`.
    """
    if visible is None:
        visible = results_visible(ballot)
    result = tally(ballot)
    rows = ranked(result) if visible and ballot.method != "consent" else result.rows
    return BallotResult(
        ballot_id=ballot.id,
        title=ballot.title,
        method=ballot.method,
        method_label=method_label(ballot.method),
        source=ballot.source,
        is_open=ballot.is_open,
        anonymous=ballot.anonymous,
        visible=visible,
        voters=result.voters,
        total=result.total if visible else 0,
        dots=ballot.dots,
        options=tuple(
            OptionResult(
                row.label,
                row.count if visible else 0,
                row.percent if visible else 0.0,
                row.points if visible else 0,
                row.mean_rank if visible else None,
            )
            for row in rows
        ),
        reasons=result.reasons if visible else (),
        paper=result.paper,
        points=result.points if visible else (),
        axes=result.axes,
    )


def _concerns(state: SessionState, deck: Deck) -> tuple[ConcernGroup, ...]:
    language = deck.manifest.language
    seats = state.stakeholders
    raised: dict[str, list[RaisedConcern]] = {}
    titles: dict[str, str] = {}
    for concern in state.concerns.values():
        seat = seats.get(concern.stakeholder_id)
        raised.setdefault(concern.concern_id, []).append(
            RaisedConcern(
                seat.name if seat else concern.stakeholder_id,
                seat.role_title if seat else "",
                concern.text,
            )
        )
        titles.setdefault(concern.concern_id, concern.concern_title)
    groups = [
        ConcernGroup(
            card.id,
            card.title.in_language(language),
            card.answer.in_language(language),
            tuple(raised.pop(card.id, ())),
        )
        for card in deck.of_type(ConcernCard)
    ]
    # Concerns under a card the deck no longer has (the session was played with another
    # deck) keep their place, without an answer to read out.
    groups += [
        ConcernGroup(concern_id, titles[concern_id], "", tuple(items))
        for concern_id, items in raised.items()
    ]
    return tuple(groups)


def _grid(state: SessionState, deck: Deck) -> ApproachGrid:
    language = deck.manifest.language
    forms = [(f.id, f.title.in_language(language)) for f in deck.of_type(FormCard)]
    known = {form_id for form_id, _ in forms}
    for approach in state.approaches.values():
        if approach.form not in known:
            known.add(approach.form)
            forms.append((approach.form, approach.form))
    column = {form_id: index for index, (form_id, _) in enumerate(forms)}
    rows = []
    for seat in state.stakeholders.values():
        cells: list[list[GridEntry]] = [[] for _ in forms]
        for approach in state.approaches.values():
            if approach.stakeholder_id == seat.id:
                cells[column[approach.form]].append(
                    GridEntry(approach.id, approach.card_title, approach.note)
                )
        # Who left the table without choosing anything has no row to show.
        if seat.present or any(cells):
            rows.append(GridRow(seat.name, seat.role_title, seat.present, tuple(map(tuple, cells))))
    return ApproachGrid(tuple(forms), tuple(rows), len(state.approaches))


def _approach_title(state: SessionState, approach_id: str | None) -> str | None:
    if approach_id is None:
        return None
    approach = state.approaches.get(approach_id)
    return approach.card_title if approach else approach_id


def _cards(state: SessionState, deck: Deck) -> CardsSection:
    used: dict[str, CardBase] = {}

    def use(card_id: str | None) -> None:
        card = deck.get(card_id) if card_id else None
        if card is not None and card.id not in used:
            used[card.id] = card

    for seat in state.stakeholders.values():
        use(seat.role_id)
    for concern in state.concerns.values():
        use(concern.concern_id)
    for approach in state.approaches.values():
        use(approach.card_id)
        card = deck.get(approach.card_id)
        if isinstance(card, ExampleCard):
            use(card.form)
    dilemmas = {str(d.question): d.id for d in deck.of_type(DilemmaCard)}
    for ballot in state.ballots.values():
        if ballot.statement is not None:
            use(ballot.statement.card_id)
        elif ballot.source == "dilemma":
            # A dilemma ballot keeps the card's question as its default title.
            use(dilemmas.get(ballot.title))
    language = deck.manifest.language
    sources: list[str] = []
    numbers: dict[str, int] = {}
    groups = []
    for kind in CARD_TYPES:
        cards = [card for card in used.values() if card_type(card) == kind]
        if not cards:
            continue
        entries = []
        for card in cards:
            refs = []
            for source in card.sources:
                cited = cite(source)
                if cited not in numbers:
                    sources.append(cited)
                    numbers[cited] = len(sources)
                refs.append(numbers[cited])
            entries.append(UsedCard(card.id, card.title.in_language(language), kind, tuple(refs)))
        style = deck.manifest.types.get(kind)
        label = style.label.in_language(language) if style else kind
        groups.append(CardGroup(kind, label, tuple(entries)))
    return CardsSection(tuple(groups), tuple(sources))


def cite(source: Source) -> str:
    """A source as a reference: author (year). Title. Address."""
    head = source.author or ""
    if source.year:
        head = f"{head} ({source.year})" if head else f"({source.year})"
    parts = [f"{head}." if head else "", f"{source.title.rstrip('.')}."]
    if source.url:
        parts.append(source.url)
    return " ".join(part for part in parts if part)


# --- writing figures ---------------------------------------------------------------------------


def number_text(value: float) -> str:
    """A number the Dutch way: 1.219 for a whole number, 3,8 with a decimal comma."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def mean_spread(point: MatrixPoint, axis: int) -> str:
    """A matrix option's mean ± spread on one axis (0 or 1), one decimal: `4,0 ± 0,8`;
    a dash while nobody placed it."""
    if point.means is None or point.spreads is None:
        return "–"
    mean, spread = point.means[axis], point.spreads[axis]
    return f"{mean:.1f} ± {spread:.1f}".replace(".", ",")


def plural(count: int, one: str, many: str) -> str:
    """A count with its noun: `1 stip`, `12 stippen`."""
    return f"{number_text(count)} {one if count == 1 else many}"


def who(name: str, role: str) -> str:
    """A stakeholder as people read it: `Els Vermeulen (Burgemeester)`, or only the role."""
    return name if not role or name == role else f"{name} ({role})"


def percent_text(value: float) -> str:
    """A share the Dutch way: `19,4 %`, `50 %`."""
    return f"{number_text(round(value, 1))} %"


def dutch_date(iso: str) -> str:
    """`2026-05-01` as `1 mei 2026`; a text that is no date stays as it is."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
