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

from game.room_address import DEFAULT_PORT, Addresses, qr_text


class BrowserVotingScreen(ModalScreen[None]):
    """What `netwerktafel serve` prints, shown on the facilitator's screen for the room."""

    CSS_PATH = "browser_voting.tcss"
    BINDINGS = [Binding("escape,w,q", "dismiss", "Sluiten")]

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
        with VerticalScroll(id="dialog"):
            yield Static(
                RichText("Stemmen op de gsm, het scherm op de beamer", style="bold"),
                classes="title",
            )
            with Horizontal():
                with Vertical(id="words"):
                    yield Static(
                        "Start in een tweede terminal en laat die open zolang er gestemd wordt:",
                        classes="hint",
                    )
                    yield Static(RichText(command, style="bold"), id="command")
                    yield Static(
                        RichText.assemble(
                            "Deelnemers scannen de code of openen ",
                            (self.addresses.phone, "bold underline"),
                            " en tikken de deelnamecode ",
                            (self.join_code, "bold reverse"),
                            ".",
                        ),
                        id="address",
                    )
                    yield Static(
                        RichText.assemble(
                            "Op de beamer: ",
                            (self.addresses.beamer, "bold underline"),
                            " (de code, de ronde en de klok, en de uitslag zodra je ze toont).",
                        ),
                        id="beamer",
                    )
                yield Static(qr_text(self.addresses.phone_with_code(self.join_code)), id="qr")
            yield Static("Esc sluit", classes="hint")
