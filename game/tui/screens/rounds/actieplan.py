"""Actieplan: the best-voted approaches get an owner, a first step and a date."""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text as RichText
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import DataTable, Static

from catalogue import _
from deck.model import TipCard
from game.engine import SessionState, ranked, results_visible, tally
from game.engine import commands as c
from game.engine.ballots import blocked_actions, every_vote, open_consents
from game.tui.context import AppContext
from game.tui.deck_text import card_title, deck_text, seat_name
from game.tui.live_session import LiveSession
from game.tui.screens.rounds.round_screen import RoundScreen
from workshops.model import ActionPlanRound

DATE_WIDTH = len("2026-12-31")


class ActieplanScreen(RoundScreen):
    """The top approaches above, the action plan as an editable table below, tips aside."""

    CSS_PATH = "actieplan.tcss"
    BINDINGS = [
        Binding("a", "add", _("Nieuwe actie")),
        Binding("enter", "edit", _("Wijzigen")),
        Binding("space", "toggle_done", _("Klaar")),
        Binding("k", "consent", _("Instemmen")),
        Binding("p", "paper_slips", _("Papieren stembrieven"), show=False),
    ]

    def __init__(self, live: LiveSession, context: AppContext, index: int) -> None:
        super().__init__(live, context, index)
        settings = self.settings
        self.top = settings.top if isinstance(settings, ActionPlanRound) else 3
        tips = settings.tips if isinstance(settings, ActionPlanRound) else ()
        every = live.deck.of_type(TipCard)
        self.tips = [t for t in every if t.id in tips] if tips else list(every)
        self.action_ids: list[str] = []
        self.top_ids: list[str] = []

    def compose_round(self) -> Iterable[Widget]:
        yield Static(id="top")
        with Horizontal(id="body"):
            yield DataTable(id="actions", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="tips-pane"):
                yield Static(id="tips")

    def on_mount(self) -> None:
        table = self.query_one("#actions", DataTable)
        table.border_title = _("Actieplan")
        table.border_subtitle = _("a: toevoegen · Enter: wijzigen · spatie: klaar")
        self.query_one("#tips-pane").border_title = _("Tips als checklist")
        self.query_one("#tips", Static).update(
            RichText(
                "\n".join(f"☐ {deck_text(self.live.deck, tip.title)}" for tip in self.tips)
                or _("Geen tipkaarten.")
            )
        )
        super().on_mount()
        table.focus()

    def top_approaches(self, state: SessionState) -> list[str]:
        """Ids of the best-voted approaches of the latest ballot over them, best first."""
        ballots = [
            b for b in state.ballots.values() if b.source == "approaches" and results_visible(b)
        ]
        if not ballots:
            return []
        ballot = ballots[-1]
        refs = {o.id: o.ref for o in ballot.options}
        rows = [row for row in ranked(tally(ballot)) if row.count or row.points]
        return [ref for row in rows[: self.top] if (ref := refs.get(row.option_id))]

    def show_state(self, state: SessionState) -> None:
        self.top_ids = self.top_approaches(state)
        top = self.query_one("#top", Static)
        if self.top_ids:
            planned = {a.fields.approach_id for a in state.actions.values()}
            text = RichText.assemble(
                (_("Top {count}:").format(count=len(self.top_ids)) + " ", "bold")
            )
            for number, approach_id in enumerate(self.top_ids, start=1):
                approach = state.approaches[approach_id]
                mark = "✓" if approach_id in planned else " "
                title = card_title(self.live.deck, approach.card_id, approach.card_title)
                text.append(f"{'  ' if number > 1 else ''}{number}. {title} {mark}")
            top.update(text)
        else:
            top.update(
                RichText(_("Nog geen uitslag van een stemming over de aanpakken."), style="dim")
            )
        table = self.query_one("#actions", DataTable)
        row = table.cursor_row
        table.clear(columns=True)
        self.action_ids = list(state.actions)
        # The facilitator sees a block as soon as it is cast, before the room does.
        blocked = blocked_actions(state.ballots.values())
        consents = open_consents(state.ballots.values())
        rows = []
        for action in state.actions.values():
            fields = action.fields
            owner = state.stakeholders.get(fields.owner) if fields.owner else None
            title = fields.title
            if action.id in consents:
                voters = len(every_vote(consents[action.id]))
                title += " · " + _("instemming loopt ({count} gestemd; k sluit)").format(
                    count=voters
                )
            if action.id in blocked:
                title += " · " + _("GEBLOKKEERD")
            rows.append(
                (fields.done, title, seat_name(self.live.deck, owner) if owner else "–", fields.due)
            )
        owner_head = _("Trekker")
        # The owner and the date keep their whole width; the action's title takes the
        # rest and wraps, so nothing is cut at 80 columns.
        owner_width = min(max([cell_len(owner_head), *(cell_len(r[2]) for r in rows)]), 20)
        title_width = max(12, table.scrollable_content_region.width - owner_width - 20)
        table.add_column("✓", width=1)
        table.add_column(_("Actie"), width=title_width)
        table.add_column(owner_head, width=owner_width)
        table.add_column(_("Tegen"), width=DATE_WIDTH)
        for (done, title, owner_name, due), action_id in zip(rows, self.action_ids, strict=True):
            table.add_row(
                "✓" if done else "☐",
                RichText(title, overflow="fold"),
                RichText(owner_name, overflow="fold"),
                due or "–",
                key=action_id,
                height=None,
            )
        if self.action_ids:
            table.move_cursor(row=min(row, len(self.action_ids) - 1))

    def on_resize(self) -> None:
        self.redraw()

    def _submit(self, command: c.Command) -> str | None:
        reason = self.live.send(command)
        self.redraw()
        return reason

    def _highlighted(self) -> str | None:
        table = self.query_one("#actions", DataTable)
        if not self.action_ids or not 0 <= table.cursor_row < len(self.action_ids):
            return None
        return self.action_ids[table.cursor_row]

    def action_add(self) -> None:
        """Add an action, for one of the top approaches or any other."""
        from game.tui.screens.action_editor import ActionEditor

        state = self.live.state
        order = self.top_ids + [a for a in state.approaches if a not in self.top_ids]
        planned = {a.fields.approach_id for a in state.actions.values()}
        next_up = next((a for a in self.top_ids if a not in planned), None)
        self.app.push_screen(
            ActionEditor(
                state, self._submit, self.live.deck, approach_order=order, approach=next_up
            )
        )

    def action_edit(self) -> None:
        """Change the highlighted action."""
        from game.tui.screens.action_editor import ActionEditor

        action_id = self._highlighted()
        if action_id is None:
            self.action_add()
            return
        state = self.live.state
        order = self.top_ids + [a for a in state.approaches if a not in self.top_ids]
        self.app.push_screen(
            ActionEditor(
                state,
                self._submit,
                self.live.deck,
                action=state.actions[action_id],
                approach_order=order,
            )
        )

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def action_consent(self) -> None:
        """Open a consent ballot on the highlighted action, or close the one that runs."""
        action_id = self._highlighted()
        if action_id is None:
            self.notify(_("Voeg eerst een actie toe (a)."), title=_("Instemming"))
            return
        running = open_consents(self.live.state.ballots.values()).get(action_id)
        if running is not None:
            self.send(c.CloseBallot(running.id))
            return
        self.send(c.OpenBallot("consent", "action", action_id=action_id, reveal="on-close"))

    def action_paper_slips(self) -> None:
        """Type in the paper slips of the consent that runs on the highlighted action."""
        from game.tui.screens.paper_slips import PaperSlipsScreen

        action_id = self._highlighted()
        running = open_consents(self.live.state.ballots.values()).get(action_id or "")
        if running is None:
            self.notify(_("Open eerst de instemming over de actie met k."), severity="warning")
            return
        self.app.push_screen(PaperSlipsScreen(self.live, running.id), lambda _: self.redraw())

    def action_toggle_done(self) -> None:
        """Tick the highlighted action off, or on again."""
        action_id = self._highlighted()
        if action_id is None:
            return
        done = self.live.state.actions[action_id].fields.done
        self.send(c.EditAction(action_id, done=not done))
