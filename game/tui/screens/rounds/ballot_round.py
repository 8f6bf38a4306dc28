"""Rounds that hold a ballot: open it, watch the votes come in, close, reveal, reopen."""

from __future__ import annotations

from textual.binding import Binding

from catalogue import _
from game.engine import Ballot
from game.engine import commands as c
from game.tui.screens.rounds.round_screen import RoundScreen


class BallotRoundScreen(RoundScreen):
    """A round screen with ballot controls; subclasses say which ballot and how to open it."""

    BINDINGS = [
        Binding("o", "open_ballot", _("Openen")),
        Binding("c", "close_ballot", _("Sluiten")),
        Binding("r", "reveal_ballot", _("Tonen")),
        Binding("h", "reopen_ballot", _("Heropenen")),
        # Not in the footer (crowded at 80 columns); F1 lists it.
        Binding("d", "hot_seat", _("Stem doorgeven"), show=False),
        Binding("p", "paper_slips", _("Papieren stembrieven"), show=False),
    ]

    def ballot(self) -> Ballot | None:
        """The ballot the controls act on now (None before one is opened)."""
        raise NotImplementedError

    def open_command(self) -> c.OpenBallot | str:
        """The command that opens this round's ballot, or why none can be opened now."""
        raise NotImplementedError

    def action_open_ballot(self) -> None:
        """Open the ballot."""
        current = self.ballot()
        if current is not None and current.is_open:
            self.notify(_("Stemronde {id} is al open.").format(id=current.id), severity="warning")
            return
        command = self.open_command()
        if isinstance(command, str):
            self.notify(command, severity="warning")
            return
        if self.send(command):
            opened = self.ballot()
            if opened is not None:
                self.notify(_("Stemronde {id} is open.").format(id=opened.id))
            self.show_ballot()

    def _with_ballot(self, make: type[c.CloseBallot | c.RevealBallot | c.ReopenBallot]) -> None:
        current = self.ballot()
        if current is None:
            self.notify(_("Er is nog geen stemronde; open er een met o."), severity="warning")
            return
        if self.send(make(current.id)):
            self.show_ballot()

    def show_ballot(self) -> None:
        """Bring the ballot's status and result into view after a ballot key. Optional."""

    def action_close_ballot(self) -> None:
        """Close the ballot: no more votes."""
        self._with_ballot(c.CloseBallot)

    def action_reveal_ballot(self) -> None:
        """Show the result to everyone."""
        self._with_ballot(c.RevealBallot)

    def action_reopen_ballot(self) -> None:
        """Open a closed ballot again."""
        self._with_ballot(c.ReopenBallot)

    def action_hot_seat(self) -> None:
        """Pass the keyboard round the table: everyone votes here, one by one."""
        from game.tui.screens.hot_seat import HotSeatScreen

        current = self.ballot()
        if current is None or not current.is_open:
            self.notify(_("Open eerst de stemronde met o."), severity="warning")
            return
        live = self.live
        self.app.push_screen(HotSeatScreen(live.store, current.id, live.seat_tokens, live.deck))

    def action_paper_slips(self) -> None:
        """Type in the paper slips of the open ballot, one key per option."""
        from game.tui.screens.paper_slips import PaperSlipsScreen

        current = self.ballot()
        if current is None or not current.is_open:
            self.notify(_("Open eerst de stemronde met o."), severity="warning")
            return
        self.app.push_screen(PaperSlipsScreen(self.live, current.id), lambda _: self.redraw())
