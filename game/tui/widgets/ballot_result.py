"""A ballot's state and, when it may be shown, its result as bars."""

from __future__ import annotations

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from catalogue import _
from game.engine import Ballot, SessionState, tally
from game.engine.ballots import axes_of, method_label
from game.tui.widgets.tally_bars import TallyBars, best_first

REVEAL_WORDS = {
    "immediately": "uitslag meteen zichtbaar",
    "after-vote": "uitslag na het stemmen",
    "on-close": "uitslag bij het sluiten",
    "manual": "uitslag als jij ze toont",
}


def turnout(votes: int, joined: int, paper: int = 0) -> str:
    """How many voted, against how many joined: `gestemd: 2 van 4 aangemelden`, and how
    many slips came on paper."""
    on_paper = ", " + _("{count} op papier").format(count=paper) if paper else ""
    if joined == 0:
        if votes:
            return f"gestemd: {votes}, nog niemand aangemeld{on_paper}"
        return f"nog niemand aangemeld{on_paper}"
    return f"gestemd: {votes} van {joined} aangemelden{on_paper}"


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

    def show(self, state: SessionState, ballot: Ballot | None, *, visible: bool, idle: str) -> None:
        """Draw `ballot` (its bars only when `visible`), or `idle` when there is none."""
        status = self.query_one("#ballot-status", Static)
        bars = self.query_one(TallyBars)
        hidden = self.query_one("#ballot-hidden", Static)
        if ballot is None:
            status.update(RichText(idle, style="dim"))
            bars.display = False
            hidden.display = False
            return
        joined = len(state.participants)
        method = method_label(ballot.method)
        if ballot.method == "dots":
            method += f", {ballot.dots} per deelnemer"
        elif ballot.method == "matrix":
            method += " ({} × {})".format(*axes_of(ballot))
        line = RichText.assemble(
            (f"Stemronde {ballot.id}", "bold"),
            f" · {method} · ",
            ("open", "bold green") if ballot.is_open else ("gesloten", "bold"),
            f" · {turnout(len(ballot.votes), joined, len(ballot.paper_votes))}",
            (f" · {'anoniem · ' if ballot.anonymous else ''}{REVEAL_WORDS[ballot.reveal]}", "dim"),
        )
        if not ballot.anonymous and ballot.votes:
            names = [state.participants[p].name for p in ballot.votes if p in state.participants]
            line.append(f"\nGestemd: {', '.join(names)}", style="dim")
        status.update(line)
        bars.display = visible
        hidden.display = not visible
        if visible:
            bars.ranked = best_first(ballot.method)
            bars.update(tally(ballot))
        else:
            hidden.update(
                "De uitslag is nog verborgen: ze verschijnt bij het sluiten (c) of als je ze "
                "toont (r)."
                if ballot.is_open
                else "De uitslag is verborgen tot je ze toont (r)."
            )
