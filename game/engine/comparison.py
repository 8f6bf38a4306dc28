"""Many netwerktafels side by side: statements beside the survey, approaches, action plans.

A researcher or a province that ran netwerktafels in several municipalities wants one
comparison: per statement every table's distribution beside the survey's, which forms and
examples were chosen where, and the action plans side by side. This module builds it from
the sessions' states, as plain data; `game.comparison_export` writes it as tidy CSV and
Markdown, `print.comparison` as a PDF. No I/O here: the caller opens the files.

Every figure is read through `session_view`, the same view `session show --json` prints, so
the comparison shows exactly what each session shows: a tally only once its results are
visible, never a vote per person. Stakeholders appear by their role only and participants
only as a count: no name typed at a table ever reaches the comparison.

Sessions played with different decks or werkvormen are compared on what they share: a
statement goes into the comparison only when every session has a visible result for it;
`left_out` says, in one Dutch line each, what stayed out and why. The tidy rows keep
everything, so nothing is lost for whoever analyses them further.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from catalogue import N_, _, current_language, ngettext, translation
from deck import Deck
from deck.model import FormCard, StatementCard, WillingnessCard
from deck.survey import survey_note
from game.engine.answers import card_title
from game.engine.report import date_text
from game.engine.state import SessionState
from game.engine.views import session_view

FORMS = ("transparantie", "meepraten", "meedoen")
"""The three participation forms of the default deck, in their order on the wheel."""
COMPARISON_TITLE = N_("Vergelijking van netwerktafels")
"""The title of the comparison, in Markdown and on paper."""
SESSION_COLUMNS = (
    N_("Sessie"),
    N_("Casus"),
    N_("Datum"),
    N_("Werkvorm"),
    N_("Kaartspel"),
    N_("Belanghebbenden"),
    N_("Deelnemers"),
)
"""The columns of the comparison's table of sessions, in Markdown and on paper."""


def comparison_intro(sessions: int) -> str:
    """The line under the comparison's title."""
    return ngettext(
        "{count} sessie. Belanghebbenden staan er met hun rol in, deelnemers alleen als aantal.",
        "{count} sessies naast elkaar. Belanghebbenden staan er met hun rol in, deelnemers "
        "alleen als aantal.",
        sessions,
    ).format(count=sessions)


def form_title(form: str | None) -> str:
    """How the comparison names a participation form in the run's language (the states hold
    the form ids, not the deck): the three forms of the wheel, else the id as it is."""
    words = translation(current_language())
    titles = {
        "transparantie": words.pgettext("participatievorm", "Transparantie"),
        "meepraten": words.pgettext("participatievorm", "Meepraten"),
        "meedoen": words.pgettext("participatievorm", "Meedoen"),
    }
    return titles.get(form or "", form or words.gettext("zonder vorm"))


@dataclass(frozen=True)
class ComparedSession:
    """One session in the comparison: a label (unique among them) and its state."""

    label: str
    state: SessionState
    deck: Deck | None = None
    """The session's deck, to name its cards in the run's language; None: as recorded."""


@dataclass(frozen=True)
class SessionFacts:
    """What identifies a session in the comparison."""

    label: str
    case: str
    """The first line of the case: its title."""
    started_at: str
    deck: str
    workshop: str
    stakeholders: int
    participants: int


@dataclass(frozen=True)
class AnswerRow:
    """One answer of one statement ballot in one session (tidy: session × statement × answer)."""

    session: str
    ballot_id: str
    statement_id: str
    statement: str
    answer: str
    """The answer's option id: `1` to `5`."""
    label: str
    count: int
    percent: float
    """Share of the voters who answered on the scale ("geen mening" counts apart)."""
    voters: int
    no_opinion: int
    """Voters who answered "geen mening" (part of `voters`)."""
    benchmark_percent: int | None
    benchmark_n: int | None
    benchmark_table: str | None


@dataclass(frozen=True)
class ApproachRow:
    """One approach a stakeholder chose, in one session."""

    session: str
    approach_id: str
    card_id: str
    title: str
    form: str | None
    role: str
    note: str


@dataclass(frozen=True)
class ActionRow:
    """One action of one session's action plan."""

    session: str
    action_id: str
    title: str
    owner_role: str | None
    approach: str | None
    """Title of the approach the action follows from, if any."""
    due: str | None
    done: bool
    note: str

    @property
    def details(self) -> tuple[str, ...]:
        """What follows the title, as plain phrases in the run's language: owner, date,
        approach, first step."""
        parts = []
        if self.owner_role:
            parts.append(_("trekker: {owner}").format(owner=self.owner_role))
        if self.due:
            parts.append(_("tegen {date}").format(date=date_text(self.due)))
        if self.approach:
            parts.append(_("aanpak: {approach}").format(approach=self.approach))
        if self.note:
            parts.append(_("eerste stap: {note}").format(note=self.note))
        if self.done:
            parts.append(_("klaar"))
        return tuple(parts)


@dataclass(frozen=True)
class Distribution:
    """How one session's table answered one statement."""

    voters: int
    percents: tuple[float, ...]


@dataclass(frozen=True)
class StatementComparison:
    """One statement: every session's distribution beside the survey's."""

    statement_id: str
    text: str
    labels: tuple[str, ...]
    benchmark: tuple[int, ...] | None
    benchmark_n: int | None
    benchmark_table: str | None
    tables: tuple[tuple[str, Distribution], ...]
    """(session label, distribution) per session, in the sessions' order."""

    @property
    def survey_note(self) -> str:
        """Whose answers the survey figures are, and this item's N."""
        return survey_note(self.benchmark_n, self.benchmark_table)


@dataclass(frozen=True)
class ChosenCard:
    """An example or form card chosen in at least one session, with the count per session."""

    card_id: str
    title: str
    form: str | None
    counts: tuple[int, ...]
    """How often it was chosen, per session in the sessions' order."""


@dataclass(frozen=True)
class Comparison:
    """Everything `aggregate` writes."""

    sessions: tuple[SessionFacts, ...]
    statements: tuple[StatementComparison, ...]
    cards: tuple[ChosenCard, ...]
    forms: tuple[tuple[str, tuple[int, ...]], ...]
    """(form, approaches of that form per session): the decks' forms first, in their order."""
    answers: tuple[AnswerRow, ...]
    approaches: tuple[ApproachRow, ...]
    actions: tuple[ActionRow, ...]
    left_out: tuple[str, ...]
    """One line per thing that could not be compared across every session."""
    form_names: dict[str, str] = field(default_factory=dict)
    """The title of each form card of the sessions' decks, in the run's language."""

    def form_title(self, form: str | None) -> str:
        """A participation form as the reader names it: its card's title in a session's
        deck, else the wheel's own words (`form_title`)."""
        return self.form_names.get(form or "") or form_title(form)

    def card_label(self, card: ChosenCard) -> str:
        """A chosen card as the tables name it: its title, then its form's when it has one
        (`Buurtvaders (Meedoen)`)."""
        return f"{card.title} ({self.form_title(card.form)})" if card.form else card.title

    @property
    def labels(self) -> tuple[str, ...]:
        """The sessions' labels, in order."""
        return tuple(s.label for s in self.sessions)

    def actions_of(self, label: str) -> tuple[ActionRow, ...]:
        """One session's action plan."""
        return tuple(a for a in self.actions if a.session == label)


def compare(sessions: Sequence[ComparedSession]) -> Comparison:
    """The comparison of `sessions`, in the order given (labels must be unique)."""
    labels = [s.label for s in sessions]
    if len(set(labels)) != len(labels):
        raise ValueError("elke sessie heeft een eigen label nodig")
    views = [(s.label, _in_language(session_view(s.state), s.deck)) for s in sessions]
    answers = tuple(row for label, view in views for row in _answers(label, view))
    approaches = tuple(row for label, view in views for row in _approaches(label, view))
    actions = tuple(row for label, view in views for row in _actions(label, view))
    statements, left_out = _statements(views, answers)
    forms = _deck_forms(sessions)
    return Comparison(
        sessions=tuple(_facts(label, view) for label, view in views),
        statements=statements,
        cards=_cards(labels, approaches),
        forms=_forms(labels, approaches, list(forms)),
        answers=answers,
        approaches=approaches,
        actions=actions,
        left_out=(*_differences(views), *left_out),
        form_names={form: title for form, title in forms.items() if title is not None},
    )


def _deck_forms(sessions: Sequence[ComparedSession]) -> dict[str, str | None]:
    """The form ids the sessions play with, in their decks' order (the wheel's three for a
    session whose deck is out of reach), each with its title in the run's language as the
    first session's deck that has it says it (None when no deck has it)."""
    forms: dict[str, str | None] = {}
    for deck in (s.deck for s in sessions):
        if deck is None:
            forms.update({form: forms.get(form) for form in FORMS})
            continue
        for card in deck.of_type(FormCard):
            if forms.get(card.id) is None:
                forms[card.id] = card.title.in_language(current_language(), deck.manifest.language)
    return forms


def _in_language(view: dict[str, Any], deck: Deck | None) -> dict[str, Any]:
    """The session's view with the titles it recorded (roles, approaches' cards, statements)
    said in the run's language, where the deck has them."""
    if deck is None:
        return view
    language = current_language()
    stakeholders = [
        {**s, "role": card_title(deck, s["role_id"], s["role"], language)}
        for s in view["stakeholders"]
    ]
    approaches = [
        {**a, "title": card_title(deck, a["card_id"], a["title"], language)}
        for a in view["approaches"]
    ]
    ballots = []
    for ballot in view["ballots"]:
        statement = ballot["statement"]
        card = deck.get(statement["card_id"] or "") if statement is not None else None
        if isinstance(card, StatementCard | WillingnessCard):
            ballot = _statement_in_language(ballot, card, language, deck.manifest.language)
        ballots.append(ballot)
    return {**view, "stakeholders": stakeholders, "approaches": approaches, "ballots": ballots}


def _statement_in_language(
    ballot: dict[str, Any], card: StatementCard | WillingnessCard, language: str, fallback: str
) -> dict[str, Any]:
    """A statement ballot's text and its scale's answers as the deck says them in `language`."""
    said = {
        **ballot,
        "statement": {**ballot["statement"], "text": card.text.in_language(language, fallback)},
    }
    tally = ballot["tally"]
    if tally is not None and len(tally["rows"]) == len(card.scale):
        rows = [
            {**row, "label": label.in_language(language, fallback)}
            for row, label in zip(tally["rows"], card.scale, strict=True)
        ]
        said["tally"] = {**tally, "rows": rows}
    return said


# --- the tidy rows ---------------------------------------------------------------------------


def _facts(label: str, view: dict[str, Any]) -> SessionFacts:
    info = view["session"] or {}
    case = str(info.get("case") or "").strip().split("\n", 1)[0]
    return SessionFacts(
        label=label,
        case=case,
        started_at=str(info.get("started_at") or ""),
        deck=str(info.get("deck") or ""),
        workshop=str((info.get("workshop") or {}).get("id") or ""),
        stakeholders=len(view["stakeholders"]),
        participants=len(view["participants"]),
    )


def _answers(label: str, view: dict[str, Any]) -> list[AnswerRow]:
    rows: list[AnswerRow] = []
    for ballot in view["ballots"]:
        statement, result = ballot["statement"], ballot["tally"]
        if statement is None or result is None:
            continue  # not about a statement, or its result is still hidden
        for row in result["rows"]:
            rows.append(
                AnswerRow(
                    session=label,
                    ballot_id=ballot["id"],
                    statement_id=statement["card_id"],
                    statement=statement["text"],
                    answer=row["option_id"],
                    label=row["label"],
                    count=row["count"],
                    percent=row["percent"],
                    voters=result["voters"],
                    no_opinion=result.get("no_opinion", 0),
                    benchmark_percent=row["benchmark_percent"],
                    benchmark_n=statement["benchmark_n"],
                    benchmark_table=statement["benchmark_table"],
                )
            )
    return rows


def _roles(view: dict[str, Any]) -> dict[str, str]:
    # By role, never by name: the name typed at the table may be a person's.
    return {s["id"]: s["role"] for s in view["stakeholders"]}


def _approaches(label: str, view: dict[str, Any]) -> list[ApproachRow]:
    roles = _roles(view)
    return [
        ApproachRow(
            session=label,
            approach_id=a["id"],
            card_id=a["card_id"],
            title=a["title"],
            form=a["form"],
            role=roles.get(a["stakeholder_id"], ""),
            note=a["note"],
        )
        for a in view["approaches"]
    ]


def _actions(label: str, view: dict[str, Any]) -> list[ActionRow]:
    roles = _roles(view)
    titles = {a["id"]: a["title"] for a in view["approaches"]}
    return [
        ActionRow(
            session=label,
            action_id=x["id"],
            title=x["title"],
            owner_role=roles.get(x["owner_id"]) if x["owner_id"] else None,
            approach=titles.get(x["approach_id"]) if x["approach_id"] else None,
            due=x["due"],
            done=bool(x["done"]),
            note=x["note"] or "",
        )
        for x in view["actions"]
    ]


# --- the comparison --------------------------------------------------------------------------


def _statements(
    views: list[tuple[str, dict[str, Any]]], answers: tuple[AnswerRow, ...]
) -> tuple[tuple[StatementComparison, ...], list[str]]:
    # Per session and statement, the latest ballot with a visible result counts.
    latest: dict[tuple[str, str], str] = {}
    for row in answers:
        latest[(row.session, row.statement_id)] = row.ballot_id
    order: list[str] = []
    for row in answers:
        if row.statement_id not in order:
            order.append(row.statement_id)
    labels = [label for label, _ in views]
    compared: list[StatementComparison] = []
    left_out: list[str] = []
    for statement_id in order:
        present = [label for label in labels if (label, statement_id) in latest]
        rows_of = {
            label: [
                r
                for r in answers
                if r.session == label
                and r.statement_id == statement_id
                and r.ballot_id == latest[(label, statement_id)]
            ]
            for label in present
        }
        first = rows_of[present[0]][0]
        if len(present) < len(labels):
            left_out.append(
                _(
                    "Stelling '{statement}' niet vergeleken: alleen met zichtbare uitslag in "
                    "{sessions}."
                ).format(statement=first.statement, sessions=", ".join(present))
            )
            continue
        tables = tuple(
            (
                label,
                Distribution(
                    voters=rows_of[label][0].voters,
                    percents=tuple(r.percent for r in rows_of[label]),
                ),
            )
            for label in labels
        )
        benchmark = tuple(r.benchmark_percent for r in rows_of[present[0]])
        compared.append(
            StatementComparison(
                statement_id=statement_id,
                text=first.statement,
                labels=tuple(r.label for r in rows_of[present[0]]),
                benchmark=None
                if any(b is None for b in benchmark)
                else tuple(int(b or 0) for b in benchmark),
                benchmark_n=first.benchmark_n,
                benchmark_table=first.benchmark_table,
                tables=tables,
            )
        )
    return tuple(compared), left_out


def _cards(labels: list[str], approaches: tuple[ApproachRow, ...]) -> tuple[ChosenCard, ...]:
    counts: Counter[tuple[str, str]] = Counter((a.card_id, a.session) for a in approaches)
    seen: dict[str, ApproachRow] = {}
    for approach in approaches:
        seen.setdefault(approach.card_id, approach)
    cards = [
        ChosenCard(
            card_id=card_id,
            title=first.title,
            form=first.form,
            counts=tuple(counts[(card_id, label)] for label in labels),
        )
        for card_id, first in seen.items()
    ]
    # The most chosen first, then by form and title: a stable order for every format.
    cards.sort(key=lambda c: (-sum(c.counts), _form_rank(c.form), c.title.lower(), c.card_id))
    return tuple(cards)


def _form_rank(form: str | None) -> int:
    return FORMS.index(form) if form in FORMS else len(FORMS)


def _forms(
    labels: list[str], approaches: tuple[ApproachRow, ...], known: list[str]
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    counts: Counter[tuple[str, str]] = Counter((a.form or "", a.session) for a in approaches)
    forms = known + sorted({a.form or "" for a in approaches} - set(known))
    return tuple((form, tuple(counts[(form, label)] for label in labels)) for form in forms)


def _differences(views: list[tuple[str, dict[str, Any]]]) -> list[str]:
    lines: list[str] = []
    for key, sentence in (
        (
            "deck",
            N_(
                "De sessies gebruiken verschillende kaartspellen ({parts}); ze worden vergeleken "
                "op wat ze delen."
            ),
        ),
        (
            "workshop",
            N_(
                "De sessies gebruiken verschillende werkvormen ({parts}); ze worden vergeleken "
                "op wat ze delen."
            ),
        ),
    ):
        used: dict[str, list[str]] = {}
        for label, view in views:
            info = view["session"] or {}
            value = info.get(key)
            name = str(value.get("id") if isinstance(value, dict) else value or "")
            used.setdefault(name, []).append(label)
        if len(used) > 1:
            parts = "; ".join(f"{name or '?'}: {', '.join(who)}" for name, who in used.items())
            lines.append(_(sentence).format(parts=parts))
    return lines
