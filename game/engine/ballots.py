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
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from game.engine.state import Ballot, BallotMethod, BallotOption

LIKERT_OPTIONS: tuple[BallotOption, ...] = tuple(
    BallotOption(str(n), label)
    for n, label in enumerate(
        ("helemaal oneens", "oneens", "neutraal", "eens", "helemaal eens"), start=1
    )
)
"""Default answers of a likert ballot on a statement without its own scale."""

NO_OPINION = "geen-mening"
"""The answer "geen mening" on a likert ballot that allows it: not an option of the scale,
counted apart, and outside the percentages (as the survey's own tables count)."""
NO_OPINION_LABEL = "geen mening"

CONSENT_OPTIONS: tuple[BallotOption, ...] = tuple(
    BallotOption(word, word) for word in ("akkoord", "onthouding", "bezwaar", "blokkeren")
)
"""The answers of a consent ballot (as Loomio's proposals): agree, abstain, object, block."""
NEEDS_REASON = ("bezwaar", "blokkeren")
"""Consent answers that must say why."""

METHOD_LABELS: dict[BallotMethod, str] = {
    "dots": "stippen",
    "ranking": "rangorde",
    "likert": "schaal 1–5",
    "choice": "keuze",
    "consent": "instemming",
}
"""Dutch names of the ballot methods, for people."""


def answer_options(ballot: Ballot) -> tuple[BallotOption, ...]:
    """What a vote on `ballot` may name: its options, and on a scale that allows it,
    "geen mening" last."""
    if not ballot.no_opinion:
        return ballot.options
    return (*ballot.options, BallotOption(NO_OPINION, NO_OPINION_LABEL.capitalize()))


def vote_problem(ballot: Ballot, choices: tuple[str, ...]) -> str | None:
    """Why `choices` is not a valid vote on `ballot` (in Dutch), or None when it is."""
    if not choices:
        return "kies minstens één optie"
    if ballot.method == "likert" and NO_OPINION in choices:
        if not ballot.no_opinion:
            return "in deze stemronde kan je geen 'geen mening' antwoorden"
        return None if choices == (NO_OPINION,) else "kies één antwoord, van 1 tot 5"
    known = {option.id for option in ballot.options}
    for choice in choices:
        if choice not in known:
            return f"'{choice}' is geen optie van stemronde {ballot.id}"
    repeated = len(set(choices)) != len(choices)
    if ballot.method == "dots":
        if len(choices) > ballot.dots:
            return f"je hebt {ballot.dots} {_dots(ballot.dots)}, niet {len(choices)}"
        if repeated and not ballot.stack:
            return "in deze stemronde krijgt elke optie hoogstens één stip"
    elif ballot.method == "ranking":
        if repeated:
            return "een optie mag maar één keer in je rangorde staan"
    elif ballot.method == "likert":
        if len(choices) != 1:
            return "kies één antwoord, van 1 tot 5"
    elif ballot.method == "consent":
        if len(choices) != 1:
            return "kies één antwoord: akkoord, onthouding, bezwaar of blokkeren"
    elif ballot.method == "choice":
        if repeated:
            return "kies elke optie hoogstens één keer"
        if len(choices) > ballot.max_choices:
            most = ballot.max_choices
            return f"kies hoogstens {most} {'optie' if most == 1 else 'opties'}"
    return None


def reason_problem(ballot: Ballot, choices: tuple[str, ...], reason: str | None) -> str | None:
    """Why a vote lacks the reason it needs (in Dutch), or None."""
    if ballot.method == "consent" and set(choices) & set(NEEDS_REASON) and not reason:
        return f"zeg waarom je '{choices[0]}' kiest: bij bezwaar of blokkeren hoort een reden"
    return None


def blocked_actions(ballots: Iterable[Ballot]) -> frozenset[str]:
    """The actions of the plan that a consent ballot's participant now blocks."""
    return frozenset(
        ballot.options[0].ref
        for ballot in ballots
        if ballot.method == "consent"
        and ballot.source == "action"
        and ballot.options[0].ref is not None
        and any("blokkeren" in vote.choices for vote in ballot.votes.values())
    )


def open_consents(ballots: Iterable[Ballot]) -> dict[str, Ballot]:
    """The consent ballots open now, by the action of the plan they are about."""
    return {
        ref: ballot
        for ballot in ballots
        if ballot.method == "consent" and ballot.is_open and (ref := ballot.options[0].ref)
    }


def _dots(n: int) -> str:
    return "stip" if n == 1 else "stippen"


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


def tally(ballot: Ballot) -> Tally:
    """Count the current votes of a ballot: one vote per participant, the latest one."""
    votes = list(ballot.votes.values())
    voters = len(votes)
    counts: Counter[str] = Counter()
    for vote in votes:
        counts.update(vote.choices)
    if ballot.method == "ranking":
        return _ranking_tally(ballot, voters)
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
    )


def _ranking_tally(ballot: Ballot, voters: int) -> Tally:
    size = len(ballot.options)
    points: Counter[str] = Counter()
    places: dict[str, list[int]] = {option.id: [] for option in ballot.options}
    for vote in ballot.votes.values():
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
    return Tally(ballot.id, ballot.method, voters, rows, voters)


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def ranked(result: Tally) -> tuple[TallyRow, ...]:
    """The rows best first: most points (ranking) or highest count, ties in option order."""
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
