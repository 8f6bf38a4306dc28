"""The first screen: the join code from the facilitator's screen, and your name."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import HorizontalGroup, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Input, Static

from catalogue import _
from game.engine.decide import MAX_NAME
from game.participation import WrongJoinCode, anonymous_join_allowed
from game.store import Refused, StoreError

if TYPE_CHECKING:
    from game.tui.participant.app import ParticipantApp

CODE_FIELD_LENGTH = 12
"""Room for a six-character code typed with spaces or dashes."""


class JoinScreen(Screen[None]):
    """Type the join code and a name (or join anonymously, when the open ballot is)."""

    CSS_PATH = ["stage.tcss", "join.tcss"]
    BINDINGS = [Binding("ctrl+q", "app.quit", _("Stoppen"), show=False)]

    def __init__(self, code: str | None = None, name: str | None = None) -> None:
        super().__init__()
        self.given_code = code
        self.given_name = name

    @property
    def participant_app(self) -> ParticipantApp:
        """The app, typed."""
        from game.tui.participant.app import ParticipantApp

        assert isinstance(self.app, ParticipantApp)
        return self.app

    def compose(self) -> ComposeResult:
        yield Static("netwerktafel", id="top")
        with VerticalScroll(id="page"):
            yield Static(_("Stemmen aan de netwerktafel"), classes="title")
            yield Static(
                _("Typ de deelnamecode die de begeleider toont, en je naam."), classes="lead"
            )
            yield Static(_("Deelnamecode"), classes="label")
            yield Input(
                self.given_code or "",
                placeholder=_("bv. K7M3QX"),
                max_length=CODE_FIELD_LENGTH,
                id="code",
            )
            yield Static(_("Je naam"), classes="label")
            yield Input(
                self.given_name or "",
                placeholder=_("voornaam volstaat"),
                max_length=MAX_NAME,
                id="name",
            )
            with HorizontalGroup(classes="buttons"):
                yield Button(_("Meedoen"), variant="primary", id="join")
                yield Button(_("Anoniem meedoen"), id="anonymous")
            yield Static("", id="problem", classes="problem")
            yield Static(
                _("Met dezelfde naam kom je later terug bij je eigen stemmen."), classes="hint"
            )

    def on_mount(self) -> None:
        self.show_problem("")
        self.refresh_anonymous()
        first_empty = "#name" if self.given_code else "#code"
        self.query_one(first_empty, Input).focus()
        if self.given_code and self.given_name:
            # Both given on the command line: join straight away.
            self.join(anonymous=False)

    def refresh_anonymous(self) -> None:
        """Offer joining anonymously only while the engine's rule allows it."""
        state = self.participant_app.voter.store.state
        self.query_one("#anonymous").display = anonymous_join_allowed(state)

    def show_problem(self, text: str) -> None:
        """Show (or clear) the line that says what went wrong."""
        problem = self.query_one("#problem", Static)
        problem.update(text)
        problem.display = bool(text)

    @on(Input.Submitted, "#code")
    def next_field(self) -> None:
        self.query_one("#name", Input).focus()

    @on(Input.Submitted, "#name")
    @on(Button.Pressed, "#join")
    def join_by_name(self) -> None:
        self.join(anonymous=False)

    @on(Button.Pressed, "#anonymous")
    def join_anonymously(self) -> None:
        self.join(anonymous=True)

    @work(exclusive=True, group="join")
    async def join(self, *, anonymous: bool) -> None:
        """Join with what is typed; a wrong code is answered only after a delay."""
        app = self.participant_app
        code = self.query_one("#code", Input).value
        name = self.query_one("#name", Input).value
        buttons = self.query(Button)
        buttons.set(disabled=True)
        self.show_problem("")
        try:
            if anonymous:
                app.voter.join_anonymously(code)
            else:
                app.voter.join(code, name)
        except WrongJoinCode:
            delay = app.throttle.wrong_code()
            self.show_problem(_("Even geduld…"))
            # Wait before saying the code is wrong: guessing codes gets slower and slower.
            await asyncio.sleep(delay)
            if app.throttle.exhausted:
                self.show_problem(
                    _("Te veel foute codes. Vraag de begeleider om de code en begin opnieuw.")
                )
                await asyncio.sleep(app.throttle.longest / 4)
                app.exit(message=_("Te veel foute deelnamecodes."))
                return
            self.show_problem(_("Deze code klopt niet. Kijk nog eens naar het scherm."))
            self.query_one("#code", Input).focus()
            buttons.set(disabled=False)
            return
        except (Refused, StoreError) as refusal:
            reason = refusal.reason if isinstance(refusal, Refused) else str(refusal)
            self.show_problem(reason[:1].upper() + reason[1:] + ".")
            buttons.set(disabled=False)
            return
        app.show_stage()
