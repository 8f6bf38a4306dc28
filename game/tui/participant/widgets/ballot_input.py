"""The widget for a ballot's method, and how to use it in a sentence: shared by the
participant's voting screens and the hot seat on the facilitator's screen."""

from __future__ import annotations

from catalogue import _, current_language
from game.engine import Ballot
from game.engine.ballots import axes_of
from game.participation import option_labels
from game.tui.participant.widgets.choice_list import ChoiceList
from game.tui.participant.widgets.dot_spreader import DotSpreader
from game.tui.participant.widgets.likert_scale import LikertScale
from game.tui.participant.widgets.matrix_places import MatrixPlaces
from game.tui.participant.widgets.option_rows import OptionRows, VoteCheck
from game.tui.participant.widgets.rank_list import RankList


def ballot_input(ballot: Ballot, check: VoteCheck, *, id: str | None = None) -> OptionRows:
    """The widget to vote on `ballot` with: dots, a ranking, a scale, a choice list or a
    matrix's two figures per option."""
    if ballot.method == "dots":
        return DotSpreader(ballot.options, check, ballot.dots, id=id)
    if ballot.method == "ranking":
        return RankList(ballot.options, check, id=id)
    if ballot.method == "likert":
        return LikertScale(option_labels(ballot), check, id=id)
    if ballot.method == "matrix":
        return MatrixPlaces(ballot.options, check, axes_of(ballot, current_language()), id=id)
    several = ballot.method == "choice" and ballot.max_choices > 1
    return ChoiceList(option_labels(ballot), check, several=several, id=id)


def how_to_vote(ballot: Ballot) -> str:
    """How to vote on `ballot` with its widget, in one or two Dutch sentences."""
    if ballot.method == "dots":
        stack = "" if ballot.stack else _(" Hoogstens één stip per optie.")
        return _(
            "Verdeel je {dots} stippen. Tik op een optie of druk haar nummer (of +) voor een "
            "stip, - om er een terug te nemen.{stack}"
        ).format(dots=ballot.dots, stack=stack)
    if ballot.method == "ranking":
        return _(
            "Zet de opties in volgorde, de beste bovenaan. Kies een optie en druk + of "
            "‘Hoger’ om ze te laten stijgen, - of ‘Lager’ om ze te laten zakken."
        )
    if ballot.method == "likert":
        extra = _(" Geen mening? Kies die onderaan.") if ballot.no_opinion else ""
        return _(
            "Hoe sta je tegenover deze stelling? Tik een antwoord of druk 1 tot 5.{extra}"
        ).format(extra=extra)
    if ballot.method == "matrix":
        first, second = axes_of(ballot, current_language())
        return _(
            "Geef elke optie een cijfer van 1 tot 5 voor {first} en voor {second}: druk het "
            "cijfer, de cursor gaat vanzelf verder (← → wisselt van schaal, ↑ ↓ van optie)."
        ).format(first=first, second=second)
    if ballot.method == "consent":
        return _(
            "Stem in met het voorstel: akkoord, onthouding, bezwaar of blokkeren. Bij "
            "bezwaar of blokkeren hoort een reden in de toelichting."
        )
    if ballot.max_choices == 1:
        return _("Kies één optie: tik erop, of druk haar nummer.")
    return _("Kies hoogstens {max_choices} opties: tik erop, of druk hun nummer.").format(
        max_choices=ballot.max_choices
    )
