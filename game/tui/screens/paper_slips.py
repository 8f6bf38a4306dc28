"""Papieren stembrieven: the facilitator types a stack of paper slips in, one after another.

One key per option on a slip: its number (a figure 1–5 on a scale; two figures, impact
then haalbaarheid, per option of a matrix). A slip with one answer counts as soon as it is
typed; slips with several (dots, a ranking, several choices) count with Enter. Backspace
takes back the last key, `u` the last slip. Each slip is the engine's `CastPaperVote`: the
vote of "papier 1", "papier 2" …, refused like any vote on a closed ballot or when invalid.
The running total counts the slips only, so participants' votes stay hidden when the
ballot hides them.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.events import Key
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from catalogue import _, current_language, ngettext
from game.engine import Ballot, tally, vote_problem
from game.engine import commands as c
from game.engine import events as e
from game.engine.ballots import (
    NEEDS_REASON,
    NO_OPINION,
    axes_of,
    matrix_choice,
    paper_name,
)
from game.engine.decide import MAX_NOTE
from game.engine.state import evolve
from game.tui.deck_text import ballot_heading, option_names
from game.tui.live_session import LiveSession
from game.tui.widgets.tally_bars import TallyBars, best_first

MOST_KEYED = 9
"""Options reachable with one digit key."""


def answers_at_once(ballot: Ballot) -> bool:
    """Whether one key makes the whole slip (a scale, one choice, consent)."""
    return ballot.method in ("likert", "consent") or (
        ballot.method == "choice" and ballot.max_choices == 1
    )


def slip_choices(ballot: Ballot, keys: list[int]) -> tuple[str, ...]:
    """The choices the keys typed for one slip stand for (option numbers, or figures)."""
    if ballot.method == "matrix":
        pairs = zip(keys[0::2], keys[1::2], strict=False)
        return tuple(
            matrix_choice(option.id, a, b)
            for option, (a, b) in zip(ballot.options, pairs, strict=False)
        )
    if ballot.method == "likert" and keys == [0]:
        return (NO_OPINION,)
    return tuple(ballot.options[key - 1].id for key in keys if 0 < key <= len(ballot.options))


def how_to_enter(ballot: Ballot) -> str:
    """How this ballot's slips are typed, in one Dutch sentence."""
    if ballot.method == "matrix":
        first, second = axes_of(ballot, current_language())
        return _(
            "Typ per optie twee cijfers van 1 tot 5: {first}, dan {second}. Na de laatste "
            "optie telt de brief."
        ).format(first=first, second=second)
    if ballot.method == "likert":
        if ballot.no_opinion:
            return _(
                "Typ het antwoord op de brief (1 tot 5, 0 voor geen mening): de brief telt meteen."
            )
        return _("Typ het antwoord op de brief (1 tot 5): de brief telt meteen.")
    if ballot.method == "consent":
        return _(
            "Typ het nummer van het antwoord. Bij bezwaar of blokkeren typ je de reden van "
            "de brief en Enter."
        )
    if answers_at_once(ballot):
        return _("Typ het nummer van de aangekruiste optie: de brief telt meteen.")
    if ballot.method == "dots":
        return _("Typ voor elke stip het nummer van haar optie, dan Enter.")
    if ballot.method == "ranking":
        return _("Typ de nummers in de volgorde van de brief, de beste eerst, dan Enter.")
    return _("Typ het nummer van elke aangekruiste optie, dan Enter.")


class PaperSlipsScreen(Screen[None]):
    """Type the slips in: the current slip, the slips so far, undo per slip."""

    CSS_PATH = "paper_slips.tcss"
    TITLE = _("Papieren stembrieven")
    BINDINGS = [
        Binding("escape", "back", _("Terug")),
        Binding("enter", "count", _("Brief tellen")),
        Binding("backspace", "erase", _("Toets terug")),
        Binding("u,ctrl+z", "take_back", _("Laatste brief terug")),
    ]

    def __init__(self, live: LiveSession, ballot_id: str) -> None:
        super().__init__()
        self.live = live
        self.ballot_id = ballot_id
        self.keys: list[int] = []

    @property
    def ballot(self) -> Ballot:
        """The ballot as it stands now."""
        return self.live.state.ballots[self.ballot_id]

    def compose(self) -> ComposeResult:
        ballot = self.ballot
        heading = _("Papieren stembrieven · stemronde {ballot}: {title}")
        title = ballot_heading(ballot, self.live.deck)[0]
        yield Static(Text(heading.format(ballot=ballot.id, title=title)), id="heading")
        with VerticalScroll(id="slips"):
            yield Static(how_to_enter(ballot), classes="hint")
            yield Static(self._options(), id="options")
            yield Static(id="slip")
            yield Input(placeholder=_("reden op de brief"), max_length=MAX_NOTE, id="reason")
            yield Static(id="problem")
            yield Static(id="count", classes="good")
            yield TallyBars(id="paper-total", ranked=best_first(ballot.method))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#reason").display = False
        self.redraw()

    def _options(self) -> Text:
        ballot = self.ballot
        names = option_names(self.live.state, ballot, self.live.deck)
        text = Text()
        for number, option in enumerate(ballot.options, start=1):
            text.append(f"{number:>2} ", style="bold")
            text.append(names[option.id] + "\n")
        if ballot.method == "likert" and ballot.no_opinion:
            text.append(" 0 ", style="bold")
            text.append(_("geen mening") + "\n")
        if len(ballot.options) > MOST_KEYED and ballot.method != "likert":
            text.append(
                _(
                    "Opties na {most}: voer die brieven in met `netwerktafel session paper-vote`."
                ).format(most=MOST_KEYED),
                style="italic",
            )
        text.rstrip()
        return text

    def redraw(self, problem: str = "") -> None:
        """The slip being typed, the slips counted so far and what went wrong."""
        ballot = self.ballot
        slip = Text.assemble(
            (_("Stembrief {slip}: ").format(slip=paper_name(self.next_slip())), "bold"),
            self._typed(ballot) or (_("nog niets getypt"), "dim"),
        )
        self.query_one("#slip", Static).update(slip)
        shown = self.query_one("#problem", Static)
        shown.update(Text(problem[:1].upper() + problem[1:]))
        shown.display = bool(problem)
        slips = len(ballot.paper_votes)
        self.query_one("#count", Static).update(
            ngettext(
                "Ingevoerd: {count} stembrief op papier.",
                "Ingevoerd: {count} stembrieven op papier.",
                slips,
            ).format(count=slips)
        )
        # The slips only: a hidden result stays hidden, even from this screen.
        only_paper = evolve(ballot, votes={})
        self.query_one(TallyBars).update(tally(only_paper))

    def next_slip(self) -> int:
        """The number the slip being typed will get."""
        return max(self.ballot.paper_votes, default=0) + 1

    def _typed(self, ballot: Ballot) -> str:
        if ballot.method == "matrix":
            first, second = axes_of(ballot, current_language())
            parts = []
            for index, option in enumerate(ballot.options):
                figures = self.keys[2 * index : 2 * index + 2]
                if not figures:
                    break
                shown = "/".join(str(f) for f in figures) + ("/…" if len(figures) == 1 else "")
                parts.append(f"{option.id}={shown}")
            return ", ".join(parts) + (f"   ({first}/{second})" if parts else "")
        choices = slip_choices(ballot, self.keys)
        labels = option_names(self.live.state, ballot, self.live.deck)
        return ", ".join(labels.get(choice, _("geen mening")) for choice in choices)

    def on_key(self, event: Key) -> None:
        if self.query_one("#reason", Input).has_focus:
            return
        character = event.character
        if character is None or not character.isdigit():
            return
        event.stop()
        self.type_key(int(character))

    def type_key(self, key: int) -> None:
        """One key of the current slip; a slip that is whole counts at once."""
        ballot = self.ballot
        if ballot.method == "matrix":
            if not 1 <= key <= 5:
                self.redraw(_("een cijfer van 1 tot 5"))
                return
            self.keys.append(key)
            if len(self.keys) == 2 * len(ballot.options):
                self.count()
            else:
                self.redraw()
            return
        allowed = key == 0 and ballot.method == "likert" and ballot.no_opinion
        if not allowed and not 1 <= key <= min(len(ballot.options), MOST_KEYED):
            self.redraw(_("er is geen optie {key}").format(key=key))
            return
        self.keys.append(key)
        if ballot.method == "consent" and ballot.options[key - 1].id in NEEDS_REASON:
            self.redraw()
            reason = self.query_one("#reason", Input)
            reason.display = True
            reason.focus()
            return
        if answers_at_once(ballot):
            self.count()
        else:
            self.redraw()

    def action_count(self) -> None:
        """Count the slip typed so far."""
        if self.keys:
            self.count()

    @on(Input.Submitted, "#reason")
    def reason_given(self) -> None:
        self.count()

    def count(self) -> None:
        """Send the slip: the engine takes it as a vote of "papier N", or says why not."""
        ballot = self.ballot
        choices = slip_choices(ballot, self.keys)
        problem = vote_problem(ballot, choices)
        if problem is not None:
            self.redraw(problem)
            return
        reason_input = self.query_one("#reason", Input)
        reason = reason_input.value.strip() or None
        refusal = self.live.send(c.CastPaperVote(ballot.id, choices, reason))
        if refusal is not None:
            self.redraw(refusal)
            return
        self.keys = []
        reason_input.value = ""
        reason_input.display = False
        self.focus()
        self.redraw()

    def action_erase(self) -> None:
        """Take back the last key of the slip being typed."""
        if self.keys:
            self.keys.pop()
        reason = self.query_one("#reason", Input)
        if reason.display and not reason.value:
            reason.display = False
        self.redraw()

    def action_take_back(self) -> None:
        """Undo the last slip counted, if it is the facilitator's last command."""
        undo = self.live.state.undo
        last = undo[-1][1] if undo else None
        if not isinstance(last, e.PaperVoteCast) or last.ballot_id != self.ballot_id:
            self.redraw(_("de laatste opdracht was geen stembrief van deze stemronde"))
            return
        done, message = self.live.undo()
        self.keys = []
        self.redraw("" if done else message)
        if done:
            self.notify(_("Stembrief {slip} teruggenomen.").format(slip=paper_name(last.slip)))

    def action_back(self) -> None:
        """Back to the round."""
        self.dismiss()
