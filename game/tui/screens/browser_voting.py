"""How the room takes part: the command to start, the phone and beamer addresses, a QR code."""

from __future__ import annotations

import shlex
from pathlib import Path

from rich.text import Text as RichText
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from catalogue import SOURCE_LANGUAGE, _, current_language
from game.room_address import DEFAULT_PORT, Addresses, qr_text
from game.tui.styled import styled


class BrowserVotingScreen(ModalScreen[None]):
    """What `netwerktafel serve` prints, shown on the facilitator's screen for the room."""

    CSS_PATH = "browser_voting.tcss"
    BINDINGS = [Binding("escape,w,q", "dismiss", _("Sluiten"))]

    def __init__(self, session: Path, join_code: str, port: int = DEFAULT_PORT) -> None:
        super().__init__()
        self.session = session
        self.join_code = join_code
        self.addresses = Addresses.serving("0.0.0.0", port)
        self.port = port

    def compose(self) -> ComposeResult:
        command = f"netwerktafel serve {shlex.quote(str(self.session))} --host 0.0.0.0"
        if self.port != DEFAULT_PORT:
            command += f" --port {self.port}"
        if current_language() != SOURCE_LANGUAGE:
            # The room's pages follow the app: serve runs in another process.
            command += f" --taal {current_language()}"
        with VerticalScroll(id="dialog"):
            yield Static(
                RichText(_("Stemmen op de gsm, het scherm op de beamer"), style="bold"),
                classes="title",
            )
            with Horizontal():
                with Vertical(id="words"):
                    yield Static(
                        _("Start in een tweede terminal en laat die open zolang er gestemd wordt:"),
                        classes="hint",
                    )
                    yield Static(RichText(command, style="bold"), id="command")
                    yield Static(
                        styled(
                            _(
                                "Deelnemers scannen de code of openen {address} en tikken "
                                "de deelnamecode {code}."
                            ),
                            address=(self.addresses.phone, "bold underline"),
                            code=(self.join_code, "bold reverse"),
                        ),
                        id="address",
                    )
                    yield Static(
                        styled(
                            _(
                                "Op de beamer: {address} (de code, de ronde en de klok, en de "
                                "uitslag zodra je ze toont)."
                            ),
                            address=(self.addresses.beamer, "bold underline"),
                        ),
                        id="beamer",
                    )
                yield Static(qr_text(self.addresses.phone_with_code(self.join_code)), id="qr")
            yield Static(_("Esc sluit"), classes="hint")
