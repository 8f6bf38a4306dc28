"""Search box and filters of the inspiratiebank; posts the query whenever one changes."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Select

from catalogue import _
from deck import Deck
from deck.model import FormCard
from deck.phases import PHASES
from deck.search import ExampleQuery
from game.tui.deck_text import deck_text
from game.tui.dutch_textual import DutchSelect


class ExampleFilters(Vertical):
    """A search box and one selector each for form, phase, theme and audience."""

    @dataclass
    class Changed(Message):
        """The query changed."""

        query: ExampleQuery

    def __init__(self, deck: Deck, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.deck = deck

    def compose(self) -> ComposeResult:
        manifest = self.deck.manifest
        forms: list[tuple[str, str]] = []
        for form in self.deck.of_type(FormCard):
            forms.append((deck_text(self.deck, form.title), f"form:{form.id}"))
            forms += [
                ("  " + deck_text(self.deck, sub.title), f"subform:{sub.id}")
                for sub in form.subforms
            ]
        yield Input(placeholder=_("Zoek in de inspiratiebank…"), id="search", compact=True)
        with Horizontal(id="selectors"):
            yield DutchSelect(forms, prompt=_("Vorm"), id="form", compact=True)
            yield DutchSelect(
                [(_(label), phase) for phase, label in PHASES.items()],
                prompt=_("Fase"),
                id="phase",
                compact=True,
            )
            yield DutchSelect(
                sorted(
                    (deck_text(self.deck, label), key) for key, label in manifest.themes.items()
                ),
                prompt=_("Thema"),
                id="theme",
                compact=True,
            )
            yield DutchSelect(
                sorted(
                    (deck_text(self.deck, label), key) for key, label in manifest.audiences.items()
                ),
                prompt=_("Doelgroep"),
                id="audience",
                compact=True,
            )

    @property
    def example_query(self) -> ExampleQuery:
        """The query the widgets describe now."""

        def chosen(widget_id: str) -> str | None:
            value = self.query_one(f"#{widget_id}", Select).value
            return value if isinstance(value, str) else None

        form = chosen("form") or ""
        kind, _, key = form.partition(":")
        return ExampleQuery(
            text=self.query_one("#search", Input).value,
            form=key if kind == "form" else None,
            subform=key if kind == "subform" else None,
            phase=chosen("phase"),
            theme=chosen("theme"),
            audience=chosen("audience"),
        )

    def clear(self) -> None:
        """Empty the search box and reset every filter."""
        self.query_one("#search", Input).value = ""
        for select in self.query(Select):
            select.clear()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.example_query))

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self.example_query))
