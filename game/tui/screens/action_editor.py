"""Add or change an item of the action plan: what, who, by when, for which approach."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static

from catalogue import _
from deck import Deck
from game.engine import Action, SessionState
from game.engine import commands as c
from game.tui.deck_text import approach_label, card_title, seat_label
from game.tui.dutch_textual import DutchSelect

Submit = Callable[[c.Command], str | None]
"""Sends the command; returns why it was refused, or None."""


class ActionEditor(ModalScreen[bool]):
    """The fields of one action; Ctrl+S (or Enter in the last box) saves."""

    CSS_PATH = "action_editor.tcss"
    BINDINGS = [
        Binding("ctrl+s", "save", _("Bewaren"), priority=True),
        Binding("escape", "cancel", _("Annuleren")),
    ]

    def __init__(
        self,
        state: SessionState,
        submit: Submit,
        deck: Deck,
        *,
        action: Action | None = None,
        approach_order: list[str] | None = None,
        approach: str | None = None,
    ) -> None:
        super().__init__()
        self.state = state
        self.submit = submit
        self.deck = deck
        """Says the recorded (Dutch) card titles in the app's language."""
        self.action = action
        self.approach_order = approach_order or list(state.approaches)
        self.preset = approach
        """For a new action: the approach it starts from (its title becomes the first text)."""

    def compose(self) -> ComposeResult:
        fields = self.action.fields if self.action else None
        owners = [
            (seat_label(self.deck, s), s.id)
            for s in self.state.stakeholders.values()
            if s.present or (fields is not None and fields.owner == s.id)
        ]
        approaches = [
            (approach_label(self.deck, self.state, self.state.approaches[a]), a)
            for a in self.approach_order
            if a in self.state.approaches
        ]
        preset = self.preset if self.preset in self.state.approaches else None
        chosen = fields.approach_id if fields else preset
        with Vertical(id="dialog"):
            yield Label(
                _("Actie wijzigen: {title}").format(title=self.action.fields.title)
                if self.action
                else _("Nieuwe actie"),
                classes="title",
            )
            with Grid(id="fields"):
                yield Label(_("Aanpak"))
                yield DutchSelect(
                    approaches,
                    prompt=_("(geen)"),
                    id="approach",
                    compact=True,
                    value=chosen or Select.NULL,
                )
                yield Label(_("Wat"))
                first = self._approach_title(preset) if preset else ""
                yield Input(
                    fields.title if fields else first,
                    id="title",
                    compact=True,
                    select_on_focus=False,
                    placeholder=_("De eerste concrete stap"),
                )
                yield Label(_("Trekker"))
                yield DutchSelect(
                    owners,
                    prompt=_("(nog niemand)"),
                    id="owner",
                    compact=True,
                    value=fields.owner if fields and fields.owner else Select.NULL,
                )
                yield Label(_("Tegen"))
                yield Input(
                    (fields.due or "") if fields else "",
                    id="due",
                    compact=True,
                    placeholder=_("JJJJ-MM-DD"),
                )
                yield Label(_("Notitie"))
                yield Input(fields.note if fields else "", id="note", compact=True)
            yield Static(_("Ctrl+S bewaart · Esc annuleert"), classes="hint")
            yield Static(id="problem")

    def _approach_title(self, approach_id: str) -> str:
        approach = self.state.approaches[approach_id]
        return card_title(self.deck, approach.card_id, approach.card_title)

    def on_mount(self) -> None:
        if self.action is None and self.preset is None:
            self.query_one("#approach").focus()
        else:
            self.query_one("#title").focus()

    def on_select_changed(self, event: Select.Changed) -> None:
        # Choosing an approach gives an empty action its title, as a start.
        title = self.query_one("#title", Input)
        if event.select.id == "approach" and isinstance(event.value, str) and not title.value:
            title.value = self._approach_title(event.value)
            title.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "note":
            self.action_save()
        else:
            self.focus_next()

    def _value(self, widget_id: str) -> str:
        widget = self.query_one(f"#{widget_id}")
        if isinstance(widget, Select):
            return widget.value if isinstance(widget.value, str) else ""
        assert isinstance(widget, Input)
        return widget.value.strip()

    def action_save(self) -> None:
        """Send the action; stay open with the reason when it is refused."""
        title, owner, due = self._value("title"), self._value("owner"), self._value("due")
        approach, note = self._value("approach"), self._value("note")
        command: c.Command
        if self.action is None:
            command = c.AddAction(
                title, owner=owner or None, approach_id=approach or None, due=due or None, note=note
            )
        else:
            old = self.action.fields
            command = c.EditAction(
                self.action.id,
                title=title if title != old.title else None,
                owner=owner if owner != (old.owner or "") else None,
                approach_id=approach if approach != (old.approach_id or "") else None,
                due=due if due != (old.due or "") else None,
                note=note if note != old.note else None,
            )
            if command == c.EditAction(self.action.id):
                self.dismiss(False)
                return
        reason = self.submit(command)
        if reason is None:
            self.dismiss(True)
        else:
            self.query_one("#problem", Static).update(reason)

    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(False)
