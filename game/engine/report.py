"""What the session report says: every section as plain data, for paper and for screen.

The PDF report (`print/report.py`) and the Markdown export (`game/export.py`) both render
this one read model, so they always hold the same sections with the same figures. It reads
the state by the rules of `game.engine.views`: a tally only once its results are visible,
never a vote per person. Participants appear only as a count: the session does not ask
anyone's consent to be named in a report, so no participant name is ever put in here.

Every sentence and label is in one reader's language (`language`, the process's when it
is None), kept on the result as `.language` for the renderers: the room web builds one
result per language for the Dutch and the French phones it serves from one process. Card
texts come from the deck in that language, each falling back to the deck's own.

Figures are kept as numbers; `number_text`, `percent_text` and `date_text` write them the
way the reader expects (1.219 or 1 219, 19,4 %, 14 maart 2026 or 14 mars 2026).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from catalogue import N_, SOURCE_LANGUAGE, current_language, translation, translator
from deck import Deck
from deck.card_types import CARD_TYPES, card_type
from deck.model import (
    CardBase,
    ConcernCard,
    ExampleCard,
    FormCard,
    RoleCard,
    Source,
    StatementCard,
    WillingnessCard,
)
from deck.survey import percent, respondents, survey_n, survey_note, thousands
from deck.text import Text
from game.engine.answers import (
    ballot_title,
    dilemma_card,
    option_labels,
    seat_name,
    statement_card,
)
from game.engine.balance import balance_warnings
from game.engine.ballots import (
    MatrixPoint,
    axes_of,
    blocked_actions,
    method_label,
    ranked,
    results_visible,
    tally,
)
from game.engine.case_text import CaseText, parse_case
from game.engine.state import Ballot, BallotMethod, SessionState
from workshops.recorded import recorded_workshop, workshop_title

TIME_ZONE = "Europe/Brussels"
"""Sessions are stored in UTC; a report gives the time of the room, a Flemish one."""

SECTION_TITLES: dict[str, str] = {
    "case": N_("Casus"),
    "table": N_("Aan tafel"),
    "statements": N_("Stellingen"),
    "concerns": N_("Bezorgdheden"),
    "approaches": N_("Aanpakken"),
    "ballots": N_("Stemrondes"),
    "balance": N_("Evenwicht"),
    "actions": N_("Actieplan"),
    "cards": N_("Gebruikte kaarten en bronnen"),
}
"""Every section of the report, in order, with its heading (msgids: show with `_()`)."""

NOTHING_YET: dict[str, str] = {
    "case": N_("Er is geen casus beschreven."),
    "table": N_("Er zat nog niemand aan tafel."),
    "statements": N_("Er werd niet over stellingen gestemd."),
    "concerns": N_("Aan tafel werden nog geen bezorgdheden genoteerd."),
    "concern-cards": N_("Het kaartspel heeft geen bezorgdheidskaarten."),
    "approaches": N_("Er zijn nog geen aanpakken gekozen."),
    "ballots": N_("Er werd nog niet gestemd over aanpakken, dilemma’s of opties."),
    "actions": N_("Er staat nog niets op het actieplan."),
    "cards": N_("Er werden nog geen kaarten gebruikt."),
}
"""What a section says while the session has nothing for it yet (msgids)."""

HIDDEN = N_("De uitslag is nog niet bekendgemaakt.")
NO_VOTES = N_("Er werd nog niet gestemd.")

CONSENT_NOTE = N_(
    "Deelnemers staan in dit verslag alleen als aantal: de sessie vraagt niemand toestemming "
    "om bij naam genoemd te worden."
)
"""Why the report counts participants instead of naming them."""

LEANINGS: dict[str, tuple[str, str]] = {
    "stelling": (N_("oneens"), N_("eens")),
    "bereidheid": (N_("niet bereid"), N_("bereid")),
}
"""How the report names answers 1–2 and 4–5 together, per kind of statement card (msgids)."""

_MONTHS = (
    N_("januari"),
    N_("februari"),
    N_("maart"),
    N_("april"),
    N_("mei"),
    N_("juni"),
    N_("juli"),
    N_("augustus"),
    N_("september"),
    N_("oktober"),
    N_("november"),
    N_("december"),
)
_WEEKDAYS = (
    N_("maandag"),
    N_("dinsdag"),
    N_("woensdag"),
    N_("donderdag"),
    N_("vrijdag"),
    N_("zaterdag"),
    N_("zondag"),
)


# --- the sections ------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportHeader:
    """What is on the cover: the case, when, which workshop and deck."""

    case: CaseText
    date: str
    """`zaterdag 14 maart 2026`, or empty when the session has no start time."""
    time: str
    """`20.30 uur` (`20 h 30`), local time."""
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
    named: bool = True
    """Whether a person's name was given (otherwise `name` is the role's title)."""


@dataclass(frozen=True)
class TableSection:
    """Who sat at the table: the stakeholders, and how many participants joined."""

    seats: tuple[Seat, ...]
    participants: int
    language: str = SOURCE_LANGUAGE

    @property
    def consent_note(self) -> str:
        """Why participants are only counted."""
        return translator(self.language)(CONSENT_NOTE)

    @property
    def participants_sentence(self) -> str:
        """How many participants joined, in a sentence."""
        words = translation(self.language)
        if not self.participants:
            return words.gettext("Er meldden zich nog geen deelnemers aan om te stemmen.")
        return words.ngettext(
            "{count} deelnemer meldde zich aan om te stemmen.",
            "{count} deelnemers meldden zich aan om te stemmen.",
            self.participants,
        ).format(count=number_text(self.participants, self.language))


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
    language: str = SOURCE_LANGUAGE
    """The language of the texts and sentences."""

    @property
    def answered(self) -> int:
        """Voters who gave an answer from 1 to 5: what the percentages are of."""
        return self.voters - self.no_opinion

    @property
    def leanings(self) -> tuple[str, str]:
        """What answers 1–2 and 4–5 mean together (`oneens`, `eens`)."""
        _ = translator(self.language)
        low, high = LEANINGS.get(self.kind, LEANINGS["stelling"])
        return _(low), _(high)

    @property
    def has_benchmark(self) -> bool:
        """Whether the survey's distribution is known for this statement."""
        return self.benchmark_n is not None and all(
            a.benchmark_percent is not None for a in self.answers
        )

    @property
    def summary(self) -> str:
        """The result in a sentence or two: how the table leans, and how the residents did."""
        language = self.language
        words = translation(language)
        low_word, high_word = self.leanings
        sentences = []
        if self.visible and self.answered and self.low is not None and self.high is not None:
            if self.mean is None:
                lean = words.gettext("Aan tafel {low} {low_word} en {high} {high_word}.")
            else:
                lean = words.gettext(
                    "Aan tafel {low} {low_word} en {high} {high_word}, gemiddeld {mean} op 5."
                )
            sentences.append(
                lean.format(
                    low=percent_text(self.low, language),
                    low_word=low_word,
                    high=percent_text(self.high, language),
                    high_word=high_word,
                    mean=number_text(self.mean, language) if self.mean is not None else "",
                )
            )
        if self.visible and self.no_opinion:
            sentences.append(
                words.ngettext(
                    "{count} deelnemer zonder mening, apart geteld: de percentages zijn van wie "
                    "een antwoord gaf.",
                    "{count} deelnemers zonder mening, apart geteld: de percentages zijn van wie "
                    "een antwoord gaf.",
                    self.no_opinion,
                ).format(count=number_text(self.no_opinion, language))
            )
        if self.paper:
            sentences.append(paper_sentence(self.paper, language))
        if self.has_benchmark and self.benchmark_low is not None:
            sentences.append(
                words.gettext(
                    "Bij de {respondents} ({n}) {low} {low_word} en {high} {high_word}."
                ).format(
                    respondents=respondents(language),
                    n=survey_n(self.benchmark_n, language),
                    low=percent_text(self.benchmark_low, language),
                    low_word=low_word,
                    high=percent_text(self.benchmark_high or 0, language),
                    high_word=high_word,
                )
            )
        return " ".join(sentences)

    @property
    def survey_note(self) -> str:
        """Whose answers the survey figures are, and how many answered this item."""
        return survey_note(self.benchmark_n, self.benchmark_table, self.language)


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
    language: str = SOURCE_LANGUAGE

    @property
    def raised_sentence(self) -> str:
        """How often the concern came up at the table."""
        _ = translator(self.language)
        if not self.raised:
            return _("Niemand aan tafel noemde deze bezorgdheid.")
        return _("{count}× genoemd").format(count=len(self.raised))


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
    option_id: str = ""


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
    language: str = SOURCE_LANGUAGE
    """The language of the labels and sentences."""

    @property
    def blocked(self) -> bool:
        """Whether someone blocks this consent proposal."""
        return self.method == "consent" and any(
            option.option_id == "blokkeren" and option.count for option in self.options
        )

    @property
    def missing(self) -> str | None:
        """Why there is no result to show, or None when there is one."""
        if not self.visible:
            return translator(self.language)(HIDDEN)
        return None if self.voters else translator(self.language)(NO_VOTES)

    def counted(self, count: int) -> str:
        """A count with what it counts: `1 stip`, `12 stippen`, `3 punten`, `5 stemmen`."""
        words = translation(self.language)
        if self.method == "dots":
            text = words.ngettext("{count} stip", "{count} stippen", count)
        elif self.method == "ranking":
            text = words.ngettext("{count} punt", "{count} punten", count)
        else:
            text = words.ngettext("{count} stem", "{count} stemmen", count)
        return text.format(count=number_text(count, self.language))

    @property
    def unit_title(self) -> str:
        """What the counts count, as a column heads it: `Stippen`, `Punten`, `Stemmen`."""
        # A context of its own: "Stemmen" alone is also the button that votes.
        words = translation(self.language)
        if self.method == "dots":
            return words.pgettext("aantal", "Stippen")
        if self.method == "ranking":
            return words.pgettext("aantal", "Punten")
        return words.pgettext("aantal", "Stemmen")

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
                translation(self.language)
                .gettext(" · gem. plaats {place}")
                .format(place=number_text(option.mean_rank, self.language))
                if option.mean_rank is not None
                else ""
            )
            return f"{self.counted(option.points)}{place}"
        return f"{self.counted(option.count)} · {percent_text(option.percent, self.language)}"

    @property
    def description(self) -> str:
        """How the ballot went: method, state, anonymity, who voted."""
        language = self.language
        words = translation(language)
        how = self.method_label
        if self.method == "dots":
            how = words.ngettext(
                "{method}, {count} stip per deelnemer",
                "{method}, {count} stippen per deelnemer",
                self.dots,
            ).format(method=how, count=number_text(self.dots, language))
        parts = [how, status_text(self.is_open, language)]
        if self.anonymous:
            parts.append(words.gettext("anoniem"))
        voted = words.ngettext(
            "{count} deelnemer stemde", "{count} deelnemers stemden", self.voters
        ).format(count=number_text(self.voters, language))
        if self.visible and self.method == "dots" and self.voters:
            voted += f" ({self.counted(self.total)})"
        parts.append(voted)
        if self.paper:
            parts.append(
                words.gettext("waarvan {count} op papier").format(
                    count=number_text(self.paper, language)
                )
            )
        return " · ".join(parts)


@dataclass(frozen=True)
class BalanceSection:
    """The balance warnings: what the table's choice of approaches leaves out."""

    findings: tuple[str, ...]
    approaches: int
    language: str = SOURCE_LANGUAGE

    @property
    def summary(self) -> str:
        """One sentence for when there is nothing, or before the list of findings."""
        words = translation(self.language)
        if not self.approaches:
            return words.gettext(
                "Er zijn nog geen aanpakken gekozen: er valt nog niets af te wegen."
            )
        if not self.findings:
            return words.gettext(
                "Geen bevindingen: de gekozen aanpakken spreiden zich over de vormen, bereiken "
                "wie aan tafel zit en beantwoorden elke genoemde bezorgdheid."
            )
        count = len(self.findings)
        return words.ngettext(
            "{count} bevinding bij de gekozen aanpakken:",
            "{count} bevindingen bij de gekozen aanpakken:",
            count,
        ).format(count=count)


@dataclass(frozen=True)
class ActionRow:
    """An item of the action plan."""

    action_id: str
    title: str
    owner: str | None
    approach: str | None
    due: str | None
    """The date in the report's language (`1 mei 2026`, `1er mai 2026`)."""
    done: bool
    note: str
    blocked: bool = False
    """A participant blocked it in a consent ballot whose result the room may see."""
    language: str = SOURCE_LANGUAGE

    @property
    def standing(self) -> str:
        """Where the action stands: `open`, `klaar`, and `geblokkeerd` when blocked."""
        _ = translator(self.language)
        done = _("klaar") if self.done else _("open")
        return done + " · " + _("geblokkeerd") if self.blocked else done


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
    language: str = SOURCE_LANGUAGE
    """The language the report is written in."""

    @property
    def concerns_raised(self) -> int:
        """Number of concerns raised at the table."""
        return sum(len(group.raised) for group in self.concerns)


# --- building it ---------------------------------------------------------------------------------


def session_report(
    state: SessionState,
    deck: Deck,
    zone: dt.tzinfo | None = None,
    language: str | None = None,
) -> SessionReport:
    """The report of a session as it stands, with the texts of `deck` (the session's deck),
    in `language` (default: the process's).

    `zone` is the time zone dates are written in (default: `TIME_ZONE`).
    """
    language = language or current_language()
    texts = _DeckTexts(deck, language)
    seats = _seat_names(state, texts)
    statements = tuple(
        statement_result(b, deck, language=language)
        for b in state.ballots.values()
        if b.method == "likert"
    )
    ballots = tuple(
        ballot_result(b, language=language, deck=deck, state=state)
        for b in state.ballots.values()
        if b.method != "likert"
    )
    blocked = blocked_actions(b for b in state.ballots.values() if results_visible(b))
    return SessionReport(
        header=_header(state, texts, zone or local_zone()),
        table=_table(state, seats, language),
        statements=statements,
        concerns=_concerns(state, texts, seats),
        approaches=_grid(state, texts, seats),
        ballots=ballots,
        balance=BalanceSection(
            tuple(w.message for w in balance_warnings(state, deck, language)),
            len(state.approaches),
            language,
        ),
        actions=tuple(
            ActionRow(
                x.id,
                x.fields.title,
                seats[x.fields.owner][0] if x.fields.owner in seats else None,
                _approach_title(state, texts, x.fields.approach_id),
                date_text(x.fields.due, language) if x.fields.due else None,
                x.fields.done,
                x.fields.note,
                x.id in blocked,
                language,
            )
            for x in state.actions.values()
        ),
        cards=_cards(state, texts),
        type_labels={kind: texts.of(style.label) for kind, style in deck.manifest.types.items()},
        language=language,
    )


@dataclass(frozen=True)
class _DeckTexts:
    """The deck's texts in the report's language, each falling back to the deck's own."""

    deck: Deck
    language: str

    def of(self, text: Text) -> str:
        """`text` in the report's language, else in the deck's."""
        return text.in_language(self.language, self.deck.manifest.language)

    def title(self, card_id: str | None, kind: type[CardBase], recorded: str) -> str:
        """The title of the deck's card `card_id` of type `kind`, or the title the session
        recorded when the deck has no such card (it was played with another deck)."""
        card = self.deck.get(card_id) if card_id else None
        return self.of(card.title) if isinstance(card, kind) else recorded


@cache
def local_zone() -> dt.tzinfo:
    """The report's time zone; UTC where the time-zone database is missing (bare Windows)."""
    try:
        return ZoneInfo(TIME_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return dt.UTC


def _header(state: SessionState, texts: _DeckTexts, zone: dt.tzinfo) -> ReportHeader:
    info = state.info
    language = texts.language
    deck_title = texts.of(texts.deck.manifest.title)
    if info is None:
        return ReportHeader(CaseText(), "", "", None, deck_title)
    started = dt.datetime.fromisoformat(info.started_at).astimezone(zone)
    _ = translator(language)
    # The title as recorded, in the reader's language when the built-in werkvorm has it.
    recorded = recorded_workshop(info.workshop_id, info.workshop_title)
    workshop = (
        workshop_title(recorded, info.workshop_title, language or current_language())
        if info.workshop_title
        else info.workshop_title
    )
    return ReportHeader(
        case=parse_case(info.case),
        date=f"{_(_WEEKDAYS[started.weekday()])} {date_text(started.date().isoformat(), language)}",
        time=_("{hour}.{minute} uur").format(hour=f"{started:%H}", minute=f"{started:%M}"),
        workshop=workshop,
        deck_title=deck_title,
    )


def _seat_names(state: SessionState, texts: _DeckTexts) -> dict[str, tuple[str, str, bool]]:
    """Each stakeholder's name, role title (in the report's language) and whether a
    person's name was given; an unnamed seat is called by its role."""
    return {
        s.id: (
            seat_name(s, texts.deck, texts.language),
            texts.title(s.role_id, RoleCard, s.role_title),
            s.name != s.role_title,
        )
        for s in state.stakeholders.values()
    }


def _table(
    state: SessionState, seats: dict[str, tuple[str, str, bool]], language: str
) -> TableSection:
    concerns = _count(x.stakeholder_id for x in state.concerns.values())
    approaches = _count(a.stakeholder_id for a in state.approaches.values())
    actions = _count(x.fields.owner for x in state.actions.values() if x.fields.owner)
    rows = tuple(
        Seat(
            s.id,
            seats[s.id][0],
            seats[s.id][1],
            s.present,
            concerns.get(s.id, 0),
            approaches.get(s.id, 0),
            actions.get(s.id, 0),
            seats[s.id][2],
        )
        for s in state.stakeholders.values()
    )
    return TableSection(rows, len(state.participants), language)


def _count(ids: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for key in ids:
        counts[key] = counts.get(key, 0) + 1
    return counts


def statement_result(
    ballot: Ballot,
    deck: Deck | None,
    *,
    visible: bool | None = None,
    language: str | None = None,
) -> StatementResult:
    """A likert ballot's result beside the survey's, as every screen and the report show it,
    in `language` (default: the process's): the statement, its answers and its sentences.

    Without the deck (a session whose deck is out of reach), the card's kind defaults to a
    statement and the survey's leanings are summed from the ballot's own benchmark.
    `visible` overrides whether the room may see the results (a participant who voted on
    an after-vote ballot may see them before the room does).
    """
    language = language or current_language()
    statement = ballot.statement
    if visible is None:
        visible = results_visible(ballot)
    result = tally(ballot)
    card = statement_card(ballot, deck)
    kind = card_type(card) if card is not None else "stelling"
    labels = {option.id: option.label for option in option_labels(ballot, language, deck)}
    answers = tuple(
        AnswerShare(
            labels.get(row.option_id, row.label),
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
        text=ballot_title(ballot, language, deck),
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
        language=language,
    )


def paper_sentence(paper: int, language: str | None = None) -> str:
    """How many votes came on paper, in a sentence."""
    return (
        translation(language or current_language())
        .ngettext("{count} stem kwam op papier.", "{count} stemmen kwamen op papier.", paper)
        .format(count=number_text(paper, language))
    )


def ballot_result(
    ballot: Ballot,
    *,
    visible: bool | None = None,
    language: str | None = None,
    deck: Deck | None = None,
    state: SessionState | None = None,
) -> BallotResult:
    """A dots, ranking, choice or consent ballot's result, best first once it may be shown
    (consent keeps its own order), in `language` (default: the process's).

    `visible` overrides whether the room may see the results, as in `statement_result`;
    `deck` gives a dilemma's question and choices in `language`, and with the session's
    `state` the approaches of a ballot over them.
    """
    language = language or current_language()
    if visible is None:
        visible = results_visible(ballot)
    result = tally(ballot)
    rows = ranked(result) if visible and ballot.method != "consent" else result.rows
    labels = {o.id: o.label for o in option_labels(ballot, language, deck, state)}
    _ = translator(language)
    return BallotResult(
        ballot_id=ballot.id,
        title=ballot_title(ballot, language, deck),
        method=ballot.method,
        method_label=method_label(ballot.method, language),
        source=ballot.source,
        is_open=ballot.is_open,
        anonymous=ballot.anonymous,
        visible=visible,
        voters=result.voters,
        total=result.total if visible else 0,
        dots=ballot.dots,
        options=tuple(
            OptionResult(
                labels.get(row.option_id, row.label),
                row.count if visible else 0,
                row.percent if visible else 0.0,
                row.points if visible else 0,
                row.mean_rank if visible else None,
                row.option_id,
            )
            for row in rows
        ),
        reasons=tuple((_(answer), reason) for answer, reason in result.reasons) if visible else (),
        paper=result.paper,
        points=tuple(
            replace(point, label=labels.get(point.option_id, point.label))
            for point in result.points
        )
        if visible
        else (),
        axes=axes_of(ballot, language) if ballot.method == "matrix" else result.axes,
        language=language,
    )


def _concerns(
    state: SessionState, texts: _DeckTexts, seats: dict[str, tuple[str, str, bool]]
) -> tuple[ConcernGroup, ...]:
    raised: dict[str, list[RaisedConcern]] = {}
    titles: dict[str, str] = {}
    for concern in state.concerns.values():
        name, role, _named = seats.get(concern.stakeholder_id, (concern.stakeholder_id, "", True))
        raised.setdefault(concern.concern_id, []).append(RaisedConcern(name, role, concern.text))
        titles.setdefault(concern.concern_id, concern.concern_title)
    language = texts.language
    groups = [
        ConcernGroup(
            card.id,
            texts.of(card.title),
            texts.of(card.answer),
            tuple(raised.pop(card.id, ())),
            language,
        )
        for card in texts.deck.of_type(ConcernCard)
    ]
    # Concerns under a card the deck no longer has (the session was played with another
    # deck) keep their place, without an answer to read out.
    groups += [
        ConcernGroup(concern_id, titles[concern_id], "", tuple(items), language)
        for concern_id, items in raised.items()
    ]
    return tuple(groups)


def _grid(
    state: SessionState, texts: _DeckTexts, seats: dict[str, tuple[str, str, bool]]
) -> ApproachGrid:
    forms = [(f.id, texts.of(f.title)) for f in texts.deck.of_type(FormCard)]
    known = {form_id for form_id, _title in forms}
    for approach in state.approaches.values():
        if approach.form not in known:
            known.add(approach.form)
            forms.append((approach.form, approach.form))
    column = {form_id: index for index, (form_id, _title) in enumerate(forms)}
    rows = []
    for seat in state.stakeholders.values():
        cells: list[list[GridEntry]] = [[] for _form in forms]
        for approach in state.approaches.values():
            if approach.stakeholder_id == seat.id:
                title = texts.title(approach.card_id, CardBase, approach.card_title)
                cells[column[approach.form]].append(GridEntry(approach.id, title, approach.note))
        # Who left the table without choosing anything has no row to show.
        if seat.present or any(cells):
            name, role, _named = seats[seat.id]
            rows.append(GridRow(name, role, seat.present, tuple(map(tuple, cells))))
    return ApproachGrid(tuple(forms), tuple(rows), len(state.approaches))


def _approach_title(state: SessionState, texts: _DeckTexts, approach_id: str | None) -> str | None:
    if approach_id is None:
        return None
    approach = state.approaches.get(approach_id)
    if approach is None:
        return approach_id
    return texts.title(approach.card_id, CardBase, approach.card_title)


def _cards(state: SessionState, texts: _DeckTexts) -> CardsSection:
    deck = texts.deck
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
    for ballot in state.ballots.values():
        if ballot.statement is not None:
            use(ballot.statement.card_id)
        else:
            dilemma = dilemma_card(ballot, deck)
            use(dilemma.id if dilemma is not None else None)
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
            entries.append(UsedCard(card.id, texts.of(card.title), kind, tuple(refs)))
        style = deck.manifest.types.get(kind)
        label = texts.of(style.label) if style else kind
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


def number_text(value: float, language: str | None = None) -> str:
    """A number the reader's way: 1.219 (Dutch) or 1 219 (French) for a whole number, 3,8
    with a decimal comma (both)."""
    if float(value).is_integer():
        return thousands(int(value), language)
    sign = "-" if value < 0 else ""
    whole, decimals = f"{abs(value):.1f}".split(".")
    return f"{sign}{thousands(int(whole), language)},{decimals}"


def mean_spread(point: MatrixPoint, axis: int) -> str:
    """A matrix option's mean ± spread on one axis (0 or 1), one decimal: `4,0 ± 0,8`;
    a dash while nobody placed it."""
    if point.means is None or point.spreads is None:
        return "–"
    mean, spread = point.means[axis], point.spreads[axis]
    return f"{mean:.1f} ± {spread:.1f}".replace(".", ",")


def who(name: str, role: str) -> str:
    """A stakeholder as people read it: `Els Vermeulen (Burgemeester)`, or only the role."""
    return name if not role or name == role else f"{name} ({role})"


def percent_text(value: float, language: str | None = None) -> str:
    """A share the reader's way: `19,4 %`, `50 %` (French with a no-break space)."""
    return percent(number_text(round(value, 1), language), language)


def status_text(is_open: bool, language: str | None = None) -> str:
    """Whether a ballot is still open, in a word or two: `nog open`, `gesloten`."""
    _ = translator(language)
    return _("nog open") if is_open else _("gesloten")


def date_text(iso: str, language: str | None = None) -> str:
    """`2026-05-01` as `1 mei 2026` (`1er mai 2026`); a text that is no date stays as it is."""
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    _ = translator(language)
    # French writes the first of the month as an ordinal (1er mai): its own pattern.
    pattern = _("1 {month} {year}") if day.day == 1 else _("{day} {month} {year}")
    return pattern.format(day=day.day, month=_(_MONTHS[day.month - 1]), year=day.year)


def approaches_text(count: int, language: str | None = None) -> str:
    """A number of approaches: `1 aanpak`, `3 aanpakken`."""
    words = translation(language or current_language())
    text = words.ngettext("{count} aanpak", "{count} aanpakken", count)
    return text.format(count=number_text(count, language))


def quoted(text: str, language: str | None = None) -> str:
    """A statement in quotation marks: “…” in Dutch, « … » in French."""
    _ = translator(language)
    return _("“{text}”").format(text=text)


def labelled(label: str, text: str, language: str | None = None) -> str:
    """A label and what follows it: `Els: geen capaciteit`; French puts a no-break space
    before the colon."""
    _ = translator(language)
    return _("{label}: {text}").format(label=label, text=text)
