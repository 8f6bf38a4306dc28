"""Session setup: the workshop format and the case. Stakeholders come next, on the table
screen, once the session exists."""

from __future__ import annotations

import datetime as dt

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Label, Select, Static

from catalogue import _, current_language, ngettext
from deck import InputError
from game.engine.case_text import CaseText, compose_case
from game.store import Refused, StoreError
from game.tui.context import AppContext
from game.tui.dutch_textual import DutchSelect
from game.tui.live_session import LiveSession, local_time, new_session_path
from game.tui.widgets.case_form import CaseForm
from workshops import FittedWorkshop, Workshop, builtin_workshops, fit_to_deck


class SetupScreen(Screen[None]):
    """Choose a workshop format and write the case; Ctrl+S makes the session."""

    CSS_PATH = "setup.tcss"
    TITLE = _("Nieuwe sessie")
    BINDINGS = [
        Binding("ctrl+s", "create", _("Sessie maken"), priority=True),
        Binding("escape", "app.pop_screen", _("Terug")),
    ]

    def __init__(self, context: AppContext) -> None:
        super().__init__()
        self.context = context
        self.workshops = builtin_workshops()
        self.fits = {id_: self._fit(workshop) for id_, workshop in self.workshops.items()}
        """Each workshop as the app's deck lets it run (None: the deck cannot run it)."""

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="form"):
            with Grid(id="format"):
                yield Label(_("Werkvorm"))
                yield DutchSelect(
                    [(self.label(w), w.id) for w in self.workshops.values()],
                    value="netwerktafel" if "netwerktafel" in self.workshops else Select.NULL,
                    allow_blank=False,
                    id="workshop",
                    compact=True,
                )
                yield Label("")
                yield Static(id="about")
                # What the deck changes in the werkvorm, said here before the session exists:
                # a notice after Ctrl+S covered the join code the room needs.
                yield Label(_("Aangepast"), id="fit-label")
                yield Static(id="fit-notes")
                yield Label(_("Voorbeeld"), id="sample-label")
                yield DutchSelect(
                    [],
                    prompt=_("Kies een voorbeeldcasus (of schrijf je eigen)"),
                    id="sample",
                    compact=True,
                )
            yield CaseForm(self.context.deck, id="case")
            yield Button(_("Sessie maken (Ctrl+S)"), id="create", variant="primary", compact=True)
        yield Footer(show_command_palette=False, compact=True)

    def on_mount(self) -> None:
        self.show_workshop(self.workshop)
        self.query_one("#case-title").focus()

    def _fit(self, workshop: Workshop) -> FittedWorkshop | None:
        try:
            return fit_to_deck(workshop, self.context.deck)
        except InputError:
            return None

    def label(self, workshop: Workshop) -> str:
        """The workshop's name with its minutes and rounds as the app's deck lets it run."""
        fitted = self.fits[workshop.id]
        played = fitted.workshop if fitted is not None else workshop
        rounds = len(played.rounds)
        return ngettext(
            "{title} — {minutes} min, {rounds} ronde",
            "{title} — {minutes} min, {rounds} rondes",
            rounds,
        ).format(
            title=workshop.title.in_language(current_language()),
            minutes=played.minutes,
            rounds=rounds,
        )

    @property
    def workshop(self) -> Workshop:
        """The chosen workshop format."""
        return self.workshops[str(self.query_one("#workshop", Select).value)]

    def show_workshop(self, workshop: Workshop) -> None:
        """Describe the workshop and offer its sample cases, if it has any."""
        language = current_language()
        about = " ".join(workshop.description.in_language(language).split())
        first = about.split(". ")[0].rstrip(".") + "."
        self.query_one("#about", Static).update(RichText(first, style="dim"))
        fitted = self.fits[workshop.id]
        notes = fitted.notes if fitted is not None else ()
        self.query_one("#fit-notes", Static).update("\n".join(f"• {note}" for note in notes))
        for widget_id in ("#fit-label", "#fit-notes"):
            self.query_one(widget_id).display = bool(notes)
        sample = self.query_one("#sample", Select)
        sample.set_options((case.title.in_language(language), case.id) for case in workshop.cases)
        has_cases = bool(workshop.cases)
        sample.display = has_cases
        self.query_one("#sample-label").display = has_cases

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id == "workshop":
            self.show_workshop(self.workshop)
        elif event.select.id == "sample" and isinstance(event.value, str):
            sample = next(c for c in self.workshop.cases if c.id == event.value)
            form = self.query_one(CaseForm)
            theme = form.case.theme
            language = current_language()
            title, text = sample.title.in_language(language), sample.text.in_language(language)
            form.fill(CaseText(title, " ".join(text.split()), theme))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_create()

    def action_create(self) -> None:
        """Make the session file and go to the table, to seat the stakeholders."""
        from game.tui.screens.board import BoardScreen
        from game.tui.screens.table import TableScreen

        case = self.query_one(CaseForm).case
        context = self.context
        now = local_time(dt.datetime.fromtimestamp(context.clock(), dt.UTC))
        path = new_session_path(context.sessions_dir, case.title or _("sessie"), now)
        try:
            live = LiveSession.create(
                path,
                deck=context.deck,
                deck_path=context.deck_path,
                workshop=self.workshop,
                case=compose_case(case),
                clock=context.clock,
            )
        except InputError as error:
            self.notify(str(error.problems[0]), title=_("Niet gemaakt"), severity="error")
            return
        except (Refused, StoreError) as error:
            self.notify(str(error), title=_("Niet gemaakt"), severity="error")
            return
        self.app.switch_screen(BoardScreen(live, context))
        self.app.push_screen(TableScreen(live, context))
