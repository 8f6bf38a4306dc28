"""Ballot rules: what a valid vote is per method, how votes are counted, who sees results.

- dots: up to `dots` dots per participant; the same option may get several dots unless the
  ballot says otherwise. Tally: dots per option.
- ranking: options in order of preference, best first, each at most once; options left out
  get no points. Tally: Borda points (with n options, first place gets n points, second
  n-1, …) and the mean rank among those who ranked the option.
- likert: one answer 1–5 on a statement, or "geen mening" where the ballot allows it.
  Tally: the distribution in percent of those who gave an answer 1–5 (as the survey's
  tables count), beside the survey's distribution; "geen mening" is counted apart.
- choice: one option, or up to `max_choices` different ones. Tally: voters per option.
- consent: one answer (akkoord, onthouding, bezwaar, blokkeren); a reason with an
  objection or a block. Tally: voters per answer and every reason, without names.
- matrix: every option placed on two 1–5 scales (impact and haalbaarheid, or the ballot's
  own axis names), one `OPTION=A/B` per option. Tally: each option's mean and spread
  (standard deviation) on both scales, and its quadrant of the 2×2 grid.

Paper slips the facilitator enters count like votes, as "papier 1", "papier 2" …
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from catalogue import N_, Message, plural_message, translator
from game.engine.plain_text import visible
from game.engine.state import Ballot, BallotMethod, BallotOption, Vote

LIKERT_OPTIONS: tuple[BallotOption, ...] = tuple(
    BallotOption(str(n), label)
    for n, label in enumerate(
        (N_("helemaal oneens"), N_("oneens"), N_("neutraal"), N_("eens"), N_("helemaal eens")),
        start=1,
    )
)
"""Default answers of a likert ballot on a statement without its own scale (Dutch labels:
a view shows them with `_()`)."""

NO_OPINION = "geen-mening"
"""The answer "geen mening" on a likert ballot that allows it: not an option of the scale,
counted apart, and outside the percentages (as the survey's own tables count)."""
NO_OPINION_LABEL = N_("geen mening")

CONSENT_OPTIONS: tuple[BallotOption, ...] = tuple(
    BallotOption(word, word)
    for word in (N_("akkoord"), N_("onthouding"), N_("bezwaar"), N_("blokkeren"))
)
"""The answers of a consent ballot (as Loomio's proposals): agree, abstain, object, block."""
NEEDS_REASON = ("bezwaar", "blokkeren")
"""Consent answers that must say why."""

MATRIX_AXES: tuple[str, str] = (N_("impact"), N_("haalbaarheid"))
"""The two scales of a matrix ballot when the werkvorm or the facilitator names none
(msgids: `axes_of` says them in a reader's language; names someone typed stay)."""
MATRIX_SCALE = range(1, 6)
MATRIX_MIDDLE = 3
"""A mean of 3 or more is on the high side of an axis in the grid."""
QUADRANTS: dict[tuple[bool, bool], str] = {
    (True, True): N_("snel doen"),
    (True, False): N_("plannen"),
    (False, True): N_("later"),
    (False, False): N_("laten"),
}
"""The quadrant of the 2×2 grid by (high on the first axis, high on the second); Dutch in
the data (the JSON, the CSV), translated with `_()` where it is shown."""
MAX_AXIS = 40
"""Longest axis name, in characters: it labels a grid's side."""

METHOD_LABELS: dict[BallotMethod, str] = {
    "dots": N_("stippen"),
    "ranking": N_("rangorde"),
    "likert": N_("schaal 1–5"),
    "choice": N_("keuze"),
    "consent": N_("instemming"),
    "matrix": N_("matrix"),
}
"""Names of the ballot methods, for people (Dutch: show them with `method_label`)."""


def method_label(method: str, language: str | None = None) -> str:
    """A ballot method's name for people, in `language` (default: the process's)."""
    if method not in METHOD_LABELS:
        return method
    return translator(language)(METHOD_LABELS[method])


PAPER = "papier"
"""Who a paper slip is: "papier 1", "papier 2" … never a participant."""


def paper_name(slip: int) -> str:
    """The name a paper slip votes under."""
    return f"{PAPER} {slip}"


def every_vote(ballot: Ballot) -> list[Vote]:
    """The votes that count: the participants' and the paper slips'."""
    return [*ballot.votes.values(), *ballot.paper_votes.values()]


def axes_of(ballot: Ballot, language: str | None = None) -> tuple[str, str]:
    """The names of a matrix ballot's two scales, ours in `language` (default: as stored)."""
    first, second = (ballot.axes[0], ballot.axes[1]) if len(ballot.axes) == 2 else MATRIX_AXES
    if language is None:
        return first, second
    _ = translator(language)
    return _(first), _(second)


def matrix_choice(option_id: str, first: int, second: int) -> str:
    """One option's place on the two scales, as a matrix vote writes it: `1=4/2`."""
    return f"{option_id}={first}/{second}"


_PLACE = re.compile(r"^\s*([^=]+?)\s*=\s*(\d{1,6})\s*/\s*(\d{1,6})\s*$")


def parse_place(choice: str) -> tuple[str, int, int] | None:
    """`OPTION=A/B` as (option word, A, B), or None when it is not written so."""
    found = _PLACE.match(choice)
    if found is None:
        return None
    return found.group(1), int(found.group(2)), int(found.group(3))


def matrix_places(choices: Iterable[str]) -> dict[str, tuple[int, int]]:
    """A valid matrix vote's places by option id."""
    places = {}
    for choice in choices:
        parsed = parse_place(choice)
        if parsed is not None:
            places[parsed[0]] = (parsed[1], parsed[2])
    return places


def answer_options(ballot: Ballot) -> tuple[BallotOption, ...]:
    """What a vote on `ballot` may name: its options, and on a scale that allows it,
    "geen mening" last."""
    if not ballot.no_opinion:
        return ballot.options
    return (*ballot.options, BallotOption(NO_OPINION, NO_OPINION_LABEL.capitalize()))


def vote_problem(ballot: Ballot, choices: tuple[str, ...]) -> str | None:
    """Why `choices` is not a valid vote on `ballot` (a `Message`), or None when it is."""
    if not choices:
        return Message("kies minstens één optie")
    if ballot.method == "matrix":
        return _matrix_problem(ballot, choices)
    if ballot.method == "likert" and NO_OPINION in choices:
        if not ballot.no_opinion:
            return Message("in deze stemronde kan je geen 'geen mening' antwoorden")
        return None if choices == (NO_OPINION,) else Message("kies één antwoord, van 1 tot 5")
    known = {option.id for option in ballot.options}
    for choice in choices:
        if choice not in known:
            return Message(
                "'{choice}' is geen optie van stemronde {ballot}", choice=choice, ballot=ballot.id
            )
    repeated = len(set(choices)) != len(choices)
    if ballot.method == "dots":
        if len(choices) > ballot.dots:
            return plural_message(
                "je hebt {count} stip, niet {given}",
                "je hebt {count} stippen, niet {given}",
                ballot.dots,
                given=len(choices),
            )
        if repeated and not ballot.stack:
            return Message("in deze stemronde krijgt elke optie hoogstens één stip")
    elif ballot.method == "ranking":
        if repeated:
            return Message("een optie mag maar één keer in je rangorde staan")
    elif ballot.method == "likert":
        if len(choices) != 1:
            return Message("kies één antwoord, van 1 tot 5")
    elif ballot.method == "consent":
        if len(choices) != 1:
            return Message("kies één antwoord: akkoord, onthouding, bezwaar of blokkeren")
    elif ballot.method == "choice":
        if repeated:
            return Message("kies elke optie hoogstens één keer")
        if len(choices) > ballot.max_choices:
            return plural_message(
                "kies hoogstens {count} optie", "kies hoogstens {count} opties", ballot.max_choices
            )
    return None


def _matrix_problem(ballot: Ballot, choices: tuple[str, ...]) -> str | None:
    first, second = axes_of(ballot)
    known = {option.id for option in ballot.options}
    seen: set[str] = set()
    for choice in choices:
        parsed = parse_place(choice)
        if parsed is None:
            shown = visible(choice, limit=20)
            return Message(
                "schrijf '{choice}' als OPTIE={first}/{second}, bv. 1=4/2",
                choice=shown,
                first=first.upper(),
                second=second.upper(),
            )
        option_id, a, b = parsed
        if option_id not in known:
            return Message(
                "'{choice}' is geen optie van stemronde {ballot}",
                choice=option_id,
                ballot=ballot.id,
            )
        if option_id in seen:
            return Message("optie {option} staat twee keer in je stem", option=option_id)
        for axis, value in ((first, a), (second, b)):
            if value not in MATRIX_SCALE:
                return Message(
                    "{axis} van optie {option} moet 1 tot 5 zijn, niet {value}",
                    axis=axis,
                    option=option_id,
                    value=value,
                )
        seen.add(option_id)
    missing = [option.id for option in ballot.options if option.id not in seen]
    if missing:
        return Message(
            "plaats elke optie op {first} en {second}; nog niet: {missing}",
            first=first,
            second=second,
            missing=", ".join(missing),
        )
    return None


def reason_problem(ballot: Ballot, choices: tuple[str, ...], reason: str | None) -> str | None:
    """Why a vote lacks the reason it needs (a `Message`), or None."""
    if ballot.method == "consent" and set(choices) & set(NEEDS_REASON) and not reason:
        return Message(
            "zeg waarom je '{choice}' kiest: bij bezwaar of blokkeren hoort een reden",
            choice=Message(choices[0]),
        )
    return None


def blocked_actions(ballots: Iterable[Ballot]) -> frozenset[str]:
    """The actions of the plan that a consent ballot's participant now blocks."""
    return frozenset(
        ballot.options[0].ref
        for ballot in ballots
        if ballot.method == "consent"
        and ballot.source == "action"
        and ballot.options[0].ref is not None
        and any("blokkeren" in vote.choices for vote in every_vote(ballot))
    )


def open_consents(ballots: Iterable[Ballot]) -> dict[str, Ballot]:
    """The consent ballots open now, by the action of the plan they are about."""
    return {
        ref: ballot
        for ballot in ballots
        if ballot.method == "consent" and ballot.is_open and (ref := ballot.options[0].ref)
    }


@dataclass(frozen=True)
class TallyRow:
    """The result of one option."""

    option_id: str
    label: str
    count: int
    """Dots (dots), voters who chose it (choice, likert) or who ranked it (ranking)."""
    percent: float
    """Share of all dots (dots) or of all voters (choice, likert); 0 for a ranking."""
    points: int = 0
    """Borda points (ranking only)."""
    mean_rank: float | None = None
    """Mean place among voters who ranked it (ranking only)."""
    benchmark_percent: int | None = None
    """The survey's percentage for this answer (likert on a statement card only)."""


@dataclass(frozen=True)
class Tally:
    """A ballot's results."""

    ballot_id: str
    method: BallotMethod
    voters: int
    """Number of distinct participants whose vote counts."""
    rows: tuple[TallyRow, ...]
    total: int
    """All dots (dots), all choices (choice), all answers (likert), all voters (ranking)."""
    mean: float | None = None
    """Mean answer (likert only)."""
    no_opinion: int = 0
    """Voters who answered "geen mening" (likert only): in `voters`, not in the rows'
    percentages or the mean."""
    reasons: tuple[tuple[str, str], ...] = ()
    """Consent only: every reason given, with its answer, in the order they came; never
    with a name (the JSON view adds names only for ballots that are not anonymous)."""
    benchmark_n: int | None = None
    """How many survey respondents answered the statement (likert on a statement card only)."""
    paper: int = 0
    """How many of the `voters` are paper slips."""
    points: tuple[MatrixPoint, ...] = ()
    """Matrix only: each option's place in the grid, in option order."""
    axes: tuple[str, ...] = ()
    """Matrix only: the names of the two scales."""


@dataclass(frozen=True)
class MatrixPoint:
    """One option of a matrix ballot: mean and spread (standard deviation) on both scales."""

    option_id: str
    label: str
    voters: int
    means: tuple[float, float] | None
    """None while nobody placed it."""
    spreads: tuple[float, float] | None

    @property
    def quadrant(self) -> str | None:
        """ "snel doen", "plannen", "later" or "laten"; None without votes."""
        if self.means is None:
            return None
        high = (self.means[0] >= MATRIX_MIDDLE, self.means[1] >= MATRIX_MIDDLE)
        return QUADRANTS[high]


def tally(ballot: Ballot) -> Tally:
    """Count the current votes of a ballot: one vote per participant (the latest one) and
    one per paper slip."""
    votes = every_vote(ballot)
    voters = len(votes)
    paper = len(ballot.paper_votes)
    if ballot.method == "matrix":
        return _matrix_tally(ballot, votes, paper)
    counts: Counter[str] = Counter()
    for vote in votes:
        counts.update(vote.choices)
    if ballot.method == "ranking":
        return _ranking_tally(ballot, votes, paper)
    no_opinion = counts.pop(NO_OPINION, 0)
    total = sum(counts.values())
    base = total if ballot.method == "dots" else voters - no_opinion
    benchmark = ballot.statement.benchmark if ballot.statement else None
    rows = []
    for number, option in enumerate(ballot.options):
        count = counts[option.id]
        rows.append(
            TallyRow(
                option.id,
                option.label,
                count,
                _percent(count, base),
                benchmark_percent=benchmark[number]
                if benchmark is not None and ballot.method == "likert" and number < len(benchmark)
                else None,
            )
        )
    mean = None
    if ballot.method == "likert":
        answers = [int(v.choices[0]) for v in votes if v.choices[0] != NO_OPINION]
        mean = round(sum(answers) / len(answers), 2) if answers else None
    survey_n = (
        ballot.statement.benchmark_n
        if ballot.statement and benchmark is not None and ballot.method == "likert"
        else None
    )
    reasons = tuple(
        (vote.choices[0], vote.reason)
        for vote in votes
        if ballot.method == "consent" and vote.reason and vote.choices
    )
    return Tally(
        ballot.id,
        ballot.method,
        voters,
        tuple(rows),
        total,
        mean,
        no_opinion=no_opinion,
        reasons=reasons,
        benchmark_n=survey_n,
        paper=paper,
    )


def _matrix_tally(ballot: Ballot, votes: list[Vote], paper: int) -> Tally:
    placed: dict[str, list[tuple[int, int]]] = {option.id: [] for option in ballot.options}
    for vote in votes:
        for option_id, place in matrix_places(vote.choices).items():
            placed.setdefault(option_id, []).append(place)
    points = []
    for option in ballot.options:
        places = placed[option.id]
        axes = tuple(zip(*places, strict=True)) if places else ()
        points.append(
            MatrixPoint(
                option.id,
                option.label,
                len(places),
                (_mean(axes[0]), _mean(axes[1])) if axes else None,
                (_spread(axes[0]), _spread(axes[1])) if axes else None,
            )
        )
    rows = tuple(TallyRow(point.option_id, point.label, point.voters, 0.0) for point in points)
    return Tally(
        ballot.id,
        ballot.method,
        len(votes),
        rows,
        len(votes),
        paper=paper,
        points=tuple(points),
        axes=axes_of(ballot),
    )


def _mean(values: Iterable[int]) -> float:
    return round(statistics.fmean(values), 2)


def _spread(values: Iterable[int]) -> float:
    return round(statistics.pstdev(values), 2)


def _ranking_tally(ballot: Ballot, votes: list[Vote], paper: int) -> Tally:
    size = len(ballot.options)
    voters = len(votes)
    points: Counter[str] = Counter()
    places: dict[str, list[int]] = {option.id: [] for option in ballot.options}
    for vote in votes:
        for place, choice in enumerate(vote.choices, start=1):
            points[choice] += size - place + 1
            places[choice].append(place)
    rows = tuple(
        TallyRow(
            option.id,
            option.label,
            len(places[option.id]),
            0.0,
            points=points[option.id],
            mean_rank=round(sum(places[option.id]) / len(places[option.id]), 2)
            if places[option.id]
            else None,
        )
        for option in ballot.options
    )
    return Tally(ballot.id, ballot.method, voters, rows, voters, paper=paper)


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def ranked(result: Tally) -> tuple[TallyRow, ...]:
    """The rows best first: most points (ranking) or highest count, ties in option order
    (a matrix keeps option order)."""
    if result.method == "matrix":
        return result.rows
    key = (lambda row: row.points) if result.method == "ranking" else (lambda row: row.count)
    return tuple(sorted(result.rows, key=key, reverse=True))


def results_visible(ballot: Ballot, participant_id: str | None = None) -> bool:
    """Whether the results may be shown: to this participant, or (None) to the whole room."""
    if ballot.revealed or ballot.reveal == "immediately":
        return True
    if ballot.reveal == "on-close":
        return not ballot.is_open
    if ballot.reveal == "after-vote":
        return not ballot.is_open or (participant_id is not None and participant_id in ballot.votes)
    return False
