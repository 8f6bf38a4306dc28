"""Stemming: a ballot over the recorded approaches (or the round's own options)."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text as RichText
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import Static

from catalogue import _, current_language, ngettext
from game.engine import Ballot, SessionState, results_visible
from game.engine import commands as c
from game.engine.ballots import MATRIX_AXES
from game.tui.context import AppContext
from game.tui.deck_text import approach_label, option_names
from game.tui.live_session import LiveSession
from game.tui.screens.rounds.ballot_round import BallotRoundScreen
from game.tui.widgets.ballot_result import BallotResult
from workshops.model import VoteRound


class StemmingScreen(BallotRoundScreen):
    """What the table votes on, then the live count and, when shown, the result."""

    CSS_PATH = "stemming.tcss"
    BINDINGS = [Binding("m", "open_matrix", _("Matrix openen"), show=False)]

    def __init__(self, live: LiveSession, context: AppContext, index: int) -> None:
        super().__init__(live, context, index)
        self.matrix = False
        """True while `m` opens a matrix instead of the werkvorm's method."""
        settings = self.settings
        self.vote = (
            settings
            if isinstance(settings, VoteRound)
            else VoteRound.model_validate(
                {
                    "kind": "stemming",
                    "id": "stemming",
                    "title": "Stemming",
                    "minutes": 15,
                    "instructions": "-",
                }
            )
        )

    def compose_round(self) -> Iterable[Widget]:
        with VerticalScroll(id="body"):
            yield Static(id="about")
            yield BallotResult(id="result")
            yield Static(id="options")

    def on_mount(self) -> None:
        self.query_one("#body").border_title = self.live.round_title(self.plan)
        super().on_mount()

    def ballot(self) -> Ballot | None:
        """The latest ballot of this round's kind (over the approaches or own options)."""
        source = "approaches" if self.vote.over == "approaches" else "options"
        found = [b for b in self.live.state.ballots.values() if b.source == source]
        return found[-1] if found else None

    def action_open_matrix(self) -> None:
        """Open a matrix (impact × haalbaarheid) over the same options, whatever the
        werkvorm's method."""
        self.matrix = True
        try:
            self.action_open_ballot()
        finally:
            self.matrix = False

    def open_command(self) -> c.OpenBallot | str:
        vote = self.vote
        if self.matrix and vote.method != "matrix":
            vote = vote.model_copy(update={"method": "matrix", "axes": ()})
        return c.OpenBallot(
            method=vote.method,
            source="approaches" if vote.over == "approaches" else "options",
            options=tuple(self._options()),
            dots=vote.dots,
            max_choices=vote.max_choices,
            axes=vote.axes,
            anonymous=vote.anonymous,
            reveal=vote.reveal,
        )

    def show_state(self, state: SessionState) -> None:
        ballot = self.ballot()
        about = self.query_one("#about", Static)
        options = self.query_one("#options", Static)
        if ballot is None:
            about.update(RichText(self._plan_line(), style="dim"))
        else:
            about.update("")
        about.display = ballot is None
        self.query_one(BallotResult).show(
            state,
            ballot,
            visible=ballot is not None and results_visible(ballot),
            idle=_("Druk o om de stemming te openen."),
            deck=self.live.deck,
        )
        if ballot is not None and (results_visible(ballot)):
            options.display = False
            return
        options.display = True
        lines = RichText(style="")
        names = option_names(state, ballot, self.live.deck) if ballot is not None else {}
        labels = (
            [names[o.id] for o in ballot.options]
            if ballot is not None
            else self._labels_before_opening(state)
        )
        lines.append(_("Opties:") + "\n", style="bold")
        for number, label in enumerate(labels, start=1):
            lines.append(f"  {number}. {label}\n")
        if not labels:
            lines.append("  " + _("nog geen aanpakken genoteerd") + "\n", style="dim")
        options.update(lines)

    def _plan_line(self) -> str:
        vote = self.vote
        how = {
            "dots": ngettext(
                "{count} stip per deelnemer", "{count} stippen per deelnemer", vote.dots
            ).format(count=vote.dots),
            "ranking": _("rangorde"),
            "likert": _("schaal 1–5"),
            "choice": _("kies één optie")
            if vote.max_choices == 1
            else _("kies hoogstens {count} opties").format(count=vote.max_choices),
            "matrix": _("elke optie op {first} en {second}, van 1 tot 5").format(
                first=(vote.axes or MATRIX_AXES)[0], second=(vote.axes or MATRIX_AXES)[1]
            ),
        }[vote.method]
        if vote.over == "approaches":
            return _("Stemming over de genoteerde aanpakken: {how}.").format(how=how)
        return _("Stemming over de opties hieronder: {how}.").format(how=how)

    def _options(self) -> list[str]:
        """The round's own options, in the app's language: the ballot records them so."""
        return [option.in_language(current_language()) for option in self.vote.options]

    def _labels_before_opening(self, state: SessionState) -> list[str]:
        if self.vote.over == "options":
            return self._options()
        return [
            approach_label(self.live.deck, state, a)
            for a in state.approaches.values()
            if state.stakeholders[a.stakeholder_id].present
        ]
