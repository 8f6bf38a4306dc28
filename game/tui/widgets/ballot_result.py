"""A ballot's state and, when it may be shown, its result as bars."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from catalogue import N_, _, current_language
from deck import Deck
from game.engine import Ballot, SessionState, tally
from game.engine.ballots import Tally, axes_of, method_label
from game.tui.deck_text import option_names
from game.tui.widgets.tally_bars import TallyBars, best_first

REVEAL_WORDS = {
    "immediately": N_("uitslag meteen zichtbaar"),
    "after-vote": N_("uitslag na het stemmen"),
    "on-close": N_("uitslag bij het sluiten"),
    "manual": N_("uitslag als jij ze toont"),
}


def turnout(votes: int, joined: int, paper: int = 0) -> str:
    """How many voted, against how many joined: `gestemd: 2 van 4 aangemelden`, and how
    many slips came on paper."""
    on_paper = ", " + _("{count} op papier").format(count=paper) if paper else ""
    if joined == 0:
        if votes:
            return _("gestemd: {votes}, nog niemand aangemeld").format(votes=votes) + on_paper
        return _("nog niemand aangemeld") + on_paper
    return (
        _("gestemd: {votes} van {joined} aangemelden").format(votes=votes, joined=joined) + on_paper
    )


def labelled_tally(state: SessionState, ballot: Ballot, deck: Deck | None) -> Tally:
    """The ballot's tally, its answers named in the app's language: a statement's scale
    from the deck, our own scale and consent from the catalogue, an approach by its card."""
    result = tally(ballot)
    labels = option_names(state, ballot, deck)
    rows = tuple(replace(row, label=labels.get(row.option_id, row.label)) for row in result.rows)
    return replace(result, rows=rows)


class BallotResult(Vertical):
    """Status of a ballot (open or closed, how many voted, by whom) and its bars."""

    DEFAULT_CSS = """
    BallotResult {
        height: auto;
    }
    BallotResult #ballot-status {
        height: auto;
        margin-bottom: 1;
    }
    BallotResult #ballot-hidden {
        height: auto;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)

    def compose(self) -> ComposeResult:
        yield Static(id="ballot-status")
        yield TallyBars(id="ballot-bars")
        yield Static(id="ballot-hidden")

    def show(
        self,
        state: SessionState,
        ballot: Ballot | None,
        *,
        visible: bool,
        idle: str,
        deck: Deck | None = None,
    ) -> None:
        """Draw `ballot` (its bars only when `visible`), or `idle` when there is none; the
        answers of a statement come from `deck`, in the app's language."""
        status = self.query_one("#ballot-status", Static)
        bars = self.query_one(TallyBars)
        hidden = self.query_one("#ballot-hidden", Static)
        if ballot is None:
            status.update(RichText(idle, style="dim"))
            bars.display = False
            hidden.display = False
            return
        joined = len(state.participants)
        anonymous = _("anoniem") + " · " if ballot.anonymous else ""
        method = method_label(ballot.method)
        if ballot.method == "dots":
            method += ", " + _("{count} per deelnemer").format(count=ballot.dots)
        elif ballot.method == "matrix":
            method += " ({} × {})".format(*axes_of(ballot, current_language()))
        line = RichText.assemble(
            (_("Stemronde {id}").format(id=ballot.id), "bold"),
            f" · {method} · ",
            (_("open"), "bold green") if ballot.is_open else (_("gesloten"), "bold"),
            f" · {turnout(len(ballot.votes), joined, len(ballot.paper_votes))}",
            (f" · {anonymous}{_(REVEAL_WORDS[ballot.reveal])}", "dim"),
        )
        if not ballot.anonymous and ballot.votes:
            names = [state.participants[p].name for p in ballot.votes if p in state.participants]
            line.append("\n" + _("Gestemd: {names}").format(names=", ".join(names)), style="dim")
        status.update(line)
        bars.display = visible
        hidden.display = not visible
        if visible:
            bars.ranked = best_first(ballot.method)
            bars.update(labelled_tally(state, ballot, deck))
        else:
            hidden.update(
                _(
                    "De uitslag is nog verborgen: ze verschijnt bij het sluiten (c) of als je ze "
                    "toont (r)."
                )
                if ballot.is_open
                else _("De uitslag is verborgen tot je ze toont (r).")
            )
